#include <kehoach/io/report.hpp>

#include <kehoach/analysis/accountability.hpp>
#include <kehoach/error.hpp>
#include <kehoach/model/redact.hpp>
#include <kehoach/track/snapshot.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <variant>
#include <vector>

namespace kehoach {
namespace {

// The report is first laid out as plain text in headings, paragraphs and tables, then written as
// Markdown or HTML, so both formats say the same thing and each escapes in one place.
struct table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
using block = std::variant<std::string, table>;
struct section {
    std::string heading;
    std::vector<block> blocks;
};
struct document {
    std::string title;
    std::vector<std::string> lead;
    std::vector<section> sections;
};

struct labels {
    std::string_view title;         // plan number, month
    std::string_view title_no_number;
    std::string_view plan_line;     // number, date, issuer, title
    std::string_view signer;
    std::string_view as_of;
    std::string_view method;
    std::string_view none;
    std::string_view total;
    std::string_view rates;  // on time, due, rate, done, due, rate
    std::array<std::string_view, 4> occurrence;
    std::array<std::string_view, 4> state;
    std::array<std::string_view, 4> step;
    std::string_view s_overview, s_due, s_on_time, s_late, s_overdue, s_next, s_recurring, s_units, s_stale, s_updates;
    std::string_view c_category, c_tasks, c_item, c_lead, c_due, c_status, c_done_on, c_days_late, c_answers, c_period,
        c_result, c_unit, c_month_counts, c_month_rate, c_all_counts, c_all_rate, c_last_update, c_date, c_state,
        c_percent, c_note, c_on_time_rate, c_completion_rate, c_stale;
    std::string_view days_left, days_late, done_on, percent, never_reported;
    std::string_view ongoing_intro, lead_units, support_units;
};

constexpr labels vietnamese{
    "Báo cáo kết quả thực hiện Kế hoạch số {} tháng {}",
    "Báo cáo kết quả thực hiện kế hoạch tháng {}",
    "Kế hoạch số {} ngày {} của {}: {}",
    "Người ký kế hoạch: {}",
    "Số liệu tính đến ngày {}.",
    "Số ngày chậm và số ngày còn lại tính theo ngày làm việc. Tỷ lệ tính trên số nhiệm vụ đã đến hạn "
    "(đã hoàn thành và quá hạn chưa hoàn thành).",
    "Không có.",
    "Tổng số",
    "Tỷ lệ hoàn thành đúng hạn: {}/{} nhiệm vụ đã đến hạn ({}). Tỷ lệ hoàn thành: {}/{} ({}).",
    {"Đúng hạn", "Chậm", "Chưa thực hiện", "Chưa đến hạn"},
    {"Bắt đầu", "Đang thực hiện", "Hoàn thành", "Dừng thực hiện"},
    {"Đơn vị chủ trì", "Đơn vị theo dõi, đôn đốc", "Cơ quan thường trực", "Người ký kế hoạch"},
    "I. Kết quả chung",
    "II. Nhiệm vụ đến hạn trong tháng {}",
    "III. Nhiệm vụ hoàn thành đúng hạn trong tháng",
    "IV. Nhiệm vụ hoàn thành quá hạn trong tháng",
    "V. Nhiệm vụ quá hạn, chưa hoàn thành",
    "VI. Nhiệm vụ đến hạn trong tháng {}",
    "VII. Nhiệm vụ định kỳ và thường xuyên",
    "VIII. Kết quả theo đơn vị",
    "IX. Nhiệm vụ chậm cập nhật (quá {} ngày không có báo cáo)",
    "X. Cập nhật trong tháng",
    "Tình trạng", "Số nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Tình trạng", "Ngày hoàn thành",
    "Số ngày chậm", "Trách nhiệm (theo thứ tự đôn đốc)", "Kỳ", "Kết quả", "Đơn vị",
    "Trong tháng (đúng hạn/chậm/chưa thực hiện)", "Tỷ lệ đúng hạn trong tháng",
    "Lũy kế (đúng hạn/chậm/chưa thực hiện)", "Tỷ lệ đúng hạn lũy kế", "Cập nhật gần nhất", "Ngày", "Tình trạng",
    "Tiến độ", "Ghi chú", "Tỷ lệ đúng hạn", "Tỷ lệ hoàn thành", "Chậm cập nhật",
    "còn {} ngày làm việc", "chậm {} ngày làm việc", "hoàn thành {}", "{}%", "chưa có báo cáo",
    "Nhiệm vụ thực hiện thường xuyên:",
    "Đơn vị chủ trì:",
    "Đơn vị phối hợp:",
};

constexpr labels english{
    "Report on the implementation of Plan No. {}, {}",
    "Report on the implementation of the plan, {}",
    "Plan No. {} of {} by {}: {}",
    "Signed by: {}",
    "Figures as of {}.",
    "Days late and days left count working days. Rates count over the tasks already due (done, or overdue "
    "and not done).",
    "None.",
    "Total",
    "On-time rate: {} of {} tasks due ({}). Completion rate: {} of {} ({}).",
    {"On time", "Late", "Missing", "Not yet due"},
    {"Started", "In progress", "Done", "Cancelled"},
    {"Lead unit", "Monitor", "Standing monitor", "Signer"},
    "I. Overview",
    "II. Due in {}",
    "III. Done on time this month",
    "IV. Done late this month",
    "V. Overdue, not done",
    "VI. Due in {}",
    "VII. Recurring and ongoing work",
    "VIII. By unit",
    "IX. No report for over {} days",
    "X. Updates this month",
    "Status", "Tasks", "Task", "Lead unit", "Due", "Status", "Done on", "Days late", "Who answers (in order)",
    "Period", "Result", "Unit", "This month (on time/late/missing)", "On-time rate this month",
    "To date (on time/late/missing)", "On-time rate to date", "Last report", "Date", "State", "Progress", "Note",
    "On-time rate", "Completion rate", "Stale",
    "{} working days left", "{} working days late", "done {}", "{}%", "never reported",
    "Ongoing tasks:",
    "Lead units:",
    "Support units:",
};

template <class Enum>
std::size_t at(Enum value) {
    return static_cast<std::size_t>(value);
}

std::string month_text(std::chrono::year_month month, language lang) {
    if (lang == language::vi)
        return fmt::format("{}/{}", static_cast<unsigned>(month.month()), static_cast<int>(month.year()));
    static constexpr std::array<std::string_view, 12> names{"January", "February", "March",     "April",
                                                            "May",     "June",     "July",      "August",
                                                            "September", "October", "November", "December"};
    return fmt::format("{} {}", names[static_cast<unsigned>(month.month()) - 1], static_cast<int>(month.year()));
}

/// Vietnamese writes a decimal comma.
std::string rate_text(double rate, language lang) {
    if (std::isnan(rate)) return "—";
    auto text = fmt::format("{:.1f}%", rate * 100);
    if (lang == language::vi) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

std::string counts_text(const std::array<std::size_t, 4>& c) { return fmt::format("{}/{}/{}", c[0], c[1], c[2]); }

/// Builds the report's document from the snapshot and the accountability tables.
class builder {
public:
    builder(const plan& p, const status_log& log, const report_options& o, date as_of, const calendar& cal)
        : p_(p), log_(log), o_(o), l_(o.lang == language::vi ? vietnamese : english),
          s_(take_snapshot(p, log, {.as_of = as_of, .stale_after_days = o.stale_after_days}, cal)),
          a_(assignments::of(p)), first_(std::chrono::sys_days{o.month / 1}),
          last_(std::chrono::sys_days{o.month / std::chrono::last}) {}

    document build() {
        document d;
        header(d);
        overview(d);
        due_in(d, o_.month, l_.s_due, false);
        done(d, status_category::done_on_time, l_.s_on_time);
        done(d, status_category::done_late, l_.s_late);
        overdue(d);
        due_in(d, o_.month + std::chrono::months{1}, l_.s_next, true);
        recurring(d);
        units(d);
        stale(d);
        updates(d);
        return d;
    }

private:
    std::string day(std::int32_t number) const {
        return number == snapshot::none ? std::string() : to_text(date{std::chrono::days{number}}, o_.lang);
    }
    bool in(date d, date first, date last) const { return first <= d && d <= last; }
    bool in_month(std::int32_t number) const {
        return number != snapshot::none && in(date{std::chrono::days{number}}, first_, last_);
    }
    bool is_task(item_index i) const { return p_[i].kind == item_kind::task; }
    std::string task(item_index i) const { return fmt::format("{} {}", p_[i].id, p_[i].title); }
    std::string leads(item_index i) const {
        std::vector<std::string> names;
        for (auto u : a_.units(i, role::lead)) names.push_back(a_.unit_name(u));
        return fmt::format("{}", fmt::join(names, ", "));
    }

    /// The category with what it needs said: days left or late, when done, how far along.
    std::string status(item_index i) const {
        const auto c = s_.category()[i];
        std::vector<std::string> parts{std::string(label(c, o_.lang))};
        if (s_.days_left()[i] != snapshot::none) parts.push_back(fmt::format(fmt::runtime(l_.days_left), s_.days_left()[i]));
        if (s_.days_late()[i] != snapshot::none) parts.push_back(fmt::format(fmt::runtime(l_.days_late), s_.days_late()[i]));
        if (s_.done_on()[i] != snapshot::none) parts.push_back(fmt::format(fmt::runtime(l_.done_on), day(s_.done_on()[i])));
        else if (s_.percent()[i] >= 0) parts.push_back(fmt::format(fmt::runtime(l_.percent), static_cast<int>(s_.percent()[i])));
        return fmt::format("{}", fmt::join(parts, ", "));
    }

    static void add(section& sec, table t, std::string_view none) {
        if (t.rows.empty()) sec.blocks.emplace_back(std::string(none));
        else sec.blocks.emplace_back(std::move(t));
    }

    void header(document& d) const {
        const auto& info = p_.info;
        const auto month = month_text(o_.month, o_.lang);
        d.title = info.number.empty() ? fmt::format(fmt::runtime(l_.title_no_number), month)
                                      : fmt::format(fmt::runtime(l_.title), info.number, month);
        d.lead.push_back(fmt::format(fmt::runtime(l_.plan_line), info.number, info.date ? to_text(*info.date, o_.lang) : "",
                                     info.issuer, info.title));
        if (!info.signer.empty()) d.lead.push_back(fmt::format(fmt::runtime(l_.signer), info.signer.text(!o_.redact)));
        d.lead.push_back(fmt::format(fmt::runtime(l_.as_of), to_text(s_.as_of(), o_.lang)));
        d.lead.emplace_back(l_.method);
    }

    void overview(document& d) const {
        section sec{std::string(l_.s_overview), {}};
        const auto counts = s_.counts();
        table t{{std::string(l_.c_category), std::string(l_.c_tasks)}, {}};
        std::size_t total = 0;
        for (std::size_t c = 0; c < status_category_count; ++c) {
            t.rows.push_back({std::string(label(static_cast<status_category>(c), o_.lang)), std::to_string(counts[c])});
            total += counts[c];
        }
        t.rows.push_back({std::string(l_.total), std::to_string(total)});
        sec.blocks.emplace_back(std::move(t));
        const auto due = due_count(counts);
        sec.blocks.emplace_back(fmt::format(fmt::runtime(l_.rates), counts[at(status_category::done_on_time)], due,
                                            rate_text(on_time_rate(counts), o_.lang),
                                            counts[at(status_category::done_on_time)] + counts[at(status_category::done_late)],
                                            due, rate_text(completion_rate(counts), o_.lang)));
        d.sections.push_back(std::move(sec));
    }

    /// Tasks whose deadline falls in `month`; for the month ahead, only those still to do.
    void due_in(document& d, std::chrono::year_month month, std::string_view heading, bool open_only) const {
        section sec{fmt::format(fmt::runtime(heading), month_text(month, o_.lang)), {}};
        const date first{month / 1}, last{month / std::chrono::last};
        table t{{std::string(l_.c_item), std::string(l_.c_lead), std::string(l_.c_due), std::string(l_.c_status)}, {}};
        for (item_index i = 0; i < p_.size(); ++i) {
            const auto due = s_.due()[i];
            if (!is_task(i) || due == snapshot::none || !in(date{std::chrono::days{due}}, first, last)) continue;
            const auto c = s_.category()[i];
            if (open_only && (c == status_category::done_on_time || c == status_category::done_late ||
                              c == status_category::cancelled))
                continue;
            t.rows.push_back({task(i), leads(i), day(due), status(i)});
        }
        add(sec, std::move(t), l_.none);
        d.sections.push_back(std::move(sec));
    }

    void done(document& d, status_category category, std::string_view heading) const {
        section sec{std::string(heading), {}};
        const bool late = category == status_category::done_late;
        table t{{std::string(l_.c_item), std::string(l_.c_lead), std::string(l_.c_due), std::string(l_.c_done_on)}, {}};
        if (late) t.header.emplace_back(l_.c_days_late);
        for (item_index i = 0; i < p_.size(); ++i) {
            if (!is_task(i) || s_.category()[i] != category || !in_month(s_.done_on()[i])) continue;
            t.rows.push_back({task(i), leads(i), day(s_.due()[i]), day(s_.done_on()[i])});
            if (late) t.rows.back().push_back(std::to_string(s_.days_late()[i]));
        }
        add(sec, std::move(t), l_.none);
        d.sections.push_back(std::move(sec));
    }

    void overdue(document& d) const {
        section sec{std::string(l_.s_overdue), {}};
        table t{{std::string(l_.c_item), std::string(l_.c_due), std::string(l_.c_days_late), std::string(l_.c_answers)}, {}};
        for (const auto& e : escalation(p_, s_)) {
            // Contacts grouped by step, in the order one escalates.
            std::vector<std::string> steps;
            for (std::size_t k = 0; k < e.chain.size();) {
                const auto step = e.chain[k].step;
                std::vector<std::string> names;
                for (; k < e.chain.size() && e.chain[k].step == step; ++k)
                    names.push_back(step == escalation_step::signer ? p_.info.signer.text(!o_.redact) : e.chain[k].name);
                steps.push_back(fmt::format("{}: {}", l_.step[at(step)], fmt::join(names, ", ")));
            }
            t.rows.push_back({task(e.item), day(s_.due()[e.item]), std::to_string(e.days_late), fmt::format("{}", fmt::join(steps, "; "))});
        }
        add(sec, std::move(t), l_.none);
        d.sections.push_back(std::move(sec));
    }

    void recurring(document& d) const {
        section sec{std::string(l_.s_recurring), {}};
        table occurrences{{std::string(l_.c_item), std::string(l_.c_lead), std::string(l_.c_period), std::string(l_.c_due),
                           std::string(l_.c_done_on), std::string(l_.c_result)},
                          {}};
        for (const auto& o : s_.occurrences()) {
            if (!in(o.due, first_, last_)) continue;
            occurrences.rows.push_back({task(o.item), leads(o.item),
                                        fmt::format("{} – {}", to_text(o.period_start, o_.lang), to_text(o.period_end, o_.lang)),
                                        to_text(o.due, o_.lang), o.done_on ? to_text(*o.done_on, o_.lang) : "",
                                        std::string(l_.occurrence[at(o.status)])});
        }
        add(sec, std::move(occurrences), l_.none);

        // compliance() counts by unit and month; the report wants the month and the sum to date.
        std::map<std::uint32_t, std::pair<compliance_row, compliance_row>> by_unit;
        for (const auto& row : compliance(s_, a_)) {
            auto& [month, total] = by_unit.try_emplace(row.unit, compliance_row{.unit = row.unit, .month = o_.month},
                                                       compliance_row{.unit = row.unit, .month = o_.month})
                                       .first->second;
            for (std::size_t k = 0; k < row.counts.size(); ++k) {
                total.counts[k] += row.counts[k];
                if (row.month == o_.month) month.counts[k] += row.counts[k];
            }
        }
        if (!by_unit.empty()) {
            table t{{std::string(l_.c_unit), std::string(l_.c_month_counts), std::string(l_.c_month_rate),
                     std::string(l_.c_all_counts), std::string(l_.c_all_rate)},
                    {}};
            for (const auto& [unit, rows] : by_unit)
                t.rows.push_back({a_.unit_name(unit), counts_text(rows.first.counts), rate_text(rows.first.rate(), o_.lang),
                                  counts_text(rows.second.counts), rate_text(rows.second.rate(), o_.lang)});
            sec.blocks.emplace_back(std::move(t));
        }

        table ongoing{{std::string(l_.c_item), std::string(l_.c_lead), std::string(l_.c_last_update)}, {}};
        for (item_index i = 0; i < p_.size(); ++i)
            if (is_task(i) && s_.category()[i] == status_category::ongoing && !s_.obligations().recurs(i))
                ongoing.rows.push_back({task(i), leads(i), last_update(i)});
        if (!ongoing.rows.empty()) {
            sec.blocks.emplace_back(std::string(l_.ongoing_intro));
            sec.blocks.emplace_back(std::move(ongoing));
        }
        d.sections.push_back(std::move(sec));
    }

    std::string last_update(item_index i) const {
        return s_.last_update()[i] == snapshot::none ? std::string(l_.never_reported) : day(s_.last_update()[i]);
    }

    void units(document& d) const {
        section sec{std::string(l_.s_units), {}};
        const auto card = scorecard(s_, a_);
        for (auto [r, intro] : {std::pair{role::lead, l_.lead_units}, std::pair{role::support, l_.support_units}}) {
            table t{{std::string(l_.c_unit), std::string(l_.c_tasks)}, {}};
            for (std::size_t c = 0; c < status_category_count; ++c) t.header.emplace_back(label(static_cast<status_category>(c), o_.lang));
            for (auto c : {l_.c_on_time_rate, l_.c_completion_rate, l_.c_stale}) t.header.emplace_back(c);
            for (const auto& row : card) {
                if (row.role != r) continue;
                std::size_t total = 0;
                std::vector<std::string> cells{a_.unit_name(row.unit), ""};
                for (auto n : row.counts) {
                    cells.push_back(std::to_string(n));
                    total += n;
                }
                cells[1] = std::to_string(total);
                cells.push_back(rate_text(row.on_time_rate(), o_.lang));
                cells.push_back(rate_text(row.completion_rate(), o_.lang));
                cells.push_back(std::to_string(row.stale));
                t.rows.push_back(std::move(cells));
            }
            if (t.rows.empty()) continue;
            sec.blocks.emplace_back(std::string(intro));
            sec.blocks.emplace_back(std::move(t));
        }
        if (sec.blocks.empty()) sec.blocks.emplace_back(std::string(l_.none));
        d.sections.push_back(std::move(sec));
    }

    void stale(document& d) const {
        section sec{fmt::format(fmt::runtime(l_.s_stale), o_.stale_after_days), {}};
        table t{{std::string(l_.c_item), std::string(l_.c_lead), std::string(l_.c_last_update)}, {}};
        for (item_index i = 0; i < p_.size(); ++i)
            if (is_task(i) && s_.stale()[i]) t.rows.push_back({task(i), leads(i), last_update(i)});
        add(sec, std::move(t), l_.none);
        d.sections.push_back(std::move(sec));
    }

    /// The month's rows as written, none after the report's day; their notes can name people.
    void updates(document& d) const {
        section sec{std::string(l_.s_updates), {}};
        table t{{std::string(l_.c_date), std::string(l_.c_item), std::string(l_.c_state), std::string(l_.c_percent)}, {}};
        if (!o_.redact) t.header.emplace_back(l_.c_note);
        for (const auto& u : log_.updates()) {
            if (!in(u.day, first_, std::min(last_, s_.as_of()))) continue;
            const auto found = p_.find_item(u.item);
            t.rows.push_back({to_text(u.day, o_.lang), found ? task(*found) : u.item, std::string(l_.state[at(u.state)]),
                              u.percent ? fmt::format(fmt::runtime(l_.percent), *u.percent) : ""});
            if (!o_.redact) t.rows.back().push_back(u.note);
        }
        add(sec, std::move(t), l_.none);
        d.sections.push_back(std::move(sec));
    }

    const plan& p_;
    const status_log& log_;
    const report_options& o_;
    const labels& l_;
    snapshot s_;
    assignments a_;
    date first_, last_;
};

/// Text as Markdown shows it literally; a table cell also keeps to one line.
std::string markdown_escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>|#&").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string markdown(const document& d) {
    std::string out;
    auto to = std::back_inserter(out);
    fmt::format_to(to, "# {}\n", markdown_escaped(d.title));
    for (const auto& line : d.lead) fmt::format_to(to, "\n{}\n", markdown_escaped(line));
    for (const auto& sec : d.sections) {
        fmt::format_to(to, "\n## {}\n", markdown_escaped(sec.heading));
        for (const auto& b : sec.blocks) {
            if (const auto* text = std::get_if<std::string>(&b)) {
                fmt::format_to(to, "\n{}\n", markdown_escaped(*text));
                continue;
            }
            const auto& t = std::get<table>(b);
            auto row = [&](const std::vector<std::string>& cells) {
                for (const auto& cell : cells) fmt::format_to(to, "| {} ", markdown_escaped(cell));
                out += "|\n";
            };
            out += '\n';
            row(t.header);
            for (std::size_t k = 0; k < t.header.size(); ++k) out += "|---";
            out += "|\n";
            for (const auto& r : t.rows) row(r);
        }
    }
    return out;
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

constexpr std::string_view stylesheet =
    "body{font-family:'Times New Roman',serif;font-size:13pt;line-height:1.4;max-width:60em;margin:2em auto;padding:0 1em}"
    "h1{font-size:1.3em;text-align:center}h2{font-size:1.1em;margin-top:1.4em}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0}"
    "th,td{border:1px solid #555;padding:.2em .4em;text-align:left;vertical-align:top}th{background:#eee}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

std::string html(const document& d, std::string_view lang) {
    std::string out;
    auto to = std::back_inserter(out);
    fmt::format_to(to,
                   "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
                   "<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
                   lang, html_escaped(d.title), stylesheet, html_escaped(d.title));
    for (const auto& line : d.lead) fmt::format_to(to, "<p>{}</p>\n", html_escaped(line));
    for (const auto& sec : d.sections) {
        fmt::format_to(to, "<h2>{}</h2>\n", html_escaped(sec.heading));
        for (const auto& b : sec.blocks) {
            if (const auto* text = std::get_if<std::string>(&b)) {
                fmt::format_to(to, "<p>{}</p>\n", html_escaped(*text));
                continue;
            }
            const auto& t = std::get<table>(b);
            out += "<table>\n<thead><tr>";
            for (const auto& cell : t.header) fmt::format_to(to, "<th>{}</th>", html_escaped(cell));
            out += "</tr></thead>\n<tbody>\n";
            for (const auto& r : t.rows) {
                out += "<tr>";
                for (const auto& cell : r) fmt::format_to(to, "<td>{}</td>", html_escaped(cell));
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n";
        }
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace

std::string monthly_report(const plan& p, const status_log& log, const report_options& options, const calendar& cal) {
    if (!options.month.ok()) throw error("the report's month does not exist");
    const date first{options.month / 1};
    const auto as_of = options.as_of.value_or(std::min(date{options.month / std::chrono::last}, today_in_vietnam()));
    if (as_of < first)
        throw error(fmt::format("a report on {:04}-{:02} cannot stand on {}, before the month begins",
                                static_cast<int>(options.month.year()), static_cast<unsigned>(options.month.month()),
                                to_iso(as_of)));
    const auto d = options.redact ? builder(redacted(p, options.lang), log, options, as_of, cal).build()
                                  : builder(p, log, options, as_of, cal).build();
    return options.format == report_format::html ? html(d, options.lang == language::vi ? "vi" : "en") : markdown(d);
}

}  // namespace kehoach
