#include <kehoach/analysis/summary.hpp>

#include <kehoach/io/plan_json.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace kehoach;
using namespace std::chrono;

TEST_CASE("the founding plan at a glance", "[summary][founding]") {
    const auto p = load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    const auto s = summarize(p);
    CHECK(s.tasks == 50);
    CHECK(s.groups == 11);
    CHECK(s.event_bound.size() == 4);
    CHECK(s.recurring == std::vector<item_index>{p.lookup("III.2")});
    CHECK(s.undated == std::vector<item_index>{p.lookup("III.3")});
    CHECK(s.also_ongoing.size() == 3);  // 1.3, 3.4's second bullet, 8.2

    // The document's own counts (facts.md §2): twelve "Trong tháng", nine quarters, one Q1–Q2 bullet.
    std::map<year_month, std::size_t> due;
    for (const auto& [month, items] : s.due_by_month) due[month] = items.size();
    CHECK(due[2023y / March] == 9);  // five within March, four within Q1 (1.3 and 8.2 then ongoing)
    CHECK(due[2023y / June] == 6 + 5);  // the months plus Q2 (4.14, 5.2, 7.1, 7.5) and 3.4's Q1–Q2 bullet
    CHECK(due[2023y / September] == 2);  // 4.2 and Q3 (4.15)

    REQUIRE_FALSE(s.tasks_per_lead.empty());
    CHECK(p.units()[s.tasks_per_lead[0].unit].name == "Các ban, ngành xã");
    for (std::size_t i = 1; i < s.tasks_per_lead.size(); ++i)
        CHECK(s.tasks_per_lead[i - 1].tasks >= s.tasks_per_lead[i].tasks);
}

TEST_CASE("a task with two leads counts for both, a task without one is listed", "[summary]") {
    plan p;
    const auto a = p.add_unit({.id = "a", .name = "Công an xã"});
    const auto b = p.add_unit({.id = "b", .name = "Trạm Y tế xã"});
    const auto both = p.add_item({.id = "1", .number = "1", .title = "Cả hai"});
    p.add_role(both, role::lead, a);
    p.add_role(both, role::lead, b);
    const auto one = p.add_item({.id = "2", .number = "2", .title = "Một"});
    p.add_role(one, role::lead, b);
    p.add_item({.id = "3", .number = "3", .title = "Không ai"});
    const auto s = summarize(p);
    REQUIRE(s.tasks_per_lead.size() == 2);
    CHECK(s.tasks_per_lead[0].unit == b);
    CHECK(s.tasks_per_lead[0].tasks == 2);
    CHECK(s.tasks_per_lead[1].tasks == 1);
    CHECK(s.without_lead == std::vector<item_index>{2});
    CHECK(s.undated.size() == 3);
}
