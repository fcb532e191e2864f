#include <kehoach/text/normalize.hpp>

#include <kehoach/error.hpp>

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <cstdlib>

using kehoach::name_key;

TEST_CASE("names that differ in case, dashes and spacing share a key", "[normalize]") {
    const auto key = name_key("Văn phòng – Thống kê xã");
    CHECK(name_key("VĂN PHÒNG – THỐNG KÊ XÃ") == key);
    CHECK(name_key("Văn phòng - Thống kê xã") == key);
    CHECK(name_key("Văn phòng—Thống kê  xã") == key);
    CHECK(name_key("  Văn phòng\u00a0-\tThống kê xã ") == key);
    CHECK(key == "văn phòng-thống kê xã");
}

TEST_CASE("decomposed (NFD) text has the key of its composed form", "[normalize]") {
    // "Công an xã" with the diacritics as combining marks, as some PDF extractors write it.
    const std::string nfd = "Co\u0302ng an xa\u0303";
    CHECK(name_key(nfd) == name_key("Công an xã"));
    CHECK(kehoach::to_nfc(nfd) == "Công an xã");
    CHECK(kehoach::to_nfc("e\u0302\u0301") == "ế");
    CHECK(kehoach::to_nfc("ê\u0301") == "ế");  // partly composed
    // Marks out of canonical order (dot below before horn) still compose, the long way.
    CHECK(kehoach::to_nfc("o\u0323\u031B") == "ợ");
    CHECK(kehoach::to_nfc("a\u0301\u0301") == "á\u0301");  // a mark with nothing to compose with stays
}

TEST_CASE("Đ folds to đ and diacritics still tell names apart", "[normalize]") {
    CHECK(name_key("ĐỘI CẢNH SÁT") == name_key("đội cảnh sát"));
    CHECK(name_key("Tư pháp") != name_key("Tu phap"));
}

TEST_CASE("the tone of an open oa, oe, uy may stand on either vowel", "[normalize]") {
    // Both placements are in use, often in one document: "Uỷ ban" in the header, "Ủy ban" below.
    CHECK(name_key("Uỷ ban nhân dân xã") == name_key("Ủy ban nhân dân xã"));
    CHECK(name_key("UỶ BAN NHÂN DÂN") == "ủy ban nhân dân");
    CHECK(name_key("Trung tâm Văn hoá, Thông tin") == "trung tâm văn hóa, thông tin");
    CHECK(name_key("Phòng Nông nghiệp - Thuỷ lợi") == "phòng nông nghiệp-thủy lợi");
    CHECK(name_key("Trạm Y tế: sức khoẻ") == "trạm y tế: sức khỏe");
    CHECK(name_key("hoà") == "hòa");
    CHECK(name_key("hoạ") == "họa");
    CHECK(name_key("Hoa\u0300 Bi\u0300nh") == "hòa bình");  // NFD
    // A syllable that goes on, or a "u" that belongs to "qu", has one spelling only.
    CHECK(name_key("hoàn thành") == "hoàn thành");
    CHECK(name_key("Quỹ quý Khoảng") == "quỹ quý khoảng");
    CHECK(name_key("Huỳnh khuỷu") == "huỳnh khuỷu");
    CHECK(name_key("hoài ngoáy") == "hoài ngoáy");
    CHECK(name_key("Tuý") == "túy");
}

TEST_CASE("invalid UTF-8 is an error, not a silent key", "[normalize]") {
    const std::string broken = "C\xC3\x28ng an";
    CHECK_FALSE(kehoach::is_valid_utf8(broken));
    CHECK(kehoach::is_valid_utf8("Công an xã"));
    CHECK_THROWS_AS(name_key(broken), kehoach::error);
    CHECK_THROWS_AS(kehoach::to_nfc(broken), kehoach::error);
}

TEST_CASE("lowercasing keeps the length and lowers every Vietnamese capital", "[normalize]") {
    // Long ASCII runs go eight bytes at a time; the bytes around 'A' and 'Z' must stay as they are.
    const std::string upper = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[`{ ỦY BAN NHÂN DÂN XÃ CHƯ RĂNG: ĐỘI, ƯỚC, ƠN, ẮT, ỸÝỲ";
    const std::string lower = "@abcdefghijklmnopqrstuvwxyz[`{ ủy ban nhân dân xã chư răng: đội, ước, ơn, ắt, ỹýỳ";
    CHECK(kehoach::lower_in_place(upper) == lower);
    CHECK(kehoach::lower_in_place(upper).size() == upper.size());
    CHECK(kehoach::fold_diacritics("ĐỘI Cảnh Sát") == "doi canh sat");
}

TEST_CASE("lowercasing agrees with Unicode's lowercase mapping on every letter up to U+1EFF", "[normalize]") {
    // The fast paths (ASCII words, two-byte letters, the E1 BA/BB block, the tables) against utf8proc itself.
    auto encode = [](utf8proc_int32_t c) {
        utf8proc_uint8_t bytes[4];
        const auto n = utf8proc_encode_char(c, bytes);
        return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
    };
    std::size_t checked = 0;
    for (utf8proc_int32_t c = 0x41; c < 0x1F00; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        const std::string original = encode(c);
        const std::string lowered = encode(utf8proc_tolower(c));
        const std::string expected = lowered.size() == original.size() ? lowered : original;
        // Inside a longer text too, so that the eight-byte path meets the letter at every offset.
        const std::string text = "Xin chào " + original + " NĂM 2024";
        const std::string want = "xin chào " + expected + " năm 2024";
        INFO("U+" << std::hex << c);
        CHECK(kehoach::lower_in_place(original) == expected);
        CHECK(kehoach::lower_in_place(text) == want);
        std::size_t invalid_at = 0;
        CHECK(kehoach::lower_checked(text, invalid_at) == want);
        CHECK(invalid_at == std::string::npos);
        ++checked;
    }
    CHECK(checked > 7000);
    std::size_t invalid_at = 0;
    (void)kehoach::lower_checked("Tha\xC3\x28ng", invalid_at);
    CHECK(invalid_at == 3);
    // Unchecked, broken bytes stay as they are and the letters around them are still lowered.
    CHECK(kehoach::lower_in_place("Tha\xC3\x28NG \x80\xC1\x81Ư") == "tha\xC3\x28ng \x80\xC1\x81ư");
}

TEST_CASE("composing agrees with Unicode's NFC on every decomposed Latin letter", "[normalize]") {
    std::size_t checked = 0;
    for (utf8proc_int32_t c = 0xC0; c < 0x1F00; ++c) {
        if (c >= 0x250 && c < 0x1E00) continue;
        utf8proc_uint8_t bytes[4];
        const auto n = utf8proc_encode_char(c, bytes);
        const std::string letter(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
        utf8proc_uint8_t* decomposed = utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t*>(letter.c_str()));
        utf8proc_uint8_t* composed = utf8proc_NFC(decomposed);
        const std::string nfd(reinterpret_cast<const char*>(decomposed));
        const std::string nfc(reinterpret_cast<const char*>(composed));
        std::free(decomposed);
        std::free(composed);
        INFO("U+" << std::hex << c);
        CHECK(kehoach::to_nfc("Thôn " + nfd + " xã") == "Thôn " + nfc + " xã");
        ++checked;
    }
    CHECK(checked == 0x250 - 0xC0 + 0x100);
}
