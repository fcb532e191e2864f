#pragma once
/// @file Unicode text handling: NFC, and the matching keys names are compared by.

#include <string>
#include <string_view>

namespace kehoach {

/// True when `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// The NFC form of UTF-8 text. Throws kehoach::error on invalid UTF-8.
[[nodiscard]] std::string to_nfc(std::string_view text);

/**
 * @brief The key two names are equal by when they differ only in case, Unicode normalization
 *        (NFC/NFD), dash style or spacing.
 *
 * Case is folded, every dash (`-`, `–`, `—`, `−`, ...) becomes `-` with no space around it,
 * runs of white space (including no-break spaces) become one space, ends are trimmed.
 * Diacritics are kept: "Tư pháp" and "Tu phap" are different names.
 * @code
 * assert(name_key("Văn phòng – Thống kê xã") == name_key("VĂN PHÒNG-THỐNG KÊ  XÃ"));
 * @endcode
 * Throws kehoach::error on invalid UTF-8.
 */
[[nodiscard]] std::string name_key(std::string_view text);

}  // namespace kehoach
