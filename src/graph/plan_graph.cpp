#include <kehoach/graph/plan_graph.hpp>

#include <kehoach/graph/schedule.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>

#include "graph_data.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>
#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace kehoach {

namespace {

/// Counts per key, turned into the first slot of each key: the heart of a counting sort.
detail::column<std::uint32_t> first_slots(std::span<const precedence> edges, std::size_t keys, auto key_of) {
    detail::column<std::uint32_t> first(keys + 1, 0);
    for (const auto& e : edges) ++first[key_of(e) + 1];
    for (std::size_t k = 0; k < keys; ++k) first[k + 1] += first[k];
    return first;
}

/// Kahn's algorithm, keeping as close to the input order as the precedences allow: vertices are
/// taken in input order, and one freed behind that scan is taken at once. Plans list their items
/// near what they wait for, so both passes of the schedule then read memory almost in order; a
/// breadth-first Kahn would scatter every plan's items across the whole order. Fewer than n
/// vertices in the result means a cycle.
detail::column<vertex_index> topological_sort(std::size_t n, std::span<const precedence> edges) {
    const auto first = first_slots(edges, n, [](const precedence& e) { return e.source; });
    detail::column<vertex_index> successors(edges.size());
    detail::column<std::uint32_t> in_degree(n, 0);
    {
        auto next = first;
        for (const auto& e : edges) {
            successors[next[e.source]++] = e.target;
            ++in_degree[e.target];
        }
    }
    detail::column<vertex_index> order;
    order.reserve(n);
    std::vector<vertex_index> freed_behind;
    for (vertex_index scan = 0; scan < n; ++scan) {
        if (in_degree[scan] != 0) continue;
        freed_behind.push_back(scan);
        while (!freed_behind.empty()) {
            const auto v = freed_behind.back();
            freed_behind.pop_back();
            order.push_back(v);
            for (auto e = first[v]; e < first[v + 1]; ++e) {
                const auto s = successors[e];
                // One ahead of the scan is taken when the scan reaches it.
                if (--in_degree[s] == 0 && s <= scan) freed_behind.push_back(s);
            }
        }
    }
    return order;
}

/// Stops hawick_circuits once enough cycles are found.
struct enough_cycles {};

struct cycle_collector {
    std::span<const vertex_index> original;  // subgraph vertex -> graph vertex
    std::set<kehoach::cycle>* found;
    std::size_t limit;

    template <typename Path, typename Graph>
    void cycle(const Path& path, const Graph&) const {
        kehoach::cycle c;
        c.reserve(path.size());
        for (auto v : path) c.push_back(original[v]);
        std::rotate(c.begin(), std::min_element(c.begin(), c.end()), c.end());
        found->insert(std::move(c));
        if (found->size() >= limit) throw enough_cycles{};
    }
};

using small_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

/// A subgraph of `keep` (sorted) with the edges between its vertices.
small_graph subgraph(std::span<const vertex_index> keep, std::span<const precedence> edges, auto same_part) {
    small_graph g(keep.size());
    auto local = [&](vertex_index v) -> std::optional<std::size_t> {
        const auto at = std::lower_bound(keep.begin(), keep.end(), v);
        if (at == keep.end() || *at != v) return std::nullopt;
        return static_cast<std::size_t>(at - keep.begin());
    };
    for (const auto& e : edges) {
        const auto s = local(e.source);
        const auto t = local(e.target);
        if (s && t && same_part(*s, *t)) boost::add_edge(*s, *t, g);
    }
    return g;
}

/// Ongoing work starts but never finishes: what waits for its finish is left out.
bool honoured(bool source_continuous, bool target_continuous, dependency_type type) {
    if (source_continuous && type != dependency_type::start_to_start) return false;
    return !(target_continuous && type == dependency_type::finish_to_finish);
}

/// The topological layout the schedule streams through. Everything that does not depend on the
/// calendar or the start is settled here, once: each precedence becomes two offsets, so that both
/// passes treat every kind alike (an early start pushes `start + forward`, a late finish pulls
/// `late finish - backward`); dependencies on the finish of ongoing work are set aside; and waiting
/// spreads to everything after a waiting activity.
void lay_out(plan_graph::data& d, std::span<const activity> activities, std::span<const precedence> precedences) {
    const auto n = activities.size();
    d.position.resize(n);
    for (std::size_t p = 0; p < n; ++p) d.position[d.order[p]] = static_cast<vertex_index>(p);
    d.duration.resize(n);
    d.flags.resize(n);
    d.earliest_day.resize(n);
    d.deadline_day.resize(n);
    auto day_number = [](const std::optional<date>& day) { return day ? static_cast<std::int32_t>(day->time_since_epoch().count()) : no_day; };
    for (std::size_t p = 0; p < n; ++p) {
        const auto& a = activities[d.order[p]];
        d.duration[p] = a.duration;
        d.earliest_day[p] = day_number(a.earliest_start);
        d.deadline_day[p] = day_number(a.deadline);
        d.flags[p] = static_cast<std::uint8_t>((a.continuous ? continuous_flag : 0) | (a.waiting ? waiting_flag : 0));
    }
    // A counting sort by source position; a precedence set aside counts for nothing.
    std::vector<std::uint8_t> continuous(n);
    for (std::size_t v = 0; v < n; ++v) continuous[v] = activities[v].continuous;
    auto kept_link = [&](const precedence& e) { return honoured(continuous[e.source], continuous[e.target], e.type); };
    d.first_out.assign(n + 1, 0);
    for (std::uint32_t i = 0; i < precedences.size(); ++i) {
        const auto& e = precedences[i];
        if (kept_link(e)) ++d.first_out[d.position[e.source] + 1];
        else d.left_out.push_back(i);
    }
    for (std::size_t p = 0; p < n; ++p) d.first_out[p + 1] += d.first_out[p];
    const auto kept = d.first_out[n];
    d.source.resize(kept);
    d.successor.resize(kept);
    d.forward.resize(kept);
    d.backward.resize(kept);
    auto next = d.first_out;
    for (const auto& link : precedences) {
        if (!kept_link(link)) continue;
        const precedence e{d.position[link.source], d.position[link.target], link.type, link.lag};
        const auto slot = next[e.source]++;
        const auto from = d.duration[e.source], to = d.duration[e.target];
        d.source[slot] = e.source;
        d.successor[slot] = e.target;
        switch (e.type) {
            case dependency_type::finish_to_start:  // start ≥ finish + lag; finish ≤ late start − lag
                d.forward[slot] = from + e.lag;
                d.backward[slot] = to + e.lag;
                break;
            case dependency_type::start_to_start:  // start ≥ start + lag; start ≤ late start − lag
                d.forward[slot] = e.lag;
                d.backward[slot] = to + e.lag - from;
                break;
            default:  // finish_to_finish: finish ≥ finish + lag; finish ≤ late finish − lag
                d.forward[slot] = from + e.lag - to;
                d.backward[slot] = e.lag;
                break;
        }
    }
    // Positions are in topological order: one sweep spreads waiting along every precedence,
    // those set aside included.
    std::vector<std::pair<vertex_index, vertex_index>> set_aside;
    for (auto i : d.left_out) set_aside.emplace_back(d.position[precedences[i].source], d.position[precedences[i].target]);
    std::sort(set_aside.begin(), set_aside.end());
    auto aside = set_aside.begin();
    for (std::size_t p = 0; p < n; ++p) {
        const bool waiting = d.flags[p] & waiting_flag;
        for (; aside != set_aside.end() && aside->first == p; ++aside)
            if (waiting) d.flags[aside->second] |= waiting_flag;
        if (waiting)
            for (auto e = d.first_out[p]; e < d.first_out[p + 1]; ++e) d.flags[d.successor[e]] |= waiting_flag;
    }
    // Whether a late finish is ever a date follows from the flags, the deadlines and the
    // precedences alone, so it is settled here, in reverse topological order: the backward pass
    // then tests no successor (a branch on each would be a coin toss), and a successor whose late
    // finish never comes pulls by 0, which leaves any finish as it was.
    auto never_finishes = [&](vertex_index p) {
        return (d.flags[p] & continuous_flag) || (d.flags[p] & (waiting_flag | unbounded_flag)) == (waiting_flag | unbounded_flag);
    };
    for (std::size_t p = n; p-- > 0;) {
        bool bounded = d.deadline_day[p] != no_day;
        for (auto e = d.first_out[p]; e < d.first_out[p + 1]; ++e) {
            if (never_finishes(d.successor[e])) d.backward[e] = 0;
            else bounded = true;
        }
        if (!bounded) d.flags[p] |= unbounded_flag;
    }
}

}  // namespace

plan_graph::plan_graph(std::vector<activity> activities, std::vector<precedence> precedences) {
    const auto n = activities.size();
    if (n >= std::numeric_limits<vertex_index>::max()) throw error(fmt::format("{} activities are too many", n));
    if (precedences.size() >= std::numeric_limits<std::uint32_t>::max())
        throw error(fmt::format("{} precedences are too many", precedences.size()));
    for (std::size_t v = 0; v < n; ++v)
        if (activities[v].duration < 0)
            throw error(fmt::format("activity {} lasts {} working days: a duration is 0 or more", v, activities[v].duration));
    for (std::size_t i = 0; i < precedences.size(); ++i) {
        const auto& e = precedences[i];
        if (e.source >= n || e.target >= n)
            throw error(fmt::format("precedence {} joins {} to {}, but there are {} activities", i, e.source, e.target, n));
        if (e.type == dependency_type::after_event || static_cast<std::size_t>(e.type) >= enum_names<dependency_type>::value.size())
            throw error(fmt::format("precedence {}: only finish_to_start, start_to_start and finish_to_finish join "
                                    "activities (an event is an activity's earliest start, or leaves it waiting)", i));
    }
    auto d = std::make_shared<data>();
    d->order = topological_sort(n, precedences);
    if (d->order.size() == n) {
        lay_out(*d, activities, precedences);
    } else {
        d->order.clear();
        d->cyclic = true;
    }
    d->activities = std::move(activities);
    d->precedences = std::move(precedences);
    data_ = std::move(d);
    names_ = std::make_shared<names>();
}

std::size_t plan_graph::size() const noexcept { return data_->activities.size(); }
std::span<const activity> plan_graph::activities() const noexcept { return data_->activities; }
std::span<const precedence> plan_graph::precedences() const noexcept { return data_->precedences; }

void plan_graph::set_names(std::vector<std::string> item_names, std::vector<std::string> plan_names,
                           std::vector<std::uint32_t> plan_of) {
    if (!item_names.empty() && item_names.size() != size())
        throw error(fmt::format("{} names for {} activities", item_names.size(), size()));
    if (!plan_of.empty() && plan_of.size() != size())
        throw error(fmt::format("{} plan numbers for {} activities", plan_of.size(), size()));
    for (auto p : plan_of)
        if (p >= plan_names.size()) throw error(fmt::format("plan {} has no name ({} plan names)", p, plan_names.size()));
    // A new block: schedules made before keep the names they were made with.
    names_ = std::make_shared<names>(names{std::move(item_names), std::move(plan_names), std::move(plan_of)});
}

std::string plan_graph::item_name(vertex_index v) const {
    const auto& n = *names_;
    return n.item_names.empty() ? fmt::format("#{}", v) : n.item_names.at(v);
}

std::string plan_graph::plan_name(vertex_index v) const {
    const auto& n = *names_;
    if (n.plan_names.empty()) return {};
    return n.plan_names[n.plan_of.empty() ? 0 : n.plan_of.at(v)];
}

std::size_t plan_graph::plan_count() const noexcept { return names_->plan_names.size(); }

std::string plan_graph::name(vertex_index v) const {
    const auto plan = plan_name(v);
    return plan.empty() ? item_name(v) : fmt::format("{} mục {}", plan, item_name(v));
}

std::string plan_graph::path(std::span<const vertex_index> chain) const {
    std::string out;
    std::string plan_before;
    for (const auto v : chain) {
        if (!out.empty()) out += " → ";
        const auto plan = plan_name(v);
        if (plan.empty()) {
            out += item_name(v);
            continue;
        }
        // The plan is named where the path enters it.
        if (plan != plan_before) out += plan + " ";
        out += "mục " + item_name(v);
        plan_before = plan;
    }
    return out;
}

std::vector<cycle> plan_graph::cycles(std::size_t limit) const {
    const auto& d = *data_;
    if (!d.cyclic || limit == 0) return {};
    // Only vertices Kahn could not free can lie on a cycle; the strong components among them
    // that hold a cycle are searched, each apart, so the search stays as small as the cycles.
    std::vector<bool> freed(size(), false);
    for (auto v : topological_sort(size(), d.precedences)) freed[v] = true;
    std::vector<vertex_index> stuck;
    for (vertex_index v = 0; v < size(); ++v)
        if (!freed[v]) stuck.push_back(v);
    const auto stuck_graph = subgraph(stuck, d.precedences, [](std::size_t, std::size_t) { return true; });
    std::vector<std::size_t> component(stuck.size());
    boost::strong_components(stuck_graph, boost::make_iterator_property_map(component.begin(),
                                                                            boost::get(boost::vertex_index, stuck_graph)));
    const auto cyclic = subgraph(stuck, d.precedences, [&](std::size_t s, std::size_t t) { return component[s] == component[t]; });
    std::set<cycle> found;
    try {
        boost::hawick_unique_circuits(cyclic, cycle_collector{stuck, &found, limit});
    } catch (const enough_cycles&) {
    }
    return {found.begin(), found.end()};
}

std::span<const vertex_index> plan_graph::topological_order() const {
    if (data_->cyclic) throw_cycles();
    return data_->order;
}

void plan_graph::throw_cycles() const {
    auto found = cycles();
    std::vector<std::string> paths;
    std::string message = found.size() == 1 ? "the dependencies go round in a cycle, so nothing can be scheduled:"
                                            : fmt::format("the dependencies go round in {} cycles, so nothing can be scheduled:",
                                                          found.size());
    for (const auto& c : found) {
        auto closed = c;
        closed.push_back(c.front());
        paths.push_back(path(closed));
        message += "\n  " + paths.back();
    }
    throw cycle_error(std::move(found), std::move(paths), std::move(message));
}

const boost_plan_graph& plan_graph::boost_graph() const {
    const auto& d = *data_;
    std::call_once(d.boost_once, [&] {
        std::vector<vertex_index> sources, targets;
        std::vector<std::uint32_t> index;
        sources.reserve(d.precedences.size());
        targets.reserve(d.precedences.size());
        index.reserve(d.precedences.size());
        for (std::uint32_t i = 0; i < d.precedences.size(); ++i) {
            sources.push_back(d.precedences[i].source);
            targets.push_back(d.precedences[i].target);
            index.push_back(i);
        }
        d.boost = std::make_unique<boost_plan_graph>(boost::construct_inplace_from_sources_and_targets, sources, targets,
                                                     index, static_cast<vertex_index>(size()));
    });
    return *d.boost;
}

namespace {

bool has_timing(const std::optional<deadline>& due) { return due && due->kind != deadline_kind::unknown; }

/// Appends a plan's items as activities, with their precedences. In a portfolio every plan starts
/// on its own issue date, so that date bounds each item's start.
void append_plan(const plan& p, bool from_issue_date, std::vector<activity>& activities, std::vector<precedence>& precedences) {
    const auto offset = static_cast<vertex_index>(activities.size());
    const auto items = p.items();
    for (item_index i = 0; i < items.size(); ++i) {
        const auto& it = items[i];
        activity a;
        a.duration = it.duration.value_or(it.kind == item_kind::group ? 0 : 1);
        // An item without a deadline of its own works in the window of the group it stands under.
        std::optional<item_index> timed = i;
        while (timed && !has_timing(items[*timed].deadline)) timed = items[*timed].parent;
        if (timed) apply_deadline(a, items[*timed].deadline->kind, items[*timed].deadline->start, items[*timed].deadline->end);
        if (from_issue_date && p.info.date && (!a.earliest_start || *a.earliest_start < *p.info.date))
            a.earliest_start = p.info.date;
        for (const auto& dep : it.depends_on) {
            if (dep.type != dependency_type::after_event) {
                precedences.push_back({offset + dep.target, offset + i, dep.type, dep.lag});
                continue;
            }
            const auto& happened = p.events()[dep.target].date;
            if (!happened) a.waiting = true;
            else if (const auto next_day = *happened + std::chrono::days{1}; !a.earliest_start || *a.earliest_start < next_day)
                a.earliest_start = next_day;
        }
        activities.push_back(a);
    }
    // Groups roll up: a group finishes when the finite work under it finishes.
    for (item_index i = 0; i < items.size(); ++i) {
        const auto& parent = items[i].parent;
        if (parent) roll_up(activities, precedences, offset + i, offset + *parent);
    }
}

std::vector<std::string> item_ids(const plan& p) {
    std::vector<std::string> ids;
    ids.reserve(p.size());
    for (const auto& it : p.items()) ids.push_back(it.id);
    return ids;
}

std::string plan_label(const plan& p) { return p.info.number.empty() ? std::string("Kế hoạch không số") : p.info.number; }

}  // namespace

plan_graph plan_graph::of(const plan& p) {
    std::vector<activity> activities;
    std::vector<precedence> precedences;
    append_plan(p, false, activities, precedences);
    plan_graph g(std::move(activities), std::move(precedences));
    g.set_names(item_ids(p), {plan_label(p)});
    g.default_start_ = p.info.date;
    return g;
}

plan_graph plan_graph::of(const portfolio& all) {
    std::vector<activity> activities;
    std::vector<precedence> precedences;
    std::vector<vertex_index> first_of_plan;
    std::vector<std::string> item_names, plan_names;
    std::vector<std::uint32_t> plan_of;
    std::map<std::string, std::size_t> plans_numbered;
    for (const auto& p : all.plans()) ++plans_numbered[plan_label(p)];
    for (plan_index k = 0; k < all.size(); ++k) {
        const auto& p = all[k];
        first_of_plan.push_back(static_cast<vertex_index>(activities.size()));
        append_plan(p, true, activities, precedences);
        auto ids = item_ids(p);
        std::move(ids.begin(), ids.end(), std::back_inserter(item_names));
        plan_of.resize(activities.size(), k);
        // Communes number their plans alike: the issuer tells them apart.
        auto name = plan_label(p);
        plan_names.push_back(plans_numbered[name] > 1 && !p.info.issuer.empty() ? fmt::format("{} ({})", name, p.info.issuer)
                                                                                : std::move(name));
    }
    for (const auto& link : all.links()) {
        const auto child = first_of_plan[link.child_plan] + link.child_item;
        const auto parent = first_of_plan[link.parent_plan] + link.parent_item;
        roll_up(activities, precedences, child, parent);
    }
    plan_graph g(std::move(activities), std::move(precedences));
    g.set_names(std::move(item_names), std::move(plan_names), std::move(plan_of));
    return g;
}

}  // namespace kehoach
