#pragma once
/// @file Where every item stands on a date: done on time or late, in progress, overdue, not yet
///       due, waiting for an event, ongoing; and each occurrence of recurring obligations.

#include <kehoach/detail/large_allocator.hpp>
#include <kehoach/enum_names.hpp>
#include <kehoach/diagnostic.hpp>
#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>
#include <kehoach/time/calendar.hpp>
#include <kehoach/track/status_log.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kehoach {

/// The categories Vietnamese task tracking reports (docs/tracking.md).
enum class status_category : std::uint8_t {
    done_on_time,  ///< hoàn thành đúng hạn (or early)
    done_late,     ///< hoàn thành quá hạn
    in_progress,   ///< đang thực hiện, trong hạn: not done, its deadline not passed
    overdue,       ///< quá hạn, chưa hoàn thành
    not_due,       ///< chưa đến hạn: its window has not opened and nobody has begun
    waiting,       ///< chờ sự kiện: after an event that has not happened
    ongoing,       ///< thường xuyên: judged by its occurrences, not by a deadline
    cancelled,     ///< dừng thực hiện: reported cancelled; counted in no rate
};

template <>
struct enum_names<status_category> {
    static constexpr std::array<std::string_view, 8> value{"done_on_time", "done_late", "in_progress", "overdue",
                                                           "not_due",      "waiting",   "ongoing",     "cancelled"};
};

inline constexpr std::size_t status_category_count = enum_names<status_category>::value.size();
/// What a report calls the category: "Quá hạn, chưa hoàn thành", or "Overdue" in English.
[[nodiscard]] std::string_view label(status_category category, language lang);

/// How many items fall in each category, by category. Items are numbered in 32 bits, and so are
/// their counts: a scorecard row of a unit is then 44 bytes, not 80.
using category_counts = std::array<std::uint32_t, status_category_count>;

/**
 * @brief The category of work made of parts (a group's items; the items implementing a parent
 *        plan's item): overdue if any part is; done when every part that can finish is (late if
 *        any was); in progress while some are done or under way; else not due, waiting, ongoing,
 *        in that order; cancelled when every part was.
 */
[[nodiscard]] status_category combined_category(const category_counts& parts);

/// How one occurrence of a recurring obligation stands.
enum class occurrence_status : std::uint8_t {
    on_time,  ///< reported done by its due day (rolled past rest days)
    late,     ///< reported done after it
    missing,  ///< due, and not reported done
    pending,  ///< not yet due, not yet done
};

template <>
struct enum_names<occurrence_status> {
    static constexpr std::array<std::string_view, 4> value{"on_time", "late", "missing", "pending"};
};

/// What an item owes, as tracking judges it: its deadline with the calendar applied.
struct obligation {
    deadline_kind kind = deadline_kind::unknown;
    std::optional<date> start;  ///< the window opens
    std::optional<date> due;    ///< the last day, rolled forward past rest days (Civil Code art. 148)
    bool soft = false;          ///< "Phấn đấu ...": judged by its date all the same, and marked
    bool also_ongoing = false;  ///< "... và duy trì thường xuyên": maintained after it is done
    bool waits = false;         ///< after an event ...
    std::optional<date> event;  ///< ... which happened on this day, once it has
    std::vector<recurrence_rule> recurrence;
    /// When the obligation began: the plan's issue date. Recurrences count from here; an item
    /// nobody has reported on is stale counting from here.
    std::optional<date> since;
    std::optional<std::uint32_t> group;  ///< the group heading it stands under; groups roll up
    bool is_group = false;

    friend bool operator==(const obligation&, const obligation&) = default;
};

/**
 * @brief The obligations of every item (for a portfolio: plan after plan), column by column.
 *
 * A snapshot of millions of items reads a few narrow columns of them, not a wide struct per
 * item; and the thousands of items that recur by the same rules (every commune's monthly
 * report) share one copy of the rules, numbered, so that their occurrences are worked out once.
 * Rows go in and come out as `obligation`s.
 */
class obligation_table {
public:
    /// No day: a date column's empty value.
    static constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();
    static constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();
    /// The rules number of an item that does not recur.
    static constexpr std::uint32_t no_rules = 0;

    void reserve(std::size_t items);
    void push_back(const obligation& o);
    /// One item's obligation, whole.
    [[nodiscard]] obligation operator[](std::size_t item) const;
    [[nodiscard]] std::size_t size() const noexcept { return kind_.size(); }

    [[nodiscard]] std::span<const deadline_kind> kind() const noexcept { return kind_; }
    /// Days since 1970-01-01, or `no_day`.
    [[nodiscard]] std::span<const std::int32_t> start() const noexcept { return start_; }
    [[nodiscard]] std::span<const std::int32_t> due() const noexcept { return due_; }
    [[nodiscard]] std::span<const std::int32_t> event() const noexcept { return event_; }
    [[nodiscard]] std::span<const std::int32_t> since() const noexcept { return since_; }
    /// The group each item stands under, or `no_group`.
    [[nodiscard]] std::span<const std::uint32_t> group() const noexcept { return group_; }
    /// Each item's rules number: `no_rules`, or one of rules()'s.
    [[nodiscard]] std::span<const std::uint32_t> rules_number() const noexcept { return rules_; }
    /// The recurrence rules numbered `number`.
    [[nodiscard]] std::span<const recurrence_rule> rules(std::uint32_t number) const { return rule_sets_.at(number); }

    [[nodiscard]] bool is_group(std::size_t item) const noexcept { return flags_[item] & is_group_flag; }
    [[nodiscard]] bool soft(std::size_t item) const noexcept { return flags_[item] & soft_flag; }
    [[nodiscard]] bool also_ongoing(std::size_t item) const noexcept { return flags_[item] & also_ongoing_flag; }
    [[nodiscard]] bool waits(std::size_t item) const noexcept { return flags_[item] & waits_flag; }
    [[nodiscard]] bool recurs(std::size_t item) const noexcept { return rules_[item] != no_rules; }

    friend bool operator==(const obligation_table& a, const obligation_table& b);

private:
    static constexpr std::uint8_t is_group_flag = 1, soft_flag = 2, also_ongoing_flag = 4, waits_flag = 8;

    std::uint32_t number_rules(const std::vector<recurrence_rule>& rules);

    detail::column<deadline_kind> kind_;
    detail::column<std::uint8_t> flags_;
    detail::column<std::int32_t> start_, due_, event_, since_;
    detail::column<std::uint32_t> group_, rules_;
    std::vector<std::vector<recurrence_rule>> rule_sets_{1};
    struct rules_hash {
        std::size_t operator()(const std::vector<recurrence_rule>& rules) const noexcept;
    };
    std::unordered_map<std::vector<recurrence_rule>, std::uint32_t, rules_hash> rules_numbers_;
};

/// One occurrence of a recurring obligation.
struct occurrence_record {
    std::uint32_t item = 0;
    date period_start, period_end;
    date due;  ///< rolled forward past rest days
    std::optional<date> done_on;
    occurrence_status status = occurrence_status::pending;

    friend bool operator==(const occurrence_record&, const occurrence_record&) = default;
};

struct snapshot_options {
    date as_of;
    /// Not done and not reported on for more than this many days: stale. Units report monthly
    /// (before the 12th), so a month without a word means a report was skipped.
    int stale_after_days = 30;
};

/**
 * @brief Every item of a plan (or portfolio) in exactly one status_category as of a date, with
 *        working days late or left, the last report, and the occurrences of recurring work.
 *
 * Columns are by item (for a portfolio: plan after plan, as plan_graph::of(portfolio) counts them).
 * @code
 * auto log = kehoach::read_status_log("status.csv");
 * auto now = kehoach::take_snapshot(plan, log, {.as_of = *kehoach::make_date(2023, 6, 30)});
 * for (std::size_t i = 0; i < plan.size(); ++i)
 *     if (now.category()[i] == kehoach::status_category::overdue) fmt::print("{} late {} days\n", plan[i].id, now.days_late()[i]);
 * @endcode
 */
class snapshot {
public:
    /// No number: days late of an item that is not late, a date not reported.
    static constexpr std::int32_t none = std::numeric_limits<std::int32_t>::min();

    [[nodiscard]] date as_of() const noexcept { return as_of_; }
    [[nodiscard]] std::size_t size() const noexcept { return category_.size(); }
    [[nodiscard]] std::span<const status_category> category() const noexcept { return category_; }
    /// Working days past the due day: until today for overdue work, until it was done for work
    /// done late; `none` otherwise.
    [[nodiscard]] std::span<const std::int32_t> days_late() const noexcept { return days_late_; }
    /// Working days from today to the due day, for work not done and not late; `none` otherwise.
    [[nodiscard]] std::span<const std::int32_t> days_left() const noexcept { return days_left_; }
    [[nodiscard]] std::span<const std::uint8_t> stale() const noexcept { return stale_; }
    /// Days since 1970-01-01, or `none`: the last report, the day work was done, the due day.
    [[nodiscard]] std::span<const std::int32_t> last_update() const noexcept { return last_update_; }
    [[nodiscard]] std::span<const std::int32_t> done_on() const noexcept { return done_on_; }
    [[nodiscard]] std::span<const std::int32_t> due() const noexcept { return obligations_.due(); }
    /// The last percent reported (100 once done); -1 when none was.
    [[nodiscard]] std::span<const std::int8_t> percent() const noexcept { return percent_; }
    [[nodiscard]] const obligation_table& obligations() const noexcept { return obligations_; }
    /// Each occurrence of recurring work that has begun by today, item by item, in order.
    [[nodiscard]] std::span<const occurrence_record> occurrences() const noexcept { return occurrences_; }
    /// What the log said that the snapshot left out (rows naming nothing), and regressions.
    std::vector<diagnostic> diagnostics;

    /// How many tasks fall in each category (groups left out: they stand for their tasks).
    [[nodiscard]] category_counts counts() const;

private:
    friend snapshot take_snapshot(obligation_table, std::span<const status_row>, const calendar&, const snapshot_options&);

    date as_of_;
    obligation_table obligations_;
    detail::column<status_category> category_;
    detail::column<std::int32_t> days_late_, days_left_, last_update_, done_on_;
    detail::column<std::uint8_t> stale_;
    detail::column<std::int8_t> percent_;
    detail::column<occurrence_record> occurrences_;
};

/// An item's last day, rolled forward past rest days (Civil Code art. 148), or none. A day
/// outside the calendar's range is an error that names the plan and the item.
[[nodiscard]] std::optional<date> due_day(const plan& p, const item& it, const calendar& cal);

/// The obligations of a plan's items, or a portfolio's (plan after plan), as the calendar rolls
/// their deadlines. An event has happened on the day the plan gives it, or else on the day
/// `event_done` (by plan, by event; see resolve()) says.
[[nodiscard]] obligation_table obligations_of(const plan& p, const calendar& cal,
                                                     std::span<const std::optional<date>> event_done = {});
[[nodiscard]] obligation_table obligations_of(const portfolio& p, const calendar& cal,
                                                     std::span<const std::vector<std::optional<date>>> event_done = {});

/// The snapshot from resolved rows: the bulk form, for millions of rows.
[[nodiscard]] snapshot take_snapshot(obligation_table obligations, std::span<const status_row> rows,
                                     const calendar& cal, const snapshot_options& options);
/// The snapshot of a plan or portfolio from its log; the log's problems are in `diagnostics`.
[[nodiscard]] snapshot take_snapshot(const plan& p, const status_log& log, const snapshot_options& options,
                                     const calendar& cal = calendar::vietnam());
[[nodiscard]] snapshot take_snapshot(const portfolio& p, const status_log& log, const snapshot_options& options,
                                     const calendar& cal = calendar::vietnam());

}  // namespace kehoach
