#pragma once
/// @file The monthly report a unit sends upward: where the plan stands, what fell due, who answers.

#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/time/calendar.hpp>
#include <kehoach/time/date.hpp>
#include <kehoach/track/status_log.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace kehoach {

enum class report_format : std::uint8_t { markdown, html };

template <>
struct enum_names<report_format> {
    static constexpr std::array<std::string_view, 2> value{"markdown", "html"};
};

struct report_options {
    std::chrono::year_month month;  ///< the month reported on
    /// The day the figures stand on. Default: the month's last day, or today (in Vietnam, UTC+7)
    /// while the month is still running, since a report cannot speak for days to come.
    std::optional<date> as_of;
    language lang = language::vi;
    report_format format = report_format::markdown;
    /// Leave out what can name people: report on redacted(p) — no signer's name (the title stays), no
    /// name in titles, units or events — and without the notes of the log (docs/hardening.md#privacy).
    bool redact = false;
    /// Not done and not reported on for more than this many days: listed as stale.
    int stale_after_days = 30;
};

/**
 * @brief The monthly report on a plan (docs/reporting.md): counts and the government's rates,
 *        work due in the month, done on time or late, overdue with who answers for it, next
 *        month's deadlines, recurring obligations, a table per unit, stale work and the month's
 *        updates. A whole document, in Markdown or self-contained HTML.
 *
 * Throws kehoach::error when `as_of` falls before the month begins.
 * @code
 * auto log = kehoach::read_status_log("status.csv");
 * using namespace std::chrono;
 * auto text = kehoach::monthly_report(plan, log, {.month = 2023y / June});
 * @endcode
 */
[[nodiscard]] std::string monthly_report(const plan& p, const status_log& log, const report_options& options,
                                         const calendar& cal = calendar::vietnam());

}  // namespace kehoach
