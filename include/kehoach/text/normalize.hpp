#pragma once
/// @file Unicode text handling: NFC, and the matching keys names are compared by.

#include <cstddef>
#include <string>
#include <string_view>

namespace kehoach {

/// True when `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// True when `text` holds the combining diacritics (U+0300..U+036F) of decomposed (NFD) Vietnamese.
[[nodiscard]] bool has_combining_marks(std::string_view text) noexcept;

/// The offset of the first byte of `text` that is not well-formed UTF-8, or npos.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// The NFC form of UTF-8 text: the combining diacritics (U+0300..U+036F) that decomposed Vietnamese
/// uses are composed. Throws kehoach::error on invalid UTF-8.
[[nodiscard]] std::string to_nfc(std::string_view text);

/**
 * @brief The key two names are equal by when they differ only in case, Unicode normalization
 *        (NFC/NFD), dash style, spacing or where the tone mark of "oa", "oe", "uy" stands.
 *
 * Case is folded, every dash (`-`, `–`, `—`, `−`, ...) becomes `-` with no space around it,
 * runs of white space (including no-break spaces) become one space, ends are trimmed. An open
 * "oa", "oe" or "uy" carries its tone on the first vowel ("hoá" → "hóa", "uỷ" → "ủy"), as in
 * the founding plan; "hoàn" and "quý" are written one way only and stay.
 * Diacritics are kept: "Tư pháp" and "Tu phap" are different names.
 * @code
 * assert(name_key("Văn phòng – Thống kê xã") == name_key("VĂN PHÒNG-THỐNG KÊ  XÃ"));
 * assert(name_key("Uỷ ban nhân dân") == name_key("Ủy ban nhân dân"));
 * @endcode
 * Throws kehoach::error on invalid UTF-8.
 */
[[nodiscard]] std::string name_key(std::string_view text);

/**
 * @brief Lowercase text without diacritics: "Đội Cảnh sát" → "doi canh sat". `đ` has no
 *        decomposition in Unicode and is folded to `d` explicitly. For ids and loose search, not for
 *        telling names apart. Throws kehoach::error on invalid UTF-8.
 */
[[nodiscard]] std::string fold_diacritics(std::string_view text);

/**
 * @brief Lowercase UTF-8 of the same byte length: every letter whose lowercase has another UTF-8
 *        length is kept as it is (no Vietnamese letter is), so offsets into the result are offsets
 *        into `text`. For matching keywords in text whose pieces are then cut from the original.
 *        `text` must be valid UTF-8.
 */
[[nodiscard]] std::string lower_in_place(std::string_view text);

/// lower_in_place() of text not yet known to be UTF-8: validates as it lowers, in one pass.
/// `invalid_at` is the offset of the first byte that is not well-formed UTF-8, or npos; the result
/// is only meaningful when it is npos.
[[nodiscard]] std::string lower_checked(std::string_view text, std::size_t& invalid_at);

/// The first code point of `text` in upper case ("ủy ban" → "Ủy ban"). `text` must be valid UTF-8.
[[nodiscard]] std::string capitalize(std::string_view text);

}  // namespace kehoach
