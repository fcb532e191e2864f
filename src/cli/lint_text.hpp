#pragma once
// Lint findings as terminal text, in Vietnamese or English.

#include <kehoach/diagnostic.hpp>
#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>

#include <span>
#include <string>
#include <vector>

namespace kehoach::cli {

/// Plan after plan: a line of counts, then the findings grouped by severity (errors first), each
/// with its line (and column) in the plan document.
[[nodiscard]] std::string lint_text(std::span<const plan> plans, std::span<const std::vector<diagnostic>> findings,
                                    language lang);

}  // namespace kehoach::cli
