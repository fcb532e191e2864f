#include "bindings.hpp"

namespace kehoach::python {

void bind_plan_reader(py::module_& m) {
    m.def(
        "_read_plan",
        [](std::string_view text, std::string source, bool strict) {
            return std::make_shared<plan>(read_plan(text, {.source = std::move(source), .strict = strict}));
        },
        "text"_a, "source"_a = "<string>", "strict"_a = false);
    m.def(
        "_load_plan",
        [](const std::filesystem::path& path, bool strict) {
            return std::make_shared<plan>(load_plan(path, {.strict = strict}));
        },
        "path"_a, "strict"_a = false);
    m.def("unit_key", [](std::string_view name, std::optional<std::string> level) {
        return unit_key(name, level ? std::optional(enum_argument<plan_level>(*level)) : std::nullopt);
    }, "name"_a, "level"_a = py::none());
}

}  // namespace kehoach::python
