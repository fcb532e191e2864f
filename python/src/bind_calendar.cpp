#include "bindings.hpp"
#include "numpy_columns.hpp"

namespace kehoach::python {

void bind_calendar(py::module_& m) {
    py::class_<calendar>(m, "Calendar", "Working days: the working week, holidays, official schedules.")
        .def(py::init<working_week>(), "week"_a = monday_to_friday)
        .def_static("vietnam", &calendar::vietnam, "week"_a = monday_to_friday)
        .def("add_statutory_holidays", &calendar::add_statutory_holidays)
        .def("load_schedule", &calendar::load_schedule, "json_text"_a, "source"_a = "<string>")
        .def("load_schedule_file", &calendar::load_schedule_file, "path"_a)
        .def("add_day_off", &calendar::add_day_off, "day"_a, "name"_a)
        .def("add_working_day", &calendar::add_working_day, "day"_a, "name"_a)
        .def("with_working_week", &calendar::with_working_week, "week"_a)
        .def_property_readonly("week", &calendar::week)
        .def("is_working_day", &calendar::is_working_day, "day"_a)
        .def("next_working_day", &calendar::next_working_day, "day"_a)
        .def("previous_working_day", &calendar::previous_working_day, "day"_a)
        .def("roll_forward", &calendar::roll_forward, "day"_a)
        .def("add_working_days", &calendar::add_working_days, "day"_a, "n"_a)
        .def("working_days_between", &calendar::working_days_between, "start"_a, "end"_a)
        .def("_holidays",
             [](const calendar& cal, int year) {
                 const auto rows = cal.holidays(year);
                 py::list name;
                 for (const auto& h : rows) name.append(h.name);
                 return py::dict("date"_a = datetimes(rows, [](const calendar_day& h) { return std::int64_t{h.day.time_since_epoch().count()}; }),
                                 "name"_a = name,
                                 "kind"_a = numpy_column<std::uint8_t>(rows, [](const calendar_day& h) { return static_cast<std::uint8_t>(h.kind); }));
             },
             "year"_a)
        .def_property_readonly_static("day_off_kinds",
                                      [](const py::object&) { return std::vector<std::string_view>(enum_names<day_off_kind>::value.begin(),
                                                                                                   enum_names<day_off_kind>::value.end()); })
        .def("schedule_json", &calendar::schedule_json, "year"_a)
        .def("__copy__", [](const calendar& cal) { return calendar(cal); })
        .def_property_readonly_static("first_year", [](py::object) { return calendar::first_year; })
        .def_property_readonly_static("last_year", [](py::object) { return calendar::last_year; });
}

}  // namespace kehoach::python
