#pragma once
/// @file A schedule by the critical-path method: early and late dates, slack, the critical items,
///       and why a deadline cannot be met.

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/diagnostic.hpp>
#include <kehoach/enum_names.hpp>
#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/time/calendar.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kehoach {

/// How an activity came out of the schedule.
enum class schedule_state : std::uint8_t {
    scheduled,   ///< early and late dates, slack
    continuous,  ///< ongoing or recurring: an early start only
    waiting,     ///< after an event with no date yet (or after such an item): late dates only
};

template <>
struct enum_names<schedule_state> {
    static constexpr std::array<std::string_view, 3> value{"scheduled", "continuous", "waiting"};
};

/// An activity that cannot meet a deadline, and why.
struct infeasibility {
    vertex_index activity = 0;
    int slack = 0;  ///< negative: working days too late
    /// The activities whose finishes push it late, first to last, ending with the activity: each
    /// one's early start is set by the one before it, the first one's by the start or its window.
    std::vector<vertex_index> chain;
    /// The activity whose own deadline binds: the activity itself, or one that waits for it.
    vertex_index deadline_of = 0;
    date deadline;  ///< that deadline, rolled forward to a working day

    friend bool operator==(const infeasibility&, const infeasibility&) = default;
};

/**
 * @brief When each activity can and must happen: per activity early start and finish, late start
 *        and finish, total and free slack in working days, and the critical flag.
 *
 * Days are kept as working-day numbers of the calendar (calendar::working_day_number), so the
 * columns are plain integers; the date accessors convert. A missing value is `none`.
 * Columns are in the graph's vertex order.
 */
class schedule {
public:
    static constexpr std::int32_t none = std::numeric_limits<std::int32_t>::min();

    [[nodiscard]] std::size_t size() const noexcept { return state_.size(); }
    [[nodiscard]] date start() const noexcept { return start_; }
    [[nodiscard]] const kehoach::calendar& calendar() const noexcept { return calendar_; }

    /// Working-day numbers of the first and last day of work, early and late.
    [[nodiscard]] std::span<const std::int32_t> early_start() const noexcept { return early_start_; }
    [[nodiscard]] std::span<const std::int32_t> early_finish() const noexcept { return early_finish_; }
    [[nodiscard]] std::span<const std::int32_t> late_start() const noexcept { return late_start_; }
    [[nodiscard]] std::span<const std::int32_t> late_finish() const noexcept { return late_finish_; }
    /// Working days an activity may slip without missing a deadline or the plan's horizon (total),
    /// or without delaying what waits for it (free; never more than total). Negative: infeasible.
    [[nodiscard]] std::span<const std::int32_t> total_slack() const noexcept { return total_slack_; }
    [[nodiscard]] std::span<const std::int32_t> free_slack() const noexcept { return free_slack_; }
    /// 1 for a scheduled activity without slack (total slack ≤ 0).
    [[nodiscard]] std::span<const std::uint8_t> critical() const noexcept { return critical_; }
    [[nodiscard]] std::span<const schedule_state> state() const noexcept { return state_; }

    /// The date of a working-day number; nullopt for `none`.
    [[nodiscard]] std::optional<date> date_of(std::int32_t day_number) const;
    /// The last early finish or deadline of the plan: what an activity without either must meet.
    [[nodiscard]] date horizon() const noexcept { return horizon_; }

    /// Every activity with negative slack, most negative first, with the chain that makes it late.
    [[nodiscard]] std::vector<infeasibility> infeasible() const;
    /// How many activities cannot meet a deadline, without working out why.
    [[nodiscard]] std::size_t infeasible_count() const noexcept;
    /// Chains of critical activities, each driving the next, from one that nothing critical drives
    /// to one that drives nothing critical; at most `limit`.
    [[nodiscard]] std::vector<std::vector<vertex_index>> critical_paths(std::size_t limit = 100) const;
    /// The graph it was made from, for names and paths.
    [[nodiscard]] const plan_graph& graph() const noexcept { return graph_; }

    /// What the schedule noticed: a finish-to-start on ongoing work, which never finishes.
    std::vector<diagnostic> diagnostics;

private:
    friend class plan_graph;
    explicit schedule(plan_graph graph, kehoach::calendar cal);

    plan_graph graph_;
    kehoach::calendar calendar_;
    date start_{};
    date horizon_{};
    detail::column<std::int32_t> early_start_, early_finish_, late_start_, late_finish_;
    detail::column<std::int32_t> total_slack_, free_slack_;
    detail::column<std::uint8_t> critical_;
    detail::column<schedule_state> state_;
    /// Early starts and late finishes as boundaries, by topological position: what the drivers
    /// are found from.
    detail::column<std::int32_t> early_boundary_, late_boundary_;
    std::int32_t first_day_ = 0;
    /// The predecessor that sets each early start and the successor that sets each late finish,
    /// or none: found on first use (only infeasible() and critical_paths() need them), so that
    /// the passes write nothing but the dates. Shared by copies.
    struct drivers;
    std::shared_ptr<drivers> drivers_;
    [[nodiscard]] const detail::column<std::int32_t>& driver() const;
    [[nodiscard]] const detail::column<std::int32_t>& late_driver() const;
};

}  // namespace kehoach
