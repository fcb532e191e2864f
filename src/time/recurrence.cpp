#include <kehoach/time/recurrence.hpp>

namespace kehoach {
namespace {

using namespace std::chrono;

/// Months in a period of each frequency (weekly is handled apart).
int period_months(frequency f) {
    switch (f) {
        case frequency::monthly: return 1;
        case frequency::quarterly: return 3;
        case frequency::semiannual: return 6;
        default: return 12;
    }
}

date day_in_month(year_month ym, unsigned day_of_month) {
    const year_month_day_last last_day{ym / last};
    if (day_of_month == 0 || day_of_month > static_cast<unsigned>(last_day.day())) return sys_days{last_day};
    return sys_days{ym / day{day_of_month}};
}

}  // namespace

std::vector<occurrence> occurrences(const recurrence_rule& rule, date from, date to) {
    std::vector<occurrence> out;
    if (to < from) return out;
    if (rule.freq == frequency::weekly) {
        const auto due_offset = days{(rule.weekday ? rule.weekday : 7) - 1};
        const auto shift = days{rule.next_period ? 7 : 0};
        // The Monday of the week of `from`, stepped back one week so that a next-period occurrence is found.
        date monday = from - days{static_cast<int>(weekday{from}.iso_encoding()) - 1} - days{7};
        for (;; monday += days{7}) {
            const date due = monday + shift + due_offset;
            if (due > to) break;
            if (due >= from) out.push_back({monday, monday + days{6}, due});
        }
        return out;
    }
    const int length = period_months(rule.freq);
    const int due_month = (rule.month ? rule.month : length) - 1 + (rule.next_period ? length : 0);
    const year_month_day start{from};
    // The first period that can fall due on or after `from` starts up to two periods before it.
    const int from_index = static_cast<int>(start.year()) * 12 + static_cast<int>(static_cast<unsigned>(start.month())) - 1;
    int period = (from_index / length - 2) * length;
    for (;; period += length) {
        const auto month_of = [](int index) {
            return year{index / 12} / month{static_cast<unsigned>(index % 12 + 1)};
        };
        const date due = day_in_month(month_of(period + due_month), rule.day);
        if (due > to) break;
        if (due >= from)
            out.push_back({sys_days{month_of(period) / 1}, sys_days{month_of(period + length - 1) / last}, due});
    }
    return out;
}

}  // namespace kehoach
