#include "bindings.hpp"
#include "numpy_columns.hpp"

#include <fmt/format.h>

namespace kehoach::python {

namespace {

/// Days since 1970-01-01 (snapshot::none for none) as dates with NaT.
py::array dates(std::span<const std::int32_t> numbers) {
    return datetimes(numbers, [](std::int32_t d) { return d == snapshot::none ? not_a_time : std::int64_t{d}; });
}

template <named_enum Enum>
py::list names() {
    py::list out;
    for (auto name : enum_names<Enum>::value) out.append(std::string(name));
    return out;
}

py::dict counts_dict(const category_counts& counts) {
    py::dict out;
    for (std::size_t c = 0; c < status_category_count; ++c) out[py::str(std::string(enum_names<status_category>::value[c]))] = counts[c];
    return out;
}

std::string month_text(std::chrono::year_month month) {
    return fmt::format("{:04}-{:02}", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
}

}  // namespace

void bind_track(py::module_& m) {
    py::class_<status_log>(m, "StatusLog", "An append-only log of status updates (status@1).")
        .def(py::init<>())
        .def_static("parse", &parse_status_log, "text"_a, "source"_a = "<string>", "limits"_a = read_limits{},
                    py::call_guard<py::gil_scoped_release>())
        .def_static("read", &read_status_log, "path"_a, "limits"_a = read_limits{}, py::call_guard<py::gil_scoped_release>())
        .def(
            "append",
            [](status_log& log, std::string item, date day, const std::string& state, std::optional<int> percent, std::string note,
               std::string plan_number) {
                log.append({std::move(item), std::move(plan_number), day, enum_argument<status_state>(state), percent,
                            std::move(note), 0});
            },
            "item"_a, "date"_a, "state"_a, "percent"_a = py::none(), "note"_a = "", "plan"_a = "")
        .def("__len__", &status_log::size)
        .def("to_csv", &status_csv, py::call_guard<py::gil_scoped_release>())
        .def("to_json", &status_json, py::call_guard<py::gil_scoped_release>())
        .def("validate", py::overload_cast<const plan&>(&status_log::validate, py::const_), "plan"_a, py::call_guard<py::gil_scoped_release>())
        .def("validate", py::overload_cast<const portfolio&>(&status_log::validate, py::const_), "portfolio"_a, py::call_guard<py::gil_scoped_release>())
        .def("_columns", [](const status_log& log) {
            py::list item, plan_number, state, note, percent;
            std::vector<date> day;
            std::vector<std::int64_t> line;
            for (const auto& u : log.updates()) {
                item.append(u.item);
                plan_number.append(u.plan);
                day.push_back(u.day);
                state.append(std::string(to_string(u.state)));
                percent.append(u.percent ? py::object(py::int_(*u.percent)) : py::object(py::none()));
                note.append(u.note);
                line.push_back(static_cast<std::int64_t>(u.line));
            }
            return py::dict("item"_a = item, "plan"_a = plan_number, "date"_a = days(day), "state"_a = state,
                            "percent"_a = percent, "note"_a = note, "line"_a = plain(line));
        });
    m.def(
        "_append_status",
        [](const std::filesystem::path& path, const status_log& updates) {
            append_status(path, updates.updates());
        },
        "path"_a, "updates"_a, py::call_guard<py::gil_scoped_release>());

    py::class_<snapshot, std::shared_ptr<snapshot>>(m, "Snapshot", "Where every item stands on a date.")
        .def_property_readonly_static("category_names", [](const py::object&) { return names<status_category>(); })
        .def_property_readonly_static("occurrence_status_names", [](const py::object&) { return names<occurrence_status>(); })
        .def_static(
            "category_labels",
            [](const std::string& lang) {
                py::list out;
                for (std::size_t c = 0; c < status_category_count; ++c)
                    out.append(std::string(label(static_cast<status_category>(c), language_argument(lang))));
                return out;
            },
            "lang"_a = "vi")
        .def_property_readonly("as_of", &snapshot::as_of)
        .def("__len__", &snapshot::size)
        .def_readonly("diagnostics", &snapshot::diagnostics)
        .def("counts", [](const snapshot& s) { return counts_dict(s.counts()); })
        .def("_category", [](const std::shared_ptr<snapshot>& s) {
            return view(s->category(), py::cast(s)).attr("view")("uint8");
        })
        .def("_days_late", [](const std::shared_ptr<snapshot>& s) { return view(s->days_late(), py::cast(s)); })
        .def("_days_left", [](const std::shared_ptr<snapshot>& s) { return view(s->days_left(), py::cast(s)); })
        .def("_stale", [](const std::shared_ptr<snapshot>& s) { return view(s->stale(), py::cast(s), "bool"); })
        .def("_percent", [](const std::shared_ptr<snapshot>& s) { return view(s->percent(), py::cast(s)); })
        .def("_last_update", [](const snapshot& s) { return dates(s.last_update()); })
        .def("_done_on", [](const snapshot& s) { return dates(s.done_on()); })
        .def("_due", [](const snapshot& s) { return dates(s.due()); })
        .def("_soft", [](const snapshot& s) {
            std::vector<std::uint8_t> soft;
            for (std::size_t i = 0; i < s.size(); ++i) soft.push_back(s.obligations().soft(i) ? 1 : 0);
            return plain(soft).attr("view")("bool");
        })
        .def("_occurrences", [](const snapshot& s) {
            std::vector<std::uint32_t> item;
            std::vector<date> start, end, due;
            std::vector<std::int32_t> done;
            std::vector<std::uint8_t> status;
            for (const auto& o : s.occurrences()) {
                item.push_back(o.item);
                start.push_back(o.period_start);
                end.push_back(o.period_end);
                due.push_back(o.due);
                done.push_back(o.done_on ? static_cast<std::int32_t>(o.done_on->time_since_epoch().count()) : snapshot::none);
                status.push_back(static_cast<std::uint8_t>(o.status));
            }
            return py::dict("item"_a = plain(item), "period_start"_a = days(start), "period_end"_a = days(end),
                            "due"_a = days(due), "done_on"_a = dates(done), "status"_a = plain(status));
        });
    m.def("_today", &today_in_vietnam, "Today in Vietnam (UTC+7).");
    m.def(
        "_snapshot",
        [](const plan& p, const status_log& log, date as_of, int stale_after_days, const calendar& cal) {
            return std::make_shared<snapshot>(take_snapshot(p, log, {.as_of = as_of, .stale_after_days = stale_after_days}, cal));
        },
        "plan"_a, "log"_a, "as_of"_a, "stale_after_days"_a, "calendar"_a, py::call_guard<py::gil_scoped_release>());
    m.def(
        "_snapshot",
        [](const portfolio& p, const status_log& log, date as_of, int stale_after_days, const calendar& cal) {
            return std::make_shared<snapshot>(take_snapshot(p, log, {.as_of = as_of, .stale_after_days = stale_after_days}, cal));
        },
        "portfolio"_a, "log"_a, "as_of"_a, "stale_after_days"_a, "calendar"_a, py::call_guard<py::gil_scoped_release>());

    py::class_<assignments>(m, "Assignments", "The units of a plan or portfolio and their roles on each item.")
        .def_static("of", py::overload_cast<const plan&>(&assignments::of), "plan"_a, py::call_guard<py::gil_scoped_release>())
        .def_static("of", py::overload_cast<const portfolio&>(&assignments::of), "portfolio"_a, py::call_guard<py::gil_scoped_release>())
        .def_property_readonly("unit_names", [](const assignments& a) {
            py::list out;
            for (std::uint32_t u = 0; u < a.unit_count(); ++u) out.append(a.unit_name(u));
            return out;
        })
        .def_property_readonly("unit_plans", [](const assignments& a) {
            std::vector<std::uint32_t> out;
            for (std::uint32_t u = 0; u < a.unit_count(); ++u) out.push_back(a.unit_plan(u));
            return plain(out);
        });
    m.attr("role_names") = names<role>();
    m.def(
        "role_labels",
        [](const std::string& lang) {
            py::list out;
            for (std::size_t r = 0; r < role_count; ++r) out.append(std::string(label(static_cast<role>(r), language_argument(lang))));
            return out;
        },
        "lang"_a = "vi", "What plans and reports call each role, in `role_names`' order.");
    m.def("_raci", [](const assignments& a) {
        std::vector<std::uint32_t> item, unit;
        std::vector<std::uint8_t> r;
        for (const auto& e : without_gil([&] { return raci(a); })) {
            item.push_back(e.item);
            unit.push_back(e.unit);
            r.push_back(static_cast<std::uint8_t>(e.role));
        }
        return py::dict("item"_a = plain(item), "unit"_a = plain(unit), "role"_a = plain(r));
    });
    m.def("_scorecard", [](const snapshot& s, const assignments& a) {
        const auto rows = without_gil([&] { return scorecard(s, a); });
        std::vector<std::uint32_t> unit;
        std::vector<std::uint8_t> r;
        std::array<std::vector<std::int64_t>, status_category_count> counts;
        std::vector<std::int64_t> stale, due;
        std::vector<double> on_time, completion;
        for (const auto& row : rows) {
            unit.push_back(row.unit);
            r.push_back(static_cast<std::uint8_t>(row.role));
            for (std::size_t c = 0; c < status_category_count; ++c) counts[c].push_back(static_cast<std::int64_t>(row.counts[c]));
            stale.push_back(static_cast<std::int64_t>(row.stale));
            due.push_back(static_cast<std::int64_t>(row.due()));
            on_time.push_back(row.on_time_rate());
            completion.push_back(row.completion_rate());
        }
        py::dict out("unit"_a = plain(unit), "role"_a = plain(r));
        for (std::size_t c = 0; c < status_category_count; ++c) out[py::str(std::string(enum_names<status_category>::value[c]))] = plain(counts[c]);
        out["due"] = plain(due);
        out["stale"] = plain(stale);
        out["on_time_rate"] = plain(on_time);
        out["completion_rate"] = plain(completion);
        return out;
    });
    m.def("_workload", [](const snapshot& s, const assignments& a) {
        const auto rows = without_gil([&] { return workload(s, a); });
        py::list month;
        for (const auto& row : rows) month.append(month_text(row.month));
        return py::dict("unit"_a = numpy_column<std::uint32_t>(rows, [](const workload_row& row) { return row.unit; }),
                        "role"_a = numpy_column<std::uint8_t>(rows, [](const workload_row& row) { return static_cast<std::uint8_t>(row.role); }),
                        "month"_a = month,
                        "tasks"_a = numpy_column<std::int64_t>(rows, [](const workload_row& row) { return static_cast<std::int64_t>(row.tasks); }),
                        "occurrences"_a = numpy_column<std::int64_t>(rows, [](const workload_row& row) {
                            return static_cast<std::int64_t>(row.occurrences);
                        }));
    });
    m.def("_compliance", [](const snapshot& s, const assignments& a) {
        const auto rows = without_gil([&] { return compliance(s, a); });
        py::list month;
        for (const auto& row : rows) month.append(month_text(row.month));
        py::dict out("unit"_a = numpy_column<std::uint32_t>(rows, [](const compliance_row& row) { return row.unit; }), "month"_a = month);
        for (std::size_t k = 0; k < enum_names<occurrence_status>::value.size(); ++k)
            out[py::str(std::string(enum_names<occurrence_status>::value[k]))] =
                numpy_column<std::int64_t>(rows, [k](const compliance_row& row) { return static_cast<std::int64_t>(row.counts[k]); });
        out["rate"] = numpy_column<double>(rows, [](const compliance_row& row) { return row.rate(); });
        return out;
    });
    auto escalation_rows = [](const std::vector<escalation_entry>& entries) {
        py::list out;
        for (const auto& e : entries) {
            py::list chain;
            for (const auto& c : e.chain) chain.append(py::make_tuple(std::string(to_string(c.step)), c.name));
            out.append(py::make_tuple(e.item, e.days_late, chain));
        }
        return out;
    };
    m.def("_escalation", [=](const plan& p, const snapshot& s) { return escalation_rows(without_gil([&] { return escalation(p, s); })); });
    m.def("_escalation", [=](const portfolio& p, const snapshot& s) { return escalation_rows(without_gil([&] { return escalation(p, s); })); });
    m.def("_rollup_by_plan", [](const portfolio& p, const snapshot& s) {
        py::list out;
        for (const auto& row : without_gil([&] { return rollup_by_plan(p, s); }))
            out.append(py::make_tuple(row.plan, row.level ? py::object(py::str(std::string(to_string(*row.level)))) : py::object(py::none()),
                                      counts_dict(row.counts)));
        return out;
    });
    m.def("_cascade", [](const portfolio& p, const snapshot& s) {
        py::list out;
        for (const auto& row : without_gil([&] { return cascade(p, s); }))
            out.append(py::make_tuple(row.item, std::string(to_string(row.derived)), counts_dict(row.parts)));
        return out;
    });
}

}  // namespace kehoach::python
