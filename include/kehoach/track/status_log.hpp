#pragma once
/// @file The status log (status@1): what units report, row after row, never rewritten.

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/diagnostic.hpp>
#include <kehoach/enum_names.hpp>
#include <kehoach/limits.hpp>
#include <kehoach/time/date.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

class plan;
class portfolio;

/// What a status update says (status@1 `state`).
enum class status_state : std::uint8_t { started, progress, done, cancelled };

template <>
struct enum_names<status_state> {
    static constexpr std::array<std::string_view, 4> value{"started", "progress", "done", "cancelled"};
};

/// A status update whose item is resolved: the form snapshots compute on, by the million.
struct status_row {
    std::uint32_t item = 0;  ///< an item of the plan (or of the portfolio, counted plan after plan)
    date day;
    status_state state = status_state::progress;
    std::int8_t percent = -1;  ///< 0..100; -1 when not given

    friend bool operator==(const status_row&, const status_row&) = default;
};

/// One row of a status log, as written.
struct status_update {
    std::string item;  ///< an item's id (or number, when that names one item), or an event's id
    std::string plan;  ///< the plan's number, in a portfolio's log; empty in a plan's own log
    date day;
    status_state state = status_state::progress;
    std::optional<int> percent;
    std::string note;
    std::size_t line = 0;  ///< where it was read (1-based); 0 when added through the API

    friend bool operator==(const status_update&, const status_update&) = default;
};

/**
 * @brief An append-only log of status updates, in the order they were written.
 *
 * Reading checks the form of every row (a known state, a date that exists, a whole-number
 * percent) and throws parse_error at the first bad field, with file, line and column. What needs
 * the plan (does the item exist, is the percent in range, does work regress after it is done)
 * is checked by validate(), which reports every problem with its line.
 * @code
 * auto log = kehoach::read_status_log("status.csv");
 * for (const auto& d : log.validate(plan)) fmt::print("{}: {}\n", d.line, d.message);
 * @endcode
 */
class status_log {
public:
    void append(status_update update) { updates_.push_back(std::move(update)); }
    [[nodiscard]] std::span<const status_update> updates() const noexcept { return updates_; }
    [[nodiscard]] std::size_t size() const noexcept { return updates_.size(); }
    [[nodiscard]] bool empty() const noexcept { return updates_.empty(); }

    /// Every problem against the plan, in log order: `unknown_item` (error), `before_plan` (a
    /// date before the plan was issued; error), `percent_out_of_range` (error), `regression`
    /// (work reported started or in progress after it was done, without reopening it by
    /// `cancelled`; warning: the later row stands, nothing is reordered), `plan_in_log` (a
    /// portfolio's plan column in a plan's own log; error).
    [[nodiscard]] std::vector<diagnostic> validate(const plan& p) const;
    [[nodiscard]] std::vector<diagnostic> validate(const portfolio& p) const;

private:
    std::vector<status_update> updates_;
};

/// A log's rows resolved to the items they name: what snapshots are computed from.
struct resolved_log {
    /// The rows that name an item, in log order; items of a portfolio count plan after plan. Rows
    /// with an error (see status_log::validate()) are left out; regressions are kept.
    detail::column<status_row> rows;
    std::vector<diagnostic> diagnostics;
    /// By plan (one for a plan's own log), by event: the first day a row reports the event done.
    std::vector<std::vector<std::optional<date>>> event_done;
};

[[nodiscard]] resolved_log resolve(const status_log& log, const plan& p);
[[nodiscard]] resolved_log resolve(const status_log& log, const portfolio& p);

/// Reads status@1 CSV (a header naming `item, date, state`, optionally `percent`, `note`, `plan`,
/// in any order) or JSON (`{"schema": "kehoach/status@1", "updates": [...]}`), told apart by the
/// first character. `source` names the input in errors; input over `limits` is a parse_error.
[[nodiscard]] status_log parse_status_log(std::string_view text, std::string_view source = "<string>",
                                          const read_limits& limits = {});
/// Reads a status log file, or standard input for "-".
[[nodiscard]] status_log read_status_log(const std::filesystem::path& path, const read_limits& limits = {});

/// The log as status@1 CSV (header first) or JSON.
[[nodiscard]] std::string status_csv(const status_log& log);
[[nodiscard]] std::string status_json(const status_log& log);

/**
 * @brief Adds updates to the end of a status log file, safely.
 *
 * The file is read and checked first, so nothing is added to a file that is not a status log.
 * The new log is written whole to a temporary file beside the old one, flushed to disk and
 * renamed over it, so a crash leaves the old log or the new one, never a torn row. A CSV log
 * keeps its bytes as they were, the new rows after them; a JSON log is written anew with every
 * update it held. A missing file is created (JSON when the name ends in `.json`, else CSV).
 * Appends to logs of one folder, from threads or processes, take turns (a lock on the folder),
 * so none loses another's rows.
 */
void append_status(const std::filesystem::path& path, std::span<const status_update> updates);

}  // namespace kehoach
