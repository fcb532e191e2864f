#include <kehoach/model/portfolio.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;

namespace {

plan district(std::string issuer) {
    plan p;
    p.info.number = "39/KH-UBND";
    p.info.issuer = std::move(issuer);
    p.add_item({.id = "II.1", .number = "1", .title = "Tuyên truyền"});
    p.add_item({.id = "II.2", .number = "2", .title = "Dịch vụ công"});
    return p;
}

plan commune(std::string parent_issuer) {
    plan p;
    p.info.number = "24/KH-UBND";
    p.info.parents.push_back({"39/KH-UBND", std::nullopt, std::move(parent_issuer)});
    item it{.id = "II.4", .number = "4", .title = "Dịch vụ công trực tuyến"};
    it.implements.push_back({"39/KH-UBND", "II.2"});
    p.add_item(it);
    item orphan{.id = "II.5", .number = "5", .title = "Không có mục cha"};
    orphan.implements.push_back({"39/KH-UBND", "II.9"});
    p.add_item(orphan);
    return p;
}

}  // namespace

TEST_CASE("implements references resolve through the parent plan's issuer", "[portfolio]") {
    portfolio all;
    const auto ia_pa = all.add(district("Ủy ban nhân dân huyện Ia Pa"));
    const auto other = all.add(district("Ủy ban nhân dân huyện Krông Pa"));
    const auto chu_rang = all.add(commune("ỦY BAN NHÂN DÂN HUYỆN IA PA"));
    (void)other;

    CHECK(all.find_plan("39/KH-UBND") == std::nullopt);  // two plans carry that number
    CHECK(all.find_plan("39/KH-UBND", "Ủy ban nhân dân huyện Ia Pa") == ia_pa);

    const auto links = all.links();
    REQUIRE(links.size() == 1);
    CHECK(links[0] == implements_link{chu_rang, 0, ia_pa, 1});

    const auto missing = all.unresolved();
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].child_item == 1);
    CHECK(missing[0].reason == "plan '39/KH-UBND' has no item 'II.9'");
}

TEST_CASE("explicit links join the resolved ones once each", "[portfolio]") {
    portfolio all;
    const auto ia_pa = all.add(district("UBND huyện Ia Pa"));
    const auto chu_rang = all.add(commune("UBND huyện Ia Pa"));
    all.link({chu_rang, 1, ia_pa, 0});
    all.link({chu_rang, 0, ia_pa, 1});  // already stated by the plan itself
    CHECK(all.links() == std::vector<implements_link>{{chu_rang, 0, ia_pa, 1}, {chu_rang, 1, ia_pa, 0}});
    CHECK_THROWS_AS(all.link({chu_rang, 7, ia_pa, 0}), validation_error);
    CHECK_THROWS_AS(all.link({chu_rang, 0, chu_rang, 1}), validation_error);
}
