#pragma once
// UTF-8 helpers for text checked already: decoding without a call into utf8proc, lowercasing onto
// the end of a string without a string of its own (the reader's hot loops), and cutting titles short
// (the command's tables, DOT labels).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace kehoach::detail {

/// The code point whose UTF-8 starts at `at` of well-formed text, and its length in bytes.
[[nodiscard]] inline std::pair<std::int32_t, std::size_t> decode(std::string_view text, std::size_t at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t n = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    std::int32_t c = n == 1 ? byte : byte & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n && at + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    return {c, n};
}

/// A hyphen or any dash plans type for one: en and em dashes, minus, the small and full-width forms.
[[nodiscard]] constexpr bool is_dash(std::int32_t c) noexcept {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

/// White space: ASCII's, and the space separators (Zs) outside it — no-break, Ogham, the U+2000
/// block, narrow, math, ideographic — listed, so that the reader's loops need no Unicode lookup.
[[nodiscard]] constexpr bool is_space(std::int32_t c) noexcept {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // \t \n \v \f \r
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/// At most `width` characters (code points), with an ellipsis when cut.
[[nodiscard]] inline std::string clipped(std::string_view text, std::size_t width) {
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
        if (++characters == width) return std::string(text.substr(0, at)) + "…";
    }
    return std::string(text);
}

/// Appends lower_in_place(text) to `to`, which `text` must not point into. In text/normalize.cpp.
void append_lower(std::string& to, std::string_view text);

}  // namespace kehoach::detail
