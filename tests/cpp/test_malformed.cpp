// The malformed-input corpus (tests/data/malformed/cases.json, docs/hardening.md): every case is a
// parse_error at the line and column the manifest gives, with a message that says what is wrong.

#include <kehoach/kehoach.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path corpus = fs::path(KEHOACH_SOURCE_DIR) / "tests" / "data" / "malformed";

json manifest() {
    std::ifstream in(corpus / "cases.json");
    return json::parse(in)["cases"];
}

std::string name_of(const json& c) { return c.contains("file") ? c["file"].get<std::string>() : c["name"].get<std::string>(); }

/// The file a case reads: committed, or, for the large ones, made here from the manifest's
/// `generate`: `head`, then `repeat` `times` times, then `tail`.
fs::path input_of(const json& c) {
    if (c.contains("file")) return corpus / c["file"].get<std::string>();
    const auto& g = c["generate"];
    const auto path = fs::temp_directory_path() / "kehoach-malformed" / c["name"].get<std::string>();
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << g.value("head", "");
    const auto repeat = g["repeat"].get<std::string>();
    for (std::size_t i = 0, times = g["times"].get<std::size_t>(); i < times; ++i) out << repeat;
    out << g.value("tail", "");
    return path;
}

kehoach::read_limits limits_of(const json& c) {
    kehoach::read_limits limits;
    const auto set = c.value("limits", json::object());
    limits.max_input_bytes = set.value("max_input_bytes", limits.max_input_bytes);
    limits.max_line_length = set.value("max_line_length", limits.max_line_length);
    limits.max_items = set.value("max_items", limits.max_items);
    limits.max_depth = set.value("max_depth", limits.max_depth);
    return limits;
}

void read(const json& c, const fs::path& path) {
    const auto reader = c["reader"].get<std::string>();
    const auto limits = limits_of(c);
    if (reader == "document" || reader == "table") (void)kehoach::load_plan(path, {.strict = c.value("strict", false), .limits = limits});
    else if (reader == "plan_json") (void)kehoach::load_plan_json(path, limits);
    else if (reader == "units") (void)kehoach::load_units(path, limits);
    else if (reader == "status") (void)kehoach::read_status_log(path, limits);
    else FAIL("unknown reader " << reader);
}

}  // namespace

TEST_CASE("the malformed-input corpus lists every file it holds, for every reader", "[malformed]") {
    const auto cases = manifest();
    CHECK(cases.size() >= 100);
    std::map<std::string, int> per_reader;
    std::set<std::string> listed;
    for (const auto& c : cases) {
        ++per_reader[c["reader"].get<std::string>()];
        if (c.contains("file")) CHECK(listed.insert(c["file"].get<std::string>()).second);
    }
    for (const auto* reader : {"document", "table", "plan_json", "units", "status"}) {
        INFO(reader);
        CHECK(per_reader[reader] >= 10);
    }
    // A file left out of the manifest would be tested by nothing.
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        const auto relative = fs::relative(entry.path(), corpus).generic_string();
        if (!entry.is_regular_file() || relative == "cases.json" || relative == "make_cases.py" || relative.starts_with("cycles/")) continue;
        INFO(relative);
        CHECK(listed.count(relative) == 1);
    }
}

TEST_CASE("every malformed input is a parse_error at its file, line and column", "[malformed]") {
    for (const auto& c : manifest()) {
        const auto path = input_of(c);
        INFO(name_of(c));
        try {
            read(c, path);
            FAIL_CHECK("read without an error");
        } catch (const kehoach::parse_error& e) {
            INFO(e.what());
            CHECK(e.where().source == path.string());
            CHECK(e.where().line == c["line"].get<std::size_t>());
            CHECK(e.where().column == c["column"].get<std::size_t>());
            CHECK_THAT(e.message(), Catch::Contains(c["message"].get<std::string>()));
        }
        if (c.contains("generate")) fs::remove(path);
    }
}

TEST_CASE("a dependency cycle reads, and lint and the schedule name the items on it", "[malformed][lint]") {
    // The document's items are I.1 and I.2, numbered 1 and 2; the plan@1 file's are 1 and 2. A
    // document's finding has the line of the item the cycle starts at.
    for (const auto& [file, line] : {std::pair{"plan-dependency-cycle.txt", 12}, std::pair{"plan-dependency-cycle.json", 0}}) {
        INFO(file);
        const auto p = kehoach::load_plan(corpus / "cycles" / file);
        const auto findings = kehoach::lint(p);
        const auto cycle = std::find_if(findings.begin(), findings.end(), [](const auto& d) { return d.code == "cycle"; });
        REQUIRE(cycle != findings.end());
        CHECK(cycle->severity == kehoach::severity::error);
        CHECK(cycle->line == static_cast<std::size_t>(line));
        CHECK_THAT(cycle->message, Catch::Contains("mục 1 → mục 2 → mục 1"));
        CHECK_THROWS_AS(kehoach::plan_graph::of(p).schedule(kehoach::calendar::vietnam()), kehoach::cycle_error);
    }
}

TEST_CASE("limits apply to input given as text, not only to files", "[malformed]") {
    const kehoach::read_limits tight{.max_input_bytes = 16};
    CHECK_THROWS_WITH(kehoach::parse_plan_json(R"({"schema": "kehoach/plan@1", "plan": {}, "items": []})", "p.json", tight),
                      Catch::StartsWith("p.json:1:17: more than 16 bytes of input") && Catch::Contains("--max-input-bytes"));
    CHECK_THROWS_WITH(kehoach::parse_status_log("item,date,state\n1,2024-01-02,done\n", "log.csv", tight),
                      Catch::StartsWith("log.csv:2:1: more than 16 bytes"));
    CHECK_THROWS_WITH(kehoach::read_plan("KẾ HOẠCH\n1. Việc\nĐơn vị thực hiện: Công an xã.\n", {.source = "p.txt", .limits = tight}),
                      Catch::StartsWith("p.txt:2:4: more than 16 bytes"));
    const std::vector<std::vector<std::string>> rows{{"STT", "Nội dung", "Đơn vị chủ trì"}, {"1", "Việc", "Công an xã"}};
    CHECK_THROWS_WITH(kehoach::read_plan_table(rows, {}, {.source = "t", .limits = {.max_items = 1}}),
                      Catch::StartsWith("t:2:1: more than 1 rows"));
}
