#include "bindings.hpp"

#include <fmt/format.h>

namespace kehoach::python {
namespace {

/// 0 stands for "not given" in the C++ rule; Python says None.
std::optional<int> given(std::uint8_t value) { return value ? std::optional<int>(value) : std::nullopt; }

}  // namespace

void bind_deadline(py::module_& m) {
    py::class_<recurrence_rule>(m, "RecurrenceRule", "One rule of a recurring obligation.")
        .def_property_readonly("freq", [](const recurrence_rule& r) { return to_string(r.freq); })
        .def_property_readonly("day", [](const recurrence_rule& r) { return given(r.day); })
        .def_property_readonly("weekday",
                               [](const recurrence_rule& r) { return given(r.weekday); })
        .def_readonly("before", &recurrence_rule::before)
        .def_property_readonly("month", [](const recurrence_rule& r) { return given(r.month); })
        .def_readonly("next_period", &recurrence_rule::next_period)
        .def_property_readonly("time",
                               [](const recurrence_rule& r) -> std::optional<std::string> {
                                   if (!r.minute_of_day) return std::nullopt;
                                   return fmt::format("{:02}:{:02}", *r.minute_of_day / 60, *r.minute_of_day % 60);
                               })
        .def(py::self == py::self)
        .def("_occurrences",
             [](const recurrence_rule& r, date from, date to) {
                 py::list out;
                 for (const auto& o : occurrences(r, from, to)) out.append(py::make_tuple(o.period_start, o.period_end, o.due));
                 return out;
             },
             "start"_a, "end"_a);

    py::class_<deadline>(m, "Deadline", "When an item is due; the original phrase is kept in .text.")
        .def_readonly("text", &deadline::text)
        .def_property_readonly("kind", [](const deadline& d) { return to_string(d.kind); })
        .def_readonly("start", &deadline::start)
        .def_readonly("end", &deadline::end)
        .def_readonly("soft", &deadline::soft)
        .def_readonly("also_ongoing", &deadline::also_ongoing)
        .def_readonly("recurrence", &deadline::recurrence)
        .def_property_readonly("event", [](const deadline& d) { return d.event.empty() ? std::nullopt : std::optional<std::string>(d.event); })
        .def(py::self == py::self);

    m.def(
        "_parse_deadline",
        [](std::string_view text, std::optional<date> issued, bool strict) {
            auto reading = parse_deadline(text, issued);
            if (strict && !reading.diagnostics.empty()) {
                const auto& first = reading.diagnostics.front();
                throw parse_error({"<deadline>", 1, first.column}, {}, first.message);
            }
            return py::make_tuple(std::move(reading.deadline), std::move(reading.diagnostics));
        },
        "text"_a, "issued"_a = py::none(), "strict"_a = false);
}

}  // namespace kehoach::python
