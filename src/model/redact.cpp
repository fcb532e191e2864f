#include <kehoach/model/redact.hpp>

#include <kehoach/text/redact.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace kehoach {
namespace {

/// Calls `visit` on every piece of free text of a plan that may name someone, but the units' names
/// (the registry keys units by them): to read them from a plan, or to rewrite them in its copy.
template <class Info, class Items, class Events, class Diagnostics, class Visit>
void each_text(Info& info, Items&& items, Events&& events, Diagnostics& diagnostics, Visit visit) {
    for (auto* text : {&info.issuer, &info.title, &info.place}) visit(*text);
    for (auto& parent : info.parents) visit(parent.issuer);
    for (auto& it : items) {
        for (auto* text : {&it.title, &it.text, &it.note}) visit(*text);
        for (auto& target : it.targets) visit(target);
        if (it.deadline) {
            visit(it.deadline->text);
            visit(it.deadline->event);
        }
    }
    for (auto& e : events) visit(e.text);
    for (auto& d : diagnostics) visit(d.message);
}

}  // namespace

std::string_view redaction_mark(language lang) { return lang == language::en ? "[redacted]" : "[đã ẩn]"; }

std::vector<std::string> personal_names(const plan& p) {
    std::vector<std::string> out;
    const auto add = [&](std::string name) {
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    };
    // A one-syllable name ("ông Tư") is hidden where its cue stands, but is no name to hide
    // everywhere: "Tư" begins "Tư pháp", "A" is a letter of an appendix.
    const auto find = [&](const std::string& text) {
        for (auto& name : personal_names(std::string_view(text)))
            if (name.find(' ') != std::string::npos) add(std::move(name));
    };
    add(p.info.signer.name);
    each_text(p.info, p.items(), p.events(), p.diagnostics, find);
    for (const auto& u : p.units().all()) {
        find(u.name);
        for (const auto& alias : u.aliases) find(alias);
    }
    return out;
}

plan redacted(const plan& p, language lang) {
    const auto names = personal_names(p);
    const auto mark = redaction_mark(lang);
    const auto hide = [&](std::string& text) { text = redact_names(text, names, mark); };

    // Built anew through the checked mutators, with the same indices: the registry keys units by
    // name, and two people's posts may now read the same ("Đ/c [đã ẩn]"), told apart by a number.
    plan out;
    out.info = p.info;
    out.info.signer.name.clear();
    out.diagnostics = p.diagnostics;
    std::vector<item> items(p.items().begin(), p.items().end());
    std::vector<event> events(p.events().begin(), p.events().end());
    each_text(out.info, items, events, out.diagnostics, hide);

    for (unit_index k = 0; k < p.units().size(); ++k) {
        auto u = p.units()[k];
        const auto name = redact_names(u.name, names, mark);
        std::vector<std::string> aliases;
        for (const auto& alias : u.aliases)
            if (auto hidden = redact_names(alias, names, mark); !out.units().find(hidden)) aliases.push_back(std::move(hidden));
        if (name != u.name || aliases != u.aliases) u.id = fmt::format("redacted-{}", k);
        u.name = name;
        for (int n = 2; out.units().find(u.name); ++n) u.name = fmt::format("{} ({})", name, n);
        std::erase_if(aliases, [&](const std::string& alias) { return alias == u.name; });
        u.aliases = std::move(aliases);
        u.parent.reset();
        out.add_unit(std::move(u));
    }
    for (unit_index k = 0; k < p.units().size(); ++k) out.set_unit_parent(k, p.units()[k].parent);
    for (auto& e : events) out.add_event(std::move(e));
    for (auto& it : items) {
        it.parent.reset();
        it.depends_on.clear();
        out.add_item(std::move(it));
    }
    for (item_index k = 0; k < p.size(); ++k) {
        out.set_parent(k, p[k].parent);
        for (const auto& dep : p[k].depends_on) out.add_dependency(k, dep);
    }
    for (std::size_t r = 0; r < plan_role_count; ++r)
        for (const auto u : p.plan_roles(static_cast<plan_role>(r))) out.add_plan_role(static_cast<plan_role>(r), u);
    return out;
}

portfolio redacted(const portfolio& all, language lang) {
    portfolio out;
    for (const auto& p : all.plans()) out.add(redacted(p, lang));
    for (const auto& l : all.links()) out.link(l);
    return out;
}

}  // namespace kehoach
