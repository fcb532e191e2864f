#pragma once
// The insides of a plan_graph, shared by the graph and the schedules made from it.

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/time/deadline.hpp>

#include <limits>
#include <memory>
#include <mutex>

namespace kehoach {

/// Activity flags as the schedule keeps them, one byte a position.
constexpr std::uint8_t continuous_flag = 1;
constexpr std::uint8_t waiting_flag = 2;
/// Nothing bounds its late finish: it has no deadline, and no successor's late finish is ever a date.
constexpr std::uint8_t unbounded_flag = 4;
/// No date: an activity without an earliest start or a deadline.
constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();

struct plan_graph::data {
    std::vector<activity> activities;
    std::vector<precedence> precedences;
    bool cyclic = false;
    // Topological layout (empty when cyclic): positions are places in `order`. Precedences on
    // the finish of ongoing work are set aside (`left_out`, indices into `precedences`); the rest
    // are laid out by source position, each as two offsets (see lay_out()).
    detail::column<vertex_index> order;       // the vertex at each position
    detail::column<vertex_index> position;    // the position of each vertex
    detail::column<std::int32_t> duration;    // by position
    detail::column<std::uint8_t> flags;       // by position: continuous_flag | waiting_flag (spread) | unbounded_flag
    detail::column<std::int32_t> earliest_day;  // by position: days since 1970-01-01, or no_day
    detail::column<std::int32_t> deadline_day;
    detail::column<std::uint32_t> first_out;  // successors of position p: [first_out[p], first_out[p + 1])
    detail::column<vertex_index> source;      // as positions, ascending
    detail::column<vertex_index> successor;   // as positions
    detail::column<std::int32_t> forward;     // early start of the successor ≥ early start + forward
    detail::column<std::int32_t> backward;    // late finish ≤ late finish of the successor − backward (0 when that is never)
    std::vector<std::uint32_t> left_out;

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
