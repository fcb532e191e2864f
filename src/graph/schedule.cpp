#include <kehoach/graph/schedule.hpp>

#include "graph_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <limits>

namespace kehoach {

namespace {

constexpr std::int32_t none = schedule::none;
/// A finish that never comes (ongoing work), a late finish nothing bounds.
constexpr std::int32_t never = std::numeric_limits<std::int32_t>::max();


/// `yes ? a : b` without a branch. Where `yes` is a coin toss (which activities are ongoing, where
/// a position's precedences begin), the compiler's branch would mispredict every other time.
constexpr std::int32_t pick(bool yes, std::int32_t a, std::int32_t b) {
    const auto mask = -static_cast<std::int32_t>(yes);
    return (a & mask) | (b & ~mask);
}

/// An activity's own bound on its early start: its earliest start, not before the schedule's
/// first day. `number` turns a date into its working-day number.
template <typename Number>
std::int32_t own_start(std::int32_t earliest_day, std::int32_t first_day, Number number) {
    return earliest_day == no_day ? first_day : std::max(first_day, number(date{std::chrono::days{earliest_day}}));
}

/// An activity's own bound on its late finish, as a boundary: the end of its deadline's day.
template <typename Number>
std::int32_t own_finish(std::int32_t deadline_day, Number number) {
    return deadline_day == no_day ? never : number(date{std::chrono::days{deadline_day}}) + 1;
}

}  // namespace

kehoach::schedule plan_graph::schedule(const calendar& cal, schedule_options options) const {
    const auto& d = *data_;
    if (d.cyclic) throw_cycles();
    const auto n = size();
    kehoach::schedule out(*this, cal);
    using clock = std::chrono::steady_clock;
    auto lap = clock::now();
    // Adds the time since the last lap to a phase of the profile, when one is asked for.
    auto phase = [&](double schedule_profile::*seconds) {
        if (!options.profile) return;
        const auto now = clock::now();
        options.profile->*seconds += std::chrono::duration<double>(now - lap).count();
        lap = now;
    };

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

    // By topological position, so that both passes stream: the early start begins as the
    // activity's own bound and the late finish as its deadline; the passes tighten them in place.
    // Both live side by side, so that a successor costs one cache line, not two.
    struct bounds {
        std::int32_t early_start, late_finish;
    };
    // Waiting work starts "never": nothing it pushes can matter, and it is never a successor's
    // tightest bound. Half the range leaves room for offsets without overflow.
    constexpr std::int32_t waits = std::numeric_limits<std::int32_t>::max() / 2;
    const auto& duration = d.duration;
    const auto& flags = d.flags;
    detail::column<bounds> at(n);
    detail::column<std::int32_t> gap(n);  // by position: how far each can slip before it delays a successor
    for (std::size_t p = 0; p < n; ++p) {
        const auto v = d.order[p];
        at[p].early_start = flags[p] & waiting_flag
                                ? waits
                                : own_start(d.earliest_day[p], first_day, [&](date day) { return number_of(day, v, "earliest start"); });
        at[p].late_finish = own_finish(d.deadline_day[p], [&](date day) { return number_of(day, v, "deadline"); });
    }
    auto is = [&](std::size_t p, std::uint8_t flag) { return (flags[p] & flag) != 0; };
    for (auto* column : {&out.early_start_, &out.early_finish_, &out.late_start_, &out.late_finish_, &out.total_slack_,
                         &out.free_slack_})
        column->assign(n, none);
    phase(&schedule_profile::prepare_seconds);

    // The passes read through restrict pointers: a store to a bound could otherwise alias every
    // integer column, and the compiler would reload each of them after every store.
    const auto* __restrict successor = d.successor.data();
    const auto* __restrict forward = d.forward.data();
    const auto* __restrict backward = d.backward.data();
    auto* __restrict bound_of = at.data();

    // Forward pass: each precedence pushes its source's early start to its successor, in one flat
    // sweep: precedences are sorted by source position, so a source is final before its first
    // precedence comes, and a sweep has no inner loop whose end the predictor must guess. What
    // follows waiting work stays "never" (the bound is capped there). Which predecessor set an
    // early start is found later, and only if asked (schedule::driver()).
    const auto* __restrict source_of = d.source.data();
    const auto precedence_count = d.successor.size();
    for (std::size_t e = 0; e < precedence_count; ++e) {
        const auto s = successor[e];
        const auto from = source_of[e];
        const auto bound = std::min(bound_of[from].early_start + forward[e], waits);
        bound_of[s].early_start = std::max(bound, bound_of[s].early_start);
    }
    std::int32_t horizon = first_day;
    for (std::size_t p = 0; p < n; ++p) {
        const auto finish = bound_of[p].late_finish;
        horizon = std::max(horizon, pick(flags[p] & (continuous_flag | waiting_flag), first_day, bound_of[p].early_start + duration[p]));
        horizon = std::max(horizon, pick(finish != never, finish, first_day));
    }
    phase(&schedule_profile::forward_seconds);

    // Backward pass: each position pulls its late finish from its successors, and measures how
    // far it can slip before it delays one (free slack; waiting successors start "never"). Which
    // late finishes never come, and which only the horizon bounds, was settled with the layout
    // (unbounded_flag; a successor whose late finish never comes pulls by 0), so each position
    // first takes its own bound, final where nothing pulls it: what nothing bounds must still
    // finish by the horizon, once it can be scheduled at all (the horizon says nothing about work
    // that waits for an event); ongoing work never finishes.
    auto* __restrict gap_of = gap.data();
    for (std::size_t p = 0; p < n; ++p) {
        const auto own = flags[p];
        const auto finish = pick(own & unbounded_flag, pick(own & waiting_flag, never, horizon), bound_of[p].late_finish);
        bound_of[p].late_finish = pick(own & continuous_flag, never, finish);
        gap_of[p] = never;
    }
    // Then one flat sweep over the precedences in reverse, like the forward pass: a position's
    // precedences are contiguous and come before any precedence into it, so its late finish and
    // gap are running minima, begun at its first precedence and stored at each, final in time.
    auto last = static_cast<vertex_index>(n);
    std::int32_t finish_so_far = never, gap_so_far = never;
    for (auto e = precedence_count; e-- > 0;) {
        const auto from = source_of[e];
        const auto s = successor[e];
        const bool first = from != last;
        last = from;
        finish_so_far = std::min(pick(first, bound_of[from].late_finish, finish_so_far), bound_of[s].late_finish - backward[e]);
        gap_so_far = std::min(pick(first, never, gap_so_far), bound_of[s].early_start - (bound_of[from].early_start + forward[e]));
        bound_of[from].late_finish = pick(flags[from] & continuous_flag, never, finish_so_far);
        gap_of[from] = gap_so_far;
    }
    auto* __restrict free_slack = out.free_slack_.data();
    const auto* __restrict vertex_at = d.order.data();
    for (std::size_t p = 0; p < n; ++p) {
        const auto slack = std::min(gap_of[p], bound_of[p].late_finish - (bound_of[p].early_start + duration[p]));
        free_slack[vertex_at[p]] = pick(flags[p] & (waiting_flag | continuous_flag), none, slack);
    }
    phase(&schedule_profile::backward_seconds);

    // Boundaries to days: work from boundary b to b' fills days b .. b' - 1; an activity of no
    // duration is shown on the day it completes.
    out.horizon_ = cal.working_day(std::max(horizon - 1, first_day));
    out.critical_.assign(n, 0);
    out.state_.assign(n, schedule_state::scheduled);
    for (std::size_t p = 0; p < n; ++p) {
        const auto v = d.order[p];
        const bool instant = duration[p] == 0;
        const auto es = at[p].early_start, lf = at[p].late_finish;
        if (is(p, waiting_flag)) {
            out.state_[v] = schedule_state::waiting;
        } else {
            if (is(p, continuous_flag)) {
                out.state_[v] = schedule_state::continuous;
                out.early_start_[v] = es;
            } else {
                const auto finish = es + duration[p];
                const auto total = lf - finish;
                out.early_finish_[v] = std::max(finish - 1, first_day);
                out.early_start_[v] = instant ? out.early_finish_[v] : es;
                out.total_slack_[v] = total;
                out.critical_[v] = total <= 0 ? 1 : 0;
            }
        }
        if (lf == never) continue;  // ongoing work, and waiting work nothing bounds, have no late dates
        out.late_finish_[v] = lf - 1;
        out.late_start_[v] = instant ? lf - 1 : lf - duration[p];
    }
    for (const auto i : d.left_out) {
        const auto& e = d.precedences[i];
        const auto waiter = path(std::array{e.target});
        const auto waited = path(std::array{e.source});
        out.diagnostics.push_back(
            {severity::warning, "dependency_on_ongoing", name(e.target), 0, 0,
             d.activities[e.source].continuous
                 ? fmt::format("{} waits for {} to finish, but {} is ongoing work that never finishes: the dependency is left out",
                               waiter, waited, waited)
                 : fmt::format("{} is ongoing work that never finishes, so it cannot finish after {}: the dependency is left out",
                               waiter, waited)});
    }
    out.early_boundary_.resize(n);
    out.late_boundary_.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
        out.early_boundary_[p] = at[p].early_start;
        out.late_boundary_[p] = at[p].late_finish;
    }
    out.first_day_ = first_day;
    phase(&schedule_profile::output_seconds);
    return out;
}

struct schedule::drivers {
    std::once_flag found, found_late;
    detail::column<std::int32_t> by_vertex, late_by_vertex;
};

schedule::schedule(plan_graph graph, kehoach::calendar cal)
    : graph_(std::move(graph)), calendar_(std::move(cal)), drivers_(std::make_shared<drivers>()) {}

const detail::column<std::int32_t>& schedule::driver() const {
    std::call_once(drivers_->found, [&] {
        const auto& d = *graph_.data_;
        const auto n = size();
        // A driver is a predecessor whose bound is the early start, where that start is later than
        // the activity's own bound; the first in the sweep, as the forward pass would have kept.
        detail::column<std::int32_t> by_position(n, none);
        for (std::size_t e = 0; e < d.successor.size(); ++e) {
            const auto s = d.successor[e];
            const auto from = d.source[e];
            if (by_position[s] != none || early_boundary_[from] + d.forward[e] != early_boundary_[s]) continue;
            const auto own = own_start(d.earliest_day[s], first_day_, [&](date day) { return calendar_.working_day_number(day); });
            if (early_boundary_[s] > own && !(d.flags[s] & waiting_flag)) by_position[s] = static_cast<std::int32_t>(from);
        }
        auto& out = drivers_->by_vertex;
        out.assign(n, none);
        for (std::size_t p = 0; p < n; ++p)
            if (by_position[p] != none) out[d.order[p]] = static_cast<std::int32_t>(d.order[static_cast<std::size_t>(by_position[p])]);
    });
    return drivers_->by_vertex;
}

const detail::column<std::int32_t>& schedule::late_driver() const {
    std::call_once(drivers_->found_late, [&] {
        const auto& d = *graph_.data_;
        const auto n = size();
        auto& out = drivers_->late_by_vertex;
        out.assign(n, none);
        // The successor whose bound is the late finish, where that finish is earlier than the
        // activity's own deadline; the first in its list, as the backward pass would have kept.
        for (std::size_t p = 0; p < n; ++p) {
            const auto finish = late_boundary_[p];
            if (finish == never) continue;
            if (finish >= own_finish(d.deadline_day[p], [&](date day) { return calendar_.working_day_number(day); })) continue;
            for (auto e = d.first_out[p]; e < d.first_out[p + 1]; ++e) {
                const auto s = d.successor[e];
                if (late_boundary_[s] != never && late_boundary_[s] - d.backward[e] == finish) {
                    out[d.order[p]] = static_cast<std::int32_t>(d.order[s]);
                    break;
                }
            }
        }
    });
    return drivers_->late_by_vertex;
}

std::optional<date> schedule::date_of(std::int32_t day_number) const {
    if (day_number == none) return std::nullopt;
    return calendar_.working_day(day_number);
}

namespace {

bool late(schedule_state state, std::int32_t total_slack) { return state == schedule_state::scheduled && total_slack < 0; }

}  // namespace

std::size_t schedule::infeasible_count() const noexcept {
    std::size_t count = 0;
    for (vertex_index v = 0; v < size(); ++v) count += late(state_[v], total_slack_[v]) ? 1U : 0U;
    return count;
}

std::vector<infeasibility> schedule::infeasible() const {
    std::vector<infeasibility> found;
    for (vertex_index v = 0; v < size(); ++v) {
        if (!late(state_[v], total_slack_[v])) continue;
        infeasibility late{.activity = v, .slack = total_slack_[v]};
        const auto& driven_by = driver();
        for (auto at = static_cast<std::int32_t>(v); at != none; at = driven_by[static_cast<std::size_t>(at)])
            late.chain.push_back(static_cast<vertex_index>(at));
        std::reverse(late.chain.begin(), late.chain.end());
        auto binding = v;
        const auto& late_driven_by = late_driver();
        while (late_driven_by[binding] != none) binding = static_cast<vertex_index>(late_driven_by[binding]);
        late.deadline_of = binding;
        // Negative slack comes from a deadline: the end of the chain of late drivers has one.
        late.deadline = calendar_.roll_forward(*graph_.activities()[binding].deadline);
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
        const auto by = driver()[v];
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
