#include <kehoach/io/dot.hpp>
#include <kehoach/io/plan_json.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

using namespace kehoach;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

namespace {

const std::string exports = KEHOACH_SOURCE_DIR "/tests/data/exports/";

const plan& krong_son() {
    static const plan p = load_plan_json(exports + "krong-son-2024.plan.json");
    return p;
}

}  // namespace

TEST_CASE("sections are clusters around their items, and dependencies edges styled by type", "[dot]") {
    const auto dot = to_dot(krong_son());
    CHECK(dot.starts_with("digraph kehoach {\n"));
    CHECK(dot.ends_with("}\n"));
    CHECK_THAT(dot, Contains("  subgraph \"cluster_i0\" {\n    label=\"1 Chuẩn bị số hóa\";\n"));
    CHECK_THAT(dot, Contains("  \"i1\" -> \"i2\";\n"));                                  // 1.2 after 1.1
    CHECK_THAT(dot, Contains("  \"i2\" -> \"i4\" [style=dashed, label=\"SS+5\"];\n"));  // start-to-start, 5 days' lag
    CHECK_THAT(dot, Contains("  \"i4\" -> \"i5\" [style=dashed, label=\"FF\"];\n"));
    CHECK_THAT(dot, Contains("  \"e0_0\" -> \"i6\" [style=dotted];\n"));  // after the event
}

TEST_CASE("quotes, backslashes and line breaks in titles cannot break the DOT", "[dot]") {
    const auto dot = to_dot(krong_son());
    CHECK_THAT(dot, Contains(R"(label="1.1\nKiểm kê sổ hộ tịch lưu tại xã; \"sổ gốc\"…")"));
    CHECK_THAT(dot, Contains(R"(label="1.2\nChọn đơn vị số hóa theo hướng dẫn C:\\Ho…")"));
}

TEST_CASE("with a schedule, critical items and the edges between them are red", "[dot]") {
    // The founding plan: nine tasks due before it was issued, late from the start, are critical.
    const auto founding = load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    const auto s = plan_graph::of(founding).schedule(calendar::vietnam());
    const auto dot = to_dot(founding, &s);
    std::size_t critical = 0;
    for (std::size_t v = 0; v < s.size(); ++v) {
        if (!s.critical()[v] || founding[static_cast<item_index>(v)].kind == item_kind::group) continue;
        const auto at = dot.find(fmt::format("\"i{}\" [label=", v));
        REQUIRE(at != std::string::npos);
        CHECK_THAT(dot.substr(at, dot.find('\n', at) - at), EndsWith(", color=red, penwidth=2];"));
        ++critical;
    }
    CHECK(critical >= 9);
    CHECK(to_dot(krong_son()).find("color=red") == std::string::npos);  // slack everywhere, and no schedule
    SECTION("a schedule of another plan is refused") {
        const auto other = plan_graph({{}, {}}, {}).schedule(calendar::vietnam(), {.start = make_date(2024, 3, 4)});
        CHECK_THROWS_WITH(to_dot(krong_son(), &other), Contains("the schedule has 2 items, the plan has 9"));
    }
}

TEST_CASE("a portfolio has a cluster per plan and implements edges between plans", "[dot]") {
    portfolio all;
    all.add(krong_son());
    auto commune_json = to_plan_json(krong_son());
    plan commune = parse_plan_json(commune_json);
    commune.info.number = "12/KH-UBND";
    commune.info.issuer = "Ủy ban nhân dân xã Ea Tir";
    commune.info.parents.push_back({"57/KH-UBND", make_date(2024, 3, 4), "Ủy ban nhân dân huyện Krông Sơn"});
    const auto child = all.add(std::move(commune));
    all.link({child, 2, 0, 2});
    const auto dot = to_dot(all, nullptr, {.lang = language::en});
    CHECK_THAT(dot, Contains("subgraph \"cluster_plan0\" {\n    label=\"57/KH-UBND — Ủy ban nhân dân huyện Krông Sơn — "));
    CHECK_THAT(dot, Contains("subgraph \"cluster_plan1\" {\n    label=\"12/KH-UBND — Ủy ban nhân dân xã Ea Tir — "));
    CHECK_THAT(dot, Contains("  \"i11\" -> \"i2\" [style=bold, color=gray40, arrowhead=empty, label=\"implements\"];\n"));
}
