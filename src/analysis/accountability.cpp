#include <kehoach/analysis/accountability.hpp>

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace kehoach {
namespace {

constexpr std::array tracked_roles{role::lead, role::support, role::monitor};

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(part) / static_cast<double>(whole);
}

std::chrono::year_month month_of(date day) {
    const std::chrono::year_month_day ymd{day};
    return ymd.year() / ymd.month();
}

/// Adds one plan's units and roles, counting its units from `first_unit`.
void add_plan(const plan& p, std::uint32_t plan_number, std::vector<std::string>& names, std::vector<std::uint32_t>& unit_plan,
              std::array<assignments::role_column, role_count>& roles) {
    const auto first_unit = static_cast<std::uint32_t>(names.size());
    for (const auto& u : p.units().all()) {
        names.push_back(u.name);
        unit_plan.push_back(plan_number);
    }
    for (const auto& it : p.items())
        for (std::size_t r = 0; r < role_count; ++r) {
            for (auto u : it.roles[r]) roles[r].units.push_back(first_unit + u);
            roles[r].first.push_back(static_cast<std::uint32_t>(roles[r].units.size()));
        }
}

std::array<assignments::role_column, role_count> empty_columns() {
    std::array<assignments::role_column, role_count> roles;
    for (auto& c : roles) c.first.push_back(0);
    return roles;
}

template <class Row>
std::vector<Row> rows_of(std::map<std::tuple<std::uint32_t, role, std::chrono::year_month>, Row>& found) {
    std::vector<Row> out;
    out.reserve(found.size());
    for (auto& [key, row] : found) out.push_back(row);
    return out;
}

/// One escalation entry per overdue task of a plan; `first` is where its items begin.
void escalate(const plan& p, std::uint32_t first, const snapshot& s, std::vector<escalation_entry>& out) {
    for (item_index i = 0; i < p.size(); ++i) {
        const auto k = first + i;
        if (s.category()[k] != status_category::overdue || p[i].kind == item_kind::group) continue;
        escalation_entry e{k, s.days_late()[k], {}};
        auto add = [&](escalation_step step, const std::vector<unit_index>& units) {
            for (auto u : units) e.chain.push_back({step, p.units()[u].name});
        };
        add(escalation_step::lead, p[i].units(role::lead));
        add(escalation_step::monitor, p[i].units(role::monitor));
        add(escalation_step::plan_monitor, p.plan_roles(plan_role::monitor));
        if (!p.info.signer.empty()) {
            const auto& who = p.info.signer;
            auto name = who.title;
            if (!who.name.empty()) name += (name.empty() ? "" : " ") + who.name;
            e.chain.push_back({escalation_step::signer, name.empty() ? who.authority : name});
        }
        out.push_back(std::move(e));
    }
}

void most_late_first(std::vector<escalation_entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.days_late > b.days_late; });
}

void check_sizes(const snapshot& s, const assignments& a) {
    if (s.size() != a.items())
        throw error(fmt::format("the snapshot has {} items but the assignments {}: they are of different plans", s.size(), a.items()));
}

}  // namespace

assignments::assignments(std::vector<std::string> unit_names, std::vector<std::uint32_t> unit_plan,
                         std::array<role_column, role_count> roles)
    : unit_names_(std::move(unit_names)), unit_plan_(std::move(unit_plan)), roles_(std::move(roles)) {
    if (unit_plan_.size() != unit_names_.size())
        throw error(fmt::format("{} unit names but {} unit plans", unit_names_.size(), unit_plan_.size()));
    const auto items = roles_[0].first.size();
    for (const auto& c : roles_) {
        if (c.first.empty() || c.first.size() != items || c.first.front() != 0 || c.first.back() != c.units.size() ||
            !std::is_sorted(c.first.begin(), c.first.end()))
            throw error("role columns: `first` must rise from 0 to the number of units, one more entry than items, in every role");
        for (auto u : c.units)
            if (u >= unit_names_.size()) throw error(fmt::format("role columns name unit {}, but there are {} units", u, unit_names_.size()));
    }
}

assignments assignments::of(const plan& p) {
    std::vector<std::string> names;
    std::vector<std::uint32_t> unit_plan;
    auto roles = empty_columns();
    add_plan(p, 0, names, unit_plan, roles);
    return {std::move(names), std::move(unit_plan), std::move(roles)};
}

assignments assignments::of(const portfolio& folio) {
    std::vector<std::string> names;
    std::vector<std::uint32_t> unit_plan;
    auto roles = empty_columns();
    for (plan_index k = 0; k < folio.size(); ++k) add_plan(folio[k], k, names, unit_plan, roles);
    return {std::move(names), std::move(unit_plan), std::move(roles)};
}

std::vector<raci_entry> raci(const assignments& a) {
    std::vector<raci_entry> out;
    for (std::uint32_t i = 0; i < a.items(); ++i)
        for (std::size_t r = 0; r < role_count; ++r)
            for (auto u : a.units(i, static_cast<role>(r))) out.push_back({i, u, static_cast<role>(r)});
    return out;
}

double on_time_rate(const category_counts& c) noexcept { return ratio(c[0], due_count(c)); }
double completion_rate(const category_counts& c) noexcept { return ratio(c[0] + c[1], due_count(c)); }
double compliance_row::rate() const noexcept { return ratio(counts[0], counts[0] + counts[1] + counts[2]); }

detail::column<scorecard_row> scorecard(const snapshot& s, const assignments& a) {
    check_sizes(s, a);
    // Dense and narrow: for each unit and tracked role, the tasks by category, then the stale ones.
    // A unit holds a task in a role when one of its counts is not zero.
    constexpr auto width = status_category_count + 1;
    detail::column<std::uint32_t> tally(a.unit_count() * tracked_roles.size() * width, 0);
    const auto category = s.category();
    const auto stale = s.stale();
    const auto& obligations = s.obligations();
    for (std::uint32_t i = 0; i < a.items(); ++i) {
        if (obligations.is_group(i)) continue;
        const auto c = static_cast<std::size_t>(category[i]);
        for (std::size_t r = 0; r < tracked_roles.size(); ++r)
            for (auto u : a.units(i, tracked_roles[r])) {
                auto* t = &tally[(u * tracked_roles.size() + r) * width];
                ++t[c];
                t[status_category_count] += stale[i];
            }
    }
    const auto held = [&](std::size_t k) {
        return std::any_of(&tally[k * width], &tally[k * width] + status_category_count, [](auto n) { return n > 0; });
    };
    const auto cells = tally.size() / width;
    std::size_t rows = 0;
    for (std::size_t k = 0; k < cells; ++k) rows += held(k);
    detail::column<scorecard_row> out;
    out.reserve(rows);
    for (std::size_t k = 0; k < cells; ++k) {
        if (!held(k)) continue;
        const auto* t = &tally[k * width];
        scorecard_row row{static_cast<std::uint32_t>(k / tracked_roles.size()), tracked_roles[k % tracked_roles.size()], {}, t[status_category_count]};
        std::copy(t, t + status_category_count, row.counts.begin());
        out.push_back(row);
    }
    return out;
}

std::vector<workload_row> workload(const snapshot& s, const assignments& a) {
    check_sizes(s, a);
    std::map<std::tuple<std::uint32_t, role, std::chrono::year_month>, workload_row> found;
    auto count = [&](std::uint32_t item, date due, std::size_t workload_row::*what) {
        for (auto r : tracked_roles)
            for (auto u : a.units(item, r)) {
                const auto month = month_of(due);
                auto& row = found.try_emplace({u, r, month}, workload_row{u, r, month, 0, 0}).first->second;
                ++(row.*what);
            }
    };
    for (std::uint32_t i = 0; i < a.items(); ++i) {
        if (const auto due = s.due()[i]; !s.obligations().is_group(i) && due != snapshot::none)
            count(i, date{std::chrono::days{due}}, &workload_row::tasks);
    }
    for (const auto& occ : s.occurrences()) count(occ.item, occ.due, &workload_row::occurrences);
    return rows_of(found);
}

std::vector<compliance_row> compliance(const snapshot& s, const assignments& a) {
    check_sizes(s, a);
    std::map<std::tuple<std::uint32_t, role, std::chrono::year_month>, compliance_row> found;
    for (const auto& occ : s.occurrences())
        for (auto u : a.units(occ.item, role::lead)) {
            const auto month = month_of(occ.due);
            auto& row = found.try_emplace({u, role::lead, month}, compliance_row{u, month, {}}).first->second;
            ++row.counts[static_cast<std::size_t>(occ.status)];
        }
    return rows_of(found);
}

std::vector<escalation_entry> escalation(const plan& p, const snapshot& s) {
    if (s.size() != p.size()) throw error(fmt::format("the snapshot has {} items but the plan {}", s.size(), p.size()));
    std::vector<escalation_entry> out;
    escalate(p, 0, s, out);
    most_late_first(out);
    return out;
}

std::vector<escalation_entry> escalation(const portfolio& folio, const snapshot& s) {
    std::vector<escalation_entry> out;
    std::uint32_t first = 0;
    for (const auto& p : folio.plans()) {
        if (first + p.size() > s.size()) throw error("the snapshot has fewer items than the portfolio: it is of another portfolio");
        escalate(p, first, s, out);
        first += static_cast<std::uint32_t>(p.size());
    }
    most_late_first(out);
    return out;
}

std::vector<plan_rollup> rollup_by_plan(const portfolio& folio, const snapshot& s) {
    std::vector<plan_rollup> out;
    std::uint32_t first = 0;
    for (plan_index k = 0; k < folio.size(); ++k) {
        const auto& p = folio[k];
        plan_rollup row{k, p.info.level, {}};
        for (item_index i = 0; i < p.size(); ++i)
            if (p[i].kind != item_kind::group) ++row.counts[static_cast<std::size_t>(s.category()[first + i])];
        first += static_cast<std::uint32_t>(p.size());
        out.push_back(row);
    }
    return out;
}

std::vector<cascade_status> cascade(const portfolio& folio, const snapshot& s) {
    std::vector<std::uint32_t> first{0};
    for (const auto& p : folio.plans()) first.push_back(first.back() + static_cast<std::uint32_t>(p.size()));
    if (first.back() != s.size()) throw error("the snapshot is of another portfolio");
    std::map<std::uint32_t, category_counts> parts;
    for (const auto& link : folio.links())
        ++parts[first[link.parent_plan] + link.parent_item][static_cast<std::size_t>(s.category()[first[link.child_plan] + link.child_item])];
    std::vector<cascade_status> out;
    for (const auto& [item, counts] : parts) out.push_back({item, combined_category(counts), counts});
    return out;
}

}  // namespace kehoach
