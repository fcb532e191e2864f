#include "bindings.hpp"
#include "numpy_columns.hpp"

namespace kehoach::python {
namespace {

const calendar& or_vietnam(const calendar* cal) {
    static const auto vietnam = calendar::vietnam();
    return cal ? *cal : vietnam;
}

/// Optional enumerators as categorical codes: -1 for none.
template <typename Enum>
py::array_t<std::int8_t> codes(const std::vector<std::optional<Enum>>& column) {
    return numpy_column<std::int8_t>(column, [](const std::optional<Enum>& v) {
        return v ? static_cast<std::int8_t>(*v) : std::int8_t{-1};
    });
}

py::dict item_columns(const plan& p, const calendar* cal) {
    const auto t = without_gil([&] { return items_of(p, or_vietnam(cal)); });
    return py::dict("id"_a = t.id, "number"_a = t.number, "parent"_a = t.parent,
                    "kind"_a = numpy_column<std::int8_t>(t.kind, [](item_kind k) { return static_cast<std::int8_t>(k); }),
                    "title"_a = t.title, "lead"_a = t.lead, "support"_a = t.support, "monitor"_a = t.monitor,
                    "report_to"_a = t.report_to, "deadline"_a = t.deadline, "deadline_kind"_a = codes(t.deadline_kind),
                    "start"_a = days(t.start), "end"_a = days(t.end), "due"_a = days(t.due),
                    "soft"_a = plain(t.soft).attr("astype")("bool"), "also_ongoing"_a = plain(t.also_ongoing).attr("astype")("bool"),
                    "event"_a = t.event, "depends_on"_a = t.depends_on);
}

}  // namespace

void bind_export(py::module_& m) {
    m.def(
        "_to_ics",
        [](const plan& p, bool redact, const std::string& lang, const calendar* cal) {
            const auto options = ics_options{.redact = redact, .lang = language_argument(lang)};
            auto out = without_gil([&] { return to_ics(p, options, or_vietnam(cal)); });
            return py::make_tuple(std::move(out.text), out.events, std::move(out.left_out));
        },
        "plan"_a, "redact"_a, "lang"_a, "calendar"_a = py::none(), "(iCalendar text, events, indices of the items left out).");
    m.def(
        "_to_dot",
        [](const plan& p, const schedule* s, const std::string& lang, bool redact) {
            const auto options = dot_options{.lang = language_argument(lang), .redact = redact};
            return without_gil([&] { return to_dot(p, s, options); });
        },
        "plan"_a, "schedule"_a = py::none(), "lang"_a = "vi", "redact"_a = false, "The plan as Graphviz DOT.");
    m.def(
        "_to_dot",
        [](const portfolio& all, const schedule* s, const std::string& lang, bool redact) {
            const auto options = dot_options{.lang = language_argument(lang), .redact = redact};
            return without_gil([&] { return to_dot(all, s, options); });
        },
        "portfolio"_a, "schedule"_a = py::none(), "lang"_a = "vi", "redact"_a = false, "The portfolio as Graphviz DOT.");
    m.def(
        "_redact_names",
        [](std::string_view text, const std::vector<std::string>& known_names, const std::string& lang) {
            return redact_names(text, known_names, redaction_mark(language_argument(lang)));
        },
        "text"_a, "known_names"_a, "lang"_a,
          "The text with its personal names, and the known names, replaced by the mark in lang.");
    m.def("_item_columns", &item_columns, "plan"_a, "calendar"_a = py::none(),
          "The item table's columns: strings as lists, kinds as codes, dates as datetime64[ns].");
    m.attr("_item_categories") = py::dict(
        "kind"_a = std::vector<std::string_view>(enum_names<item_kind>::value.begin(), enum_names<item_kind>::value.end()),
        "deadline_kind"_a = std::vector<std::string_view>(enum_names<deadline_kind>::value.begin(),
                                                          enum_names<deadline_kind>::value.end()));
    m.def(
        "_write_file_atomically",
        [](const std::filesystem::path& path, std::string_view bytes) {
            py::gil_scoped_release release;
            write_file_atomically(path, bytes);
        },
        "path"_a, "bytes"_a, "Replaces the file whole, through a temporary file beside it.");
}

}  // namespace kehoach::python
