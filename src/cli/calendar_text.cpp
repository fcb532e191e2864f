#include "calendar_text.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

namespace kehoach::cli {
namespace {

constexpr std::array<std::string_view, 7> weekdays_vi{"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
constexpr std::array<std::string_view, 7> weekdays_en{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 4> kinds_vi{"nghỉ lễ, tết", "nghỉ bù", "nghỉ theo quyết định", "làm bù"};
constexpr std::array<std::string_view, 4> kinds_en{"statutory", "compensatory", "decreed", "make-up workday"};

}  // namespace

std::string calendar_text(const calendar& cal, int year, language lang) {
    const bool vi = lang == language::vi;
    const auto days = cal.holidays(year);
    std::string out;
    auto to = std::back_inserter(out);
    int off = 0;
    int worked = 0;
    for (const auto& h : days) (h.kind == day_off_kind::makeup_workday ? worked : off) += 1;
    fmt::format_to(to,
                   fmt::runtime(vi ? "Lịch nghỉ năm {}: {} ngày nghỉ, {} ngày làm bù\n"
                                   : "Days off in {}: {} days off, {} make-up working days\n"),
                   year, off, worked);
    for (const auto& h : days) {
        const auto weekday_index = std::chrono::weekday{h.day}.iso_encoding() - 1;
        const auto kind_index = static_cast<std::size_t>(h.kind);
        fmt::format_to(to, "  {}  {:<8}  {:<20}  {}\n", to_iso(h.day), (vi ? weekdays_vi : weekdays_en)[weekday_index],
                       (vi ? kinds_vi : kinds_en)[kind_index], h.name);
    }
    return out;
}

}  // namespace kehoach::cli
