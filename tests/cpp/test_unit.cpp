#include <kehoach/model/unit.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;

namespace {

unit_registry commune_units() {
    unit_registry units;
    units.add({.id = "ca-xa", .name = "Công an xã", .kind = unit_kind::agency, .aliases = {"CA xã", "CAX"}});
    units.add({.id = "vp-tk", .name = "Văn phòng – Thống kê xã", .kind = unit_kind::person,
               .aliases = {"Công chức Văn phòng – Thống kê xã", "VP-TK"}});
    units.add({.id = "ban-nganh", .name = "Các ban, ngành xã", .kind = unit_kind::group});
    return units;
}

}  // namespace

TEST_CASE("a unit is found by its name or any alias, however written", "[unit]") {
    const auto units = commune_units();
    CHECK(units.find("Công an xã") == 0u);
    CHECK(units.find("ca XÃ") == 0u);
    CHECK(units.find("cax") == 0u);
    CHECK(units.find("Văn phòng - Thống kê xã") == 1u);
    CHECK(units.find("VP – TK") == 1u);
    CHECK(units.find("các  ban, ngành xã") == 2u);
    CHECK(units.find("Công an huyện") == std::nullopt);
    CHECK(units.find_id("vp-tk") == 1u);
    CHECK(units[2].kind == unit_kind::group);
}

TEST_CASE("a name that already names another unit is refused and changes nothing", "[unit]") {
    auto units = commune_units();
    CHECK_THROWS_WITH(units.add({.id = "cong-an", .name = "Công an huyện", .aliases = {"CÔNG AN XÃ"}}),
                      Catch::Contains("'CÔNG AN XÃ' already names unit 'ca-xa'"));
    CHECK(units.size() == 3);
    CHECK(units.find("Công an huyện") == std::nullopt);
    CHECK_THROWS_AS(units.add({.id = "ca-xa", .name = "Another"}), validation_error);
    CHECK_THROWS_AS(units.add_alias(2, "VP-TK"), validation_error);
    units.add_alias(2, "Các ban ngành xã");
    CHECK(units.find("các ban ngành xã") == 2u);
}

TEST_CASE("unit parents cannot form a cycle", "[unit]") {
    auto units = commune_units();
    const auto district = units.add({.id = "ca-huyen", .name = "Công an huyện"});
    units.set_parent(0, district);
    CHECK(units[0].parent == district);
    CHECK_THROWS_WITH(units.set_parent(district, 0u), Catch::Contains("own ancestor"));
}
