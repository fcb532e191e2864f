#include "bindings.hpp"

namespace kehoach::python {

void bind_lunar(py::module_& m) {
    py::class_<lunar_date>(m, "LunarDate", "A date of the Vietnamese lunar calendar.")
        .def(py::init([](int year, unsigned month, unsigned day, bool leap) { return lunar_date{year, month, day, leap}; }),
             "year"_a, "month"_a, "day"_a, "leap"_a = false)
        .def_readonly("year", &lunar_date::year)
        .def_readonly("month", &lunar_date::month)
        .def_readonly("day", &lunar_date::day)
        .def_readonly("leap", &lunar_date::leap)
        .def(py::self == py::self);
    m.def("to_lunar", &to_lunar, "day"_a, "utc_offset_hours"_a = vietnam_utc_offset);
    m.def("from_lunar", &from_lunar, "day"_a, "utc_offset_hours"_a = vietnam_utc_offset);
    m.def("leap_month", &leap_month, "lunar_year"_a, "utc_offset_hours"_a = vietnam_utc_offset);
    m.def("lunar_month_length", &lunar_month_length, "lunar_year"_a, "month"_a, "leap"_a = false,
          "utc_offset_hours"_a = vietnam_utc_offset);
}

}  // namespace kehoach::python
