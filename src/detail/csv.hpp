#pragma once
// CSV as RFC 4180 writes it: every table kehoach writes, and the status logs it reads.

#include "limits.hpp"

#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kehoach::detail {

/// Appends a field: quoted when it holds a comma, a quote or a line break, or starts with a
/// byte-order mark (which would read as files joined at a record's start), quotes doubled.
inline void csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos && !field.starts_with(utf8_bom)) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace kehoach::detail

namespace kehoach::detail {

/// A field read from CSV, with the place its text begins (1-based line and column, in bytes).
struct csv_cell {
    std::string text;
    std::size_t line = 0;
    std::size_t column = 0;
};

/**
 * RFC 4180 as spreadsheets write it: quoted fields may hold commas, doubled quotes and line
 * breaks; lines end in LF or CRLF; a UTF-8 byte-order mark (Excel writes one) is skipped; blank
 * lines are skipped. Text that is not UTF-8 (UTF-16, a legacy code page, a binary file) and a
 * line over `max_line_length` bytes are refused. `fail(line, column, message)` must throw.
 */
template <class Fail>
class csv_reader {
public:
    csv_reader(std::string_view text, Fail fail, std::size_t max_line_length = std::numeric_limits<std::size_t>::max())
        : text_(text), fail_(std::move(fail)), max_line_length_(max_line_length) {
        if (text_.starts_with(utf8_bom)) at_ = utf8_bom.size(), column_ = 4;
        if (starts_with_utf16_bom(text_))
            fail_(1, 1, "this is UTF-16 text: save the table as UTF-8 (CSV UTF-8 in Excel)");
        const auto nul = text_.find('\0');
        const auto bad = first_invalid_utf8(text_.substr(0, nul));
        if (bad != std::string_view::npos) {
            const auto at = position_of(text_, bad);
            fail_(at.line, at.column, fmt::format("invalid UTF-8 (byte 0x{:02X}): save the table as UTF-8 (CSV UTF-8 in Excel)",
                                                  static_cast<unsigned char>(text_[bad])));
        }
        if (nul != std::string_view::npos) {
            const auto at = position_of(text_, nul);
            fail_(at.line, at.column, "a NUL byte: this is a binary file or UTF-16 text, not a CSV table in UTF-8");
        }
    }

    /// The next record's fields; false at the end of the text.
    bool next(std::vector<csv_cell>& record) {
        record.clear();
        while (at_ < text_.size() && (text_[at_] == '\n' || text_[at_] == '\r')) newline();
        if (at_ >= text_.size()) return false;
        // Only where a record starts: inside a quoted field the character is the field's text.
        if (line_ > 1 && text_.substr(at_).starts_with(utf8_bom)) fail_(line_, column_, std::string(inner_bom_message));
        for (;;) {
            record.push_back(field());
            if (at_ >= text_.size()) return true;
            if (text_[at_] == ',') {
                advance();
                continue;
            }
            newline();
            return true;
        }
    }

private:
    csv_cell field() {
        csv_cell cell{{}, line_, column_};
        if (at_ < text_.size() && text_[at_] == '"') {
            advance();
            for (;;) {
                if (at_ >= text_.size()) fail_(cell.line, cell.column, "a quoted field is never closed");
                const char c = text_[at_];
                if (c == '"') {
                    advance();
                    if (at_ < text_.size() && text_[at_] == '"') {
                        cell.text += '"';
                        advance();
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    cell.text += c;
                    newline();
                    continue;
                }
                cell.text += c;
                advance();
            }
            if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r')
                fail_(line_, column_, "text after a closing quote (a quote inside a field is written twice: \"\")");
            return cell;
        }
        const auto start = at_;
        while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
            if (text_[at_] == '"') fail_(line_, column_, "a quote inside an unquoted field (quote the whole field)");
            advance();
        }
        cell.text.assign(text_.substr(start, at_ - start));
        return cell;
    }

    void advance() {
        ++at_;
        if (++column_ - 1 > max_line_length_)
            fail_(line_, column_ - 1,
                  limit_message(fmt::format("a line longer than {} bytes", max_line_length_), "max_line_length", max_line_length_));
    }
    /// Past one line break: LF, CRLF or a lone CR.
    void newline() {
        if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
        ++at_;
        ++line_;
        column_ = 1;
    }

    std::string_view text_;
    Fail fail_;
    std::size_t max_line_length_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
};

}  // namespace kehoach::detail
