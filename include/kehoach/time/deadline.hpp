#pragma once
/// @file A deadline as a value: its kind, window, flags and recurrence, with the original phrase kept.

#include <kehoach/diagnostic.hpp>
#include <kehoach/enum_names.hpp>
#include <kehoach/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/// What a deadline phrase says about time (docs/plan-format.md, "deadline").
enum class deadline_kind : std::uint8_t {
    by_date,        ///< "Trước ngày 30/6/2023": due on `end`
    within_period,  ///< "Trong quý I/2023": a window `start`..`end`
    ongoing,        ///< "Thường xuyên"
    recurring,      ///< "trước ngày 12 hàng tháng": see `recurrence`
    after_event,    ///< "Sau khi Chính phủ ban hành Nghị định": see `event`
    from_date,      ///< "Từ ngày 01/6/2023"
    unknown,        ///< not understood; the text is kept and a diagnostic says why
};

template <>
struct enum_names<deadline_kind> {
    static constexpr std::array<std::string_view, 7> value{
        "by_date", "within_period", "ongoing", "recurring", "after_event", "from_date", "unknown"};
};

/// How often a recurring obligation falls due.
enum class frequency : std::uint8_t { weekly, monthly, quarterly, semiannual, annual };

template <>
struct enum_names<frequency> {
    static constexpr std::array<std::string_view, 5> value{"weekly", "monthly", "quarterly", "semiannual",
                                                           "annual"};
};

/**
 * @brief One rule of a recurring obligation, e.g. a monthly report due before the 12th.
 * @code
 * recurrence_rule monthly_report{.freq = frequency::monthly, .day = 12, .before = true};
 * @endcode
 */
struct recurrence_rule {
    frequency freq = frequency::monthly;
    std::uint8_t day = 0;      ///< day of the month, 1..31; 0 = not given
    std::uint8_t weekday = 0;  ///< weekly: 1 (Monday) .. 7; 0 = not given
    bool before = false;       ///< due strictly before `day`/`weekday`
    std::uint8_t month = 0;    ///< month of the period (1..3 quarter, 1..6 half, 1..12 year); 0 = not given
    bool next_period = false;  ///< each period's occurrence is due in the following period
    std::optional<std::uint16_t> minute_of_day;  ///< "trước 16 giờ 00": 960

    friend bool operator==(const recurrence_rule&, const recurrence_rule&) = default;
};

/// When an item is due. Every field but `text` and `kind` may be empty.
struct deadline {
    std::string text;  ///< the phrase as written
    deadline_kind kind = deadline_kind::unknown;
    std::optional<date> start;  ///< first day of the window
    std::optional<date> end;    ///< last day of the window / the due date, before any rest-day roll
    bool soft = false;          ///< "Phấn đấu ...": a target, not a binding deadline
    bool also_ongoing = false;  ///< "... và duy trì thường xuyên"
    std::vector<recurrence_rule> recurrence;
    std::string event;  ///< after_event: what must happen first

    friend bool operator==(const deadline&, const deadline&) = default;
};

/// A deadline read from its phrase, and what could not be read.
struct deadline_reading {
    kehoach::deadline deadline;
    /// Why the kind is `unknown`: codes `unrecognized_deadline`, `invalid_date`, `missing_year`,
    /// `ambiguous_deadline`. `column` counts characters in the phrase (1-based); `line` is 0.
    std::vector<diagnostic> diagnostics;
};

/**
 * @brief Reads a Vietnamese deadline phrase: "Trong quý I/2023", "Thường xuyên", "trước ngày 12 hàng
 *        tháng", "Sau khi Chính phủ ban hành Nghị định", "Từ 16/4/2024 đến 31/5/2024", ...
 *
 * The phrase is kept in `deadline.text`. A date or period that omits its year takes the year of
 * `issued`. NFC and NFD, any dash, spacing and case read alike. What it cannot read, or a date that
 * does not exist (`Tháng 13/2023`, `31/02/2023`), gives kind `unknown` and a diagnostic: it never
 * guesses. Phrase families and their meanings: docs/deadlines.md.
 * @code
 * auto q1 = kehoach::parse_deadline("Trong quý I/2023 và duy trì thường xuyên").deadline;
 * assert(q1.kind == kehoach::deadline_kind::within_period && q1.also_ongoing);
 * @endcode
 */
[[nodiscard]] deadline_reading parse_deadline(std::string_view text, std::optional<date> issued = std::nullopt);

}  // namespace kehoach
