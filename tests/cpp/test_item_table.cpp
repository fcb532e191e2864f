#include <kehoach/io/item_table.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/track/status_log.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace kehoach;
using Catch::Matchers::Contains;

namespace {

const std::string exports = KEHOACH_SOURCE_DIR "/tests/data/exports/";

}  // namespace

TEST_CASE("the item table has one row per item with units joined and the due day rolled", "[item_table]") {
    const auto plan = load_plan(KEHOACH_SOURCE_DIR "/tests/data/tracking/ia-mo-2023.txt");
    const auto t = items_of(plan);
    REQUIRE(t.size() == plan.size());
    const auto row = plan.lookup("1.2");
    CHECK(t.lead[row] == "Công chức Tư pháp – Hộ tịch xã");
    CHECK(t.end[row] == make_date(2023, 4, 30));
    CHECK(t.due[row] == make_date(2023, 5, 4));  // past the Sunday and the 30/4–1/5 holidays
    const auto first = plan.lookup("1.1");
    CHECK(t.support[first] == "Trưởng thôn các thôn");
    CHECK(t.parent[first] == plan[*plan[first].parent].id);
}

TEST_CASE("the CSV is RFC 4180 with a byte-order mark and CRLF, quoting what needs it", "[item_table]") {
    const auto plan = load_plan_json(exports + "krong-son-2024.plan.json");
    const auto csv = to_items_csv(plan);
    CHECK(csv.starts_with("\xEF\xBB\xBFid,number,parent,kind,title,lead,support,monitor,report_to,deadline,"
                          "deadline_kind,start,end,due,soft,also_ongoing,event,depends_on\r\n"));
    // A title with quotes is quoted and its quotes doubled; a line break stays inside the quotes.
    CHECK_THAT(csv, Contains("1.1,1.1,1,task,\"Kiểm kê sổ hộ tịch lưu tại xã; \"\"sổ gốc\"\" và sổ bản sao\",Phòng Tư pháp,"
                             "\"UBND các xã, thị trấn\",,,Trước ngày 30/3/2024,by_date,,2024-03-30,2024-04-01,false,false,,\r\n"));
    CHECK_THAT(csv, Contains("\"Chọn đơn vị số hóa theo\nhướng dẫn C:\\HoTich\\2024\""));
    CHECK_THAT(csv, Contains(",after_event,,,,false,false,Bộ Tư pháp có văn bản hướng dẫn,ev-1\r\n"));
}

TEST_CASE("a file written atomically replaces the old one whole, and a failure names the file", "[file]") {
    const auto folder = std::filesystem::temp_directory_path() / "kehoach-test-atomic";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    const auto path = folder / "ke-hoach.ics";
    write_file_atomically(path, "cũ");
    write_file_atomically(path, "mới\r\n");
    CHECK(read_input(path) == "mới\r\n");
    CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator{}) == 1);
    CHECK_THROWS_WITH(write_file_atomically(folder / "no-such-folder" / "x.csv", "x"),
                      Contains("x.csv: cannot create a temporary file beside it: No such file or directory"));
    std::filesystem::remove_all(folder);
}
