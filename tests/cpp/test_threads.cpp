// Read-only analyses of one plan from many threads at once: every thread's result must equal the
// serial one. Built with -DKEHOACH_SANITIZE=thread, ThreadSanitizer also reports any data race.

#include <kehoach/analysis/accountability.hpp>
#include <kehoach/analysis/lint.hpp>
#include <kehoach/analysis/summary.hpp>
#include <kehoach/graph/synthetic.hpp>
#include <kehoach/io/dot.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/ics.hpp>
#include <kehoach/io/item_table.hpp>
#include <kehoach/io/lint_json.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/io/report.hpp>
#include <kehoach/io/schedule_json.hpp>
#include <kehoach/io/snapshot_json.hpp>
#include <kehoach/parse/plan_reader.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <latch>
#include <thread>

using namespace kehoach;
using namespace std::chrono;

namespace {

constexpr std::size_t threads = 8;
/// iCalendar stamps each event with the time of export unless told.
const ics_options stamped{.stamp = sys_days{2024y / January / 1}};

struct analysis {
    std::string name;
    std::function<std::string()> run;
};

/// Runs every analysis on `threads` threads released at once, each thread in its own order, so
/// that different analyses meet on the shared objects and first uses race each other; then runs
/// them again one by one on `serial` (analyses of objects not yet used) and returns, per analysis,
/// how many concurrent runs gave another result.
std::vector<std::pair<std::string, std::size_t>> mismatches(const std::vector<analysis>& concurrent,
                                                           const std::vector<analysis>& serial) {
    const auto n = concurrent.size();
    std::vector<std::vector<std::string>> results(threads, std::vector<std::string>(n));
    std::latch start(threads);
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                start.arrive_and_wait();
                for (std::size_t k = 0; k < n; ++k) {
                    const auto a = (t * 3 + k) % n;
                    try {
                        results[t][a] = concurrent[a].run();
                    } catch (const std::exception& e) {
                        results[t][a] = std::string("threw: ") + e.what();
                    }
                }
            });
    }
    std::vector<std::pair<std::string, std::size_t>> out;
    for (std::size_t a = 0; a < n; ++a) {
        const auto expected = serial[a].run();
        std::size_t differ = 0;
        for (const auto& r : results) differ += r[a] != expected;
        out.emplace_back(serial[a].name, differ);
    }
    return out;
}

std::string text(const plan_summary& s) {
    std::string out = fmt::format("{} {} |", s.tasks, s.groups);
    for (const auto& l : s.tasks_per_lead) out += fmt::format(" {}:{}", l.unit, l.tasks);
    for (const auto& m : s.due_by_month) out += fmt::format(" {}-{}:{}", int(m.month.year()), unsigned(m.month.month()), m.items);
    return out + fmt::format(" | {} {} {} {} {} {}", s.without_lead, s.also_ongoing, s.ongoing, s.recurring, s.event_bound, s.undated);
}

std::string text(const schedule& s) {
    std::string out = to_schedule_json(s);
    for (const auto& late : s.infeasible()) out += fmt::format("\n{} {} {}", late.activity, late.slack, late.chain);
    for (const auto& path : s.critical_paths()) out += fmt::format("\n{}", path);
    return out;
}

std::string text(const snapshot& now, const assignments& who) {
    std::string out;
    for (const auto& r : scorecard(now, who))
        out += fmt::format("{} {} {} {};", r.unit, int(r.role), r.counts, r.stale);
    for (const auto& r : raci(who)) out += fmt::format("{}/{}/{};", r.item, r.unit, int(r.role));
    for (const auto& r : workload(now, who))
        out += fmt::format("{} {} {}-{} {} {};", r.unit, int(r.role), int(r.month.year()), unsigned(r.month.month()), r.tasks, r.occurrences);
    for (const auto& r : compliance(now, who)) out += fmt::format("{} {} {};", r.unit, int(r.month.year()), r.counts);
    return out;
}

std::string text(const std::vector<escalation_entry>& chains) {
    std::string out;
    for (const auto& e : chains) {
        out += fmt::format("{} {}", e.item, e.days_late);
        for (const auto& c : e.chain) out += fmt::format(" {}:{}", int(c.step), c.name);
        out += ';';
    }
    return out;
}

/// The analyses of the bundled plan, its status log and what is made from them once and shared.
struct bundled {
    plan p = load_plan(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    status_log log = read_status_log(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.status.csv");
    calendar cal = calendar::vietnam();
    plan_graph graph = plan_graph::of(p);
    schedule scheduled = graph.schedule(cal);
    snapshot now = take_snapshot(p, log, {.as_of = *make_date(2023, 6, 20)}, cal);
    assignments who = assignments::of(p);

    [[nodiscard]] std::vector<analysis> analyses() const {
        const plan* plans[] = {&p};
        return {
            {"schedule", [this] { return text(plan_graph::of(p).schedule(cal)); }},
            {"schedule of the shared graph", [this] { return text(graph.schedule(cal)); }},
            {"drivers of the shared schedule", [this] { return text(scheduled); }},
            {"topological order and cycles", [this] { return fmt::format("{} {}", graph.topological_order(), graph.cycles().size()); }},
            {"lint", [this] {
                 const std::vector<std::vector<diagnostic>> findings{lint(p, {.calendar = &cal})};
                 return to_lint_json({&p, 1}, findings);
             }},
            {"lint in English", [this] {
                 const std::vector<std::vector<diagnostic>> findings{lint(p, {.lang = language::en})};
                 return to_lint_json({&p, 1}, findings);
             }},
            {"summary", [this] { return text(summarize(p)); }},
            {"snapshot", [this, plans] {
                 return to_snapshot_json(plans, take_snapshot(p, log, {.as_of = *make_date(2023, 6, 20)}, cal));
             }},
            {"snapshot as CSV, vietnam() made here", [this, plans] {
                 return to_snapshot_csv(plans, take_snapshot(p, log, {.as_of = *make_date(2023, 9, 1)}));
             }},
            {"accountability", [this] { return text(now, assignments::of(p)) + text(escalation(p, now)); }},
            {"accountability of the shared snapshot", [this] { return text(now, who); }},
            {"report", [this] { return monthly_report(p, log, {.month = 2023y / June, .as_of = *make_date(2023, 6, 20)}, cal); }},
            {"report in HTML, English, redacted", [this] {
                 return monthly_report(p, log, {.month = 2023y / May, .lang = language::en, .format = report_format::html, .redact = true});
             }},
            {"plan@1", [this] { return to_plan_json(p); }},
            {"iCalendar", [this] { return to_ics(p, stamped, cal).text; }},
            {"DOT", [this] { return to_dot(p, &scheduled); }},
            {"CSV", [this] { return to_items_csv(p, cal); }},
        };
    }
};

/// A synthetic portfolio: its columns, its plans as objects, and what is shared.
struct synthetic {
    synthetic_portfolio columns = synthesize({.seed = 11, .items = 6'000});
    portfolio all = columns.to_portfolio();
    calendar cal = calendar::vietnam();
    plan_graph graph = plan_graph::of(all);
    schedule scheduled = graph.schedule(cal);
    snapshot now = take_snapshot(columns.obligations(cal), columns.status, cal, {.as_of = *make_date(2024, 7, 15)});

    [[nodiscard]] const plan& largest() const {
        plan_index best = 0;
        for (plan_index k = 1; k < all.size(); ++k)
            if (all[k].size() > all[best].size()) best = k;
        return all[best];
    }

    [[nodiscard]] std::vector<analysis> analyses() const {
        return {
            {"portfolio schedule", [this] { return text(plan_graph::of(all).schedule(cal)); }},
            {"schedule from the columns", [this] { return to_schedule_json(columns.graph().schedule(cal)); }},
            {"drivers of the shared schedule", [this] { return text(scheduled); }},
            {"portfolio lint", [this] {
                 std::string out;
                 for (const auto& findings : lint(all))
                     for (const auto& f : findings) out += fmt::format("{} {} {};", f.code, f.item, f.message);
                 return out;
             }},
            {"bulk snapshot", [this] {
                 const auto s = take_snapshot(columns.obligations(cal), columns.status, cal, {.as_of = *make_date(2024, 7, 15)});
                 return fmt::format("{} {} {} {}", s.counts(), s.category().size(), fmt::join(s.days_late(), ","), s.occurrences().size());
             }},
            {"accountability", [this] {
                 return text(now, columns.assignments()) + text(escalation(all, now)) +
                        fmt::format("{}", rollup_by_plan(all, now).size());
             }},
            {"portfolio DOT", [this] { return to_dot(all, &scheduled); }},
            {"largest plan: lint, summary, plan@1, exports", [this] {
                 const auto& p = largest();
                 const std::vector<std::vector<diagnostic>> findings{lint(p)};
                 return to_lint_json({&p, 1}, findings) + text(summarize(p)) + to_plan_json(p) + to_ics(p, stamped).text +
                        to_items_csv(p, cal) + to_dot(p);
             }},
        };
    }
};

}  // namespace

TEST_CASE("analyses of the bundled plan give every thread the serial result", "[threads]") {
    const bundled shared, alone;
    for (const auto& [name, differ] : mismatches(shared.analyses(), alone.analyses())) {
        INFO(name);
        CHECK(differ == 0);
    }
}

TEST_CASE("analyses of a synthetic portfolio give every thread the serial result", "[threads]") {
    const synthetic shared, alone;
    REQUIRE(shared.all.size() > 50);
    for (const auto& [name, differ] : mismatches(shared.analyses(), alone.analyses())) {
        INFO(name);
        CHECK(differ == 0);
    }
}

TEST_CASE("threads writing one file at once leave one whole version and no temporary file", "[threads]") {
    const auto folder = std::filesystem::temp_directory_path() / "kehoach-test-threads-write";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const auto path = folder / "ke-hoach.ics";
    std::vector<std::string> versions;
    for (std::size_t t = 0; t < threads; ++t) versions.push_back(std::string(100'000 + t * 1000, static_cast<char>('a' + t)));
    std::vector<std::string> failures(threads);
    std::latch start(threads);
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                start.arrive_and_wait();
                try {
                    for (int k = 0; k < 20; ++k) write_file_atomically(path, versions[t]);
                } catch (const std::exception& e) {
                    failures[t] = e.what();
                }
            });
    }
    CHECK(failures == std::vector<std::string>(threads));
    const auto written = read_input(path);
    CHECK(std::find(versions.begin(), versions.end(), written) != versions.end());
    CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator{}) == 1);
    std::filesystem::remove_all(folder);
}
