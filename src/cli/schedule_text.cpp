#include "schedule_text.hpp"
#include "text.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iterator>

namespace kehoach::cli {
namespace {

struct labels {
    std::string_view heading;  // plan, start, horizon
    std::string_view columns;  // item, title, early start, early finish, late finish, slack
    std::string_view ongoing;
    std::string_view waiting;
    std::string_view late_heading;
    std::string_view late_line;  // item, working days, deadline
    std::string_view deadline_of;
    std::string_view because;
    std::string_view notes;
    std::string_view feasible;
};

constexpr labels vietnamese{
    "Tiến độ {}: bắt đầu {}, kết thúc muộn nhất {}",
    "{:<10} {:<42} {:>10} {:>10} {:>10} {:>6}",
    "thường xuyên từ {}",
    "chờ sự kiện",
    "Không thể hoàn thành đúng hạn ({})",
    "  {}: trễ {} ngày làm việc so với hạn {}",
    " (hạn của {})",
    "    do: {}",
    "Lưu ý",
    "Mọi mục đều có thể hoàn thành đúng hạn.",
};

constexpr labels english{
    "Schedule of {}: starts {}, horizon {}",
    "{:<10} {:<42} {:>10} {:>10} {:>10} {:>6}",
    "ongoing from {}",
    "waiting for an event",
    "Cannot meet their deadline ({})",
    "  {}: {} working days late for its deadline {}",
    " (the deadline of {})",
    "    because: {}",
    "Notes",
    "Every item can meet its deadline.",
};

std::string day_text(const schedule& s, std::int32_t number, language lang) {
    const auto day = s.date_of(number);
    return day ? to_text(*day, lang) : std::string();
}

}  // namespace

std::string schedule_text(const schedule& s, const std::vector<std::string>& titles, language lang) {
    const auto& l = lang == language::vi ? vietnamese : english;
    std::string out;
    auto to = std::back_inserter(out);
    const auto& g = s.graph();
    const bool several = g.plan_count() > 1;
    const auto subject = several ? fmt::format(fmt::runtime(lang == language::vi ? "{} kế hoạch" : "{} plans"), g.plan_count()) : g.plan_name(0);
    fmt::format_to(to, fmt::runtime(l.heading), subject, to_text(s.start(), lang), to_text(s.horizon(), lang));
    out += "\n\n";
    fmt::format_to(to, fmt::runtime(l.columns), lang == language::vi ? "Mục" : "Item", lang == language::vi ? "Nội dung" : "Title",
                   lang == language::vi ? "Bắt đầu" : "Start", lang == language::vi ? "Xong sớm" : "Finish",
                   lang == language::vi ? "Hạn cuối" : "Late fin.", lang == language::vi ? "Dự trữ" : "Slack");
    out += '\n';
    for (vertex_index v = 0; v < s.size(); ++v) {
        const auto id = several ? g.name(v) : g.item_name(v);
        const auto title = clipped(titles.at(v), 42);
        switch (s.state()[v]) {
            case schedule_state::continuous:
                fmt::format_to(to, "{:<10} {:<42} {}\n", id, title,
                               fmt::format(fmt::runtime(l.ongoing), day_text(s, s.early_start()[v], lang)));
                break;
            case schedule_state::waiting:
                fmt::format_to(to, "{:<10} {:<42} {:>10} {:>10} {:>10}  {}\n", id, title, "", "",
                               day_text(s, s.late_finish()[v], lang), l.waiting);
                break;
            case schedule_state::scheduled:
                fmt::format_to(to, "{:<10} {:<42} {:>10} {:>10} {:>10} {:>6}{}\n", id, title,
                               day_text(s, s.early_start()[v], lang), day_text(s, s.early_finish()[v], lang),
                               day_text(s, s.late_finish()[v], lang), s.total_slack()[v], s.critical()[v] ? " *" : "");
                break;
        }
    }
    out += '\n';
    const auto late = s.infeasible();
    if (late.empty()) {
        out += l.feasible;
        out += '\n';
    } else {
        fmt::format_to(to, fmt::runtime(l.late_heading), late.size());
        out += '\n';
        for (const auto& item : late) {
            auto named = [&](vertex_index v) {
                return several ? g.name(v) : fmt::format("{} {}", lang == language::vi ? "mục" : "item", g.item_name(v));
            };
            fmt::format_to(to, fmt::runtime(l.late_line), named(item.activity), -item.slack, to_text(item.deadline, lang));
            if (item.deadline_of != item.activity) fmt::format_to(to, fmt::runtime(l.deadline_of), named(item.deadline_of));
            out += '\n';
            if (item.chain.size() > 1) {
                fmt::format_to(to, fmt::runtime(l.because), g.path(item.chain));
                out += '\n';
            }
        }
    }
    if (!s.diagnostics.empty()) {
        fmt::format_to(to, "\n{}\n", l.notes);
        for (const auto& d : s.diagnostics) fmt::format_to(to, "  {}\n", d.message);
    }
    return out;
}

}  // namespace kehoach::cli
