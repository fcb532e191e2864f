#include <kehoach/graph/schedule.hpp>

#include <kehoach/io/plan_json.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>
#include <kehoach/time/calendar.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace kehoach;

namespace {

date day(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

/// The schedule's dates of one activity: early start, early finish, late start, late finish.
std::array<std::optional<date>, 4> dates(const schedule& s, vertex_index v) {
    return {s.date_of(s.early_start()[v]), s.date_of(s.early_finish()[v]), s.date_of(s.late_start()[v]),
            s.date_of(s.late_finish()[v])};
}

std::array<std::optional<date>, 4> expect(std::optional<date> es, std::optional<date> ef, date ls, date lf) {
    return {es, ef, ls, lf};
}

const calendar& vietnam() {
    static const calendar cal = calendar::vietnam();
    return cal;
}

}  // namespace

// Worked by hand on March 2024 (no holidays): working days from Monday 4/3 are numbered 0, 1, 2 ...
// A (3 days) runs 0-2. B (2) starts a day after A ends (FS, lag 1): 4-5. C (4) starts 2 days after A
// starts (SS, lag 2): 2-5. D (1) starts after B (FS) and finishes no earlier than C (FF): 6.
// Backward from D's finish: B must finish by 5, A by 2 (B's late start 4 less the lag), C by 6.
TEST_CASE("finish-to-start, start-to-start and finish-to-finish with lags, by hand", "[schedule]") {
    const plan_graph g({{.duration = 3}, {.duration = 2}, {.duration = 4}, {.duration = 1}},
                       {{0, 1, dependency_type::finish_to_start, 1},
                        {0, 2, dependency_type::start_to_start, 2},
                        {1, 3, dependency_type::finish_to_start, 0},
                        {2, 3, dependency_type::finish_to_finish, 0}});
    const auto s = g.schedule(vietnam(), {.start = day(2024, 3, 4)});
    CHECK(dates(s, 0) == expect(day(2024, 3, 4), day(2024, 3, 6), day(2024, 3, 4), day(2024, 3, 6)));
    CHECK(dates(s, 1) == expect(day(2024, 3, 8), day(2024, 3, 11), day(2024, 3, 8), day(2024, 3, 11)));
    CHECK(dates(s, 2) == expect(day(2024, 3, 6), day(2024, 3, 11), day(2024, 3, 7), day(2024, 3, 12)));
    CHECK(dates(s, 3) == expect(day(2024, 3, 12), day(2024, 3, 12), day(2024, 3, 12), day(2024, 3, 12)));
    CHECK(std::vector(s.total_slack().begin(), s.total_slack().end()) == std::vector{0, 0, 1, 0});
    CHECK(std::vector(s.free_slack().begin(), s.free_slack().end()) == std::vector{0, 0, 1, 0});
    CHECK(std::vector(s.critical().begin(), s.critical().end()) == std::vector<std::uint8_t>{1, 1, 0, 1});
    CHECK(s.critical_paths() == std::vector<std::vector<vertex_index>>{{0, 1, 3}});
    CHECK(s.horizon() == day(2024, 3, 12));
    CHECK(s.infeasible().empty());
}

// April 2024: Thursday 18/4 is Giỗ Tổ; Monday 29/4 is swapped off, 30/4 and 1/5 are holidays.
// A (5 days) from Monday 15/4 skips 18/4 and ends Monday 22/4. B (5) follows: 23-26/4, then 2/5.
// B's window ends 30/4, a holiday: Civil Code art. 148 moves the deadline to Thursday 2/5, so B fits
// exactly. C (1) after A is due Friday 19/4 but cannot start before 23/4: two working days late,
// and A with it.
TEST_CASE("holidays, a window's start, a deadline rolled past the holidays, an infeasible deadline", "[schedule]") {
    const plan_graph g({{.duration = 5},
                        {.duration = 5, .earliest_start = day(2024, 4, 1), .deadline = day(2024, 4, 30)},
                        {.duration = 1, .deadline = day(2024, 4, 19)},
                        {.duration = 2, .earliest_start = day(2024, 5, 6)}},
                       {{0, 1}, {0, 2}, {1, 3}});
    const auto s = g.schedule(vietnam(), {.start = day(2024, 4, 15)});
    CHECK(dates(s, 0) == expect(day(2024, 4, 15), day(2024, 4, 22), day(2024, 4, 11), day(2024, 4, 17)));
    CHECK(dates(s, 1) == expect(day(2024, 4, 23), day(2024, 5, 2), day(2024, 4, 23), day(2024, 5, 2)));
    CHECK(dates(s, 2) == expect(day(2024, 4, 23), day(2024, 4, 23), day(2024, 4, 19), day(2024, 4, 19)));
    // D waits for its window (6/5), not for B: B could slip two days (3/5 and the make-up Saturday
    // 4/5) without delaying D, but its deadline leaves it none.
    CHECK(dates(s, 3) == expect(day(2024, 5, 6), day(2024, 5, 7), day(2024, 5, 6), day(2024, 5, 7)));
    CHECK(s.total_slack()[0] == -2);
    CHECK(s.total_slack()[1] == 0);
    CHECK(s.total_slack()[2] == -2);
    CHECK(s.free_slack()[1] == 0);  // never more than its total slack
    const auto late = s.infeasible();
    REQUIRE(late.size() == 2);
    CHECK(s.infeasible_count() == 2);
    CHECK(late[0] == infeasibility{.activity = 0, .slack = -2, .chain = {0}, .deadline_of = 2, .deadline = day(2024, 4, 19)});
    CHECK(late[1] == infeasibility{.activity = 2, .slack = -2, .chain = {0, 2}, .deadline_of = 2, .deadline = day(2024, 4, 19)});
}

TEST_CASE("an event with no date leaves its item and everything after it waiting", "[schedule]") {
    const plan_graph g({{.duration = 2},
                        {.duration = 3, .deadline = day(2024, 3, 29), .waiting = true},
                        {.duration = 1, .deadline = day(2024, 4, 5)}},
                       {{1, 2}});
    const auto s = g.schedule(vietnam(), {.start = day(2024, 3, 4)});
    CHECK(std::vector(s.state().begin(), s.state().end()) ==
          std::vector{schedule_state::scheduled, schedule_state::waiting, schedule_state::waiting});
    CHECK(s.early_start()[1] == schedule::none);
    CHECK(s.total_slack()[2] == schedule::none);
    // Still, it must be done by its deadline: the late dates are there.
    CHECK(dates(s, 1) == expect(std::nullopt, std::nullopt, day(2024, 3, 27), day(2024, 3, 29)));
}

TEST_CASE("ongoing work starts and never finishes; waiting for its finish is reported and left out", "[schedule]") {
    const plan_graph g({{.duration = 2}, {.duration = 1, .continuous = true}, {.duration = 1}},
                       {{0, 1}, {1, 2}});
    const auto s = g.schedule(vietnam(), {.start = day(2024, 3, 4)});
    CHECK(s.state()[1] == schedule_state::continuous);
    CHECK(s.date_of(s.early_start()[1]) == day(2024, 3, 6));
    CHECK(s.early_finish()[1] == schedule::none);
    CHECK(s.date_of(s.early_start()[2]) == day(2024, 3, 4));
    REQUIRE(s.diagnostics.size() == 1);
    CHECK(s.diagnostics[0].code == "dependency_on_ongoing");
    CHECK(s.diagnostics[0].message == "#2 waits for #1 to finish, but #1 is ongoing work that never finishes: the dependency is left out");
}

TEST_CASE("every cycle is named in order, in the plan's words", "[schedule][cycles]") {
    plan p;
    p.info.number = "24/KH-UBND";
    for (const auto* id : {"2.1", "2.2", "2.3", "3.1", "3.2"}) p.add_item({.id = id, .number = id, .title = id});
    p.add_dependency(p.lookup("2.3"), {.target = p.lookup("2.1")});
    p.add_dependency(p.lookup("2.2"), {.target = p.lookup("2.3")});
    p.add_dependency(p.lookup("2.1"), {.target = p.lookup("2.2")});
    p.add_dependency(p.lookup("3.2"), {.type = dependency_type::start_to_start, .target = p.lookup("3.1")});
    p.add_dependency(p.lookup("3.1"), {.type = dependency_type::finish_to_finish, .target = p.lookup("3.2")});
    const auto g = plan_graph::of(p);
    CHECK(g.cycles() == std::vector<cycle>{{0, 2, 1}, {3, 4}});
    try {
        (void)g.schedule(vietnam(), {.start = day(2024, 3, 4)});
        FAIL("a cyclic plan was scheduled");
    } catch (const cycle_error& e) {
        CHECK(e.paths() == std::vector<std::string>{"24/KH-UBND mục 2.1 → mục 2.3 → mục 2.2 → mục 2.1",
                                                    "24/KH-UBND mục 3.1 → mục 3.2 → mục 3.1"});
        CHECK(std::string(e.what()) ==
              "the dependencies go round in 2 cycles, so nothing can be scheduled:\n"
              "  24/KH-UBND mục 2.1 → mục 2.3 → mục 2.2 → mục 2.1\n"
              "  24/KH-UBND mục 3.1 → mục 3.2 → mục 3.1");
    }
}

namespace {

deadline march_2024() {
    return {.text = "Trong tháng 3/2024", .kind = deadline_kind::within_period, .start = day(2024, 3, 1), .end = day(2024, 3, 31)};
}

}  // namespace

// A commune plan issued Friday 1/3/2024. Group I is due in March (Sunday 31/3 rolls to Monday 1/4):
// I.1 (3 days) then I.2 (2 days) work in its window. II.1 follows an event of Tuesday 12/3, II.2
// the whole of group I. Nothing has a deadline after 1/4, so the plan's horizon is 1/4.
TEST_CASE("a plan: groups roll up, their window bounds their items, events give a start", "[schedule][plan]") {
    plan p;
    p.info.number = "12/KH-UBND";
    p.info.date = day(2024, 3, 1);
    const auto group = p.add_item({.id = "I", .number = "I", .kind = item_kind::group, .title = "Rà soát", .deadline = march_2024()});
    const auto first = p.add_item({.id = "I.1", .number = "1", .parent = group, .title = "Lập danh sách", .duration = 3});
    const auto second = p.add_item({.id = "I.2", .number = "2", .parent = group, .title = "Đối chiếu", .duration = 2});
    p.add_dependency(second, {.target = first});
    const auto decree = p.add_event({.id = "nd", .text = "Chính phủ ban hành Nghị định", .date = day(2024, 3, 12)});
    const auto after_decree = p.add_item({.id = "II.1", .number = "1", .title = "Triển khai Nghị định"});
    p.add_dependency(after_decree, {.type = dependency_type::after_event, .target = decree});
    const auto closing = p.add_item({.id = "II.2", .number = "2", .title = "Báo cáo kết quả rà soát"});
    p.add_dependency(closing, {.target = group});

    const auto s = plan_graph::of(p).schedule(vietnam());
    CHECK(s.start() == day(2024, 3, 1));
    CHECK(dates(s, first) == expect(day(2024, 3, 1), day(2024, 3, 5), day(2024, 3, 25), day(2024, 3, 27)));
    CHECK(dates(s, second) == expect(day(2024, 3, 6), day(2024, 3, 7), day(2024, 3, 28), day(2024, 3, 29)));
    CHECK(dates(s, group) == expect(day(2024, 3, 7), day(2024, 3, 7), day(2024, 3, 29), day(2024, 3, 29)));
    CHECK(dates(s, closing) == expect(day(2024, 3, 8), day(2024, 3, 8), day(2024, 4, 1), day(2024, 4, 1)));
    CHECK(dates(s, after_decree) == expect(day(2024, 3, 13), day(2024, 3, 13), day(2024, 4, 1), day(2024, 4, 1)));
    CHECK(std::vector(s.total_slack().begin(), s.total_slack().end()) == std::vector{16, 16, 16, 13, 16});
    CHECK(s.horizon() == day(2024, 4, 1));
    CHECK(s.critical_paths().empty());
}

// District item 1 is carried out by the commune's item 1 (10 days from 1/3/2024): it finishes when
// that does, Thursday 14/3, eleven working days before its deadline of Friday 29/3.
TEST_CASE("a portfolio: a parent item finishes when the items implementing it finish", "[schedule][portfolio]") {
    plan district;
    district.info.number = "39/KH-UBND";
    district.info.issuer = "Ủy ban nhân dân huyện Ia Pa";
    district.info.date = day(2024, 2, 20);
    district.add_item({.id = "1", .number = "1", .title = "Số hóa hồ sơ",
                       .deadline = deadline{.text = "Trước ngày 29/3/2024", .kind = deadline_kind::by_date, .end = day(2024, 3, 29)}});
    plan commune;
    commune.info.number = "24/KH-UBND";
    commune.info.date = day(2024, 3, 1);
    commune.info.parents.push_back({"39/KH-UBND", day(2024, 2, 20), "Ủy ban nhân dân huyện Ia Pa"});
    item scan{.id = "1", .number = "1", .title = "Số hóa hồ sơ hộ tịch", .duration = 10};
    scan.implements.push_back({"39/KH-UBND", "1"});
    commune.add_item(std::move(scan));
    portfolio all;
    all.add(std::move(district));
    all.add(std::move(commune));

    const auto g = plan_graph::of(all);
    const auto s = g.schedule(vietnam());
    CHECK(s.start() == day(2024, 2, 20));
    CHECK(dates(s, 1) == expect(day(2024, 3, 1), day(2024, 3, 14), day(2024, 3, 18), day(2024, 3, 29)));
    CHECK(dates(s, 0) == expect(day(2024, 3, 14), day(2024, 3, 14), day(2024, 3, 29), day(2024, 3, 29)));
    CHECK(s.total_slack()[0] == 11);
    CHECK(s.total_slack()[1] == 11);
    CHECK(g.path(std::array<vertex_index, 2>{1, 0}) == "24/KH-UBND mục 1 → 39/KH-UBND mục 1");
}

// The founding plan was issued on 7/4/2023; nine of its items were due by 31/3/2023, five working
// days before: they cannot be on time, and the schedule says so.
TEST_CASE("the founding plan schedules from its issue date; what was due before it is late", "[schedule][plan]") {
    const auto p = load_plan_json(std::filesystem::path(KEHOACH_SOURCE_DIR) / "examples/plans/chu-rang-2023.plan.json");
    const auto s = plan_graph::of(p).schedule(vietnam());
    CHECK(s.start() == day(2023, 4, 7));
    std::vector<std::string> late;
    for (const auto& l : s.infeasible()) {
        CHECK(l.slack == -5);
        CHECK(l.deadline == day(2023, 3, 31));
        CHECK(l.chain == std::vector{l.activity});
        late.push_back(p[l.activity].id);
    }
    CHECK(late == std::vector<std::string>{"II.1.1", "II.1.3", "II.1.4", "II.1.5", "II.4.6", "II.4.8", "II.5.3", "II.6.2", "II.8.2"});
    // Four items follow events that have no date yet; the groups holding them cannot finish either.
    std::vector<std::string> waiting;
    std::size_t continuous = 0;
    for (vertex_index v = 0; v < s.size(); ++v) {
        if (s.state()[v] == schedule_state::waiting) waiting.push_back(p[v].id);
        if (s.state()[v] == schedule_state::continuous) ++continuous;
    }
    CHECK(waiting == std::vector<std::string>{"II", "II.3", "II.3.3", "II.4", "II.4.1", "II.7", "II.7.4", "II.7.7"});
    CHECK(continuous == 23);  // 22 ongoing, 1 recurring
}
