#include <kehoach/io/ics.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/parse/plan_reader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kehoach;
using Catch::Matchers::Contains;

namespace {

const std::string tracking = KEHOACH_SOURCE_DIR "/tests/data/tracking/";
const std::string exports = KEHOACH_SOURCE_DIR "/tests/data/exports/";

/// Physical lines of iCalendar text, CRLF stripped.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find("\r\n", at);
        REQUIRE(end != std::string::npos);  // every line ends in CRLF, the last one too
        out.push_back(text.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

/// RFC 5545 §3.1 unfolding: a CRLF followed by a space is removed.
std::string unfold(const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.compare(at, 3, "\r\n ") == 0) {
            at += 2;
            continue;
        }
        out += text[at];
    }
    return out;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

const ics_options fixed{.stamp = std::chrono::sys_days{std::chrono::year{2023} / 5 / 2}};

}  // namespace

TEST_CASE("a long Vietnamese title folds at 75 octets, never inside a character, and unfolds back", "[ics]") {
    std::string title;
    while (title.size() < 200 * 2) title += "Rà soát, cập nhật dữ liệu hộ tịch điện tử; ";  // 2–3 octets a letter
    const auto line = "SUMMARY:" + ics_escape(title);
    const auto folded = ics_fold(line);
    const auto lines = physical_lines(folded);
    REQUIRE(lines.size() > 5);
    for (const auto& l : lines) {
        CHECK(l.size() <= 75);
        CHECK(valid_utf8(l));  // each physical line on its own: no sequence split across a fold
    }
    for (std::size_t k = 1; k < lines.size(); ++k) CHECK(lines[k].front() == ' ');
    CHECK(unfold(folded) == line + "\r\n");
}

TEST_CASE("a line of exactly 75 octets is not folded, one more octet is", "[ics]") {
    const std::string exact(75, 'a');
    CHECK(ics_fold(exact) == exact + "\r\n");
    CHECK(ics_fold(exact + "b") == exact + "\r\n b\r\n");
    SECTION("a four-octet character at the border moves whole to the next line") {
        const std::string line = std::string(73, 'a') + "\xF0\x9F\x93\x85";  // 📅
        CHECK(ics_fold(line) == std::string(73, 'a') + "\r\n \xF0\x9F\x93\x85\r\n");
    }
}

TEST_CASE("TEXT escapes backslashes, semicolons, commas and line breaks", "[ics]") {
    CHECK(ics_escape(R"(C:\Hồ sơ; sổ A, sổ B)") == R"(C:\\Hồ sơ\; sổ A\, sổ B)");
    CHECK(ics_escape("dòng 1\ndòng 2\r\ndòng 3") == R"(dòng 1\ndòng 2\ndòng 3)");
    CHECK(ics_escape("a\x01" "b") == "a b");
}

TEST_CASE("each dated deadline is an all-day event on its due day, rolled past rest days", "[ics]") {
    const auto plan = load_plan(tracking + "ia-mo-2023.txt");
    const auto ics = to_ics(plan, fixed);
    const auto text = unfold(ics.text);
    CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kehoach//kehoach "));
    CHECK_THAT(text, Contains("DTSTAMP:20230502T000000Z\r\n"));
    // "Trước ngày 30/4/2023": Sunday in the 29/4–3/5 holidays, so due Thursday 4/5.
    CHECK_THAT(text, Contains("UID:31/KH-UBND/2023-04-07/II.1.2@kehoach\r\nDTSTAMP:20230502T000000Z\r\n"
                              "DTSTART;VALUE=DATE:20230504\r\nDTEND;VALUE=DATE:20230505\r\n"
                              "SUMMARY:[31/KH-UBND] 1.2 Rà soát hồ sơ đăng ký khai sinh tồn đọng\r\n"));
    CHECK_THAT(text, Contains(R"(Hạn 30/04/2023 là ngày nghỉ\, nên hạn là ngày làm việc tiếp theo.)"));
    // "Trong quý II/2023": on the window's last day, the window in the description.
    CHECK_THAT(text, Contains("DTSTART;VALUE=DATE:20230630\r\n"));
    CHECK_THAT(text, Contains(R"(Thời gian thực hiện: 01/04/2023 – 30/06/2023\nĐơn vị chủ trì: Văn phòng – Thống kê xã\nĐơn vị phối hợp: Công an xã)"));
    CHECK_THAT(text, Contains(R"(Người ký: TM. Ủy ban nhân dân\, Chủ tịch Lê Văn Bình)"));
}

TEST_CASE("a monthly report due before the 12th repeats on the 11th from the issue date", "[ics]") {
    const auto plan = load_plan(tracking + "ia-mo-2023.txt");
    const auto text = unfold(to_ics(plan, fixed).text);
    CHECK_THAT(text, Contains("DTSTART;VALUE=DATE:20230411\r\nDTEND;VALUE=DATE:20230412\r\nRRULE:FREQ=MONTHLY;BYMONTHDAY=11\r\n"));
}

TEST_CASE("recurrence rules become RRULEs that date occurrences as tracking does", "[ics]") {
    const auto plan = load_plan_json(exports + "krong-son-2024.plan.json");
    const auto text = unfold(to_ics(plan, fixed).text);
    // Quarterly, before the 10th of the next quarter's first month: 9/4, 9/7, ... from the plan of 4/3/2024.
    CHECK_THAT(text, Contains("DTSTART;VALUE=DATE:20240409\r\nDTEND;VALUE=DATE:20240410\r\n"
                              "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=9\r\n"));
}

TEST_CASE("ongoing work and work after an event not yet dated are left out, and counted", "[ics]") {
    auto plan = load_plan_json(exports + "krong-son-2024.plan.json");
    auto ics = to_ics(plan, fixed);
    std::vector<std::string> left_out;
    for (auto i : ics.left_out) left_out.push_back(plan[i].id);
    CHECK(left_out == std::vector<std::string>{"2.3", "4"});
    CHECK(ics.events == 5);  // 1.1, 1.2, 2.1, 2.2 and the report; the sections have no deadline
    SECTION("once the event has a date, the work goes on that day") {
        auto json = to_plan_json(plan);
        json.replace(json.find(R"("id": "ev-1")"), 12, R"("id": "ev-1", "date": "2024-05-20")");
        const auto dated = to_ics(parse_plan_json(json), fixed);
        CHECK(dated.left_out.size() == 1);
        CHECK_THAT(unfold(dated.text), Contains("DTSTART;VALUE=DATE:20240520\r\n"));
        CHECK_THAT(unfold(dated.text), Contains("Bắt đầu sau khi: Bộ Tư pháp có văn bản hướng dẫn (20/05/2024)"));
    }
}

TEST_CASE("redacting leaves out the signer's name and keeps the title", "[ics]") {
    const auto plan = load_plan(tracking + "ia-mo-2023.txt");
    auto options = fixed;
    options.redact = true;
    const auto text = unfold(to_ics(plan, options).text);
    CHECK(text.find("Lê Văn Bình") == std::string::npos);
    CHECK_THAT(text, Contains("Người ký: TM. Ủy ban nhân dân\\, Chủ tịch\r\n"));
}

TEST_CASE("English labels on request, and the plan's own words as written", "[ics]") {
    const auto plan = load_plan(tracking + "ia-mo-2023.txt");
    auto options = fixed;
    options.lang = language::en;
    const auto text = unfold(to_ics(plan, options).text);
    CHECK_THAT(text, Contains(R"(DESCRIPTION:Deadline: Trước ngày 30/4/2023\n2023-04-30 is a rest day)"));
    CHECK_THAT(text, Contains("PRODID:-//kehoach//kehoach "));
}
