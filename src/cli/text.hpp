#pragma once
// What the command's text tables share: dates as officials write them, titles cut to a column.

#include <kehoach/language.hpp>
#include <kehoach/time/date.hpp>

#include <fmt/format.h>

#include <chrono>
#include <string>
#include <string_view>

namespace kehoach::cli {

/// Dates as the reader writes them: 07/04/2023 in Vietnamese, ISO in English.
inline std::string day_text(date day, language lang) {
    if (lang == language::en) return to_iso(day);
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{:02}/{:02}/{}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                       static_cast<int>(ymd.year()));
}

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
