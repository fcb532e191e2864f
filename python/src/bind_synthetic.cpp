#include "bindings.hpp"
#include "numpy_columns.hpp"

namespace kehoach::python {

void bind_synthetic(py::module_& m) {
    py::class_<synthetic_portfolio>(m, "SyntheticPortfolio", "A national portfolio as columns.")
        .def("__len__", &synthetic_portfolio::size)
        .def("_plans",
             [](const synthetic_portfolio& s) {
                 py::dict out;
                 out["level"] = numpy_column<std::uint8_t>(s.plan_levels, [](plan_level l) { return static_cast<std::uint8_t>(l); });
                 out["parent"] = numpy_column<std::int64_t>(s.plan_parent, [](std::uint32_t p) {
                     return p == synthetic_portfolio::none ? std::int64_t{-1} : std::int64_t{p};
                 });
                 out["issued"] = days(s.plan_issued);
                 out["event"] = days(s.plan_event);
                 out["number"] = s.plan_numbers;
                 out["issuer"] = s.plan_issuers;
                 out["first_item"] = plain(s.plan_first_item);
                 return out;
             })
        .def("_items",
             [](const synthetic_portfolio& s) {
                 const auto timing = s.activities();
                 py::dict out;
                 out["plan"] = plain(s.item_plan);
                 out["item"] = s.item_ids();
                 out["group"] = numpy_column<std::int64_t>(s.item_group, [](std::uint32_t g) {
                     return g == synthetic_portfolio::none ? std::int64_t{-1} : std::int64_t{g};
                 });
                 out["title"] = plain(s.item_title);
                 out["deadline"] = numpy_column<std::uint8_t>(s.item_deadline, [](deadline_kind k) { return static_cast<std::uint8_t>(k); });
                 out["lead"] = plain(s.item_lead);
                 out["implements"] = numpy_column<std::int64_t>(s.item_implements, [](std::uint32_t i) {
                     return i == synthetic_portfolio::none ? std::int64_t{-1} : std::int64_t{i};
                 });
                 out["duration"] = numpy_column<std::int32_t>(timing, [](const activity& a) { return a.duration; });
                 out["window_start"] = datetimes(timing, [](const activity& a) { return epoch_days(a.earliest_start); });
                 out["window_end"] = datetimes(timing, [](const activity& a) { return epoch_days(a.deadline); });
                 out["continuous"] = numpy_column<bool>(timing, [](const activity& a) { return a.continuous; });
                 out["waiting"] = numpy_column<bool>(timing, [](const activity& a) { return a.waiting; });
                 return out;
             })
        .def("_edges",
             [](const synthetic_portfolio& s) {
                 const auto links = s.precedences(s.activities());
                 py::dict out;
                 out["source"] = numpy_column<std::uint32_t>(links, [](const precedence& p) { return p.source; });
                 out["target"] = numpy_column<std::uint32_t>(links, [](const precedence& p) { return p.target; });
                 out["type"] = numpy_column<std::uint8_t>(links, [](const precedence& p) { return static_cast<std::uint8_t>(p.type); });
                 out["lag"] = numpy_column<std::int32_t>(links, [](const precedence& p) { return p.lag; });
                 return out;
             })
        .def("_status",
             [](const synthetic_portfolio& s) {
                 py::dict out;
                 out["item"] = numpy_column<std::uint32_t>(s.status, [](const status_row& r) { return r.item; });
                 out["date"] = datetimes(s.status, [](const status_row& r) { return std::int64_t{r.day.time_since_epoch().count()}; });
                 out["state"] = numpy_column<std::uint8_t>(s.status, [](const status_row& r) { return static_cast<std::uint8_t>(r.state); });
                 out["percent"] = numpy_column<std::int8_t>(s.status, [](const status_row& r) { return r.percent; });
                 return out;
             })
        .def("graph", [](const synthetic_portfolio& s) {
            py::gil_scoped_release unlocked;
            return s.graph();
        })
        .def("_plan_objects", [](const synthetic_portfolio& s) {
            const auto all = s.to_portfolio();
            std::vector<std::shared_ptr<plan>> plans;
            for (const auto& p : all.plans()) plans.push_back(std::make_shared<plan>(p));
            return plans;
        }, py::call_guard<py::gil_scoped_release>());

    m.def(
        "synthesize",
        [](std::size_t items, std::uint64_t seed, int year, bool status) {
            py::gil_scoped_release unlocked;
            return synthesize({.seed = seed, .items = items, .year = year, .status = status});
        },
        "items"_a, "seed"_a, "year"_a, "status"_a);
    m.attr("_synthetic_names") = py::dict(
        "units"_a = [] {
            std::vector<std::string_view> names;
            for (const auto& level : synthetic_portfolio::unit_names) names.insert(names.end(), level.begin(), level.end());
            return names;
        }(),
        "sections"_a = std::vector<std::string_view>(synthetic_portfolio::section_titles.begin(), synthetic_portfolio::section_titles.end()),
        "tasks"_a = std::vector<std::string_view>(synthetic_portfolio::task_titles.begin(), synthetic_portfolio::task_titles.end()));
}

}  // namespace kehoach::python
