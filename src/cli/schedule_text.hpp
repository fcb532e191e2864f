#pragma once
// A schedule as terminal text, in Vietnamese or English.

#include "summary_text.hpp"

#include <kehoach/graph/schedule.hpp>
#include <kehoach/model/plan.hpp>

#include <string>
#include <vector>

namespace kehoach::cli {

/// A table of the items (`titles` by vertex) with their dates and slack, then what cannot meet
/// its deadline and what the schedule noticed. Several plans: each row names its plan.
[[nodiscard]] std::string schedule_text(const schedule& s, const std::vector<std::string>& titles, language lang);

}  // namespace kehoach::cli
