#include "document.hpp"

#include "../detail/limits.hpp"
#include "../detail/utf8.hpp"

#include <kehoach/error.hpp>
#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace kehoach::detail {
namespace {

/// UTF-16 with a byte-order mark (what Notepad saves as "Unicode") as UTF-8; an unpaired surrogate
/// or an odd byte is an error at its line and column.
std::string utf8_of_utf16(std::string_view text, const std::string& source) {
    const bool little = text.starts_with(utf16le_bom);
    auto unit_at = [&](std::size_t at) {
        const auto first = static_cast<unsigned char>(text[at]), second = static_cast<unsigned char>(text[at + 1]);
        return static_cast<std::uint32_t>(little ? first | (second << 8) : (first << 8) | second);
    };
    std::string out;
    out.reserve(text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t at = 2; at < text.size(); at += 2) {
        if (at + 1 == text.size()) throw parse_error({source, line, column}, {}, "UTF-16 text cut in the middle of a character");
        std::uint32_t c = unit_at(at);
        if (c >= 0xD800 && c <= 0xDBFF && at + 3 < text.size() && unit_at(at + 2) >= 0xDC00 && unit_at(at + 2) <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (unit_at(at + 2) - 0xDC00);
            at += 2;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            throw parse_error({source, line, column}, {}, fmt::format("invalid UTF-16 (an unpaired surrogate 0x{:04X}): save the text as UTF-8", c));
        }
        utf8proc_uint8_t bytes[4];
        out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), bytes)));
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return out;
}

/// What a line of the input holds that cleaning it is about, found for all lines by byte_finders.
struct line_bytes {
    bool combining_marks = false;  // a CC or CD byte (U+0300..U+036F)
    bool quote_or_space = false;   // an E2 or C2 byte, which ’, ‘ and the no-break spaces start with
    bool star = false;
};

enum class page_number : std::uint8_t { no, marked, bare };

/// "- 3 -" and "Trang 4" are page numbers anywhere; a bare "4" or "4/12" only next to a page break,
/// since a table's row number may stand alone on a line.
page_number page_number_of(std::string_view lower) {
    auto t = trimmed(lower);
    bool marked = false;
    if (t.starts_with("trang ")) {
        t.remove_prefix(6);
        marked = true;
    }
    if (t.starts_with("-") && t.ends_with("-") && t.size() > 2) {
        t = trimmed(t.substr(1, t.size() - 2));
        marked = true;
    }
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (t.empty() || t.size() > 9) return page_number::no;
    bool digit_seen = false;
    for (char c : t) {
        if (c >= '0' && c <= '9') digit_seen = true;
        else if (c != '/' && c != ' ') return page_number::no;
    }
    if (!digit_seen) return page_number::no;
    return marked ? page_number::marked : page_number::bare;
}

/// Appends the cleaned line to `out`: composed, typographic apostrophes and no-break spaces plain,
/// trailing white space dropped. Returns whether it is `raw` as it was, but for that white space.
/// A line of Markdown (a web page saved as .md) without its formatting: "# " heading marks,
/// "**bold**" and "*emphasis*". A "*" between spaces is a bullet or text and stays; underscores
/// stay too, for they also stand for a number not yet given ("Số: ___/KH-UBND").
std::string without_markdown(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t at = line.find_first_not_of(' ');
    if (at == std::string_view::npos) return std::string(line);
    out.append(line.substr(0, at));
    if (line[at] == '#') {
        const auto hashes = line.find_first_not_of('#', at);
        if (hashes != std::string_view::npos && hashes - at <= 6 && line[hashes] == ' ') at = hashes + 1;
    }
    for (; at < line.size(); ++at) {
        const char c = line[at];
        if (c == '*' && at + 1 < line.size() && line[at + 1] == '*') {
            ++at;
            continue;
        }
        if (c == '*') {
            const bool before_space = at + 1 == line.size() || line[at + 1] == ' ';
            const bool after_space = out.empty() || out.back() == ' ';
            if (!(before_space && after_space)) continue;
        }
        out += c;
    }
    return out;
}

bool append_clean(std::string& out, std::string_view raw, const line_bytes& holds) {
    const auto start = out.size();
    // The whole document is valid UTF-8 by now; only decomposed lines need composing. What a
    // decomposed line holds is looked at again once it is composed.
    const bool decomposed = holds.combining_marks;
    if (decomposed) out += to_nfc(raw);
    else out += raw;
    const auto* appended = out.data() + start;
    const auto appended_size = out.size() - start;
    // Most lines with an E2 or C2 byte hold a dash or a letter, not one of these.
    bool replaced = false;
    if ((holds.quote_or_space || decomposed) &&
        (std::memchr(appended, 0xE2, appended_size) != nullptr || std::memchr(appended, 0xC2, appended_size) != nullptr)) {
        constexpr std::array<std::pair<std::string_view, std::string_view>, 4> plain{
            {{"\u2019", "'"}, {"\u2018", "'"}, {"\u00a0", " "}, {"\u202f", " "}}};
        for (const auto& [from, to] : plain) {
            for (auto at = out.find(from, start); at != std::string::npos; at = out.find(from, at + to.size())) {
                out.replace(at, from.size(), to);
                replaced = true;
            }
        }
    }
    // Markdown marks change the line's length: its lowercase is made anew.
    bool markdown = false;
    const auto line = std::string_view(out).substr(start);
    const auto first = line.find_first_not_of(' ');
    if ((first != std::string_view::npos && line[first] == '#') ||
        ((holds.star || decomposed) && std::memchr(line.data(), '*', line.size()))) {
        auto plain_line = without_markdown(line);
        markdown = plain_line.size() != out.size() - start;
        if (markdown) {
            out.resize(start);
            out += plain_line;
        }
    }
    while (out.size() > start && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    return !decomposed && !replaced && !markdown;
}

constexpr std::uint64_t ones = 0x0101010101010101ULL, high_bits = 0x8080808080808080ULL;

/// Bit 7 set in the bytes of `word` that are zero. A byte above a zero one may be flagged too
/// (the borrow runs on), never one below: whoever asks checks the bytes flagged.
std::uint64_t zero_bytes(std::uint64_t word) { return (word - ones) & ~word & high_bits; }

}  // namespace

std::size_t characters(std::string_view text) {
    // Continuation bytes (10xxxxxx) counted eight at a time: bit 7 set and bit 6, shifted onto it,
    // not; the eight 0-or-1 bytes are summed into the top byte by a multiplication (std::popcount
    // is a library call on plain x86-64).
    std::size_t continuations = 0, at = 0;
    for (; at + 8 <= text.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        continuations += static_cast<std::size_t>((((word & ~(word << 1) & high_bits) >> 7) * ones) >> 56);
    }
    for (; at < text.size(); ++at)
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++continuations;
    return text.size() - continuations;
}

std::size_t find_any(std::string_view text, std::string_view bytes, std::size_t from) {
    std::array<std::uint64_t, 4> spread{};  // each byte, eight times
    if (bytes.size() > spread.size()) return text.find_first_of(bytes, from);
    for (std::size_t k = 0; k < bytes.size(); ++k) spread[k] = ones * static_cast<unsigned char>(bytes[k]);
    auto is_one = [&](char c) { return is_one_of(c, bytes); };
    std::size_t at = from;
    for (; at + 8 <= text.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        std::uint64_t flagged = 0;
        for (std::size_t k = 0; k < bytes.size(); ++k) flagged |= zero_bytes(word ^ spread[k]);
        if (flagged == 0) continue;
        if constexpr (std::endian::native == std::endian::little) {
            // The borrow runs to later bytes: the first byte flagged is one of them.
            return at + static_cast<std::size_t>(std::countr_zero(flagged)) / 8;
        } else {
            for (std::size_t k = 0; k < 8; ++k)
                if (is_one(text[at + k])) return at + k;
        }
    }
    for (; at < text.size(); ++at)
        if (is_one(text[at])) return at;
    return std::string_view::npos;
}

std::size_t find_text(std::string_view text, std::string_view needle, std::size_t from) {
    if (from > text.size() || text.size() - from < needle.size()) return std::string_view::npos;
    if (needle.empty()) return from;
    const std::size_t last = text.size() - needle.size();  // where the needle starts at the latest
    auto at_position = [&](std::size_t at) {
        return text[at] == needle.front() && text[at + needle.size() - 1] == needle.back() &&
               text.compare(at, needle.size(), needle) == 0;
    };
    // Bytes equal to the needle's first (at a position) and last (needle.size() - 1 further on) are
    // found as the zero bytes of the eight bytes xor'ed with them; each flagged position is checked
    // in full.
    const std::uint64_t firsts = ones * static_cast<unsigned char>(needle.front());
    const std::uint64_t lasts = ones * static_cast<unsigned char>(needle.back());
    std::size_t at = from;
    for (; at + 7 <= last; at += 8) {
        std::uint64_t heads, tails;
        std::memcpy(&heads, text.data() + at, 8);
        std::memcpy(&tails, text.data() + at + needle.size() - 1, 8);
        if ((zero_bytes(heads ^ firsts) & zero_bytes(tails ^ lasts)) == 0) continue;
        for (std::size_t k = 0; k < 8; ++k)
            if (at_position(at + k)) return at + k;
    }
    for (; at <= last; ++at)
        if (at_position(at)) return at;
    return std::string_view::npos;
}

std::size_t next_line_with(const document& doc, char byte, std::size_t from) {
    if (from >= doc.lines.size()) return doc.lines.size();
    // The lines stand in order in the lowercase, each followed by a line break.
    const std::string_view lower = *doc.lower;
    const auto offset = [&](const document_line& line) { return static_cast<std::size_t>(line.lower.data() - lower.data()); };
    const auto found = lower.find(byte, offset(doc.lines[from]));
    if (found == std::string_view::npos) return doc.lines.size();
    const auto after = std::upper_bound(doc.lines.begin() + static_cast<std::ptrdiff_t>(from), doc.lines.end(), found,
                                        [&](std::size_t at, const document_line& line) { return at < offset(line); });
    return static_cast<std::size_t>(after - doc.lines.begin()) - 1;
}

std::vector<std::string_view> layout_cells(std::string_view text, std::size_t gap) {
    std::vector<std::string_view> cells;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '|')) ++at;
        if (at >= text.size()) break;
        std::size_t end = at;
        std::size_t spaces = 0;
        for (; end < text.size(); ++end) {
            if (text[end] == '\t' || text[end] == '|') break;
            spaces = text[end] == ' ' ? spaces + 1 : 0;
            if (spaces >= gap) break;
        }
        auto cell = text.substr(at, end - at);
        while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
        cells.push_back(cell);
        at = end;
    }
    return cells;
}

bool is_upper_case(std::string_view text, std::string_view lower) {
    bool letters = false;
    for (std::size_t i = 0; i < text.size() && i < lower.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 'a' && byte <= 'z') return false;
        if (text[i] != lower[i]) letters = true;
    }
    return letters && text != lower;
}

bool commune_word(std::string_view before, std::string_view after) {
    if (after != "hội") return true;
    // "xã Hội Sơn" is a commune; after these words "xã hội" is society.
    for (std::string_view society_after : {"và", "-", "–", "hiểm", "sách", "trị", "tế", "hóa", "hoá", "binh"})
        if (before == society_after) return false;
    return true;
}

std::string organization_name(std::string_view text) {
    std::string lower = lower_in_place(text);
    // "UBND" and "HĐND" are spelt out, as documents write the issuer in running text.
    for (const auto& [short_form, full] : std::array<std::pair<std::string_view, std::string_view>, 2>{
             {{"ubnd", "ủy ban nhân dân"}, {"hđnd", "hội đồng nhân dân"}}}) {
        for (auto at = lower.find(short_form); at != std::string::npos; at = lower.find(short_form, at + full.size()))
            lower.replace(at, short_form.size(), full);
    }
    // Words after the last level word ("xã", "huyện", ...) name a place: capitalized.
    std::vector<std::string_view> words;  // views into `lower`
    for (std::size_t at = 0; at < lower.size();) {
        while (at < lower.size() && lower[at] == ' ') ++at;
        std::size_t end = lower.find(' ', at);
        if (end == std::string::npos) end = lower.size();
        if (end > at) words.push_back(std::string_view(lower).substr(at, end - at));
        at = end;
    }
    std::size_t place_from = words.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        const bool two_words = i + 1 < words.size() &&
                               ((w == "thị" && (words[i + 1] == "trấn" || words[i + 1] == "xã")) ||
                                (w == "thành" && words[i + 1] == "phố") || (w == "đặc" && words[i + 1] == "khu"));
        if (two_words) place_from = i + 2;
        else if ((w == "xã" && commune_word(i > 0 ? words[i - 1] : "", i + 1 < words.size() ? words[i + 1] : "")) ||
                 w == "phường" || w == "huyện" || w == "quận" || w == "tỉnh")
            place_from = i + 1;
    }
    if (words.empty()) return {};
    // The fields an agency works in are capitalized, each at its first word (Decree 30/2020,
    // Appendix II): "Sở Văn hóa, Thể thao và Du lịch", "Phòng Tài chính - Kế hoạch".
    std::vector<bool> field_starts(words.size(), false);
    const std::size_t type_words = words.size() > 1 && words[0] == "trung" && words[1] == "tâm" ? 2 : 1;
    if (words[0] == "sở" || words[0] == "bộ" || words[0] == "phòng" || type_words == 2) {
        for (std::size_t i = type_words; i < place_from && i < words.size(); ++i) {
            const auto& before = words[i - 1];
            field_starts[i] = i == type_words || before == "và" || before == "-" || before == "–" || before.ends_with(",");
        }
    }
    // "Ban Chỉ đạo", "Tổ Công tác": the body's own name.
    if (words.size() > 1 && ((words[0] == "ban" && words[1] == "chỉ") || (words[0] == "tổ" && words[1] == "công")))
        field_starts[1] = true;
    std::string out;
    out.reserve(lower.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        if (i == 0 || i >= place_from || field_starts[i]) out += capitalize(words[i]);
        else out += words[i];
    }
    return out;
}

document read_document(std::string_view text, std::string source, const read_limits& limits) {
    check_input_size(text, source, limits);
    if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
    std::string from_utf16;
    if (starts_with_utf16_bom(text)) {
        from_utf16 = utf8_of_utf16(text, source);
        text = from_utf16;
    }
    if (trimmed(text).find_first_not_of(" \t\r\n\f") == std::string_view::npos)
        throw parse_error({source, 1, 1}, {}, "the document is empty");
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto [line, column] = position_of(text, nul);
        // Every other byte NUL near the start: UTF-16 without its byte-order mark.
        const auto head = text.substr(0, 64);
        const bool utf16 = std::count(head.begin(), head.end(), '\0') * 3 >= static_cast<std::ptrdiff_t>(head.size());
        throw parse_error({source, line, column}, {},
                          utf16 ? "a NUL byte: this looks like UTF-16 without a byte-order mark; save the text as UTF-8"
                                : "a NUL byte: this is a binary file, not the text of a plan");
    }
    // Checked and lowercased in one pass; most lines are kept as they are, lowercase and all.
    if (const auto bom = joined_file_bom(text); bom != std::string_view::npos) {
        const auto at = position_of(text, bom);
        throw parse_error({source, at.line, at.column}, {}, std::string(inner_bom_message));
    }
    std::size_t bad = std::string_view::npos;
    const std::string raw_lower = lower_checked(text, bad);
    if (bad != std::string_view::npos) {
        const auto [line, column] = position_of(text, bad);
        throw parse_error({source, line, column}, {},
                          fmt::format("invalid UTF-8 (byte 0x{:02X}): save the text as UTF-8", static_cast<unsigned char>(text[bad])));
    }
    struct span {
        std::size_t offset, size, number;
        bool after_page_break;
    };
    std::vector<span> spans;
    auto buffer = std::make_unique<std::string>();
    auto lower = std::make_unique<std::string>();
    buffer->reserve(text.size() + 16);
    lower->reserve(text.size() + 16);
    std::size_t number = 1;
    bool page_break = false;
    auto page_of = [&](const span& s) {
        const auto line = trimmed(std::string_view(*lower).substr(s.offset, s.size));
        return line.size() > 16 ? page_number::no : page_number_of(line);
    };
    byte_finder newline(text, '\n'), carriage_return(text, '\r'), form_feed(text, '\f');
    byte_finder lead_cc(text, '\xCC'), lead_cd(text, '\xCD'), lead_e2(text, '\xE2'), lead_c2(text, '\xC2'), star(text, '*');
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min({newline.next(at), carriage_return.next(at), form_feed.next(at)});
        const auto raw = text.substr(at, end - at);
        const line_bytes holds{std::min(lead_cc.next(at), lead_cd.next(at)) < end, std::min(lead_e2.next(at), lead_c2.next(at)) < end,
                               star.next(at) < end};
        if (raw.size() > limits.max_line_length) {
            const auto column = position_of(raw, limits.max_line_length).column;
            over_limit(source, number, column, fmt::format("the line is longer than {} bytes", limits.max_line_length), "max_line_length",
                       limits.max_line_length);
        }
        const std::size_t offset = buffer->size();
        if (append_clean(*buffer, raw, holds)) lower->append(raw_lower, at, buffer->size() - offset);
        else append_lower(*lower, std::string_view(*buffer).substr(offset));
        const span line{offset, buffer->size() - offset, number, page_break};
        const bool blank = trimmed(std::string_view(*buffer).substr(offset)).empty();
        const auto page = blank ? page_number::no : page_of(line);
        if (!blank && (page == page_number::no || (page == page_number::bare && !page_break))) {
            spans.push_back(line);
            page_break = false;
            *buffer += '\n';
            *lower += '\n';
        } else {
            buffer->resize(offset);  // blank lines and page numbers are dropped
            lower->resize(offset);
        }
        if (end >= text.size()) break;
        if (text[end] == '\f') {
            // A bare number just before the break was the page's number.
            if (!spans.empty() && page_of(spans.back()) == page_number::bare) {
                buffer->resize(spans.back().offset);
                lower->resize(spans.back().offset);
                spans.pop_back();
            }
            page_break = true;
            at = end + 1;
            continue;  // a form feed breaks the page, not the line count
        }
        at = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
        ++number;
    }
    document doc{std::move(source), {}, std::move(buffer), std::move(lower)};
    doc.lines.reserve(spans.size());
    for (const auto& s : spans)
        doc.lines.push_back({std::string_view(*doc.text).substr(s.offset, s.size),
                             std::string_view(*doc.lower).substr(s.offset, s.size), s.number, s.after_page_break});
    return doc;
}

}  // namespace kehoach::detail
