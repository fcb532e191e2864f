#pragma once
/// @file Who answers for what: RACI, per-unit scorecards, workload, escalation, compliance of
///       recurring obligations, and portfolio roll-ups, from a snapshot.

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>
#include <kehoach/track/snapshot.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kehoach {

/**
 * @brief The units of a plan or portfolio and the roles they play on each item, as columns.
 *
 * Units are counted plan after plan: the same office in two communes is two units. Items are
 * counted as snapshots count them.
 */
class assignments {
public:
    [[nodiscard]] static assignments of(const plan& p);
    [[nodiscard]] static assignments of(const portfolio& p);
    /// From columns: `roles[r]` holds each item's units in role r as offsets (`first`, one more
    /// than there are items) into `units`.
    struct role_column {
        detail::column<std::uint32_t> first;
        detail::column<std::uint32_t> units;
    };
    assignments(std::vector<std::string> unit_names, std::vector<std::uint32_t> unit_plan,
                std::array<role_column, role_count> roles);

    [[nodiscard]] std::size_t items() const noexcept { return roles_[0].first.size() - 1; }
    [[nodiscard]] std::size_t unit_count() const noexcept { return unit_names_.size(); }
    [[nodiscard]] const std::string& unit_name(std::uint32_t unit) const { return unit_names_.at(unit); }
    /// The plan a unit belongs to (its index in the portfolio; 0 for a plan).
    [[nodiscard]] std::uint32_t unit_plan(std::uint32_t unit) const { return unit_plan_.at(unit); }
    [[nodiscard]] std::span<const std::uint32_t> units(std::uint32_t item, role r) const {
        const auto& c = roles_[static_cast<std::size_t>(r)];
        return std::span(c.units).subspan(c.first[item], c.first[item + 1] - c.first[item]);
    }

private:
    std::vector<std::string> unit_names_;
    std::vector<std::uint32_t> unit_plan_;
    std::array<role_column, role_count> roles_;
};

/// One cell of the RACI matrix: a unit's role on an item.
struct raci_entry {
    std::uint32_t item = 0;
    std::uint32_t unit = 0;
    kehoach::role role = role::lead;

    friend bool operator==(const raci_entry&, const raci_entry&) = default;
};

/// Every unit's roles on every item, item by item, roles in order.
[[nodiscard]] std::vector<raci_entry> raci(const assignments& a);

/// Tasks already due: done (on time or late) or overdue. The government's rates count over these.
[[nodiscard]] constexpr std::size_t due_count(const category_counts& c) noexcept { return std::size_t{c[0]} + c[1] + c[3]; }
/// Done on time over due; NaN when nothing is due yet.
[[nodiscard]] double on_time_rate(const category_counts& c) noexcept;
/// Done (on time or late) over due; NaN when nothing is due yet.
[[nodiscard]] double completion_rate(const category_counts& c) noexcept;

/// A unit's record in one role as of the snapshot's date.
struct scorecard_row {
    std::uint32_t unit = 0;
    kehoach::role role = role::lead;
    category_counts counts{};  ///< tasks per category (groups are left out)
    std::uint32_t stale = 0;
    [[nodiscard]] std::size_t due() const noexcept { return due_count(counts); }
    [[nodiscard]] double on_time_rate() const noexcept { return kehoach::on_time_rate(counts); }
    [[nodiscard]] double completion_rate() const noexcept { return kehoach::completion_rate(counts); }
};

/**
 * @brief Per unit and role (lead, support, monitor), how its tasks stand: the counts by category
 *        and the rates as Vietnamese task tracking reports them (docs/tracking.md). Units that
 *        hold no task in a role have no row for it. Ordered by unit, then role. A national
 *        portfolio has most of a million rows: they live in large pages, as the snapshot's columns do.
 */
[[nodiscard]] detail::column<scorecard_row> scorecard(const snapshot& s, const assignments& a);

/// Tasks due per unit, role and month: the month their deadline falls in.
struct workload_row {
    std::uint32_t unit = 0;
    kehoach::role role = role::lead;
    std::chrono::year_month month;
    std::size_t tasks = 0;        ///< tasks due that month
    std::size_t occurrences = 0;  ///< occurrences of recurring work due that month

    friend bool operator==(const workload_row&, const workload_row&) = default;
};
[[nodiscard]] std::vector<workload_row> workload(const snapshot& s, const assignments& a);

/// How recurring obligations were met, per lead unit and month of the due day.
struct compliance_row {
    std::uint32_t unit = 0;
    std::chrono::year_month month;
    std::array<std::size_t, 4> counts{};  ///< by occurrence_status
    /// On time over on time, late and missing; NaN when nothing was due.
    [[nodiscard]] double rate() const noexcept;
};
[[nodiscard]] std::vector<compliance_row> compliance(const snapshot& s, const assignments& a);

/// Who answers for an overdue item, in the order one escalates.
enum class escalation_step : std::uint8_t {
    lead,          ///< the item's lead unit(s)
    monitor,       ///< the item's own monitor (Đơn vị theo dõi, đôn đốc)
    plan_monitor,  ///< the plan's standing monitor
    signer,        ///< who signed the plan: accountable for all of it
};

template <>
struct enum_names<escalation_step> {
    static constexpr std::array<std::string_view, 4> value{"lead", "monitor", "plan_monitor", "signer"};
};

struct escalation_entry {
    std::uint32_t item = 0;
    std::int32_t days_late = 0;
    struct contact {
        escalation_step step = escalation_step::lead;
        std::string name;  ///< the unit's name; for the signer, title and name ("Chủ tịch Nguyễn Văn A")
    };
    std::vector<contact> chain;
};

/// Every overdue task, most days late first, with who answers for it.
[[nodiscard]] std::vector<escalation_entry> escalation(const plan& p, const snapshot& s);
[[nodiscard]] std::vector<escalation_entry> escalation(const portfolio& p, const snapshot& s);

/// A portfolio's tasks counted per plan, with its level, to sum by level.
struct plan_rollup {
    plan_index plan = 0;
    std::optional<plan_level> level;
    category_counts counts{};
};
[[nodiscard]] std::vector<plan_rollup> rollup_by_plan(const portfolio& p, const snapshot& s);

/// The status of each parent plan's task that others implement, from the tasks implementing it
/// (combined_category()); the parent's own reports are in the snapshot beside it.
struct cascade_status {
    std::uint32_t item = 0;  ///< the parent task, counted as the snapshot counts
    status_category derived = status_category::not_due;
    category_counts parts{};
};
[[nodiscard]] std::vector<cascade_status> cascade(const portfolio& p, const snapshot& s);

}  // namespace kehoach
