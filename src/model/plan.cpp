#include <kehoach/model/plan.hpp>

#include <kehoach/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace kehoach {

std::string_view label(role r, language lang) {
    // As the plan's columns name them: "Đơn vị chủ trì", "Đơn vị phối hợp", "Đơn vị theo dõi, đôn đốc".
    static constexpr std::array<std::string_view, role_count> vietnamese{"Chủ trì", "Phối hợp", "Theo dõi, đôn đốc", "Nhận báo cáo",
                                                                         "Phê duyệt"};
    static constexpr std::array<std::string_view, role_count> english{"Lead", "Support", "Monitor", "Report to", "Approver"};
    return (lang == language::vi ? vietnamese : english)[static_cast<std::size_t>(r)];
}

std::string signer::text(bool with_name) const {
    std::string out = authority;
    auto add = [&](const std::string& part, std::string_view separator) {
        if (part.empty()) return;
        if (!out.empty()) out += separator;
        out += part;
    };
    add(title, ", ");
    if (with_name) add(name, " ");
    return out;
}

void plan::check_unit(unit_index unit, std::string_view where) const {
    if (unit >= units_.size()) throw validation_error(fmt::format("{}: unit index {} does not exist", where, unit));
}

void plan::check_dependency(item_index index, const dependency& dep) const {
    const auto& id = items_.at(index).id;
    if (dep.type == dependency_type::after_event) {
        if (dep.target >= events_.size())
            throw validation_error(fmt::format("item '{}': event index {} does not exist", id, dep.target));
        return;
    }
    if (dep.target >= items_.size())
        throw validation_error(fmt::format("item '{}': item index {} does not exist", id, dep.target));
    if (dep.target == index) throw validation_error(fmt::format("item '{}' depends on itself", id));
}

item_index plan::add_item(item it) {
    if (it.id.empty()) throw validation_error(fmt::format("item numbered '{}': empty id", it.number));
    if (item_by_id_.contains(it.id)) throw validation_error(fmt::format("duplicate item id '{}'", it.id));
    const auto index = static_cast<item_index>(items_.size());
    if (it.parent && *it.parent >= index)
        throw validation_error(fmt::format("item '{}': parent index {} does not exist", it.id, *it.parent));
    for (const auto& units : it.roles)
        for (auto unit : units) check_unit(unit, fmt::format("item '{}'", it.id));
    items_.push_back(std::move(it));
    try {
        for (const auto& dep : items_.back().depends_on) check_dependency(index, dep);
    } catch (...) {
        items_.pop_back();
        throw;
    }
    item_by_id_.emplace(items_.back().id, index);
    return index;
}

void plan::set_parent(item_index child, std::optional<item_index> parent) {
    auto& target = items_.at(child);
    if (parent && *parent >= items_.size())
        throw validation_error(fmt::format("item '{}': parent index {} does not exist", target.id, *parent));
    for (auto ancestor = parent; ancestor; ancestor = items_[*ancestor].parent)
        if (*ancestor == child)
            throw validation_error(fmt::format("item '{}' would be its own ancestor", target.id));
    target.parent = parent;
}

void plan::add_role(item_index index, role r, unit_index unit) {
    auto& target = items_.at(index);
    check_unit(unit, fmt::format("item '{}'", target.id));
    auto& units = target.roles[static_cast<std::size_t>(r)];
    if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
}

void plan::add_dependency(item_index index, dependency dep) {
    check_dependency(index, dep);
    items_[index].depends_on.push_back(dep);
}

event_index plan::add_event(event e) {
    if (e.id.empty()) throw validation_error(fmt::format("event '{}': empty id", e.text));
    if (event_by_id_.contains(e.id)) throw validation_error(fmt::format("duplicate event id '{}'", e.id));
    const auto index = static_cast<event_index>(events_.size());
    event_by_id_.emplace(e.id, index);
    events_.push_back(std::move(e));
    return index;
}

void plan::add_plan_role(plan_role r, unit_index unit) {
    check_unit(unit, fmt::format("plan role '{}'", to_string(r)));
    auto& units = plan_roles_[static_cast<std::size_t>(r)];
    if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
}

std::optional<item_index> plan::find_item(std::string_view id) const {
    if (auto it = item_by_id_.find(std::string(id)); it != item_by_id_.end()) return it->second;
    return std::nullopt;
}

std::optional<event_index> plan::find_event(std::string_view id) const {
    if (auto it = event_by_id_.find(std::string(id)); it != event_by_id_.end()) return it->second;
    return std::nullopt;
}

std::vector<item_index> plan::find_number(std::string_view number) const {
    std::vector<item_index> found;
    for (item_index i = 0; i < items_.size(); ++i)
        if (items_[i].number == number) found.push_back(i);
    return found;
}

item_index plan::lookup(std::string_view id_or_number) const {
    if (auto by_id = find_item(id_or_number)) return *by_id;
    const auto by_number = find_number(id_or_number);
    if (by_number.size() == 1) return by_number.front();
    if (by_number.empty()) throw error(fmt::format("no item has the id or number '{}'", id_or_number));
    std::string candidates;
    for (auto i : by_number) candidates += fmt::format("{}'{}'", candidates.empty() ? "" : ", ", items_[i].id);
    throw error(fmt::format("the number '{}' is ambiguous: items {}", id_or_number, candidates));
}

std::vector<item_index> plan::children(item_index parent) const {
    std::vector<item_index> found;
    for (item_index i = 0; i < items_.size(); ++i)
        if (items_[i].parent == parent) found.push_back(i);
    return found;
}

}  // namespace kehoach
