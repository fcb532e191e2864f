#include <kehoach/analysis/lint.hpp>

#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/parse/unit_names.hpp>
#include <kehoach/time/calendar.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kehoach {
namespace {

// Errors: the plan cannot be scheduled or read unambiguously. Info: the law settles it by itself.
// Warnings: what leaves a task unclear (docs/lint.md). Other codes of the reader keep its severity.
constexpr std::array<std::string_view, 4> error_codes{"cycle", "unknown_dependency", "invalid_date", "duplicate_number"};
constexpr std::array<std::string_view, 1> info_codes{"deadline_on_rest_day"};
constexpr std::array<std::string_view, 9> warning_codes{
    "no_lead",        "support_without_lead",  "group_as_lead", "many_leads",        "unknown_unit",
    "vague_deadline", "deadline_before_issue", "no_deadline",   "child_after_parent"};

// What the deadline reader says of a phrase it could not read, but for invalid_date: all one
// problem to the people who wrote the plan, a deadline that names no day.
constexpr std::array<std::string_view, 3> unreadable_deadline_codes{"unrecognized_deadline", "missing_year",
                                                                    "ambiguous_deadline"};

bool is_one_of(std::string_view code, std::span<const std::string_view> codes) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

severity severity_of(std::string_view code, severity fallback) {
    if (is_one_of(code, error_codes)) return severity::error;
    if (is_one_of(code, info_codes)) return severity::info;
    if (is_one_of(code, warning_codes)) return severity::warning;
    return fallback;
}

struct messages {
    std::string_view item;
    std::string_view unnumbered_plan;
    std::string_view no_lead;
    std::string_view support_without_lead;
    std::string_view group_as_lead;
    std::string_view many_leads;
    std::string_view unknown_unit;
    std::string_view no_deadline;
    std::string_view vague_deadline;
    std::string_view invalid_date;
    std::string_view reversed_window;
    std::string_view before_issue;
    std::string_view rest_day;
    std::string_view cycle;
    std::string_view duplicate_number;
    std::string_view child_after_parent;
    std::array<std::string_view, 7> weekdays;  // ISO order, Monday first
};

constexpr messages vietnamese{
    "mục {}",
    "Kế hoạch không số",
    "{}: không có đơn vị thực hiện (chủ trì)",
    "{}: có đơn vị phối hợp ({}) nhưng không có đơn vị thực hiện (chủ trì)",
    "{}: đơn vị thực hiện {} là một tập thể: không ai cụ thể chịu trách nhiệm",
    "{}: {} đơn vị thực hiện ({}); mỗi nhiệm vụ chỉ giao một đơn vị chủ trì (Nghị định 39/2022/NĐ-CP)",
    "{}: \"{}\" không thuộc loại đơn vị nào kehoach biết",
    "{}: không có thời hạn",
    "{}: thời hạn \"{}\" không cho biết ngày nào",
    "{}: thời hạn \"{}\" có ngày không tồn tại",
    "{}: thời hạn \"{}\" kết thúc ngày {}, trước khi bắt đầu ngày {}",
    "{}: thời hạn \"{}\" kết thúc ngày {}, trước ngày ban hành kế hoạch {}: quá hạn ngay khi ban hành",
    "{}: thời hạn \"{}\" kết thúc ngày {} ({}), ngày nghỉ; theo Điều 148 Bộ luật Dân sự, hạn chuyển sang ngày làm việc tiếp theo, {}",
    "vòng phụ thuộc: {}; không thể lập lịch",
    "{}: số {} đã dùng cho {} cùng cấp",
    "{}: thời hạn \"{}\" kết thúc ngày {}, sau thời hạn {} của {} {} mà mục này thực hiện",
    {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"},
};

constexpr messages english{
    "item {}",
    "unnumbered plan",
    "{}: no lead unit",
    "{}: supporting units ({}) but no lead unit",
    "{}: the lead {} is a collective: nobody in particular answers for it",
    "{}: {} lead units ({}); each task has one lead (Decree 39/2022/NĐ-CP)",
    "{}: \"{}\" is no kind of unit kehoach knows",
    "{}: no deadline",
    "{}: the deadline \"{}\" gives no date",
    "{}: the deadline \"{}\" names a date that does not exist",
    "{}: the deadline \"{}\" ends on {}, before it starts on {}",
    "{}: the deadline \"{}\" ends on {}, before the plan was issued on {}: overdue from the start",
    "{}: the deadline \"{}\" ends on {} ({}), a day off; by Civil Code art. 148 it moves to the next working day, {}",
    "dependency cycle: {}; it cannot be scheduled",
    "{}: the number {} is already taken by {} at the same level",
    "{}: the deadline \"{}\" ends on {}, after the deadline {} of {} of {}, which it implements",
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
};

template <class... Args>
std::string say(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
}

/// The nearest of the item and its group headings for which `has` holds: a heading's lead or
/// deadline stands for the tasks under it that name none.
template <class Has>
std::optional<item_index> self_or_heading(const plan& p, item_index i, Has has) {
    for (std::optional<item_index> at = i; at; at = p[*at].parent)
        if (has(p[*at])) return at;
    return std::nullopt;
}

/// Whether a number tells an item from its siblings: bullets all share their mark.
bool is_own_number(std::string_view number) { return !number.empty() && number != "-" && number != "+"; }

std::optional<item_index> deadline_holder(const plan& p, item_index i) {
    return self_or_heading(p, i, [](const item& it) { return it.deadline.has_value(); });
}

/// Lints one plan into findings kept per item, so that findings the portfolio adds later still
/// come out in document order.
class plan_linter {
public:
    plan_linter(const plan& p, const calendar& cal, language lang)
        : p_(p), cal_(cal), says_(lang == language::vi ? vietnamese : english), vi_(lang == language::vi),
          by_item_(p.size()) {
        for (const auto& it : p.items()) ++numbered_[it.number];
    }

    void run() {
        pass_through();
        own_duplicates();
        for (item_index i = 0; i < p_.size(); ++i) {
            leads(i);
            if (p_[i].deadline) deadline_of(i, *p_[i].deadline);
            else if (p_[i].kind == item_kind::task && !deadline_holder(p_, i))
                add(i, "no_deadline", say(says_.no_deadline, label(i)));
        }
        if (!read_from_document()) own_unknown_units();
        cycles();
    }

    void add(item_index i, std::string code, std::string message) {
        const auto& it = p_[i];
        if (passed_.contains({code, it.id})) return;
        const auto severity = severity_of(code, severity::warning);
        by_item_[i].push_back({severity, std::move(code), it.id, it.source ? it.source->line : 0, 0, std::move(message)});
    }

    /// "mục 2.3" where the number is the plan's own name for the item, else its id.
    [[nodiscard]] std::string label(item_index i) const {
        const auto& it = p_[i];
        const bool named = is_own_number(it.number) && numbered_.at(it.number) == 1;
        return say(says_.item, named ? it.number : it.id);
    }

    [[nodiscard]] std::string day(date d) const {
        if (!vi_) return to_iso(d);
        const std::chrono::year_month_day ymd{d};
        return fmt::format("{:02}/{:02}/{}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                           static_cast<int>(ymd.year()));
    }

    [[nodiscard]] const messages& says() const noexcept { return says_; }

    std::vector<diagnostic> take() {
        std::vector<diagnostic> out = std::move(plan_level_);
        for (auto& found : by_item_) std::move(found.begin(), found.end(), std::back_inserter(out));
        return out;
    }

private:
    /// The reader's findings, with lint's severities; phrases it could not read become the
    /// item's vague_deadline (deadline_of), at the place the reader found.
    void pass_through() {
        for (const auto& d : p_.diagnostics) {
            const auto i = p_.find_item(d.item);
            if (is_one_of(d.code, unreadable_deadline_codes) && i) {
                unreadable_at_.try_emplace(*i, d.line, d.column);
                continue;
            }
            auto found = d;
            found.severity = severity_of(d.code, d.severity);
            passed_.insert({d.code, d.item});
            if (i) by_item_[*i].push_back(std::move(found));
            else plan_level_.push_back(std::move(found));
        }
    }

    [[nodiscard]] bool read_from_document() const {
        return std::any_of(p_.items().begin(), p_.items().end(), [](const item& it) { return it.source.has_value(); });
    }

    void leads(item_index i) {
        const auto& it = p_[i];
        const auto& leads = it.units(role::lead);
        if (leads.empty()) {
            const bool inherited = self_or_heading(p_, i, [](const item& x) { return !x.units(role::lead).empty(); }).has_value();
            if (it.kind != item_kind::task || inherited) return;
            const auto& support = it.units(role::support);
            if (support.empty()) add(i, "no_lead", say(says_.no_lead, label(i)));
            else add(i, "support_without_lead", say(says_.support_without_lead, label(i), quoted(support)));
            return;
        }
        const bool only_groups = std::all_of(leads.begin(), leads.end(),
                                             [&](unit_index u) { return p_.units()[u].kind == unit_kind::group; });
        if (only_groups) add(i, "group_as_lead", say(says_.group_as_lead, label(i), quoted(leads)));
        if (leads.size() > 1) add(i, "many_leads", say(says_.many_leads, label(i), leads.size(), quoted(leads)));
    }

    void deadline_of(item_index i, const deadline& d) {
        const bool dated = d.kind == deadline_kind::by_date || d.kind == deadline_kind::within_period;
        if (d.kind == deadline_kind::unknown) {
            const auto reading = parse_deadline(d.text, p_.info.date);
            const bool invalid = std::any_of(reading.diagnostics.begin(), reading.diagnostics.end(),
                                             [](const diagnostic& r) { return r.code == "invalid_date"; });
            if (invalid) add(i, "invalid_date", say(says_.invalid_date, label(i), d.text));
            else vague(i, d);
            return;
        }
        if ((dated && !d.end) || (d.kind == deadline_kind::from_date && !d.start)) {
            vague(i, d);
            return;
        }
        if (d.start && d.end && *d.end < *d.start) {
            add(i, "invalid_date", say(says_.reversed_window, label(i), d.text, day(*d.end), day(*d.start)));
            return;
        }
        if (!d.end) return;
        if (p_.info.date && *d.end < *p_.info.date)
            add(i, "deadline_before_issue", say(says_.before_issue, label(i), d.text, day(*d.end), day(*p_.info.date)));
        rest_day(i, d);
    }

    void vague(item_index i, const deadline& d) {
        add(i, "vague_deadline", say(says_.vague_deadline, label(i), d.text));
        if (const auto at = unreadable_at_.find(i); at != unreadable_at_.end()) {
            by_item_[i].back().line = at->second.first;
            by_item_[i].back().column = at->second.second;
        }
    }

    void rest_day(item_index i, const deadline& d) {
        const auto year = static_cast<int>(std::chrono::year_month_day{*d.end}.year());
        // The calendar knows no rest days outside its range, nor a working day after its last year.
        if (year < calendar::first_year || year >= calendar::last_year || cal_.is_working_day(*d.end)) return;
        add(i, "deadline_on_rest_day",
            say(says_.rest_day, label(i), d.text, day(*d.end), why_off(*d.end), day(cal_.roll_forward(*d.end))));
    }

    /// The holiday's name, else the day of the week.
    [[nodiscard]] std::string why_off(date d) const {
        const auto year = static_cast<int>(std::chrono::year_month_day{d}.year());
        for (const auto& h : cal_.holidays(year))
            if (h.day == d && h.kind != day_off_kind::makeup_workday) return h.name;
        return std::string(says_.weekdays[std::chrono::weekday{d}.iso_encoding() - 1]);
    }

    /// Siblings numbered alike: the reader reports its own, under the ids it made unique; a plan
    /// built otherwise is checked here.
    void own_duplicates() {
        std::map<std::pair<std::optional<item_index>, std::string_view>, item_index> first;
        for (item_index i = 0; i < p_.size(); ++i) {
            const auto& it = p_[i];
            if (!is_own_number(it.number)) continue;
            const auto [at, added] = first.try_emplace({it.parent, it.number}, i);
            if (!added)
                add(i, "duplicate_number",
                    say(says_.duplicate_number, say(says_.item, it.id), it.number, say(says_.item, p_[at->second].id)));
        }
    }

    /// The reader reports the names it does not know as it meets them; a plan built otherwise is
    /// checked here, once a unit, on the first item naming it. Posts held by a person are named
    /// by people's names, which are no kind of unit.
    void own_unknown_units() {
        std::vector<bool> seen(p_.units().size(), false);
        for (item_index i = 0; i < p_.size(); ++i)
            for (const auto& units : p_[i].roles)
                for (const auto u : units) {
                    const auto& unit = p_.units()[u];
                    if (seen[u] || unit.kind == unit_kind::person) continue;
                    seen[u] = true;
                    if (!is_known_unit(unit.name)) add(i, "unknown_unit", say(says_.unknown_unit, label(i), unit.name));
                }
    }

    void cycles() {
        const auto graph = plan_graph::of(p_);
        for (const auto& cycle : graph.cycles()) {
            std::string path;
            for (const auto v : cycle) path += label(v) + " → ";
            path += label(cycle.front());
            add(cycle.front(), "cycle", say(says_.cycle, path));
        }
    }

    [[nodiscard]] std::string quoted(const std::vector<unit_index>& units) const {
        std::string out;
        for (const auto u : units) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", p_.units()[u].name);
        return out;
    }

    const plan& p_;
    const calendar& cal_;
    const messages& says_;
    bool vi_;
    std::vector<std::vector<diagnostic>> by_item_;
    std::vector<diagnostic> plan_level_;
    std::unordered_map<std::string, std::size_t> numbered_;
    std::set<std::pair<std::string, std::string>> passed_;  // (code, item) the reader reported
    std::unordered_map<item_index, std::pair<std::size_t, std::size_t>> unreadable_at_;
};

const calendar& calendar_of(const lint_options& options, std::optional<calendar>& owned) {
    if (options.calendar) return *options.calendar;
    return owned.emplace(calendar::vietnam());
}

std::string plan_name(const plan& p, const messages& says) {
    const std::string number = p.info.number.empty() ? std::string(says.unnumbered_plan) : p.info.number;
    return p.info.issuer.empty() ? number : fmt::format("{} ({})", number, p.info.issuer);
}

}  // namespace

std::vector<diagnostic> lint(const plan& p, const lint_options& options) {
    std::optional<calendar> owned;
    plan_linter linter(p, calendar_of(options, owned), options.lang);
    linter.run();
    return linter.take();
}

std::vector<std::vector<diagnostic>> lint(const portfolio& all, const lint_options& options) {
    std::optional<calendar> owned;
    const auto& cal = calendar_of(options, owned);
    std::vector<plan_linter> linters;
    linters.reserve(all.size());
    for (const auto& p : all.plans()) linters.emplace_back(p, cal, options.lang).run();

    for (const auto& link : all.links()) {
        const auto& child = all[link.child_plan];
        const auto& parent = all[link.parent_plan];
        const auto child_at = deadline_holder(child, link.child_item);
        const auto parent_at = deadline_holder(parent, link.parent_item);
        if (!child_at || !parent_at) continue;
        const auto& mine = *child[*child_at].deadline;
        const auto& theirs = *parent[*parent_at].deadline;
        if (!mine.end || !theirs.end || *mine.end <= *theirs.end) continue;
        auto& linter = linters[link.child_plan];
        const auto& says = linter.says();
        linter.add(link.child_item, "child_after_parent",
                   say(says.child_after_parent, linter.label(link.child_item), mine.text, linter.day(*mine.end),
                       linter.day(*theirs.end), linters[link.parent_plan].label(link.parent_item), plan_name(parent, says)));
    }

    std::vector<std::vector<diagnostic>> out;
    out.reserve(linters.size());
    for (auto& linter : linters) out.push_back(linter.take());
    return out;
}

}  // namespace kehoach
