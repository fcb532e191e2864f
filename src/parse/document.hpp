#pragma once
// The lines of a plan document, cleaned of extraction noise, shared by the reader's passes.

#include <kehoach/limits.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach::detail {

struct document_line {
    std::string_view text;   // NFC, trailing spaces trimmed, typographic apostrophes and no-break spaces plain
    std::string_view lower;  // text lowercased, byte for byte the same length
    std::size_t number;      // 1-based line in the input
    bool after_page_break = false;
};

/// Lines of a document, blank lines and page numbers left out. The lines are views into two
/// buffers, the cleaned text and its lowercase, so that a document costs two allocations, not two
/// a line.
struct document {
    std::string source;
    std::vector<document_line> lines;
    std::unique_ptr<std::string> text;
    std::unique_ptr<std::string> lower;
};

/// The first line from line `from` on that holds `byte` (a separator: the same in the text and its
/// lowercase), or the number of lines. The document's lowercase is searched at once, not line by
/// line: most lines hold no such byte.
[[nodiscard]] std::size_t next_line_with(const document& doc, char byte, std::size_t from);

/// Splits on \n, \r\n, \r and form feeds; throws parse_error for empty, binary or non-UTF-8 input,
/// and for input over limits.max_input_bytes or a line over limits.max_line_length bytes.
[[nodiscard]] document read_document(std::string_view text, std::string source, const read_limits& limits);

/// Where a byte next stands in a text, from a place on. memchr looks once, and again only when the
/// place has passed what it found: going down a text line by line or piece by piece, it reads the
/// text about once, however many pieces there are.
class byte_finder {
public:
    byte_finder(std::string_view text, char byte) : text_(text), byte_(byte) {}

    /// The first place of the byte at `from` or after it, or the text's size.
    std::size_t next(std::size_t from) {
        if (!looked_ || found_ < from) {
            const void* found = from < text_.size() ? std::memchr(text_.data() + from, byte_, text_.size() - from) : nullptr;
            found_ = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : text_.size();
            looked_ = true;
        }
        return found_;
    }

private:
    std::string_view text_;
    char byte_;
    std::size_t found_ = 0;
    bool looked_ = false;
};

/// Whether `c` is one of the bytes of `set`. For a few bytes the loop is unrolled inline, where
/// std::string_view::find and find_first_not_of call memchr for every character they test.
[[nodiscard]] constexpr bool is_one_of(char c, std::string_view set) {
    for (const char member : set)
        if (c == member) return true;
    return false;
}

/// Whether every byte of `text` is one of the bytes of `set`.
[[nodiscard]] constexpr bool only_of(std::string_view text, std::string_view set) {
    for (const char c : text)
        if (!is_one_of(c, set)) return false;
    return true;
}

/// The text after its leading spaces and tabs.
[[nodiscard]] inline std::string_view trimmed(std::string_view text) {
    // A loop, not find_first_not_of: that calls memchr on " \t" for every character, and most
    // lines start with no space at all.
    std::size_t first = 0;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
    return text.substr(first);
}

/// The characters (code points) of UTF-8 text: its bytes but for the continuation bytes.
[[nodiscard]] std::size_t characters(std::string_view text);

/// text.find(needle, from), faster on the reader's texts: eight positions at a time, a position is
/// compared whole only when its first and last bytes are the needle's. std::string_view::find
/// calls memchr and memcmp at every occurrence of the first byte, which for a word starting with a
/// space or a common letter is nearly every word.
[[nodiscard]] std::size_t find_text(std::string_view text, std::string_view needle, std::size_t from = 0);

/// Where the first of a few bytes stands in the text from `from` on, or npos: a find_first_of that
/// passes eight bytes at a time where none of them is (for up to four bytes; more go the long way).
[[nodiscard]] std::size_t find_any(std::string_view text, std::string_view bytes, std::size_t from = 0);

/// Cells of a line laid out in columns: split on tabs, pipes and runs of `gap` or more spaces.
[[nodiscard]] std::vector<std::string_view> layout_cells(std::string_view text, std::size_t gap = 3);

/// Whether every letter of the text is upper case ("ỦY BAN NHÂN DÂN").
[[nodiscard]] bool is_upper_case(std::string_view text, std::string_view lower);

/// "ỦY BAN NHÂN DÂN XÃ CHƯ RĂNG" → "Ủy ban nhân dân xã Chư Răng": sentence case, `UBND` spelt out,
/// the place after an administrative level word capitalized.
[[nodiscard]] std::string organization_name(std::string_view text);

/// Whether the word "xã" (lowercase) between `before` and `after` is the commune level, or the
/// "xã" of "xã hội" (society) as in "Thương binh và Xã hội", "Bảo hiểm xã hội", "Văn hóa - Xã hội".
[[nodiscard]] bool commune_word(std::string_view before, std::string_view after);

}  // namespace kehoach::detail
