#include <kehoach/model/unit.hpp>

#include <kehoach/error.hpp>
#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace kehoach {

std::string unit_registry::free_key(std::string_view name, std::string_view unit_id) const {
    if (name.empty()) throw validation_error(fmt::format("unit '{}': empty name or alias", unit_id));
    std::string key = name_key(name);
    if (auto it = by_key_.find(key); it != by_key_.end())
        throw validation_error(fmt::format("unit '{}': the name '{}' already names unit '{}' ('{}')", unit_id, name,
                                           units_[it->second].id, units_[it->second].name));
    return key;
}

unit_index unit_registry::add(unit u) {
    if (u.id.empty()) throw validation_error(fmt::format("unit '{}': empty id", u.name));
    if (by_id_.contains(u.id)) throw validation_error(fmt::format("duplicate unit id '{}'", u.id));
    if (u.parent && *u.parent >= units_.size())
        throw validation_error(fmt::format("unit '{}': parent index {} does not exist", u.id, *u.parent));
    // Check every name before storing any, so that a clash leaves the registry as it was. A unit's
    // own names may fold to the same key ("CA xã" and "CA Xã"); that is not a clash.
    std::vector<std::string> keys{free_key(u.name, u.id)};
    for (const auto& alias : u.aliases) {
        auto key = free_key(alias, u.id);
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
    const auto index = static_cast<unit_index>(units_.size());
    for (auto& key : keys) by_key_.emplace(std::move(key), index);
    by_id_.emplace(u.id, index);
    units_.push_back(std::move(u));
    return index;
}

void unit_registry::add_alias(unit_index index, std::string alias) {
    auto& target = units_.at(index);
    if (find(alias) == index) {
        target.aliases.push_back(std::move(alias));
        return;
    }
    by_key_.emplace(free_key(alias, target.id), index);
    target.aliases.push_back(std::move(alias));
}

void unit_registry::set_parent(unit_index index, std::optional<unit_index> parent) {
    auto& target = units_.at(index);
    for (auto ancestor = parent; ancestor; ancestor = units_.at(*ancestor).parent)
        if (*ancestor == index) throw validation_error(fmt::format("unit '{}' would be its own ancestor", target.id));
    target.parent = parent;
}

std::optional<unit_index> unit_registry::find(std::string_view name_or_alias) const {
    if (auto it = by_key_.find(name_key(name_or_alias)); it != by_key_.end()) return it->second;
    return std::nullopt;
}

std::optional<unit_index> unit_registry::find_id(std::string_view id) const {
    if (auto it = by_id_.find(std::string(id)); it != by_id_.end()) return it->second;
    return std::nullopt;
}

}  // namespace kehoach
