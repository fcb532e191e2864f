#include <kehoach/time/date.hpp>

#include <catch2/catch.hpp>

using namespace std::chrono;

TEST_CASE("ISO dates are read strictly and only when the day exists", "[date]") {
    CHECK(kehoach::parse_iso_date("2023-04-07") == sys_days{2023y / April / 7});
    CHECK(kehoach::parse_iso_date("2024-02-29") == sys_days{2024y / February / 29});
    CHECK_FALSE(kehoach::parse_iso_date("2023-02-29"));
    CHECK_FALSE(kehoach::parse_iso_date("2023-13-01"));
    CHECK_FALSE(kehoach::parse_iso_date("2023-04-31"));
    CHECK_FALSE(kehoach::parse_iso_date("2023-4-7"));
    CHECK_FALSE(kehoach::parse_iso_date("07/04/2023"));
    CHECK_FALSE(kehoach::parse_iso_date("2023-04-07T00:00"));
    CHECK_FALSE(kehoach::parse_iso_date(""));
}

TEST_CASE("dates are written as YYYY-MM-DD", "[date]") {
    CHECK(kehoach::to_iso(sys_days{2023y / March / 1}) == "2023-03-01");
    CHECK(kehoach::to_iso(sys_days{1900y / January / 31}) == "1900-01-31");
    CHECK(kehoach::make_date(2023, 2, 31) == std::nullopt);
    CHECK(kehoach::make_date(2023, 12, 31) == sys_days{2023y / December / 31});
}

TEST_CASE("ISO months are read strictly", "[date]") {
    CHECK(kehoach::parse_iso_month("2023-06") == 2023y / June);
    CHECK_FALSE(kehoach::parse_iso_month("2023-13"));
    CHECK_FALSE(kehoach::parse_iso_month("2023-00"));
    CHECK_FALSE(kehoach::parse_iso_month("2023-6"));
    CHECK_FALSE(kehoach::parse_iso_month("2023-06-01"));
}

TEST_CASE("dates are written as Vietnamese readers write them, ISO in English", "[date]") {
    CHECK(kehoach::to_text(sys_days{2023y / April / 7}, kehoach::language::vi) == "07/04/2023");
    CHECK(kehoach::to_text(sys_days{2023y / April / 7}, kehoach::language::en) == "2023-04-07");
}
