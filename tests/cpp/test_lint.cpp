#include <kehoach/analysis/lint.hpp>

#include <kehoach/io/plan_json.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/time/calendar.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace kehoach;
using Catch::Matchers::Contains;

namespace {

/// What a test states of a finding: code, severity, item and line.
using brief = std::tuple<std::string, std::string, std::string, std::size_t>;

std::vector<brief> briefs(const std::vector<diagnostic>& findings) {
    std::vector<brief> out;
    for (const auto& f : findings) out.emplace_back(f.code, std::string(to_string(f.severity)), f.item, f.line);
    return out;
}

date day(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

deadline due(date end) { return {.text = "Trước ngày " + to_iso(end), .kind = deadline_kind::by_date, .end = end}; }

/// A commune plan issued on Wednesday 15/05/2024 with two units, no items.
plan commune() {
    plan p;
    p.info.number = "17/KH-UBND";
    p.info.date = day(2024, 5, 15);
    p.add_unit({.id = "ca", .name = "Công an xã", .kind = unit_kind::agency});
    p.add_unit({.id = "yt", .name = "Trạm Y tế xã", .kind = unit_kind::agency});
    p.add_unit({.id = "bn", .name = "Các ban, ngành xã", .kind = unit_kind::group});
    p.add_unit({.id = "dt", .name = "Các đoàn thể xã", .kind = unit_kind::group});
    return p;
}

constexpr unit_index police = 0, health = 1, departments = 2, unions = 3;

/// A task nobody is named for, due on Friday 28/06/2024 unless told otherwise.
item_index untended(plan& p, std::string number, date end = day(2024, 6, 28),
                    std::optional<item_index> parent = std::nullopt) {
    return p.add_item({.id = number, .number = number, .parent = parent, .title = "Việc " + number, .deadline = due(end)});
}

/// A task led by the police, due on Friday 28/06/2024.
item_index task(plan& p, std::string number, std::optional<item_index> parent = std::nullopt) {
    const auto i = untended(p, std::move(number), day(2024, 6, 28), parent);
    p.add_role(i, role::lead, police);
    return i;
}

}  // namespace

TEST_CASE("a clean plan has no findings", "[lint]") {
    auto p = commune();
    const auto heading = p.add_item({.id = "1", .number = "1", .kind = item_kind::group, .title = "Tuyên truyền"});
    task(p, "1.1", heading);
    const auto ongoing = p.add_item({.id = "1.2", .number = "1.2", .parent = heading, .title = "Duy trì",
                                     .deadline = deadline{.text = "Thường xuyên", .kind = deadline_kind::ongoing}});
    p.add_role(ongoing, role::lead, health);
    p.add_role(ongoing, role::support, departments);
    p.add_dependency(ongoing, {dependency_type::finish_to_start, 1, 0});
    CHECK(lint(p).empty());
}

TEST_CASE("who answers for a task: no lead, support without lead, a collective, several", "[lint]") {
    auto p = commune();
    untended(p, "1");
    p.add_role(untended(p, "2"), role::support, health);
    const auto collectives = untended(p, "3");
    p.add_role(collectives, role::lead, departments);
    p.add_role(collectives, role::lead, unions);
    p.add_role(task(p, "4"), role::lead, health);
    p.add_role(untended(p, "5"), role::lead, departments);

    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{
                                  {"no_lead", "warning", "1", 0},
                                  {"support_without_lead", "warning", "2", 0},
                                  {"group_as_lead", "warning", "3", 0},
                                  {"many_leads", "warning", "3", 0},
                                  {"many_leads", "warning", "4", 0},
                                  {"group_as_lead", "warning", "5", 0},
                              });
    CHECK(findings[0].message == "mục 1: không có đơn vị thực hiện (chủ trì)");
    CHECK(findings[1].message == "mục 2: có đơn vị phối hợp (\"Trạm Y tế xã\") nhưng không có đơn vị thực hiện (chủ trì)");
    CHECK(findings[4].message ==
          "mục 4: 2 đơn vị thực hiện (\"Công an xã\", \"Trạm Y tế xã\"); mỗi nhiệm vụ chỉ giao một đơn vị chủ trì "
          "(Nghị định 39/2022/NĐ-CP)");
    CHECK(findings[5].message ==
          "mục 5: đơn vị thực hiện \"Các ban, ngành xã\" là một tập thể: không ai cụ thể chịu trách nhiệm");
    CHECK(lint(p, {.lang = language::en})[5].message ==
          "item 5: the lead \"Các ban, ngành xã\" is a collective: nobody in particular answers for it");
}

TEST_CASE("a group heading's lead and deadline stand for the tasks under it", "[lint]") {
    auto p = commune();
    const auto heading = p.add_item({.id = "1", .number = "1", .kind = item_kind::group, .title = "Tuyên truyền",
                                     .deadline = due(day(2024, 6, 28))});
    p.add_role(heading, role::lead, police);
    p.add_item({.id = "1.1", .number = "1.1", .parent = heading, .title = "In tờ rơi"});
    // A heading is no task: with neither, it is not itself reported.
    p.add_item({.id = "2", .number = "2", .kind = item_kind::group, .title = "Trống"});
    CHECK(lint(p).empty());
}

TEST_CASE("when a task is due: none, a vague phrase, an impossible date, before the issue date", "[lint]") {
    auto p = commune();
    const auto none = p.add_item({.id = "1", .number = "1", .title = "Không hạn"});
    const auto vague = p.add_item({.id = "2", .number = "2", .title = "Mơ hồ", .deadline = deadline{.text = "Sớm"}});
    const auto dateless = p.add_item({.id = "3", .number = "3", .title = "Không ngày",
                                      .deadline = deadline{.text = "Trong quý", .kind = deadline_kind::within_period}});
    const auto impossible = p.add_item({.id = "4", .number = "4", .title = "Ngày sai",
                                        .deadline = deadline{.text = "Trước ngày 31/02/2024"}});
    const auto reversed = p.add_item(
        {.id = "5", .number = "5", .title = "Ngược",
         .deadline = deadline{.text = "Từ 1/7 đến 1/6/2024", .kind = deadline_kind::within_period,
                              .start = day(2024, 7, 1), .end = day(2024, 6, 1)}});
    const auto early = p.add_item({.id = "6", .number = "6", .title = "Quá hạn", .deadline = due(day(2024, 4, 26))});
    // Ongoing, recurring and event-bound work has a deadline of its kind.
    const auto ongoing = p.add_item({.id = "7", .number = "7", .title = "Thường xuyên",
                                     .deadline = deadline{.text = "Thường xuyên", .kind = deadline_kind::ongoing}});
    const auto monthly = p.add_item(
        {.id = "8", .number = "8", .title = "Báo cáo",
         .deadline = deadline{.text = "trước ngày 12 hàng tháng", .kind = deadline_kind::recurring,
                              .recurrence = {{.freq = frequency::monthly, .day = 12, .before = true}}}});
    const auto waiting = p.add_item(
        {.id = "9", .number = "9", .title = "Chờ",
         .deadline = deadline{.text = "Sau khi có hướng dẫn", .kind = deadline_kind::after_event, .event = "có hướng dẫn"}});
    for (auto i : {none, vague, dateless, impossible, reversed, early, ongoing, monthly, waiting}) p.add_role(i, role::lead, police);

    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{
                                  {"no_deadline", "warning", "1", 0},
                                  {"vague_deadline", "warning", "2", 0},
                                  {"vague_deadline", "warning", "3", 0},
                                  {"invalid_date", "error", "4", 0},
                                  {"invalid_date", "error", "5", 0},
                                  {"deadline_before_issue", "warning", "6", 0},
                              });
    CHECK(findings[1].message == "mục 2: thời hạn \"Sớm\" không cho biết ngày nào");
    CHECK(findings[3].message == "mục 4: thời hạn \"Trước ngày 31/02/2024\" có ngày không tồn tại");
    CHECK(findings[4].message == "mục 5: thời hạn \"Từ 1/7 đến 1/6/2024\" kết thúc ngày 01/06/2024, trước khi bắt đầu ngày 01/07/2024");
    CHECK(findings[5].message ==
          "mục 6: thời hạn \"Trước ngày 2024-04-26\" kết thúc ngày 26/04/2024, trước ngày ban hành kế hoạch 15/05/2024: "
          "quá hạn ngay khi ban hành");
    CHECK(lint(p, {.lang = language::en})[5].message ==
          "item 6: the deadline \"Trước ngày 2024-04-26\" ends on 2024-04-26, before the plan was issued on 2024-05-15: "
          "overdue from the start");
}

TEST_CASE("a deadline on a rest day moves to the next working day (Civil Code art. 148)", "[lint]") {
    auto p = commune();
    p.add_role(untended(p, "1", day(2024, 6, 29)), role::lead, police);
    p.add_role(untended(p, "2", day(2024, 9, 2)), role::lead, health);
    task(p, "3");  // a Friday

    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{{"deadline_on_rest_day", "info", "1", 0},
                                                 {"deadline_on_rest_day", "info", "2", 0}});
    CHECK(findings[0].message ==
          "mục 1: thời hạn \"Trước ngày 2024-06-29\" kết thúc ngày 29/06/2024 (Thứ Bảy), ngày nghỉ; theo Điều 148 Bộ "
          "luật Dân sự, hạn chuyển sang ngày làm việc tiếp theo, 01/07/2024");
    // National Day 2024: Monday 2 and Tuesday 3 September off.
    CHECK_THAT(findings[1].message, Contains("02/09/2024") && Contains("04/09/2024"));
    CHECK_THAT(lint(p, {.lang = language::en})[0].message, Contains("(Saturday)") && Contains("2024-07-01"));

    SECTION("an office that works on Saturdays has no such finding for task 1") {
        const auto six_days = calendar::vietnam({true, true, true, true, true, true, false});
        CHECK(briefs(lint(p, {.calendar = &six_days})) == std::vector<brief>{{"deadline_on_rest_day", "info", "2", 0}});
    }
}

TEST_CASE("a cycle is one finding naming every item on it in order", "[lint]") {
    auto p = commune();
    const auto a = task(p, "2.1");
    const auto b = task(p, "2.2");
    const auto c = task(p, "2.3");
    p.add_dependency(b, {dependency_type::finish_to_start, a, 0});
    p.add_dependency(c, {dependency_type::finish_to_start, b, 0});
    p.add_dependency(a, {dependency_type::finish_to_start, c, 0});
    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{{"cycle", "error", "2.1", 0}});
    CHECK(findings[0].message == "vòng phụ thuộc: mục 2.1 → mục 2.2 → mục 2.3 → mục 2.1; không thể lập lịch");
    CHECK(lint(p, {.lang = language::en})[0].message ==
          "dependency cycle: item 2.1 → item 2.2 → item 2.3 → item 2.1; it cannot be scheduled");
}

TEST_CASE("a plan built without the reader: numbers written twice, names that are no unit", "[lint]") {
    auto p = commune();
    const auto stranger = p.add_unit({.id = "nl", .name = "Ông Năm Lửa"});
    const auto heading = p.add_item({.id = "II", .number = "II", .kind = item_kind::group, .title = "Nhiệm vụ"});
    task(p, "2.1", heading);
    const auto twice = p.add_item({.id = "2.1b", .number = "2.1", .parent = heading, .title = "Lần hai",
                                   .deadline = due(day(2024, 6, 28))});
    p.add_role(twice, role::lead, stranger);
    // Bullets share their mark; a number under another heading is another item.
    const auto other = p.add_item({.id = "III", .number = "III", .kind = item_kind::group, .title = "Khác"});
    task(p, "III.2.1", other);
    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{{"duplicate_number", "error", "2.1b", 0},
                                                 {"unknown_unit", "warning", "2.1b", 0}});
    CHECK(findings[0].message == "mục 2.1b: số 2.1 đã dùng cho mục 2.1 cùng cấp");
    CHECK(findings[1].message == "mục 2.1b: \"Ông Năm Lửa\" không thuộc loại đơn vị nào kehoach biết");
}

TEST_CASE("a plan document's defects, each at its line, as the reader or lint found it", "[lint]") {
    const auto p = load_plan(KEHOACH_SOURCE_DIR "/tests/data/lint/defects.txt");
    const auto findings = lint(p);
    CHECK(briefs(findings) == std::vector<brief>{
                                  {"deadline_before_issue", "warning", "II.1.1", 14},
                                  {"deadline_on_rest_day", "info", "II.1.1", 14},
                                  {"group_as_lead", "warning", "II.1.2", 17},
                                  {"deadline_on_rest_day", "info", "II.1.2", 17},
                                  {"duplicate_number", "error", "II.1.2#2", 21},
                                  {"unknown_unit", "warning", "II.2.1", 26},
                                  {"invalid_date", "error", "II.2.2", 30},
                                  {"unknown_dependency", "error", "II.2.2", 28},
                                  {"many_leads", "warning", "II.2.2", 28},
                                  {"support_without_lead", "warning", "II.2.3", 31},
                                  {"vague_deadline", "warning", "II.2.3", 33},
                                  {"no_deadline", "warning", "II.2.4", 34},
                                  {"no_lead", "warning", "II.2.5", 36},
                              });
    // Reader findings keep their column; 30/4 and 31/8 open holiday blocks in 2024.
    CHECK(findings[6].column == 26);
    CHECK_THAT(findings[1].message, Contains("02/05/2024"));
    CHECK_THAT(findings[3].message, Contains("04/09/2024"));
    CHECK(findings[10].column == 26);
}

TEST_CASE("a plan@1 deadline given as text only is read, and its impossible date reported", "[lint]") {
    const auto p = parse_plan_json(R"({"schema": "kehoach/plan@1", "plan": {"date": "2024-05-15"},
  "units": [{"id": "ca", "name": "Công an xã"}],
  "items": [{"id": "1", "number": "1", "kind": "task", "title": "Kiểm tra", "roles": {"lead": ["Công an xã"]},
             "deadline": {"text": "Tháng 13/2024"}}]})",
                                       "plan.json");
    CHECK(briefs(lint(p)) == std::vector<brief>{{"invalid_date", "error", "1", 4}});
}

TEST_CASE("the founding plan: tasks born overdue and collectives as leads", "[lint][founding]") {
    const auto p = load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    const auto findings = lint(p);
    std::map<std::string, std::vector<std::string>> items;
    for (const auto& f : findings) items[f.code].push_back(f.item);
    // Issued 7/4/2023: five tasks "Trong tháng 3/2023" and four "Trong quý I/2023" (1.3 and 8.2 then ongoing).
    CHECK(items["deadline_before_issue"] == std::vector<std::string>{"II.1.1", "II.1.3", "II.1.4", "II.1.5", "II.4.6",
                                                                     "II.4.8", "II.5.3", "II.6.2", "II.8.2"});
    // "Các ban, ngành liên quan" or "Các ban, ngành xã" alone.
    CHECK(items["group_as_lead"] ==
          std::vector<std::string>{"II.1.3", "II.1.5", "II.3.2", "II.3.4-2", "II.4.1", "II.4.2", "II.4.3", "II.4.4",
                                   "II.4.6", "II.4.9", "II.4.11", "II.4.13", "II.5.3", "II.7.2", "II.7.6", "II.8.2",
                                   "II.8.3", "II.9.1", "II.9.2"});
    CHECK(items["many_leads"].size() == 14);
    // 30/9/2023 is a Saturday: "Trong tháng 9/2023" and "Trong quý III/2023" end on Monday 2/10.
    CHECK(items["deadline_on_rest_day"] == std::vector<std::string>{"II.4.2", "II.4.15"});
    CHECK(items["no_deadline"] == std::vector<std::string>{"III.3"});
    CHECK(items.size() == 5);
    CHECK(findings.front().line == 65);
    CHECK(std::none_of(findings.begin(), findings.end(), [](const diagnostic& f) { return f.severity == severity::error; }));
}

TEST_CASE("a portfolio adds the child items due after the parent items they implement", "[lint][portfolio]") {
    auto district = commune();
    district.info.number = "60/KH-UBND";
    district.info.issuer = "Ủy ban nhân dân huyện Hòa Vang";
    task(district, "2");  // due 28/06/2024
    auto ward = commune();
    ward.info.parents.push_back({"60/KH-UBND", std::nullopt, "Ủy ban nhân dân huyện Hòa Vang"});
    item late{.id = "1", .number = "1", .title = "Thực hiện", .deadline = due(day(2024, 7, 5))};
    late.implements.push_back({"60/KH-UBND", "2"});
    ward.add_role(ward.add_item(late), role::lead, police);
    item on_time{.id = "3", .number = "3", .title = "Đúng hạn", .deadline = due(day(2024, 6, 21))};
    on_time.implements.push_back({"60/KH-UBND", "2"});
    ward.add_role(ward.add_item(on_time), role::lead, police);

    portfolio all;
    all.add(std::move(district));
    all.add(std::move(ward));
    const auto findings = lint(all);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].empty());
    CHECK(briefs(findings[1]) == std::vector<brief>{{"child_after_parent", "warning", "1", 0}});
    CHECK(findings[1][0].message ==
          "mục 1: thời hạn \"Trước ngày 2024-07-05\" kết thúc ngày 05/07/2024, sau thời hạn 28/06/2024 của mục 2 "
          "60/KH-UBND (Ủy ban nhân dân huyện Hòa Vang) mà mục này thực hiện");
}
