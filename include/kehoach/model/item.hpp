#pragma once
/// @file Plan items: tasks and the groups that hold them, with roles, deadline and dependencies.

#include <kehoach/enum_names.hpp>
#include <kehoach/language.hpp>
#include <kehoach/model/unit.hpp>
#include <kehoach/time/deadline.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kehoach {

/// Dense index of an item in its plan, in document order.
using item_index = std::uint32_t;
/// Dense index of an event in its plan.
using event_index = std::uint32_t;

enum class item_kind : std::uint8_t {
    task,   ///< carries an assignment or a deadline
    group,  ///< a heading that only groups
};

template <>
struct enum_names<item_kind> {
    static constexpr std::array<std::string_view, 2> value{"task", "group"};
};

/// The part a unit plays on an item.
enum class role : std::uint8_t {
    lead,       ///< Đơn vị thực hiện / chủ trì: responsible
    support,    ///< Đơn vị phối hợp
    monitor,    ///< Đơn vị theo dõi, đôn đốc
    report_to,  ///< báo cáo về
    approver,
};

template <>
struct enum_names<role> {
    static constexpr std::array<std::string_view, 5> value{"lead", "support", "monitor", "report_to", "approver"};
};

inline constexpr std::size_t role_count = enum_names<role>::value.size();
/// What plans and reports call a role: "Chủ trì", "Phối hợp", ...; "Lead", "Support", ... in English.
[[nodiscard]] std::string_view label(role r, language lang);

enum class dependency_type : std::uint8_t {
    finish_to_start,   ///< starts after the other finishes (the default)
    start_to_start,    ///< starts after the other starts
    finish_to_finish,  ///< finishes after the other finishes
    after_event,       ///< starts after an event happens; the target is an event
};

template <>
struct enum_names<dependency_type> {
    static constexpr std::array<std::string_view, 4> value{"finish_to_start", "start_to_start", "finish_to_finish",
                                                           "after_event"};
};

/// What an item waits for: another item of the plan, or an event (`type == after_event`).
struct dependency {
    dependency_type type = dependency_type::finish_to_start;
    std::uint32_t target = 0;  ///< an item_index, or an event_index for after_event
    int lag = 0;               ///< working days

    friend bool operator==(const dependency&, const dependency&) = default;
};

/// An item of a parent plan that an item carries out, named as plan@1 names it.
struct implements_ref {
    std::string plan;  ///< the parent plan's number, as in plan_info::parents
    std::string item;  ///< the item id in that plan

    friend bool operator==(const implements_ref&, const implements_ref&) = default;
};

/// Lines of the plan document an item was read from (1-based, inclusive).
struct source_span {
    std::size_t line = 0;
    std::size_t end_line = 0;

    friend bool operator==(const source_span&, const source_span&) = default;
};

struct item {
    std::string id;      ///< unique in the plan ("II.4.13")
    std::string number;  ///< as written ("4.13")
    std::optional<item_index> parent;
    item_kind kind = item_kind::task;
    std::string title;
    std::string text;
    std::array<std::vector<unit_index>, role_count> roles;
    std::optional<kehoach::deadline> deadline;
    /// Working days the work takes, as someone estimated it; plans rarely say (docs/scheduling.md).
    std::optional<int> duration;
    std::vector<dependency> depends_on;
    std::vector<implements_ref> implements;
    std::vector<std::string> targets;  ///< expected products and targets (Sản phẩm)
    std::string note;
    std::optional<source_span> source;

    [[nodiscard]] const std::vector<unit_index>& units(role r) const noexcept {
        return roles[static_cast<std::size_t>(r)];
    }
};

}  // namespace kehoach
