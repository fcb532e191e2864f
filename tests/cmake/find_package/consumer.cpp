// Loads a plan through the installed package and checks what a user would rely on.
#include <kehoach/kehoach.hpp>

#include <fmt/format.h>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto plan = kehoach::load_plan_json(argv[1]);
    const auto summary = kehoach::summarize(plan);
    fmt::print("{}: {} tasks, {} groups\n", plan.info.number, summary.tasks, summary.groups);
    const bool round_trips = kehoach::to_plan_json(kehoach::parse_plan_json(kehoach::to_plan_json(plan))) ==
                             kehoach::to_plan_json(plan);
    return summary.tasks > 0 && round_trips ? 0 : 1;
}
