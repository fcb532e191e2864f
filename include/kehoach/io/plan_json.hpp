#pragma once
/// @file plan@1 JSON, read and written (docs/plan-format.md).

#include <kehoach/limits.hpp>
#include <kehoach/model/plan.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/// The schema name plan@1 files carry.
inline constexpr std::string_view plan_schema = "kehoach/plan@1";

/**
 * @brief Reads a plan@1 document.
 *
 * Throws parse_error with line, column and JSON path for malformed JSON, a wrong schema, an
 * unknown field, a value of the wrong type, an impossible date, a duplicate id and a reference to
 * nothing, and for input over `limits`. `source` names the input in messages.
 * @code
 * auto p = kehoach::parse_plan_json(R"({"schema": "kehoach/plan@1", "plan": {}, "items": []})");
 * @endcode
 */
[[nodiscard]] plan parse_plan_json(std::string_view text, std::string_view source = "<string>", const read_limits& limits = {});

/// Reads a plan@1 file ("-" for standard input).
[[nodiscard]] plan load_plan_json(const std::filesystem::path& path, const read_limits& limits = {});

/// The schema name of a registry of units a user keeps (docs/plan-format.md).
inline constexpr std::string_view units_schema = "kehoach/units@1";

/**
 * @brief Reads a registry of units: a units@1 document (`{"schema": "kehoach/units@1", "units":
 *        [...]}`, the units as plan@1 has them), or a plan@1 document, whose units it takes.
 *
 * For read_options::known_units. Throws parse_error as parse_plan_json() does.
 */
[[nodiscard]] std::vector<unit> parse_units_json(std::string_view text, std::string_view source = "<string>",
                                                const read_limits& limits = {});

/// Reads a registry of units from a file ("-" for standard input); see parse_units_json().
[[nodiscard]] std::vector<unit> load_units(const std::filesystem::path& path, const read_limits& limits = {});

/// The canonical plan@1 text of a plan: reading it back gives the same plan and the same text.
[[nodiscard]] std::string to_plan_json(const plan& p);

/// A deadline as plan@1 writes it, with what could not be read:
/// `{"deadline": {"text", "kind", ...}, "diagnostics": [...]}`.
[[nodiscard]] std::string to_deadline_json(const deadline_reading& reading);

}  // namespace kehoach
