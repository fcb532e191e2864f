#include <kehoach/model/redact.hpp>
#include <kehoach/io/dot.hpp>
#include <kehoach/io/ics.hpp>
#include <kehoach/io/item_table.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/io/report.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/text/redact.hpp>
#include <kehoach/track/status_log.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

using namespace kehoach;
using namespace std::chrono;
using Catch::Matchers::Contains;

namespace {

const std::string fixtures = KEHOACH_SOURCE_DIR "/tests/data/privacy/";

/// Everyone tests/data/privacy names: the signer, officials in items, units and the log's notes.
constexpr std::array<std::string_view, 9> people{
    "Đinh Quang Huy", "Võ Thanh Tùng", "Nguyễn Văn An", "Ksor Y Phun", "Rơ Châm H'Ly",
    "Trần Thị Bích", "Lê Thị Hoa",     "Hoàng Thị Lan", "Phạm Quốc Bảo"};
/// Units and places the same files name, which redaction must keep.
constexpr std::array<std::string_view, 6> not_people{"Công an xã", "Hội Nông dân xã", "UBND huyện Krông Pa",
                                                     "thôn Buôn Ja", "Văn phòng – Thống kê xã", "Ea Tul"};

const plan& ea_tul() {
    static const plan p = load_plan(fixtures + "ea-tul-2024.txt");
    return p;
}

const status_log& ea_tul_log() {
    static const status_log log = read_status_log(fixtures + "ea-tul-2024.status.csv");
    return log;
}

std::string hide(std::string_view text) { return redact_names(text, {}, "[x]"); }

/// Every way a plan leaves kehoach as text, redacted or not.
std::vector<std::string> every_export(bool redact) {
    const auto& p = ea_tul();
    const auto& shown = redact ? redacted(p) : p;
    report_options report{.month = 2024y / April, .as_of = *make_date(2024, 5, 5), .redact = redact};
    std::vector<std::string> out{to_plan_json(shown), to_items_csv(shown), to_dot(p, nullptr, {.redact = redact}),
                                 to_ics(p, {.redact = redact}).text, monthly_report(p, ea_tul_log(), report)};
    report.format = report_format::html;
    report.lang = language::en;
    out.push_back(monthly_report(p, ea_tul_log(), report));
    return out;
}

}  // namespace

TEST_CASE("names after an honorific are found, titles and units are not", "[redact]") {
    CHECK(hide("Đ/c Nguyễn Văn A, Phó Chủ tịch UBND xã") == "Đ/c [x], Phó Chủ tịch UBND xã");
    CHECK(hide("giao đồng chí Trần Thị B theo dõi") == "giao đồng chí [x] theo dõi");
    CHECK(hide("ông Ksor Y Phun và bà Rơ Châm H'Ly") == "ông [x] và bà [x]");
    CHECK(hide("Ông Lê Văn Tám báo cáo") == "Ông [x] báo cáo");
    SECTION("an honorific before a title is no name") {
        CHECK(hide("đồng chí Chủ tịch UBND xã chỉ đạo") == "đồng chí Chủ tịch UBND xã chỉ đạo");
        CHECK(hide("Đ/c Trưởng Công an xã") == "Đ/c Trưởng Công an xã");
    }
    SECTION("capitalised honorifics that begin place names") {
        CHECK(hide("tỉnh Bà Rịa – Vũng Tàu") == "tỉnh Bà Rịa – Vũng Tàu");
        CHECK(hide("Anh Sơn, Nghệ An") == "Anh Sơn, Nghệ An");
    }
}

TEST_CASE("a name after a title in the same clause is found, a unit or a place is not", "[redact]") {
    CHECK(hide("Phó Chủ tịch Võ Thanh Tùng chỉ đạo") == "Phó Chủ tịch [x] chỉ đạo");
    CHECK(hide("Chủ tịch UBND xã Trần Văn Cường ký") == "Chủ tịch UBND xã [x] ký");
    CHECK(hide("Trưởng Công an xã chủ trì") == "Trưởng Công an xã chủ trì");
    CHECK(hide("Chủ tịch Hội Nông dân xã") == "Chủ tịch Hội Nông dân xã");
    CHECK(hide("Chủ tịch UBND xã Lê Lợi") == "Chủ tịch UBND xã Lê Lợi");
    CHECK(hide("Trưởng thôn, Nguyễn Huệ") == "Trưởng thôn, Nguyễn Huệ");
    CHECK(hide("Công chức Tư pháp – Hộ tịch xã") == "Công chức Tư pháp – Hộ tịch xã");
    CHECK(hide("UBND, HĐND và MTTQ xã") == "UBND, HĐND và MTTQ xã");
}

TEST_CASE("a name with Văn or Thị in the middle needs no cue, a street does", "[redact]") {
    CHECK(hide("Lê Thị Hoa tổng hợp") == "[x] tổng hợp");
    CHECK(hide("trên đường Nguyễn Văn Cừ") == "trên đường Nguyễn Văn Cừ");
    CHECK(personal_names("Đ/c Nguyễn Văn An; đồng chí Nguyễn Văn An") == std::vector<std::string>{"Nguyễn Văn An"});
}

TEST_CASE("known names are hidden as whole words in any case", "[redact]") {
    const std::vector<std::string> signer{"Đinh Quang Huy"};
    CHECK(redact_names("CHỦ TỊCH ĐINH QUANG HUY; gửi Đinh Quang Huy.", signer, "[x]") == "CHỦ TỊCH [x]; gửi [x].");
    CHECK(redact_names("Đinh Quang Huyền", signer, "[x]") == "Đinh Quang Huyền");
    CHECK(redact_names("", signer, "[x]").empty());
}

TEST_CASE("a redacted plan keeps ids, roles, dates and units, and names no one", "[redact]") {
    const auto& p = ea_tul();
    const auto hidden = redacted(p, language::en);
    REQUIRE(hidden.size() == p.size());
    CHECK(hidden.info.signer.name.empty());
    CHECK(hidden.info.signer.title == p.info.signer.title);
    CHECK(hidden.units().size() == p.units().size());
    for (item_index k = 0; k < p.size(); ++k) {
        CHECK(hidden[k].id == p[k].id);
        CHECK(hidden[k].roles == p[k].roles);
        CHECK(hidden[k].depends_on == p[k].depends_on);
        CHECK(hidden[k].deadline.has_value() == p[k].deadline.has_value());
    }
    CHECK_THAT(hidden[*hidden.find_item("II.1.1")].title, Contains("Đ/c [redacted], Phó Chủ tịch UBND xã"));
    CHECK(personal_names(hidden).empty());
    const auto names = personal_names(p);
    for (const auto who : people)
        if (who != "Hoàng Thị Lan" && who != "Phạm Quốc Bảo")  // those two are only in the log
            CHECK(std::find(names.begin(), names.end(), who) != names.end());
}

TEST_CASE("with redact, no export names anyone; without it, every name is kept", "[redact]") {
    const auto hidden = every_export(true);
    for (const auto& text : hidden)
        for (const auto who : people) CHECK_THAT(text, !Contains(std::string(who)));
    for (const auto unit : not_people) CHECK_THAT(hidden[0], Contains(std::string(unit)));
    const auto kept = every_export(false);
    std::string all;
    for (const auto& text : kept) all += text;
    for (const auto who : people)
        if (who != "Hoàng Thị Lan" && who != "Phạm Quốc Bảo") CHECK_THAT(all, Contains(std::string(who)));
    // The report prints the log's notes only when not redacting.
    CHECK_THAT(kept[4], Contains("Hoàng Thị Lan"));
}

TEST_CASE("two people's units redact to two names, and every reference survives", "[redact]") {
    plan p;
    p.info.signer = {.name = "Nguyễn Văn A", .title = "Chủ tịch", .authority = "TM. Ủy ban nhân dân"};
    const auto police = p.add_unit({.id = "cong-an-xa", .name = "Công an xã"});
    const auto first = p.add_unit({.id = "dc-tran-thi-b", .name = "Đ/c Trần Thị B", .kind = unit_kind::person});
    const auto second = p.add_unit({.id = "dc-le-van-c", .name = "Đ/c Lê Văn C", .kind = unit_kind::person,
                                    .aliases = {"đồng chí Lê Văn C"}});
    p.set_unit_parent(second, police);
    const auto event = p.add_event({.id = "e1", .text = "Sau khi ông Nguyễn Văn A ký"});
    const auto task = p.add_item({.id = "1", .number = "1", .title = "Rà soát"});
    const auto later = p.add_item({.id = "2", .number = "2", .title = "Báo cáo Nguyễn Văn A"});
    const auto appendix = p.add_item({.id = "3", .number = "3", .title = "Giao ông Tư lập Phụ lục A, Tư pháp kiểm tra"});
    p.add_dependency(task, {.type = dependency_type::finish_to_start, .target = later});
    p.add_dependency(later, {.type = dependency_type::after_event, .target = event});
    p.add_role(task, role::lead, first);
    p.add_role(later, role::lead, second);
    p.add_plan_role(plan_role::monitor, police);

    const auto hidden = redacted(p);
    CHECK(hidden.units()[police].id == "cong-an-xa");
    CHECK(hidden.units()[first].name == "Đ/c [đã ẩn]");
    CHECK(hidden.units()[first].id == "redacted-1");
    CHECK(hidden.units()[second].name == "Đ/c [đã ẩn] (2)");
    CHECK(hidden.units()[second].aliases == std::vector<std::string>{"đồng chí [đã ẩn]"});
    CHECK(hidden.units()[second].parent == police);
    CHECK(hidden[later].title == "Báo cáo [đã ẩn]");
    CHECK(hidden[appendix].title == "Giao ông [đã ẩn] lập Phụ lục A, Tư pháp kiểm tra");
    CHECK(hidden.events()[event].text == "Sau khi ông [đã ẩn] ký");
    CHECK(hidden[task].depends_on == p[task].depends_on);
    CHECK(hidden[later].depends_on == p[later].depends_on);
    CHECK(hidden[task].units(role::lead) == std::vector<unit_index>{first});
    CHECK(hidden.plan_roles(plan_role::monitor) == std::vector<unit_index>{police});
    CHECK(hidden.info.signer.text() == "TM. Ủy ban nhân dân, Chủ tịch");

    portfolio all;
    all.add(p);
    CHECK(redacted(all)[0].units()[first].name == "Đ/c [đã ẩn]");
}
