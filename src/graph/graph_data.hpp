#pragma once
// The insides of a plan_graph, shared by the graph and the schedules made from it.

#include <kehoach/graph/plan_graph.hpp>

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

}  // namespace kehoach
