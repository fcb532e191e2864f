#pragma once
/// @file Lint findings written out: lint@1 JSON (docs/lint.md).

#include <kehoach/diagnostic.hpp>
#include <kehoach/model/plan.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/// The schema name lint@1 documents carry.
inline constexpr std::string_view lint_schema = "kehoach/lint@1";

/// Each plan's findings as lint@1: `{"schema", "plans": [{"number", "issuer", "errors",
/// "warnings", "info", "findings": [{"severity", "code", "item", "line", "column", "message"}]}]}`.
/// `findings[k]` belongs to `plans[k]`; throws kehoach::error when their sizes differ.
[[nodiscard]] std::string to_lint_json(std::span<const plan> plans, std::span<const std::vector<diagnostic>> findings);

}  // namespace kehoach
