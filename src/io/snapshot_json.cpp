#include <kehoach/io/snapshot_json.hpp>

#include <kehoach/error.hpp>

#include "../detail/csv.hpp"
#include "../detail/json_writer.hpp"

#include <fmt/format.h>

namespace kehoach {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view snapshot_schema = "kehoach/snapshot@1";

std::string iso_or_empty(std::int32_t day) {
    return day == snapshot::none ? std::string() : to_iso(date{std::chrono::days{day}});
}

/// Calls `each(plan, item, index)` for every item, counting as the snapshot counts.
template <class Each>
void for_each_item(std::span<const plan* const> plans, const snapshot& s, Each each) {
    std::size_t total = 0;
    for (const auto* p : plans) total += p->size();
    if (total != s.size()) throw error(fmt::format("the snapshot has {} items but the plans {}: it is of other plans", s.size(), total));
    std::uint32_t k = 0;
    for (const auto* p : plans)
        for (const auto& it : p->items()) each(*p, it, k++);
}

}  // namespace

std::string to_snapshot_json(std::span<const plan* const> plans, const snapshot& s) {
    const bool several = plans.size() > 1;
    ordered_json root;
    root["schema"] = snapshot_schema;
    root["as_of"] = to_iso(s.as_of());
    auto& counts = root["counts"] = ordered_json::object();
    const auto tally = s.counts();
    for (std::size_t c = 0; c < status_category_count; ++c) counts[std::string(enum_names<status_category>::value[c])] = tally[c];
    auto rows = ordered_json::array();
    std::vector<std::string> plan_of, id_of;
    for_each_item(plans, s, [&](const plan& p, const item& it, std::uint32_t i) {
        ordered_json row;
        if (several) row["plan"] = p.info.number;
        row["id"] = it.id;
        row["kind"] = to_string(it.kind);
        row["category"] = to_string(s.category()[i]);
        if (s.days_late()[i] != snapshot::none) row["days_late"] = s.days_late()[i];
        if (s.days_left()[i] != snapshot::none) row["days_left"] = s.days_left()[i];
        row["stale"] = s.stale()[i] != 0;
        if (s.percent()[i] >= 0) row["percent"] = s.percent()[i];
        for (const auto& [name, day] : {std::pair{"last_update", s.last_update()[i]}, {"done_on", s.done_on()[i]}, {"due", s.due()[i]}})
            if (day != snapshot::none) row[name] = iso_or_empty(day);
        rows.push_back(std::move(row));
        plan_of.push_back(p.info.number);
        id_of.push_back(it.id);
    });
    root["items"] = std::move(rows);
    auto occurrences = ordered_json::array();
    for (const auto& o : s.occurrences()) {
        ordered_json row;
        if (several) row["plan"] = plan_of[o.item];
        row["id"] = id_of[o.item];
        row["period_start"] = to_iso(o.period_start);
        row["period_end"] = to_iso(o.period_end);
        row["due"] = to_iso(o.due);
        if (o.done_on) row["done_on"] = to_iso(*o.done_on);
        row["status"] = to_string(o.status);
        occurrences.push_back(std::move(row));
    }
    root["occurrences"] = std::move(occurrences);
    root["diagnostics"] = detail::write_diagnostics(s.diagnostics);
    return detail::dump(root);
}

std::string to_snapshot_csv(std::span<const plan* const> plans, const snapshot& s) {
    const bool several = plans.size() > 1;
    std::string out = several ? "plan," : "";
    out += "id,kind,category,days_late,days_left,stale,percent,last_update,done_on,due\n";
    auto number = [](std::int32_t n) { return n == snapshot::none ? std::string() : std::to_string(n); };
    for_each_item(plans, s, [&](const plan& p, const item& it, std::uint32_t i) {
        if (several) {
            detail::csv_field(out, p.info.number);
            out += ',';
        }
        detail::csv_field(out, it.id);
        out += fmt::format(",{},{},{},{},{},{},{},{},{}\n", to_string(it.kind), to_string(s.category()[i]), number(s.days_late()[i]),
                           number(s.days_left()[i]), s.stale()[i], s.percent()[i] >= 0 ? std::to_string(s.percent()[i]) : "",
                           iso_or_empty(s.last_update()[i]), iso_or_empty(s.done_on()[i]), iso_or_empty(s.due()[i]));
    });
    return out;
}

}  // namespace kehoach
