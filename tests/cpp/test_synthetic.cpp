#include <kehoach/graph/synthetic.hpp>

#include <kehoach/graph/schedule.hpp>
#include <kehoach/time/calendar.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace kehoach;

namespace {

const synthetic_portfolio& small() {
    static const auto portfolio = synthesize({.seed = 7, .items = 10'000});
    return portfolio;
}

}  // namespace

TEST_CASE("a synthetic portfolio cascades national → provinces → districts → communes", "[synthetic]") {
    const auto& s = small();
    std::map<plan_level, int> plans;
    for (auto level : s.plan_levels) ++plans[level];
    // 10,000 items scale the country (63 / 700 / 10,000) down: 1 province, 11 districts, 155 communes.
    CHECK(plans == std::map<plan_level, int>{{plan_level::national, 1}, {plan_level::province, 1}, {plan_level::district, 11},
                                             {plan_level::commune, 155}});
    CHECK(s.size() > 9'000);
    CHECK(s.size() < 11'000);
    for (std::uint32_t k = 1; k < s.plan_levels.size(); ++k) {
        const auto parent = s.plan_parent[k];
        REQUIRE(parent != synthetic_portfolio::none);
        CHECK(static_cast<int>(s.plan_levels[parent]) + 1 == static_cast<int>(s.plan_levels[k]));
        CHECK(s.plan_issued[parent] < s.plan_issued[k]);  // a plan follows the one it implements
    }
    const auto dependencies_per_task = static_cast<double>(s.dependencies.size()) / static_cast<double>(s.size());
    CHECK(dependencies_per_task > 1.5);
    CHECK(dependencies_per_task < 2.5);
    for (const auto& d : s.dependencies) {
        CHECK(d.source < d.target);  // earlier tasks only: acyclic
        CHECK(s.item_plan[d.source] == s.item_plan[d.target]);
    }
    for (std::uint32_t i = 0; i < s.size(); ++i)
        if (s.item_implements[i] != synthetic_portfolio::none) {
            const auto parent_item = s.item_implements[i];
            CHECK(s.item_plan[parent_item] == s.plan_parent[s.item_plan[i]]);
            CHECK(s.item_group[parent_item] != synthetic_portfolio::none);  // a task, not a section
        }
}

TEST_CASE("the same seed gives the same portfolio; another seed another", "[synthetic]") {
    const auto again = synthesize({.seed = 7, .items = 10'000});
    CHECK(again.item_duration == small().item_duration);
    CHECK(again.dependencies == small().dependencies);
    CHECK(again.status == small().status);
    CHECK(again.plan_numbers == small().plan_numbers);
    const auto other = synthesize({.seed = 8, .items = 10'000});
    CHECK(other.dependencies != small().dependencies);
}

TEST_CASE("the columns' graph schedules exactly as the plans they describe", "[synthetic]") {
    const auto& s = small();
    const auto from_columns = s.graph();
    CHECK(from_columns.cycles().empty());
    const auto plans = s.to_portfolio();
    CHECK(plans.unresolved().empty());
    const auto cal = calendar::vietnam();
    const auto a = from_columns.schedule(cal);
    const auto b = plan_graph::of(plans).schedule(cal);
    CHECK(a.start() == b.start());
    auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    CHECK(same(a.early_start(), b.early_start()));
    CHECK(same(a.late_finish(), b.late_finish()));
    CHECK(same(a.total_slack(), b.total_slack()));
    CHECK(same(a.free_slack(), b.free_slack()));
    CHECK(same(a.state(), b.state()));
    // Some of everything a real cascade has.
    std::map<schedule_state, std::size_t> states;
    for (auto state : a.state()) ++states[state];
    CHECK(states[schedule_state::continuous] > s.size() / 10);
    CHECK(states[schedule_state::waiting] > 0);
    CHECK(!a.infeasible().empty());
}

TEST_CASE("a year of monthly status updates, in date order, about tasks", "[synthetic]") {
    const auto& s = small();
    REQUIRE(s.status.size() > s.size());
    CHECK(std::is_sorted(s.status.begin(), s.status.end(), [](const auto& x, const auto& y) { return x.day < y.day; }));
    std::map<status_state, std::size_t> states;
    for (const auto& row : s.status) {
        ++states[row.state];
        CHECK(s.item_group[row.item] != synthetic_portfolio::none);
        CHECK(row.day <= *make_date(2024, 12, 31));
        if (row.state == status_state::done) CHECK(row.percent == 100);
        if (row.state == status_state::progress) CHECK(row.percent < 100);
    }
    CHECK(states.size() == 4);
}

TEST_CASE("national scale: 63 provinces, about 700 districts and 10,000 communes", "[synthetic][scale]") {
    const auto country = synthesize({.seed = 1, .status = false});
    std::map<plan_level, int> plans;
    for (auto level : country.plan_levels) ++plans[level];
    CHECK(plans[plan_level::province] == 63);
    CHECK(plans[plan_level::district] == 700);
    CHECK(plans[plan_level::commune] == 10'000);
    CHECK(country.size() > 600'000);
    CHECK(country.size() < 700'000);
}

TEST_CASE("the columns' obligations and assignments are the plans'", "[synthetic][track]") {
    const auto& s = small();
    const auto plans = s.to_portfolio();
    const auto cal = calendar::vietnam();
    const auto from_columns = s.obligations(cal);
    const auto from_plans = obligations_of(plans, cal);
    REQUIRE(from_columns.size() == from_plans.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < from_plans.size(); ++i) differ += from_columns[i] != from_plans[i];
    CHECK(differ == 0);

    const auto who = s.assignments();
    const auto expected = assignments::of(plans);
    REQUIRE(who.unit_count() == expected.unit_count());
    REQUIRE(who.items() == expected.items());
    for (std::uint32_t u = 0; u < who.unit_count(); ++u) {
        CHECK(who.unit_name(u) == expected.unit_name(u));
        CHECK(who.unit_plan(u) == expected.unit_plan(u));
    }
    CHECK(raci(who) == raci(expected));

    // And so the same snapshot and scorecard, whichever way they were made.
    const snapshot_options mid_year{.as_of = *make_date(2024, 6, 30)};
    const auto a = take_snapshot(from_columns, s.status, cal, mid_year);
    const auto b = take_snapshot(from_plans, s.status, cal, mid_year);
    auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    CHECK(same(a.category(), b.category()));
    CHECK(same(a.days_late(), b.days_late()));
    CHECK(same(a.stale(), b.stale()));
    CHECK(a.occurrences().size() == b.occurrences().size());
    const auto cards = scorecard(a, who);
    const auto expected_cards = scorecard(b, expected);
    REQUIRE(cards.size() == expected_cards.size());
    for (std::size_t k = 0; k < cards.size(); ++k) {
        CHECK(cards[k].unit == expected_cards[k].unit);
        CHECK(cards[k].role == expected_cards[k].role);
        CHECK(cards[k].counts == expected_cards[k].counts);
        CHECK(cards[k].stale == expected_cards[k].stale);
    }
    // Some of every category a real mid-year report has.
    const auto counts = a.counts();
    CHECK(std::count(counts.begin(), counts.end(), 0) == 0);
}
