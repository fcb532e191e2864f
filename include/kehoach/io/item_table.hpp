#pragma once
/// @file A plan's items as a table, one row per item: what `kehoach export --to csv` writes and
///       what Plan.to_frame() in Python shows.

#include <kehoach/model/plan.hpp>
#include <kehoach/time/calendar.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

/**
 * @brief One row per item, in document order. Units of a role are their names joined by "; "
 *        (names may hold commas: "Các ban, ngành xã"); `due` is the deadline's last day rolled past
 *        rest days by the calendar, as tracking judges it (none for recurring work: see to_ics).
 */
struct item_table {
    std::vector<std::string> id, number, parent, title;
    std::vector<item_kind> kind;
    std::vector<std::string> lead, support, monitor, report_to;
    std::vector<std::string> deadline;  ///< the phrase as written
    std::vector<std::optional<kehoach::deadline_kind>> deadline_kind;
    std::vector<std::optional<date>> start, end, due;
    std::vector<std::uint8_t> soft, also_ongoing;
    std::vector<std::string> event;       ///< after_event: what must happen first
    std::vector<std::string> depends_on;  ///< ids of the items and events it waits for, joined by "; "

    [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
};

/// The column names, in the order to_items_csv() writes them.
inline constexpr std::array<std::string_view, 18> item_table_columns{
    "id",       "number",        "parent", "kind",  "title", "lead", "support", "monitor",      "report_to",
    "deadline", "deadline_kind", "start",  "end",   "due",   "soft", "also_ongoing", "event", "depends_on"};

/// The table of a plan's items; throws kehoach::error naming the item when a deadline lies outside
/// the calendar's years.
[[nodiscard]] item_table items_of(const plan& p, const calendar& cal = calendar::vietnam());

/**
 * @brief The items as CSV for spreadsheets: RFC 4180, UTF-8 with a byte-order mark (so Excel reads
 *        the Vietnamese right), CRLF line ends, a header row of item_table_columns, dates ISO.
 * @code
 * kehoach::write_file_atomically("nhiem-vu.csv", kehoach::to_items_csv(plan));
 * @endcode
 */
[[nodiscard]] std::string to_items_csv(const plan& p, const calendar& cal = calendar::vietnam());

}  // namespace kehoach
