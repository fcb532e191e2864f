#include "summary_text.hpp"

#include <fmt/format.h>

#include <iterator>

namespace kehoach::cli {
namespace {

struct labels {
    std::string_view counts;  // tasks, groups, units, events
    std::string_view per_lead;
    std::string_view no_lead;
    std::string_view by_month;
    std::string_view also_ongoing;
    std::string_view ongoing;
    std::string_view recurring;
    std::string_view event_bound;
    std::string_view undated;
    std::string_view issued;
};

constexpr labels vietnamese{
    "{} nhiệm vụ trong {} nhóm; {} đơn vị; {} sự kiện",
    "Nhiệm vụ theo đơn vị chủ trì",
    "(không có đơn vị chủ trì)",
    "Thời hạn theo tháng",
    "Hoàn thành trong thời hạn, sau đó duy trì thường xuyên",
    "Thực hiện thường xuyên",
    "Định kỳ",
    "Chờ sự kiện",
    "Chưa có thời hạn",
    "ban hành",
};

constexpr labels english{
    "{} tasks in {} groups; {} units; {} events",
    "Tasks per lead unit",
    "(no lead unit)",
    "Deadlines by month",
    "Due in a window, then ongoing",
    "Ongoing",
    "Recurring",
    "Waiting for an event",
    "No deadline",
    "issued",
};

void list_items(std::string& out, const plan& p, std::string_view heading, const std::vector<item_index>& items,
                bool with_deadline) {
    if (items.empty()) return;
    fmt::format_to(std::back_inserter(out), "\n{} ({})\n", heading, items.size());
    for (auto i : items) {
        const auto& it = p[i];
        fmt::format_to(std::back_inserter(out), "  {:<10} {}", it.id, it.title);
        if (with_deadline && it.deadline) fmt::format_to(std::back_inserter(out), " — {}", it.deadline->text);
        out += '\n';
    }
}

}  // namespace

std::string summary_text(const plan& p, const plan_summary& s, language lang) {
    const auto& l = lang == language::vi ? vietnamese : english;
    std::string out;
    auto to = std::back_inserter(out);
    const auto& info = p.info;
    fmt::format_to(to, "{}{}{}", info.number, info.number.empty() || info.issuer.empty() ? "" : " — ", info.issuer);
    if (info.date) fmt::format_to(to, ", {} {}", l.issued, to_iso(*info.date));
    out += '\n';
    if (!info.title.empty()) fmt::format_to(to, "{}\n", info.title);
    fmt::format_to(to, fmt::runtime(l.counts), s.tasks, s.groups, p.units().size(), p.events().size());
    out += '\n';

    fmt::format_to(to, "\n{}\n", l.per_lead);
    for (const auto& load : s.tasks_per_lead) fmt::format_to(to, "  {:>3}  {}\n", load.tasks, p.units()[load.unit].name);
    if (!s.without_lead.empty()) fmt::format_to(to, "  {:>3}  {}\n", s.without_lead.size(), l.no_lead);

    if (!s.due_by_month.empty()) {
        fmt::format_to(to, "\n{}\n", l.by_month);
        for (const auto& [month, items] : s.due_by_month) {
            fmt::format_to(to, "  {:04}-{:02} {:>3} ", static_cast<int>(month.year()), static_cast<unsigned>(month.month()),
                           items.size());
            for (auto i : items) fmt::format_to(to, " {}", p[i].id);
            out += '\n';
        }
    }
    list_items(out, p, l.also_ongoing, s.also_ongoing, true);
    list_items(out, p, l.ongoing, s.ongoing, false);
    list_items(out, p, l.recurring, s.recurring, true);
    list_items(out, p, l.event_bound, s.event_bound, true);
    list_items(out, p, l.undated, s.undated, false);
    return out;
}

}  // namespace kehoach::cli
