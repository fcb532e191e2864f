// docs/cpp.md's example: a plan from load to export, run from the repository's root.
#include <kehoach/kehoach.hpp>
#include <fmt/format.h>

#include <filesystem>

int main() {
    const auto plan = kehoach::load_plan_json("examples/plans/chu-rang-2023.plan.json");
    const auto calendar = kehoach::calendar::vietnam();

    // Lint: what keeps the plan from being read or scheduled unambiguously.
    std::size_t errors = 0;
    for (const auto& finding : kehoach::lint(plan)) errors += finding.severity == kehoach::severity::error;
    fmt::print("lint: {} errors\n", errors);

    // Schedule: the critical-path method on Vietnam's working days.
    const auto schedule = kehoach::plan_graph::of(plan).schedule(calendar);
    fmt::print("schedule: {} items, {} cannot meet their deadline\n", schedule.size(), schedule.infeasible_count());

    // Snapshot: where each item stands on 30/6, from the units' status log.
    const auto log = kehoach::read_status_log("examples/plans/chu-rang-2023.status.csv");
    const auto now = kehoach::take_snapshot(plan, log, {.as_of = *kehoach::make_date(2023, 6, 30)}, calendar);
    const auto counts = now.counts();
    fmt::print("overdue on 2023-06-30: {}\n", counts[static_cast<std::size_t>(kehoach::status_category::overdue)]);

    // Scorecard: each lead unit's tasks done on time, as the government reports it.
    const auto units = kehoach::assignments::of(plan);
    for (const auto& row : kehoach::scorecard(now, units))
        if (row.role == kehoach::role::lead && row.due() > 0)
            fmt::print("{:5.1f}%  {}\n", 100 * row.on_time_rate(), units.unit_name(row.unit));

    // Export: an iCalendar file of the deadlines and the item table as CSV.
    const auto out = std::filesystem::temp_directory_path();
    const auto ics = kehoach::to_ics(plan, {}, calendar);
    kehoach::write_file_atomically(out / "chu-rang-2023.ics", ics.text);
    kehoach::write_file_atomically(out / "chu-rang-2023.items.csv", kehoach::to_items_csv(plan, calendar));
    fmt::print("exported {} events\n", ics.events);
}
