// Tracking at national scale: kehoach's snapshot as of mid-year and per-unit scorecard over the
// synthetic portfolio's status rows, timed apart and together. Writes its inputs and results as
// raw columns for bench/bench_status.py, which times the same roll-up in pandas and checks that
// both agree. Target (issue: tracking speed) at 10M rows: ≥ 20× pandas.
//
// Usage: bench_status ITEMS DIR   one size (a process each, so that peak memory is its own)

#include <kehoach/analysis/accountability.hpp>
#include <kehoach/graph/synthetic.hpp>
#include <kehoach/time/calendar.hpp>
#include <kehoach/track/snapshot.hpp>

#include <fmt/format.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

/// CPU time, not wall time: on a shared machine another process's load would count as ours.
double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

long peak_resident_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss * 1024L;
}

std::int32_t day_number(std::optional<kehoach::date> day) {
    return day ? static_cast<std::int32_t>(day->time_since_epoch().count()) : kehoach::snapshot::none;
}

/// A column as numpy reads it back: `name.i4` holds little-endian int32s, `name.u1` bytes.
template <typename T>
void write_column(const std::filesystem::path& dir, std::string_view name, const std::vector<T>& values) {
    static_assert(std::is_integral_v<T>);
    const auto type = fmt::format("{}{}", std::is_signed_v<T> ? 'i' : 'u', sizeof(T));
    std::ofstream out(dir / fmt::format("{}.{}", name, type), std::ios::binary);
    out.write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * sizeof(T)));
}

template <typename Out, typename Range, typename Get>
std::vector<Out> column(const Range& range, Get get) {
    std::vector<Out> out;
    out.reserve(std::size(range));
    for (const auto& x : range) out.push_back(static_cast<Out>(get(x)));
    return out;
}

template <typename T>
std::vector<T> column(std::span<const T> values) {
    return {values.begin(), values.end()};
}

/// What the analyst starts from: the obligations (rolled due days, as the library gives them),
/// the status rows, who does what, and the calendar as a table of working days.
void write_inputs(const std::filesystem::path& dir, const kehoach::obligation_table& obligations,
                  std::span<const kehoach::status_row> rows, const kehoach::assignments& who, const kehoach::calendar& cal,
                  int year) {
    write_column(dir, "kind", column<std::uint8_t>(obligations.kind(), [](auto k) { return k; }));
    write_column(dir, "start", column(obligations.start()));
    write_column(dir, "due", column(obligations.due()));
    write_column(dir, "since", column(obligations.since()));
    write_column(dir, "event", column(obligations.event()));
    write_column(dir, "group", column<std::int32_t>(obligations.group(), [](auto g) { return g == kehoach::obligation_table::no_group ? -1 : static_cast<std::int32_t>(g); }));
    std::vector<std::uint8_t> is_group, waits;
    for (std::size_t i = 0; i < obligations.size(); ++i) {
        is_group.push_back(obligations.is_group(i));
        waits.push_back(obligations.waits(i));
    }
    write_column(dir, "is_group", is_group);
    write_column(dir, "waits", waits);

    using kehoach::status_row;
    write_column(dir, "row_item", column<std::uint32_t>(rows, [](const status_row& r) { return r.item; }));
    write_column(dir, "row_day", column<std::int32_t>(rows, [](const status_row& r) { return day_number(r.day); }));
    write_column(dir, "row_state", column<std::uint8_t>(rows, [](const status_row& r) { return r.state; }));
    write_column(dir, "row_percent", column<std::int8_t>(rows, [](const status_row& r) { return r.percent; }));

    const auto roles = kehoach::raci(who);
    using kehoach::raci_entry;
    write_column(dir, "raci_item", column<std::uint32_t>(roles, [](const raci_entry& e) { return e.item; }));
    write_column(dir, "raci_unit", column<std::uint32_t>(roles, [](const raci_entry& e) { return e.unit; }));
    write_column(dir, "raci_role", column<std::uint8_t>(roles, [](const raci_entry& e) { return e.role; }));

    // Working days up to and including each day from the year before to the year after: a
    // holiday table's running count.
    const auto first = *kehoach::make_date(year - 1, 1, 1);
    const auto last = *kehoach::make_date(year + 1, 12, 31);
    std::vector<std::int32_t> calendar_day, worked_through;
    for (auto day = first; day <= last; day += std::chrono::days{1}) {
        calendar_day.push_back(day_number(day));
        worked_through.push_back(cal.working_day_number(day + std::chrono::days{1}));
    }
    write_column(dir, "calendar_day", calendar_day);
    write_column(dir, "worked_through", worked_through);
}

/// What kehoach computed, for the comparison.
void write_results(const std::filesystem::path& dir, const kehoach::snapshot& s, std::span<const kehoach::scorecard_row> cards) {
    write_column(dir, "out_category", column<std::uint8_t>(s.category(), [](auto c) { return c; }));
    write_column(dir, "out_days_late", column(s.days_late()));
    write_column(dir, "out_days_left", column(s.days_left()));
    write_column(dir, "out_stale", column(s.stale()));
    write_column(dir, "out_last_update", column(s.last_update()));
    write_column(dir, "out_done_on", column(s.done_on()));
    write_column(dir, "out_percent", column(s.percent()));
    using kehoach::scorecard_row;
    write_column(dir, "card_unit", column<std::uint32_t>(cards, [](const scorecard_row& r) { return r.unit; }));
    write_column(dir, "card_role", column<std::uint8_t>(cards, [](const scorecard_row& r) { return r.role; }));
    write_column(dir, "card_stale", column<std::uint32_t>(cards, [](const scorecard_row& r) { return r.stale; }));
    std::vector<std::uint32_t> counts;
    for (const auto& r : cards) counts.insert(counts.end(), r.counts.begin(), r.counts.end());
    write_column(dir, "card_counts", counts);
}

void run(std::size_t items, const std::filesystem::path& dir) {
    const auto cal = kehoach::calendar::vietnam();
    const int year = 2024;
    const auto portfolio = kehoach::synthesize({.seed = 2024, .items = items, .year = year});
    const auto obligations = portfolio.obligations(cal);
    const auto who = portfolio.assignments();
    // The half-year review (sơ kết 6 tháng).
    const kehoach::snapshot_options options{.as_of = *kehoach::make_date(year, 6, 30)};
    const int runs = 5;

    // A snapshot takes its obligations over (moved, as a caller hands them); copying them, and
    // freeing the last run's results, is not the work.
    std::vector<double> snapshot_times, scorecard_times, together_times;
    std::optional<kehoach::snapshot> now;
    kehoach::detail::column<kehoach::scorecard_row> cards;
    for (int i = 0; i < runs; ++i) {
        auto owed = obligations;
        now.reset();
        cards = {};
        auto started = cpu_seconds();
        now.emplace(kehoach::take_snapshot(std::move(owed), portfolio.status, cal, options));
        snapshot_times.push_back(cpu_seconds() - started);
        started = cpu_seconds();
        cards = kehoach::scorecard(*now, who);
        scorecard_times.push_back(cpu_seconds() - started);
        together_times.push_back(snapshot_times.back() + scorecard_times.back());
    }
    for (auto* times : {&snapshot_times, &scorecard_times, &together_times}) std::sort(times->begin(), times->end());
    const auto peak = peak_resident_bytes();

    std::filesystem::create_directories(dir);
    write_inputs(dir, obligations, portfolio.status, who, cal, year);
    write_results(dir, *now, cards);

    fmt::print(
        "{{\"items\": {}, \"rows\": {}, \"plans\": {}, \"units\": {}, \"as_of\": \"{}\", \"snapshot_s\": {:.6f}, "
        "\"scorecard_s\": {:.6f}, \"together_s\": {:.6f}, \"occurrences\": {}, \"scorecard_rows\": {}, \"peak_rss_mib\": {:.1f}}}\n",
        portfolio.size(), portfolio.status.size(), portfolio.plan_levels.size(), who.unit_count(), kehoach::to_iso(options.as_of),
        snapshot_times[runs / 2], scorecard_times[runs / 2], together_times[runs / 2], now->occurrences().size(), cards.size(),
        static_cast<double>(peak) / (1 << 20));
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() != 2) {
        fmt::print(stderr, "usage: bench_status ITEMS DIR\n");
        return 2;
    }
    run(std::stoul(args[0]), args[1]);
}
