#pragma once
/// @file A schedule written out: schedule@1 JSON, and CSV for spreadsheets (docs/scheduling.md).

#include <kehoach/graph/schedule.hpp>

#include <string>

namespace kehoach {

/// The schedule as schedule@1 JSON: its start and horizon, a row per activity, the activities that
/// cannot meet a deadline with their chains, the critical paths and the diagnostics.
[[nodiscard]] std::string to_schedule_json(const schedule& s);

/// A row per activity, with a header: `plan` (when the schedule spans several plans), `id`,
/// `state`, the four dates (ISO), `total_slack`, `free_slack`, `critical` (0/1). RFC 4180 quoting.
[[nodiscard]] std::string to_schedule_csv(const schedule& s);

}  // namespace kehoach
