#include "bindings.hpp"

namespace kehoach::python {

void bind_portfolio(py::module_& m) {
    m.def(
        "_load_portfolio",
        [](const std::filesystem::path& folder) {
            const auto all = load_portfolio(folder);
            std::vector<std::shared_ptr<plan>> plans;
            for (const auto& p : all.plans()) plans.push_back(std::make_shared<plan>(p));
            return plans;
        },
        "folder"_a, py::call_guard<py::gil_scoped_release>());
    py::class_<portfolio>(m, "Portfolio", "Plans that cascade, linked item to item.")
        .def(py::init<>())
        .def("add", &portfolio::add, "plan"_a, "Adds a copy of the plan; returns its index.")
        .def("link",
             [](portfolio& all, plan_index child_plan, std::string_view child_item, plan_index parent_plan,
                std::string_view parent_item) {
                 all.link({child_plan, all[child_plan].lookup(child_item), parent_plan, all[parent_plan].lookup(parent_item)});
             },
             "child_plan"_a, "child_item"_a, "parent_plan"_a, "parent_item"_a)
        .def("__len__", &portfolio::size)
        .def("find_plan", &portfolio::find_plan, "number"_a, "issuer"_a = "")
        .def("_links",
             [](const portfolio& all) {
                 py::list out;
                 for (const auto& l : all.links())
                     out.append(py::make_tuple(l.child_plan, all[l.child_plan][l.child_item].id, l.parent_plan,
                                               all[l.parent_plan][l.parent_item].id));
                 return out;
             })
        .def("_coverage",
             [](const portfolio& all) {
                 py::list out;
                 for (const auto& gap : without_gil([&] { return all.coverage(); }))
                     out.append(py::make_tuple(gap.parent_plan, all[gap.parent_plan][gap.parent_item].id, gap.missing));
                 return out;
             })
        .def("_suggest_links",
             [](const portfolio& all, double min_score) {
                 py::list out;
                 for (const auto& s : without_gil([&] { return all.suggest_links(min_score); })) {
                     const auto& l = s.link;
                     out.append(py::make_tuple(l.child_plan, all[l.child_plan][l.child_item].id, l.parent_plan,
                                               all[l.parent_plan][l.parent_item].id, s.score, s.reason));
                 }
                 return out;
             },
             "min_score"_a)
        .def("_unresolved", [](const portfolio& all) {
            py::list out;
            for (const auto& u : all.unresolved())
                out.append(py::make_tuple(u.child_plan, all[u.child_plan][u.child_item].id, u.ref.plan, u.ref.item, u.reason));
            return out;
        });
}

}  // namespace kehoach::python
