#pragma once
// A schedule as terminal text, in Vietnamese or English.

#include "summary_text.hpp"

#include <kehoach/graph/schedule.hpp>
#include <kehoach/model/plan.hpp>

#include <string>

namespace kehoach::cli {

/// A table of the plan's items with their dates and slack, then what cannot meet its deadline and
/// what the schedule noticed.
[[nodiscard]] std::string schedule_text(const plan& p, const schedule& s, language lang);

}  // namespace kehoach::cli
