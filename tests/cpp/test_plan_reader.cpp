#include <kehoach/parse/plan_reader.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/text/normalize.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <utf8proc.h>

#include <string>

using namespace kehoach;
using namespace std::chrono;
using Catch::Contains;
using Catch::StartsWith;

namespace {

/// A commune plan with one task, its number and its year of issue given: the start of the plans the
/// fuzz regressions below grow from.
std::string tan_lap_plan(std::string_view number, std::string_view year) {
    return fmt::format(R"(ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: {}/KH-UBND
Tân Lập, ngày 02 tháng 2 năm {}
KẾ HOẠCH
Làm sạch dữ liệu dân cư
II. NHIỆM VỤ
1. Rà soát hồ sơ tồn đọng
Đơn vị chủ trì: Công an xã
Thời gian: Trong quý I/2024
)", number, year);
}

/// A small commune plan of our own, in the founding plan's layout.
const std::string commune_plan = R"(ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Bình, ngày 03 tháng 5 năm 2024
KẾ HOẠCH
Triển khai dịch vụ công trực tuyến
trên địa bàn xã năm 2024
Thực hiện Kế hoạch số 80/KH-UBND ngày 20/3/2024 của UBND huyện Lạc Sơn về dịch vụ công, UBND xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm hoàn thành các chỉ tiêu trong năm 2024.
II. NHIỆM VỤ
1. Rà soát thủ tục hành chính
1.1. Rà soát danh mục thủ tục hành chính của xã.
Đơn vị thực hiện: CA xã; Công chức Tư pháp – Hộ tịch xã.
Đơn vị phối hợp: Các ban, ngành xã.
Thời gian hoàn thành: Trong quý II/2024.
1.2. Công khai danh mục sau khi hoàn thành nhiệm vụ 1.1.
Đơn vị thực hiện: Bộ phận Tiếp nhận và Trả kết quả.
Thời gian thực hiện: Sau khi UBND tỉnh ban hành danh mục.
1.2. Số hóa hồ sơ.
Đơn vị thực hiện: Văn phòng - Thống kê xã.
Thời gian hoàn thành: Tháng 13/2024.
2. Tuyên truyền
- Tuyên truyền trên loa truyền thanh.
Đơn vị thực hiện: CC Văn hóa – Xã hội xã.
Thời gian thực hiện: Thường xuyên.
- Hướng dẫn người dân tại thôn.
Đơn vị thực hiện: Các thôn; Đoàn Thanh niên xã.
Đơn vị phối hợp: Công an xã.
Thời gian thực hiện: Thường xuyên.
III. TỔ CHỨC THỰC HIỆN
1. Giao Công chức Văn phòng – Thống kê xã tổng hợp, báo cáo về UBND huyện trước ngày 20 hằng tháng.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn An
)";

}  // namespace

TEST_CASE("front matter: issuer, number, date, title, parents, signer", "[plan_reader]") {
    const auto p = read_plan(commune_plan);
    CHECK(p.info.issuer == "Ủy ban nhân dân xã Hòa Bình");
    CHECK(p.info.number == "15/KH-UBND");
    CHECK(p.info.date == sys_days{2024y / May / 3});
    CHECK(p.info.place == "Hòa Bình");
    CHECK(p.info.level == plan_level::commune);
    CHECK(p.info.title == "Triển khai dịch vụ công trực tuyến trên địa bàn xã năm 2024");
    REQUIRE(p.info.parents.size() == 1);
    CHECK(p.info.parents[0] == parent_plan{"80/KH-UBND", sys_days{2024y / March / 20}, "Ủy ban nhân dân huyện Lạc Sơn"});
    CHECK(p.info.signer == signer{"Trần Văn An", "Chủ tịch", "TM. Ủy ban nhân dân"});
}

TEST_CASE("the outline: ids, groups, tasks, bullets that carry their own fields", "[plan_reader]") {
    const auto p = read_plan(commune_plan);
    std::vector<std::string> ids;
    for (const auto& it : p.items()) ids.push_back(it.id);
    CHECK(ids == std::vector<std::string>{"II", "II.1", "II.1.1", "II.1.2", "II.1.2#2", "II.2", "II.2-1", "II.2-2", "III", "III.1"});
    CHECK(p[p.lookup("II.1")].kind == item_kind::group);
    CHECK(p[p.lookup("II.2")].kind == item_kind::group);
    CHECK(p[p.lookup("II.2-1")].number == "-");
    const auto& review = p[p.lookup("II.1.1")];
    CHECK(review.kind == item_kind::task);
    CHECK(review.title == "Rà soát danh mục thủ tục hành chính của xã");
    CHECK(review.source == source_span{15, 18});
    REQUIRE(review.units(role::lead).size() == 2);
    CHECK(p.units()[review.units(role::lead)[0]].name == "Công an xã");  // spelt "CA xã" here, "Công an xã" below
    CHECK(review.deadline->end == sys_days{2024y / June / 30});
}

TEST_CASE("dependencies, events, reports and diagnostics", "[plan_reader]") {
    const auto p = read_plan(commune_plan);
    const auto& publish = p[p.lookup("II.1.2")];
    REQUIRE(publish.depends_on.size() == 2);
    CHECK(publish.depends_on[0] == dependency{dependency_type::finish_to_start, p.lookup("II.1.1"), 0});
    CHECK(publish.depends_on[1].type == dependency_type::after_event);
    CHECK(p.events()[publish.depends_on[1].target].text == "UBND tỉnh ban hành danh mục");
    const auto& report = p[p.lookup("III.1")];
    CHECK(report.deadline->kind == deadline_kind::recurring);
    CHECK(p.units()[report.units(role::report_to).at(0)].name == "UBND huyện");
    // Each spelling is used once: the fuller one names the unit.
    CHECK(p.units()[p.plan_roles(plan_role::report_compiler).at(0)].name == "Công chức Văn phòng – Thống kê xã");
    std::vector<std::pair<std::string, std::size_t>> found;
    for (const auto& d : p.diagnostics) found.emplace_back(d.code, d.line);
    CHECK(found == std::vector<std::pair<std::string, std::size_t>>{{"duplicate_number", 22}, {"invalid_date", 24}});
}

TEST_CASE("strict reading makes the first warning an error at its place", "[plan_reader]") {
    CHECK_THROWS_WITH(read_plan(commune_plan, {.source = "kh.txt", .strict = true}),
                      StartsWith("kh.txt:22:1: the number 1.2 is written twice; read as II.1.2#2 (duplicate_number; --strict)"));
}

TEST_CASE("input that is no plan is refused with its place", "[plan_reader][errors]") {
    CHECK_THROWS_WITH(read_plan("", {.source = "a.txt"}), "a.txt:1:1: the document is empty");
    CHECK_THROWS_WITH(read_plan(" \n\t\n", {.source = "a.txt"}), "a.txt:1:1: the document is empty");
    CHECK_THROWS_WITH(read_plan(std::string("KẾ HOẠCH\nabc\0def", 18), {.source = "a.bin"}),
                      "a.bin:2:4: a NUL byte: this is a binary file, not the text of a plan");
    CHECK_THROWS_WITH(read_plan("KẾ HOẠCH\nTh\xE1ng 3", {.source = "a.txt"}),
                      "a.txt:2:3: invalid UTF-8 (byte 0xE1): save the text as UTF-8");
    const std::string long_line = "KẾ HOẠCH\n" + std::string(10 * 1024 * 1024, 'a') + "\n";
    CHECK_THROWS_WITH(read_plan(long_line, {.source = "a.txt"}), StartsWith("a.txt:2:65537: the line is longer than 65536 bytes (limit max_line_length = 65536"));
    CHECK_THROWS_WITH(read_plan("Một văn bản\nkhông có tiêu đề kế hoạch\n", {.source = "a.txt"}),
                      "a.txt:1:1: no \"KẾ HOẠCH\" heading: this does not read as the text of a plan");
    CHECK_THROWS_WITH(read_plan("KẾ HOẠCH\nVề việc thử\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n", {.source = "a.txt"}),
                      StartsWith("a.txt:1:1: no task found"));
}

TEST_CASE("NFD, dashes and blank lines between every line read alike", "[plan_reader]") {
    std::string spaced;
    for (char c : commune_plan) {
        spaced += c;
        if (c == '\n') spaced += "\n";
    }
    const auto nfc = read_plan(commune_plan);
    const auto noisy = read_plan(to_nfc(spaced));
    REQUIRE(noisy.size() == nfc.size());
    for (std::size_t i = 0; i < nfc.size(); ++i) {
        CHECK(noisy[static_cast<item_index>(i)].id == nfc[static_cast<item_index>(i)].id);
        CHECK(noisy[static_cast<item_index>(i)].deadline == nfc[static_cast<item_index>(i)].deadline);
    }
}

TEST_CASE("load_plan reads plan@1 JSON and documents alike", "[plan_reader]") {
    const auto json = load_plan(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    CHECK(json.info.number == "24/KH-UBND");
    const auto document = load_plan(KEHOACH_SOURCE_DIR "/tests/data/documents/defects.txt");
    CHECK(document.size() > 10);
    CHECK_THROWS_WITH(load_plan("/nonexistent.txt"), StartsWith("/nonexistent.txt: cannot open"));
}

TEST_CASE("load_plan knows JSON by its brace behind a byte-order mark and blank lines, whatever the file's name", "[plan_reader]") {
    // Notepad saves with a byte-order mark; offices rename files freely.
    const std::filesystem::path json = KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json";
    const auto path = std::filesystem::temp_directory_path() / "kehoach-json-named-txt.txt";
    write_file_atomically(path, "\xEF\xBB\xBF\r\n  " + read_input(json));
    const auto p = load_plan(path);
    std::filesystem::remove(path);
    CHECK(p.info.number == "24/KH-UBND");
    CHECK(p.size() == load_plan_json(json).size());
}

TEST_CASE("one unit whichever vowel carries the tone of its name", "[plan_reader]") {
    // "Văn hoá" in one field, "Văn hóa" in the next: the same centre, not two.
    const auto p = read_plan(R"(UỶ BAN NHÂN DÂN
XÃ HOÀ THUẬN
Số: 7/KH-UBND
KẾ HOẠCH
Tổ chức ngày hội văn hoá thể thao
II. NHIỆM VỤ
1. Chuẩn bị sân bãi.
Đơn vị thực hiện: Trung tâm Văn hoá – Thể thao xã.
Thời gian hoàn thành: Tháng 8/2024.
2. Tổ chức thi đấu.
Đơn vị thực hiện: Trung tâm Văn hóa - Thể thao xã.
Đơn vị phối hợp: Trạm Y tế xã (chăm sóc sức khoẻ).
Thời gian hoàn thành: Tháng 9/2024.
)");
    const auto& prepare = p[p.lookup("II.1")];
    const auto& compete = p[p.lookup("II.2")];
    REQUIRE(prepare.units(role::lead).size() == 1);
    REQUIRE(compete.units(role::lead).size() == 1);
    CHECK(prepare.units(role::lead)[0] == compete.units(role::lead)[0]);
    CHECK(p.units().size() == 2);
    CHECK(name_key(p.info.issuer) == name_key("Ủy ban nhân dân xã Hòa Thuận"));
}

TEST_CASE("a registry of known units gives the document's units their ids and names", "[plan_reader]") {
    const auto registry = parse_units_json(R"({"schema": "kehoach/units@1", "units": [
        {"id": "ca", "name": "Công an xã", "kind": "agency"},
        {"id": "zalo", "name": "Nhóm Zalo thôn", "kind": "group", "aliases": ["Nhóm Zalo các thôn"]},
        {"id": "to-khuyen-nong", "name": "Hội Khuyến học xã", "kind": "agency"},
        {"id": "tram-y-te", "name": "Trạm Y tế xã", "kind": "agency"}
    ]})");
    const auto p = read_plan(R"(ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 3/KH-UBND
Tân Lập, ngày 02 tháng 2 năm 2024
KẾ HOẠCH
Hướng dẫn người dân làm thủ tục trực tuyến
II. NHIỆM VỤ
1. Hướng dẫn cài đặt ứng dụng định danh.
Đơn vị thực hiện: CA xã.
Đơn vị phối hợp: Nhóm Zalo các thôn; Tổ Khuyến nông; Hội Khuyến học xã.
Thời gian hoàn thành: Tháng 3/2024.
)",
                             {.known_units = registry});
    const auto& task = p[p.lookup("II.1")];
    const auto& police = p.units()[task.units(role::lead).at(0)];
    CHECK(police.id == "ca");
    CHECK(police.name == "Công an xã");
    CHECK(police.aliases == std::vector<std::string>{"CA xã"});
    const auto& zalo = p.units()[task.units(role::support).at(0)];
    CHECK(zalo.id == "zalo");
    CHECK(zalo.kind == unit_kind::group);
    // The registry has an id "to-khuyen-nong" for another unit: the document's own unit gets another.
    CHECK(p.units()[task.units(role::support).at(1)].id == "to-khuyen-nong-2");
    CHECK(p.units()[task.units(role::support).at(2)].id == "to-khuyen-nong");
    CHECK(p.units().size() == 4);  // the health station is not named: it stays out
    // "Nhóm Zalo" is no kind of unit kehoach knows, but the registry knows it.
    for (const auto& d : p.diagnostics) CHECK(d.code != "unknown_unit");
}

TEST_CASE("a registry file is units@1, or a plan@1 file whose units it takes", "[plan_reader][errors]") {
    const auto from_plan = load_units(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    CHECK(from_plan.size() == 14);
    CHECK_THROWS_WITH(parse_units_json(R"({"schema": "kehoach/units@1", "units": [{"id": "a", "name": "Công an xã"},
        {"id": "b", "name": "CÔNG AN  XÃ"}]})", "don-vi.json"),
                      StartsWith("don-vi.json:2:9: units[1]: unit 'b': the name 'CÔNG AN  XÃ' already names unit 'a'"));
    CHECK_THROWS_WITH(parse_units_json(R"({"schema": "kehoach/units@1"})", "don-vi.json"),
                      Contains("\"units\""));
    CHECK_THROWS_WITH(parse_units_json(R"({"schema": "kehoach/plan@2", "units": []})", "don-vi.json"),
                      Contains("unsupported schema"));
}

TEST_CASE("fields inline after a full stop, a bullet, or glued to the sentence before", "[plan_reader]") {
    const auto p = read_plan(R"(ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 4/KH-UBND
KẾ HOẠCH
Làm sạch dữ liệu dân cư
II. NHIỆM VỤ
1. Rà soát dữ liệu. Đơn vị thực hiện: Công chức Tư pháp - Hộ tịch xã. Thời gian hoàn thành: Trong quý II/2024.
2. Đối chiếu hộ khẩu.Đơn vị thực hiện: Công an xã. Sản phẩm: Danh sách sai lệch.
3. Cập nhật dữ liệu. - Đơn vị chủ trì: Công an xã; - Thời hạn: trước ngày 30/6/2024
)");
    const auto& review = p[p.lookup("II.1")];
    CHECK(review.title == "Rà soát dữ liệu");
    REQUIRE(review.units(role::lead).size() == 1);
    CHECK(p.units()[review.units(role::lead)[0]].name == "Công chức Tư pháp - Hộ tịch xã");
    REQUIRE(review.deadline);
    CHECK(review.deadline->end == sys_days{2024y / June / 30});
    const auto& compare = p[p.lookup("II.2")];
    CHECK(compare.title == "Đối chiếu hộ khẩu");
    CHECK(p.units()[compare.units(role::lead).at(0)].name == "Công an xã");
    CHECK(compare.targets == std::vector<std::string>{"Danh sách sai lệch"});
    const auto& update = p[p.lookup("II.3")];
    REQUIRE(update.units(role::lead).size() == 1);
    CHECK(p.units()[update.units(role::lead)[0]].name == "Công an xã");  // not "Đơn vị" from "Đơn vị chủ trì"
    CHECK(update.deadline->end == sys_days{2024y / June / 30});
}

TEST_CASE("obligations whose sentence starts with the unit, without \"Giao\"", "[plan_reader]") {
    const auto p = read_plan(R"(ỦY BAN NHÂN DÂN
XÃ IA BĂNG
Số: 21/KH-UBND
Ia Băng, ngày 15 tháng 01 năm 2024
KẾ HOẠCH
Chuyển đổi số năm 2024
II. NHIỆM VỤ
1. Kích hoạt tài khoản định danh điện tử cho người dân.
Đơn vị thực hiện: Công an xã.
Thời gian hoàn thành: Tháng 6/2024.
III. TỔ CHỨC THỰC HIỆN
1. Công an xã là cơ quan thường trực, theo dõi, đôn đốc thực hiện Kế hoạch.
2. Văn phòng - Thống kê xã tổng hợp, báo cáo kết quả về UBND huyện trước ngày 25 hằng tháng.
)");
    REQUIRE(p.plan_roles(plan_role::monitor).size() == 1);
    CHECK(p.units()[p.plan_roles(plan_role::monitor)[0]].name == "Công an xã");
    const auto& report = p[p.lookup("III.2")];
    CHECK(p.units()[report.units(role::lead).at(0)].name == "Văn phòng - Thống kê xã");
    CHECK(p.units()[report.units(role::report_to).at(0)].name == "UBND huyện");
    REQUIRE(report.deadline);
    CHECK(report.deadline->kind == deadline_kind::recurring);
    REQUIRE(p.plan_roles(plan_role::report_compiler).size() == 1);
    CHECK(p.units()[p.plan_roles(plan_role::report_compiler)[0]].name == "Văn phòng - Thống kê xã");
}

TEST_CASE("a label line that holds several fields", "[plan_reader]") {
    const auto p = read_plan(R"(ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 5/KH-UBND
KẾ HOẠCH
Tập huấn kỹ năng số
II. NHIỆM VỤ
1. Tập huấn kỹ năng số cho cán bộ, công chức.
Đơn vị chủ trì: Văn phòng - Thống kê xã; Đơn vị phối hợp: Công an xã, Đoàn Thanh niên xã.
Thời gian: Quý III/2024. Sản phẩm: Báo cáo kết quả tập huấn.
)");
    const auto& training = p[p.lookup("II.1")];
    REQUIRE(training.units(role::lead).size() == 1);
    CHECK(p.units()[training.units(role::lead)[0]].name == "Văn phòng - Thống kê xã");
    REQUIRE(training.units(role::support).size() == 2);
    CHECK(p.units()[training.units(role::support)[1]].name == "Đoàn Thanh niên xã");
    CHECK(training.deadline->end == sys_days{2024y / September / 30});
    CHECK(training.targets == std::vector<std::string>{"Báo cáo kết quả tập huấn"});
}

TEST_CASE("the issuer is written as Vietnamese writes agency names, and its level read from it", "[plan_reader]") {
    struct expected_issuer {
        std::string header, issuer;
        plan_level level;
    };
    for (const auto& [header, issuer, level] : std::vector<expected_issuer>{
             {"UBND TỈNH GIA LAI\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội", plan_level::province},
             {"UBND TỈNH GIA LAI\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch", plan_level::province},
             {"UBND HUYỆN IA PA\nBAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Ban Chỉ đạo chuyển đổi số", plan_level::district},
             {"UBND HUYỆN IA PA\nPHÒNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Phòng Nông nghiệp và Phát triển nông thôn",
              plan_level::district},
             {"UBND HUYỆN ĐỨC THỌ\nỦY BAN NHÂN DÂN XÃ HỘI SƠN", "Ủy ban nhân dân xã Hội Sơn", plan_level::commune},
             {"UBND TỈNH GIA LAI\nBẢO HIỂM XÃ HỘI HUYỆN IA PA", "Bảo hiểm xã hội huyện Ia Pa", plan_level::district},
         }) {
        const auto p = read_plan(header + "\nSố: 1/KH\nKẾ HOẠCH\nThử nghiệm\nII. NHIỆM VỤ\n1. Rà soát.\nĐơn vị thực hiện: Công an xã.\n");
        INFO(header);
        CHECK(p.info.issuer == issuer);
        CHECK(p.info.level == level);
    }
}

TEST_CASE("UTF-16 with a byte-order mark reads as its UTF-8; without one it is refused clearly", "[plan_reader][errors]") {
    // Notepad's "Unicode": UTF-16 little-endian behind FF FE.
    auto utf16le = [](std::string_view utf8, bool mark) {
        std::string out = mark ? "\xFF\xFE" : "";
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
        for (std::size_t at = 0; at < utf8.size();) {
            utf8proc_int32_t c = 0;
            at += static_cast<std::size_t>(utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(utf8.size() - at), &c));
            std::vector<std::uint32_t> units{static_cast<std::uint32_t>(c)};
            if (c >= 0x10000) units = {0xD800 + ((static_cast<std::uint32_t>(c) - 0x10000) >> 10), 0xDC00 + ((static_cast<std::uint32_t>(c) - 0x10000) & 0x3FF)};
            for (const auto unit : units) {
                out += static_cast<char>(unit & 0xFF);
                out += static_cast<char>(unit >> 8);
            }
        }
        return out;
    };
    const auto from_utf8 = read_plan(commune_plan);
    const auto from_utf16 = read_plan(utf16le(commune_plan, true));
    REQUIRE(from_utf16.size() == from_utf8.size());
    CHECK(from_utf16.info.issuer == from_utf8.info.issuer);
    CHECK(from_utf16[from_utf16.lookup("II.1.1")].source == source_span{15, 18});
    CHECK_THROWS_WITH(read_plan(utf16le(commune_plan, false), {.source = "a.txt"}),
                      StartsWith("a.txt:1:") && Contains("a NUL byte: this looks like UTF-16 without a byte-order mark"));
    CHECK_THROWS_WITH(read_plan(std::string("\xFF\xFEK\0\n\0\0\xD8", 8), {.source = "a.txt"}),
                      "a.txt:2:1: invalid UTF-16 (an unpaired surrogate 0xD800): save the text as UTF-8");
}

TEST_CASE("prose: several subjects before a duty, and a report made straight to a unit", "[plan_reader]") {
    const auto p = read_plan(R"(ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 120/KH-UBND
KẾ HOẠCH
Cải cách hành chính năm 2024
II. NHIỆM VỤ
1. Các sở, ban, ngành; UBND các huyện, thị xã, thành phố có trách nhiệm rà soát văn bản thuộc lĩnh vực quản lý, hoàn thành trước ngày 30/9/2024.
2. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện; định kỳ hằng quý báo cáo UBND tỉnh.
)");
    const auto& review = p[p.lookup("II.1")];
    REQUIRE(review.units(role::lead).size() == 2);
    CHECK(p.units()[review.units(role::lead)[1]].name == "UBND các huyện, thị xã, thành phố");
    const auto& follow = p[p.lookup("II.2")];
    REQUIRE(follow.units(role::report_to).size() == 1);
    CHECK(p.units()[follow.units(role::report_to)[0]].name == "UBND tỉnh");
    CHECK(follow.deadline->kind == deadline_kind::recurring);
}

TEST_CASE("a plan copied from a web page as Markdown reads like its plain text", "[plan_reader]") {
    const auto p = read_plan(R"(**ỦY BAN NHÂN DÂN**
**XÃ TÂN LẬP**

Số: ___/KH-UBND

# KẾ HOẠCH

**Hướng dẫn thủ tục trực tuyến**

## II. NHIỆM VỤ

**1. Hướng dẫn cài đặt ứng dụng định danh.**

- **Đơn vị thực hiện:** Công an xã.
- *Thời gian hoàn thành:* Tháng 3/2024.
* Đơn vị phối hợp: Đoàn Thanh niên xã.
)");
    CHECK(p.info.issuer == "Ủy ban nhân dân xã Tân Lập");
    CHECK(p.info.number.empty());  // a place left for the number
    CHECK(p.info.title == "Hướng dẫn thủ tục trực tuyến");
    const auto& guide = p[p.lookup("II.1")];
    CHECK(guide.title == "Hướng dẫn cài đặt ứng dụng định danh");
    CHECK(p.units()[guide.units(role::lead).at(0)].name == "Công an xã");
    CHECK(p.units()[guide.units(role::support).at(0)].name == "Đoàn Thanh niên xã");
    CHECK(guide.deadline->end == sys_days{2024y / March / 31});
    CHECK(guide.source == source_span{12, 16});
    bool blank_number = false;
    for (const auto& d : p.diagnostics) blank_number = blank_number || d.code == "blank_number";
    CHECK(blank_number);
}

TEST_CASE("parts (PHẦN I, PHẦN II) group what follows, and numbering restarts in each", "[plan_reader]") {
    const auto p = read_plan(
        "ỦY BAN NHÂN DÂN\nXÃ IA MRƠN\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nRà soát dữ liệu dân cư năm 2024\n\n"
        "PHẦN I. RÀ SOÁT\n1. Rà soát dữ liệu dân cư trên địa bàn.\n- Đơn vị thực hiện: Công an xã.\n"
        "PHẦN II. TUYÊN TRUYỀN\n1. Tuyên truyền về định danh điện tử.\n- Đơn vị thực hiện: Công an xã.\n");
    std::vector<std::pair<std::string, item_kind>> items;
    for (const auto& it : p.items()) items.emplace_back(it.id, it.kind);
    CHECK(items == std::vector<std::pair<std::string, item_kind>>{
                       {"I", item_kind::group}, {"I.1", item_kind::task}, {"II", item_kind::group}, {"II.1", item_kind::task}});
    CHECK(p[0].title == "RÀ SOÁT");
    CHECK(std::none_of(p.diagnostics.begin(), p.diagnostics.end(), [](const diagnostic& d) { return d.code == "duplicate_number"; }));
}

TEST_CASE("a numbered heading that is no item names none in the diagnostics, so the plan@1 text reads back", "[plan_reader]") {
    // Found by fuzz_read_plan (fuzz/regressions/read_plan/): the second "1." holds no task, so it is
    // no item, but its duplicate_number warning named it "II.1#2", which plan@1 refused on reading.
    const auto p = read_plan(tan_lap_plan("5", "2024") + R"(1. Một đoạn chép lại từ văn bản khác, không giao cho ai.
2. Cập nhật dữ liệu dân cư
Đơn vị chủ trì: Công an xã
Thời gian: Trong quý II/2024
)");
    std::vector<std::string> ids;
    for (const auto& it : p.items()) ids.push_back(it.id);
    CHECK(ids == std::vector<std::string>{"II", "II.1", "II.2"});
    CHECK(std::none_of(p.diagnostics.begin(), p.diagnostics.end(), [](const diagnostic& d) { return d.item == "II.1#2"; }));
    const auto text = to_plan_json(p);
    CHECK(to_plan_json(parse_plan_json(text)) == text);
}

TEST_CASE("an issue date whose year has five digits is no date", "[plan_reader]") {
    // Found by fuzz_read_plan (fuzz/regressions/read_plan/): "năm 12023" gave the plan a date that
    // plan@1 cannot write back.
    const auto p = read_plan(tan_lap_plan("6", "12023"));
    CHECK_FALSE(p.info.date);
    const auto text = to_plan_json(p);
    CHECK(to_plan_json(parse_plan_json(text)) == text);
}
