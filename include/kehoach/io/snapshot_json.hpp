#pragma once
/// @file A snapshot written out: snapshot@1 JSON, and CSV for spreadsheets (docs/tracking.md).

#include <kehoach/model/plan.hpp>
#include <kehoach/track/snapshot.hpp>

#include <span>
#include <string>

namespace kehoach {

/// The snapshot of `plans` (one plan, or a portfolio's plans in order) as snapshot@1 JSON: its
/// date, the counts, a row per item (`plan` when there are several), the occurrences of
/// recurring work and the log's diagnostics.
[[nodiscard]] std::string to_snapshot_json(std::span<const plan* const> plans, const snapshot& s);

/// A row per item, with a header: `plan` (when several), `id`, `kind`, `category`, `days_late`,
/// `days_left`, `stale` (0/1), `percent`, `last_update`, `done_on`, `due` (ISO; empty for none).
[[nodiscard]] std::string to_snapshot_csv(std::span<const plan* const> plans, const snapshot& s);

}  // namespace kehoach
