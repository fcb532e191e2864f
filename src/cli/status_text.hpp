#pragma once
// A snapshot as terminal text, in Vietnamese or English.

#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/track/snapshot.hpp>

#include <span>
#include <string>

namespace kehoach::cli {

/// The tasks of the plans (in the snapshot's count) with their category and days late or left,
/// the counts, and the log's problems. Several plans: each row names its plan.
[[nodiscard]] std::string status_text(std::span<const plan* const> plans, const snapshot& s, language lang);

}  // namespace kehoach::cli
