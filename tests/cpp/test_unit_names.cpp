#include <kehoach/parse/unit_names.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;

TEST_CASE("spellings of one unit share a key", "[unit_names]") {
    const auto commune = plan_level::commune;
    CHECK(unit_key("CC Tư pháp xã", commune) == unit_key("Công chức Tư pháp – Hộ tịch xã", commune));
    CHECK(unit_key("Tư pháp xã", commune) == unit_key("Công chức Tư pháp - Hộ tịch xã", commune));
    CHECK(unit_key("CA xã", commune) == unit_key("Công an xã", commune));
    CHECK(unit_key("CAX", commune) == unit_key("Công an xã", commune));
    CHECK(unit_key("VP-TK", commune) == unit_key("Công chức Văn phòng – Thống kê xã", commune));
    CHECK(unit_key("CC Văn hóa Thông tin xã", commune) == unit_key("Công chức Văn hóa - Thông tin", commune));
    CHECK(unit_key("Bộ phận TN&TKQ", commune) == unit_key("Bộ phận Tiếp nhận và Trả kết quả cấp xã", commune));
    CHECK(unit_key("Văn phòng UBND xã", commune) == unit_key("Văn phòng HĐND-UBND xã", commune));
    CHECK(unit_key("Phòng LĐ-TB&XH", plan_level::district) == unit_key("Phòng Lao động – Thương binh và Xã hội", plan_level::district));
    CHECK(unit_key("các ban, ngành có liên quan", commune) == unit_key("Các ban, ngành liên quan", commune));
}

TEST_CASE("units that differ keep different keys", "[unit_names]") {
    const auto commune = plan_level::commune;
    CHECK(unit_key("Công an xã", commune) != unit_key("Công an huyện", commune));
    CHECK(unit_key("Các ban, ngành xã", commune) != unit_key("Các ban, ngành liên quan", commune));
    CHECK(unit_key("Tư pháp", commune) != unit_key("Tu phap", commune));
    // Only the plan's own level is dropped: in a district's plan, "các xã" is who acts.
    CHECK(unit_key("UBND các xã", plan_level::district) != unit_key("UBND các", plan_level::district));
}

TEST_CASE("lists split on semicolons and commas, names with commas whole", "[unit_names]") {
    using list = std::vector<std::string>;
    CHECK(split_units("Công an xã; các ban, ngành có liên quan.") == list{"Công an xã", "các ban, ngành có liên quan"});
    CHECK(split_units("Các ban, ngành liên quan, hệ thống chính trị thôn") ==
          list{"Các ban, ngành liên quan", "hệ thống chính trị thôn"});
    CHECK(split_units("UBND các xã, thị trấn; Trung tâm Văn hóa, Thông tin và Thể thao") ==
          list{"UBND các xã, thị trấn", "Trung tâm Văn hóa, Thông tin và Thể thao"});
    CHECK(split_units("Công an huyện (qua Đội Cảnh sát QLHC về TTXH); Văn phòng – Thống kê xã..") ==
          list{"Công an huyện", "Văn phòng – Thống kê xã"});
    CHECK(split_units("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố") ==
          list{"Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"});
    CHECK(split_units("– Bộ phận Một cửa, Trạm Y tế xã;") == list{"Bộ phận Một cửa", "Trạm Y tế xã"});
    CHECK(split_units(" ; ,").empty());
}

TEST_CASE("kinds and known units", "[unit_names]") {
    CHECK(guess_unit_kind("Các ban, ngành xã") == unit_kind::group);
    CHECK(guess_unit_kind("Công chức Kế toán xã") == unit_kind::person);
    CHECK(guess_unit_kind("Văn phòng – Thống kê xã") == unit_kind::person);
    CHECK(guess_unit_kind("Bộ phận Tiếp nhận và Trả kết quả") == unit_kind::office);
    CHECK(guess_unit_kind("Công an xã") == unit_kind::agency);
    CHECK(is_known_unit("Sở Tư pháp"));
    CHECK(is_known_unit("UBND các xã, thị trấn"));
    CHECK_FALSE(is_known_unit("Nguyễn Văn A"));
    CHECK_FALSE(is_known_unit("xyz 123"));
    CHECK(unit_slug("Công an xã") == "cong-an-xa");
    CHECK(unit_slug("Đội Cảnh sát QLHC về TTXH") == "doi-canh-sat-qlhc-ve-ttxh");
}
