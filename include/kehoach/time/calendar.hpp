#pragma once
/// @file Working days: the working week, statutory holidays (the lunar ones computed), compensatory
///       days, official yearly schedules, and O(1) working-day arithmetic.

#include <kehoach/enum_names.hpp>
#include <kehoach/time/date.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/// Why a day is off, or why a rest day is worked.
enum class day_off_kind : std::uint8_t {
    statutory,       ///< a holiday of Labor Code art. 112
    compensatory,    ///< a holiday fell on a weekly rest day: art. 111(3) gives the next working day
    decreed,         ///< off by decision: a swapped day, or a day a user added
    makeup_workday,  ///< a rest day worked instead of a swapped day (ngày làm bù)
};

template <>
struct enum_names<day_off_kind> {
    static constexpr std::array<std::string_view, 4> value{"statutory", "compensatory", "decreed", "makeup_workday"};
};

/// A day off, or a make-up working day, with its name ("Tết Nguyên đán", "Nghỉ bù Quốc khánh").
struct calendar_day {
    date day;
    std::string name;
    day_off_kind kind = day_off_kind::statutory;

    friend bool operator==(const calendar_day&, const calendar_day&) = default;
};

/// The working days of a week, Monday first.
using working_week = std::array<bool, 7>;

/// Monday to Friday: the civil service's 40-hour week (Quyết định 188/1999/QĐ-TTg).
inline constexpr working_week monday_to_friday{true, true, true, true, true, false, false};

/**
 * @brief Which days are worked, and arithmetic in working days.
 *
 * The Vietnamese calendar: the working week; the holidays of Labor Code 2019 art. 112 (from 2021;
 * the 2012 Code's ten days before), Tết and Giỗ Tổ computed from the lunar calendar; the
 * compensatory days of art. 111(3); and the official civil-service schedules (Tết and National Day
 * blocks, swapped days, make-up Saturdays), shipped as data for 2023–2026 and extendable at run time,
 * since swaps are decided late. A year's schedule replaces the computed days of the occasions it
 * covers. Years without one get Tết on the last day of the lunar year and the first four of the
 * new one, and National Day on 1 and 2 September.
 *
 * Every change rebuilds an index of the whole range (2013-01-01 .. 2100-12-31), so that
 * is_working_day(), add_working_days() and working_days_between() are O(1).
 * @code
 * auto cal = kehoach::calendar::vietnam();
 * auto due = cal.add_working_days(*kehoach::make_date(2024, 2, 7), 1);  // 2024-02-15, after Tết
 * @endcode
 */
class calendar {
public:
    static constexpr int first_year = 2013;
    static constexpr int last_year = 2100;
    static constexpr date first_day{std::chrono::year{first_year} / std::chrono::January / 1};

    /// Only the working week: no holidays.
    explicit calendar(working_week week = monday_to_friday);

    /// Vietnam's civil-service calendar, with the shipped official schedules.
    [[nodiscard]] static calendar vietnam(working_week week = monday_to_friday);

    /// Adds the statutory holidays and compensatory days of art. 111–112 for every year.
    void add_statutory_holidays();
    /// Reads official schedules in the holidays@1 format (data/holidays/vn-civil-service.json);
    /// a year given again replaces the earlier schedule of that year. Throws parse_error naming
    /// `source`, line and column.
    void load_schedule(std::string_view json_text, std::string_view source = "<string>");
    void load_schedule_file(const std::filesystem::path& path);
    /// A day off by decision (kind `decreed`), e.g. a swap announced after the plans were made.
    void add_day_off(date day, std::string name);
    /// A rest day that is worked (kind `makeup_workday`).
    void add_working_day(date day, std::string name);
    /// The same holidays with another working week (an office that works on Saturdays).
    [[nodiscard]] calendar with_working_week(working_week week) const;

    [[nodiscard]] const working_week& week() const noexcept { return week_; }
    [[nodiscard]] bool is_working_day(date day) const;
    /// The first working day after `day`.
    [[nodiscard]] date next_working_day(date day) const;
    /// The last working day before `day`.
    [[nodiscard]] date previous_working_day(date day) const;
    /// Civil Code art. 148: a deadline that falls on a rest day ends on the next working day.
    [[nodiscard]] date roll_forward(date day) const;
    /// The n-th working day after `day` (n > 0), before it (n < 0); n == 0 rolls forward. The start
    /// day is not counted (Civil Code art. 147).
    [[nodiscard]] date add_working_days(date day, int n) const;
    /// Working days in (from, to]: the start day is not counted, the end day is. Negative when
    /// `to` is before `from`; add_working_days(from, working_days_between(from, to)) == to for a
    /// working day `to`.
    [[nodiscard]] int working_days_between(date from, date to) const;

    /// How many working days of the calendar's range come before `day`: a working day's place in
    /// the sequence of working days (0-based), or the place of the next one for a rest day.
    /// Schedules count in these, so that working-day arithmetic is integer arithmetic.
    [[nodiscard]] std::int32_t working_day_number(date day) const {
        // Inline: a schedule asks this twice for each of a million activities.
        const auto i = (day - first_day).count();
        if (i < 0 || i >= static_cast<std::int64_t>(worked_before_.size()) - 1) throw_outside(day);
        return worked_before_[static_cast<std::size_t>(i)];
    }
    /// The working day at place `number` of the sequence; throws kehoach::error outside the range.
    [[nodiscard]] date working_day(std::int32_t number) const;
    /// The days off and make-up working days of a year, by date.
    [[nodiscard]] std::vector<calendar_day> holidays(int year) const;
    /// The year's days as a holidays@1 schedule replacing every occasion: edit it and load it back
    /// with load_schedule() when a swap is decreed.
    [[nodiscard]] std::string schedule_json(int year) const;

    /// Offset of a day in the index; throws kehoach::error outside the calendar's range.
    [[nodiscard]] std::int32_t offset(date day) const;

private:
    [[noreturn]] static void throw_outside(date day);
    /// One year of an official schedule, as loaded.
    struct schedule {
        int year = 0;
        std::vector<std::string> replaces;  ///< the occasions whose computed days it replaces
        std::vector<calendar_day> days_off;
        std::vector<bool> in_range;  ///< given as a range: a weekly rest day in it is not listed
        std::vector<calendar_day> working_days;
    };

    void rebuild();

    working_week week_;
    bool statutory_ = false;
    std::vector<schedule> schedules_;
    std::vector<calendar_day> user_days_;
    // Built by rebuild(): the year's entries, and the index.
    std::vector<calendar_day> entries_;        // sorted by day
    std::vector<std::int32_t> worked_before_;  // working days in [origin, origin + i)
    std::vector<std::int32_t> working_;        // offsets of the working days, ascending
};

}  // namespace kehoach
