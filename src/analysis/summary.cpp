#include <kehoach/analysis/summary.hpp>

#include <algorithm>
#include <map>

namespace kehoach {

plan_summary summarize(const plan& p) {
    plan_summary s;
    std::vector<std::size_t> per_unit(p.units().size(), 0);
    std::map<std::chrono::year_month, std::vector<item_index>> by_month;
    for (item_index i = 0; i < p.size(); ++i) {
        const auto& it = p[i];
        if (it.kind == item_kind::group) {
            ++s.groups;
            continue;
        }
        ++s.tasks;
        const auto& leads = it.units(role::lead);
        if (leads.empty()) s.without_lead.push_back(i);
        for (auto u : leads) ++per_unit[u];

        if (!it.deadline || it.deadline->kind == deadline_kind::unknown) {
            s.undated.push_back(i);
            continue;
        }
        const auto& d = *it.deadline;
        if (d.kind == deadline_kind::ongoing) s.ongoing.push_back(i);
        if (d.kind == deadline_kind::recurring) s.recurring.push_back(i);
        if (d.kind == deadline_kind::after_event) s.event_bound.push_back(i);
        if (d.also_ongoing) s.also_ongoing.push_back(i);
        if (d.end) {
            const std::chrono::year_month_day ymd{*d.end};
            by_month[ymd.year() / ymd.month()].push_back(i);
        }
    }
    for (unit_index u = 0; u < per_unit.size(); ++u)
        if (per_unit[u] > 0) s.tasks_per_lead.push_back({u, per_unit[u]});
    std::stable_sort(s.tasks_per_lead.begin(), s.tasks_per_lead.end(),
                     [](const auto& a, const auto& b) { return a.tasks > b.tasks; });
    for (auto& [month, items] : by_month) s.due_by_month.push_back({month, std::move(items)});
    return s;
}

}  // namespace kehoach
