#include <kehoach/io/plan_json.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>

#include "../detail/json_reader.hpp"
#include "../detail/json_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <vector>

namespace kehoach {
namespace {

using detail::dump;
using detail::write_diagnostics;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

/// Working days an item may take or a dependency may lag: far more than a plan spans, far less than overflows.
constexpr long long max_working_days = 100000;
using detail::json_path;

/// Reads one plan@1 document; every failure becomes a parse_error at the offending value.
class plan_reader : detail::json_reader {
public:
    using json_reader::json_reader;

    plan read() const { return read(parse_json()); }

    /// A units@1 registry, or the units of a plan@1 document: a plan already reviewed names the
    /// units of the next.
    std::vector<unit> read_registry() const {
        const auto root = parse_json();
        if (root.is_object() && root.value("schema", json()) == plan_schema) {
            const auto p = read(root);
            const auto all = p.units().all();
            return {all.begin(), all.end()};
        }
        check_document(root, units_schema, {"schema", "units"});
        const json_path top;
        require(root, top, "units");
        plan p;
        read_units(root, top, p);
        const auto all = p.units().all();
        return {all.begin(), all.end()};
    }

private:
    plan read(const json& root) const {
        check_document(root, plan_schema, {"schema", "plan", "units", "items", "events", "diagnostics"});
        const json_path top;
        require(root, top, "plan");
        require(root, top, "items");

        plan p;
        read_units(root, top, p);
        read_events(root, top, p);
        read_info(root["plan"], top / "plan", p);  // the issue date dates phrases that omit their year
        read_items(root, top, p);
        read_diagnostics(root, top, p);
        return p;
    }

    unit_index unit_named(const plan& p, const json& v, const json_path& path) const {
        const auto name = string_value(v, path);
        const auto found = p.units().find(name);
        if (!found) fail(path, fmt::format("unknown unit \"{}\" (not defined in \"units\")", name));
        return *found;
    }

    void read_units(const json& root, const json_path& top, plan& p) const {
        for_each(root, top, "units", [&](const json& v, const json_path& at) {
            expect_object(v, at, {"id", "name", "kind", "aliases", "parent"});
            unit u{.id = required_string(v, at, "id"), .name = required_string(v, at, "name")};
            if (const auto* kind = optional(v, "kind")) u.kind = enum_value<unit_kind>(*kind, at / "kind", "unit kind");
            u.aliases = string_list(v, at, "aliases");
            guarded(at, [&] { return p.add_unit(std::move(u)); });
        });
        for_each(root, top, "units", [&](const json& v, const json_path& at) {
            const auto parent_id = optional_string(v, at, "parent");
            if (parent_id.empty()) return;
            const auto parent = p.units().find_id(parent_id);
            if (!parent) fail(at / "parent", fmt::format("no unit has the id \"{}\"", parent_id));
            const auto self = *p.units().find_id(v["id"].get<std::string>());
            guarded(at / "parent", [&] { p.set_unit_parent(self, parent); });
        });
    }

    void read_events(const json& root, const json_path& top, plan& p) const {
        for_each(root, top, "events", [&](const json& v, const json_path& at) {
            expect_object(v, at, {"id", "text", "date"});
            event e{.id = required_string(v, at, "id"), .text = required_string(v, at, "text"),
                    .date = optional_date(v, at, "date")};
            guarded(at / "id", [&] { return p.add_event(std::move(e)); });
        });
    }

    recurrence_rule read_recurrence(const json& v, const json_path& at) const {
        expect_object(v, at, {"freq", "day", "weekday", "before", "month", "next_period", "time"});
        recurrence_rule r;
        r.freq = enum_value<frequency>(require(v, at, "freq"), at / "freq", "frequency");
        r.day = static_cast<std::uint8_t>(optional_integer(v, at, "day", 1, 31));
        r.weekday = static_cast<std::uint8_t>(optional_integer(v, at, "weekday", 1, 7));
        r.before = optional_bool(v, at, "before");
        r.month = static_cast<std::uint8_t>(optional_integer(v, at, "month", 1, 12));
        r.next_period = optional_bool(v, at, "next_period");
        if (const auto* time = optional(v, "time")) {
            const auto text = string_value(*time, at / "time");
            const bool shaped = text.size() == 5 && text[2] == ':' &&
                                std::all_of(text.begin(), text.end(), [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
            const int hour = shaped ? std::stoi(text.substr(0, 2)) : -1;
            const int minute = shaped ? std::stoi(text.substr(3, 2)) : -1;
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
                fail(at / "time", fmt::format("\"{}\" is not a time of day HH:MM", text));
            r.minute_of_day = static_cast<std::uint16_t>(hour * 60 + minute);
        }
        return r;
    }

    /// A deadline: normalized fields as written, or, when only its text is given, the text read by
    /// parse_deadline() with what it could not read added to the plan's diagnostics.
    deadline read_deadline(const json& v, const json_path& at, plan& p, const std::string& item_id) const {
        expect_object(v, at, {"text", "kind", "start", "end", "soft", "also_ongoing", "recurrence", "event"});
        const auto text = optional_string(v, at, "text");
        if (!optional(v, "kind")) {
            if (text.empty()) fail(at, "a deadline needs its \"text\", its \"kind\", or both");
            for (const auto* field : {"start", "end", "soft", "also_ongoing", "recurrence", "event"})
                if (optional(v, field)) fail(at / field, "normalized fields need the \"kind\" they belong to");
            auto reading = parse_deadline(text, p.info.date);
            const auto where = position(at / "text");
            for (auto& d : reading.diagnostics) {
                d.item = item_id;
                d.line = where.line;
                d.column = where.column + d.column;  // past the opening quote
                d.message = fmt::format("deadline \"{}\": {}", text, d.message);
                p.diagnostics.push_back(std::move(d));
            }
            return reading.deadline;
        }
        deadline d;
        d.text = text;
        d.kind = enum_value<deadline_kind>(require(v, at, "kind"), at / "kind", "deadline kind");
        d.start = optional_date(v, at, "start");
        d.end = optional_date(v, at, "end");
        if (d.start && d.end && *d.end < *d.start)
            fail(at / "end", fmt::format("ends ({}) before it starts ({})", to_iso(*d.end), to_iso(*d.start)));
        d.soft = optional_bool(v, at, "soft");
        d.also_ongoing = optional_bool(v, at, "also_ongoing");
        for_each(v, at, "recurrence", [&](const json& r, const json_path& rat) { d.recurrence.push_back(read_recurrence(r, rat)); });
        d.event = optional_string(v, at, "event");
        return d;
    }

    void read_items(const json& root, const json_path& top, plan& p) const {
        const auto& items = root["items"];
        const auto here = top / "items";
        check_array(items, here);
        // First the items themselves, then what refers to other items, which may come later.
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& v = items[i];
            const auto at = here / i;
            expect_object(v, at, {"id", "number", "parent", "kind", "title", "text", "roles", "deadline",
                                  "duration", "depends_on", "implements", "targets", "note", "source"});
            item it;
            it.id = required_string(v, at, "id");
            it.number = required_string(v, at, "number");
            it.kind = enum_value<item_kind>(require(v, at, "kind"), at / "kind", "item kind");
            it.title = required_string(v, at, "title");
            it.text = optional_string(v, at, "text");
            if (const auto* roles = optional(v, "roles")) {
                const auto rat = at / "roles";
                expect_object(*roles, rat, {"lead", "support", "monitor", "report_to", "approver"});
                for (std::size_t r = 0; r < role_count; ++r) {
                    const auto name = to_string(static_cast<role>(r));
                    for_each(*roles, rat, name, [&](const json& u, const json_path& uat) {
                        const auto unit = unit_named(p, u, uat);
                        auto& list = it.roles[r];
                        if (std::find(list.begin(), list.end(), unit) != list.end())
                            fail(uat, fmt::format("unit \"{}\" is listed twice", u.get<std::string>()));
                        list.push_back(unit);
                    });
                }
            }
            if (const auto* d = optional(v, "deadline")) it.deadline = read_deadline(*d, at / "deadline", p, it.id);
            if (const auto* d = optional(v, "duration"))
                it.duration = static_cast<int>(integer_value(*d, at / "duration", 0, max_working_days));
            for_each(v, at, "implements", [&](const json& ref, const json_path& rat) {
                expect_object(ref, rat, {"plan", "item"});
                it.implements.push_back({required_string(ref, rat, "plan"), required_string(ref, rat, "item")});
            });
            it.targets = string_list(v, at, "targets");
            it.note = optional_string(v, at, "note");
            if (const auto* source = optional(v, "source")) {
                const auto sat = at / "source";
                expect_object(*source, sat, {"line", "end_line"});
                constexpr auto max_line = std::numeric_limits<std::int32_t>::max();
                source_span span{static_cast<std::size_t>(integer_value(require(*source, sat, "line"), sat / "line", 1, max_line)),
                                 static_cast<std::size_t>(optional_integer(*source, sat, "end_line", 1, max_line))};
                if (span.end_line == 0) span.end_line = span.line;
                if (span.end_line < span.line) fail(sat / "end_line", "end_line is before line");
                it.source = span;
            }
            guarded(at / "id", [&] { return p.add_item(std::move(it)); });
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& v = items[i];
            const auto at = here / i;
            const auto index = static_cast<item_index>(i);
            if (const auto* parent = optional(v, "parent")) {
                const auto id = string_value(*parent, at / "parent");
                const auto found = p.find_item(id);
                if (!found) fail(at / "parent", fmt::format("no item has the id \"{}\"", id));
                guarded(at / "parent", [&] { p.set_parent(index, found); });
            }
            for_each(v, at, "depends_on", [&](const json& dep, const json_path& dat) {
                guarded(dat, [&] { p.add_dependency(index, read_dependency(p, dep, dat)); });
            });
        }
    }

    dependency read_dependency(const plan& p, const json& v, const json_path& at) const {
        auto item_target = [&](const json& id_value, const json_path& id_at) {
            const auto id = string_value(id_value, id_at);
            const auto found = p.find_item(id);
            if (!found) fail(id_at, fmt::format("no item has the id \"{}\"", id));
            return *found;
        };
        if (v.is_string()) return {dependency_type::finish_to_start, item_target(v, at), 0};
        if (!v.is_object()) fail(at, fmt::format("expected an item id or an object, got {}", type_name(v)));
        if (v.contains("event")) {
            expect_object(v, at, {"event"});
            const auto id = string_value(v["event"], at / "event");
            const auto found = p.find_event(id);
            if (!found) fail(at / "event", fmt::format("no event has the id \"{}\"", id));
            return {dependency_type::after_event, *found, 0};
        }
        expect_object(v, at, {"item", "type", "lag"});
        dependency dep{dependency_type::finish_to_start, item_target(require(v, at, "item"), at / "item"), 0};
        if (const auto* type = optional(v, "type")) {
            dep.type = enum_value<dependency_type>(*type, at / "type", "dependency type");
            if (dep.type == dependency_type::after_event)
                fail(at / "type", "after_event names an event: write {\"event\": id}");
        }
        dep.lag = static_cast<int>(optional_integer(v, at, "lag", -max_working_days, max_working_days));
        return dep;
    }

    void read_info(const json& v, const json_path& at, plan& p) const {
        expect_object(v, at, {"issuer", "number", "date", "title", "level", "place", "parents", "signer", "roles"});
        auto& info = p.info;
        info.issuer = optional_string(v, at, "issuer");
        info.number = optional_string(v, at, "number");
        info.date = optional_date(v, at, "date");
        info.title = optional_string(v, at, "title");
        if (const auto* level = optional(v, "level")) info.level = enum_value<plan_level>(*level, at / "level", "plan level");
        info.place = optional_string(v, at, "place");
        for_each(v, at, "parents", [&](const json& parent, const json_path& pat) {
            expect_object(parent, pat, {"number", "date", "issuer"});
            info.parents.push_back({required_string(parent, pat, "number"), optional_date(parent, pat, "date"),
                                    optional_string(parent, pat, "issuer")});
        });
        if (const auto* signer = optional(v, "signer")) {
            const auto sat = at / "signer";
            expect_object(*signer, sat, {"name", "title", "authority"});
            info.signer = {optional_string(*signer, sat, "name"), optional_string(*signer, sat, "title"),
                           optional_string(*signer, sat, "authority")};
        }
        if (const auto* roles = optional(v, "roles")) {
            const auto rat = at / "roles";
            expect_object(*roles, rat, {"monitor", "report_compiler"});
            for (std::size_t r = 0; r < plan_role_count; ++r) {
                const auto which = static_cast<plan_role>(r);
                for_each(*roles, rat, to_string(which), [&](const json& u, const json_path& uat) {
                    const auto unit = unit_named(p, u, uat);
                    guarded(uat, [&] { p.add_plan_role(which, unit); });
                });
            }
        }
    }

    void read_diagnostics(const json& root, const json_path& top, plan& p) const {
        for_each(root, top, "diagnostics", [&](const json& v, const json_path& at) {
            expect_object(v, at, {"severity", "code", "item", "line", "column", "message"});
            diagnostic d;
            d.severity = enum_value<severity>(require(v, at, "severity"), at / "severity", "severity");
            d.code = required_string(v, at, "code");
            d.item = optional_string(v, at, "item");
            if (!d.item.empty() && !p.find_item(d.item)) fail(at / "item", fmt::format("no item has the id \"{}\"", d.item));
            constexpr auto max = std::numeric_limits<std::int32_t>::max();
            d.line = static_cast<std::size_t>(optional_integer(v, at, "line", 1, max));
            d.column = static_cast<std::size_t>(optional_integer(v, at, "column", 1, max));
            d.message = required_string(v, at, "message");
            p.diagnostics.push_back(std::move(d));
        });
    }

};

// The writer: a field is written only when it holds something (docs/plan-format.md).

void put(ordered_json& o, std::string_view key, const std::string& value) {
    if (!value.empty()) o[std::string(key)] = value;
}

void put(ordered_json& o, std::string_view key, const std::optional<date>& value) {
    if (value) o[std::string(key)] = to_iso(*value);
}

void put(ordered_json& o, std::string_view key, bool value) {
    if (value) o[std::string(key)] = true;
}

void put(ordered_json& o, std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) o[std::string(key)] = values;
}

void put(ordered_json& o, std::string_view key, ordered_json value) {
    if (!value.empty()) o[std::string(key)] = std::move(value);
}

ordered_json unit_names(const plan& p, const std::vector<unit_index>& units) {
    auto out = ordered_json::array();
    for (auto u : units) out.push_back(p.units()[u].name);
    return out;
}

ordered_json write_recurrence(const recurrence_rule& r) {
    ordered_json o;
    o["freq"] = to_string(r.freq);
    if (r.day) o["day"] = r.day;
    if (r.weekday) o["weekday"] = r.weekday;
    put(o, "before", r.before);
    if (r.month) o["month"] = r.month;
    put(o, "next_period", r.next_period);
    if (r.minute_of_day) o["time"] = fmt::format("{:02}:{:02}", *r.minute_of_day / 60, *r.minute_of_day % 60);
    return o;
}

ordered_json write_deadline(const deadline& d) {
    ordered_json o;
    put(o, "text", d.text);
    o["kind"] = to_string(d.kind);
    put(o, "start", d.start);
    put(o, "end", d.end);
    put(o, "soft", d.soft);
    put(o, "also_ongoing", d.also_ongoing);
    auto rules = ordered_json::array();
    for (const auto& r : d.recurrence) rules.push_back(write_recurrence(r));
    put(o, "recurrence", std::move(rules));
    put(o, "event", d.event);
    return o;
}

ordered_json write_dependency(const plan& p, const dependency& dep) {
    if (dep.type == dependency_type::after_event) return {{"event", p.events()[dep.target].id}};
    const auto& id = p[dep.target].id;
    if (dep.type == dependency_type::finish_to_start && dep.lag == 0) return id;
    ordered_json o;
    o["item"] = id;
    o["type"] = to_string(dep.type);
    if (dep.lag != 0) o["lag"] = dep.lag;
    return o;
}

ordered_json write_item(const plan& p, const item& it) {
    ordered_json o;
    o["id"] = it.id;
    o["number"] = it.number;
    if (it.parent) o["parent"] = p[*it.parent].id;
    o["kind"] = to_string(it.kind);
    o["title"] = it.title;
    put(o, "text", it.text);
    ordered_json roles;
    for (std::size_t r = 0; r < role_count; ++r)
        put(roles, to_string(static_cast<role>(r)), unit_names(p, it.roles[r]));
    put(o, "roles", std::move(roles));
    if (it.deadline) o["deadline"] = write_deadline(*it.deadline);
    if (it.duration) o["duration"] = *it.duration;
    auto deps = ordered_json::array();
    for (const auto& dep : it.depends_on) deps.push_back(write_dependency(p, dep));
    put(o, "depends_on", std::move(deps));
    auto implements = ordered_json::array();
    for (const auto& ref : it.implements) implements.push_back({{"plan", ref.plan}, {"item", ref.item}});
    put(o, "implements", std::move(implements));
    put(o, "targets", it.targets);
    put(o, "note", it.note);
    if (it.source) {
        ordered_json source;
        source["line"] = it.source->line;
        if (it.source->end_line != it.source->line) source["end_line"] = it.source->end_line;
        o["source"] = std::move(source);
    }
    return o;
}

ordered_json write_info(const plan& p) {
    const auto& info = p.info;
    ordered_json o = ordered_json::object();
    put(o, "issuer", info.issuer);
    put(o, "number", info.number);
    put(o, "date", info.date);
    put(o, "title", info.title);
    if (info.level) o["level"] = to_string(*info.level);
    put(o, "place", info.place);
    auto parents = ordered_json::array();
    for (const auto& parent : info.parents) {
        ordered_json po;
        po["number"] = parent.number;
        put(po, "date", parent.date);
        put(po, "issuer", parent.issuer);
        parents.push_back(std::move(po));
    }
    put(o, "parents", std::move(parents));
    ordered_json signer;
    put(signer, "name", info.signer.name);
    put(signer, "title", info.signer.title);
    put(signer, "authority", info.signer.authority);
    put(o, "signer", std::move(signer));
    ordered_json roles;
    for (std::size_t r = 0; r < plan_role_count; ++r) {
        const auto which = static_cast<plan_role>(r);
        put(roles, to_string(which), unit_names(p, p.plan_roles(which)));
    }
    put(o, "roles", std::move(roles));
    return o;
}


}  // namespace

plan parse_plan_json(std::string_view text, std::string_view source, const read_limits& limits) {
    return plan_reader(text, source, limits).read();
}

plan load_plan_json(const std::filesystem::path& path, const read_limits& limits) {
    return parse_plan_json(read_input(path, limits.max_input_bytes), input_name(path), limits);
}

std::vector<unit> parse_units_json(std::string_view text, std::string_view source, const read_limits& limits) {
    return plan_reader(text, source, limits).read_registry();
}

std::vector<unit> load_units(const std::filesystem::path& path, const read_limits& limits) {
    return parse_units_json(read_input(path, limits.max_input_bytes), input_name(path), limits);
}

std::string to_plan_json(const plan& p) {
    ordered_json root;
    root["schema"] = plan_schema;
    root["plan"] = write_info(p);
    auto units = ordered_json::array();
    for (const auto& u : p.units().all()) {
        ordered_json o;
        o["id"] = u.id;
        o["name"] = u.name;
        o["kind"] = to_string(u.kind);
        put(o, "aliases", u.aliases);
        if (u.parent) o["parent"] = p.units()[*u.parent].id;
        units.push_back(std::move(o));
    }
    put(root, "units", std::move(units));
    auto items = ordered_json::array();
    for (const auto& it : p.items()) items.push_back(write_item(p, it));
    root["items"] = std::move(items);
    auto events = ordered_json::array();
    for (const auto& e : p.events()) {
        ordered_json o;
        o["id"] = e.id;
        o["text"] = e.text;
        put(o, "date", e.date);
        events.push_back(std::move(o));
    }
    put(root, "events", std::move(events));
    put(root, "diagnostics", write_diagnostics(p.diagnostics));
    return dump(root);
}

std::string to_deadline_json(const deadline_reading& reading) {
    ordered_json root;
    root["deadline"] = write_deadline(reading.deadline);
    put(root, "diagnostics", write_diagnostics(reading.diagnostics));
    return dump(root);
}

}  // namespace kehoach
