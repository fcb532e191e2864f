#pragma once
/// @file Units (agencies, offices, groups, people) and the registry that finds them by any name.

#include <kehoach/enum_names.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kehoach {

/// Dense index of a unit in its registry.
using unit_index = std::uint32_t;

enum class unit_kind : std::uint8_t {
    agency,  ///< a body: the commune police, the health station
    office,  ///< an office inside a body: the one-stop desk, the People's Committee office
    group,   ///< a collective ("Các ban, ngành xã"): nobody in particular answers for it
    person,  ///< a post held by one person (a commune civil servant) or a named official
};

template <>
struct enum_names<unit_kind> {
    static constexpr std::array<std::string_view, 4> value{"agency", "office", "group", "person"};
};

struct unit {
    std::string id;    ///< short stable key, unique in the registry
    std::string name;  ///< canonical name
    unit_kind kind = unit_kind::agency;
    std::vector<std::string> aliases;
    std::optional<unit_index> parent;
};

/**
 * @brief The units of a plan, found by canonical name or alias insensitive to case, NFC/NFD,
 *        dash style and spacing (see name_key()).
 * @code
 * unit_registry units;
 * units.add({.id = "ca-xa", .name = "Công an xã", .aliases = {"CA xã"}});
 * assert(units.find("công an  XÃ") == units.find("CA xã"));
 * @endcode
 */
class unit_registry {
public:
    /// Adds a unit; throws validation_error on an empty or duplicate id or a name or alias that
    /// already names another unit. The unit's parent, if any, must exist.
    unit_index add(unit u);
    /// Adds another name for an existing unit (same rules as add()).
    void add_alias(unit_index index, std::string alias);
    /// Sets or clears a unit's parent; throws validation_error on a cycle.
    void set_parent(unit_index index, std::optional<unit_index> parent);

    [[nodiscard]] std::optional<unit_index> find(std::string_view name_or_alias) const;
    [[nodiscard]] std::optional<unit_index> find_id(std::string_view id) const;

    [[nodiscard]] const unit& operator[](unit_index index) const { return units_.at(index); }
    [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }
    [[nodiscard]] std::span<const unit> all() const noexcept { return units_; }

private:
    /// The key of `name`, after checking that no unit has it yet.
    [[nodiscard]] std::string free_key(std::string_view name, std::string_view unit_id) const;

    std::vector<unit> units_;
    std::unordered_map<std::string, unit_index> by_key_;
    std::unordered_map<std::string, unit_index> by_id_;
};

}  // namespace kehoach
