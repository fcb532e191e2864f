#include <kehoach/io/item_table.hpp>

#include <kehoach/track/snapshot.hpp>

#include "../detail/csv.hpp"
#include "../detail/limits.hpp"

#include <fmt/format.h>

namespace kehoach {
namespace {

constexpr std::string_view separator = "; ";

std::string unit_names(const plan& p, const item& it, role r) {
    std::string out;
    for (auto u : it.units(r)) {
        if (!out.empty()) out += separator;
        out += p.units()[u].name;
    }
    return out;
}

std::string prerequisites(const plan& p, const item& it) {
    std::string out;
    for (const auto& dep : it.depends_on) {
        if (!out.empty()) out += separator;
        out += dep.type == dependency_type::after_event ? p.events()[dep.target].id : p[dep.target].id;
    }
    return out;
}

}  // namespace

item_table items_of(const plan& p, const calendar& cal) {
    item_table t;
    for (const auto& it : p.items()) {
        t.id.push_back(it.id);
        t.number.push_back(it.number);
        t.parent.push_back(it.parent ? p[*it.parent].id : std::string());
        t.kind.push_back(it.kind);
        t.title.push_back(it.title);
        t.lead.push_back(unit_names(p, it, role::lead));
        t.support.push_back(unit_names(p, it, role::support));
        t.monitor.push_back(unit_names(p, it, role::monitor));
        t.report_to.push_back(unit_names(p, it, role::report_to));
        const auto& d = it.deadline;
        t.deadline.push_back(d ? d->text : std::string());
        t.deadline_kind.push_back(d ? std::optional(d->kind) : std::nullopt);
        t.start.push_back(d ? d->start : std::nullopt);
        t.end.push_back(d ? d->end : std::nullopt);
        t.due.push_back(d && d->kind != deadline_kind::recurring ? due_day(p, it, cal) : std::nullopt);
        t.soft.push_back(d && d->soft);
        t.also_ongoing.push_back(d && d->also_ongoing);
        t.event.push_back(d ? d->event : std::string());
        t.depends_on.push_back(prerequisites(p, it));
    }
    return t;
}

std::string to_items_csv(const plan& p, const calendar& cal) {
    const auto t = items_of(p, cal);
    std::string out(detail::utf8_bom);
    for (std::size_t c = 0; c < item_table_columns.size(); ++c) out += fmt::format("{}{}", c ? "," : "", item_table_columns[c]);
    out += "\r\n";
    auto day = [](const std::optional<date>& d) { return d ? to_iso(*d) : std::string(); };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::array<std::string, item_table_columns.size()> row{
            t.id[i],          t.number[i],  t.parent[i],   std::string(to_string(t.kind[i])), t.title[i],
            t.lead[i],        t.support[i], t.monitor[i],  t.report_to[i],                    t.deadline[i],
            t.deadline_kind[i] ? std::string(to_string(*t.deadline_kind[i])) : std::string(),
            day(t.start[i]),  day(t.end[i]), day(t.due[i]), t.soft[i] ? "true" : "false",
            t.also_ongoing[i] ? "true" : "false", t.event[i], t.depends_on[i]};
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c) out += ',';
            detail::csv_field(out, row[c]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace kehoach
