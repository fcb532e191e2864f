#include <kehoach/io/schedule_json.hpp>

#include "../detail/csv.hpp"
#include "../detail/json_writer.hpp"

#include <fmt/format.h>

#include <iterator>

namespace kehoach {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view schedule_schema = "kehoach/schedule@1";
/// Critical paths written out at most: a national portfolio has many, a reader wants the first.
constexpr std::size_t paths_written = 100;

std::string iso_or_empty(const schedule& s, std::int32_t day_number) {
    const auto day = s.date_of(day_number);
    return day ? to_iso(*day) : std::string();
}

/// An activity as the file refers to it: its id, with its plan when the schedule spans several.
ordered_json reference(const schedule& s, vertex_index v) {
    const auto& g = s.graph();
    if (g.plan_count() <= 1) return g.item_name(v);
    return {{"plan", g.plan_name(v)}, {"id", g.item_name(v)}};
}

ordered_json references(const schedule& s, std::span<const vertex_index> chain) {
    auto out = ordered_json::array();
    for (auto v : chain) out.push_back(reference(s, v));
    return out;
}

}  // namespace

std::string to_schedule_json(const schedule& s) {
    const auto& g = s.graph();
    ordered_json root;
    root["schema"] = schedule_schema;
    root["start"] = to_iso(s.start());
    root["horizon"] = to_iso(s.horizon());
    auto rows = ordered_json::array();
    for (vertex_index v = 0; v < s.size(); ++v) {
        ordered_json row;
        if (g.plan_count() > 1) row["plan"] = g.plan_name(v);
        row["id"] = g.item_name(v);
        row["state"] = to_string(s.state()[v]);
        for (const auto& [key, column] : {std::pair{"early_start", s.early_start()}, {"early_finish", s.early_finish()},
                                          {"late_start", s.late_start()}, {"late_finish", s.late_finish()}})
            if (column[v] != schedule::none) row[key] = to_iso(*s.date_of(column[v]));
        if (s.total_slack()[v] != schedule::none) {
            row["total_slack"] = s.total_slack()[v];
            row["free_slack"] = s.free_slack()[v];
            row["critical"] = s.critical()[v] != 0;
        }
        rows.push_back(std::move(row));
    }
    root["items"] = std::move(rows);
    auto late = ordered_json::array();
    for (const auto& l : s.infeasible())
        late.push_back({{"item", reference(s, l.activity)},
                        {"slack", l.slack},
                        {"deadline", to_iso(l.deadline)},
                        {"deadline_of", reference(s, l.deadline_of)},
                        {"chain", references(s, l.chain)},
                        {"path", g.path(l.chain)}});
    root["infeasible"] = std::move(late);
    auto paths = ordered_json::array();
    for (const auto& path : s.critical_paths(paths_written)) paths.push_back(references(s, path));
    root["critical_paths"] = std::move(paths);
    root["diagnostics"] = detail::write_diagnostics(s.diagnostics);
    return detail::dump(root);
}

std::string to_schedule_csv(const schedule& s) {
    const auto& g = s.graph();
    const bool plans = g.plan_count() > 1;
    std::string out = plans ? "plan," : "";
    out += "id,state,early_start,early_finish,late_start,late_finish,total_slack,free_slack,critical\r\n";
    for (vertex_index v = 0; v < s.size(); ++v) {
        if (plans) {
            detail::csv_field(out, g.plan_name(v));
            out += ',';
        }
        detail::csv_field(out, g.item_name(v));
        const bool slack = s.total_slack()[v] != schedule::none;
        fmt::format_to(std::back_inserter(out), ",{},{},{},{},{},{},{},{}\r\n", to_string(s.state()[v]),
                       iso_or_empty(s, s.early_start()[v]), iso_or_empty(s, s.early_finish()[v]),
                       iso_or_empty(s, s.late_start()[v]), iso_or_empty(s, s.late_finish()[v]),
                       slack ? fmt::to_string(s.total_slack()[v]) : "", slack ? fmt::to_string(s.free_slack()[v]) : "",
                       slack ? (s.critical()[v] ? "1" : "0") : "");
    }
    return out;
}

}  // namespace kehoach
