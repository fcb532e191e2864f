#include "tables.hpp"

#include <kehoach/error.hpp>
#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace kehoach::detail {
namespace {

/// Whether a lowercase header cell heads the row numbers.
bool is_number_header(std::string_view lower) {
    const auto t = trimmed(lower);
    return t == "stt" || t == "tt" || t == "số tt" || t == "số thứ tự";
}

/// The meaning of a header cell. "phối hợp" before "thực hiện": "Cơ quan phối hợp thực hiện".
std::optional<column> header_column(std::string_view lower) {
    auto has = [&](std::string_view word) { return lower.find(word) != std::string_view::npos; };
    if (is_number_header(lower)) return column::number;
    if (has("phối hợp")) return column::support;
    if (has("theo dõi")) return column::monitor;
    if (has("thời gian") || has("thời hạn") || has("tiến độ")) return column::deadline;  // "Thời gian thực hiện"
    if (has("chủ trì") || has("thực hiện") || has("chịu trách nhiệm")) return column::lead;
    if (has("sản phẩm") || has("kết quả")) return column::targets;
    if (has("ghi chú")) return column::note;
    if (has("nội dung") || has("nhiệm vụ") || has("công việc") || has("hoạt động")) return column::content;
    return std::nullopt;
}

bool is_header(const std::vector<std::optional<column>>& columns) {
    auto has = [&](column c) { return std::find(columns.begin(), columns.end(), c) != columns.end(); };
    return has(column::number) && has(column::content) && (has(column::lead) || has(column::deadline));
}

std::string_view trim(std::string_view s) {
    s = trimmed(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

void append(std::string& to, std::string_view text) {
    if (text.empty()) return;
    if (!to.empty()) to += ' ';
    to += text;
}

/// Cells of a line split on a separator character, trimmed, with the outer border cells dropped.
std::vector<std::string_view> split_on(std::string_view text, char separator) {
    std::vector<std::string_view> cells;
    std::size_t at = 0;
    while (true) {
        const auto end = text.find(separator, at);
        cells.push_back(trim(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at)));
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    if (separator == '|') {
        if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
        if (!cells.empty() && cells.back().empty()) cells.pop_back();
    }
    return cells;
}

bool is_rule(const std::vector<std::string_view>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return only_of(c, "-:=+ "); });
}

/// The meaning of each cell of a lowercase header line.
std::vector<std::optional<column>> header_columns(const std::vector<std::string_view>& lower_cells) {
    std::vector<std::optional<column>> columns;
    columns.reserve(lower_cells.size());
    for (const auto cell : lower_cells) columns.push_back(header_column(cell));
    return columns;
}

/// Whether a row's lowercase cells are the header again, after a page break. A header has a number
/// column: most rows are told apart by that alone.
bool repeats_header(const std::vector<std::string_view>& lower_cells) {
    return std::any_of(lower_cells.begin(), lower_cells.end(), is_number_header) && is_header(header_columns(lower_cells));
}

bool row_starts(std::string_view number) {
    const auto t = trim(number);
    if (t.empty()) return false;
    const auto lower = lower_in_place(t);
    if (std::all_of(lower.begin(), lower.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) return true;
    return only_of(lower, "ivxl") ||
           (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z');
}

/// Tables whose cells a separator marks: pipes, or tabs.
void separated_tables(const document& doc, char separator, std::size_t min_separators, std::vector<bool>& used,
                      std::vector<table>& out) {
    const auto& lines = doc.lines;
    // Most lines hold no separator at all: the search skips them.
    for (std::size_t i = next_line_with(doc, separator, 0); i < lines.size(); i = next_line_with(doc, separator, i + 1)) {
        if (used[i] || static_cast<std::size_t>(std::count(lines[i].text.begin(), lines[i].text.end(), separator)) < min_separators)
            continue;
        const auto header = header_columns(split_on(lines[i].lower, separator));
        if (!is_header(header)) continue;
        table t{i, i, header, {}};
        const auto number = t.column_of(column::number).value_or(0);
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            // A row's empty cells at the end lose their separators with the trailing white space.
            if (std::memchr(lines[j].text.data(), separator, lines[j].text.size()) == nullptr) break;
            t.last_index = j;
            auto cells = split_on(lines[j].text, separator);
            if (is_rule(cells)) continue;
            if (repeats_header(split_on(lines[j].lower, separator))) continue;
            cells.resize(header.size());
            if (t.rows.empty() || row_starts(cells[number])) {
                t.rows.push_back({lines[j].number, lines[j].number, {cells.begin(), cells.end()}});
            } else {
                auto& row = t.rows.back();
                for (std::size_t c = 0; c < cells.size(); ++c) append(row.cells[c], cells[c]);
                row.last_line = lines[j].number;
            }
        }
        for (std::size_t k = t.first_index; k <= t.last_index; ++k) used[k] = true;
        out.push_back(std::move(t));
        i = out.back().last_index;
    }
}

/// A cell of a laid-out line, the character column it starts at, and its lowercase.
struct placed_cell {
    std::size_t column;
    std::string_view text;
    std::string_view lower;
};

/// The cells of a line, cut once: the lowercase has its spaces, tabs and pipes where the text does.
std::vector<placed_cell> placed_cells(const document_line& line) {
    std::vector<placed_cell> cells;
    std::size_t counted = 0, column = 0;  // the characters before byte `counted`
    for (const auto cell : layout_cells(line.text, 2)) {
        const auto at = static_cast<std::size_t>(cell.data() - line.text.data());
        column += characters(line.text.substr(counted, at - counted));
        counted = at;
        cells.push_back({column, cell, line.lower.substr(at, cell.size())});
    }
    return cells;
}

/// A line of a laid-out header: short cells of header words ("Cơ quan", "chủ trì", "hoàn thành").
bool is_header_line(const std::vector<placed_cell>& cells) {
    static constexpr std::array<std::string_view, 14> words{"cơ quan", "đơn vị", "thời gian", "thời hạn", "chủ trì", "phối hợp",
                                                            "hoàn thành", "thực hiện", "sản phẩm", "ghi chú", "dự kiến", "kết quả",
                                                            "nội dung", "stt"};
    return !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const placed_cell& cell) {
        return cell.lower.size() <= 40 && (header_column(cell.lower) ||
                                           std::any_of(words.begin(), words.end(), [&](std::string_view w) {
                                               return cell.lower.find(w) != std::string_view::npos;
                                           }));
    });
}

/// Tables laid out in fixed-width columns (`pdftotext -layout`). The header may span lines
/// ("Cơ quan" above "chủ trì") and comes again after a page break; a cell wraps inside its column.
void layout_tables(const document& doc, std::vector<bool>& used, std::vector<table>& out) {
    const auto& lines = doc.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Only a line with "STT"/"TT" can anchor a header: most lines are passed over cheaply.
        if (used[i] || lines[i].lower.find("tt") == std::string::npos) continue;
        const auto anchor = placed_cells(lines[i]);
        const bool numbered = std::any_of(anchor.begin(), anchor.end(), [](const placed_cell& c) { return header_column(c.lower) == column::number; });
        const bool content = std::any_of(anchor.begin(), anchor.end(), [](const placed_cell& c) { return header_column(c.lower) == column::content; });
        if (!numbered || !content) continue;
        // The header's lines: up to two above the anchor and those below it, before the first row.
        std::size_t first = i;
        while (first > 0 && i - first < 2 && !used[first - 1] && is_header_line(placed_cells(lines[first - 1]))) --first;
        std::size_t j = i + 1;
        while (j < lines.size() && is_header_line(placed_cells(lines[j]))) ++j;
        // Columns start where the anchor's cells start; cells of other header lines join the
        // column they fall in.
        std::vector<std::size_t> starts;
        for (const auto& cell : anchor) starts.push_back(cell.column);
        for (std::size_t k = first; k < j; ++k)
            for (const auto& cell : placed_cells(lines[k]))
                if (std::none_of(starts.begin(), starts.end(), [&](std::size_t s) { return s + 3 >= cell.column && cell.column + 3 >= s; }))
                    starts.push_back(cell.column);
        std::sort(starts.begin(), starts.end());
        auto column_at = [&](std::size_t position) {
            std::size_t best = 0;
            for (std::size_t c = 0; c < starts.size(); ++c)
                if (starts[c] <= position + 3) best = c;
            return best;
        };
        std::vector<std::string> names(starts.size());
        for (std::size_t k = first; k < j; ++k)
            for (const auto& cell : placed_cells(lines[k])) append(names[column_at(cell.column)], cell.lower);
        table t{first, j - 1, {}, {}};
        for (const auto& name : names) t.columns.push_back(header_column(name));
        if (!is_header(t.columns)) continue;
        const auto number_column = *t.column_of(column::number);
        const auto content_start = starts[std::min<std::size_t>(number_column + 1, starts.size() - 1)];
        for (; j < lines.size(); ++j) {
            const auto row_cells = placed_cells(lines[j]);
            if (row_cells.empty() || is_header_line(row_cells)) {  // a rule of pipes, or the header again after a page break
                t.last_index = j;
                continue;
            }
            const bool starts_row = column_at(row_cells.front().column) == number_column && row_starts(row_cells.front().text);
            if (!starts_row && (t.rows.empty() || row_cells.front().column + 3 < content_start)) break;  // prose again
            t.last_index = j;
            std::vector<std::string> placed(starts.size());
            for (const auto& cell : row_cells) append(placed[column_at(cell.column)], cell.text);
            if (starts_row) {
                t.rows.push_back({lines[j].number, lines[j].number, std::move(placed)});
            } else {
                auto& row = t.rows.back();
                for (std::size_t c = 0; c < placed.size(); ++c) append(row.cells[c], placed[c]);
                row.last_line = lines[j].number;
            }
        }
        if (t.rows.empty()) continue;
        for (std::size_t k = t.first_index; k <= t.last_index; ++k) used[k] = true;
        out.push_back(std::move(t));
        i = out.back().last_index;
    }
}

/// A spreadsheet's cell as a text table's cell reads: composed (NFC), its lines joined by spaces
/// as a text table's wrapped lines are, trimmed.
std::string clean_cell(std::string_view text) {
    const auto composed = has_combining_marks(text) ? to_nfc(text) : std::string(text);
    std::string out;
    std::size_t at = 0;
    while (at <= composed.size()) {
        auto end = composed.find_first_of("\r\n", at);
        if (end == std::string::npos) end = composed.size();
        append(out, trim(std::string_view(composed).substr(at, end - at)));
        at = end + 1;
    }
    return out;
}

}  // namespace

table table_of_cells(std::span<const std::vector<csv_cell>> rows, const std::string& source) {
    table t;
    bool headed = false;
    std::size_t first_line = 0;  // of the first row that is not blank, where a header was looked for
    for (const auto& row : rows) {
        std::vector<std::string> cells, lower;
        cells.reserve(row.size());
        for (const auto& cell : row) {
            if (const auto bad = first_invalid_utf8(cell.text); bad != std::string::npos)
                throw parse_error({source, cell.line, cell.column}, {},
                                  fmt::format("invalid UTF-8 in this cell (byte 0x{:02X} after \"{}\"): save the table as UTF-8",
                                              static_cast<unsigned char>(cell.text[bad]), cell.text.substr(0, bad)));
            cells.push_back(clean_cell(cell.text));
            lower.push_back(lower_in_place(cells.back()));
        }
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) continue;
        const std::vector<std::string_view> lower_cells(lower.begin(), lower.end());
        if (first_line == 0) first_line = row.front().line;
        if (!headed) {
            // Rows above the header (the appendix's title, a note) are not the table's.
            t.columns = header_columns(lower_cells);
            headed = is_header(t.columns);
            continue;
        }
        if (repeats_header(lower_cells)) continue;
        for (std::size_t c = t.columns.size(); c < cells.size(); ++c)
            if (!cells[c].empty())
                throw parse_error({source, row[c].line, row[c].column}, {},
                                  fmt::format("\"{}\" is in column {}, but the header has {} columns", cells[c], c + 1,
                                              t.columns.size()));
        cells.resize(t.columns.size());
        // A spreadsheet's row is one row: a row without a number is a row of its own, not the
        // previous row's wrapped lines.
        t.rows.push_back({row.front().line, row.front().line, std::move(cells)});
    }
    if (!headed)
        throw parse_error({source, std::max<std::size_t>(first_line, 1), 1}, {},
                          "no header row: a table needs one with an STT column, a content column (Nội dung, Nhiệm vụ) and a "
                          "unit column (chủ trì, thực hiện) or a deadline column (Thời gian, Thời hạn)");
    return t;
}

std::optional<std::size_t> table::column_of(column c) const {
    const auto at = std::find(columns.begin(), columns.end(), c);
    if (at == columns.end()) return std::nullopt;
    return static_cast<std::size_t>(at - columns.begin());
}

std::vector<table> find_tables(const document& doc) {
    std::vector<bool> used(doc.lines.size(), false);
    std::vector<table> out;
    separated_tables(doc, '|', 2, used, out);
    separated_tables(doc, '\t', 2, used, out);
    layout_tables(doc, used, out);
    std::sort(out.begin(), out.end(), [](const table& a, const table& b) { return a.first_index < b.first_index; });
    return out;
}

}  // namespace kehoach::detail
