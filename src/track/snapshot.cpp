#include <kehoach/track/snapshot.hpp>

#include <kehoach/error.hpp>
#include <kehoach/time/recurrence.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace kehoach {
namespace {

constexpr std::int32_t none = snapshot::none;
constexpr std::uint32_t none_slot = std::numeric_limits<std::uint32_t>::max();

std::int32_t day_number(date day) { return static_cast<std::int32_t>(day.time_since_epoch().count()); }
date day_of(std::int32_t number) { return date{std::chrono::days{number}}; }

bool continuous(deadline_kind kind) { return kind == deadline_kind::ongoing || kind == deadline_kind::recurring; }

/// An item's reports up to today, followed in date order (the log's order for one day). Twelve
/// bytes: a snapshot reaches one of these, at random, for each of millions of rows.
struct reports {
    std::int32_t last_day = none, done_on = none;
    std::int8_t percent = -1;
    status_state last = status_state::progress;
    bool begun = false;

    [[nodiscard]] bool any() const { return last_day != none; }
    [[nodiscard]] bool done() const { return any() && last == status_state::done; }
    [[nodiscard]] bool cancelled() const { return any() && last == status_state::cancelled; }

    void add(const status_row& r) {
        // Done once, done since the first `done` after the last report of anything else.
        if (r.state == status_state::done && !done()) done_on = day_number(r.day);
        begun |= r.state != status_state::cancelled;
        last = r.state;
        last_day = day_number(r.day);
        if (r.percent >= 0) percent = r.percent;
        if (done()) percent = 100;
    }
};

/// The occurrences of recurring work that have begun by `as_of`, sorted by due day (rolled past
/// rest days), not yet matched to any report. Every item with the same rules counted from the
/// same day has the same ones — thousands of communes' monthly reports — so each is worked out
/// once a snapshot.
class occurrence_schedules {
public:
    occurrence_schedules(const obligation_table& obligations, date as_of, const calendar& cal)
        : obligations_(obligations), as_of_(as_of), cal_(cal) {}

    const std::vector<occurrence_record>& of(std::uint32_t item) {
        const auto start = obligations_.start()[item], since = obligations_.since()[item];
        const auto from = start != none ? start : since != none ? since : day_number(std::chrono::year_month_day{as_of_}.year() / 1 / 1);
        const auto rules = obligations_.rules_number()[item];
        const auto [known, fresh] = known_.try_emplace(std::uint64_t{rules} << 32 | static_cast<std::uint32_t>(from));
        auto& out = known->second;
        if (!fresh) return out;
        for (const auto& rule : obligations_.rules(rules)) {
            for (const auto& occ : occurrences(rule, day_of(from), as_of_ + std::chrono::days{400})) {
                if (occ.period_start > as_of_) break;
                // "trước ngày 12": by the 11th.
                const auto due = cal_.roll_forward(rule.before ? occ.due - std::chrono::days{1} : occ.due);
                out.push_back({0, occ.period_start, occ.period_end, due, std::nullopt, occurrence_status::pending});
            }
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.due < b.due; });
        return out;
    }

private:
    const obligation_table& obligations_;
    date as_of_;
    const calendar& cal_;
    /// By rules number and first day.
    std::unordered_map<std::uint64_t, std::vector<occurrence_record>> known_;
};

/// Matches done reports to the occurrences of recurring work: each report, in date order, fulfils
/// the unfulfilled occurrence due nearest to it whose period had begun. A report on 10/5 is May's
/// (due 11/5), not March's that nobody sent; one on 14/6 is the late report due 12/6, not the
/// next one a month early.
void judge_occurrences(std::uint32_t item, std::span<const occurrence_record> schedule, std::span<const status_row> done_rows,
                       date as_of, detail::column<occurrence_record>& out) {
    const auto first = out.size();
    for (auto occ : schedule) {
        occ.item = item;
        out.push_back(occ);
    }
    const auto mine = std::span(out).subspan(first);
    for (const auto& row : done_rows) {
        occurrence_record* nearest = nullptr;
        for (auto& occ : mine)
            if (!occ.done_on && occ.period_start <= row.day &&
                (!nearest || std::chrono::abs(occ.due - row.day) < std::chrono::abs(nearest->due - row.day)))
                nearest = &occ;
        if (nearest) nearest->done_on = row.day;
    }
    for (auto& occ : mine) {
        if (occ.done_on) occ.status = *occ.done_on <= occ.due ? occurrence_status::on_time : occurrence_status::late;
        else occ.status = occ.due < as_of ? occurrence_status::missing : occurrence_status::pending;
    }
}

}  // namespace

namespace {

std::int32_t day_or_none(const std::optional<date>& day) { return day ? day_number(*day) : none; }
std::optional<date> day_if_any(std::int32_t number) { return number == none ? std::nullopt : std::optional(day_of(number)); }

}  // namespace

void obligation_table::reserve(std::size_t items) {
    for (auto* c : {&start_, &due_, &event_, &since_}) c->reserve(items);
    for (auto* c : {&group_, &rules_}) c->reserve(items);
    kind_.reserve(items);
    flags_.reserve(items);
}

std::size_t obligation_table::rules_hash::operator()(const std::vector<recurrence_rule>& rules) const noexcept {
    std::size_t h = rules.size();
    for (const auto& r : rules)
        h = h * 1'000'003 ^ (static_cast<std::size_t>(r.freq) << 40 | std::size_t{r.day} << 32 | std::size_t{r.weekday} << 24 |
                             std::size_t{r.month} << 16 | std::size_t{r.minute_of_day.value_or(0xffff)} << 2 |
                             std::size_t{r.before} << 1 | std::size_t{r.next_period});
    return h;
}

std::uint32_t obligation_table::number_rules(const std::vector<recurrence_rule>& rules) {
    if (rules.empty()) return no_rules;
    const auto [found, fresh] = rules_numbers_.try_emplace(rules, static_cast<std::uint32_t>(rule_sets_.size()));
    if (fresh) rule_sets_.push_back(rules);
    return found->second;
}

void obligation_table::push_back(const obligation& o) {
    kind_.push_back(o.kind);
    flags_.push_back(static_cast<std::uint8_t>((o.is_group ? is_group_flag : 0) | (o.soft ? soft_flag : 0) |
                                               (o.also_ongoing ? also_ongoing_flag : 0) | (o.waits ? waits_flag : 0)));
    start_.push_back(day_or_none(o.start));
    due_.push_back(day_or_none(o.due));
    event_.push_back(day_or_none(o.event));
    since_.push_back(day_or_none(o.since));
    group_.push_back(o.group.value_or(no_group));
    rules_.push_back(number_rules(o.recurrence));
}

obligation obligation_table::operator[](std::size_t item) const {
    obligation o;
    o.kind = kind_.at(item);
    o.start = day_if_any(start_[item]);
    o.due = day_if_any(due_[item]);
    o.soft = soft(item);
    o.also_ongoing = also_ongoing(item);
    o.waits = waits(item);
    o.event = day_if_any(event_[item]);
    o.recurrence = rule_sets_[rules_[item]];
    o.since = day_if_any(since_[item]);
    if (group_[item] != no_group) o.group = group_[item];
    o.is_group = is_group(item);
    return o;
}

bool operator==(const obligation_table& a, const obligation_table& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

std::string_view label(status_category category, language lang) {
    static constexpr std::array<std::string_view, status_category_count> vietnamese{
        "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện, trong hạn", "Quá hạn, chưa hoàn thành",
        "Chưa đến hạn",        "Chờ sự kiện",        "Thường xuyên",              "Dừng thực hiện"};
    static constexpr std::array<std::string_view, status_category_count> english{
        "Done on time", "Done late", "In progress, on time", "Overdue, not done",
        "Not yet due",  "Waiting for an event", "Ongoing", "Cancelled"};
    return (lang == language::vi ? vietnamese : english)[static_cast<std::size_t>(category)];
}

category_counts snapshot::counts() const {
    category_counts out{};
    for (std::size_t i = 0; i < size(); ++i)
        if (!obligations_.is_group(i)) ++out[static_cast<std::size_t>(category_[i])];
    return out;
}

status_category combined_category(const category_counts& parts) {
    auto has = [&](status_category c) { return parts[static_cast<std::size_t>(c)] > 0; };
    using enum status_category;
    const auto done = parts[0] + parts[1];
    const auto open = parts[2] + parts[3] + parts[4] + parts[5];
    if (has(overdue)) return overdue;
    if (open == 0 && done > 0) return has(done_late) ? done_late : done_on_time;
    if (has(in_progress) || (done > 0 && open > 0)) return in_progress;
    if (has(not_due)) return not_due;
    if (has(waiting)) return waiting;
    if (has(ongoing)) return ongoing;
    return cancelled;
}

snapshot take_snapshot(obligation_table obligations, std::span<const status_row> rows, const calendar& cal,
                       const snapshot_options& options) {
    const auto n = obligations.size();
    const auto as_of = options.as_of;
    const auto today = day_number(as_of);
    snapshot out;
    out.as_of_ = as_of;

    // Each item's reports up to today, folded in the log's order in one pass over the rows: logs
    // are written as work goes, so that is date order. Some items' rows are also gathered, to be
    // ordered and folded again: recurring work's, whose done reports are matched to its
    // occurrences, and back-filled items', whose rows come out of date order. `slot` numbers them.
    // Groups stand for their parts, counted in `parts` by group slot.
    struct item_reports {
        reports seen;
        std::uint32_t slot = none_slot;
    };
    detail::column<item_reports> folded(n);
    detail::column<std::uint32_t> group_slot(n, none_slot);
    std::uint32_t gathered = 0, groups = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (obligations.recurs(i)) folded[i].slot = gathered++;
        if (obligations.is_group(i)) group_slot[i] = groups++;
    }
    detail::column<std::uint32_t> picked;  // rows of gathered items
    bool back_filled = false;
    // The rows come in date order, and so their items in no order: each reaches for its item's
    // reports a few rows ahead, so that the memory's latency overlaps.
    constexpr std::uint32_t ahead = 16;
    const std::size_t last_item = n ? n - 1 : 0;
    for (std::uint32_t k = 0; k < rows.size(); ++k) {
        if (k + ahead < rows.size()) __builtin_prefetch(folded.data() + std::min<std::size_t>(rows[k + ahead].item, last_item));
        const auto& r = rows[k];
        if (r.item >= n) throw error(fmt::format("a status row names item {}, but there are {} items", r.item, n));
        if (r.day > as_of) continue;
        auto& f = folded[r.item];
        if (day_number(r.day) < f.seen.last_day && f.slot == none_slot) {
            f.slot = gathered++;
            back_filled = true;  // its rows so far were not picked
        }
        f.seen.add(r);
        if (f.slot != none_slot) picked.push_back(k);
    }
    if (back_filled) {
        picked.clear();
        for (std::uint32_t k = 0; k < rows.size(); ++k)
            if (rows[k].day <= as_of && folded[rows[k].item].slot != none_slot) picked.push_back(k);
    }
    // The picked rows slot by slot, in the log's order (a counting sort).
    detail::column<std::uint32_t> first(gathered + 1, 0);
    for (auto k : picked) ++first[folded[rows[k].item].slot + 1];
    std::partial_sum(first.begin(), first.end(), first.begin());
    detail::column<std::uint32_t> by_slot(picked.size());
    {
        detail::column<std::uint32_t> next(first.begin(), first.end() - 1);
        for (auto k : picked) by_slot[next[folded[rows[k].item].slot]++] = k;
    }

    out.category_.assign(n, status_category::in_progress);
    for (auto* column : {&out.days_late_, &out.days_left_, &out.last_update_, &out.done_on_}) column->assign(n, none);
    out.stale_.assign(n, 0);
    out.percent_.assign(n, -1);
    detail::column<category_counts> parts(groups);
    detail::column<std::int32_t> latest(groups, none);  // the most days late of an overdue part
    detail::column<std::uint8_t> stale(groups, 0);      // whether any part is stale
    std::vector<status_row> mine;
    std::vector<status_row> done_rows;
    occurrence_schedules schedules(obligations, as_of, cal);
    const auto kind = obligations.kind();
    const auto start = obligations.start(), due = obligations.due(), event = obligations.event(), since = obligations.since();
    for (std::uint32_t i = 0; i < n; ++i) {
        if (const auto slot = folded[i].slot; slot != none_slot) {
            mine.clear();
            for (auto k = first[slot]; k < first[slot + 1]; ++k) mine.push_back(rows[by_slot[k]]);
            // Ordered by date, stably: the log's order within a day.
            const auto by_day = [](const auto& a, const auto& b) { return a.day < b.day; };
            if (!std::is_sorted(mine.begin(), mine.end(), by_day)) std::stable_sort(mine.begin(), mine.end(), by_day);
            folded[i].seen = {};
            for (const auto& r : mine) folded[i].seen.add(r);
        }
        const auto& seen = folded[i].seen;
        out.last_update_[i] = seen.last_day;
        out.percent_[i] = seen.percent;
        if (seen.done()) out.done_on_[i] = seen.done_on;

        using enum status_category;
        status_category category = in_progress;
        if (seen.cancelled()) {
            category = cancelled;
        } else if (continuous(kind[i])) {
            category = ongoing;
        } else if (seen.done()) {
            category = due[i] != none && seen.done_on > due[i] ? done_late : done_on_time;
            if (category == done_late) out.days_late_[i] = cal.working_days_between(day_of(due[i]), day_of(seen.done_on));
        } else if (obligations.waits(i) && (event[i] == none || event[i] > today)) {
            category = waiting;
        } else if (due[i] != none && today > due[i]) {
            category = overdue;
            out.days_late_[i] = cal.working_days_between(day_of(due[i]), as_of);
        } else {
            category = start[i] != none && today < start[i] && !seen.begun ? not_due : in_progress;
            if (due[i] != none) out.days_left_[i] = cal.working_days_between(as_of, day_of(due[i]));
        }
        out.category_[i] = category;
        if (category == in_progress || category == overdue || category == ongoing) {
            // Nobody has reported yet: silent since the obligation began (its window, if later).
            const auto silent_since = seen.any() ? seen.last_day : std::max(since[i], start[i]);
            out.stale_[i] = silent_since != none && today - silent_since > options.stale_after_days ? 1 : 0;
        }
        if (obligations.recurs(i)) {
            done_rows.clear();
            for (const auto& r : mine)
                if (r.state == status_state::done) done_rows.push_back(r);
            judge_occurrences(i, schedules.of(i), done_rows, as_of, out.occurrences_);
        }
    }

    // Later items first, so that a group inside a group is complete before it counts in its own.
    const auto parent = obligations.group();
    for (auto i = n; i-- > 0;) {
        if (const auto s = group_slot[i]; s != none_slot && std::any_of(parts[s].begin(), parts[s].end(), [](auto c) { return c > 0; })) {
            out.category_[i] = combined_category(parts[s]);
            out.days_left_[i] = none;
            out.days_late_[i] = out.category_[i] == status_category::overdue ? latest[s] : none;
            out.stale_[i] = stale[s];
        }
        const auto g = parent[i];
        if (g == obligation_table::no_group) continue;
        if (g >= i || group_slot[g] == none_slot)
            throw error(fmt::format("item {} stands under item {}, which is no group before it", i, g));
        ++parts[group_slot[g]][static_cast<std::size_t>(out.category_[i])];
        if (out.category_[i] == status_category::overdue) latest[group_slot[g]] = std::max(latest[group_slot[g]], out.days_late_[i]);
        stale[group_slot[g]] |= out.stale_[i];
    }
    out.obligations_ = std::move(obligations);
    return out;
}

std::optional<date> due_day(const plan& p, const item& it, const calendar& cal) {
    if (!it.deadline || !it.deadline->end) return std::nullopt;
    try {
        return cal.roll_forward(*it.deadline->end);
    } catch (const error& e) {
        throw error(fmt::format("{} mục {}: its deadline {}", p.info.number, it.id, e.what()));
    }
}

namespace {

/// Appends the obligations of one plan; `first` is where its items begin in the count.
void add_obligations(const plan& p, const calendar& cal, std::span<const std::optional<date>> event_done,
                     std::uint32_t first, obligation_table& out) {
    auto happened = [&](event_index e) -> std::optional<date> {
        if (const auto& day = p.events()[e].date) return day;
        return e < event_done.size() ? event_done[e] : std::nullopt;
    };
    for (const auto& it : p.items()) {
        obligation o;
        o.since = p.info.date;
        o.is_group = it.kind == item_kind::group;
        if (it.parent && p[*it.parent].kind == item_kind::group) o.group = first + *it.parent;
        if (const auto& d = it.deadline) {
            o.kind = d->kind;
            o.start = d->start;
            o.soft = d->soft;
            o.also_ongoing = d->also_ongoing;
            o.recurrence = d->recurrence;
            o.due = due_day(p, it, cal);
            o.waits = d->kind == deadline_kind::after_event;
        }
        // It waits for every event it names; they have all happened once the last one has.
        bool all_happened = true;
        for (const auto& dep : it.depends_on) {
            if (dep.type != dependency_type::after_event) continue;
            o.waits = true;
            const auto day = happened(dep.target);
            if (!day) all_happened = false;
            else if (!o.event || *day > *o.event) o.event = day;
        }
        if (!all_happened) o.event.reset();
        out.push_back(o);
    }
}

}  // namespace

obligation_table obligations_of(const plan& p, const calendar& cal, std::span<const std::optional<date>> event_done) {
    obligation_table out;
    out.reserve(p.size());
    add_obligations(p, cal, event_done, 0, out);
    return out;
}

obligation_table obligations_of(const portfolio& folio, const calendar& cal,
                                       std::span<const std::vector<std::optional<date>>> event_done) {
    obligation_table out;
    for (std::size_t k = 0; k < folio.size(); ++k)
        add_obligations(folio[static_cast<plan_index>(k)], cal,
                        k < event_done.size() ? std::span<const std::optional<date>>(event_done[k]) : std::span<const std::optional<date>>{},
                        static_cast<std::uint32_t>(out.size()), out);
    return out;
}

snapshot take_snapshot(const plan& p, const status_log& log, const snapshot_options& options, const calendar& cal) {
    auto resolved = resolve(log, p);
    auto out = take_snapshot(obligations_of(p, cal, resolved.event_done.front()), resolved.rows, cal, options);
    out.diagnostics = std::move(resolved.diagnostics);
    return out;
}

snapshot take_snapshot(const portfolio& folio, const status_log& log, const snapshot_options& options, const calendar& cal) {
    auto resolved = resolve(log, folio);
    auto out = take_snapshot(obligations_of(folio, cal, resolved.event_done), resolved.rows, cal, options);
    out.diagnostics = std::move(resolved.diagnostics);
    return out;
}

}  // namespace kehoach
