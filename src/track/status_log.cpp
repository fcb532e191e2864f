#include <kehoach/track/status_log.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/model/portfolio.hpp>

#include "../detail/csv.hpp"
#include "../detail/json_reader.hpp"
#include "../detail/json_writer.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <map>
#include <utility>

namespace kehoach {
namespace {

constexpr std::string_view status_schema = "kehoach/status@1";
constexpr std::array<std::string_view, 6> csv_columns{"item", "date", "state", "percent", "note", "plan"};
// A percent past 0..100 reads, for validate() to report; past this bound it is a typo that both
// formats refuse alike, so that a log converted from one to the other reads back.
constexpr long long percent_bound = 1'000'000;

/// Reads the CSV form: a header, then one update a record.
status_log read_csv(std::string_view text, std::string_view source, const read_limits& limits) {
    auto fail = [&](std::size_t line, std::size_t column, std::string message) -> void {
        throw parse_error({std::string(source), line, column}, {}, std::move(message));
    };
    detail::csv_reader reader(text, fail, limits.max_line_length);
    std::vector<detail::csv_cell> record;
    if (!reader.next(record)) fail(1, 1, "empty: a status log begins with a header naming item, date and state");
    // Where each known column stands in a record; -1 when the header leaves it out.
    std::array<int, csv_columns.size()> at{};
    at.fill(-1);
    for (std::size_t i = 0; i < record.size(); ++i) {
        const auto& cell = record[i];
        const auto name = std::string_view(cell.text);
        const auto* known = std::find(csv_columns.begin(), csv_columns.end(), name);
        if (known == csv_columns.end())
            fail(cell.line, cell.column,
                 fmt::format("unknown column \"{}\" (status@1 has item, date, state, percent, note, plan)", name));
        auto& place = at[static_cast<std::size_t>(known - csv_columns.begin())];
        if (place != -1) fail(cell.line, cell.column, fmt::format("column \"{}\" twice", name));
        place = static_cast<int>(i);
    }
    for (std::size_t c = 0; c < 3; ++c)
        if (at[c] == -1) fail(record.front().line, 1, fmt::format("the header has no \"{}\" column", csv_columns[c]));
    const auto columns = record.size();

    status_log log;
    while (reader.next(record)) {
        const auto& first = record.front();
        if (log.size() == limits.max_items)
            detail::over_limit(source, first.line, first.column, fmt::format("more than {} rows", limits.max_items), "max_items",
                               limits.max_items);
        if (record.size() != columns)
            fail(first.line, first.column, fmt::format("{} fields, but the header names {}", record.size(), columns));
        auto cell = [&](std::size_t c) -> const detail::csv_cell* {
            return at[c] == -1 ? nullptr : &record[static_cast<std::size_t>(at[c])];
        };
        status_update u;
        u.line = first.line;
        const auto& item = *cell(0);
        if (item.text.empty()) fail(item.line, item.column, "no item");
        u.item = item.text;
        const auto& day = *cell(1);
        const auto parsed = parse_iso_date(day.text);
        if (!parsed) fail(day.line, day.column, fmt::format("\"{}\" is not a date of the form YYYY-MM-DD that exists", day.text));
        u.day = *parsed;
        const auto& state = *cell(2);
        const auto known = from_string<status_state>(state.text);
        if (!known)
            fail(state.line, state.column,
                 fmt::format("unknown state \"{}\" (expected one of: {})", state.text, joined_names<status_state>()));
        u.state = *known;
        if (const auto* percent = cell(3); percent && !percent->text.empty()) {
            long long value = 0;
            const auto* end = percent->text.data() + percent->text.size();
            const auto [stop, ec] = std::from_chars(percent->text.data(), end, value);
            if (ec == std::errc::invalid_argument || stop != end)
                fail(percent->line, percent->column, fmt::format("\"{}\" is not a whole number of percent", percent->text));
            if (ec == std::errc::result_out_of_range || value < -percent_bound || value > percent_bound)
                fail(percent->line, percent->column,
                     fmt::format("{} is out of range {}..{}", percent->text, -percent_bound, percent_bound));
            u.percent = static_cast<int>(value);
        }
        if (const auto* note = cell(4)) u.note = note->text;
        if (const auto* in_plan = cell(5)) u.plan = in_plan->text;
        log.append(std::move(u));
    }
    return log;
}

/// Reads the JSON form; each update's line is where its object begins.
class json_log_reader : detail::json_reader {
public:
    using json_reader::json_reader;

    status_log read() const {
        const auto root = parse_document(status_schema, {"schema", "updates"});
        const detail::json_path top;
        status_log log;
        require(root, top, "updates");
        for_each(root, top, "updates", [&](const detail::json& row, const detail::json_path& path) {
            expect_object(row, path, {"item", "plan", "date", "state", "percent", "note"});
            status_update u;
            u.line = position(path).line;
            u.item = required_string(row, path, "item");
            if (u.item.empty()) fail(path / "item", "no item");
            u.plan = optional_string(row, path, "plan");
            require(row, path, "date");
            u.day = *optional_date(row, path, "date");
            u.state = enum_value<status_state>(require(row, path, "state"), path / "state", "state");
            if (const auto* percent = optional(row, "percent"))
                u.percent = static_cast<int>(integer_value(*percent, path / "percent", -percent_bound, percent_bound));
            u.note = optional_string(row, path, "note");
            log.append(std::move(u));
        });
        return log;
    }
};

bool looks_like_json(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

/// The columns of a CSV log's header, in order (the log has been read, so the header is good).
std::vector<std::string> header_columns(std::string_view text) {
    detail::csv_reader reader(text, [](std::size_t, std::size_t, const std::string& message) -> void { throw error(message); });
    std::vector<detail::csv_cell> record;
    std::vector<std::string> names;
    if (reader.next(record))
        for (auto& cell : record) names.push_back(std::move(cell.text));
    return names;
}

/// Rows in the order `columns` names them.
void csv_rows(std::string& out, std::span<const std::string> columns, std::span<const status_update> updates) {
    for (const auto& u : updates) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c) out += ',';
            const auto& name = columns[c];
            if (name == "item") detail::csv_field(out, u.item);
            else if (name == "date") out += to_iso(u.day);
            else if (name == "state") out += to_string(u.state);
            else if (name == "percent" && u.percent) out += std::to_string(*u.percent);
            else if (name == "note") detail::csv_field(out, u.note);
            else if (name == "plan") detail::csv_field(out, u.plan);
        }
        out += '\n';
    }
}

bool names_plans(std::span<const status_update> updates) {
    return std::any_of(updates.begin(), updates.end(), [](const auto& u) { return !u.plan.empty(); });
}

std::vector<std::string> standard_columns(bool with_plan) {
    std::vector<std::string> columns(csv_columns.begin(), csv_columns.end() - (with_plan ? 0 : 1));
    return columns;
}

std::string csv_header(std::span<const std::string> columns) {
    std::string out;
    for (const auto& name : columns) out += (out.empty() ? "" : ",") + name;
    return out + '\n';
}

/// Resolves rows against their plan, and follows done work to find regressions.
class resolver {
public:
    resolved_log out;

    /// `first_item`: where the plan's items begin in the portfolio's count.
    void update(const status_update& u, const plan& p, std::size_t plan_index, std::uint32_t first_item) {
        auto report = [&](severity level, std::string_view code, std::string message) {
            out.diagnostics.push_back({level, std::string(code), u.item, u.line, 0, std::move(message)});
        };
        const auto before = out.diagnostics.size();
        if (u.percent && (*u.percent < 0 || *u.percent > 100))
            report(severity::error, "percent_out_of_range", fmt::format("{}: percent {} is not between 0 and 100", u.item, *u.percent));
        if (p.info.date && u.day < *p.info.date)
            report(severity::error, "before_plan",
                   fmt::format("{}: dated {}, before the plan {} was issued on {}", u.item, to_iso(u.day), p.info.number,
                               to_iso(*p.info.date)));
        if (const auto event = p.find_event(u.item)) {
            auto& day = out.event_done[plan_index][*event];
            if (out.diagnostics.size() == before && u.state == status_state::done && (!day || u.day < *day)) day = u.day;
            return;
        }
        item_index item = 0;
        try {
            item = p.lookup(u.item);
        } catch (const error& e) {
            report(severity::error, "unknown_item", fmt::format("{}{}: {}", p.info.number, p.info.number.empty() ? "the plan" : "", e.what()));
            return;
        }
        if (out.diagnostics.size() != before) return;
        const auto key = std::pair(plan_index, item);
        auto done = done_since_.find(key);
        if (u.state == status_state::done) {
            if (done == done_since_.end()) done_since_.emplace(key, u.day);
        } else if (u.state == status_state::cancelled) {
            if (done != done_since_.end()) done_since_.erase(done);
        } else if (done != done_since_.end() && u.day >= done->second) {
            report(severity::warning, "regression",
                   fmt::format("{}: reported {} on {} after it was done on {}; the later report stands", u.item,
                               to_string(u.state), to_iso(u.day), to_iso(done->second)));
        }
        out.rows.push_back({first_item + item, u.day, u.state, static_cast<std::int8_t>(u.percent ? *u.percent : -1)});
    }

private:
    // When each item was done, by plan and item, until a cancellation reopens it.
    std::map<std::pair<std::size_t, item_index>, date> done_since_;
};

}  // namespace

status_log parse_status_log(std::string_view text, std::string_view source, const read_limits& limits) {
    if (looks_like_json(text)) return json_log_reader(text, source, limits).read();
    detail::check_input_size(text, source, limits);
    return read_csv(text, source, limits);
}

status_log read_status_log(const std::filesystem::path& path, const read_limits& limits) {
    return parse_status_log(read_input(path, limits.max_input_bytes), input_name(path), limits);
}

resolved_log resolve(const status_log& log, const plan& p) {
    resolver r;
    r.out.event_done.emplace_back(p.events().size());
    for (const auto& u : log.updates()) {
        if (!u.plan.empty() && u.plan != p.info.number) {
            r.out.diagnostics.push_back({severity::error, "plan_in_log", u.item, u.line, 0,
                                         fmt::format("{}: the row names plan {}, but this is plan {}", u.item, u.plan, p.info.number)});
            continue;
        }
        r.update(u, p, 0, 0);
    }
    return std::move(r.out);
}

resolved_log resolve(const status_log& log, const portfolio& folio) {
    resolver r;
    std::vector<std::uint32_t> first_item{0};
    for (const auto& p : folio.plans()) {
        r.out.event_done.emplace_back(p.events().size());
        first_item.push_back(first_item.back() + static_cast<std::uint32_t>(p.size()));
    }
    for (const auto& u : log.updates()) {
        const auto index = folio.find_plan(u.plan);
        if (!index) {
            r.out.diagnostics.push_back({severity::error, "unknown_plan", u.item, u.line, 0,
                                         u.plan.empty() ? fmt::format("{}: a portfolio's log names each row's plan", u.item)
                                                        : fmt::format("{}: no plan of the portfolio is numbered {}", u.item, u.plan)});
            continue;
        }
        r.update(u, folio[*index], *index, first_item[*index]);
    }
    return std::move(r.out);
}

std::vector<diagnostic> status_log::validate(const plan& p) const { return resolve(*this, p).diagnostics; }
std::vector<diagnostic> status_log::validate(const portfolio& p) const { return resolve(*this, p).diagnostics; }

std::string status_csv(const status_log& log) {
    const auto columns = standard_columns(names_plans(log.updates()));
    auto out = csv_header(columns);
    csv_rows(out, columns, log.updates());
    return out;
}

std::string status_json(const status_log& log) {
    nlohmann::ordered_json root;
    root["schema"] = status_schema;
    auto& updates = root["updates"] = nlohmann::ordered_json::array();
    for (const auto& u : log.updates()) {
        nlohmann::ordered_json row;
        row["item"] = u.item;
        if (!u.plan.empty()) row["plan"] = u.plan;
        row["date"] = to_iso(u.day);
        row["state"] = to_string(u.state);
        if (u.percent) row["percent"] = *u.percent;
        if (!u.note.empty()) row["note"] = u.note;
        updates.push_back(std::move(row));
    }
    return detail::dump(root);
}

namespace {

/// An exclusive lock on a log's folder while the log is read, extended and replaced: of two
/// appends at once, each would write the old log with its own rows, and the first one's rows
/// would be lost. The folder, since the log itself is replaced. Where the file system cannot
/// lock (some network mounts), appends go unlocked.
class folder_lock {
public:
    explicit folder_lock(const std::filesystem::path& log) {
        const auto folder = log.has_parent_path() ? log.parent_path() : std::filesystem::path(".");
        fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~folder_lock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }
    folder_lock(const folder_lock&) = delete;
    folder_lock& operator=(const folder_lock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace

void append_status(const std::filesystem::path& path, std::span<const status_update> updates) {
    const folder_lock appending(path);
    std::error_code missing;
    const bool exists = std::filesystem::exists(path, missing);
    std::string bytes = exists ? read_input(path) : std::string{};
    const bool json = exists ? looks_like_json(bytes) : path.extension() == ".json";
    auto log = exists ? parse_status_log(bytes, input_name(path)) : status_log{};
    if (json) {
        for (const auto& u : updates) log.append(u);
        write_file_atomically(path, status_json(log));
        return;
    }
    // The header fixes the columns: new rows are written in its order, the old bytes kept as they are.
    if (log.empty() && bytes.find_first_not_of(" \t\r\n") == std::string::npos) bytes = csv_header(standard_columns(names_plans(updates)));
    const auto columns = header_columns(bytes);
    if (names_plans(updates) && std::find(columns.begin(), columns.end(), "plan") == columns.end())
        throw error(fmt::format("{}: the new updates name plans, but the log has no plan column", path.string()));
    if (!bytes.ends_with('\n')) bytes += '\n';
    csv_rows(bytes, columns, updates);
    write_file_atomically(path, bytes);
}

}  // namespace kehoach
