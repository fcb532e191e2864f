#pragma once
// What every reader checks of its input before reading it: the one message for an input that
// crosses one of its read_limits, and a byte-order mark where none belongs.

#include "json_text.hpp"

#include <kehoach/error.hpp>
#include <kehoach/limits.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kehoach::detail {

/// The message for `what` crossing the limit `name` (a read_limits field) of `value`, with how to
/// raise it in C++, on the command line and in Python.
[[nodiscard]] inline std::string limit_message(std::string_view what, std::string_view name, std::size_t value) {
    std::string option(name);
    for (auto& c : option)
        if (c == '_') c = '-';
    return fmt::format("{} (limit {} = {}; raise it with read_limits::{}, --{} on the command line, or {}= in Python)", what,
                       name, value, name, option, name);
}

[[noreturn]] inline void over_limit(std::string_view source, std::size_t line, std::size_t column, std::string_view what,
                                    std::string_view name, std::size_t value) {
    throw parse_error({std::string(source), line, column}, {}, limit_message(what, name, value));
}

/// Refuses a text over max_input_bytes, at the line and column of its first byte past the limit.
inline void check_input_size(std::string_view text, std::string_view source, const read_limits& limits) {
    if (text.size() <= limits.max_input_bytes) return;
    const auto at = position_of(text, limits.max_input_bytes);
    over_limit(source, at.line, at.column, fmt::format("more than {} bytes of input", limits.max_input_bytes), "max_input_bytes",
               limits.max_input_bytes);
}

/// U+FEFF in UTF-8: a byte-order mark where a text starts, which the readers skip.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
/// U+FEFF in UTF-16, little- and big-endian: what Notepad's "Unicode" starts with.
inline constexpr std::string_view utf16le_bom = "\xFF\xFE", utf16be_bom = "\xFE\xFF";
[[nodiscard]] inline bool starts_with_utf16_bom(std::string_view text) noexcept {
    return text.starts_with(utf16le_bom) || text.starts_with(utf16be_bom);
}

/// Where a byte-order mark starts a line, or npos: files joined together, whose second would be
/// read as the first's text, its first line hidden behind an invisible character. Elsewhere the
/// same character is a zero-width no-break space, text like any other, which a JSON string may
/// hold and so every format must keep.
[[nodiscard]] inline std::size_t joined_file_bom(std::string_view text) noexcept {
    const auto at = text.find("\n\xEF\xBB\xBF");
    return at == std::string_view::npos ? at : at + 1;
}
inline constexpr std::string_view inner_bom_message = "a byte-order mark inside the text (files joined together?): remove it";

}  // namespace kehoach::detail
