#include <kehoach/time/date.hpp>

#include <fmt/format.h>

namespace kehoach {
namespace {

bool read_digits(std::string_view text, std::size_t from, std::size_t count, int& value) noexcept {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

}  // namespace

std::optional<date> make_date(int year, unsigned month, unsigned day) noexcept {
    // Years of four digits, as ISO dates write them: what plan@1 and status@1 can hold and read back.
    // The year 10000 is no date (not one in the year 16960 either, as a short year would wrap).
    if (year < 1 || year > 9999) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return date{ymd};
}

std::optional<date> parse_iso_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year, month, day;
    if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) || !read_digits(text, 8, 2, day))
        return std::nullopt;
    return make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::optional<std::chrono::year_month> parse_iso_month(std::string_view text) noexcept {
    int year, month;
    if (text.size() != 7 || text[4] != '-' || !read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) ||
        month < 1 || month > 12)
        return std::nullopt;
    return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)};
}

std::string to_iso(date day) {
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string to_text(date day, language lang) {
    if (lang == language::en) return to_iso(day);
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{:02}/{:02}/{}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                       static_cast<int>(ymd.year()));
}

date today_in_vietnam() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + std::chrono::hours{7});
}

}  // namespace kehoach
