#include <kehoach/io/ics.hpp>

#include <kehoach/io/item_table.hpp>
#include <kehoach/model/redact.hpp>
#include <kehoach/time/recurrence.hpp>
#include <kehoach/version.hpp>

#include <fmt/format.h>

#include <array>

namespace kehoach {
namespace {

using namespace std::chrono;

struct ics_labels {
    std::string_view deadline, window, lead, support, monitor, rolled, recurring_roll, starts_after, starts_from, plan,
        signer, no_number;
};

constexpr ics_labels vietnamese{
    "Thời hạn: {}",
    "Thời gian thực hiện: {} – {}",
    "Đơn vị chủ trì: {}",
    "Đơn vị phối hợp: {}",
    "Đơn vị theo dõi, đôn đốc: {}",
    "Hạn {} là ngày nghỉ, nên hạn là ngày làm việc tiếp theo.",
    "Kỳ nào có hạn rơi vào ngày nghỉ thì hạn là ngày làm việc tiếp theo.",
    "Bắt đầu sau khi: {} ({})",
    "Bắt đầu từ ngày {}",
    "Kế hoạch số {} ngày {} của {}: {}",
    "Người ký: {}",
    "không số",
};

constexpr ics_labels english{
    "Deadline: {}",
    "Window: {} – {}",
    "Lead: {}",
    "Support: {}",
    "Monitor: {}",
    "{} is a rest day, so the deadline is the next working day.",
    "When an occurrence falls on a rest day, it is due the next working day.",
    "Starts after: {} ({})",
    "Starts on {}",
    "Plan No. {} of {} by {}: {}",
    "Signed by: {}",
    "no number",
};

std::string basic_date(date day) {
    const year_month_day ymd{day};
    return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string basic_stamp(sys_seconds at) {
    const auto day = floor<days>(at);
    const hh_mm_ss time{at - day};
    return fmt::format("{}T{:02}{:02}{:02}Z", basic_date(day), time.hours().count(), time.minutes().count(),
                       time.seconds().count());
}

/// A rule's day of the month as RRULE says it. "trước ngày N" is due by day N-1, as tracking
/// reads it (docs/tracking.md); a day the month lacks is its last day (Civil Code art. 148), which
/// BYSETPOS=1 over {N, last} gives.
std::string month_days(const recurrence_rule& rule) {
    const int before = rule.before ? 1 : 0;
    const int day = rule.day;
    if (day == 0) return fmt::format("BYMONTHDAY={}", -1 - before);
    if (day - before == 0) return "BYMONTHDAY=-1";  // "trước ngày 1": the last day of the month before
    if (day <= 28) return fmt::format("BYMONTHDAY={}", day - before);
    return fmt::format("BYMONTHDAY={},{};BYSETPOS=1", day - before, -1 - before);
}

/// The RRULE of a rule whose first occurrence is due on `first`; the phase of quarters, halves and
/// years comes from `first` (DTSTART).
std::string rrule(const recurrence_rule& rule, date first, const std::optional<date>& until) {
    static constexpr std::array<std::string_view, 7> weekdays{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    std::string out;
    if (rule.freq == frequency::weekly) {
        out = fmt::format("FREQ=WEEKLY;BYDAY={}", weekdays[weekday{first}.iso_encoding() - 1]);
    } else {
        const int months = rule.freq == frequency::monthly ? 1 : rule.freq == frequency::quarterly ? 3
                           : rule.freq == frequency::semiannual ? 6 : 12;
        out = months == 1 ? "FREQ=MONTHLY" : fmt::format("FREQ=MONTHLY;INTERVAL={}", months);
        out += ';' + month_days(rule);
    }
    if (until) out += ";UNTIL=" + basic_date(*until);
    return out;
}

/// The first occurrence of a rule counted from `from`, due as tracking dates it (before any
/// rest-day roll). Every rule falls due within two years.
std::optional<date> first_due(const recurrence_rule& rule, date from) {
    const auto found = occurrences(rule, from, from + days{800});
    if (found.empty()) return std::nullopt;
    return rule.before ? found.front().due - days{1} : found.front().due;
}

std::string joined_units(const plan& p, const item& it, role r) {
    std::string out;
    for (auto u : it.units(r)) {
        if (!out.empty()) out += ", ";
        out += p.units()[u].name;
    }
    return out;
}

/// One calendar entry before it is written out.
struct entry {
    date day;
    std::string rrule;
    std::vector<std::string> notes;  ///< lines of the DESCRIPTION that depend on how it was dated
};

class writer {
public:
    writer(const plan& p, const ics_options& o, const calendar& cal)
        : p_(p), o_(o), due_(items_of(p, cal).due), l_(o.lang == language::vi ? vietnamese : english) {}

    ics_export run() {
        ics_export out;
        line("BEGIN", "VCALENDAR");
        line("VERSION", "2.0");
        line("PRODID", fmt::format("-//kehoach//kehoach {}//{}", KEHOACH_VERSION, o_.lang == language::vi ? "VI" : "EN"));
        line("CALSCALE", "GREGORIAN");
        line("METHOD", "PUBLISH");
        line("X-WR-CALNAME", ics_escape(p_.info.number.empty() ? p_.info.title : p_.info.number + " " + p_.info.title));
        const auto stamp = basic_stamp(o_.stamp ? *o_.stamp : floor<seconds>(system_clock::now()));
        for (item_index i = 0; i < p_.size(); ++i) {
            const auto& it = p_[i];
            const auto entries = entries_of(i);
            if (entries.empty()) {
                // Headings without a deadline are no work of their own.
                if (it.kind == item_kind::task || it.deadline) out.left_out.push_back(i);
                continue;
            }
            for (std::size_t k = 0; k < entries.size(); ++k) {
                const auto& e = entries[k];
                line("BEGIN", "VEVENT");
                line("UID", ics_escape(uid(it, k)));
                line("DTSTAMP", stamp);
                line("DTSTART;VALUE=DATE", basic_date(e.day));
                line("DTEND;VALUE=DATE", basic_date(e.day + days{1}));
                if (!e.rrule.empty()) line("RRULE", e.rrule);
                line("SUMMARY", ics_escape(summary(it)));
                line("DESCRIPTION", ics_escape(description(it, e)));
                line("TRANSP", "TRANSPARENT");
                line("END", "VEVENT");
                ++out.events;
            }
        }
        line("END", "VCALENDAR");
        out.text = std::move(text_);
        return out;
    }

private:
    void line(std::string_view name, std::string_view value) { text_ += ics_fold(fmt::format("{}:{}", name, value)); }

    std::string day_text(date day) const { return to_text(day, o_.lang); }

    /// How an item goes on a calendar: its due day, each rule of a recurring obligation, or the
    /// day its work starts; nothing when it has no day.
    std::vector<entry> entries_of(item_index i) const {
        const auto& it = p_[i];
        std::vector<entry> out;
        const auto& d = it.deadline;
        if (d && d->kind == deadline_kind::recurring) {
            const auto from = d->start ? d->start : p_.info.date;
            if (!from) return out;
            for (const auto& rule : d->recurrence)
                if (const auto first = first_due(rule, *from))
                    out.push_back({*first, rrule(rule, *first, d->end), {std::string(l_.recurring_roll)}});
            return out;
        }
        if (const auto& due = due_[i]) {
            entry e{*due, {}, {}};
            if (d->start && *d->start != *d->end)
                e.notes.push_back(fmt::format(fmt::runtime(l_.window), day_text(*d->start), day_text(*d->end)));
            if (e.day != *d->end) e.notes.push_back(fmt::format(fmt::runtime(l_.rolled), day_text(*d->end)));
            out.push_back(std::move(e));
            return out;
        }
        if (d && d->kind == deadline_kind::from_date && d->start) {
            out.push_back({*d->start, {}, {fmt::format(fmt::runtime(l_.starts_from), day_text(*d->start))}});
            return out;
        }
        // After events: on the day the last of them happened, once every one has a date.
        std::optional<date> last;
        std::vector<std::string> notes;
        for (const auto& dep : it.depends_on) {
            if (dep.type != dependency_type::after_event) continue;
            const auto& ev = p_.events()[dep.target];
            if (!ev.date) return out;
            if (!last || *ev.date > *last) last = ev.date;
            notes.push_back(fmt::format(fmt::runtime(l_.starts_after), ev.text, day_text(*ev.date)));
        }
        if (last) out.push_back({*last, {}, std::move(notes)});
        return out;
    }

    /// Stable across exports of the same plan: its number and date, the item's id, the rule.
    std::string uid(const item& it, std::size_t rule) const {
        auto out = fmt::format("{}/{}/{}", p_.info.number.empty() ? "-" : p_.info.number,
                               p_.info.date ? to_iso(*p_.info.date) : "-", it.id);
        if (rule > 0) out += fmt::format("/{}", rule + 1);
        return out + "@kehoach";
    }

    std::string summary(const item& it) const {
        std::string out = p_.info.number.empty() ? std::string() : fmt::format("[{}] ", p_.info.number);
        return out + (it.number.empty() ? it.title : fmt::format("{} {}", it.number, it.title));
    }

    std::string description(const item& it, const entry& e) const {
        std::vector<std::string> lines;
        if (it.deadline && !it.deadline->text.empty())
            lines.push_back(fmt::format(fmt::runtime(l_.deadline), it.deadline->text));
        lines.insert(lines.end(), e.notes.begin(), e.notes.end());
        const std::array<std::pair<role, std::string_view>, 3> roles{
            {{role::lead, l_.lead}, {role::support, l_.support}, {role::monitor, l_.monitor}}};
        for (const auto& [r, label] : roles)
            if (const auto names = joined_units(p_, it, r); !names.empty())
                lines.push_back(fmt::format(fmt::runtime(label), names));
        const auto& info = p_.info;
        lines.push_back(fmt::format(fmt::runtime(l_.plan), info.number.empty() ? l_.no_number : info.number,
                                    info.date ? day_text(*info.date) : "?", info.issuer, info.title));
        if (const auto who = info.signer.text(!o_.redact); !who.empty())
            lines.push_back(fmt::format(fmt::runtime(l_.signer), who));
        return fmt::format("{}", fmt::join(lines, "\n"));
    }

    const plan& p_;
    const ics_options& o_;
    std::vector<std::optional<date>> due_;  ///< as the item table rolls them
    const ics_labels& l_;
    std::string text_;
};

}  // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            case '\t': out += c; break;
            default:
                // Other control characters are not allowed in TEXT (RFC 5545 §3.3.11).
                out += static_cast<unsigned char>(c) < 0x20 || c == '\x7f' ? ' ' : c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    constexpr std::size_t limit = 75;
    std::string out;
    out.reserve(line.size() + line.size() / 64 * 3 + 2);
    std::size_t room = limit;  // octets the current physical line may still take
    while (line.size() > room) {
        std::size_t cut = room;
        // Never between a lead byte and its continuation bytes (10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = limit - 1;  // the space that begins a continuation line counts
    }
    out.append(line);
    out += "\r\n";
    return out;
}

ics_export to_ics(const plan& p, const ics_options& options, const calendar& cal) {
    if (options.redact) return writer(redacted(p, options.lang), options, cal).run();
    return writer(p, options, cal).run();
}

}  // namespace kehoach
