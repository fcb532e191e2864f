#include <kehoach/time/deadline.hpp>

#include <kehoach/io/plan_json.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;
using namespace std::chrono;

namespace {

const date issued = sys_days{2023y / April / 7};

deadline read(std::string_view text) {
    const auto reading = parse_deadline(text, issued);
    INFO(text);
    CHECK(reading.diagnostics.empty());
    return reading.deadline;
}

void check_window(std::string_view text, date start, date end) {
    INFO(text);
    const auto d = read(text);
    CHECK(d.kind == deadline_kind::within_period);
    CHECK(d.start == start);
    CHECK(d.end == end);
    CHECK(d.text == text);
}

void check_by(std::string_view text, date end) {
    INFO(text);
    const auto d = read(text);
    CHECK(d.kind == deadline_kind::by_date);
    CHECK_FALSE(d.start);
    CHECK(d.end == end);
}

void check_unknown(std::string_view text, std::string_view code) {
    INFO(text);
    const auto reading = parse_deadline(text, issued);
    CHECK(reading.deadline.kind == deadline_kind::unknown);
    CHECK(reading.deadline.text == text);
    CHECK_FALSE(reading.deadline.end);
    REQUIRE(reading.diagnostics.size() == 1);
    CHECK(reading.diagnostics[0].code == code);
}

}  // namespace

TEST_CASE("months, quarters, halves and years are windows", "[deadline]") {
    check_window("Trong tháng 3/2023", sys_days{2023y / March / 1}, sys_days{2023y / March / 31});
    check_window("tháng 4-2023", sys_days{2023y / April / 1}, sys_days{2023y / April / 30});
    check_window("vào tháng 12 năm 2025", sys_days{2025y / December / 1}, sys_days{2025y / December / 31});
    check_window("Tháng 10 - 12/2023", sys_days{2023y / October / 1}, sys_days{2023y / December / 31});
    check_window("Tháng 5, tháng 6/2024", sys_days{2024y / May / 1}, sys_days{2024y / June / 30});
    check_window("Trong tháng 2", sys_days{2023y / February / 1}, sys_days{2023y / February / 28});
    check_window("Trong quý I/2023", sys_days{2023y / January / 1}, sys_days{2023y / March / 31});
    check_window("Quý 2/2024", sys_days{2024y / April / 1}, sys_days{2024y / June / 30});
    check_window("Quý III-IV/2023", sys_days{2023y / July / 1}, sys_days{2023y / December / 31});
    check_window("quý I, II năm 2023", sys_days{2023y / January / 1}, sys_days{2023y / June / 30});
    check_window("6 tháng đầu năm 2023", sys_days{2023y / January / 1}, sys_days{2023y / June / 30});
    check_window("6 tháng cuối năm", sys_days{2023y / July / 1}, sys_days{2023y / December / 31});
    check_window("Năm 2024", sys_days{2024y / January / 1}, sys_days{2024y / December / 31});
    check_window("Giai đoạn 2024 - 2025", sys_days{2024y / January / 1}, sys_days{2025y / December / 31});
    check_window("năm 2024–2026", sys_days{2024y / January / 1}, sys_days{2026y / December / 31});
    check_window("Tuần đầu tháng 6/2024", sys_days{2024y / June / 1}, sys_days{2024y / June / 7});
    check_window("tuần cuối tháng 2/2024", sys_days{2024y / February / 23}, sys_days{2024y / February / 29});
}

TEST_CASE("the start, middle and end of a month or year follow Civil Code art. 146", "[deadline]") {
    check_by("đầu tháng 6/2024", sys_days{2024y / June / 1});
    check_by("Giữa tháng 2/2024", sys_days{2024y / February / 15});
    check_by("cuối tháng 2/2024", sys_days{2024y / February / 29});
    check_by("đầu năm 2024", sys_days{2024y / January / 1});
    check_by("giữa năm 2024", sys_days{2024y / June / 30});
    check_by("cuối năm", sys_days{2023y / December / 31});
}

TEST_CASE("dates and ranges", "[deadline]") {
    check_by("Trước ngày 30/6/2023", sys_days{2023y / June / 30});
    check_by("trước 15/8/2023", sys_days{2023y / August / 15});
    check_by("Chậm nhất ngày 18-6-2023", sys_days{2023y / June / 18});
    check_by("(30-6)", sys_days{2023y / June / 30});
    check_by("10.10", sys_days{2023y / October / 10});
    check_by("hoàn thành trước ngày 15 tháng 9 năm 2024", sys_days{2024y / September / 15});
    check_by("trước tháng 6/2023", sys_days{2023y / May / 31});
    check_window("Từ 16/4/2024 đến 31/5/2024", sys_days{2024y / April / 16}, sys_days{2024y / May / 31});
    check_window("Từ tháng 3 đến tháng 5/2024", sys_days{2024y / March / 1}, sys_days{2024y / May / 31});
    check_window("Từ tháng 3 đến hết tháng 5/2024", sys_days{2024y / March / 1}, sys_days{2024y / May / 31});
    // "đến hết" a period: due on its last day, from whenever the plan starts.
    check_by("Đến hết năm 2025", sys_days{2025y / December / 31});
    check_by("Từ nay đến hết quý III/2024", sys_days{2024y / September / 30});
    const auto from = read("Từ ngày 01/6/2023");
    CHECK(from.kind == deadline_kind::from_date);
    CHECK(from.start == sys_days{2023y / June / 1});
    CHECK_FALSE(from.end);
}

TEST_CASE("ongoing work", "[deadline]") {
    for (auto text : {"Thường xuyên", "Thực hiện thường xuyên", "Thực hiện thường xuyên theo lộ trình",
                      "Thường xuyên, liên tục"}) {
        const auto d = read(text);
        CHECK(d.kind == deadline_kind::ongoing);
        CHECK_FALSE(d.start);
        CHECK_FALSE(d.end);
    }
}

TEST_CASE("a window followed by ongoing work, and soft targets", "[deadline]") {
    const auto q1 = read("Trong quý I/2023 và duy trì thường xuyên trong những năm tiếp theo");
    CHECK(q1.kind == deadline_kind::within_period);
    CHECK(q1.end == sys_days{2023y / March / 31});
    CHECK(q1.also_ongoing);
    CHECK_FALSE(q1.soft);
    const auto year = read("Năm 2023 và các năm tiếp theo");
    CHECK(year.also_ongoing);
    CHECK(year.end == sys_days{2023y / December / 31});
    const auto soft = read("Phấn đấu hoàn thành trong quý II/2023");
    CHECK(soft.soft);
    CHECK_FALSE(soft.also_ongoing);
    CHECK(soft.start == sys_days{2023y / April / 1});
    CHECK_FALSE(read("Trong quý I/2023").also_ongoing);
}

TEST_CASE("recurring obligations", "[deadline]") {
    using rule = recurrence_rule;
    auto rules = [](std::string_view text) {
        const auto d = read(text);
        CHECK(d.kind == deadline_kind::recurring);
        return d.recurrence;
    };
    CHECK(rules("trước ngày 12 hàng tháng") == std::vector<rule>{{.freq = frequency::monthly, .day = 12, .before = true}});
    CHECK(rules("Trước ngày 12 hằng tháng") == rules("trước ngày 12 hàng tháng"));
    CHECK(rules("báo cáo hằng tháng") == std::vector<rule>{{.freq = frequency::monthly}});
    CHECK(rules("Hằng quý, trước ngày 10 tháng đầu quý sau") ==
          std::vector<rule>{{.freq = frequency::quarterly, .day = 10, .before = true, .month = 1, .next_period = true}});
    CHECK(rules("định kỳ hằng quý, 6 tháng, năm") ==
          std::vector<rule>{{.freq = frequency::quarterly}, {.freq = frequency::semiannual}, {.freq = frequency::annual}});
    CHECK(rules("trước ngày 30 tháng 12 hàng năm") ==
          std::vector<rule>{{.freq = frequency::annual, .day = 30, .before = true, .month = 12}});
    CHECK(rules("trước 16 giờ 00 ngày thứ Sáu hằng tuần") ==
          std::vector<rule>{{.freq = frequency::weekly, .weekday = 5, .before = true, .minute_of_day = 16 * 60}});
}

TEST_CASE("events, with the event's words kept", "[deadline]") {
    const auto decree = read("Sau khi Chính phủ ban hành Nghị định");
    CHECK(decree.kind == deadline_kind::after_event);
    CHECK(decree.event == "Chính phủ ban hành Nghị định");
    CHECK_FALSE(decree.end);
    CHECK(read("Sau khi có văn bản hướng dẫn của Bộ Công an").event == "có văn bản hướng dẫn của Bộ Công an");
    CHECK(read("Sau khi có hướng dẫn của Bộ Công an, Bộ Tư pháp").event == "có hướng dẫn của Bộ Công an, Bộ Tư pháp");
    CHECK(read("Ngay sau khi Kế hoạch được ban hành").event == "Kế hoạch được ban hành");
    const auto council = read("Trình HĐND tỉnh tại kỳ họp cuối năm 2024");
    CHECK(council.kind == deadline_kind::after_event);
    CHECK(council.event == "Trình HĐND tỉnh tại kỳ họp cuối năm 2024");
    CHECK(council.end == sys_days{2024y / December / 31});
    const auto both = read("Sau khi hoàn thành nhiệm vụ 2.1; hoàn thành trước ngày 30-6-2024");
    CHECK(both.kind == deadline_kind::after_event);
    CHECK(both.event == "hoàn thành nhiệm vụ 2.1");
    CHECK(both.end == sys_days{2024y / June / 30});
}

TEST_CASE("NFD, any dash, spacing and case read alike", "[deadline]") {
    const auto plain = read("Tháng 10 - 12/2023");
    for (auto text : {"Tha\u0301ng 10 - 12/2023", "Tháng 10 – 12/2023", "tháng 10—12/2023", "THÁNG  10 -  12 / 2023"}) {
        INFO(text);
        const auto d = read(text);
        CHECK(d.kind == plain.kind);
        CHECK(d.start == plain.start);
        CHECK(d.end == plain.end);
        CHECK(d.text == text);
    }
    CHECK(read("TRONG QUÝ I/2023").end == sys_days{2023y / March / 31});
    CHECK(read("Sau khi Chi\u0301nh phu\u0309 ban ha\u0300nh Nghị định").event == "Chính phủ ban hành Nghị định");
}

TEST_CASE("what cannot be read is unknown with a diagnostic, never a guess", "[deadline]") {
    check_unknown("Tháng 13/2023", "invalid_date");
    check_unknown("31/02/2023", "invalid_date");
    check_unknown("Quý V/2023", "unrecognized_deadline");
    check_unknown("Quý 5/2023", "invalid_date");
    check_unknown("Từ 31/5/2024 đến 16/4/2024", "invalid_date");
    check_unknown("Giai đoạn 2025 - 2021", "invalid_date");
    check_unknown("Theo chỉ đạo của UBND tỉnh", "unrecognized_deadline");
    check_unknown("", "unrecognized_deadline");
    check_unknown("Trong tháng 3 và tháng 9/2023", "ambiguous_deadline");
    check_unknown("Trong tháng 3/2023, hoàn thành trước 15/3/2023", "ambiguous_deadline");
    check_unknown("Trong \xC3\x28 tháng 3", "invalid_text");
    const auto no_year = parse_deadline("Trong tháng 3");
    CHECK(no_year.deadline.kind == deadline_kind::unknown);
    REQUIRE(no_year.diagnostics.size() == 1);
    CHECK(no_year.diagnostics[0].code == "missing_year");
    CHECK(no_year.diagnostics[0].column == 7);
}

TEST_CASE("every deadline phrase of the founding plan reads as the plan file says", "[deadline][founding]") {
    const auto plan = load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    std::size_t phrases = 0;
    for (const auto& it : plan.items()) {
        if (!it.deadline) continue;
        ++phrases;
        INFO(it.id << ": " << it.deadline->text);
        const auto reading = parse_deadline(it.deadline->text, plan.info.date);
        CHECK(reading.diagnostics.empty());
        CHECK(reading.deadline == *it.deadline);
    }
    CHECK(phrases == 49);
}

TEST_CASE("a number longer than four digits is no year: no date past 9999 or wrapped around", "[deadline]") {
    // Found by fuzz_read_plan (fuzz/regressions/read_plan/): "Quý I/2011...124" read as the year
    // 1,000,000, which std::chrono::year wrapped to 16960, a date plan@1 cannot write back.
    check_unknown("Năm 1000000", "unrecognized_deadline");
    // Written as a day's date, it is that date, refused as one that does not exist, at its place.
    check_unknown("Trước ngày 30/6/20231", "invalid_date");
    const auto quarter = parse_deadline("Quý I/20111111124");
    CHECK(quarter.deadline.kind == deadline_kind::unknown);
    CHECK_FALSE(quarter.deadline.end);
}
