#pragma once
/// @file A plan's deadlines as an iCalendar file (RFC 5545), for the calendars people already use.

#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/time/calendar.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

struct ics_options {
    /// Export redacted(p): no personal name, neither the signer's (the title stays) nor those in
    /// titles, text and units (docs/hardening.md#privacy).
    bool redact = false;
    language lang = language::vi;
    /// DTSTAMP, when the file was made; now when not given. Give it for a file that is the same
    /// byte for byte each time it is made from the same plan.
    std::optional<std::chrono::sys_seconds> stamp;
};

/// The iCalendar text, and what it could not put on a calendar.
struct ics_export {
    std::string text;
    std::size_t events = 0;
    /// Items with a deadline (and tasks without one) that have no day to put on a calendar:
    /// ongoing work, work after an event with no date yet, deadlines that could not be read.
    std::vector<item_index> left_out;
};

/**
 * @brief The plan's deadlines as iCalendar (RFC 5545, docs/exports.md): one all-day event per
 *        item on its due day, rolled past rest days by `cal` (a window's due day is its last day);
 *        one event with an RRULE per rule of a recurring obligation; work after a dated event on
 *        the event's day.
 *
 * SUMMARY is "[24/KH-UBND] 1.2 Title"; DESCRIPTION gives the deadline as written, the window,
 * the lead and support units and the signer. UIDs are made of the plan's number and date and the
 * item's id, so importing a newer file updates the events instead of adding them again. Lines end
 * in CRLF and are folded at 75 octets without splitting a UTF-8 sequence.
 * @code
 * auto ics = kehoach::to_ics(plan, {.redact = true});
 * kehoach::write_file_atomically("ke-hoach.ics", ics.text);
 * fmt::print("{} events, {} items left out\n", ics.events, ics.left_out.size());
 * @endcode
 */
[[nodiscard]] ics_export to_ics(const plan& p, const ics_options& options = {},
                                const calendar& cal = calendar::vietnam());

/// TEXT as RFC 5545 §3.3.11 escapes it: backslash, semicolon, comma, and line breaks as `\n`.
[[nodiscard]] std::string ics_escape(std::string_view text);

/// One content line, folded (RFC 5545 §3.1): CRLF at the end, and CRLF + space inserted so that no
/// line exceeds 75 octets; a fold never falls inside a UTF-8 sequence.
[[nodiscard]] std::string ics_fold(std::string_view line);

}  // namespace kehoach
