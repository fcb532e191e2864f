#include <kehoach/analysis/accountability.hpp>
#include <kehoach/graph/synthetic.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/track/snapshot.hpp>
#include <kehoach/track/status_log.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace kehoach;
using enum status_category;

namespace {

date day(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
std::int32_t number(date d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

const std::string fixtures = KEHOACH_SOURCE_DIR "/tests/data/tracking/";

const plan& ia_mo() {
    static const plan p = load_plan(fixtures + "ia-mo-2023.txt");
    return p;
}

const calendar& vietnam() {
    static const calendar cal = calendar::vietnam();
    return cal;
}

snapshot mid_june(const status_log& log) { return take_snapshot(ia_mo(), log, {.as_of = day(2023, 6, 15)}, vietnam()); }

std::uint32_t at(std::string_view id) { return ia_mo().lookup(id); }

}  // namespace

// Worked by hand as of Thursday 15/6/2023 (tests/data/tracking/README.md). Working days count
// Monday to Friday less 29/4-3/5 (Giỗ Tổ, 30/4, 1/5 and the two days in lieu).
TEST_CASE("a snapshot puts every task of the plan in its category, by hand", "[track]") {
    const auto s = mid_june(read_status_log(fixtures + "ia-mo-2023.status.csv"));
    REQUIRE(s.diagnostics.empty());

    // March's task, never reported: overdue by April's 20 working days, May's 20 and June's 11.
    CHECK(s.category()[at("II.1.1")] == overdue);
    CHECK(s.days_late()[at("II.1.1")] == 51);
    CHECK(s.stale()[at("II.1.1")] == 1);  // silent since the plan was issued on 7/4
    // Due "before 30/4/2023", a Sunday and a holiday: the deadline rolls to Thursday 4/5 (Civil Code art. 148).
    CHECK(s.due()[at("II.1.2")] == number(day(2023, 5, 4)));
    CHECK(s.category()[at("II.1.2")] == done_on_time);
    CHECK(s.done_on()[at("II.1.2")] == number(day(2023, 5, 4)));
    // Quarter II, under way: 11 working days to Friday 30/6; last word on 10/6 at 40%.
    CHECK(s.category()[at("II.1.3")] == in_progress);
    CHECK(s.days_left()[at("II.1.3")] == 11);
    CHECK(s.percent()[at("II.1.3")] == 40);
    CHECK(s.last_update()[at("II.1.3")] == number(day(2023, 6, 10)));
    CHECK(s.stale()[at("II.1.3")] == 0);
    // Quarter III has not opened. It ends Saturday 30/9, so the deadline is Monday 2/10; the days
    // left skip 1/9, 2/9 and the day in lieu 4/9: 11 + 21 + 23 + 19 + 1.
    CHECK(s.category()[at("II.1.4")] == not_due);
    CHECK(s.due()[at("II.1.4")] == number(day(2023, 10, 2)));
    CHECK(s.days_left()[at("II.1.4")] == 75);
    CHECK(s.category()[at("II.2.1")] == waiting);
    CHECK(s.category()[at("II.2.2")] == ongoing);
    CHECK(s.stale()[at("II.2.2")] == 0);
    // No deadline at all: in progress, with nothing left to count, and stale.
    CHECK(s.category()[at("III.1")] == in_progress);
    CHECK(s.days_left()[at("III.1")] == snapshot::none);
    CHECK(s.stale()[at("III.1")] == 1);
    CHECK(s.category()[at("III.2")] == ongoing);

    // Groups stand for their tasks: an overdue task makes its group overdue, up to the top.
    CHECK(s.category()[at("II.1")] == overdue);
    CHECK(s.days_late()[at("II.1")] == 51);
    CHECK(s.category()[at("II.2")] == waiting);
    CHECK(s.stale()[at("II.2")] == 0);  // a group is stale when one of its tasks is
    CHECK(s.stale()[at("II.1")] == 1);
    CHECK(s.category()[at("II")] == overdue);
    CHECK(s.category()[at("III")] == in_progress);

    const category_counts expected{1, 0, 2, 1, 1, 1, 2, 0};
    CHECK(s.counts() == expected);
}

// "Trước ngày 12 hàng tháng": due by the 11th. April's report never came; 10/5 is May's, on time;
// 14/6 is June's, due Sunday 11/6 and so Monday 12/6: late. July's period has not begun.
TEST_CASE("each occurrence of the monthly report is on time, late or missing", "[track]") {
    const auto s = mid_june(read_status_log(fixtures + "ia-mo-2023.status.csv"));
    const auto report = at("III.2");
    std::vector<occurrence_record> mine;
    for (const auto& o : s.occurrences())
        if (o.item == report) mine.push_back(o);
    REQUIRE(mine.size() == 3);
    CHECK(mine[0].due == day(2023, 4, 11));
    CHECK(mine[0].status == occurrence_status::missing);
    CHECK(mine[1].due == day(2023, 5, 11));
    CHECK(mine[1].done_on == day(2023, 5, 10));
    CHECK(mine[1].status == occurrence_status::on_time);
    CHECK(mine[2].due == day(2023, 6, 12));
    CHECK(mine[2].status == occurrence_status::late);

    const auto a = assignments::of(ia_mo());
    const auto rates = compliance(s, a);
    REQUIRE(rates.size() == 3);
    CHECK(a.unit_name(rates[0].unit) == "Văn phòng – Thống kê xã");
    CHECK(rates[0].month == std::chrono::year{2023} / std::chrono::April);
    CHECK(rates[0].rate() == 0.0);
    CHECK(rates[1].rate() == 1.0);
    CHECK(rates[2].counts[static_cast<std::size_t>(occurrence_status::late)] == 1);
}

TEST_CASE("an event reported done lets the work that waited for it begin", "[track]") {
    auto log = read_status_log(fixtures + "ia-mo-2023.status.csv");
    log.append({.item = "ev-1", .day = day(2023, 5, 15), .state = status_state::done});
    const auto s = mid_june(log);
    CHECK(s.category()[at("II.2.1")] == in_progress);
    // Before the event, still waiting.
    CHECK(take_snapshot(ia_mo(), log, {.as_of = day(2023, 5, 14)}, vietnam()).category()[at("II.2.1")] == waiting);
}

TEST_CASE("work done after its deadline is done late, by working days", "[track]") {
    status_log log;
    // Due 31/3 (Friday); done Friday 7/4: five working days late.
    log.append({.item = "II.1.1", .day = day(2023, 4, 7), .state = status_state::done});
    log.append({.item = "II.1.3", .day = day(2023, 6, 1), .state = status_state::cancelled});
    const auto s = mid_june(log);
    CHECK(s.category()[at("II.1.1")] == done_late);
    CHECK(s.days_late()[at("II.1.1")] == 5);
    CHECK(s.category()[at("II.1.3")] == cancelled);
    CHECK(s.stale()[at("II.1.1")] == 0);
}

TEST_CASE("a scorecard counts each unit's tasks per role, with the government's rates", "[track]") {
    const auto s = mid_june(read_status_log(fixtures + "ia-mo-2023.status.csv"));
    const auto a = assignments::of(ia_mo());
    const auto card = scorecard(s, a);
    auto row = [&](std::string_view unit, role r) {
        for (const auto& c : card)
            if (a.unit_name(c.unit) == unit && c.role == r) return c;
        FAIL("no row for " << unit);
        return scorecard_row{};
    };
    // The commune police lead II.1.1 (overdue), II.2.1 (waiting) and III.1 (in progress).
    const auto police = row("Công an xã", role::lead);
    CHECK(police.counts == category_counts{0, 0, 1, 1, 0, 1, 0, 0});
    CHECK(police.due() == 1);
    CHECK(police.on_time_rate() == 0.0);
    CHECK(police.stale == 2);
    CHECK(row("Công an xã", role::support).counts[static_cast<std::size_t>(in_progress)] == 1);
    CHECK(row("Công an xã", role::monitor).counts[static_cast<std::size_t>(ongoing)] == 1);
    CHECK(row("Công chức Tư pháp – Hộ tịch xã", role::lead).on_time_rate() == 1.0);
    // Nothing of the office's is due yet: no rate rather than a rate of zero.
    CHECK(std::isnan(row("Văn phòng – Thống kê xã", role::lead).on_time_rate()));
}

TEST_CASE("escalation names who answers for each overdue task, in order", "[track]") {
    const auto s = mid_june(read_status_log(fixtures + "ia-mo-2023.status.csv"));
    const auto chains = escalation(ia_mo(), s);
    REQUIRE(chains.size() == 1);
    CHECK(chains[0].item == at("II.1.1"));
    CHECK(chains[0].days_late == 51);
    REQUIRE(chains[0].chain.size() == 3);
    CHECK(chains[0].chain[0].step == escalation_step::lead);
    CHECK(chains[0].chain[0].name == "Công an xã");
    CHECK(chains[0].chain[1].step == escalation_step::plan_monitor);
    CHECK(chains[0].chain[2].step == escalation_step::signer);
    CHECK(chains[0].chain[2].name == "Chủ tịch Lê Văn Bình");
}

TEST_CASE("workload counts tasks and report occurrences due per unit and month", "[track]") {
    const auto s = mid_june(read_status_log(fixtures + "ia-mo-2023.status.csv"));
    const auto a = assignments::of(ia_mo());
    const auto load = workload(s, a);
    auto find = [&](std::string_view unit, role r, std::chrono::year_month month) {
        for (const auto& w : load)
            if (a.unit_name(w.unit) == unit && w.role == r && w.month == month) return w;
        return workload_row{};
    };
    using std::chrono::year;
    CHECK(find("Công an xã", role::lead, year{2023} / std::chrono::March).tasks == 1);
    CHECK(find("Công an xã", role::support, year{2023} / std::chrono::June).tasks == 1);
    CHECK(find("Văn phòng – Thống kê xã", role::lead, year{2023} / std::chrono::June).tasks == 1);
    CHECK(find("Văn phòng – Thống kê xã", role::lead, year{2023} / std::chrono::June).occurrences == 1);
    CHECK(find("Văn phòng – Thống kê xã", role::lead, year{2023} / std::chrono::October).tasks == 1);
}

TEST_CASE("the RACI matrix lists every unit's role on every item", "[track]") {
    const auto a = assignments::of(ia_mo());
    const auto entries = raci(a);
    std::size_t police = 0;
    for (const auto& e : entries)
        if (a.unit_name(e.unit) == "Công an xã") ++police;
    CHECK(police == 5);  // lead of II.1.1, II.2.1, III.1; support of II.1.3; monitor of II.2.2
}

// The founding plan (the bundled plan@1 copy) with the example log of our own, as of 5/7/2023.
TEST_CASE("the founding plan's status in early July, by hand", "[track]") {
    const auto p = load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    const auto log = read_status_log(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.status.csv");
    REQUIRE(log.validate(p).empty());
    const auto s = take_snapshot(p, log, {.as_of = day(2023, 7, 5)}, vietnam());
    auto category = [&](std::string_view id) { return s.category()[p.lookup(id)]; };
    // Due in March, before the plan was issued on 7/4: done on 20/4 is 14 working days late
    // (3-7, 10-14, 17-20 April); never done is 65 (April 20, May 20, June 22, 3-5 July).
    CHECK(category("II.1.1") == done_late);
    CHECK(s.days_late()[p.lookup("II.1.1")] == 14);
    CHECK(category("II.1.3") == overdue);
    CHECK(s.days_late()[p.lookup("II.1.3")] == 65);
    // The personal-data decree was reported issued on 17/4, so the item that waited for it is under way.
    CHECK(category("II.3.3") == in_progress);
    CHECK(category("II.4.1") == waiting);
    // Quarter III ends Saturday 30/9: due Monday 2/10; its window opened on 1/7.
    CHECK(category("II.4.15") == in_progress);
    CHECK(s.due()[p.lookup("II.4.15")] == number(day(2023, 10, 2)));
    const category_counts expected{4, 2, 3, 14, 1, 3, 23, 0};
    CHECK(s.counts() == expected);
    // The monthly report: April's (due 11/4) never came; May's and June's (due Sunday 11/6, so 12/6) did.
    std::vector<occurrence_status> report;
    for (const auto& o : s.occurrences())
        if (o.item == p.lookup("III.2")) report.push_back(o.status);
    CHECK(report == std::vector{occurrence_status::missing, occurrence_status::on_time, occurrence_status::on_time,
                                occurrence_status::pending});
}

namespace {

/// A district plan's task, carried out by a task in each of two commune plans.
portfolio district_and_communes() {
    portfolio all;
    plan district;
    district.info = {.issuer = "UBND huyện Ia Pa", .number = "39/KH-UBND", .date = day(2023, 3, 20), .level = plan_level::district};
    const auto police = district.add_unit({.id = "ca-huyen", .name = "Công an huyện"});
    const auto task = district.add_item({.id = "II.2", .number = "2", .title = "Dịch vụ công trực tuyến",
                                         .deadline = parse_deadline("Trong quý II/2023").deadline});
    district.add_role(task, role::lead, police);
    all.add(std::move(district));
    for (const auto* name : {"Chư Răng", "Ia Mơ"}) {
        plan commune;
        commune.info = {.issuer = std::string("UBND xã ") + name, .number = std::string("24/KH-UBND-") + name,
                        .date = day(2023, 4, 7), .level = plan_level::commune, .parents = {{"39/KH-UBND", std::nullopt, "UBND huyện Ia Pa"}}};
        const auto commune_police = commune.add_unit({.id = "ca-xa", .name = "Công an xã"});
        item it{.id = "II.4", .number = "4", .title = "Dịch vụ công trực tuyến", .deadline = parse_deadline("Trong tháng 5/2023").deadline};
        it.implements.push_back({"39/KH-UBND", "II.2"});
        const auto carried = commune.add_item(std::move(it));
        commune.add_role(carried, role::lead, commune_police);
        all.add(std::move(commune));
    }
    return all;
}

}  // namespace

TEST_CASE("a portfolio rolls up by plan and derives a parent task's status from its children", "[track]") {
    const auto all = district_and_communes();
    status_log log;
    log.append({.item = "II.4", .plan = "24/KH-UBND-Chư Răng", .day = day(2023, 5, 25), .state = status_state::done});
    log.append({.item = "II.2", .plan = "39/KH-UBND", .day = day(2023, 6, 1), .state = status_state::progress, .percent = 50});
    const auto s = take_snapshot(all, log, {.as_of = day(2023, 6, 15)}, vietnam());
    REQUIRE(s.diagnostics.empty());
    // Items count plan after plan: the district's task, then each commune's.
    CHECK(s.category()[0] == in_progress);
    CHECK(s.category()[1] == done_on_time);
    CHECK(s.category()[2] == overdue);  // due 31/5: eleven working days by 15/6
    CHECK(s.days_late()[2] == 11);

    const auto by_plan = rollup_by_plan(all, s);
    REQUIRE(by_plan.size() == 3);
    CHECK(by_plan[0].level == plan_level::district);
    CHECK(by_plan[2].counts[static_cast<std::size_t>(overdue)] == 1);

    // One commune done, one overdue: the district's task is overdue down the line, whatever it reports itself.
    const auto derived = cascade(all, s);
    REQUIRE(derived.size() == 1);
    CHECK(derived[0].item == 0);
    CHECK(derived[0].derived == overdue);
    CHECK(derived[0].parts == category_counts{1, 0, 0, 1, 0, 0, 0, 0});

    // Units count plan after plan: each commune's police is its own unit.
    const auto card = scorecard(s, assignments::of(all));
    REQUIRE(card.size() == 3);
    CHECK(card[1].on_time_rate() == 1.0);
    CHECK(card[2].on_time_rate() == 0.0);
    const auto chains = escalation(all, s);
    REQUIRE(chains.size() == 1);
    CHECK(chains[0].item == 2);

    // A row without its plan, in a portfolio's log, is left out and said.
    status_log unplaced;
    unplaced.append({.item = "II.4", .day = day(2023, 5, 25), .state = status_state::done});
    const auto found = unplaced.validate(all);
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == "unknown_plan");
}

TEST_CASE("a back-filled log gives the snapshot of the same log in date order", "[track]") {
    const auto s = synthesize({.seed = 3, .items = 3'000});
    const auto cal = calendar::vietnam();
    const snapshot_options options{.as_of = day(2024, 9, 30)};
    const auto in_order = take_snapshot(s.obligations(cal), s.status, cal, options);
    // An item's rows never share a day here, so any order of the rows is the same log: the later
    // half written first, and the earlier half backwards.
    auto shuffled = s.status;
    const auto middle = shuffled.begin() + static_cast<std::ptrdiff_t>(shuffled.size() / 2);
    std::reverse(shuffled.begin(), middle);
    std::rotate(shuffled.begin(), middle, shuffled.end());
    const auto back_filled = take_snapshot(s.obligations(cal), shuffled, cal, options);
    auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
    CHECK(same(in_order.category(), back_filled.category()));
    CHECK(same(in_order.days_late(), back_filled.days_late()));
    CHECK(same(in_order.days_left(), back_filled.days_left()));
    CHECK(same(in_order.stale(), back_filled.stale()));
    CHECK(same(in_order.last_update(), back_filled.last_update()));
    CHECK(same(in_order.done_on(), back_filled.done_on()));
    CHECK(same(in_order.percent(), back_filled.percent()));
    CHECK(same(in_order.occurrences(), back_filled.occurrences()));
}

TEST_CASE("obligations kept as columns come back whole, and items with the same rules share them", "[track]") {
    const auto& p = ia_mo();
    const auto cal = calendar::vietnam();
    const auto table = obligations_of(p, cal);
    REQUIRE(table.size() == p.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& it = p.items()[i];
        const auto o = table[i];
        CHECK(o.is_group == (it.kind == item_kind::group));
        CHECK(table.is_group(i) == o.is_group);
        if (it.deadline) {
            CHECK(o.kind == it.deadline->kind);
            CHECK(o.recurrence == it.deadline->recurrence);
            CHECK(o.soft == it.deadline->soft);
            // The due day as the calendar rolls it, in both forms.
            if (it.deadline->end) CHECK(o.due == cal.roll_forward(*it.deadline->end));
            CHECK(table.due()[i] == (o.due ? number(*o.due) : obligation_table::no_day));
        }
        CHECK(o.since == p.info.date);
        CHECK(table.recurs(i) == !o.recurrence.empty());
    }
    // "Báo cáo trước ngày 12 hàng tháng" recurs; "Trong quý II/2023" does not.
    CHECK(table.recurs(p.lookup("III.2")));
    CHECK_FALSE(table.recurs(p.lookup("II.1.2")));

    // Rows pushed back in come out the same.
    obligation_table copy;
    for (std::size_t i = 0; i < table.size(); ++i) copy.push_back(table[i]);
    CHECK(copy == table);
    copy.push_back({.kind = deadline_kind::by_date, .due = day(2023, 5, 4), .group = 0});
    CHECK_FALSE(copy == table);
    CHECK(copy.group().back() == 0);
    CHECK(copy.start().back() == obligation_table::no_day);

    // Every commune's monthly report shares one copy of its rules; a quarterly one has its own.
    const recurrence_rule monthly{.freq = frequency::monthly, .day = 12, .before = true};
    const recurrence_rule quarterly{.freq = frequency::quarterly, .day = 15, .month = 3};
    obligation_table reports;
    for (const auto& rules : {std::vector{monthly}, std::vector{quarterly}, std::vector{monthly}, std::vector<recurrence_rule>{}})
        reports.push_back({.kind = rules.empty() ? deadline_kind::ongoing : deadline_kind::recurring, .recurrence = rules});
    const auto numbers = reports.rules_number();
    CHECK(numbers[0] == numbers[2]);
    CHECK(numbers[0] != numbers[1]);
    CHECK(numbers[3] == obligation_table::no_rules);
    CHECK(std::ranges::equal(reports.rules(numbers[1]), std::vector{quarterly}));
    CHECK(reports[2].recurrence == std::vector{monthly});
}
