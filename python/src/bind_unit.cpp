#include "bindings.hpp"

namespace kehoach::python {

void bind_unit(py::module_& m) {
    py::class_<unit_view>(m, "Unit", "A unit of a plan: an agency, office, group or person.")
        .def_property_readonly("id", [](const unit_view& u) { return u.get().id; })
        .def_property_readonly("name", [](const unit_view& u) { return u.get().name; })
        .def_property_readonly("kind", [](const unit_view& u) { return to_string(u.get().kind); })
        .def_property_readonly("aliases", [](const unit_view& u) { return u.get().aliases; })
        .def_property_readonly("parent", [](const unit_view& u) -> std::optional<std::string> {
            const auto& parent = u.get().parent;
            if (!parent) return std::nullopt;
            return u.owner->units()[*parent].id;
        });
}

}  // namespace kehoach::python
