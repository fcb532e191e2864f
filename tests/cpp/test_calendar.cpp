#include <kehoach/time/calendar.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace kehoach;
using namespace std::chrono;
using Catch::Contains;

namespace {

const calendar& vietnam() {
    static const calendar cal = calendar::vietnam();
    return cal;
}

void check_block_off(date first, date last) {
    for (date d = first; d <= last; d += days{1}) {
        INFO(to_iso(d));
        CHECK_FALSE(vietnam().is_working_day(d));
    }
    // The days around a block are worked when they are weekdays.
    for (date d : {first - days{1}, last + days{1}}) {
        INFO(to_iso(d));
        if (weekday{d}.iso_encoding() <= 5) CHECK(vietnam().is_working_day(d));
    }
}

std::optional<calendar_day> entry(int year_, date day) {
    for (const auto& h : vietnam().holidays(year_))
        if (h.day == day) return h;
    return std::nullopt;
}

}  // namespace

TEST_CASE("the official civil-service blocks of 2023 to 2026 are days off", "[calendar]") {
    check_block_off(sys_days{2023y / January / 20}, sys_days{2023y / January / 26});  // Tết Quý Mão
    check_block_off(sys_days{2023y / April / 29}, sys_days{2023y / May / 3});
    check_block_off(sys_days{2023y / September / 1}, sys_days{2023y / September / 4});
    check_block_off(sys_days{2024y / February / 8}, sys_days{2024y / February / 14});  // Tết Giáp Thìn
    check_block_off(sys_days{2024y / April / 27}, sys_days{2024y / May / 1});
    check_block_off(sys_days{2024y / August / 31}, sys_days{2024y / September / 3});
    check_block_off(sys_days{2025y / January / 25}, sys_days{2025y / February / 2});  // Tết Ất Tỵ
    check_block_off(sys_days{2025y / April / 5}, sys_days{2025y / April / 7});
    check_block_off(sys_days{2025y / April / 30}, sys_days{2025y / May / 4});
    check_block_off(sys_days{2025y / August / 30}, sys_days{2025y / September / 2});
    check_block_off(sys_days{2026y / January / 1}, sys_days{2026y / January / 4});
    check_block_off(sys_days{2026y / February / 14}, sys_days{2026y / February / 22});  // Tết Bính Ngọ
    check_block_off(sys_days{2026y / April / 25}, sys_days{2026y / April / 27});
    check_block_off(sys_days{2026y / April / 30}, sys_days{2026y / May / 3});
    check_block_off(sys_days{2026y / August / 29}, sys_days{2026y / September / 2});
}

TEST_CASE("make-up Saturdays are working days", "[calendar]") {
    for (date saturday : {sys_days{2024y / May / 4}, sys_days{2025y / April / 26}, sys_days{2026y / January / 10},
                          sys_days{2026y / August / 22}}) {
        INFO(to_iso(saturday));
        CHECK(weekday{saturday} == Saturday);
        CHECK(vietnam().is_working_day(saturday));
        CHECK(entry(static_cast<int>(year_month_day{saturday}.year()), saturday)->kind == day_off_kind::makeup_workday);
    }
    CHECK_FALSE(vietnam().is_working_day(sys_days{2024y / May / 11}));  // an ordinary Saturday
}

TEST_CASE("Giỗ Tổ falls on 10/3 lunar, as published for 2020–2030", "[calendar]") {
    const std::vector<date> published{
        sys_days{2020y / April / 2},  sys_days{2021y / April / 21}, sys_days{2022y / April / 10}, sys_days{2023y / April / 29},
        sys_days{2024y / April / 18}, sys_days{2025y / April / 7},  sys_days{2026y / April / 26}, sys_days{2027y / April / 16},
        sys_days{2028y / April / 4},  sys_days{2029y / April / 23}, sys_days{2030y / April / 12}};
    for (const auto day : published) {
        const int y = static_cast<int>(year_month_day{day}.year());
        INFO(to_iso(day));
        const auto h = entry(y, day);
        REQUIRE(h);
        CHECK(h->name == "Giỗ Tổ Hùng Vương");
        CHECK(h->kind == day_off_kind::statutory);
    }
}

TEST_CASE("Tết without an official schedule: the last day of the year and four more, then compensation", "[calendar]") {
    // 2027: Tết is Saturday 6 February (29 Chạp is Friday 5 February).
    const auto days = vietnam().holidays(2027);
    std::vector<date> tet;
    for (const auto& h : days)
        if (h.name.find("Tết Nguyên đán") != std::string::npos) tet.push_back(h.day);
    CHECK(tet == std::vector<date>{sys_days{2027y / February / 5}, sys_days{2027y / February / 6}, sys_days{2027y / February / 7},
                                   sys_days{2027y / February / 8}, sys_days{2027y / February / 9}, sys_days{2027y / February / 10},
                                   sys_days{2027y / February / 11}});
    CHECK(entry(2027, sys_days{2027y / February / 10})->kind == day_off_kind::compensatory);
    CHECK(vietnam().is_working_day(sys_days{2027y / February / 12}));
}

TEST_CASE("a holiday on a weekly rest day gives the next working day off (art. 111(3))", "[calendar]") {
    // 2022, before the shipped schedules: as the Government then announced.
    const auto new_year = entry(2022, sys_days{2022y / January / 3});  // 1/1/2022 was a Saturday
    REQUIRE(new_year);
    CHECK(new_year->kind == day_off_kind::compensatory);
    CHECK(new_year->name == "Nghỉ bù Tết Dương lịch");
    CHECK_FALSE(vietnam().is_working_day(sys_days{2022y / April / 11}));  // Giỗ Tổ on Sunday 10/4
    CHECK_FALSE(vietnam().is_working_day(sys_days{2022y / May / 2}));     // 30/4 Saturday, 1/5 Sunday
    CHECK_FALSE(vietnam().is_working_day(sys_days{2022y / May / 3}));
    CHECK(vietnam().is_working_day(sys_days{2022y / May / 4}));
    // The 2012 Labor Code had one National Day holiday; the 2019 Code, from 2021, two.
    CHECK(vietnam().is_working_day(sys_days{2020y / September / 1}));
    CHECK_FALSE(vietnam().is_working_day(sys_days{2020y / September / 2}));
}

TEST_CASE("working-day arithmetic across Tết and weekends", "[calendar]") {
    const auto& cal = vietnam();
    const date before_tet = sys_days{2024y / February / 7};
    CHECK(cal.add_working_days(before_tet, 1) == sys_days{2024y / February / 15});
    CHECK(cal.add_working_days(sys_days{2024y / February / 15}, -1) == before_tet);
    CHECK(cal.working_days_between(before_tet, sys_days{2024y / February / 15}) == 1);
    CHECK(cal.next_working_day(sys_days{2024y / February / 10}) == sys_days{2024y / February / 15});
    CHECK(cal.previous_working_day(sys_days{2024y / February / 10}) == before_tet);
    CHECK(cal.add_working_days(sys_days{2024y / February / 10}, 0) == sys_days{2024y / February / 15});
    // Civil Code art. 148: a deadline on Saturday 2/9/2023 ends on Tuesday 5/9 (4/9 is compensatory).
    CHECK(cal.roll_forward(sys_days{2023y / September / 2}) == sys_days{2023y / September / 5});
    CHECK(cal.roll_forward(sys_days{2023y / September / 5}) == sys_days{2023y / September / 5});
    // Ten working days from Friday 26/4/2024: 27/4–1/5 off, 4/5 a make-up Saturday.
    CHECK(cal.add_working_days(sys_days{2024y / April / 26}, 1) == sys_days{2024y / May / 2});
    CHECK(cal.add_working_days(sys_days{2024y / April / 26}, 3) == sys_days{2024y / May / 4});
    // 2024: 262 weekdays, 12 of them holidays (1/1, five of Tết, Giỗ Tổ, 29/4–1/5, 2–3/9), one make-up Saturday.
    CHECK(cal.working_days_between(sys_days{2023y / December / 31}, sys_days{2024y / December / 31}) == 251);
}

TEST_CASE("the O(1) arithmetic agrees with counting day by day", "[calendar]") {
    const auto& cal = vietnam();
    auto count = [&](date from, date to) {
        int n = 0;
        for (date d = from + days{1}; d <= to; d += days{1}) n += cal.is_working_day(d) ? 1 : 0;
        return n;
    };
    auto walk = [&](date from, int n) {
        date d = from;
        for (int left = n; left > 0; --left) do d += days{1}; while (!cal.is_working_day(d));
        for (int left = -n; left > 0; --left) do d -= days{1}; while (!cal.is_working_day(d));
        return d;
    };
    std::mt19937 random(20230407);
    std::uniform_int_distribution<int> offset(0, 4 * 366), step(-80, 80);
    const date start = sys_days{2023y / January / 1};
    for (int trial = 0; trial < 2000; ++trial) {
        const date from = start + days{offset(random)};
        const int n = step(random);
        INFO(to_iso(from) << " + " << n);
        if (n != 0) CHECK(cal.add_working_days(from, n) == walk(from, n));
        const date to = start + days{offset(random)};
        if (to >= from) CHECK(cal.working_days_between(from, to) == count(from, to));
        else CHECK(cal.working_days_between(from, to) == -count(to, from));
    }
}

TEST_CASE("days off and working days can be added at run time", "[calendar]") {
    auto cal = calendar::vietnam();
    const date friday = sys_days{2027y / April / 30} - days{0};
    const date monday = sys_days{2027y / May / 3};
    CHECK_FALSE(cal.is_working_day(monday));  // 1/5/2027 is a Saturday: compensated on Monday
    cal.add_day_off(sys_days{2027y / May / 4}, "Hoán đổi ngày làm việc");
    cal.add_working_day(sys_days{2027y / May / 8}, "Làm bù cho ngày 04/5/2027");
    CHECK_FALSE(cal.is_working_day(sys_days{2027y / May / 4}));
    CHECK(cal.is_working_day(sys_days{2027y / May / 8}));
    CHECK(cal.add_working_days(friday, 1) == sys_days{2027y / May / 5});
    const auto listed = cal.holidays(2027);
    CHECK(std::count_if(listed.begin(), listed.end(), [](const auto& h) { return h.kind == day_off_kind::decreed; }) == 1);
    CHECK(vietnam().is_working_day(sys_days{2027y / May / 4}));  // other calendars are untouched
}

TEST_CASE("a schedule file replaces a year's computed days", "[calendar]") {
    auto cal = calendar::vietnam();
    cal.load_schedule(R"({"schema": "kehoach/holidays@1", "years": [{"year": 2027,
        "replaces": ["lunar_new_year"],
        "days_off": [{"from": "2027-02-04", "to": "2027-02-12", "kind": "statutory", "name": "Tết Nguyên đán Đinh Mùi"}],
        "working_days": [{"date": "2027-02-20", "name": "Làm bù"}]}]})");
    CHECK_FALSE(cal.is_working_day(sys_days{2027y / February / 4}));
    CHECK_FALSE(cal.is_working_day(sys_days{2027y / February / 12}));
    CHECK(cal.is_working_day(sys_days{2027y / February / 20}));
    const auto listed = cal.holidays(2027);
    CHECK(std::none_of(listed.begin(), listed.end(), [](const auto& h) { return h.name == "Nghỉ bù Tết Nguyên đán"; }));
    CHECK(std::any_of(listed.begin(), listed.end(), [](const auto& h) { return h.name == "Nghỉ bù Ngày Quốc tế Lao động"; }));
}

TEST_CASE("a bad schedule file names the place", "[calendar]") {
    auto cal = calendar::vietnam();
    CHECK_THROWS_WITH(cal.load_schedule(R"({"schema": "kehoach/holidays@1", "years": [{"year": 2027,
        "days_off": [{"date": "2027-02-30", "kind": "statutory", "name": "x"}]}]})", "extra.json"),
                      "extra.json:2:31: years[0].days_off[0].date: \"2027-02-30\" is not a date of the form YYYY-MM-DD that exists");
    CHECK_THROWS_WITH(cal.load_schedule(R"({"schema": "kehoach/holidays@1", "years": [{"year": 2027, "replaces": ["tet"]}]})"),
                      Contains("unknown occasion \"tet\" (expected one of: new_year, lunar_new_year"));
    CHECK_THROWS_WITH(cal.load_schedule(R"({"schema": "kehoach/holidays@1", "years": [{"year": 2027,
        "days_off": [{"from": "2027-02-05", "to": "2027-02-01", "kind": "decreed", "name": "x"}]}]})"),
                      Contains("the range ends before it starts"));
}

TEST_CASE("a unit that works on Saturdays keeps the holidays", "[calendar]") {
    const auto saturdays = vietnam().with_working_week({true, true, true, true, true, true, false});
    CHECK(saturdays.is_working_day(sys_days{2024y / May / 11}));
    CHECK_FALSE(saturdays.is_working_day(sys_days{2024y / February / 10}));  // inside the Tết block
    CHECK_FALSE(vietnam().is_working_day(sys_days{2024y / May / 11}));
}

TEST_CASE("dates outside the calendar are refused", "[calendar]") {
    CHECK_THROWS_WITH(vietnam().is_working_day(sys_days{2101y / January / 1}),
                      "2101-01-01 is outside the calendar's range 2013-01-01..2100-12-31");
    CHECK_THROWS_AS(vietnam().add_working_days(sys_days{2100y / December / 30}, 5), error);
}
