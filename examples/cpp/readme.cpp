#include <kehoach/kehoach.hpp>
#include <fmt/format.h>

int main() {
    auto plan = kehoach::load_plan_json("examples/plans/chu-rang-2023.plan.json");
    auto summary = kehoach::summarize(plan);
    fmt::print("{}: {} tasks\n", plan.info.number, summary.tasks);
    for (auto [unit, tasks] : summary.tasks_per_lead)
        fmt::print("{:>3}  {}\n", tasks, plan.units()[unit].name);
}
