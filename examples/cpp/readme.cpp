#include <kehoach/kehoach.hpp>
#include <fmt/format.h>

int main() {
    auto plan = kehoach::load_plan_json("examples/plans/chu-rang-2023.plan.json");
    auto summary = kehoach::summarize(plan);
    fmt::print("{}: {} tasks\n", plan.info.number, summary.tasks);
    for (auto [unit, tasks] : summary.tasks_per_lead)
        fmt::print("{:>3}  {}\n", tasks, plan.units()[unit].name);

    // When can each item be done? The critical-path method on Vietnam's working days.
    auto schedule = kehoach::plan_graph::of(plan).schedule(kehoach::calendar::vietnam());
    for (const auto& late : schedule.infeasible())
        fmt::print("{}: {} working days late for {}\n", plan[late.activity].id, -late.slack, kehoach::to_iso(late.deadline));
}
