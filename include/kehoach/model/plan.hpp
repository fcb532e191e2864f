#pragma once
/// @file A plan: the document's fields, its units, items and events, with references kept valid.

#include <kehoach/enum_names.hpp>
#include <kehoach/diagnostic.hpp>
#include <kehoach/model/event.hpp>
#include <kehoach/model/item.hpp>
#include <kehoach/model/unit.hpp>
#include <kehoach/time/date.hpp>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kehoach {

enum class plan_level : std::uint8_t { national, province, district, commune };

template <>
struct enum_names<plan_level> {
    static constexpr std::array<std::string_view, 4> value{"national", "province", "district", "commune"};
};

/// Roles a unit plays on the whole plan.
enum class plan_role : std::uint8_t {
    monitor,          ///< standing monitor (e.g. the commune police, standing agency of the steering committee)
    report_compiler,  ///< compiles the periodic reports
};

template <>
struct enum_names<plan_role> {
    static constexpr std::array<std::string_view, 2> value{"monitor", "report_compiler"};
};

inline constexpr std::size_t plan_role_count = enum_names<plan_role>::value.size();

/// A plan this one implements ("Thực hiện Kế hoạch số 39/KH-UBND ngày 20/03/2023 của UBND huyện ...").
struct parent_plan {
    std::string number;
    std::optional<kehoach::date> date;
    std::string issuer;

    friend bool operator==(const parent_plan&, const parent_plan&) = default;
};

/// The signature block: accountable for the whole plan.
struct signer {
    std::string name;
    std::string title;      ///< "Chủ tịch"
    std::string authority;  ///< "TM. Ủy ban nhân dân"

    [[nodiscard]] bool empty() const noexcept { return name.empty() && title.empty() && authority.empty(); }
    /// "TM. Ủy ban nhân dân, Chủ tịch Nguyễn Văn A"; without the name when redacting.
    [[nodiscard]] std::string text(bool with_name = true) const;
    friend bool operator==(const signer&, const signer&) = default;
};

/// The document's own fields: free text, nothing to keep consistent.
struct plan_info {
    std::string issuer;
    std::string number;  ///< "24/KH-UBND"; empty for a blank number
    std::optional<kehoach::date> date;
    std::string title;
    std::optional<plan_level> level;
    std::string place;
    std::vector<parent_plan> parents;
    kehoach::signer signer;
};

/**
 * @brief A plan. Items, units and events refer to each other by dense index; the mutators check
 *        every reference, so a plan never holds a dangling one.
 * @code
 * plan p;
 * auto police = p.add_unit({.id = "ca-xa", .name = "Công an xã"});
 * auto task = p.add_item({.id = "1.1", .number = "1.1", .title = "Tuyên truyền"});
 * p.add_role(task, role::lead, police);
 * assert(p.lookup("1.1") == task);
 * @endcode
 */
class plan {
public:
    plan_info info;
    std::vector<diagnostic> diagnostics;

    [[nodiscard]] const unit_registry& units() const noexcept { return units_; }
    unit_index add_unit(unit u) { return units_.add(std::move(u)); }
    void add_unit_alias(unit_index index, std::string alias) { units_.add_alias(index, std::move(alias)); }
    void set_unit_parent(unit_index index, std::optional<unit_index> parent) { units_.set_parent(index, parent); }

    /// Adds an item. Its id must be new; its parent, roles and dependencies, if given, must name
    /// what exists already (use set_parent() and add_dependency() for forward references).
    item_index add_item(item it);
    void set_parent(item_index child, std::optional<item_index> parent);
    void add_role(item_index index, role r, unit_index unit);
    void add_dependency(item_index index, dependency dep);
    event_index add_event(event e);
    void add_plan_role(plan_role r, unit_index unit);

    [[nodiscard]] std::span<const item> items() const noexcept { return items_; }
    [[nodiscard]] const item& operator[](item_index index) const { return items_.at(index); }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] std::span<const event> events() const noexcept { return events_; }
    [[nodiscard]] const std::vector<unit_index>& plan_roles(plan_role r) const noexcept {
        return plan_roles_[static_cast<std::size_t>(r)];
    }

    [[nodiscard]] std::optional<item_index> find_item(std::string_view id) const;
    [[nodiscard]] std::optional<event_index> find_event(std::string_view id) const;
    /// Items whose number as written is `number`.
    [[nodiscard]] std::vector<item_index> find_number(std::string_view number) const;
    /// The item with this id, else the only item with this number; throws kehoach::error naming
    /// the candidates when there is none or several.
    [[nodiscard]] item_index lookup(std::string_view id_or_number) const;
    /// The direct children of an item, in document order.
    [[nodiscard]] std::vector<item_index> children(item_index parent) const;

private:
    void check_unit(unit_index unit, std::string_view where) const;
    void check_dependency(item_index index, const dependency& dep) const;

    unit_registry units_;
    std::vector<item> items_;
    std::vector<event> events_;
    std::array<std::vector<unit_index>, plan_role_count> plan_roles_;
    std::unordered_map<std::string, item_index> item_by_id_;
    std::unordered_map<std::string, event_index> event_by_id_;
};

}  // namespace kehoach
