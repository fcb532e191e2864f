#pragma once
/// @file How plan documents name units: the matching key, list splitting, kinds.

#include <kehoach/model/plan.hpp>
#include <kehoach/model/unit.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/**
 * @brief The key two spellings of one unit share.
 *
 * On top of name_key() (case, NFC/NFD, spacing, tone placement): dashes, commas and "và" are separators only;
 * the usual abbreviations are spelt out (`UBND`, `CA`, `VP-TK`, `CC`, `TN&TKQ`, `LĐ-TB&XH`, ...);
 * the `Công chức (phụ trách)` of a post is dropped; `có liên quan` reads as `liên quan`; in a plan of
 * `level`, the `xã` / `cấp xã` (`huyện`, `tỉnh`) that names the plan's own level is dropped; and
 * short forms of commune posts name the post (`Tư pháp` is `Tư pháp – Hộ tịch`).
 * @code
 * assert(unit_key("CC Tư pháp xã", plan_level::commune) == unit_key("Công chức Tư pháp – Hộ tịch xã", plan_level::commune));
 * @endcode
 */
[[nodiscard]] std::string unit_key(std::string_view name, std::optional<plan_level> level = std::nullopt);

/// Whether a name is some kind of unit kehoach knows: an agency, office, post, group or body.
[[nodiscard]] bool is_known_unit(std::string_view name);

/// The kind a name suggests: a collective ("Các ban, ngành") is a group, a post a person.
[[nodiscard]] unit_kind guess_unit_kind(std::string_view name);

/**
 * @brief Splits a list of units on `;` and `,`, keeping names that contain a comma whole
 *        (`Các ban, ngành xã`, `UBND các xã, thị trấn`), dropping roles in parentheses and
 *        trailing punctuation.
 * @code
 * split_units("Công an xã; các ban, ngành có liên quan.");  // {"Công an xã", "các ban, ngành có liên quan"}
 * @endcode
 */
[[nodiscard]] std::vector<std::string> split_units(std::string_view list);

/// What unit_key(), is_known_unit() and guess_unit_kind() say of a name, worked out together.
struct unit_facts {
    std::string key;
    bool known = false;
    unit_kind kind = unit_kind::agency;
};

/// unit_key(), is_known_unit() and guess_unit_kind() at once, spelling the name out once.
[[nodiscard]] unit_facts describe_unit(std::string_view name, std::optional<plan_level> level = std::nullopt);

/// An ASCII id for a unit name: "Công an xã" → "cong-an-xa".
[[nodiscard]] std::string unit_slug(std::string_view name);

}  // namespace kehoach
