// The schedule at national scale: kehoach's build and critical-path method on the synthetic
// portfolio, against a straightforward Boost.Graph program (compressed_sparse_row_graph +
// topological_sort) doing the same CPM on the same input, with this machine's memory bandwidth
// measured in the same run. Prints one JSON object per size; scripts/bench_schedule.sh adds
// networkx and prints the ratios. Targets (issue 5) at 1M items: ≥ 1.5× the plain Boost program,
// peak memory ≤ 1 GiB, the two passes within 5× of the memory-bandwidth bound.
//
// Usage: bench_schedule --bandwidth          this machine's memory bandwidth
//        bench_schedule ITEMS BANDWIDTH_GB_S  one size (a process each, so that peak memory is its own)

#include <kehoach/graph/schedule.hpp>
#include <kehoach/graph/synthetic.hpp>
#include <kehoach/time/calendar.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) { return std::chrono::duration<double>(clock_type::now() - start).count(); }

/// The median of `runs` timings of `work`.
template <typename Work>
double median_seconds(int runs, Work&& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = clock_type::now();
        work();
        times.push_back(seconds_since(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Bytes a second this machine copies from memory to memory (read + write), over buffers far
/// larger than the caches: the bound a streaming pass cannot beat.
double copy_bandwidth() {
    constexpr std::size_t bytes = std::size_t{256} << 20;
    std::vector<char> from(bytes, 1), to(bytes, 0);
    const auto time = median_seconds(5, [&] {
        std::memcpy(to.data(), from.data(), bytes);
        asm volatile("" : : "r"(to.data()) : "memory");
    });
    return 2.0 * static_cast<double>(bytes) / time;
}

long peak_resident_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss * 1024L;
}

/// The critical-path method as one writes it with Boost.Graph: a CSR graph from the edge list,
/// topological_sort, a forward and a backward pass over the vertices in that order.
struct plain_boost_cpm {
    struct edge_data {
        kehoach::dependency_type type;
        int lag;
    };
    using graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, edge_data>;

    graph g;
    std::vector<graph::vertex_descriptor> order;

    plain_boost_cpm(std::size_t n, const std::vector<kehoach::precedence>& precedences) {
        std::vector<std::pair<std::size_t, std::size_t>> edges;
        std::vector<edge_data> data;
        edges.reserve(precedences.size());
        data.reserve(precedences.size());
        for (const auto& p : precedences) {
            edges.emplace_back(p.source, p.target);
            data.push_back({p.type, p.lag});
        }
        g = graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), data.begin(), n);
        boost::topological_sort(g, std::back_inserter(order));
        std::reverse(order.begin(), order.end());
    }

    /// Early and late boundaries and slack, as kehoach defines them (docs/scheduling.md).
    std::vector<std::int32_t> schedule(const std::vector<kehoach::activity>& activities, const kehoach::calendar& cal,
                                       kehoach::date start) const {
        constexpr auto never = std::numeric_limits<std::int32_t>::max();
        const auto n = activities.size();
        const auto first = cal.working_day_number(start);
        std::vector<std::int32_t> es(n, first), ef(n), ls(n), lf(n), slack(n, 0);
        std::vector<char> waiting(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            if (activities[v].earliest_start) es[v] = std::max(es[v], cal.working_day_number(*activities[v].earliest_start));
            waiting[v] = activities[v].waiting;
        }
        std::int32_t horizon = first;
        for (auto v : order) {
            if (waiting[v]) {
                for (auto e : boost::make_iterator_range(out_edges(v, g))) waiting[target(e, g)] = 1;
                continue;
            }
            const bool continuous = activities[v].continuous;
            ef[v] = continuous ? never : es[v] + activities[v].duration;
            if (!continuous) horizon = std::max(horizon, ef[v]);
            for (auto e : boost::make_iterator_range(out_edges(v, g))) {
                const auto s = target(e, g);
                const auto& d = g[e];
                if (continuous && d.type != kehoach::dependency_type::start_to_start) continue;
                if (activities[s].continuous && d.type == kehoach::dependency_type::finish_to_finish) continue;
                const auto bound = d.type == kehoach::dependency_type::finish_to_start ? ef[v] + d.lag
                                   : d.type == kehoach::dependency_type::start_to_start ? es[v] + d.lag
                                                                                        : ef[v] + d.lag - activities[s].duration;
                es[s] = std::max(es[s], bound);
            }
        }
        for (std::size_t v = 0; v < n; ++v)
            if (activities[v].deadline) horizon = std::max(horizon, cal.working_day_number(*activities[v].deadline) + 1);
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const auto v = *it;
            lf[v] = never;
            if (activities[v].continuous) continue;
            auto finish = activities[v].deadline ? cal.working_day_number(*activities[v].deadline) + 1 : never;
            bool bounded = finish != never;
            for (auto e : boost::make_iterator_range(out_edges(v, g))) {
                const auto s = target(e, g);
                const auto& d = g[e];
                if (lf[s] == never || (activities[s].continuous && d.type == kehoach::dependency_type::finish_to_finish)) continue;
                const auto bound = d.type == kehoach::dependency_type::finish_to_start ? ls[s] - d.lag
                                   : d.type == kehoach::dependency_type::start_to_start ? ls[s] - d.lag + activities[v].duration
                                                                                        : lf[s] - d.lag;
                finish = std::min(finish, bound);
                bounded = true;
            }
            if (!bounded) finish = waiting[v] ? never : horizon;
            lf[v] = finish;
            ls[v] = finish == never ? never : finish - activities[v].duration;
            if (!waiting[v] && finish != never) slack[v] = finish - ef[v];
        }
        return slack;
    }
};

void run(std::size_t items, const kehoach::calendar& cal, double bandwidth) {
    const auto portfolio = kehoach::synthesize({.seed = 2024, .items = items, .status = false});
    const auto activities = portfolio.activities();
    const auto precedences = portfolio.precedences(activities);
    const auto start = *kehoach::make_date(2024, 1, 2);
    const int runs = items >= 1'000'000 ? 3 : 7;

    // A graph takes its inputs over (moved, as a caller hands them); copying them is not building.
    std::optional<kehoach::plan_graph> graph;
    std::vector<double> build_times;
    for (int i = 0; i < runs; ++i) {
        auto inputs = std::pair(activities, precedences);
        const auto started = clock_type::now();
        graph.emplace(std::move(inputs.first), std::move(inputs.second));
        build_times.push_back(seconds_since(started));
    }
    std::sort(build_times.begin(), build_times.end());
    const auto build = build_times[build_times.size() / 2];
    kehoach::schedule_profile profile;
    const auto schedule = median_seconds(runs, [&] { (void)graph->schedule(cal, {.start = start}); });
    const auto result = graph->schedule(cal, {.start = start, .profile = &profile});

    std::optional<plain_boost_cpm> plain;
    const auto plain_build = median_seconds(runs, [&] { plain.emplace(activities.size(), precedences); });
    std::vector<std::int32_t> plain_slack;
    const auto plain_schedule = median_seconds(runs, [&] { plain_slack = plain->schedule(activities, cal, start); });

    // Both must compute the same thing, or the comparison means nothing.
    std::size_t disagreements = 0;
    for (std::size_t v = 0; v < activities.size(); ++v)
        if (result.state()[v] == kehoach::schedule_state::scheduled && result.total_slack()[v] != plain_slack[v]) ++disagreements;

    // What the two passes must move at the least: every array they need, once. Forward: each
    // precedence's source, successor and offset (12 bytes), each activity's early start and late
    // finish read and written (16). Backward: each precedence's successor and two offsets (12),
    // each activity's bounds read and written (16), where its precedences begin, its duration,
    // flags and vertex (13), its free slack written (4). The backward sweep moves more than that
    // (each precedence's source rather than each activity's first, and a gap written and read
    // again by activity), so the bound stays a bound.
    const double n = static_cast<double>(activities.size());
    const double m = static_cast<double>(precedences.size());
    const double forward_bytes = m * 12 + n * 16;
    const double backward_bytes = m * 12 + n * (16 + 13 + 4);
    const double pass_seconds = profile.forward_seconds + profile.backward_seconds;
    const double bound_seconds = (forward_bytes + backward_bytes) / bandwidth;

    fmt::print(
        "{{\"items\": {}, \"precedences\": {}, \"plans\": {}, \"build_s\": {:.6f}, \"schedule_s\": {:.6f}, "
        "\"prepare_s\": {:.6f}, \"forward_s\": {:.6f}, \"backward_s\": {:.6f}, \"output_s\": {:.6f}, "
        "\"plain_boost_build_s\": {:.6f}, \"plain_boost_schedule_s\": {:.6f}, \"bandwidth_gb_s\": {:.2f}, "
        "\"pass_bound_s\": {:.6f}, \"passes_over_bound\": {:.2f}, \"infeasible\": {}, \"disagreements\": {}, "
        "\"peak_rss_mib\": {:.1f}}}\n",
        activities.size(), precedences.size(), portfolio.plan_levels.size(), build, schedule, profile.prepare_seconds,
        profile.forward_seconds, profile.backward_seconds, profile.output_seconds, plain_build, plain_schedule, bandwidth / 1e9,
        bound_seconds, pass_seconds / bound_seconds, result.infeasible().size(), disagreements,
        static_cast<double>(peak_resident_bytes()) / (1 << 20));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "--bandwidth") {
        fmt::print("{{\"bandwidth_gb_s\": {:.2f}}}\n", copy_bandwidth() / 1e9);
        return 0;
    }
    if (args.size() != 2) {
        fmt::print(stderr, "usage: bench_schedule --bandwidth | bench_schedule ITEMS BANDWIDTH_GB_S\n");
        return 2;
    }
    run(std::stoul(args[0]), kehoach::calendar::vietnam(), std::stod(args[1]) * 1e9);
}
