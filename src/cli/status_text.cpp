#include "status_text.hpp"
#include "text.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>
#include <vector>

namespace kehoach::cli {

std::string status_text(std::span<const plan* const> plans, const snapshot& s, language lang) {
    const bool vi = lang == language::vi;
    std::string out;
    auto to = std::back_inserter(out);
    const auto subject = plans.size() == 1 ? plans.front()->info.number : fmt::format(fmt::runtime(vi ? "{} kế hoạch" : "{} plans"), plans.size());
    fmt::format_to(to, fmt::runtime(vi ? "Tình hình thực hiện {} đến ngày {}\n\n" : "Status of {} as of {}\n\n"), subject,
                   to_text(s.as_of(), lang));
    fmt::format_to(to, "{:<12} {:<40} {:<28} {:>10}  {}\n", vi ? "Mục" : "Item", vi ? "Nội dung" : "Title",
                   vi ? "Chủ trì" : "Lead", vi ? "Hạn" : "Due", vi ? "Tình trạng" : "Status");
    // Recurring work is judged by its occurrences: on time, late, missing, by item.
    std::vector<std::array<std::size_t, 3>> met(s.size());
    for (const auto& o : s.occurrences())
        if (o.status != occurrence_status::pending) ++met[o.item][static_cast<std::size_t>(o.status)];
    std::uint32_t k = 0;
    for (const auto* p : plans) {
        for (const auto& it : p->items()) {
            const auto i = k++;
            if (it.kind == item_kind::group) continue;
            std::vector<std::string_view> leads;
            for (auto u : it.units(role::lead)) leads.push_back(p->units()[u].name);
            const auto lead = fmt::format("{}", fmt::join(leads, "; "));
            const auto due = s.due()[i] == snapshot::none ? std::string() : to_text(date{std::chrono::days{s.due()[i]}}, lang);
            std::string status(label(s.category()[i], lang));
            if (s.days_late()[i] != snapshot::none)
                status += fmt::format(fmt::runtime(vi ? " ({} ngày làm việc)" : " ({} working days)"), s.days_late()[i]);
            else if (s.days_left()[i] != snapshot::none)
                status += fmt::format(fmt::runtime(vi ? " (còn {} ngày làm việc)" : " ({} working days left)"), s.days_left()[i]);
            if (const auto& [on_time, late, missing] = met[i]; on_time + late + missing > 0)
                status += fmt::format(fmt::runtime(vi ? " (kỳ báo cáo: {} đúng hạn, {} trễ, {} thiếu)" : " (occurrences: {} on time, {} late, {} missing)"),
                                      on_time, late, missing);
            if (s.stale()[i]) status += vi ? ", chưa cập nhật" : ", stale";
            const auto id = plans.size() == 1 ? it.id : fmt::format("{} {}", p->info.number, it.id);
            fmt::format_to(to, "{:<12} {:<40} {:<28} {:>10}  {}\n", id, clipped(it.title, 40), clipped(lead, 28), due, status);
        }
    }
    out += '\n';
    const auto counts = s.counts();
    for (std::size_t c = 0; c < status_category_count; ++c)
        if (counts[c]) fmt::format_to(to, "  {}: {}\n", label(static_cast<status_category>(c), lang), counts[c]);
    if (!s.diagnostics.empty()) {
        out += vi ? "\nLưu ý về sổ theo dõi\n" : "\nNotes on the status log\n";
        for (const auto& d : s.diagnostics) fmt::format_to(to, "  {}: {}\n", d.line, d.message);
    }
    return out;
}

std::string scorecard_text(const assignments& a, std::span<const scorecard_row> rows, language lang) {
    const bool vi = lang == language::vi;
    std::string out;
    auto to = std::back_inserter(out);
    fmt::format_to(to, "{:<36} {:<17} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>9}\n", vi ? "Đơn vị" : "Unit", vi ? "Vai trò" : "Role",
                   vi ? "Đúng" : "OnTime", vi ? "Trễ" : "Late", vi ? "Quá" : "Overdue", vi ? "Đang" : "Open", vi ? "Đến" : "Due",
                   vi ? "Đúng hạn" : "On time", vi ? "Hoàn thành" : "Completed");
    auto percent = [](double rate) { return rate == rate ? fmt::format("{:.0f}%", rate * 100) : std::string("–"); };
    for (const auto& row : rows) {
        const auto open = row.counts[static_cast<std::size_t>(status_category::in_progress)] +
                          row.counts[static_cast<std::size_t>(status_category::not_due)] +
                          row.counts[static_cast<std::size_t>(status_category::waiting)];
        fmt::format_to(to, "{:<36} {:<17} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>9}\n", clipped(a.unit_name(row.unit), 36),
                       label(row.role, lang), row.counts[0], row.counts[1], row.counts[3], open,
                       row.due(), percent(row.on_time_rate()), percent(row.completion_rate()));
    }
    out += vi ? "\nTỷ lệ tính trên số nhiệm vụ đã đến hạn (hoàn thành và quá hạn); \"Đang\": trong hạn, chưa đến hạn, chờ sự kiện.\n"
              : "\nRates count over the tasks already due (done and overdue); \"Open\": in progress, not yet due, waiting.\n";
    return out;
}

}  // namespace kehoach::cli
