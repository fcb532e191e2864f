#pragma once
/// @file The dependency graph of a plan or a portfolio: activities, precedences, cycles, and a
///       topological order that the schedule streams through.

#include <kehoach/error.hpp>
#include <kehoach/model/item.hpp>
#include <kehoach/time/date.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kehoach {

class plan;
class portfolio;
class calendar;
class schedule;

/// Dense index of an activity in its graph: for a plan, the item_index.
using vertex_index = std::uint32_t;

/// What the schedule knows of an item (docs/scheduling.md).
struct activity {
    int duration = 1;                    ///< working days; 0 for a milestone or a roll-up
    std::optional<date> earliest_start;  ///< the window's start, a "from" date, the day after an event
    std::optional<date> deadline;        ///< the window's end; a rest day rolls to the next working day
    bool continuous = false;             ///< ongoing or recurring: it starts, but never finishes
    bool waiting = false;                ///< waits for an event that has no date yet

    friend bool operator==(const activity&, const activity&) = default;
};

/// `target` waits for `source`: finish-to-start, start-to-start or finish-to-finish, with a lag in
/// working days.
struct precedence {
    vertex_index source = 0;
    vertex_index target = 0;
    dependency_type type = dependency_type::finish_to_start;
    int lag = 0;

    friend bool operator==(const precedence&, const precedence&) = default;
};

/// An elementary cycle of precedences: each activity waits for the one before it, and the first
/// for the last.
using cycle = std::vector<vertex_index>;

/// The graph has cycles, so nothing can be scheduled. `what()` names every cycle found.
class cycle_error : public error {
public:
    cycle_error(std::vector<cycle> cycles, std::vector<std::string> paths, std::string message)
        : error(std::move(message)), cycles_(std::move(cycles)), paths_(std::move(paths)) {}
    [[nodiscard]] const std::vector<cycle>& cycles() const noexcept { return cycles_; }
    /// Each cycle in the plan's words: `24/KH-UBND mục 2.1 → mục 2.3 → mục 2.2 → mục 2.1`.
    [[nodiscard]] const std::vector<std::string>& paths() const noexcept { return paths_; }

private:
    std::vector<cycle> cycles_;
    std::vector<std::string> paths_;
};

/// Where a schedule's time went, for benchmarks and for tuning very large portfolios.
struct schedule_profile {
    double prepare_seconds = 0;   ///< dates to working-day numbers, in topological order
    double forward_seconds = 0;   ///< the forward pass
    double backward_seconds = 0;  ///< the backward pass
    double output_seconds = 0;    ///< results back in vertex order
};

/// How to start a schedule.
struct schedule_options {
    /// The first day work may start. When not given: the plan's issue date, else the earliest
    /// start of any activity.
    std::optional<date> start;
    /// Filled in when given.
    schedule_profile* profile = nullptr;
};

/// The graph as Boost.Graph sees it: activities are vertices in their own order, precedences are
/// edges carrying their index into plan_graph::precedences().
using boost_plan_graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t,
                                                           boost::no_property, vertex_index, std::uint32_t>;

/**
 * @brief Activities and the precedences between them, checked, with cycles found and a
 *        topological order laid out for the critical-path method.
 *
 * Building renumbers the activities in topological order and lays out their successors in that
 * order, so that both passes of the schedule read memory front to back (a counting sort, no
 * comparison sort). Cycles do not stop the build: cycles() names them, and schedule() throws
 * cycle_error.
 * @code
 * plan_graph g({{.duration = 3}, {.duration = 2}}, {{.source = 0, .target = 1}});
 * auto s = g.schedule(calendar::vietnam(), {.start = make_date(2024, 3, 4)});
 * @endcode
 */
class plan_graph {
public:
    /// Throws kehoach::error for a precedence naming no activity, an `after_event` or unknown
    /// type, a negative duration.
    plan_graph(std::vector<activity> activities, std::vector<precedence> precedences);

    /// A plan's items; the schedule starts from the plan's issue date unless told otherwise. Groups roll up (they finish when their items finish), a group's window bounds
    /// the items under it, events give a start or leave the item waiting (docs/scheduling.md).
    [[nodiscard]] static plan_graph of(const plan& p);
    /// Every plan's items, none starting before its plan's issue date, and `implements` links
    /// rolled up: the parent item finishes when the items implementing it finish. Vertices are
    /// numbered plan after plan, items in order.
    [[nodiscard]] static plan_graph of(const portfolio& all);

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::span<const activity> activities() const noexcept;
    [[nodiscard]] std::span<const precedence> precedences() const noexcept;

    /// Names the activities in messages: each is `item_names[v]`, prefixed by its plan's name where
    /// the plan changes along a path (`24/KH-UBND mục 2.1 → mục 2.3`). Without plans, the names
    /// alone; without names, `#v`.
    void set_names(std::vector<std::string> item_names, std::vector<std::string> plan_names = {},
                   std::vector<std::uint32_t> plan_of = {});
    [[nodiscard]] std::string name(vertex_index v) const;
    /// The activity's own name (an item id), `#v` without names.
    [[nodiscard]] std::string item_name(vertex_index v) const;
    /// The name of the activity's plan; empty without plans.
    [[nodiscard]] std::string plan_name(vertex_index v) const;
    /// How many plans the activities come from (0 without plan names).
    [[nodiscard]] std::size_t plan_count() const noexcept;
    /// A chain of activities as the plan words it: `24/KH-UBND mục 2.1 → mục 2.3`.
    [[nodiscard]] std::string path(std::span<const vertex_index> chain) const;

    /// Every elementary cycle (up to `limit`), each starting from its lowest vertex; empty when the
    /// graph is acyclic.
    [[nodiscard]] std::vector<cycle> cycles(std::size_t limit = 1000) const;
    /// Activities in topological order; throws cycle_error when there is none.
    [[nodiscard]] std::span<const vertex_index> topological_order() const;
    /// The same graph as a Boost.Graph, built on first use, for Boost's own algorithms.
    [[nodiscard]] const boost_plan_graph& boost_graph() const;

    /// The critical-path method on working days; throws cycle_error for a cyclic graph and
    /// kehoach::error when a date lies outside the calendar or no start is known.
    [[nodiscard]] kehoach::schedule schedule(const calendar& cal, schedule_options options = {}) const;

    struct data;   ///< the topology, shared with the schedules made from it
    struct names;  ///< what messages call the activities

private:
    friend class schedule;
    [[noreturn]] void throw_cycles() const;
    std::shared_ptr<const data> data_;
    std::shared_ptr<const names> names_;
    std::optional<date> default_start_;  ///< a plan's issue date
};

}  // namespace kehoach
