#include "bindings.hpp"

namespace kehoach::python {

void bind_item(py::module_& m) {
    py::class_<item_view>(m, "Item", "An item of a plan: a task or a group.")
        .def_property_readonly("id", [](const item_view& v) { return v.get().id; })
        .def_property_readonly("number", [](const item_view& v) { return v.get().number; })
        .def_property_readonly("kind", [](const item_view& v) { return to_string(v.get().kind); })
        .def_property_readonly("title", [](const item_view& v) { return v.get().title; })
        .def_property_readonly("text", [](const item_view& v) { return v.get().text; })
        .def_property_readonly("parent",
                               [](const item_view& v) -> std::optional<std::string> {
                                   const auto& parent = v.get().parent;
                                   if (!parent) return std::nullopt;
                                   return (*v.owner)[*parent].id;
                               })
        .def_property_readonly("roles",
                               [](const item_view& v) {
                                   py::dict roles;
                                   for (std::size_t r = 0; r < role_count; ++r)
                                       roles[py::str(to_string(static_cast<role>(r)))] = unit_names(*v.owner, v.get().roles[r]);
                                   return roles;
                               })
        .def_property_readonly("deadline", [](const item_view& v) { return v.get().deadline; })
        .def_property_readonly("duration", [](const item_view& v) { return v.get().duration; })
        .def_property_readonly("depends_on",
                               [](const item_view& v) {
                                   py::list ids;
                                   for (const auto& dep : v.get().depends_on)
                                       if (dep.type != dependency_type::after_event) ids.append((*v.owner)[dep.target].id);
                                   return ids;
                               })
        .def_property_readonly("dependencies",
                               [](const item_view& v) {
                                   py::list deps;
                                   for (const auto& dep : v.get().depends_on) {
                                       const bool on_event = dep.type == dependency_type::after_event;
                                       py::dict entry;
                                       if (on_event) entry["event"] = v.owner->events()[dep.target].id;
                                       else entry["item"] = (*v.owner)[dep.target].id;
                                       entry["type"] = to_string(dep.type);
                                       entry["lag"] = dep.lag;
                                       deps.append(entry);
                                   }
                                   return deps;
                               })
        .def_property_readonly("implements",
                               [](const item_view& v) {
                                   py::list refs;
                                   for (const auto& ref : v.get().implements) refs.append(py::make_tuple(ref.plan, ref.item));
                                   return refs;
                               })
        .def_property_readonly("targets", [](const item_view& v) { return v.get().targets; })
        .def_property_readonly("note", [](const item_view& v) { return v.get().note; })
        .def_property_readonly("source", [](const item_view& v) -> std::optional<std::pair<std::size_t, std::size_t>> {
            const auto& source = v.get().source;
            if (!source) return std::nullopt;
            return std::pair{source->line, source->end_line};
        });
}

}  // namespace kehoach::python
