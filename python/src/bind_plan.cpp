#include "bindings.hpp"

namespace kehoach::python {
namespace {

py::dict plan_roles(const plan& p) {
    py::dict roles;
    for (std::size_t r = 0; r < plan_role_count; ++r) {
        const auto which = static_cast<plan_role>(r);
        roles[py::str(to_string(which))] = unit_names(p, p.plan_roles(which));
    }
    return roles;
}

py::list parents(const plan& p) {
    py::list out;
    for (const auto& parent : p.info.parents)
        out.append(py::dict("number"_a = parent.number, "date"_a = parent.date, "issuer"_a = parent.issuer));
    return out;
}

py::object signer(const plan& p) {
    const auto& s = p.info.signer;
    if (s.empty()) return py::none();
    return py::dict("name"_a = s.name, "title"_a = s.title, "authority"_a = s.authority);
}

}  // namespace

void bind_plan(py::module_& m) {
    py::class_<event>(m, "Event", "An external event items wait for.")
        .def_readonly("id", &event::id)
        .def_readonly("text", &event::text)
        .def_readonly("date", &event::date);

    py::class_<diagnostic>(m, "Diagnostic", "What a reader dropped, guessed or could not read.")
        .def_property_readonly("severity", [](const diagnostic& d) { return to_string(d.severity); })
        .def_readonly("code", &diagnostic::code)
        .def_readonly("item", &diagnostic::item)
        .def_readonly("line", &diagnostic::line)
        .def_readonly("column", &diagnostic::column)
        .def_readonly("message", &diagnostic::message);

    py::class_<plan, std::shared_ptr<plan>>(m, "Plan", "A plan: its document fields, units, items and events.")
        .def_static("parse_json", &parse_plan_json, "text"_a, "source"_a = "<string>", "limits"_a = read_limits{},
                    py::call_guard<py::gil_scoped_release>())
        .def_static("load_json", &load_plan_json, "path"_a, "limits"_a = read_limits{}, py::call_guard<py::gil_scoped_release>())
        .def("to_json", &to_plan_json, py::call_guard<py::gil_scoped_release>())
        .def("redacted", [](const plan& p, const std::string& lang) { return redacted(p, language_argument(lang)); },
             "lang"_a = "vi", "The plan with every personal name replaced by a mark.", py::call_guard<py::gil_scoped_release>())
        .def_property_readonly("issuer", [](const plan& p) { return p.info.issuer; })
        .def_property_readonly("number", [](const plan& p) { return p.info.number; })
        .def_property_readonly("date", [](const plan& p) { return p.info.date; })
        .def_property_readonly("title", [](const plan& p) { return p.info.title; })
        .def_property_readonly("level", [](const plan& p) -> std::optional<std::string_view> {
            if (!p.info.level) return std::nullopt;
            return to_string(*p.info.level);
        })
        .def_property_readonly("place", [](const plan& p) { return p.info.place; })
        .def_property_readonly("parents", &parents)
        .def_property_readonly("signer", &signer)
        .def_property_readonly("roles", &plan_roles)
        .def_property_readonly("items",
                               [](const std::shared_ptr<plan>& p) {
                                   std::vector<item_view> views;
                                   views.reserve(p->size());
                                   for (item_index i = 0; i < p->size(); ++i) views.push_back({p, i});
                                   return views;
                               })
        .def_property_readonly("units",
                               [](const std::shared_ptr<plan>& p) {
                                   std::vector<unit_view> views;
                                   for (unit_index u = 0; u < p->units().size(); ++u) views.push_back({p, u});
                                   return views;
                               })
        .def_property_readonly("events", [](const plan& p) { return std::vector<event>(p.events().begin(), p.events().end()); })
        .def_readonly("diagnostics", &plan::diagnostics)
        .def("item", [](const std::shared_ptr<plan>& p, std::string_view key) { return item_view{p, p->lookup(key)}; },
             "id_or_number"_a)
        .def("__len__", &plan::size);
}

}  // namespace kehoach::python
