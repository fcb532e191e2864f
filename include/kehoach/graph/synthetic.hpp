#pragma once
/// @file A synthetic national portfolio, deterministic by seed: a national plan cascading to
///       provinces, districts and communes, as columns, for benchmarks, tests and demonstrations.

#include <kehoach/analysis/accountability.hpp>
#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>
#include <kehoach/track/snapshot.hpp>
#include <kehoach/track/status_log.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kehoach {

struct synthetic_options {
    std::uint64_t seed = 1;
    /// About how many items in all. 645,000 is the country: 1 national plan, 63 provinces, about
    /// 700 districts and 10,000 communes of about 60 items each; other sizes scale the levels.
    std::size_t items = 645'000;
    int year = 2024;
    bool status = true;  ///< also a year of monthly status updates
};

/**
 * @brief A national portfolio as columns of integers: plans, items, their timing, their lead
 *        units, dependencies and `implements` links, and a year of status updates.
 *
 * Each plan has six or seven sections (groups) of tasks; tasks have windows (months, quarters),
 * due dates, ongoing and recurring work and event-bound items in realistic shares, durations of 1
 * to 15 working days, about two finish-to-start dependencies on earlier tasks of their plan
 * (acyclic), and most tasks of a lower plan implement a task of the plan above. The same seed and
 * options give the same portfolio on every machine (its own random numbers, no std distributions).
 */
struct synthetic_portfolio {
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    // Plans, national first, then provinces, districts and communes.
    std::vector<plan_level> plan_levels;
    std::vector<std::uint32_t> plan_parent;      ///< the plan it implements; `none` for the national plan
    std::vector<std::uint32_t> plan_first_item;  ///< items of plan k: [plan_first_item[k], plan_first_item[k + 1])
    std::vector<date> plan_issued;
    std::vector<std::string> plan_numbers;
    std::vector<std::string> plan_issuers;
    /// The event each plan's event-bound items wait for, and when it happened (if it has).
    std::vector<std::optional<date>> plan_event;

    // Items, plan after plan.
    std::vector<std::uint32_t> item_plan;
    std::vector<std::uint32_t> item_group;  ///< the section a task stands in; `none` for a section
    std::vector<std::uint16_t> item_title;  ///< index into section_titles (sections) or task_titles
    std::vector<deadline_kind> item_deadline;
    std::vector<std::optional<date>> item_window_start, item_window_end;
    std::vector<std::uint8_t> item_duration;   ///< working days; 0 for a section
    std::vector<std::uint8_t> item_lead;       ///< index into the plan level's unit_names
    std::vector<std::uint16_t> item_support;   ///< bit k: unit k of the level supports
    std::vector<std::uint32_t> item_implements;  ///< the parent plan's item it carries out, or `none`

    /// Finish-to-start dependencies inside plans: `target` waits for `source` (items).
    std::vector<precedence> dependencies;
    detail::column<status_row> status;

    [[nodiscard]] std::size_t size() const noexcept { return item_plan.size(); }
    /// Item ids as a plan document's reader forms them: `II` for a section, `II.3` for a task.
    [[nodiscard]] std::vector<std::string> item_ids() const;
    /// The items' timing as plan_graph::of(portfolio) derives it from their deadlines and plans.
    [[nodiscard]] std::vector<activity> activities() const;
    /// The dependencies, then the roll-ups: tasks into their sections, into the items they implement.
    [[nodiscard]] std::vector<precedence> precedences(std::span<const activity> timing) const;
    /// The graph plan_graph::of(to_portfolio()) would give, built from the columns directly.
    [[nodiscard]] plan_graph graph() const;
    /// The plans as model objects, with units, roles, deadline phrases and events (for small sizes:
    /// a plan object costs far more than its columns).
    [[nodiscard]] portfolio to_portfolio() const;
    /// What each item owes, as obligations_of(to_portfolio(), cal) gives it, from the columns: what
    /// take_snapshot() judges `status` against, at any size.
    [[nodiscard]] obligation_table obligations(const calendar& cal) const;
    /// Who leads and supports each task, as assignments::of(to_portfolio()) gives it, from the
    /// columns: every plan has its level's ten units, counted plan after plan (plan k's unit j is
    /// 10k + j).
    [[nodiscard]] kehoach::assignments assignments() const;

    /// Units by level (national, province, district, commune), ten each; titles of sections and tasks.
    static const std::array<std::array<std::string_view, 10>, 4> unit_names;
    static const std::array<std::string_view, 7> section_titles;
    static const std::array<std::string_view, 24> task_titles;
};

[[nodiscard]] synthetic_portfolio synthesize(const synthetic_options& options = {});

}  // namespace kehoach
