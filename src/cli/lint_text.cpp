#include "lint_text.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>

namespace kehoach::cli {
namespace {

struct labels {
    std::string_view counts;  // errors, warnings, info
    std::string_view clean;
    std::string_view unnumbered;
    std::array<std::string_view, 3> headings;  // by severity
};

constexpr labels vietnamese{"{} lỗi, {} cảnh báo, {} lưu ý", "không có vấn đề nào", "Kế hoạch không số",
                            {"Lỗi", "Cảnh báo", "Lưu ý"}};
constexpr labels english{"{} errors, {} warnings, {} notes", "no findings", "unnumbered plan",
                         {"Errors", "Warnings", "Notes"}};

}  // namespace

std::string lint_text(std::span<const plan> plans, std::span<const std::vector<diagnostic>> findings, language lang) {
    const auto& l = lang == language::vi ? vietnamese : english;
    std::string out;
    auto to = std::back_inserter(out);
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const auto& info = plans[k].info;
        const auto& found = findings[k];
        if (k > 0) out += '\n';
        fmt::format_to(to, "{}{}{}: ", info.number.empty() ? l.unnumbered : info.number, info.issuer.empty() ? "" : " — ",
                       info.issuer);
        std::array<std::size_t, 3> counts{};
        for (const auto& f : found) ++counts[static_cast<std::size_t>(f.severity)];
        if (found.empty()) fmt::format_to(to, "{}\n", l.clean);
        else fmt::format_to(to, "{}\n", fmt::format(fmt::runtime(l.counts), counts[0], counts[1], counts[2]));
        for (std::size_t s = 0; s < counts.size(); ++s) {
            if (counts[s] == 0) continue;
            fmt::format_to(to, "\n{} ({})\n", l.headings[s], counts[s]);
            for (const auto& f : found) {
                if (static_cast<std::size_t>(f.severity) != s) continue;
                const auto where = f.line == 0 ? std::string("-") : f.column == 0 ? fmt::format("{}", f.line)
                                                                                   : fmt::format("{}:{}", f.line, f.column);
                fmt::format_to(to, "  {:>7}  {:<22} {}\n", where, f.code, f.message);
            }
        }
    }
    return out;
}

}  // namespace kehoach::cli
