#include <kehoach/model/plan.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;

namespace {

/// Two sections whose numbering restarts, as Vietnamese plans do.
plan two_sections() {
    plan p;
    const auto police = p.add_unit({.id = "ca-xa", .name = "Công an xã"});
    const auto section2 = p.add_item({.id = "II", .number = "II", .kind = item_kind::group, .title = "Nhiệm vụ"});
    const auto task = p.add_item({.id = "II.1", .number = "1", .parent = section2, .title = "Tuyên truyền"});
    const auto section3 = p.add_item({.id = "III", .number = "III", .kind = item_kind::group, .title = "Tổ chức"});
    p.add_item({.id = "III.1", .number = "1", .parent = section3, .title = "Báo cáo"});
    p.add_item({.id = "III.2", .number = "2", .parent = section3, .title = "Sơ kết"});
    p.add_role(task, role::lead, police);
    return p;
}

}  // namespace

TEST_CASE("items are found by id, or by a number only one item has", "[plan]") {
    const auto p = two_sections();
    CHECK(p.lookup("II.1") == 1u);
    CHECK(p.lookup("2") == 4u);
    CHECK(p.find_number("1") == std::vector<item_index>{1, 3});
    CHECK_THROWS_WITH(p.lookup("1"), "the number '1' is ambiguous: items 'II.1', 'III.1'");
    CHECK_THROWS_WITH(p.lookup("9.9"), "no item has the id or number '9.9'");
    CHECK(p.children(2) == std::vector<item_index>{3, 4});
    CHECK(p[1].units(role::lead) == std::vector<unit_index>{0});
}

TEST_CASE("the plan refuses duplicate ids and references to nothing", "[plan]") {
    auto p = two_sections();
    CHECK_THROWS_WITH(p.add_item({.id = "II.1", .number = "1"}), "duplicate item id 'II.1'");
    CHECK_THROWS_AS(p.add_item({.id = "x", .number = "x", .parent = 99}), validation_error);
    CHECK_THROWS_AS(p.add_role(1, role::support, 5), validation_error);
    CHECK_THROWS_WITH(p.add_dependency(1, {dependency_type::finish_to_start, 1, 0}), "item 'II.1' depends on itself");
    CHECK_THROWS_AS(p.add_dependency(1, {dependency_type::finish_to_start, 42, 0}), validation_error);
    CHECK_THROWS_AS(p.add_dependency(1, {dependency_type::after_event, 0, 0}), validation_error);
    CHECK(p.size() == 5);
    CHECK(p[1].depends_on.empty());
}

TEST_CASE("an item added with a bad dependency leaves the plan as it was", "[plan]") {
    auto p = two_sections();
    item bad{.id = "II.2", .number = "2"};
    bad.depends_on.push_back({dependency_type::finish_to_start, 77, 0});
    CHECK_THROWS_AS(p.add_item(bad), validation_error);
    CHECK(p.size() == 5);
    CHECK_FALSE(p.find_item("II.2"));
    p.add_item({.id = "II.2", .number = "2"});
    CHECK(p.find_item("II.2") == 5u);
}

TEST_CASE("dependencies, events and plan roles refer to what exists", "[plan]") {
    auto p = two_sections();
    const auto decree = p.add_event({.id = "ev-decree", .text = "Chính phủ ban hành Nghị định"});
    p.add_dependency(4, {dependency_type::finish_to_start, 3, 0});
    p.add_dependency(4, {dependency_type::after_event, decree, 0});
    CHECK(p[4].depends_on.size() == 2);
    CHECK(p.find_event("ev-decree") == decree);
    CHECK_THROWS_WITH(p.add_event({.id = "ev-decree", .text = "again"}), "duplicate event id 'ev-decree'");
    p.add_plan_role(plan_role::monitor, 0);
    p.add_plan_role(plan_role::monitor, 0);
    CHECK(p.plan_roles(plan_role::monitor) == std::vector<unit_index>{0});
    CHECK_THROWS_AS(p.add_plan_role(plan_role::report_compiler, 3), validation_error);
}

TEST_CASE("an item cannot become its own ancestor", "[plan]") {
    auto p = two_sections();
    CHECK_THROWS_WITH(p.set_parent(0, 1u), "item 'II' would be its own ancestor");
    p.set_parent(3, 0u);
    CHECK(p[3].parent == 0u);
}
