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

namespace {

plan district_with(std::vector<std::pair<std::string, std::string>> tasks) {
    plan p;
    p.info.number = "39/KH-UBND";
    p.info.issuer = "Ủy ban nhân dân huyện Ia Pa";
    for (const auto& [number, title] : tasks) p.add_item({.id = number, .number = number, .title = title});
    return p;
}

plan commune_with(std::string issuer, std::vector<std::tuple<std::string, std::string, std::string>> tasks) {
    plan p;
    p.info.number = "24/KH-UBND";
    p.info.issuer = std::move(issuer);
    p.info.parents.push_back({"39/KH-UBND", std::nullopt, "Ủy ban nhân dân huyện Ia Pa"});
    for (const auto& [number, title, implements] : tasks) {
        item it{.id = number, .number = number, .title = title};
        if (!implements.empty()) it.implements.push_back({"39/KH-UBND", implements});
        p.add_item(std::move(it));
    }
    return p;
}

portfolio cascade() {
    portfolio all;
    all.add(district_with({{"1", "Tuyên truyền về định danh điện tử"}, {"2", "Số hóa hồ sơ hộ tịch"}, {"3", "Báo cáo kết quả hằng quý"}}));
    all.add(commune_with("Ủy ban nhân dân xã Chư Răng",
                         {{"1", "Tuyên truyền định danh điện tử", "1"}, {"2", "Số hóa hồ sơ hộ tịch trên địa bàn xã", ""}}));
    all.add(commune_with("Ủy ban nhân dân xã Ia Mrơn",
                         {{"1", "Tuyên truyền về định danh điện tử cho người dân", ""}, {"4", "Kiểm tra trường học", ""}}));
    return all;
}

}  // namespace

TEST_CASE("coverage: which implementing plans carry out nothing of a parent's task", "[portfolio][coverage]") {
    const auto all = cascade();
    CHECK(all.parents_of(1) == std::vector<plan_index>{0});
    CHECK(all.parents_of(0).empty());
    const auto gaps = all.coverage();
    REQUIRE(gaps.size() == 3);
    CHECK(gaps[0].parent_item == 0);
    CHECK(gaps[0].missing == std::vector<plan_index>{2});  // Chư Răng covers task 1, Ia Mrơn does not
    CHECK(gaps[1].missing == std::vector<plan_index>{1, 2});
    CHECK(gaps[2].missing == std::vector<plan_index>{1, 2});
}

TEST_CASE("link suggestions by title words and number, for review, never applied", "[portfolio][coverage]") {
    auto all = cascade();
    const auto suggestions = all.suggest_links();
    REQUIRE(suggestions.size() == 2);
    // Ia Mrơn 1 ↔ district 1: the same number, and all seven of the district's words in its ten.
    CHECK(suggestions[0].link == implements_link{2, 0, 0, 0});
    CHECK(suggestions[0].score == Approx(1.0));
    CHECK(suggestions[0].reason == "same number 1; 7 of 10 title words shared");
    // Chư Răng 2 ↔ district 2: the same number, six of ten words.
    CHECK(suggestions[1].link == implements_link{1, 1, 0, 1});
    CHECK(suggestions[1].score == Approx(0.9));
    CHECK(suggestions[1].reason == "same number 2; 6 of 10 title words shared");
    CHECK(all.links().size() == 1);  // nothing applied
    all.link(suggestions[1].link);
    CHECK(all.coverage()[1].missing == std::vector<plan_index>{2});
}
