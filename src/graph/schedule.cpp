#include <kehoach/graph/schedule.hpp>

#include "graph_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace kehoach {

namespace {

constexpr std::int32_t none = schedule::none;
/// A finish that never comes (ongoing work), a late finish nothing bounds.
constexpr std::int32_t never = std::numeric_limits<std::int32_t>::max();

constexpr std::uint8_t continuous_flag = 1;
constexpr std::uint8_t waiting_flag = 2;

/// Ongoing work starts but never finishes: what waits for its finish is left out.
bool honoured(bool source_continuous, bool target_continuous, dependency_type type) {
    if (source_continuous && type != dependency_type::start_to_start) return false;
    return !(target_continuous && type == dependency_type::finish_to_finish);
}

}  // namespace

kehoach::schedule plan_graph::schedule(const calendar& cal, schedule_options options) const {
    const auto& d = *data_;
    if (d.cyclic) throw_cycles();
    const auto n = size();
    kehoach::schedule out(*this, cal);

    auto number_of = [&](date day, vertex_index v, std::string_view what) {
        try {
            return cal.working_day_number(day);
        } catch (const error& e) {
            throw error(fmt::format("{}: its {} {}", name(v), what, e.what()));
        }
    };
    auto start = options.start ? options.start : default_start_;
    if (!start)
        for (const auto& a : d.activities)
            if (a.earliest_start && (!start || *a.earliest_start < *start)) start = a.earliest_start;
    if (!start) throw error("no start date: nothing says when work may begin (give the schedule a start, or the plan its issue date)");
    const auto first_day = [&] {
        try {
            return cal.working_day_number(*start);
        } catch (const error& e) {
            throw error(fmt::format("the schedule's start: {}", e.what()));
        }
    }();
    out.start_ = *start;

    // Inputs by topological position, so that both passes stream.
    std::vector<std::int32_t> duration(n), earliest(n), deadline_end(n);
    std::vector<std::uint8_t> flags(n);
    for (std::size_t p = 0; p < n; ++p) {
        const auto v = d.order[p];
        const auto& a = d.activities[v];
        duration[p] = a.duration;
        earliest[p] = a.earliest_start ? std::max(first_day, number_of(*a.earliest_start, v, "earliest start")) : first_day;
        deadline_end[p] = a.deadline ? number_of(*a.deadline, v, "deadline") + 1 : never;
        flags[p] = static_cast<std::uint8_t>((a.continuous ? continuous_flag : 0) | (a.waiting ? waiting_flag : 0));
    }
    for (const auto& e : d.precedences) {
        const auto& from = d.activities[e.source];
        const auto& to = d.activities[e.target];
        if (honoured(from.continuous, to.continuous, e.type)) continue;
        const auto waiter = path(std::array{e.target});
        const auto waited = path(std::array{e.source});
        out.diagnostics.push_back(
            {severity::warning, "dependency_on_ongoing", name(e.target), 0, 0,
             from.continuous ? fmt::format("{} waits for {} to finish, but {} is ongoing work that never finishes: the "
                                           "dependency is left out", waiter, waited, waited)
                             : fmt::format("{} is ongoing work that never finishes, so it cannot finish after {}: the "
                                           "dependency is left out", waiter, waited)});
    }
    auto is = [&](std::size_t p, std::uint8_t flag) { return (flags[p] & flag) != 0; };

    // Forward pass: each position pushes its start and finish to its successors.
    std::vector<std::int32_t> es(n, none), ef(n, none), pushed(n, std::numeric_limits<std::int32_t>::min()), driver(n, none);
    std::int32_t horizon = first_day;
    for (std::size_t p = 0; p < n; ++p) {
        const auto edges_begin = d.first_out[p], edges_end = d.first_out[p + 1];
        if (is(p, waiting_flag)) {
            for (auto e = edges_begin; e < edges_end; ++e) flags[d.successor[e]] |= waiting_flag;
            continue;
        }
        if (pushed[p] <= earliest[p]) driver[p] = none;
        const auto start_p = std::max(earliest[p], pushed[p]);
        const bool continuous = is(p, continuous_flag);
        const auto finish_p = continuous ? never : start_p + duration[p];
        es[p] = start_p;
        ef[p] = finish_p;
        if (!continuous) horizon = std::max(horizon, finish_p);
        for (auto e = edges_begin; e < edges_end; ++e) {
            const auto s = d.successor[e];
            const auto type = d.type[e];
            if (!honoured(continuous, is(s, continuous_flag), type)) continue;
            const auto bound = type == dependency_type::finish_to_start ? finish_p + d.lag[e]
                               : type == dependency_type::start_to_start ? start_p + d.lag[e]
                                                                        : finish_p + d.lag[e] - duration[s];
            if (bound > pushed[s]) {
                pushed[s] = bound;
                driver[s] = static_cast<std::int32_t>(p);
            }
        }
    }
    for (std::size_t p = 0; p < n; ++p)
        if (deadline_end[p] != never) horizon = std::max(horizon, deadline_end[p]);

    // Backward pass: each position pulls its late finish from its successors.
    std::vector<std::int32_t> ls(n, never), lf(n, never), late_driver(n, none), total(n, none), free(n, none);
    for (std::size_t p = n; p-- > 0;) {
        if (is(p, continuous_flag)) continue;
        auto finish = deadline_end[p];
        std::int32_t drive = none;
        bool bounded = finish != never;
        std::int32_t gap = never;
        const bool waiting = is(p, waiting_flag);
        for (auto e = d.first_out[p]; e < d.first_out[p + 1]; ++e) {
            const auto s = d.successor[e];
            const auto type = d.type[e];
            if (!honoured(false, is(s, continuous_flag), type)) continue;
            const auto lag = d.lag[e];
            if (!waiting && !is(s, waiting_flag)) {
                const auto room = type == dependency_type::finish_to_start ? es[s] - (ef[p] + lag)
                                  : type == dependency_type::start_to_start ? es[s] - (es[p] + lag)
                                                                           : ef[s] - (ef[p] + lag);
                gap = std::min(gap, room);
            }
            // Ongoing work, and waiting work without a deadline ahead, ask nothing of their predecessors.
            if (lf[s] == never) continue;
            const auto bound = type == dependency_type::finish_to_start ? ls[s] - lag
                               : type == dependency_type::start_to_start ? ls[s] - lag + duration[p]
                                                                        : lf[s] - lag;
            if (bound < finish) {
                finish = bound;
                drive = static_cast<std::int32_t>(s);
            }
            bounded = true;
        }
        // What nothing bounds must still finish by the horizon, once it can be scheduled at all:
        // the horizon says nothing about work that waits for an event.
        if (!bounded) finish = waiting ? never : horizon;
        if (finish == never) continue;
        lf[p] = finish;
        ls[p] = finish - duration[p];
        late_driver[p] = drive;
        if (!waiting) {
            total[p] = finish - ef[p];
            free[p] = std::min(gap, total[p]);
        }
    }

    // Back to vertex order, boundaries to days: work from boundary b to b' fills days b .. b' - 1;
    // an activity of no duration is shown on the day it completes.
    out.horizon_ = cal.working_day(std::max(horizon - 1, first_day));
    auto column = [n] { return std::vector<std::int32_t>(n, none); };
    out.early_start_ = column(), out.early_finish_ = column(), out.late_start_ = column(), out.late_finish_ = column();
    out.total_slack_ = column(), out.free_slack_ = column(), out.driver_ = column(), out.late_driver_ = column();
    out.deadline_end_ = column();
    out.critical_.assign(n, 0);
    out.state_.assign(n, schedule_state::scheduled);
    for (std::size_t p = 0; p < n; ++p) {
        const auto v = d.order[p];
        const bool instant = duration[p] == 0;
        if (deadline_end[p] != never) out.deadline_end_[v] = deadline_end[p];
        if (driver[p] != none) out.driver_[v] = static_cast<std::int32_t>(d.order[static_cast<std::size_t>(driver[p])]);
        if (late_driver[p] != none) out.late_driver_[v] = static_cast<std::int32_t>(d.order[static_cast<std::size_t>(late_driver[p])]);
        const bool continuous = is(p, continuous_flag);
        if (is(p, waiting_flag)) {
            out.state_[v] = schedule_state::waiting;
        } else if (continuous) {
            out.state_[v] = schedule_state::continuous;
            out.early_start_[v] = es[p];
        } else {
            out.early_finish_[v] = std::max(ef[p] - 1, first_day);
            out.early_start_[v] = instant ? out.early_finish_[v] : es[p];
            out.total_slack_[v] = total[p];
            out.free_slack_[v] = free[p];
            out.critical_[v] = total[p] <= 0 ? 1 : 0;
        }
        if (lf[p] == never) continue;  // ongoing work, and waiting work nothing bounds, have no late dates
        out.late_finish_[v] = lf[p] - 1;
        out.late_start_[v] = instant ? lf[p] - 1 : ls[p];
    }
    return out;
}

std::optional<date> schedule::date_of(std::int32_t day_number) const {
    if (day_number == none) return std::nullopt;
    return calendar_.working_day(day_number);
}

std::vector<infeasibility> schedule::infeasible() const {
    std::vector<infeasibility> found;
    for (vertex_index v = 0; v < size(); ++v) {
        if (state_[v] != schedule_state::scheduled || total_slack_[v] >= 0) continue;
        infeasibility late{.activity = v, .slack = total_slack_[v]};
        for (auto at = static_cast<std::int32_t>(v); at != none; at = driver_[static_cast<std::size_t>(at)])
            late.chain.push_back(static_cast<vertex_index>(at));
        std::reverse(late.chain.begin(), late.chain.end());
        auto binding = v;
        while (late_driver_[binding] != none) binding = static_cast<vertex_index>(late_driver_[binding]);
        late.deadline_of = binding;
        late.deadline = calendar_.working_day(deadline_end_[binding] - 1);
        found.push_back(std::move(late));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.slack < b.slack; });
    return found;
}

std::vector<std::vector<vertex_index>> schedule::critical_paths(std::size_t limit) const {
    const auto n = size();
    std::vector<std::vector<vertex_index>> driven(n);
    std::vector<vertex_index> roots;
    for (vertex_index v = 0; v < n; ++v) {
        if (!critical_[v]) continue;
        const auto by = driver_[v];
        if (by != none && critical_[static_cast<std::size_t>(by)]) driven[static_cast<std::size_t>(by)].push_back(v);
        else roots.push_back(v);
    }
    // Depth first from each root to each leaf, without recursion: chains can be a million long.
    // The driving edges form a forest (one driver per activity), so no activity is seen twice.
    std::vector<std::vector<vertex_index>> paths;
    std::vector<vertex_index> path;
    std::vector<std::size_t> next_child;
    for (auto root : roots) {
        path.assign(1, root);
        next_child.assign(1, 0);
        while (!path.empty() && paths.size() < limit) {
            const auto v = path.back();
            if (driven[v].empty() && next_child.back() == 0) paths.push_back(path);
            if (next_child.back() < driven[v].size()) {
                const auto child = driven[v][next_child.back()++];
                path.push_back(child);
                next_child.push_back(0);
            } else {
                path.pop_back();
                next_child.pop_back();
            }
        }
    }
    return paths;
}

}  // namespace kehoach
