#pragma once
// What the command's text tables share: titles cut to a column (dates: kehoach::to_text).

#include <kehoach/language.hpp>
#include <kehoach/time/date.hpp>

#include <fmt/format.h>

#include <chrono>
#include <string>
#include <string_view>

namespace kehoach::cli {

/// At most `width` characters (code points), with an ellipsis when cut.
inline std::string clipped(std::string_view text, std::size_t width) {
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
        if (++characters == width) return std::string(text.substr(0, at)) + "…";
    }
    return std::string(text);
}

}  // namespace kehoach::cli
