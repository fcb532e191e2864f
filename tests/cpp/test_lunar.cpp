#include <kehoach/time/lunar.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kehoach;
using Catch::Contains;

// Every expected value below is a published date, not output of this code; each block names its sources.

namespace {

date ymd(int year, unsigned month, unsigned day) {
    return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

struct solar_lunar {
    date solar;
    lunar_date lunar;
};

std::string describe(const lunar_date& l) {
    return std::to_string(l.day) + "/" + std::to_string(l.month) + (l.leap ? " (leap)" : "") + "/" +
           std::to_string(l.year);
}

void check_both_ways(const std::vector<solar_lunar>& pairs, double utc_offset = vietnam_utc_offset) {
    for (const auto& [solar, lunar] : pairs) {
        INFO(to_iso(solar) << " = " << describe(lunar) << " at UTC+" << utc_offset);
        CHECK(to_lunar(solar, utc_offset) == lunar);
        CHECK(from_lunar(lunar, utc_offset) == solar);
    }
}

}  // namespace

TEST_CASE("Tết and Giỗ Tổ 2020-2030 fall on the dates Vietnam publishes", "[lunar]") {
    // /work/shared/domain/facts.md §1.4: the government holiday notices for 2020-2026, computed for 2027-2030.
    struct year_row {
        int year;
        date tet;
        date gio_to;
        unsigned last_day_of_year_before;  // "30 Chạp" or "29 Chạp"
    };
    const std::vector<year_row> rows{
        {2020, ymd(2020, 1, 25), ymd(2020, 4, 2), 30},  {2021, ymd(2021, 2, 12), ymd(2021, 4, 21), 30},
        {2022, ymd(2022, 2, 1), ymd(2022, 4, 10), 29},  {2023, ymd(2023, 1, 22), ymd(2023, 4, 29), 30},
        {2024, ymd(2024, 2, 10), ymd(2024, 4, 18), 30}, {2025, ymd(2025, 1, 29), ymd(2025, 4, 7), 29},
        {2026, ymd(2026, 2, 17), ymd(2026, 4, 26), 29}, {2027, ymd(2027, 2, 6), ymd(2027, 4, 16), 29},
        {2028, ymd(2028, 1, 26), ymd(2028, 4, 4), 29},  {2029, ymd(2029, 2, 13), ymd(2029, 4, 23), 29},
        {2030, ymd(2030, 2, 2), ymd(2030, 4, 12), 29},
    };
    for (const auto& row : rows) {
        INFO("lunar year " << row.year);
        check_both_ways({{row.tet, {row.year, 1, 1}}, {row.gio_to, {row.year, 3, 10}}});
        const auto eve = row.tet - std::chrono::days{1};
        CHECK(to_lunar(eve) == lunar_date{row.year - 1, 12, row.last_day_of_year_before});
        CHECK(lunar_month_length(row.year - 1, 12) == row.last_day_of_year_before);
    }

    SECTION("the first and last days of the Tết breaks the government announced") {
        // facts.md §1.3: the 2023-2026 civil-service notices give each break in Chạp days and mùng days.
        check_both_ways({
            {ymd(2023, 1, 20), {2022, 12, 29}},
            {ymd(2023, 1, 26), {2023, 1, 5}},
            {ymd(2024, 2, 8), {2023, 12, 29}},
            {ymd(2024, 2, 14), {2024, 1, 5}},
            {ymd(2025, 1, 25), {2024, 12, 26}},
            {ymd(2025, 1, 27), {2024, 12, 28}},
            {ymd(2025, 2, 2), {2025, 1, 5}},
            {ymd(2026, 2, 14), {2025, 12, 27}},
            {ymd(2026, 2, 16), {2025, 12, 29}},
            {ymd(2026, 2, 22), {2026, 1, 6}},
        });
    }
}

TEST_CASE("leap months fall where the published calendars put them", "[lunar]") {
    // facts.md §1.4; 2033 (a rare leap 11th month): Trần Tiến Bình of the Vietnam Academy of Science and
    // Technology's calendar office, baohaiduong.vn/en/co-phai-thang-gieng-khong-bao-gio-nhuan-404396.html, and
    // hermetic.ch/chcal/leap_months.htm ("the next [11*] will be at 2033-12-22").
    CHECK(leap_month(2020) == 4);
    CHECK(leap_month(2023) == 2);
    CHECK(leap_month(2025) == 6);
    CHECK(leap_month(2028) == 5);
    CHECK(leap_month(2033) == 11);
    for (int year : {2021, 2022, 2024, 2026}) {
        INFO("lunar year " << year);
        CHECK(leap_month(year) == 0);
    }

    // The leap 2nd month of 2023 begins on the day of the new moon of 2023-03-21 17:23 UT (US Naval
    // Observatory, via space.com/17561-new-moon-explained-lunar-phases.html), 00:23 on the 22nd in Hanoi;
    // the Hong Kong Observatory-checked table of ICU4X (china_data.rs: Tết 2023-01-22, months of 29 and 30
    // days, then the leap month) gives the same day. Giỗ Tổ 2023, 10/3 = 29/4 (facts.md), then makes the
    // leap month 29 days long.
    check_both_ways({
        {ymd(2023, 3, 21), {2023, 2, 30}},
        {ymd(2023, 3, 22), {2023, 2, 1, true}},
        {ymd(2023, 4, 19), {2023, 2, 29, true}},
        {ymd(2023, 4, 20), {2023, 3, 1}},
    });
    CHECK(lunar_month_length(2023, 2, true) == 29);

    // lichvannien365.com/lich-am-duong-thang-7-nam-2028 ("Tháng 5 năm 2028 âm lịch là tháng Nhuận");
    // Vu Lan 2025, the 15th of the 7th month after the leap 6th: vietnam.vn/en/le-vu-lan-bao-hieu-an-chua-
    // nhung-gia-tri-nhan-van-sau-sac; 1976: the lunardate package's documented example (pypi.org/project/
    // lunardate) and the Hong Kong Observatory's 1976 table; 2033: hermetic.ch (above).
    check_both_ways({
        {ymd(2028, 7, 1), {2028, 5, 9, true}},
        {ymd(2025, 9, 6), {2025, 7, 15}},
        {ymd(1976, 10, 1), {1976, 8, 8, true}},
        {ymd(2033, 12, 22), {2033, 11, 1, true}},
    });
}

TEST_CASE("Vietnam's calendar at UTC+7 differs from China's at UTC+8 where the sources say", "[lunar]") {
    constexpr double china = 8.0;
    // 1968: en.wikipedia.org/wiki/Vietnamese_calendar and Aslaksen (quoted at wiki.suikawiki.org): the new moon
    // of 29 January 1968 came at 23:29 in Hanoi. 1985: en.wikipedia.org/wiki/Vietnamese_calendar (the winter
    // solstice put month 11 a month apart). 2030 and 2053: scienceinfo.net/why-is-the-vietnamese-and-chinese-
    // new-year-a-day-different.html; China's dates from excelnotes.com/chinese-new-year, the calcal R package
    // documentation and ICU4X china_data.rs; the Hong Kong Observatory blog (2013-05-03) also flags 2030.
    // 2007 and 1969: a Vietnamese government calendar official quoted by viet-jo.com/news/life/060706102756.html
    // (Tết 2007 on 17 February, a day before China; 1969 among the years that differed). China's dates:
    // 101kidz.com/holidays/chinese/calendar.html, jksalescompany.com/chinesezodiac.html, ICU4X. Hanoi is an
    // hour behind Beijing, so a month can only begin a day earlier there.
    struct tet_row {
        int year;
        date vietnam;
        date china;
    };
    const std::vector<tet_row> rows{
        {1968, ymd(1968, 1, 29), ymd(1968, 1, 30)}, {1969, ymd(1969, 2, 16), ymd(1969, 2, 17)},
        {1985, ymd(1985, 1, 21), ymd(1985, 2, 20)}, {2007, ymd(2007, 2, 17), ymd(2007, 2, 18)},
        {2030, ymd(2030, 2, 2), ymd(2030, 2, 3)},   {2053, ymd(2053, 2, 18), ymd(2053, 2, 19)},
    };
    for (const auto& row : rows) {
        INFO("Tết " << row.year);
        check_both_ways({{row.vietnam, {row.year, 1, 1}}});
        check_both_ways({{row.china, {row.year, 1, 1}}}, china);
    }

    // China's 1984 had a leap 10th month (ICU4X china_data.rs; the jjonline lunar-info table, 0x0b27a). In
    // Vietnam Tết 1984 (2 February, the same day as China) and Tết 1985 (21 January) are 354 days apart:
    // twelve months, no leap month.
    CHECK(leap_month(1984, china) == 10);
    CHECK(leap_month(1984) == 0);

    // Month starts that differ inside a year. 2006: the new moon of 25 June came at 23:05 Hanoi time
    // (scimyst.com/schedule-sai-gon-cleaning-organization-7165, quoting the national calendar office), so
    // lichngaytot.com (lich-thang/07-2006) starts July 2006 on 7/6, China (ICU4X) on 6/6. 1995: hermetic.ch
    // (leap_months.htm) puts the leap 8th month at 1995-09-24 in Vietnam, 09-25 in China. 1997:
    // amlich.truyenxuatichcu.com (xem-lich-ngay-4-thang-10-nam-1997) gives 4/9, China (ICU4X) 3/9.
    check_both_ways({{ymd(2006, 7, 1), {2006, 6, 7}}, {ymd(1995, 9, 24), {1995, 8, 1, true}},
                     {ymd(1997, 10, 4), {1997, 9, 4}}});
    check_both_ways({{ymd(2006, 7, 1), {2006, 6, 6}}, {ymd(1995, 9, 25), {1995, 8, 1, true}},
                     {ymd(1997, 10, 4), {1997, 9, 3}}},
                    china);

    SECTION("any other whole quarter-hour offset works the same way") {
        // hermetic.ch/chcal/new_years.htm: the new moon of February 1997 came at 23:06 in Beijing and 00:06
        // in Tokyo, so the lunar new year was 7 February in China and 8 February at UTC+9.
        CHECK(from_lunar({1997, 1, 1}, 9.0) == ymd(1997, 2, 8));
        CHECK(from_lunar({1997, 1, 1}, china) == ymd(1997, 2, 7));
    }
}

TEST_CASE("solar and lunar dates across 1900-2100 match published tables", "[lunar]") {
    // Tết in years when Vietnam and China agree (the difference years are tested above). Sources:
    //  [W] the Chinese New Year table of Wikipedia's "Chinese zodiac" article as republished by
    //      jksalescompany.com/chinesezodiac.html (1900-1997), emmancorner.blogspot.com/2012_01_22_archive.html
    //      (1903-1973), jawawa.id/newsitem/the-chinese-years-from-1945-to-1996-1447893297 and
    //      101kidz.com/holidays/chinese/calendar.html (1996-2019)
    //  [I] ICU4X, components/calendar/src/cal/east_asian_traditional/china_data.rs (1912-2102, computed with
    //      Calendrical Calculations; ICU4X states its tables agree with KASI and the Hong Kong Observatory)
    //  [J] the 1900-2100 lunar-info table of jjonline/calendar.js (republished at
    //      blog.csdn.net/weixin_44441135/article/details/138814265), counting years from Tết 1900 = 1900-01-31
    //  [L] lichamvn.net/calendar/1915/2, a Vietnamese almanac
    const std::vector<solar_lunar> tet{
        {ymd(1900, 1, 31), {1900, 1, 1}},  // W J
        {ymd(1901, 2, 19), {1901, 1, 1}},  // W J
        {ymd(1905, 2, 4), {1905, 1, 1}},   // W J
        {ymd(1910, 2, 10), {1910, 1, 1}},  // W J
        {ymd(1915, 2, 14), {1915, 1, 1}},  // W I J L
        {ymd(1920, 2, 20), {1920, 1, 1}},  // W I J
        {ymd(1926, 2, 13), {1926, 1, 1}},  // W I J
        {ymd(1930, 1, 30), {1930, 1, 1}},  // W I J
        {ymd(1940, 2, 8), {1940, 1, 1}},   // W I J
        {ymd(1945, 2, 13), {1945, 1, 1}},  // W I J
        {ymd(1950, 2, 17), {1950, 1, 1}},  // W I J
        {ymd(1955, 1, 24), {1955, 1, 1}},  // W I J
        {ymd(1960, 1, 28), {1960, 1, 1}},  // W I J
        {ymd(1966, 1, 21), {1966, 1, 1}},  // W I J
        {ymd(1970, 2, 6), {1970, 1, 1}},   // W I J
        {ymd(1975, 2, 11), {1975, 1, 1}},  // W I J
        {ymd(1980, 2, 16), {1980, 1, 1}},  // W I J
        {ymd(1990, 1, 27), {1990, 1, 1}},  // W I J
        {ymd(1995, 1, 31), {1995, 1, 1}},  // W I J
        {ymd(2000, 2, 5), {2000, 1, 1}},   // W I J
        {ymd(2005, 2, 9), {2005, 1, 1}},   // W I J
        {ymd(2010, 2, 14), {2010, 1, 1}},  // W I J
        {ymd(2015, 2, 19), {2015, 1, 1}},  // W I J
        {ymd(2035, 2, 8), {2035, 1, 1}},   // I J
        {ymd(2040, 2, 12), {2040, 1, 1}},  // I J
        {ymd(2045, 2, 17), {2045, 1, 1}},  // I J
        {ymd(2050, 1, 23), {2050, 1, 1}},  // I J
        {ymd(2055, 1, 28), {2055, 1, 1}},  // I J
        {ymd(2060, 2, 2), {2060, 1, 1}},   // I J
        {ymd(2061, 1, 21), {2061, 1, 1}},  // I J
        {ymd(2065, 2, 5), {2065, 1, 1}},   // I J
        {ymd(2070, 2, 11), {2070, 1, 1}},  // I J
        {ymd(2075, 2, 15), {2075, 1, 1}},  // I J
        {ymd(2080, 1, 22), {2080, 1, 1}},  // I J
        {ymd(2085, 1, 26), {2085, 1, 1}},  // I J
        {ymd(2090, 1, 30), {2090, 1, 1}},  // I J
        {ymd(2095, 2, 5), {2095, 1, 1}},   // I J
        {ymd(2099, 1, 21), {2099, 1, 1}},  // I J
        {ymd(2100, 2, 9), {2100, 1, 1}},   // I J
    };
    // Days inside the year, from Vietnamese almanacs and newspapers, each also checked against [I] (the
    // same day in China's calendar for all of these). Sources: [L] above; lichamduong.org
    // (xem-lich-ngay-10-thang-10-nam-1923); thienmenh.net (xem-lich-am-ngay-5-thang-11-nam-1954);
    // lichngaytot.com (lich-thang/12-1985, 02-1989, 12-2052: first and last days of the solar month);
    // baodanang.vn (Vu Lan 2014 on 10 August); tuvicaimenh.com (lich-am/nam/2020/thang/03); xemsomenh.com
    // (lich-thang-3-nam-2021, lich-thang-3-nam-2031); trixybmildred.pages.dev (rằm tháng bảy Giáp Thìn =
    // 18/8/2024); thanhnien.vn (1 September 2025 = mùng 10 tháng 7); lichvannien365.com (July 2028).
    const std::vector<solar_lunar> vietnamese{
        {ymd(1915, 2, 1), {1914, 12, 18}},   {ymd(1915, 2, 13), {1914, 12, 30}},
        {ymd(1915, 2, 28), {1915, 1, 15}},   {ymd(1923, 10, 10), {1923, 9, 1}},
        {ymd(1954, 11, 5), {1954, 10, 10}},  {ymd(1985, 12, 1), {1985, 10, 20}},
        {ymd(1985, 12, 31), {1985, 11, 20}}, {ymd(1989, 2, 1), {1988, 12, 25}},
        {ymd(1989, 2, 28), {1989, 1, 23}},   {ymd(2014, 8, 10), {2014, 7, 15}},
        {ymd(2020, 3, 24), {2020, 3, 1}},    {ymd(2020, 4, 22), {2020, 3, 30}},
        {ymd(2021, 3, 1), {2021, 1, 18}},    {ymd(2024, 8, 18), {2024, 7, 15}},
        {ymd(2025, 8, 31), {2025, 7, 9}},    {ymd(2025, 9, 1), {2025, 7, 10}},
        {ymd(2028, 7, 31), {2028, 6, 10}},   {ymd(2031, 3, 1), {2031, 2, 9}},
        {ymd(2052, 12, 1), {2052, 10, 11}},  {ymd(2052, 12, 31), {2052, 11, 11}},
    };
    // Month starts from the Hong Kong Observatory's Gregorian-Lunar Calendar Conversion Tables
    // (my.weather.gov.hk/en/gts/time/calendar/text/files/T1923e.txt, T1978e.txt, T1988e.txt, T2009e.txt),
    // none of them near midnight, so Vietnam agrees; also checked against [I].
    const std::vector<solar_lunar> hong_kong{
        {ymd(1923, 1, 16), {1922, 11, 30}}, {ymd(1923, 1, 17), {1922, 12, 1}}, {ymd(1923, 2, 16), {1923, 1, 1}},
        {ymd(1923, 3, 17), {1923, 2, 1}},   {ymd(1978, 1, 9), {1977, 12, 1}},  {ymd(1978, 3, 9), {1978, 2, 1}},
        {ymd(1988, 1, 19), {1987, 12, 1}},  {ymd(1988, 2, 17), {1988, 1, 1}},  {ymd(1988, 3, 18), {1988, 2, 1}},
        {ymd(2009, 1, 26), {2009, 1, 1}},   {ymd(2009, 2, 25), {2009, 2, 1}},
    };
    CHECK(tet.size() + vietnamese.size() + hong_kong.size() >= 50);
    check_both_ways(tet);
    check_both_ways(vietnamese);
    check_both_ways(hong_kong);
}

TEST_CASE("every day of 1900-2100 converts to a lunar date and back, one day after another", "[lunar]") {
    for (double utc_offset : {vietnam_utc_offset, 8.0}) {
        std::string first_problem;
        lunar_date previous = to_lunar(ymd(1900, 1, 31), utc_offset);
        for (date day = ymd(1900, 2, 1); day <= ymd(2100, 12, 31) && first_problem.empty();
             day += std::chrono::days{1}) {
            const auto lunar = to_lunar(day, utc_offset);
            const bool same_month = lunar.year == previous.year && lunar.month == previous.month &&
                                    lunar.leap == previous.leap && lunar.day == previous.day + 1;
            const bool leap_follows = lunar.year == previous.year && lunar.month == previous.month &&
                                      lunar.leap && !previous.leap;
            const bool next_number = !lunar.leap && lunar.month == previous.month % 12 + 1 &&
                                     lunar.year == previous.year + (lunar.month == 1 ? 1 : 0);
            const bool new_month = lunar.day == 1 && (leap_follows || next_number) &&
                                   (previous.day == 29 || previous.day == 30) &&
                                   previous.day == lunar_month_length(previous.year, previous.month,
                                                                      previous.leap, utc_offset);
            if (!same_month && !new_month)
                first_problem = to_iso(day) + ": " + describe(previous) + " then " + describe(lunar);
            else if (from_lunar(lunar, utc_offset) != day)
                first_problem = to_iso(day) + " -> " + describe(lunar) + " does not convert back";
            previous = lunar;
        }
        INFO("UTC+" << utc_offset);
        CHECK(first_problem == "");
    }
}

TEST_CASE("dates that do not exist or lie outside 1900-2100 are refused with the reason", "[lunar]") {
    SECTION("solar dates outside the range") {
        CHECK_THROWS_AS(to_lunar(ymd(1900, 1, 30)), error);
        CHECK_THROWS_WITH(to_lunar(ymd(1900, 1, 30)), Contains("1900-01-30 is outside the supported range") &&
                                                          Contains("1900-01-31 .. 2100-12-31"));
        CHECK_THROWS_WITH(to_lunar(ymd(2101, 1, 1)), Contains("2101-01-01 is outside the supported range"));
        CHECK_THROWS_WITH(from_lunar({1850, 1, 1}), Contains("outside the supported range 1900-01-31 .. 2100-12-31"));
        CHECK_THROWS_WITH(from_lunar({2100, 12, 15}), Contains("falls on 2101-01-14, outside the supported range"));
        CHECK_THROWS_WITH(leap_month(1899), Contains("lunar year 1899 is outside the supported range 1900..2100"));
        CHECK_THROWS_WITH(lunar_month_length(2101, 1), Contains("lunar year 2101 is outside"));
    }
    SECTION("a leap month the year does not have") {
        CHECK_THROWS_AS(from_lunar({2024, 3, 1, true}), error);
        CHECK_THROWS_WITH(from_lunar({2024, 3, 1, true}), Contains("lunar year 2024 has no leap month"));
        CHECK_THROWS_WITH(from_lunar({2023, 3, 1, true}),
                          Contains("lunar year 2023 has no leap month 3; its leap month is 2"));
        CHECK_THROWS_WITH(lunar_month_length(2022, 12, true), Contains("lunar year 2022 has no leap month"));
    }
    SECTION("day 30 of a 29-day month") {
        // facts.md §1.4: lunar 2021 ended on 29 Chạp.
        CHECK_THROWS_AS(from_lunar({2021, 12, 30}), error);
        CHECK_THROWS_WITH(from_lunar({2021, 12, 30}),
                          Contains("month 12 of lunar year 2021 has 29 days, so there is no day 30"));
        CHECK_THROWS_WITH(from_lunar({2023, 2, 30, true}), Contains("leap month 2 of lunar year 2023 has 29 days"));
    }
    SECTION("months and days out of numbering") {
        CHECK_THROWS_WITH(from_lunar({2024, 13, 1}), Contains("lunar month 13 does not exist"));
        CHECK_THROWS_WITH(from_lunar({2024, 0, 1}), Contains("lunar month 0 does not exist"));
        CHECK_THROWS_WITH(lunar_month_length(2024, 13), Contains("months are numbered 1 to 12"));
        CHECK_THROWS_WITH(from_lunar({2024, 1, 0}), Contains("lunar day 0 does not exist"));
        CHECK_THROWS_WITH(from_lunar({2024, 1, 31}), Contains("days are numbered 1 to 30"));
    }
    SECTION("a UTC offset that is not a time zone's") {
        CHECK_THROWS_WITH(to_lunar(ymd(2024, 1, 1), 7.3), Contains("whole number of quarter hours"));
        CHECK_THROWS_WITH(leap_month(2024, 15.0), Contains("from -12 to 14"));
    }
}
