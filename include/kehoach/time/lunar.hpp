#pragma once
/// @file The Vietnamese lunar calendar (âm lịch): solar ↔ lunar dates, leap months and month lengths.

#include <kehoach/time/date.hpp>

namespace kehoach {

/**
 * @brief A date of the lunisolar calendar.
 *
 * Months are numbered 1..12; a leap month (tháng nhuận) repeats the number of the month before it.
 * @code
 * lunar_date gio_to{.year = 2023, .month = 3, .day = 10};  // Giỗ Tổ Hùng Vương 2023
 * lunar_date nhuan{.year = 2023, .month = 2, .day = 1, .leap = true};
 * @endcode
 */
struct lunar_date {
    int year = 0;        ///< the lunar year: the one whose month 1 starts at Tết
    unsigned month = 0;  ///< 1..12
    unsigned day = 0;    ///< 1..30
    bool leap = false;   ///< a leap month, numbered like the month before it

    friend bool operator==(const lunar_date&, const lunar_date&) = default;
};

/// The offset from UTC, in hours, at which Vietnam's calendar is computed (105°E). China's uses 8.
inline constexpr double vietnam_utc_offset = 7.0;

/**
 * @brief The lunar date of a solar date.
 *
 * A month begins on the local day that holds the new moon; the winter solstice falls in month 11; in a
 * year of 13 months the first month without a principal solar term is the leap month. Vietnam computes
 * this at UTC+7 since Quyết định 121-CP (1967); before that (and in the South until 1975) it used China's
 * calendar, so pass 8.0 for dates as people kept them then. The months of the supported range,
 * 1900-01-31 .. 2100-12-31, are computed once per offset (a few milliseconds); later calls are a binary
 * search. New moons are computed to within about a minute, so a month whose new moon falls within a
 * minute of midnight (at UTC+7: 1944-06-20, 1967-07-07, 2054-05-08, 2077-11-15, 2085-10-18) may start a
 * day apart from other almanacs.
 * @throws error when `day` is outside 1900-01-31 .. 2100-12-31, or the offset is not a whole number of
 *         quarter hours within -12..14.
 * @code
 * auto tet = to_lunar(*make_date(2024, 2, 10));     // {2024, 1, 1}
 * auto cn = to_lunar(*make_date(2030, 2, 2), 8.0);  // China: {2029, 12, 30}; Vietnam's Tết is that day
 * @endcode
 */
[[nodiscard]] lunar_date to_lunar(date day, double utc_offset_hours = vietnam_utc_offset);

/**
 * @brief The solar date of a lunar date.
 * @throws error when no such lunar date exists (month 0 or 13, a leap month the year does not have,
 *         day 30 of a 29-day month) or when it falls outside 1900-01-31 .. 2100-12-31.
 * @code
 * date gio_to = from_lunar({.year = 2025, .month = 3, .day = 10});  // 2025-04-07
 * @endcode
 */
[[nodiscard]] date from_lunar(const lunar_date& day, double utc_offset_hours = vietnam_utc_offset);

/**
 * @brief The leap month of a lunar year (1..12), or 0 when the year has none.
 * @throws error when `lunar_year` is outside 1900..2100.
 * @code
 * leap_month(2023);  // 2: the year has a "tháng 2 nhuận"
 * @endcode
 */
[[nodiscard]] unsigned leap_month(int lunar_year, double utc_offset_hours = vietnam_utc_offset);

/**
 * @brief The number of days, 29 or 30, of a lunar month.
 *
 * The length of month 12 tells whether the eve of Tết is "29 Tết" or "30 Tết".
 * @throws error when the month does not exist or `lunar_year` is outside 1900..2100.
 * @code
 * lunar_month_length(2021, 12);  // 29: Tết 2022 came after 29 Chạp
 * @endcode
 */
[[nodiscard]] unsigned lunar_month_length(int lunar_year, unsigned month, bool leap = false,
                                          double utc_offset_hours = vietnam_utc_offset);

}  // namespace kehoach
