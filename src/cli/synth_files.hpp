#pragma once
// A synthetic portfolio written out as tables (and, on request, as plan@1 files).

#include <kehoach/graph/synthetic.hpp>

#include <filesystem>

namespace kehoach::cli {

/// Writes plans.csv, items.csv, edges.csv and status.csv into `folder` (created if need be); with
/// `plan_files`, also one plan@1 file a plan under `folder`/plans. Returns the files written.
std::size_t write_synthetic(const synthetic_portfolio& s, const std::filesystem::path& folder, bool plan_files);

}  // namespace kehoach::cli
