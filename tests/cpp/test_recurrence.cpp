#include <kehoach/time/recurrence.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;
using namespace std::chrono;

TEST_CASE("a monthly report before the 12th falls due every month", "[recurrence]") {
    const recurrence_rule monthly{.freq = frequency::monthly, .day = 12, .before = true};
    const auto due = occurrences(monthly, sys_days{2023y / April / 7}, sys_days{2023y / July / 31});
    REQUIRE(due.size() == 4);  // 12/4, 12/5, 12/6, 12/7
    CHECK(due[0] == occurrence{sys_days{2023y / April / 1}, sys_days{2023y / April / 30}, sys_days{2023y / April / 12}});
    CHECK(due[3].due == sys_days{2023y / July / 12});
    CHECK(occurrences(monthly, sys_days{2023y / April / 13}, sys_days{2023y / May / 11}).empty());
}

TEST_CASE("a quarterly report before the 10th of the next quarter's first month", "[recurrence]") {
    const recurrence_rule quarterly{.freq = frequency::quarterly, .day = 10, .before = true, .month = 1, .next_period = true};
    const auto due = occurrences(quarterly, sys_days{2024y / January / 1}, sys_days{2024y / December / 31});
    REQUIRE(due.size() == 4);
    // Q4/2023 is reported on 10/1/2024, Q1/2024 on 10/4/2024.
    CHECK(due[0] == occurrence{sys_days{2023y / October / 1}, sys_days{2023y / December / 31}, sys_days{2024y / January / 10}});
    CHECK(due[1] == occurrence{sys_days{2024y / January / 1}, sys_days{2024y / March / 31}, sys_days{2024y / April / 10}});
    CHECK(due[3].due == sys_days{2024y / October / 10});
}

TEST_CASE("half-years, years and days a month does not have", "[recurrence]") {
    const auto halves = occurrences({.freq = frequency::semiannual}, sys_days{2024y / January / 1}, sys_days{2024y / December / 31});
    REQUIRE(halves.size() == 2);
    CHECK(halves[0].due == sys_days{2024y / June / 30});
    CHECK(halves[1] == occurrence{sys_days{2024y / July / 1}, sys_days{2024y / December / 31}, sys_days{2024y / December / 31}});
    const recurrence_rule annual{.freq = frequency::annual, .day = 30, .before = true, .month = 12};
    const auto years = occurrences(annual, sys_days{2023y / January / 1}, sys_days{2025y / December / 31});
    REQUIRE(years.size() == 3);
    CHECK(years[1].due == sys_days{2024y / December / 30});
    // "Ngày 31 hằng tháng": the last day of a short month (Civil Code art. 148).
    const auto month_end = occurrences({.freq = frequency::monthly, .day = 31}, sys_days{2024y / February / 1}, sys_days{2024y / April / 30});
    REQUIRE(month_end.size() == 3);
    CHECK(month_end[0].due == sys_days{2024y / February / 29});
    CHECK(month_end[2].due == sys_days{2024y / April / 30});
}

TEST_CASE("a weekly report before Friday 16:00", "[recurrence]") {
    const recurrence_rule weekly{.freq = frequency::weekly, .weekday = 5, .before = true, .minute_of_day = 960};
    const auto due = occurrences(weekly, sys_days{2024y / May / 1}, sys_days{2024y / May / 31});
    REQUIRE(due.size() == 5);
    CHECK(due[0] == occurrence{sys_days{2024y / April / 29}, sys_days{2024y / May / 5}, sys_days{2024y / May / 3}});
    CHECK(due[4].due == sys_days{2024y / May / 31});
    for (const auto& o : due) CHECK(weekday{o.due} == Friday);
}
