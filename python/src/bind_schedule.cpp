#include "bindings.hpp"
#include "numpy_columns.hpp"

namespace kehoach::python {

namespace {

template <typename T>
using input_array = py::array_t<T, py::array::c_style | py::array::forcecast>;

/// Working-day numbers as dates, NaT for none.
py::array days_column(const schedule& s, std::span<const std::int32_t> numbers) {
    return datetimes(numbers, [&](std::int32_t number) { return epoch_days(s.date_of(number)); });
}

std::optional<date> optional_day(std::int64_t days) {
    if (days == not_a_time) return std::nullopt;
    return date{std::chrono::days{days}};
}

plan_graph from_arrays(const input_array<std::int32_t>& duration, const input_array<std::int64_t>& earliest_start,
                       const input_array<std::int64_t>& deadline, const input_array<bool>& continuous,
                       const input_array<bool>& waiting,
                       const input_array<std::uint32_t>& source, const input_array<std::uint32_t>& target,
                       const input_array<std::uint8_t>& type, const input_array<std::int32_t>& lag) {
    const auto n = static_cast<std::size_t>(duration.size());
    if (static_cast<std::size_t>(earliest_start.size()) != n || static_cast<std::size_t>(deadline.size()) != n ||
        static_cast<std::size_t>(continuous.size()) != n || static_cast<std::size_t>(waiting.size()) != n)
        throw py::value_error("the item columns differ in length");
    const auto m = static_cast<std::size_t>(source.size());
    if (static_cast<std::size_t>(target.size()) != m || static_cast<std::size_t>(type.size()) != m ||
        static_cast<std::size_t>(lag.size()) != m)
        throw py::value_error("the edge columns differ in length");
    std::vector<activity> activities(n);
    {
        const auto d = duration.unchecked<1>();
        const auto s = earliest_start.unchecked<1>();
        const auto e = deadline.unchecked<1>();
        const auto c = continuous.unchecked<1>();
        const auto w = waiting.unchecked<1>();
        for (std::size_t i = 0; i < n; ++i) {
            const auto k = static_cast<py::ssize_t>(i);
            activities[i] = {.duration = d(k),
                             .earliest_start = optional_day(s(k)),
                             .deadline = optional_day(e(k)),
                             .continuous = c(k),
                             .waiting = w(k)};
        }
    }
    std::vector<precedence> precedences(m);
    {
        const auto s = source.unchecked<1>();
        const auto t = target.unchecked<1>();
        const auto y = type.unchecked<1>();
        const auto l = lag.unchecked<1>();
        for (std::size_t i = 0; i < m; ++i) {
            const auto k = static_cast<py::ssize_t>(i);
            precedences[i] = {s(k), t(k), static_cast<dependency_type>(y(k)), l(k)};
        }
    }
    py::gil_scoped_release unlocked;
    return plan_graph(std::move(activities), std::move(precedences));
}

}  // namespace

void bind_schedule(py::module_& m) {
    py::class_<plan_graph>(m, "PlanGraph", "Activities and precedences, topologically laid out.")
        .def_static("from_arrays", &from_arrays, "duration"_a, "earliest_start"_a, "deadline"_a, "continuous"_a,
                    "waiting"_a, "source"_a, "target"_a, "type"_a, "lag"_a)
        .def_static("of_plan", [](const plan& p) { return plan_graph::of(p); }, "plan"_a, py::call_guard<py::gil_scoped_release>())
        .def_static("of_portfolio", [](const portfolio& all) { return plan_graph::of(all); }, "portfolio"_a, py::call_guard<py::gil_scoped_release>())
        .def("__len__", &plan_graph::size)
        .def("set_names", &plan_graph::set_names, "item_names"_a, "plan_names"_a = std::vector<std::string>{},
             "plan_of"_a = std::vector<std::uint32_t>{})
        .def("name", &plan_graph::name, "vertex"_a)
        .def("cycles", &plan_graph::cycles, "limit"_a = 1000, py::call_guard<py::gil_scoped_release>())
        .def("schedule",
             [](const plan_graph& g, const calendar& cal, std::optional<date> start) {
                 py::gil_scoped_release unlocked;
                 return g.schedule(cal, {.start = start});
             },
             "calendar"_a, "start"_a = py::none());

    py::class_<schedule>(m, "Schedule", "Early and late dates, slack and the critical items.")
        .def("__len__", &schedule::size)
        .def_property_readonly("start", &schedule::start)
        .def_property_readonly("horizon", &schedule::horizon)
        .def_readonly("diagnostics", &schedule::diagnostics)
        .def("early_start", [](const schedule& s) { return days_column(s, s.early_start()); })
        .def("early_finish", [](const schedule& s) { return days_column(s, s.early_finish()); })
        .def("late_start", [](const schedule& s) { return days_column(s, s.late_start()); })
        .def("late_finish", [](const schedule& s) { return days_column(s, s.late_finish()); })
        .def("total_slack", [](const py::object& self) { return view(self.cast<const schedule&>().total_slack(), self); })
        .def("free_slack", [](const py::object& self) { return view(self.cast<const schedule&>().free_slack(), self); })
        .def("critical", [](const py::object& self) { return view(self.cast<const schedule&>().critical(), self, "bool"); })
        .def("state",
             [](const py::object& self) {
                 const auto states = self.cast<const schedule&>().state();
                 return view(std::span(reinterpret_cast<const std::uint8_t*>(states.data()), states.size()), self);
             })
        .def_property_readonly_static("state_names",
                                      [](const py::object&) { return std::vector<std::string_view>(enum_names<schedule_state>::value.begin(),
                                                                                                   enum_names<schedule_state>::value.end()); })
        .def("infeasible",
             [](const schedule& s) {
                 py::list out;
                 for (const auto& late : without_gil([&] { return s.infeasible(); }))
                     out.append(py::make_tuple(late.activity, late.slack, late.chain, late.deadline_of, late.deadline,
                                               s.graph().path(late.chain)));
                 return out;
             })
        .def("infeasible_count", &schedule::infeasible_count, py::call_guard<py::gil_scoped_release>())
        .def("critical_paths", &schedule::critical_paths, "limit"_a = 100, py::call_guard<py::gil_scoped_release>());
}

}  // namespace kehoach::python
