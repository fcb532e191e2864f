#pragma once
// The insides of a plan_graph, shared by the graph and the schedules made from it.

#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/time/deadline.hpp>

#include <memory>
#include <mutex>

namespace kehoach {

struct plan_graph::data {
    std::vector<activity> activities;
    std::vector<precedence> precedences;
    bool cyclic = false;
    // Topological layout; empty when cyclic. Positions are places in `order`.
    std::vector<vertex_index> order;         // the vertex at each position
    std::vector<vertex_index> position;      // the position of each vertex
    std::vector<std::uint32_t> first_out;    // successors of position p: [first_out[p], first_out[p + 1])
    std::vector<vertex_index> successor;     // as positions
    std::vector<std::int32_t> lag;
    std::vector<dependency_type> type;

    mutable std::once_flag boost_once;
    mutable std::unique_ptr<boost_plan_graph> boost;
};

struct plan_graph::names {
    std::vector<std::string> item_names;
    std::vector<std::string> plan_names;
    std::vector<std::uint32_t> plan_of;
};

/// The window a deadline gives an activity; ongoing and recurring work is continuous.
inline void apply_deadline(activity& a, deadline_kind kind, std::optional<date> start, std::optional<date> end) {
    switch (kind) {
        case deadline_kind::by_date:
        case deadline_kind::after_event:
            a.deadline = end;
            break;
        case deadline_kind::within_period:
            a.earliest_start = start;
            a.deadline = end;
            break;
        case deadline_kind::from_date:
            a.earliest_start = start;
            break;
        case deadline_kind::ongoing:
        case deadline_kind::recurring:
            a.continuous = true;
            a.earliest_start = start;
            break;
        case deadline_kind::unknown:
            break;
    }
}

/// `whole` finishes when `part` finishes: an item in its group, an item implementing a parent
/// plan's item. Ongoing work never finishes, so it does not roll up, nor into it.
inline void roll_up(std::span<const activity> activities, std::vector<precedence>& precedences, vertex_index part,
                    vertex_index whole) {
    if (!activities[part].continuous && !activities[whole].continuous)
        precedences.push_back({part, whole, dependency_type::finish_to_finish, 0});
}

}  // namespace kehoach
