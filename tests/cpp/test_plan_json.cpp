#include <kehoach/io/plan_json.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace kehoach;
using namespace std::chrono;
using Catch::Contains;
using Catch::StartsWith;

namespace {

const std::string founding_path = KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json";

/// A small plan in the canonical form: every kind of field, every form of dependency.
const std::string small_plan = R"({
  "schema": "kehoach/plan@1",
  "plan": {
    "issuer": "Ủy ban nhân dân xã Hòa Bình",
    "number": "15/KH-UBND",
    "date": "2024-05-03",
    "title": "Triển khai chuyển đổi số năm 2024",
    "level": "commune",
    "place": "Hòa Bình",
    "parents": [
      {
        "number": "80/KH-UBND",
        "date": "2024-03-20",
        "issuer": "Ủy ban nhân dân huyện Lạc Sơn"
      }
    ],
    "signer": {
      "name": "Trần Văn An",
      "title": "Chủ tịch",
      "authority": "TM. Ủy ban nhân dân"
    },
    "roles": {
      "monitor": [
        "Công an xã"
      ],
      "report_compiler": [
        "Văn phòng – Thống kê xã"
      ]
    }
  },
  "units": [
    {
      "id": "ca-huyen",
      "name": "Công an huyện",
      "kind": "agency"
    },
    {
      "id": "ca-xa",
      "name": "Công an xã",
      "kind": "agency",
      "aliases": [
        "CA xã"
      ],
      "parent": "ca-huyen"
    },
    {
      "id": "vp-tk",
      "name": "Văn phòng – Thống kê xã",
      "kind": "person"
    }
  ],
  "items": [
    {
      "id": "II",
      "number": "II",
      "kind": "group",
      "title": "Nhiệm vụ"
    },
    {
      "id": "II.1",
      "number": "1",
      "parent": "II",
      "kind": "task",
      "title": "Rà soát dữ liệu dân cư",
      "text": "Rà soát, làm sạch dữ liệu dân cư trên địa bàn.",
      "roles": {
        "lead": [
          "Công an xã"
        ],
        "support": [
          "Văn phòng – Thống kê xã"
        ]
      },
      "deadline": {
        "text": "Phấn đấu hoàn thành trong quý II/2024 và duy trì thường xuyên",
        "kind": "within_period",
        "start": "2024-04-01",
        "end": "2024-06-30",
        "soft": true,
        "also_ongoing": true
      },
      "targets": [
        "100% dữ liệu được làm sạch"
      ],
      "source": {
        "line": 20,
        "end_line": 24
      }
    },
    {
      "id": "II.2",
      "number": "2",
      "parent": "II",
      "kind": "task",
      "title": "Triển khai Nghị định mới",
      "roles": {
        "lead": [
          "Công an xã"
        ]
      },
      "deadline": {
        "text": "Sau khi Chính phủ ban hành Nghị định",
        "kind": "after_event",
        "event": "Chính phủ ban hành Nghị định"
      },
      "depends_on": [
        "II.1",
        {
          "item": "II.3",
          "type": "start_to_start",
          "lag": 2
        },
        {
          "event": "ev-decree"
        }
      ],
      "implements": [
        {
          "plan": "80/KH-UBND",
          "item": "II.4"
        }
      ],
      "note": "Chờ văn bản"
    },
    {
      "id": "II.3",
      "number": "3",
      "parent": "II",
      "kind": "task",
      "title": "Báo cáo định kỳ",
      "roles": {
        "lead": [
          "Văn phòng – Thống kê xã"
        ],
        "report_to": [
          "Công an huyện"
        ]
      },
      "deadline": {
        "text": "trước 16 giờ 00 ngày thứ Sáu hằng tuần; trước ngày 12 hàng tháng",
        "kind": "recurring",
        "recurrence": [
          {
            "freq": "weekly",
            "weekday": 5,
            "before": true,
            "time": "16:00"
          },
          {
            "freq": "monthly",
            "day": 12,
            "before": true
          },
          {
            "freq": "quarterly",
            "day": 10,
            "before": true,
            "month": 1,
            "next_period": true
          }
        ]
      }
    }
  ],
  "events": [
    {
      "id": "ev-decree",
      "text": "Chính phủ ban hành Nghị định về dữ liệu"
    }
  ],
  "diagnostics": [
    {
      "severity": "warning",
      "code": "unknown_unit",
      "item": "II.1",
      "line": 21,
      "column": 3,
      "message": "đơn vị chưa biết"
    }
  ]
}
)";

/// small_plan with `from` replaced by `to` (which must occur).
std::string edited(const std::string& from, const std::string& to) {
    auto text = small_plan;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

void check_error(const std::string& text, const std::string& location, const std::string& message) {
    try {
        (void)parse_plan_json(text, "plan.json");
        FAIL("no error for a plan that should be refused: " << message);
    } catch (const parse_error& e) {
        CHECK_THAT(e.what(), StartsWith("plan.json:" + location));
        CHECK_THAT(e.what(), Contains(message));
        CHECK(e.where().source == "plan.json");
    }
}

}  // namespace

TEST_CASE("a canonical plan@1 text round-trips to the same bytes", "[plan_json]") {
    const auto p = parse_plan_json(small_plan);
    CHECK(to_plan_json(p) == small_plan);
}

TEST_CASE("plan@1 fields land in the model", "[plan_json]") {
    const auto p = parse_plan_json(small_plan);
    CHECK(p.info.date == sys_days{2024y / May / 3});
    CHECK(p.info.level == plan_level::commune);
    CHECK(p.info.parents.at(0).issuer == "Ủy ban nhân dân huyện Lạc Sơn");
    CHECK(p.info.signer.name == "Trần Văn An");
    CHECK(p.plan_roles(plan_role::monitor) == std::vector<unit_index>{1});
    CHECK(p.units()[1].parent == 0u);

    const auto& review = p[p.lookup("1")];
    CHECK(review.parent == 0u);
    REQUIRE(review.deadline);
    CHECK(review.deadline->kind == deadline_kind::within_period);
    CHECK(review.deadline->start == sys_days{2024y / April / 1});
    CHECK(review.deadline->end == sys_days{2024y / June / 30});
    CHECK(review.deadline->soft);
    CHECK(review.deadline->also_ongoing);
    CHECK(review.source == source_span{20, 24});

    const auto& decree = p[p.lookup("II.2")];
    REQUIRE(decree.depends_on.size() == 3);
    CHECK(decree.depends_on[0] == dependency{dependency_type::finish_to_start, 1, 0});
    CHECK(decree.depends_on[1] == dependency{dependency_type::start_to_start, 3, 2});
    CHECK(decree.depends_on[2] == dependency{dependency_type::after_event, 0, 0});
    CHECK(decree.implements == std::vector<implements_ref>{{"80/KH-UBND", "II.4"}});

    const auto& report = p[3];
    REQUIRE(report.deadline->recurrence.size() == 3);
    CHECK(report.deadline->recurrence[0] ==
          recurrence_rule{.freq = frequency::weekly, .weekday = 5, .before = true, .minute_of_day = 960});
    CHECK(report.deadline->recurrence[2] == recurrence_rule{.freq = frequency::quarterly, .day = 10, .before = true,
                                                            .month = 1, .next_period = true});
    CHECK(report.units(role::report_to) == std::vector<unit_index>{0});
    REQUIRE(p.diagnostics.size() == 1);
    CHECK(p.diagnostics[0].code == "unknown_unit");
}

TEST_CASE("empty and absent fields mean the same; the writer leaves them out", "[plan_json]") {
    const auto p = parse_plan_json(R"({"schema": "kehoach/plan@1", "plan": {"number": "", "signer": null},
        "units": [], "items": [{"id": "1", "number": "1", "kind": "task", "title": "Việc", "roles": {"lead": []},
        "depends_on": [], "note": null}], "events": []})");
    CHECK(to_plan_json(p) == R"({
  "schema": "kehoach/plan@1",
  "plan": {},
  "items": [
    {
      "id": "1",
      "number": "1",
      "kind": "task",
      "title": "Việc"
    }
  ]
}
)");
}

TEST_CASE("a deadline given only as text is read on load, dated by the plan's issue year", "[plan_json][deadline]") {
    const auto p = parse_plan_json(R"({"schema": "kehoach/plan@1", "plan": {"date": "2024-05-03"}, "items": [
  {"id": "1", "number": "1", "kind": "task", "title": "Báo cáo", "deadline": {"text": "trước ngày 12 hằng tháng"}},
  {"id": "2", "number": "2", "kind": "task", "title": "Rà soát", "deadline": {"text": "Trong tháng 9"}},
  {"id": "3", "number": "3", "kind": "task", "title": "Sơ kết", "deadline": {"text": "Theo chỉ đạo của tỉnh"}}]})",
                                  "plan.json");
    CHECK(p[0].deadline->kind == deadline_kind::recurring);
    CHECK(p[1].deadline->end == sys_days{2024y / September / 30});
    CHECK(p[2].deadline->kind == deadline_kind::unknown);
    REQUIRE(p.diagnostics.size() == 1);
    const auto& d = p.diagnostics[0];
    CHECK(d.code == "unrecognized_deadline");
    CHECK(d.item == "3");
    CHECK(d.line == 4);
    CHECK(d.column == 87);  // the first letter of the phrase
    CHECK_THAT(d.message, StartsWith("deadline \"Theo chỉ đạo của tỉnh\": "));
    // Written back, the deadlines carry their kinds, and the diagnostic stays with the plan.
    const auto again = parse_plan_json(to_plan_json(p));
    CHECK(to_plan_json(again) == to_plan_json(p));
    check_error(R"({"schema": "kehoach/plan@1", "plan": {}, "items": [{"id": "1", "number": "1", "kind": "task",
        "title": "x", "deadline": {"end": "2024-01-01"}}]})", "2:35: items[0].deadline:", "needs its \"text\", its \"kind\", or both");
    check_error(R"({"schema": "kehoach/plan@1", "plan": {}, "items": [{"id": "1", "number": "1", "kind": "task",
        "title": "x", "deadline": {"text": "Năm 2024", "end": "2024-01-01"}}]})", "2:63: items[0].deadline.end:",
                "normalized fields need the \"kind\"");
}

TEST_CASE("the founding plan file is canonical plan@1", "[plan_json][founding]") {
    const auto text = read_input(founding_path);
    const auto p = parse_plan_json(text, founding_path);
    CHECK(to_plan_json(p) == text);
}

TEST_CASE("the founding plan holds what the document assigns", "[plan_json][founding]") {
    const auto p = load_plan_json(founding_path);
    CHECK(p.info.number == "24/KH-UBND");
    CHECK(p.info.date == sys_days{2023y / April / 7});
    CHECK(p.info.level == plan_level::commune);
    CHECK(p.info.parents.at(0).number == "39/KH-UBND");
    CHECK(p.info.signer.title == "Chủ tịch");
    const auto police = *p.units().find("Công an xã");
    CHECK(p.plan_roles(plan_role::monitor) == std::vector<unit_index>{police});

    // 1.3: the budget item, the one with a monitoring unit, due in Q1 and then ongoing.
    const auto& budget = p[p.lookup("1.3")];
    CHECK(budget.units(role::monitor) == std::vector<unit_index>{*p.units().find("Công chức Kế toán xã")});
    CHECK(budget.units(role::support) == std::vector<unit_index>{police});
    CHECK(budget.deadline->kind == deadline_kind::within_period);
    CHECK(budget.deadline->end == sys_days{2023y / March / 31});
    CHECK(budget.deadline->also_ongoing);

    // 3.3 waits for the personal-data decree.
    const auto& data_decree = p[p.lookup("3.3")];
    CHECK(data_decree.deadline->kind == deadline_kind::after_event);
    REQUIRE(data_decree.depends_on.size() == 1);
    CHECK(data_decree.depends_on[0].type == dependency_type::after_event);

    // The three bullets of 3.4 are tasks of their own under the group 3.4.
    const auto group = p.lookup("3.4");
    CHECK(p[group].kind == item_kind::group);
    CHECK(p.children(group).size() == 3);

    // 7.1 is a soft Q2 target.
    const auto& civil_status = p[p.lookup("7.1")];
    CHECK(civil_status.deadline->soft);
    CHECK(civil_status.deadline->end == sys_days{2023y / June / 30});

    // The monthly report to the district police before the 12th.
    const auto& report = p[p.lookup("III.2")];
    REQUIRE(report.deadline);
    CHECK(report.deadline->kind == deadline_kind::recurring);
    CHECK(report.deadline->recurrence ==
          std::vector<recurrence_rule>{{.freq = frequency::monthly, .day = 12, .before = true}});
    CHECK(report.units(role::report_to) == std::vector<unit_index>{*p.units().find("Công an huyện")});
}

TEST_CASE("malformed and truncated JSON is refused with its line and column", "[plan_json][errors]") {
    check_error(small_plan.substr(0, small_plan.find("\"units\"")), "31:3:", "unexpected end of input");
    check_error(small_plan.substr(0, 200), "7:42:", "ill-formed UTF-8");  // cut inside a character
    check_error("", "1:1:", "syntax error");
    check_error("{\"schema\": \"kehoach/plan@1\",, }", "1:29:", "syntax error");
    check_error(edited("\"Hòa Bình\",\n    \"parents\"", "\"Hòa \xC3\x28 Bình\",\n    \"parents\""), "9:20:", "ill-formed UTF-8");
}

TEST_CASE("a wrong or missing schema is refused", "[plan_json][errors]") {
    check_error(edited("kehoach/plan@1", "kehoach/plan@2"), "2:13: schema:",
                "unsupported schema \"kehoach/plan@2\"");
    check_error(R"({"plan": {}, "items": []})", "1:1:", "missing required field \"schema\"");
    check_error(R"([1, 2])", "1:1:", "expected an object, got an array");
}

TEST_CASE("values of the wrong type are refused at their JSON path", "[plan_json][errors]") {
    check_error(edited("\"level\": \"commune\"", "\"level\": 3"), "8:14: plan.level:", "expected a string, got a number");
    check_error(edited("\"soft\": true", "\"soft\": \"yes\""), "79:17: items[1].deadline.soft:",
                "expected true or false");
    check_error(edited("\"lag\": 2", "\"lag\": 2.5"), "111:18: items[2].depends_on[1].lag:", "expected an integer");
    check_error(edited("\"day\": 12", "\"day\": 32"), "151:20: items[3].deadline.recurrence[1].day:",
                "32 is out of range 1..31");
    check_error(edited("\"day\": 12", "\"day\": 0"), "151:20: items[3].deadline.recurrence[1].day:",
                "0 is out of range 1..31");
    check_error(edited("\"kind\": \"within_period\"", "\"kind\": \"weekly\""), "76:17: items[1].deadline.kind:",
                "unknown deadline kind \"weekly\" (expected one of: by_date, within_period");
    check_error(edited("\"time\": \"16:00\"", "\"time\": \"4pm\""), "147:21: items[3].deadline.recurrence[0].time:", "\"4pm\" is not a time of day HH:MM");
}

TEST_CASE("unknown fields and duplicate keys are refused, not dropped", "[plan_json][errors]") {
    check_error(edited("\"note\": \"Chờ văn bản\"", "\"notes\": \"Chờ văn bản\""), "123:16: items[2].notes:",
                "unknown field \"notes\"");
    check_error(edited("\"number\": \"2\",", "\"number\": \"2\", \"number\": \"3\","), "92:22: items[2]:",
                "duplicate key \"number\"");
}

TEST_CASE("impossible dates are refused", "[plan_json][errors]") {
    check_error(edited("\"2024-05-03\"", "\"2023-02-29\""), "6:13: plan.date:",
                "\"2023-02-29\" is not a date of the form YYYY-MM-DD that exists");
    check_error(edited("\"2024-06-30\"", "\"2024-6-30\""), "78:16: items[1].deadline.end:", "is not a date");
    check_error(edited("\"end\": \"2024-06-30\"", "\"end\": \"2024-03-30\""), "78:16: items[1].deadline.end:",
                "ends (2024-03-30) before it starts (2024-04-01)");
}

TEST_CASE("duplicate ids and references to nothing are refused", "[plan_json][errors]") {
    check_error(edited("\"id\": \"II.3\"", "\"id\": \"II.1\""), "126:13: items[3].id:", "duplicate item id 'II.1'");
    check_error(edited("\"parent\": \"II\",\n      \"kind\": \"task\",\n      \"title\": \"Triển",
                       "\"parent\": \"IV\",\n      \"kind\": \"task\",\n      \"title\": \"Triển"),
                "93:17: items[2].parent:", "no item has the id \"IV\"");
    check_error(edited("        \"II.1\",\n", "        \"II.9\",\n"), "107:9: items[2].depends_on[0]:",
                "no item has the id \"II.9\"");
    check_error(edited("\"event\": \"ev-decree\"", "\"event\": \"ev-law\""), "114:20: items[2].depends_on[2].event:",
                "no event has the id \"ev-law\"");
    check_error(edited("\"lead\": [\n          \"Công an xã\"\n        ],\n        \"support\"",
                       "\"lead\": [\n          \"Công an tỉnh\"\n        ],\n        \"support\""),
                "68:11: items[1].roles.lead[0]:", "unknown unit \"Công an tỉnh\"");
    check_error(edited("\"parent\": \"ca-huyen\"", "\"parent\": \"ca-tinh\""), "44:17: units[1].parent:",
                "no unit has the id \"ca-tinh\"");
    check_error(edited("\"aliases\": [\n        \"CA xã\"", "\"aliases\": [\n        \"Công an huyện\""), "37:5: units[1]:",
                "the name 'Công an huyện' already names unit 'ca-huyen'");
    check_error(edited("\"item\": \"II.1\",\n      \"line\"", "\"item\": \"II.7\",\n      \"line\""),
                "175:15: diagnostics[0].item:", "no item has the id \"II.7\"");
}

TEST_CASE("a file that cannot be read names the file", "[plan_json][errors]") {
    CHECK_THROWS_WITH(load_plan_json("/nonexistent/plan.json"), StartsWith("/nonexistent/plan.json: cannot open"));
}

TEST_CASE("text that is not UTF-8 is refused by the writer with a kehoach::error, not written mangled", "[plan_json][errors]") {
    // parse_deadline keeps a phrase as written, bad bytes included (fuzz/regressions/parse_deadline).
    const auto reading = parse_deadline("Trong \xC3\x28 tháng 3");
    CHECK_THROWS_AS(to_deadline_json(reading), kehoach::error);
    CHECK_THROWS_WITH(to_deadline_json(reading), Contains("not valid UTF-8"));
}

TEST_CASE("a number too large for a double and a NUL byte are refused at their place", "[plan_json][errors]") {
    // Found by fuzz_parse_plan_json and fuzz_parse_units_json (fuzz/regressions/): nlohmann threw
    // out_of_range for the first, and stopped reading at the second while the key scan read on.
    const std::string overflow = "{\"schema\": \"kehoach/plan@1\",\n \"plan\": {\"x\": 1e999}}";
    CHECK_THROWS_AS(parse_plan_json(overflow, "p.json"), parse_error);
    CHECK_THROWS_WITH(parse_plan_json(overflow, "p.json"), StartsWith("p.json:2:") && Contains("a number too large to hold"));
    const std::string nul("{\"schema\": \"kehoach/units@1\"}\0}{\"a\": 1, \"a\": 2}", 47);
    CHECK_THROWS_AS(parse_units_json(nul, "u.json"), parse_error);
    CHECK_THROWS_WITH(parse_units_json(nul, "u.json"), StartsWith("u.json:1:30: a NUL byte"));
}
