#include <kehoach/error.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/track/status_log.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace kehoach;

namespace {

date day(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }

const plan& ia_mo() {
    static const plan p = load_plan(KEHOACH_SOURCE_DIR "/tests/data/tracking/ia-mo-2023.txt");
    return p;
}

std::string parse_failure(std::string_view text) {
    try {
        (void)parse_status_log(text, "log.csv");
    } catch (const parse_error& e) {
        return e.what();
    }
    return "no error";
}

/// A scratch folder, emptied for each test.
std::filesystem::path scratch(std::string_view name) {
    auto dir = std::filesystem::temp_directory_path() / "kehoach-status-tests" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string contents(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

TEST_CASE("status@1 CSV reads as spreadsheets write it", "[status_log]") {
    // A byte-order mark, CRLF, columns in another order, a note with a comma, a quote and a line break.
    const auto log = parse_status_log(
        "\xEF\xBB\xBFstate,item,date,note,percent\r\n"
        "progress,1.1,2023-05-02,\"Xong 2 thôn, còn \"\"thôn 5\"\"\nvà thôn 6\",40\r\n"
        "\r\n"
        "done,1.2,2023-05-09,,\r\n");
    REQUIRE(log.size() == 2);
    const auto& first = log.updates()[0];
    CHECK(first.item == "1.1");
    CHECK(first.day == day(2023, 5, 2));
    CHECK(first.state == status_state::progress);
    CHECK(first.percent == 40);
    CHECK(first.note == "Xong 2 thôn, còn \"thôn 5\"\nvà thôn 6");
    CHECK(first.line == 2);
    CHECK(log.updates()[1].line == 5);
    CHECK_FALSE(log.updates()[1].percent);
}

TEST_CASE("a malformed status log is refused at the place it goes wrong", "[status_log]") {
    CHECK(parse_failure("") == "log.csv:1:1: empty: a status log begins with a header naming item, date and state");
    CHECK(parse_failure("item,date\n") == "log.csv:1:1: the header has no \"state\" column");
    CHECK(parse_failure("item,date,state,owner\n") ==
          "log.csv:1:17: unknown column \"owner\" (status@1 has item, date, state, percent, note, plan)");
    CHECK(parse_failure("item,date,state\n1.1,2023-02-30,done\n") ==
          "log.csv:2:5: \"2023-02-30\" is not a date of the form YYYY-MM-DD that exists");
    CHECK(parse_failure("item,date,state\n1.1,2023-05-02,finished\n") ==
          "log.csv:2:16: unknown state \"finished\" (expected one of: started, progress, done, cancelled)");
    CHECK(parse_failure("item,date,state,percent\n1.1,2023-05-02,progress,40%\n") ==
          "log.csv:2:25: \"40%\" is not a whole number of percent");
    // The same bound as JSON's, so that a log either format reads, the other reads too.
    CHECK(parse_failure("item,date,state,percent\n1.1,2023-05-02,progress,100222222\n") ==
          "log.csv:2:25: 100222222 is out of range -1000000..1000000");
    CHECK(parse_failure("item,date,state,percent\n1.1,2023-05-02,progress,-1000001\n") ==
          "log.csv:2:25: -1000001 is out of range -1000000..1000000");
    CHECK(parse_status_log("item,date,state,percent\n1.1,2023-05-02,progress,1000000\n").updates()[0].percent == 1'000'000);
    CHECK(parse_failure("item,date,state\n1.1,2023-05-02\n") == "log.csv:2:1: 2 fields, but the header names 3");
    CHECK(parse_failure("item,date,state,note\n1.1,2023-05-02,done,\"never closed\n") ==
          "log.csv:2:21: a quoted field is never closed");
    CHECK(parse_failure(R"({"schema": "kehoach/status@1", "updates": [{"item": "1.1", "date": "2023-05-02", "state": "dun"}]})") ==
          "log.csv:1:91: updates[0].state: unknown state \"dun\" (expected one of: started, progress, done, cancelled)");
}

TEST_CASE("status@1 JSON and CSV say the same", "[status_log]") {
    const auto csv = parse_status_log("item,date,state,percent,note\nII.1.3,2023-05-20,started,10,\"a, b\"\n");
    const auto json = parse_status_log(status_json(csv));
    CHECK(status_csv(json) == status_csv(csv));
    REQUIRE(json.size() == 1);
    CHECK(json.updates()[0].note == "a, b");
    CHECK(json.updates()[0].line == 4);
}

TEST_CASE("U+FEFF inside a field is text; only at a line's start does it mean files joined", "[status_log]") {
    // Pasted from a word processor: a zero-width no-break space inside a note, and one leading a note.
    const auto json = parse_status_log(R"({"schema": "kehoach/status@1", "updates": [
        {"item": "1.1", "date": "2023-05-02", "state": "progress", "note": "Đã rà soát\uFEFF 9 hồ sơ"},
        {"item": "\uFEFF1.2", "date": "2023-05-09", "state": "done"}]})");
    const auto csv = status_csv(json);
    const auto again = parse_status_log(csv);
    REQUIRE(again.size() == 2);
    CHECK(again.updates()[0].note == "Đã rà soát\xEF\xBB\xBF 9 hồ sơ");
    CHECK(again.updates()[1].item == "\xEF\xBB\xBF" "1.2");
    CHECK(status_csv(again) == csv);
    CHECK(parse_failure("item,date,state\n1.1,2023-05-02,done\n\xEF\xBB\xBFitem,date,state\n") ==
          "log.csv:3:1: a byte-order mark inside the text (files joined together?): remove it");
}

TEST_CASE("validation reports every problem against the plan, with its line", "[status_log]") {
    const auto log = parse_status_log(
        "item,date,state,percent\n"
        "II.1.9,2023-05-02,progress,\n"     // no such item
        "II.1.1,2023-03-02,started,\n"      // before the plan was issued (7/4)
        "II.1.3,2023-05-02,progress,140\n"  // not a percent
        "II.1.2,2023-05-04,done,100\n"
        "II.1.2,2023-05-20,progress,90\n"   // after it was done
        "1.3,2023-05-21,progress,20\n");    // a number names one item: fine
    const auto found = log.validate(ia_mo());
    REQUIRE(found.size() == 4);
    CHECK(found[0].code == "unknown_item");
    CHECK(found[0].line == 2);
    CHECK(found[0].severity == severity::error);
    CHECK(found[1].code == "before_plan");
    CHECK(found[1].line == 3);
    CHECK(found[1].message == "II.1.1: dated 2023-03-02, before the plan 31/KH-UBND was issued on 2023-04-07");
    CHECK(found[2].code == "percent_out_of_range");
    CHECK(found[2].line == 4);
    CHECK(found[3].code == "regression");
    CHECK(found[3].severity == severity::warning);
    CHECK(found[3].line == 6);

    // The rows with errors are left out of what snapshots see; the regression stands.
    const auto resolved = resolve(log, ia_mo());
    CHECK(resolved.rows.size() == 3);
    CHECK(resolved.rows.back().item == ia_mo().lookup("II.1.3"));
}

TEST_CASE("appending to a log keeps what was there", "[status_log]") {
    const auto dir = scratch("append");
    const auto csv = dir / "status.csv";
    const std::string before = "\xEF\xBB\xBFnote,item,date,state\r\n\"kept, as written\",II.1.1,2023-05-02,started";
    std::ofstream(csv, std::ios::binary) << before;
    const std::vector<status_update> more{{.item = "II.1.1", .day = day(2023, 5, 9), .state = status_state::done, .note = "xong"}};
    append_status(csv, more);
    CHECK(contents(csv) == before + "\nxong,II.1.1,2023-05-09,done\n");
    REQUIRE(read_status_log(csv).size() == 2);

    // A JSON log, and a new one.
    const auto json = dir / "status.json";
    append_status(json, more);
    append_status(json, more);
    CHECK(read_status_log(json).size() == 2);
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 2);

    // Nothing is added to what is not a status log.
    const auto other = dir / "plan.txt";
    std::ofstream(other) << "KẾ HOẠCH\n";
    CHECK_THROWS_AS(append_status(other, more), parse_error);
    CHECK(contents(other) == "KẾ HOẠCH\n");
}
