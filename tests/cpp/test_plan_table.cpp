#include <kehoach/parse/plan_reader.hpp>

#include <kehoach/enum_names.hpp>
#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/plan_json.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kehoach;
using namespace std::chrono;
using Catch::Contains;
using Catch::StartsWith;

namespace {

const std::string tables = KEHOACH_SOURCE_DIR "/tests/data/tables/";

/// The front matter hoa-lam-phu-luc.txt has, which a table cannot.
const plan_info hoa_lam{.issuer = "Ủy ban nhân dân xã Hòa Lâm", .number = "21/KH-UBND", .date = sys_days{2024y / March / 15}};

/// What an item says, its lines aside: the same table read from a document and from cells says the same.
std::string described(const plan& p, const item& it) {
    std::string out = it.id + " | " + it.number + " | " + std::string(to_string(it.kind)) + " | " + it.title + " | " + it.text;
    for (const auto r : {role::lead, role::support})
        for (const auto u : it.units(r)) out += " | " + std::string(to_string(r)) + ": " + p.units()[u].name;
    if (it.deadline) out += " | " + std::string(to_string(it.deadline->kind)) + ": " + it.deadline->text;
    for (const auto& target : it.targets) out += " | " + target;
    return out + " | " + it.note;
}

std::vector<std::string> described(const plan& p) {
    std::vector<std::string> out;
    for (const auto& it : p.items()) out.push_back(described(p, it));
    return out;
}

}  // namespace

TEST_CASE("a CSV appendix table reads as the same table in a document does", "[plan_reader][table]") {
    const auto p = read_plan_csv(read_input(tables + "hoa-lam-phu-luc.csv"), hoa_lam, {.source = "hoa-lam-phu-luc.csv"});
    const auto document = load_plan(tables + "hoa-lam-phu-luc.txt");

    SECTION("groups, numbering, units and deadlines") {
        REQUIRE(p.size() == 6);
        const auto& propaganda = p[p.lookup("I")];
        CHECK(propaganda.kind == item_kind::group);
        CHECK(propaganda.title == "CÔNG TÁC TUYÊN TRUYỀN");
        const auto& leaflet = p[p.lookup("I.1")];
        CHECK(leaflet.number == "1");
        CHECK(leaflet.parent == p.lookup("I"));
        CHECK(leaflet.text == "Biên soạn tờ gấp hướng dẫn cài đặt ứng dụng dịch vụ công");  // the cell's two lines
        REQUIRE(leaflet.units(role::lead).size() == 1);
        CHECK(p.units()[leaflet.units(role::lead)[0]].name == "Công chức Văn phòng - Thống kê xã");  // the fullest of its two spellings
        REQUIRE(leaflet.units(role::support).size() == 2);
        CHECK(p.units()[leaflet.units(role::support)[1]].name == "Hội Liên hiệp Phụ nữ xã");
        CHECK(leaflet.deadline->kind == deadline_kind::within_period);
        CHECK(leaflet.deadline->end == sys_days{2024y / June / 30});
        CHECK(leaflet.targets == std::vector<std::string>{"Tờ gấp phát tại các thôn"});
        CHECK(leaflet.source->line == 5);  // the record's first line in the CSV

        const auto& radio = p[p.lookup("I.2")];
        CHECK(radio.text == "Đưa tin về chuyển đổi số trên loa truyền thanh, mỗi tuần \"một chuyên mục\"");
        CHECK(radio.deadline->kind == deadline_kind::ongoing);
        CHECK(radio.note == "Kinh phí tự cân đối");
        CHECK(p[p.lookup("II.1")].deadline->kind == deadline_kind::recurring);
        CHECK(p[p.lookup("II.2")].deadline->kind == deadline_kind::by_date);
        CHECK(p[p.lookup("II.2")].parent == p.lookup("II"));
        CHECK(p.info.number == "21/KH-UBND");
        CHECK(p.info.level == plan_level::commune);
    }
    SECTION("item for item, the document's reading") {
        CHECK(described(p) == described(document));
    }
}

TEST_CASE("a table given cell by cell reads as its CSV does", "[plan_reader][table]") {
    const std::vector<std::vector<std::string>> rows{
        {"Nội dung công việc", "STT", "Đơn vị thực hiện", "Thời gian"},
        {"Rà soát hồ sơ hộ tịch", "1.10", "Công an xã", "Thường xuyên"},
        {"Cập nhật dữ liệu dân cư", "1.1", "Công an xã", "Trong quý III/2024"}};
    const auto p = read_plan_table(rows, {.issuer = "Ủy ban nhân dân xã Hòa Lâm"});
    REQUIRE(p.size() == 2);
    CHECK(p[p.lookup("1.10")].title == "Rà soát hồ sơ hộ tịch");
    CHECK(p[p.lookup("1.1")].source->line == 3);  // row 3 of the sheet
    CHECK(described(p) == described(read_plan_csv("Nội dung công việc,STT,Đơn vị thực hiện,Thời gian\n"
                                                  "Rà soát hồ sơ hộ tịch,1.10,Công an xã,Thường xuyên\n"
                                                  "Cập nhật dữ liệu dân cư,1.1,Công an xã,Trong quý III/2024\n",
                                                  {.issuer = "Ủy ban nhân dân xã Hòa Lâm"})));
}

TEST_CASE("a table that cannot be read names the line and column", "[plan_reader][table]") {
    const read_options options{.source = "bang.csv"};
    SECTION("no header row") {
        CHECK_THROWS_AS(read_plan_csv("\n\nTên,Tuổi\nAn,30\n", {}, options), parse_error);
        CHECK_THROWS_WITH(read_plan_csv("\n\nTên,Tuổi\nAn,30\n", {}, options), StartsWith("bang.csv:3:1: no header row"));
    }
    SECTION("a cell right of the header") {
        CHECK_THROWS_WITH(read_plan_csv("STT,Nội dung,Chủ trì\n1,Rà soát,Công an xã,,thừa\n", {}, options),
                          StartsWith("bang.csv:2:27: \"thừa\" is in column 5, but the header has 3 columns"));
        // Empty cells there are only the spreadsheet's trailing commas.
        CHECK(read_plan_csv("STT,Nội dung,Chủ trì\n1,Rà soát,Công an xã,,\n", {}, options).size() == 1);
    }
    SECTION("invalid UTF-8") {
        CHECK_THROWS_WITH(read_plan_csv("STT,Nội dung,Chủ trì\n1,R\xE0 so\xE1t,Công an xã\n", {}, options),
                          StartsWith("bang.csv:2:4: invalid UTF-8 (byte 0xE0): save the table as UTF-8"));
    }
    SECTION("a quote never closed") {
        CHECK_THROWS_WITH(read_plan_csv("STT,Nội dung,Chủ trì\n1,\"Rà soát,Công an xã\n", {}, options),
                          StartsWith("bang.csv:2:3: a quoted field is never closed"));
    }
    SECTION("no task") {
        CHECK_THROWS_WITH(read_plan_csv("STT,Nội dung,Chủ trì\n1,Rà soát,\n", {}, options), Contains("no task found"));
    }
}

TEST_CASE("load_plan reads a .csv file as a table", "[plan_reader][table]") {
    const auto p = load_plan(tables + "hoa-lam-phu-luc.csv");
    CHECK(p.size() == 6);
    CHECK(p.info.number.empty());  // a table has no front matter
}

TEST_CASE("a row that assigns nothing is no item, and no diagnostic names it", "[plan_reader]") {
    // Found by fuzz_read_plan_csv (fuzz/regressions/read_plan_csv/): the second row 1 assigns
    // nothing, so it is prose, but its duplicate_number warning named it "I.1#2", which plan@1
    // refused on reading.
    const auto p = read_plan_csv("STT,Nội dung,Đơn vị chủ trì,Thời gian\n"
                                 "I,RÀ SOÁT,,\n"
                                 "1,Rà soát hồ sơ tồn đọng,Công an xã,Trong quý II/2023\n"
                                 "1,Ghi chú chép lại từ bảng khác,,\n"
                                 "2,Cập nhật dữ liệu,Công an xã,Trong quý III/2023\n",
                                 {.issuer = "Ủy ban nhân dân xã Ia Mơ", .date = make_date(2023, 4, 7)});
    std::vector<std::string> ids;
    for (const auto& it : p.items()) ids.push_back(it.id);
    CHECK(ids == std::vector<std::string>{"I", "I.1", "I.2"});
    CHECK(std::none_of(p.diagnostics.begin(), p.diagnostics.end(), [](const diagnostic& d) { return d.item == "I.1#2"; }));
    const auto text = to_plan_json(p);
    CHECK(to_plan_json(parse_plan_json(text)) == text);
}

TEST_CASE("a line of bare pipes between a laid-out table's rows is a rule, not the table's end", "[plan_reader][table]") {
    const std::string document = KEHOACH_SOURCE_DIR "/tests/data/documents/layout-table.txt";
    auto text = read_input(document);
    const auto row_3 = text.find("  3    Rà soát, đơn giản hóa");
    REQUIRE(row_3 != std::string::npos);
    text.insert(row_3, "|   |\n");
    const auto ruled = read_plan(text, {.source = "ruled.txt"});
    CHECK(ruled.size() > 6);
    CHECK(described(ruled) == described(load_plan(document)));
}
