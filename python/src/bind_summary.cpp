#include "bindings.hpp"

#include <fmt/format.h>

namespace kehoach::python {
namespace {

py::list ids(const plan& p, const std::vector<item_index>& items) {
    py::list out;
    for (auto i : items) out.append(p[i].id);
    return out;
}

py::dict summary_dict(const plan& p) {
    const auto s = without_gil([&] { return summarize(p); });
    py::list per_lead;
    for (const auto& load : s.tasks_per_lead) per_lead.append(py::make_tuple(p.units()[load.unit].name, load.tasks));
    py::list by_month;
    for (const auto& [month, items] : s.due_by_month)
        by_month.append(py::make_tuple(
            fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month())), ids(p, items)));
    return py::dict("tasks"_a = s.tasks, "groups"_a = s.groups, "tasks_per_lead"_a = per_lead,
                    "without_lead"_a = ids(p, s.without_lead), "due_by_month"_a = by_month,
                    "also_ongoing"_a = ids(p, s.also_ongoing), "ongoing"_a = ids(p, s.ongoing),
                    "recurring"_a = ids(p, s.recurring), "event_bound"_a = ids(p, s.event_bound),
                    "undated"_a = ids(p, s.undated));
}

}  // namespace

void bind_summary(py::module_& m) { m.def("_summary", &summary_dict, "plan"_a); }

}  // namespace kehoach::python
