#include <kehoach/time/calendar.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/time/lunar.hpp>

#include "../detail/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kehoach {

namespace detail {
extern const std::string_view vn_civil_service_schedule;
}

namespace {

using namespace std::chrono;

constexpr sys_days origin = calendar::first_day;
constexpr sys_days end_of_range{year{calendar::last_year} / December / 31};
constexpr auto range_days = static_cast<std::size_t>((end_of_range - origin).count() + 1);

enum class occasion : std::uint8_t { new_year, lunar_new_year, hung_kings, reunification, labour_day, national_day };

}  // namespace

template <>
struct enum_names<occasion> {
    static constexpr std::array<std::string_view, 6> value{"new_year",   "lunar_new_year", "hung_kings",
                                                           "reunification", "labour_day", "national_day"};
};

namespace {

struct statutory_day {
    date day;
    std::string_view name;
};

/// The statutory days of an occasion in a year, for years without an official schedule.
std::vector<statutory_day> statutory_days(occasion o, int y) {
    const year yy{y};
    switch (o) {
        case occasion::new_year:
            return {{sys_days{yy / January / 1}, "Tết Dương lịch"}};
        case occasion::lunar_new_year: {
            // Art. 112(3) leaves the five days to the Prime Minister; the usual choice is the last day
            // of the old year and the first four of the new one.
            const date tet = from_lunar({.year = y, .month = 1, .day = 1});
            std::vector<statutory_day> out;
            for (int d = -1; d <= 3; ++d) out.push_back({tet + days{d}, "Tết Nguyên đán"});
            return out;
        }
        case occasion::hung_kings:
            return {{from_lunar({.year = y, .month = 3, .day = 10}), "Giỗ Tổ Hùng Vương"}};
        case occasion::reunification:
            return {{sys_days{yy / April / 30}, "Ngày Chiến thắng"}};
        case occasion::labour_day:
            return {{sys_days{yy / May / 1}, "Ngày Quốc tế Lao động"}};
        case occasion::national_day:
            // The 2019 Code (in force 2021) added a second day, next to 2 September.
            if (y >= 2021) return {{sys_days{yy / September / 1}, "Quốc khánh"}, {sys_days{yy / September / 2}, "Quốc khánh"}};
            return {{sys_days{yy / September / 2}, "Quốc khánh"}};
    }
    return {};
}

/// Reads holidays@1 documents.
class schedule_reader : detail::json_reader {
public:
    using json_reader::json_reader;

    template <class Schedule>
    std::vector<Schedule> read() const {
        const auto root = parse_document("kehoach/holidays@1", {"schema", "description", "years"});
        const detail::json_path top;
        std::vector<Schedule> out;
        const auto& years = require(root, top, "years");
        if (!years.is_array()) fail(top / "years", "expected an array of years");
        const auto years_at = top / "years";
        for (std::size_t i = 0; i < years.size(); ++i) {
            const auto at = years_at / i;
            const auto& v = years[i];
            expect_object(v, at, {"year", "replaces", "source", "days_off", "working_days"});
            Schedule s;
            s.year = static_cast<int>(integer_value(require(v, at, "year"), at / "year", calendar::first_year, calendar::last_year));
            for_each(v, at, "replaces", [&](const detail::json& o, const detail::json_path& oat) {
                s.replaces.emplace_back(to_string(enum_value<occasion>(o, oat, "occasion")));
            });
            for_each(v, at, "days_off", [&](const detail::json& d, const detail::json_path& dat) {
                expect_object(d, dat, {"date", "from", "to", "kind", "name"});
                const auto kind = enum_value<day_off_kind>(require(d, dat, "kind"), dat / "kind", "kind of day off");
                if (kind == day_off_kind::makeup_workday) fail(dat / "kind", "a make-up working day goes in \"working_days\"");
                auto name = required_string(d, dat, "name");
                const auto single = optional_date(d, dat, "date");
                const auto from = optional_date(d, dat, "from");
                const auto to = optional_date(d, dat, "to");
                if (single.has_value() == (from.has_value() || to.has_value()))
                    fail(dat, "give either \"date\", or \"from\" and \"to\"");
                if (!single && !(from && to)) fail(dat, "a range needs both \"from\" and \"to\"");
                const date first = single ? *single : *from;
                const date last = single ? *single : *to;
                if (last < first) fail(dat / "to", "the range ends before it starts");
                if (first < origin || last > end_of_range)
                    fail(dat, fmt::format("outside the calendar's range {}..{}", to_iso(origin), to_iso(end_of_range)));
                for (date day = first; day <= last; day += days{1}) {
                    s.days_off.push_back({day, name, kind});
                    s.in_range.push_back(!single);
                }
            });
            for_each(v, at, "working_days", [&](const detail::json& d, const detail::json_path& dat) {
                expect_object(d, dat, {"date", "name"});
                const auto day = optional_date(d, dat, "date");
                if (!day) fail(dat, "missing required field \"date\"");
                if (*day < origin || *day > end_of_range)
                    fail(dat / "date", fmt::format("outside the calendar's range {}..{}", to_iso(origin), to_iso(end_of_range)));
                s.working_days.push_back({*day, required_string(d, dat, "name"), day_off_kind::makeup_workday});
            });
            out.push_back(std::move(s));
        }
        return out;
    }
};

std::size_t index_of(date day) { return static_cast<std::size_t>((day - origin).count()); }

bool in_range(date day) { return day >= origin && day <= end_of_range; }

}  // namespace

calendar::calendar(working_week week) : week_(week) { rebuild(); }

calendar calendar::vietnam(working_week week) {
    calendar cal(week);
    cal.statutory_ = true;
    cal.load_schedule(detail::vn_civil_service_schedule, "vn-civil-service.json");  // rebuilds
    return cal;
}

void calendar::add_statutory_holidays() {
    statutory_ = true;
    rebuild();
}

void calendar::load_schedule(std::string_view json_text, std::string_view source) {
    auto loaded = schedule_reader(json_text, source).read<schedule>();
    for (auto& s : loaded) {
        const auto same_year = std::find_if(schedules_.begin(), schedules_.end(), [&](const schedule& o) { return o.year == s.year; });
        if (same_year != schedules_.end()) *same_year = std::move(s);
        else schedules_.push_back(std::move(s));
    }
    rebuild();
}

void calendar::load_schedule_file(const std::filesystem::path& path) { load_schedule(read_input(path), input_name(path)); }

void calendar::add_day_off(date day, std::string name) {
    (void)offset(day);
    user_days_.push_back({day, std::move(name), day_off_kind::decreed});
    rebuild();
}

void calendar::add_working_day(date day, std::string name) {
    (void)offset(day);
    user_days_.push_back({day, std::move(name), day_off_kind::makeup_workday});
    rebuild();
}

calendar calendar::with_working_week(working_week week) const {
    calendar copy = *this;
    copy.week_ = week;
    copy.rebuild();
    return copy;
}

void calendar::throw_outside(date day) {
    throw error(fmt::format("{} is outside the calendar's range {}..{}", to_iso(day), to_iso(origin), to_iso(end_of_range)));
}

std::int32_t calendar::offset(date day) const {
    if (!in_range(day)) throw_outside(day);
    return static_cast<std::int32_t>((day - origin).count());
}

void calendar::rebuild() {
    // state: 0 = as the working week says, 1 = off, 2 = worked.
    std::vector<std::uint8_t> state(range_days, 0);
    auto by_week = [&](date day) { return week_[static_cast<std::size_t>(weekday{day}.iso_encoding() - 1)]; };
    auto working = [&](date day) {
        const auto s = state[index_of(day)];
        return s == 2 || (s == 0 && by_week(day));
    };
    std::map<date, calendar_day> listed;

    if (statutory_) {
        for (int y = first_year; y <= last_year; ++y) {
            const auto official = std::find_if(schedules_.begin(), schedules_.end(), [&](const schedule& s) { return s.year == y; });
            std::vector<statutory_day> holidays;
            for (std::size_t o = 0; o < enum_names<occasion>::value.size(); ++o) {
                const auto name = enum_names<occasion>::value[o];
                if (official != schedules_.end() &&
                    std::find(official->replaces.begin(), official->replaces.end(), name) != official->replaces.end())
                    continue;
                for (const auto& h : statutory_days(static_cast<occasion>(o), y))
                    if (in_range(h.day)) holidays.push_back(h);
            }
            std::sort(holidays.begin(), holidays.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
            for (const auto& h : holidays) {
                state[index_of(h.day)] = 1;
                listed[h.day] = {h.day, std::string(h.name), day_off_kind::statutory};
            }
            // Art. 111(3): a holiday on a weekly rest day is taken on the next working day.
            date last_given = origin;
            for (const auto& h : holidays) {
                if (by_week(h.day)) continue;
                date next = std::max(h.day, last_given) + days{1};
                while (in_range(next) && !working(next)) next += days{1};
                if (!in_range(next)) break;
                state[index_of(next)] = 1;
                listed[next] = {next, fmt::format("Nghỉ bù {}", h.name), day_off_kind::compensatory};
                last_given = next;
            }
        }
    }
    for (const auto& s : schedules_) {
        for (std::size_t i = 0; i < s.days_off.size(); ++i) {
            const auto& d = s.days_off[i];
            state[index_of(d.day)] = 1;
            if (!s.in_range[i] || by_week(d.day)) listed[d.day] = d;
        }
        for (const auto& d : s.working_days) {
            state[index_of(d.day)] = 2;
            listed[d.day] = d;
        }
    }
    for (const auto& d : user_days_) {
        state[index_of(d.day)] = d.kind == day_off_kind::makeup_workday ? 2 : 1;
        listed[d.day] = d;
    }

    entries_.clear();
    for (auto& [day, entry] : listed) entries_.push_back(std::move(entry));
    worked_before_.assign(range_days + 1, 0);
    working_.clear();
    for (std::size_t i = 0; i < range_days; ++i) {
        const date day = origin + days{static_cast<int>(i)};
        const bool worked = working(day);
        worked_before_[i + 1] = worked_before_[i] + (worked ? 1 : 0);
        if (worked) working_.push_back(static_cast<std::int32_t>(i));
    }
}

bool calendar::is_working_day(date day) const {
    const auto i = static_cast<std::size_t>(offset(day));
    return worked_before_[i + 1] != worked_before_[i];
}

date calendar::next_working_day(date day) const {
    const auto k = static_cast<std::size_t>(worked_before_[static_cast<std::size_t>(offset(day)) + 1]);
    if (k >= working_.size()) throw error(fmt::format("no working day after {} within the calendar's range", to_iso(day)));
    return origin + days{working_[k]};
}

date calendar::previous_working_day(date day) const {
    const auto k = worked_before_[static_cast<std::size_t>(offset(day))];
    if (k == 0) throw error(fmt::format("no working day before {} within the calendar's range", to_iso(day)));
    return origin + days{working_[static_cast<std::size_t>(k - 1)]};
}

date calendar::roll_forward(date day) const { return is_working_day(day) ? day : next_working_day(day); }

date calendar::add_working_days(date day, int n) const {
    const auto i = static_cast<std::size_t>(offset(day));
    if (n == 0) return roll_forward(day);
    const std::int64_t k = n > 0 ? std::int64_t{worked_before_[i + 1]} + n - 1 : std::int64_t{worked_before_[i]} + n;
    if (k < 0 || k >= static_cast<std::int64_t>(working_.size()))
        throw error(fmt::format("{} working days from {} is outside the calendar's range", n, to_iso(day)));
    return origin + days{working_[static_cast<std::size_t>(k)]};
}

date calendar::working_day(std::int32_t number) const {
    if (number < 0 || static_cast<std::size_t>(number) >= working_.size())
        throw error(fmt::format("working day {} is outside the calendar's range {}..{}", number, to_iso(origin),
                                to_iso(end_of_range)));
    return origin + days{working_[static_cast<std::size_t>(number)]};
}

int calendar::working_days_between(date from, date to) const {
    const auto a = static_cast<std::size_t>(offset(from));
    const auto b = static_cast<std::size_t>(offset(to));
    return worked_before_[b + 1] - worked_before_[a + 1];
}

std::string calendar::schedule_json(int y) const {
    using ordered_json = nlohmann::ordered_json;
    ordered_json days_off = ordered_json::array();
    ordered_json working_days = ordered_json::array();
    for (const auto& h : holidays(y)) {
        ordered_json o;
        o["date"] = to_iso(h.day);
        if (h.kind == day_off_kind::makeup_workday) {
            o["name"] = h.name;
            working_days.push_back(std::move(o));
        } else {
            o["kind"] = to_string(h.kind);
            o["name"] = h.name;
            days_off.push_back(std::move(o));
        }
    }
    ordered_json year_entry;
    year_entry["year"] = y;
    year_entry["replaces"] = enum_names<occasion>::value;
    year_entry["days_off"] = std::move(days_off);
    if (!working_days.empty()) year_entry["working_days"] = std::move(working_days);
    ordered_json root;
    root["schema"] = "kehoach/holidays@1";
    root["years"] = ordered_json::array({std::move(year_entry)});
    return root.dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n";
}

std::vector<calendar_day> calendar::holidays(int y) const {
    const date first = sys_days{year{y} / January / 1};
    const date last = sys_days{year{y} / December / 31};
    std::vector<calendar_day> out;
    for (const auto& e : entries_)
        if (e.day >= first && e.day <= last) out.push_back(e);
    return out;
}

}  // namespace kehoach
