#include "bindings.hpp"

namespace kehoach::python {
void bind_lint(py::module_& m) {
    m.def(
        "_lint",
        [](const plan& p, const calendar* cal, const std::string& lang) {
            return lint(p, {.calendar = cal, .lang = language_argument(lang)});
        },
        "plan"_a, "calendar"_a = py::none(), "lang"_a = "vi", "The plan's findings, in document order.", py::call_guard<py::gil_scoped_release>());
    m.def(
        "_lint_portfolio",
        [](const portfolio& all, const calendar* cal, const std::string& lang) {
            return lint(all, {.calendar = cal, .lang = language_argument(lang)});
        },
        "portfolio"_a, "calendar"_a = py::none(), "lang"_a = "vi", "Each plan's findings, in the portfolio's order.", py::call_guard<py::gil_scoped_release>());
}

}  // namespace kehoach::python
