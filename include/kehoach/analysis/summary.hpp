#pragma once
/// @file A plan at a glance: who leads how much, what falls due when, what has no date.

#include <kehoach/model/plan.hpp>

#include <chrono>
#include <cstddef>
#include <vector>

namespace kehoach {

struct plan_summary {
    struct lead_load {
        unit_index unit = 0;
        std::size_t tasks = 0;
    };
    struct month_load {
        std::chrono::year_month month;
        std::vector<item_index> items;
    };

    std::size_t tasks = 0;
    std::size_t groups = 0;
    /// Tasks per lead unit, most first (a task with two leads counts for both).
    std::vector<lead_load> tasks_per_lead;
    /// Tasks that name no lead.
    std::vector<item_index> without_lead;
    /// Dated tasks by the month their deadline ends in, earliest first.
    std::vector<month_load> due_by_month;
    /// Tasks whose window is followed by ongoing work ("... và duy trì thường xuyên").
    std::vector<item_index> also_ongoing;
    std::vector<item_index> ongoing;      ///< "Thường xuyên"
    std::vector<item_index> recurring;    ///< "trước ngày 12 hàng tháng"
    std::vector<item_index> event_bound;  ///< "Sau khi ..."
    std::vector<item_index> undated;      ///< no deadline, or one that could not be read
};

/**
 * @brief Counts a plan's tasks by lead unit and by deadline.
 * @code
 * auto s = kehoach::summarize(kehoach::load_plan_json("plan.json"));
 * fmt::print("{} tasks, {} ongoing\n", s.tasks, s.ongoing.size());
 * @endcode
 */
[[nodiscard]] plan_summary summarize(const plan& p);

}  // namespace kehoach
