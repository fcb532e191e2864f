#pragma once
/// @file Recurring obligations expanded into dated occurrences.

#include <kehoach/time/deadline.hpp>

#include <vector>

namespace kehoach {

/// One occurrence of a recurring obligation: the period it covers and the day it is due.
struct occurrence {
    date period_start;
    date period_end;
    date due;  ///< as the rule says, before any rest-day roll (see calendar::roll_forward)

    friend bool operator==(const occurrence&, const occurrence&) = default;
};

/**
 * @brief The occurrences of a rule whose due day lies in [from, to], in order.
 *
 * Periods are calendar weeks (Monday..Sunday), months, quarters, halves and years. An occurrence
 * is due on `day` of the rule's `month` of its period (of the following period with `next_period`);
 * without a `month`, in the period's last month; without a `day`, on the last day of that month;
 * a day the month does not have is its last day (Civil Code art. 148). Weekly rules fall due on
 * their `weekday`, or on the period's Sunday.
 * @code
 * recurrence_rule monthly{.freq = frequency::monthly, .day = 12, .before = true};
 * auto due = occurrences(monthly, *make_date(2023, 4, 7), *make_date(2023, 12, 31));  // 12/5, 12/6, ...
 * @endcode
 */
[[nodiscard]] std::vector<occurrence> occurrences(const recurrence_rule& rule, date from, date to);

}  // namespace kehoach
