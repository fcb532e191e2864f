#include "bindings.hpp"

namespace kehoach::python {
namespace {

/// The registry the Python side hands over: {"id", "name", "kind", "aliases"} dicts (kehoach.plan
/// turns files, plans and Unit objects into these).
std::vector<unit> known_units(const std::vector<py::dict>& units) {
    std::vector<unit> out;
    out.reserve(units.size());
    for (const auto& d : units) {
        for (const char* required : {"id", "name"})
            if (!d.contains(required)) throw py::value_error(std::string("a known unit needs an \"") + required + "\"");
        unit u{.id = d["id"].cast<std::string>(), .name = d["name"].cast<std::string>()};
        if (d.contains("kind") && !d["kind"].is_none()) u.kind = enum_argument<unit_kind>(d["kind"].cast<std::string>());
        if (d.contains("aliases") && !d["aliases"].is_none()) u.aliases = d["aliases"].cast<std::vector<std::string>>();
        out.push_back(std::move(u));
    }
    return out;
}

py::dict unit_dict(const unit& u) {
    return py::dict("id"_a = u.id, "name"_a = u.name, "kind"_a = to_string(u.kind), "aliases"_a = u.aliases);
}

}  // namespace

void bind_read_limits(py::module_& m) {
    const read_limits defaults;
    py::class_<read_limits>(m, "ReadLimits", "Bounds on one input: bytes, line length, items, nesting depth.")
        .def(py::init([](std::size_t max_input_bytes, std::size_t max_line_length, std::size_t max_items, std::size_t max_depth) {
                 return read_limits{max_input_bytes, max_line_length, max_items, max_depth};
             }),
             py::kw_only(), "max_input_bytes"_a = defaults.max_input_bytes, "max_line_length"_a = defaults.max_line_length,
             "max_items"_a = defaults.max_items, "max_depth"_a = defaults.max_depth)
        .def_readwrite("max_input_bytes", &read_limits::max_input_bytes)
        .def_readwrite("max_line_length", &read_limits::max_line_length)
        .def_readwrite("max_items", &read_limits::max_items)
        .def_readwrite("max_depth", &read_limits::max_depth);
}

void bind_plan_reader(py::module_& m) {
    m.def(
        "_read_plan",
        [](std::string_view text, std::string source, bool strict, const std::vector<py::dict>& units, const read_limits& limits) {
            read_options options{.source = std::move(source), .strict = strict, .known_units = known_units(units), .limits = limits};
            return without_gil([&] { return std::make_shared<plan>(read_plan(text, std::move(options))); });
        },
        "text"_a, "source"_a = "<string>", "strict"_a = false, "units"_a = std::vector<py::dict>{}, "limits"_a = read_limits{});
    m.def(
        "_load_plan",
        [](const std::filesystem::path& path, bool strict, const std::vector<py::dict>& units, const read_limits& limits) {
            read_options options{.strict = strict, .known_units = known_units(units), .limits = limits};
            return without_gil([&] { return std::make_shared<plan>(load_plan(path, std::move(options))); });
        },
        "path"_a, "strict"_a = false, "units"_a = std::vector<py::dict>{}, "limits"_a = read_limits{});
    // A table has no front matter: the caller gives the plan's number, issuer and date.
    m.def(
        "_read_table",
        [](const std::vector<std::vector<std::string>>& rows, std::string source, std::string number, std::string issuer,
           std::optional<date> issued, bool strict, const std::vector<py::dict>& units, const read_limits& limits) {
            read_options options{.source = std::move(source), .strict = strict, .known_units = known_units(units), .limits = limits};
            return without_gil([&] {
                return std::make_shared<plan>(read_plan_table(
                    rows, {.issuer = std::move(issuer), .number = std::move(number), .date = issued}, std::move(options)));
            });
        },
        "rows"_a, "source"_a = "<table>", "number"_a = "", "issuer"_a = "", "date"_a = py::none(), "strict"_a = false,
        "units"_a = std::vector<py::dict>{}, "limits"_a = read_limits{});
    m.def(
        "_load_csv_table",
        [](const std::filesystem::path& path, std::string number, std::string issuer, std::optional<date> issued,
           bool strict, const std::vector<py::dict>& units, const read_limits& limits) {
            read_options options{.source = input_name(path), .strict = strict, .known_units = known_units(units), .limits = limits};
            return without_gil([&] {
                return std::make_shared<plan>(read_plan_csv(read_input(path, limits.max_input_bytes),
                                                            {.issuer = std::move(issuer), .number = std::move(number), .date = issued},
                                                            std::move(options)));
            });
        },
        "path"_a, "number"_a = "", "issuer"_a = "", "date"_a = py::none(), "strict"_a = false,
        "units"_a = std::vector<py::dict>{}, "limits"_a = read_limits{});
    m.def(
        "_load_units",
        [](const std::filesystem::path& path, const read_limits& limits) {
            py::list out;
            for (const auto& u : without_gil([&] { return load_units(path, limits); })) out.append(unit_dict(u));
            return out;
        },
        "path"_a, "limits"_a = read_limits{});
    m.def("unit_key", [](std::string_view name, std::optional<std::string> level) {
        return unit_key(name, level ? std::optional(enum_argument<plan_level>(*level)) : std::nullopt);
    }, "name"_a, "level"_a = py::none());
}

}  // namespace kehoach::python
