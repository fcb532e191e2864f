#pragma once
// The plan summary as terminal text, in Vietnamese or English.

#include <kehoach/analysis/summary.hpp>
#include <kehoach/language.hpp>

#include <string>
#include <string_view>

namespace kehoach::cli {

[[nodiscard]] std::string summary_text(const plan& p, const plan_summary& s, language lang);

}  // namespace kehoach::cli
