#include <kehoach/parse/plan_reader.hpp>

#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/parse/unit_names.hpp>
#include <kehoach/text/normalize.hpp>
#include <kehoach/time/deadline.hpp>

#include "../detail/limits.hpp"
#include "../detail/utf8.hpp"
#include "document.hpp"
#include "tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

// The reader works in passes over the cleaned lines: the front matter and the signature block, the
// appendix tables, then the outline of the body. The outline becomes a tree of nodes, each with its
// heading, text and fields; assignments are then read from the fields or, failing those, from the
// prose, and the tree is cut down to tasks and the groups that hold them.

namespace kehoach {
namespace {

using detail::characters;
using detail::document;
using detail::document_line;
using detail::find_any;
using detail::find_text;
using detail::is_one_of;
using detail::is_upper_case;
using detail::only_of;
using detail::trimmed;

// --- fields -------------------------------------------------------------------------------------

enum class field_kind : std::uint8_t { lead, support, monitor, deadline, targets, note };

struct label {
    std::string_view text;  // lowercase, as it starts a field
    field_kind kind;
};

/// Longest first, so that "đơn vị thực hiện" is not read as "thực hiện".
constexpr std::array<label, 27> labels{{
    {"người/đơn vị thực hiện", field_kind::lead},
    {"đơn vị theo dõi, đôn đốc", field_kind::monitor},
    {"cơ quan theo dõi, đôn đốc", field_kind::monitor},
    {"đơn vị chịu trách nhiệm", field_kind::lead},
    {"thời gian hoàn thành", field_kind::deadline},
    {"thời hạn hoàn thành", field_kind::deadline},
    {"thời gian thực hiện", field_kind::deadline},
    {"tiến độ thực hiện", field_kind::deadline},
    {"tiến độ hoàn thành", field_kind::deadline},
    {"đơn vị thực hiện", field_kind::lead},
    {"cơ quan thực hiện", field_kind::lead},
    {"người thực hiện", field_kind::lead},
    {"đơn vị chủ trì", field_kind::lead},
    {"cơ quan chủ trì", field_kind::lead},
    {"đơn vị phối hợp", field_kind::support},
    {"cơ quan phối hợp", field_kind::support},
    {"theo dõi, đôn đốc", field_kind::monitor},
    {"đơn vị theo dõi", field_kind::monitor},
    {"kết quả đầu ra", field_kind::targets},
    {"thời gian", field_kind::deadline},
    {"thời hạn", field_kind::deadline},
    {"sản phẩm", field_kind::targets},
    {"phối hợp", field_kind::support},
    {"chủ trì", field_kind::lead},
    {"ghi chú", field_kind::note},
    {"tiến độ", field_kind::deadline},
    {"kết quả", field_kind::targets},
}};

struct field {
    field_kind kind;
    std::string value;
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Entries of a table looked up by one byte of each, so that a place in a text is compared only with
/// the few entries its byte may start: `order` holds the entries' indices by that byte (entries of
/// one byte in their order), and of(b) those of byte b.
template <std::size_t N>
struct byte_index {
    std::array<std::uint8_t, N> order{};
    std::array<std::uint8_t, 257> from{};  // where each byte's run starts in `order`; from[256] == N

    [[nodiscard]] constexpr std::span<const std::uint8_t> of(unsigned char byte) const {
        return {order.data() + from[byte], order.data() + from[byte + 1]};
    }
};

template <class Entry, std::size_t N, class ByteOf>
constexpr byte_index<N> index_by_byte(const std::array<Entry, N>& entries, ByteOf byte_of) {
    static_assert(N < 256);
    byte_index<N> index;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(byte_of(entries[i])); };
    for (std::size_t i = 0; i < N; ++i) index.order[i] = static_cast<std::uint8_t>(i);
    for (std::size_t i = 1; i < N; ++i)  // an insertion sort: stable, and constexpr
        for (std::size_t j = i; j > 0 && byte(index.order[j]) < byte(index.order[j - 1]); --j)
            std::swap(index.order[j], index.order[j - 1]);
    for (std::size_t b = 0, i = 0; b <= 256; ++b) {
        while (i < N && byte(index.order[i]) < b) ++i;
        index.from[b] = static_cast<std::uint8_t>(i);
    }
    return index;
}

constexpr auto labels_by_first_byte = index_by_byte(labels, [](const label& l) { return l.text[0]; });

/// The label a text starts with (after spaces), and where its value starts.
std::optional<std::pair<field_kind, std::size_t>> label_at(std::string_view lower, std::size_t from) {
    if (from + 1 >= lower.size()) return std::nullopt;
    const auto first = static_cast<unsigned char>(lower[from]);
    for (const auto i : labels_by_first_byte.of(first)) {
        const auto& l = labels[i];
        // The second byte tells most labels apart before a full comparison.
        if (lower[from + 1] != l.text[1]) continue;
        if (lower.substr(from, l.text.size()) != l.text) continue;
        std::size_t at = from + l.text.size();
        while (at < lower.size() && lower[at] == ' ') ++at;
        if (at < lower.size() && lower[at] == ':') return std::pair{l.kind, at + 1};
    }
    return std::nullopt;
}

/// The bullet a line starts with ("- ", "+ ", "• "), as the number of bytes to skip, or 0.
std::size_t bullet_width(std::string_view text) {
    for (std::string_view bullet : {"-", "+", "*", "•", "–", "—"}) {
        if (text.starts_with(bullet)) {
            std::size_t at = bullet.size();
            while (at < text.size() && text[at] == ' ') ++at;
            return at;
        }
    }
    return 0;
}

/// The label that starts a field after a separator: spaces, perhaps a bullet ("- ", "+ ", "– "), a label.
std::optional<std::pair<field_kind, std::size_t>> label_after(std::string_view lower, std::size_t at) {
    while (at < lower.size() && lower[at] == ' ') ++at;
    return label_at(lower, at + bullet_width(lower.substr(std::min(at, lower.size()))));
}

/// Where a field's value that starts at `from` ends: at the ";" or "." a label follows ("X; Đơn vị
/// phối hợp: Y"), at a ")" when `at_bracket`, else at the end of the text.
std::size_t value_end(std::string_view lower, std::size_t from, bool at_bracket) {
    for (std::size_t k = find_any(lower, at_bracket ? ");." : ";.", from); k != std::string_view::npos;
         k = find_any(lower, at_bracket ? ");." : ";.", k + 1))
        if (lower[k] == ')' || label_after(lower, k + 1)) return k;
    return lower.size();
}

std::string_view strip_punctuation(std::string_view text) {
    // "./." closes a document's last paragraph.
    while (!text.empty() && (is_one_of(text.back(), " .;,:") ||
                             (text.back() == '/' && text.size() > 1 && text[text.size() - 2] == '.')))
        text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return text;
}

// --- headings -----------------------------------------------------------------------------------

enum class heading_kind : std::uint8_t { part, roman, arabic, letter, dash, plus };

struct heading {
    heading_kind kind;
    std::string number;  // "II", "4.13", "a", "-", "+"
    int rank;            // nesting: a heading closes open headings of equal or higher rank
    std::size_t text_at;  // byte offset of the heading's text in the line
};

bool starts_upper(std::string_view text, std::string_view lower) {
    if (text.empty()) return false;
    if (text.front() == '"' || text.front() == '\'' || text.starts_with("“")) return true;
    const auto n = std::min<std::size_t>(4, text.size());
    return text.substr(0, n) != lower.substr(0, n) || (text.front() >= 'A' && text.front() <= 'Z');
}

std::optional<int> roman_value(std::string_view lower) {
    static constexpr std::array<std::string_view, 20> numerals{"i",   "ii",   "iii", "iv", "v",   "vi",  "vii",
                                                                "viii", "ix",  "x",   "xi", "xii", "xiii", "xiv",
                                                                "xv",  "xvi", "xvii", "xviii", "xix", "xx"};
    for (std::size_t i = 0; i < numerals.size(); ++i)
        if (lower == numerals[i]) return static_cast<int>(i + 1);
    return std::nullopt;
}

std::optional<heading> heading_of(const document_line& line) {
    const std::string_view text = trimmed(line.text);
    const std::size_t offset = line.text.size() - text.size();
    const std::string_view lower = std::string_view(line.lower).substr(offset);
    auto rest_at = [&](std::size_t at) {
        while (at < text.size() && text[at] == ' ') ++at;
        return at;
    };
    // PHẦN I (most lines are passed on by their first byte, without comparing the word)
    constexpr std::string_view part_word = "phần ";  // 7 bytes: "ầ" takes three
    if (lower.starts_with('p') && lower.starts_with(part_word)) {
        const auto number_at = part_word.size();
        std::size_t end = number_at;
        while (end < lower.size() && lower[end] != ' ' && lower[end] != '.' && lower[end] != ':') ++end;
        const auto word = number_at - 1;
        if (roman_value(lower.substr(number_at, end - number_at)) && is_upper_case(text.substr(0, word), lower.substr(0, word)))
            return heading{heading_kind::part, std::string(text.substr(number_at, end - number_at)), 0, offset + rest_at(end + 1)};
    }
    // Roman: "II. NỘI DUNG", "III - TỔ CHỨC THỰC HIỆN"
    {
        std::size_t end = 0;
        while (end < lower.size() && is_one_of(lower[end], "ivxl")) ++end;
        if (end > 0 && end < lower.size() && (lower[end] == '.' || lower[end] == ')' || lower[end] == ' ') &&
            roman_value(lower.substr(0, end)) && text.substr(0, end) != lower.substr(0, end)) {
            std::size_t at = rest_at(end + 1);
            if (at < text.size() && (text[at] == '-' || text[at] == ':')) at = rest_at(at + 1);
            const auto title = text.substr(at);
            if (!title.empty() && is_upper_case(title.substr(0, std::min<std::size_t>(12, title.size())),
                                                lower.substr(at, std::min<std::size_t>(12, title.size()))))
                return heading{heading_kind::roman, std::string(text.substr(0, end)), 1, offset + at};
        }
    }
    // Arabic: "1.", "1.1.", "1.1", "2)"
    if (!text.empty() && text.front() >= '0' && text.front() <= '9') {
        std::size_t end = 0;
        int components = 0;
        while (end < text.size()) {
            const auto digits_from = end;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            if (end == digits_from || end - digits_from > 2) return std::nullopt;
            ++components;
            if (end < text.size() && text[end] == '.' && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9') {
                ++end;
                continue;
            }
            break;
        }
        const bool closed = end < text.size() && (text[end] == '.' || text[end] == ')');
        if (!closed && components == 1) return std::nullopt;
        const std::size_t at = rest_at(closed ? end + 1 : end);
        if (at == end || at >= text.size()) return std::nullopt;  // "1.1.Nội dung" glued is still read below
        if (!starts_upper(text.substr(at), lower.substr(at))) return std::nullopt;
        return heading{heading_kind::arabic, std::string(text.substr(0, end)), 1 + components, offset + at};
    }
    // Letters: "a)", "đ)"
    if (text.size() > 3) {
        const bool ascii_letter = text[0] >= 'a' && text[0] <= 'z' && (text[1] == ')' || text[1] == '.');
        const bool d_bar = text.starts_with('\xC4') && text.starts_with("đ)");
        if (ascii_letter || d_bar) {
            const std::size_t letter_size = d_bar ? 2 : 1;
            const std::size_t at = rest_at(letter_size + 1);
            if (at > letter_size + 1 && at < text.size() && starts_upper(text.substr(at), lower.substr(at)))
                return heading{heading_kind::letter, std::string(text.substr(0, letter_size)), 10, offset + at};
        }
    }
    if (const auto width = bullet_width(text); width > 0 && width < text.size()) {
        const bool plus = text.front() == '+';
        return heading{plus ? heading_kind::plus : heading_kind::dash, plus ? "+" : "-", plus ? 30 : 20, offset + width};
    }
    return std::nullopt;
}

// --- the outline ----------------------------------------------------------------------------------

struct node {
    heading head;
    std::string id;
    node* parent = nullptr;
    std::vector<std::unique_ptr<node>> children;
    std::string heading_text;  // the heading, up to the first field
    std::string body;          // the text after the heading, fields excluded
    std::string heading_lower;  // the same two, lowercased: cut from the document's lowercase
    std::string body_lower;
    std::vector<field> fields;
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    std::size_t heading_last_line = 0;
    bool in_heading = true;  // still reading the heading's wrapped lines
    std::size_t heading_line_width = 0;  // characters on the heading's last line
    bool objectives = false;  // a "Mục đích, yêu cầu" section: no tasks in it
};

void append_text(std::string& to, std::string_view text) {
    if (text.empty()) return;
    if (!to.empty()) to += ' ';
    to += text;
}

}  // namespace

namespace detail {

// The reader proper.
class document_reader {
public:
    document_reader(std::string_view text, const read_options& options)
        : options_(options), doc_(detail::read_document(text, options.source, options.limits)) {}
    /// A reader for a table given cell by cell: no document, the plan's front matter given.
    document_reader(const plan_info& info, const read_options& options) : options_(options), doc_{options.source, {}, {}, {}}, info_(info) {}

    plan read();
    /// The plan a table given cell by cell holds: its rows read as a document's appendix table's are.
    plan read(const detail::table& table);

private:
    /// A unit as the document names it: an index into units_.
    using unit_ref = std::size_t;
    struct unit_entry {
        std::string key;  // unit_key()
        std::vector<std::string> spellings;
        std::vector<std::size_t> uses;  // of each spelling

        /// Counts a use of a spelling; returns its index.
        std::size_t use(std::string_view spelling, std::size_t times = 1) {
            const auto found = std::find(spellings.begin(), spellings.end(), spelling);
            const auto index = static_cast<std::size_t>(found - spellings.begin());
            if (found == spellings.end()) {
                spellings.emplace_back(spelling);
                uses.push_back(0);
            }
            uses[index] += times;
            return index;
        }
    };
    struct pending_item {
        std::string id;
        std::string number;
        std::string parent_id;
        item_kind kind = item_kind::task;
        std::string title;
        std::string text;
        std::string lower_text;  // heading and text, lowercased, as assign() read them
        std::array<std::vector<unit_ref>, role_count> roles;
        std::optional<deadline> due;
        std::vector<std::string> targets;
        std::string note;
        std::size_t first_line = 0, last_line = 0;
        std::string section;  // the Roman section the item is in
    };

    /// Keys the caller's registry of units by unit_key() at the plan's level, which must be known.
    void key_known_units();
    void warn(std::string code, std::size_t line, std::size_t column, std::string message, std::string item = {});
    void learn_abbreviations();
    const unit_facts& facts_of(std::string_view name);
    unit_ref unit_of(std::string_view name, std::size_t line, std::size_t column);
    /// Adds the units a list names to `refs`, those not there yet.
    void add_units(std::string_view list, std::size_t line, std::size_t column, std::vector<unit_ref>& refs);

    std::size_t read_front_matter();
    std::size_t find_signature();
    void read_parents(std::string_view preamble);
    void read_outline(std::size_t from, std::size_t to, const std::vector<bool>& in_table);
    void read_tables(std::span<const detail::table> tables);
    bool assign(node& n, pending_item& out);
    /// Assignments in running text; `lower` is `text` lowercased.
    void prose(std::string_view text, std::string_view lower, std::size_t line, pending_item& out);
    std::optional<deadline> deadline_of(std::string_view phrase, std::size_t line, std::size_t column, const std::string& item);
    void emit(node& n, const std::string& section);
    /// `id`, or `id#2`, `id#3` ... with a duplicate_number diagnostic when the id is taken.
    std::string unique_id(std::string id, std::string_view number, std::size_t line);
    /// An item read, then dropped (a group without tasks, a table row that assigns nothing): the
    /// diagnostics since `first_diagnostic` that name it keep their line but name no item, since
    /// they would name nothing, or the next item given its id; its number was no duplicate.
    void forget_item(const std::string& id, std::size_t first_diagnostic);
    plan build();

    const read_options& options_;
    document doc_;
    plan_info info_;
    std::optional<plan_level> level_;
    std::vector<diagnostic> diagnostics_;
    std::vector<pending_item> items_;
    /// Hashes std::string and std::string_view alike, so that lookups need not copy the key.
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    template <class Value>
    using text_map = std::unordered_map<std::string, Value, text_hash, std::equal_to<>>;
    std::vector<unit_entry> units_;      // in order of first appearance
    text_map<unit_ref> unit_by_key_;
    text_map<unit_ref> learned_;         // "Ban Chỉ đạo" (its key) → the unit whose name it abbreviates
    text_map<std::size_t> known_by_key_;  // unit_key() → index in options_.known_units
    std::unordered_set<std::string> known_ids_;  // taken for the document's other units
    text_map<unit_facts> facts_;         // by spelling
    std::string current_item_;  // the item whose units are being read, for diagnostics
    std::vector<unit_ref> plan_monitors_;
    std::vector<unit_ref> report_compilers_;
    std::unique_ptr<node> root_;
    std::size_t headings_ = 0;  // of the outline, against read_limits::max_items
};

}  // namespace detail

namespace {

/// The first sentence of a text, shortened at a word to 160 characters; `lower` is `text` lowercased.
std::string title_of(std::string_view text, std::string_view lower) {
    std::size_t end = text.size();
    detail::byte_finder full_stop(text, '.'), semicolon(text, ';'), colon(text, ':');
    auto mark_from = [&](std::size_t from) { return std::min({full_stop.next(from), semicolon.next(from), colon.next(from)}); };
    for (std::size_t i = mark_from(0); i < text.size(); i = mark_from(i + 1)) {
        const char c = text[i];
        if (i + 1 == text.size() || text[i + 1] == ' ') {
            end = i;
            break;
        }
        // Extraction glues a field to the sentence before it: "Rà soát dữ liệu.Đơn vị thực hiện: ...".
        if ((c == '.' || c == ';') && label_after(lower.substr(i + 1, 64), 0)) {
            end = i;
            break;
        }
    }
    auto title = strip_punctuation(text.substr(0, end));
    if (title.size() <= 160) return std::string(title);
    auto cut = title.substr(0, 160);
    if (const auto space = cut.rfind(' '); space != std::string_view::npos) cut = cut.substr(0, space);
    return std::string(strip_punctuation(cut)) + "…";
}

std::optional<plan_level> level_of(std::string_view issuer) {
    // The last level word names the issuer's level: "Ban Chỉ đạo ... huyện X", "UBND thị xã Y".
    const std::string key = name_key(issuer);
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < key.size();) {
        const auto end = std::min(key.find(' ', at), key.size());
        if (end > at) words.push_back(std::string_view(key).substr(at, end - at));
        at = end + 1;
    }
    for (std::size_t i = words.size(); i-- > 0;) {
        const auto w = words[i];
        const auto before = i > 0 ? words[i - 1] : std::string_view{};
        if (w == "xã" && before == "thị") return plan_level::district;
        if (w == "phố" && before == "thành") {
            const auto rest = i + 1 < words.size() ? std::string(words[i + 1]) + (i + 2 < words.size() ? " " + std::string(words[i + 2]) : "") : "";
            for (std::string_view city : {"hà nội", "hồ chí", "hải phòng", "đà nẵng", "cần thơ", "huế"})
                if (rest.starts_with(city)) return plan_level::province;
            return plan_level::district;
        }
        if (w == "trấn" && before == "thị") return plan_level::commune;
        if (w == "khu" && before == "đặc") return plan_level::commune;
        if ((w == "xã" && detail::commune_word(before, i + 1 < words.size() ? words[i + 1] : "")) || w == "phường")
            return plan_level::commune;
        if (w == "huyện" || w == "quận") return plan_level::district;
        if (w == "tỉnh" || w == "sở") return plan_level::province;
        if (w == "bộ" || (w == "phủ" && before == "chính")) return plan_level::national;
    }
    return std::nullopt;
}

/// "ngày 07 tháng 4 năm 2023" in a lowercase text.
std::optional<date> date_in(std::string_view lower) {
    auto number_after = [&](std::string_view word, std::size_t from) -> std::optional<std::pair<int, std::size_t>> {
        const auto at = lower.find(word, from);
        if (at == std::string_view::npos) return std::nullopt;
        std::size_t i = at + word.size();
        while (i < lower.size() && lower[i] == ' ') ++i;
        int value = 0;
        std::size_t digits = 0;
        while (i < lower.size() && lower[i] >= '0' && lower[i] <= '9' && digits < 5) {
            value = value * 10 + (lower[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        return std::pair{value, i};
    };
    const auto day = number_after("ngày", 0);
    if (!day) return std::nullopt;
    const auto month = number_after("tháng", day->second);
    if (!month) return std::nullopt;
    const auto year = number_after("năm", month->second);
    // Five digits are no year: ISO dates, and so plan@1, stop at 9999.
    if (!year || year->first > 9999) return std::nullopt;
    return make_date(year->first, static_cast<unsigned>(month->first), static_cast<unsigned>(day->first));
}

}  // namespace

void detail::document_reader::warn(std::string code, std::size_t line, std::size_t column, std::string message, std::string item) {
    if (options_.strict)
        throw parse_error({doc_.source, line, column}, {}, fmt::format("{} ({}; --strict)", message, code));
    diagnostics_.push_back({severity::warning, std::move(code), std::move(item), line, column, std::move(message)});
}

void detail::document_reader::learn_abbreviations() {
    for (const auto& line : doc_.lines) {
        if (line.lower.find("gọi") == std::string_view::npos) continue;  // every marker has it
        for (std::string_view marker : {"(sau đây gọi tắt là ", "(sau đây gọi là ", "(gọi tắt là "}) {
            const auto at = line.lower.find(marker);
            if (at == std::string::npos) continue;
            const auto from = at + marker.size();
            const auto close = line.lower.find(')', from);
            if (close == std::string::npos) continue;
            const auto short_name = strip_punctuation(std::string_view(line.text).substr(from, close - from));
            // The defined name: the longest unit name that ends just before the parenthesis.
            const auto before = std::string_view(line.text).substr(0, at);
            std::size_t clause = before.find_last_of(".;,:");
            clause = clause == std::string_view::npos ? 0 : clause + 1;
            for (std::size_t start = clause; start < before.size(); start = before.find(' ', start + 1)) {
                const auto full = strip_punctuation(before.substr(start));
                if (full.empty() || !facts_of(full).known) {
                    if (start == std::string_view::npos) break;
                    continue;
                }
                const auto full_unit = unit_of(full, line.number, start + 1);
                units_[full_unit].use(full, 1000);  // the defined name names the unit
                learned_[unit_key(short_name, level_)] = full_unit;
                break;
            }
        }
    }
}

const unit_facts& detail::document_reader::facts_of(std::string_view name) {
    // Plans name the same few units over and over: what a spelling says is worked out once.
    auto cached = facts_.find(name);
    if (cached == facts_.end()) cached = facts_.emplace(std::string(name), describe_unit(name, level_)).first;
    return cached->second;
}

detail::document_reader::unit_ref detail::document_reader::unit_of(std::string_view name, std::size_t line,
                                                                  std::size_t column) {
    const auto& facts = facts_of(name);
    if (const auto learned = learned_.find(facts.key); learned != learned_.end()) {
        units_[learned->second].use(name);
        return learned->second;
    }
    auto [it, added] = unit_by_key_.try_emplace(facts.key, units_.size());
    if (added) {
        units_.push_back({facts.key, {}, {}});
        if (!facts.known && !known_by_key_.contains(facts.key))
            warn("unknown_unit", line, column,
                 fmt::format("\"{}\" is no kind of unit kehoach knows; kept as written", name), current_item_);
    }
    units_[it->second].use(name);
    return it->second;
}

void detail::document_reader::add_units(std::string_view list, std::size_t line, std::size_t column, std::vector<unit_ref>& refs) {
    for (const auto& name : split_units(list)) {
        const auto ref = unit_of(name, line, column);
        if (std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(ref);
    }
}

std::optional<deadline> detail::document_reader::deadline_of(std::string_view phrase, std::size_t line, std::size_t column,
                                                     const std::string& item) {
    auto reading = parse_deadline(phrase, info_.date);
    for (auto& d : reading.diagnostics)
        warn(d.code, line, column + d.column - 1, fmt::format("deadline \"{}\": {}", phrase, d.message), item);
    return std::move(reading.deadline);
}

// --- front matter -----------------------------------------------------------------------------

std::size_t detail::document_reader::read_front_matter() {
    const auto& lines = doc_.lines;
    std::vector<std::string> organizations;
    std::size_t title_line = lines.size();
    std::string pending_date;  // a date line that extraction cut before its year
    bool expect_number = false;
    auto is_org_head = [](std::string_view lower) {
        for (std::string_view head : {"ủy ban", "uỷ ban", "ubnd", "ban ", "sở ", "bộ ", "công an", "tổ ", "hội đồng", "hđnd",
                                      "đảng ủy", "đảng uỷ", "phòng ", "văn phòng", "trung tâm", "chính phủ", "tỉnh ủy",
                                      "huyện ủy", "thành ủy", "bảo hiểm xã hội", "cục ", "chi cục", "tổng cục", "ngân hàng",
                                      "mặt trận", "liên đoàn", "bệnh viện", "trường "})
            if (lower.starts_with(head)) return true;
        return false;
    };
    for (std::size_t i = 0; i < lines.size() && i < 60; ++i) {
        const auto& line = lines[i];
        const auto lower_line = trimmed(line.lower);
        if (lower_line == "kế hoạch" || (lower_line.starts_with("kế hoạch") && lower_line.size() < 14 &&
                                         is_upper_case(trimmed(line.text), lower_line))) {
            title_line = i;
            break;
        }
        for (const auto cell : detail::layout_cells(line.text)) {
            const auto at = static_cast<std::size_t>(cell.data() - line.text.data());
            const std::string_view lower = std::string_view(line.lower).substr(at, cell.size());
            if (lower.starts_with("cộng hòa") || lower.starts_with("cộng hoà") || lower.starts_with("độc lập") ||
                only_of(cell, "-_=–—. "))
                continue;
            const bool number_cell = lower.starts_with("số") && cell.find(':') != std::string_view::npos && cell.find(':') < 8;
            if (number_cell || expect_number) {
                std::string number;
                for (char c : number_cell ? cell.substr(cell.find(':') + 1) : cell)
                    if (c != ' ') number += c;
                // "Số:      /KH-UBND": the columns of a layout put the number in a cell of its own.
                expect_number = number.empty();
                if (expect_number) continue;
                // "Số: ___/KH-UBND", "Số: ..../KH-UBND": a place left for the number, no number.
                if (const auto slash = number.find('/'); slash != std::string::npos)
                    if (number.substr(0, slash).find_first_not_of("_.…") == std::string::npos) number.erase(0, slash);
                if (number.starts_with("/")) {
                    diagnostics_.push_back({severity::info, "blank_number", {}, line.number, at + 1,
                                            "the plan is not numbered yet (Số: " + number + ")"});
                } else {
                    info_.number = number;
                }
                continue;
            }
            if (!pending_date.empty() || (lower.find("ngày") != std::string_view::npos && lower.find("tháng") != std::string_view::npos)) {
                append_text(pending_date, cell);
                const auto lowered = lower_in_place(pending_date);
                if (const auto day = date_in(lowered)) {
                    info_.date = day;
                    if (const auto comma = pending_date.find(','); comma != std::string::npos && comma < pending_date.find("ngày"))
                        info_.place = std::string(strip_punctuation(std::string_view(pending_date).substr(0, comma)));
                    pending_date.clear();
                } else if (lowered.find("năm") != std::string::npos && lowered.find("ngày") != std::string::npos &&
                           lowered.find("tháng") != std::string::npos) {
                    warn("invalid_date", line.number, at + 1, fmt::format("\"{}\" is not a date that exists", pending_date));
                    pending_date.clear();
                }
                continue;
            }
            if (is_upper_case(cell, lower)) {
                if (organizations.empty() || is_org_head(lower)) organizations.emplace_back(cell);
                else append_text(organizations.back(), cell);
            }
        }
    }
    if (title_line == lines.size())
        throw parse_error({doc_.source, lines.empty() ? 0 : lines.front().number, 1}, {},
                          "no \"KẾ HOẠCH\" heading: this does not read as the text of a plan");
    if (!organizations.empty()) info_.issuer = detail::organization_name(organizations.back());
    // A body that names no level ("Ban Chỉ đạo chuyển đổi số", "Phòng Nội vụ") works at the level
    // of the People's Committee above it; a plan with neither is read as a province's.
    level_ = level_of(info_.issuer);
    if (!level_ && organizations.size() > 1) level_ = level_of(detail::organization_name(organizations[organizations.size() - 2]));
    if (!level_) level_ = plan_level::province;
    info_.level = level_;
    if (!info_.date) warn("missing_date", lines[title_line].number, 1, "the plan's issue date was not found");

    // The title runs to the opening paragraph or the first section.
    std::size_t i = title_line + 1;
    for (; i < lines.size(); ++i) {
        const auto lower = trimmed(lines[i].lower);
        const bool opening = lower.starts_with("căn cứ") || lower.starts_with("thực hiện") || lower.starts_with("nhằm") ||
                             lower.starts_with("để ") || lower.starts_with("triển khai thực hiện") || heading_of(lines[i]);
        if (opening && !info_.title.empty()) break;
        if (only_of(trimmed(lines[i].text), "-_=–—. ")) continue;
        append_text(info_.title, trimmed(lines[i].text));
    }
    // The opening paragraph, up to the first section.
    std::string preamble;
    for (; i < lines.size() && !heading_of(lines[i]); ++i) append_text(preamble, trimmed(lines[i].text));
    read_parents(preamble);
    return i;
}

void detail::document_reader::read_parents(std::string_view preamble) {
    const std::string lower = lower_in_place(preamble);
    for (std::size_t at = lower.find("kế hoạch số"); at != std::string::npos; at = lower.find("kế hoạch số", at + 1)) {
        std::size_t i = at + std::string_view("kế hoạch số").size();
        while (i < preamble.size() && preamble[i] == ' ') ++i;
        std::size_t end = i;
        while (end < preamble.size() && preamble[end] != ' ' && preamble[end] != ',' && preamble[end] != ';') ++end;
        parent_plan parent{std::string(preamble.substr(i, end - i)), std::nullopt, {}};
        if (parent.number.empty() || parent.number.find('/') == std::string::npos) continue;
        const auto next = lower.find("kế hoạch số", end);
        const auto clause_end = std::min(next, lower.size());
        const std::string_view clause = std::string_view(lower).substr(end, clause_end - end);
        if (const auto day = clause.find("ngày"); day != std::string_view::npos && day < 12) {
            std::size_t d = day + std::string_view("ngày").size();
            while (d < clause.size() && clause[d] == ' ') ++d;
            std::size_t e = d;
            while (e < clause.size() && clause[e] != ' ' && clause[e] != ',') ++e;
            auto reading = parse_deadline(std::string(clause.substr(d, e - d)), std::nullopt);
            if (reading.deadline.kind == deadline_kind::by_date) parent.date = reading.deadline.end;
        }
        if (const auto of = clause.find("của "); of != std::string_view::npos) {
            const std::size_t from = end + of + std::string_view("của ").size();
            std::size_t stop = clause_end;
            for (std::string_view word : {" về ", ",", ";", "(", " v/v", " triển khai", " thực hiện"})
                if (const auto w = lower.find(word, from); w != std::string::npos) stop = std::min(stop, w);
            parent.issuer = detail::organization_name(strip_punctuation(preamble.substr(from, stop - from)));
        }
        info_.parents.push_back(std::move(parent));
    }
}

// --- the signature block ----------------------------------------------------------------------

std::size_t detail::document_reader::find_signature() {
    const auto& lines = doc_.lines;
    static constexpr std::array<std::string_view, 5> authorities{"tm.", "kt.", "tl.", "tuq.", "q."};
    std::size_t start = lines.size();
    for (std::size_t i = lines.size(); i-- > 0;) {
        // The appendix may run long after the signature: only a line with an authority is cut into
        // cells. Every authority ends in a full stop, which most lines of a table lack.
        if (lines[i].lower.find('.') == std::string_view::npos ||
            std::none_of(authorities.begin(), authorities.end(),
                         [&](std::string_view authority) { return lines[i].lower.find(authority) != std::string_view::npos; }))
            continue;
        bool found = false;
        for (const auto cell : detail::layout_cells(lines[i].text)) {
            const auto at = static_cast<std::size_t>(cell.data() - lines[i].text.data());
            const std::string_view lower = std::string_view(lines[i].lower).substr(at, cell.size());
            for (const auto authority : authorities) {
                if (lower.starts_with(authority) && is_upper_case(cell, lower)) {
                    const auto rest = trimmed(cell.substr(authority.size()));
                    info_.signer.authority = fmt::format("{} {}", cell.substr(0, authority.size()),
                                                         detail::organization_name(rest));
                    if (authority == "kt.") info_.signer.authority = "KT. " + capitalize(lower_in_place(rest));
                    found = true;
                }
            }
        }
        if (found) {
            start = i;
            break;
        }
    }
    // Without "TM."/"KT.", a title alone ("CHỦ TỊCH") in the last lines.
    const std::size_t search_from = start == lines.size() ? (lines.size() > 15 ? lines.size() - 15 : 0) : start + 1;
    // The name stands a few lines under the title, before any appendix.
    for (std::size_t i = search_from; i < lines.size() && i < search_from + 14; ++i) {
        if (trimmed(lines[i].lower).starts_with("phụ lục")) break;
        for (const auto cell : detail::layout_cells(lines[i].text)) {
            const auto at = static_cast<std::size_t>(cell.data() - lines[i].text.data());
            const std::string lower(std::string_view(lines[i].lower).substr(at, cell.size()));
            if (info_.signer.title.empty() && is_upper_case(cell, lower) &&
                (lower == "chủ tịch" || lower == "phó chủ tịch" || lower == "trưởng ban" || lower == "phó trưởng ban" ||
                 lower == "giám đốc" || lower == "phó giám đốc" || lower == "tổ trưởng")) {
                std::string title = capitalize(lower);
                if (const auto at_title = title.find("chủ tịch"); at_title != std::string::npos && at_title > 0)
                    title.replace(at_title, std::string_view("chủ tịch").size(), "Chủ tịch");
                info_.signer.title = title;
                if (start == lines.size()) start = i;
                continue;
            }
            if (!info_.signer.title.empty() && info_.signer.name.empty()) {
                // A person's name: two to six capitalized words, nothing else.
                std::size_t words = 0;
                bool capitalized = true;
                for (std::size_t w = 0; w < cell.size();) {
                    while (w < cell.size() && cell[w] == ' ') ++w;
                    if (w >= cell.size()) break;
                    ++words;
                    // The word's first character, whole: "Đ" and "đ" share their first byte.
                    const auto lead = static_cast<unsigned char>(cell[w]);
                    const std::size_t size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                    capitalized = capitalized && cell.substr(w, size) != std::string_view(lower).substr(w, size);
                    while (w < cell.size() && cell[w] != ' ') ++w;
                }
                if (words >= 2 && words <= 6 && capitalized && !is_upper_case(cell, lower) &&
                    cell.find_first_of("0123456789:;,-") == std::string_view::npos)
                    info_.signer.name = std::string(cell);
            }
        }
    }
    // The distribution list comes first in the block when it stands on its own lines.
    for (std::size_t i = start; i-- > 0 && i + 12 > start;)
        if (trimmed(lines[i].lower).starts_with("nơi nhận")) return i;
    return start;
}

// --- the outline ------------------------------------------------------------------------------

void detail::document_reader::read_outline(std::size_t from, std::size_t to, const std::vector<bool>& in_table) {
    // How wide the document's lines run when text wraps: most lines of a wrapped paragraph.
    // The width four fifths of the way up; nth_element finds it without sorting them all.
    std::vector<std::size_t> widths;
    widths.reserve(to - from);
    for (std::size_t i = from; i < to; ++i) widths.push_back(characters(trimmed(doc_.lines[i].text)));
    const auto at_four_fifths = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 4 / 5);
    if (!widths.empty()) std::nth_element(widths.begin(), at_four_fifths, widths.end());
    const std::size_t wrap_width = widths.empty() ? 0 : *at_four_fifths;
    root_ = std::make_unique<node>();
    root_->head = {heading_kind::part, "", -1, 0};
    std::vector<node*> open{root_.get()};
    field* current_field = nullptr;
    const auto& lines = doc_.lines;
    for (std::size_t i = from; i < to; ++i) {
        if (in_table[i]) continue;
        const auto& line = lines[i];
        if (trimmed(line.lower).starts_with("phụ lục")) break;  // the appendix: tables only
        auto head = heading_of(line);
        const std::size_t offset = line.text.size() - trimmed(line.text).size();
        // A field behind a bullet ("- Chủ trì: Sở Tư pháp") is a field, not a bullet.
        const std::size_t field_from = head && (head->kind == heading_kind::dash || head->kind == heading_kind::plus)
                                           ? head->text_at
                                           : offset;
        if (const auto found = label_at(line.lower, field_from)) {
            auto& owner = *open.back();
            owner.in_heading = false;
            // Trailing punctuation stays until the value is whole: "các ban," may go on "ngành xã".
            owner.fields.push_back({found->first, std::string(trimmed(std::string_view(line.text).substr(found->second))),
                                    line.number, found->second + 1});
            current_field = &owner.fields.back();
            owner.last_line = line.number;
            continue;
        }
        if (head && head->kind == heading_kind::arabic) {
            // A number is a heading only where the outline can have it: the next sibling, a first
            // child, or the next of an ancestor. Otherwise it is a wrapped line ("2.1 của Nghị định").
            bool fits = false;
            const auto dots = std::count(head->number.begin(), head->number.end(), '.');
            const auto prefix = dots ? head->number.substr(0, head->number.rfind('.')) : std::string{};
            for (auto* n : open) {
                if (n->head.kind == heading_kind::arabic && n->head.rank == head->rank - 1 && n->head.number == prefix) fits = true;
                if (n->head.kind != heading_kind::arabic && dots == 0) fits = true;
            }
            if (!fits) head.reset();
        }
        if (!head) {
            if (current_field) {
                append_text(current_field->value, trimmed(line.text));
                open.back()->last_line = line.number;
                continue;
            }
            auto& owner = *open.back();
            // A heading wraps onto the next line when it filled its line, or when the next goes on
            // in lower case; after a short heading line, a capital starts the body.
            const auto rest = trimmed(line.text);
            const auto rest_lower = trimmed(line.lower);
            if (owner.in_heading && owner.heading_line_width < wrap_width * 4 / 5 && starts_upper(rest, rest_lower))
                owner.in_heading = false;
            if (owner.in_heading) owner.heading_line_width = characters(rest);
            append_text(owner.in_heading ? owner.heading_text : owner.body, rest);
            append_text(owner.in_heading ? owner.heading_lower : owner.body_lower, rest_lower);
            if (owner.in_heading) owner.heading_last_line = line.number;
            owner.last_line = line.number;
            continue;
        }
        current_field = nullptr;
        while (open.size() > 1 && open.back()->head.rank >= head->rank) open.pop_back();
        // Each level costs stack in the passes over the tree below, and its id holds its parents'.
        const auto& limits = options_.limits;
        if (open.size() > limits.max_depth)
            over_limit(doc_.source, line.number, offset + 1, fmt::format("an outline nested more than {} levels deep", limits.max_depth),
                       "max_depth", limits.max_depth);
        if (++headings_ > limits.max_items)
            over_limit(doc_.source, line.number, offset + 1, fmt::format("more than {} items", limits.max_items), "max_items",
                       limits.max_items);
        auto child = std::make_unique<node>();
        child->head = *head;
        child->parent = open.back();
        child->heading_text = std::string(trimmed(std::string_view(line.text).substr(head->text_at)));
        child->heading_lower = std::string(trimmed(std::string_view(line.lower).substr(head->text_at)));
        child->first_line = child->last_line = child->heading_last_line = line.number;
        child->heading_line_width = characters(line.text);
        child->objectives = child->parent->objectives;
        if (head->kind == heading_kind::roman) {
            const auto lower_heading = std::string_view(line.lower).substr(head->text_at);
            child->objectives = child->objectives || lower_heading.starts_with("mục đích") ||
                                lower_heading.starts_with("mục tiêu") || lower_heading.starts_with("quan điểm");
        }
        // Inline labels in the heading line itself ("1. Rà soát ... Chủ trì: Sở Tư pháp").
        open.back()->children.push_back(std::move(child));
        open.push_back(open.back()->children.back().get());
    }
}

// --- assignments --------------------------------------------------------------------------------

namespace {

/// Words that end a unit's name in running text: the verb that follows it.
constexpr std::array<std::string_view, 66> verbs{
    " chủ trì",  " phối hợp",  " tổng hợp",  " tham mưu",  " thực hiện", " triển khai", " xây dựng", " theo dõi",
    " hướng dẫn", " tổ chức",  " kiểm tra",  " rà soát",   " báo cáo",   " là ",       " có trách nhiệm", " nghiên cứu",
    " đôn đốc",  " cập nhật",  " chịu trách nhiệm", " đề xuất", " ban hành", " bố trí", " chỉ đạo", " thường xuyên",
    " hoàn thành", " trước ", " trong ", " để ", " về ", " đảm bảo", " bảo đảm", " sơ kết", " tổng kết", " khen thưởng",
    " quyết định", " phê duyệt", " xem xét", " giải quyết", " đánh giá", " trình ", " định kỳ", " duy trì", " hỗ trợ",
    " tiếp tục", " vận hành", " cung cấp", " tuyên truyền", " số hóa", " làm sạch", " nâng cấp", " quản lý", " đẩy mạnh",
    " tăng cường", " giám sát", " thu thập", " tập huấn", " công khai", " vận động", " kết nối", " khai thác", " sử dụng",
    " ứng dụng", " điều chỉnh", " bổ sung", " phân công", " ký "};

/// The verbs by their first letter (after their space).
constexpr auto verbs_by_first_letter = index_by_byte(verbs, [](std::string_view verb) { return verb[1]; });

/// Words that start a deadline in running text.
constexpr std::array<std::string_view, 18> deadline_starts{
    "trước ngày", "trước ", "chậm nhất", "hoàn thành trong", "hoàn thành trước", "trong tháng", "trong quý", "trong năm",
    "thường xuyên", "hằng tháng", "hàng tháng", "hằng quý", "hàng quý", "hằng năm", "hàng năm", "định kỳ", "từ ngày", "sau khi"};
constexpr auto deadline_starts_by_first_byte = index_by_byte(deadline_starts, [](std::string_view start) { return start[0]; });

/// The end of a name that starts at `from`: the first verb, bracket or clause mark.
std::size_t name_end(std::string_view lower, std::size_t from, bool allow_commas) {
    // Names are a few words long: walk forward to the first verb or mark, rather than search the
    // whole rest of the text for each.
    for (std::size_t k = from; k < lower.size(); ++k) {
        const char c = lower[k];
        if (c == '(' || c == ';' || c == ':' || (c == ',' && !allow_commas)) return k;
        if (c == '.' && (k + 1 == lower.size() || lower[k + 1] == ' ')) return k;
        if (c != ' ' || k + 2 >= lower.size()) continue;  // every verb has two bytes after its space
        const auto rest = lower.substr(k);
        const auto first = static_cast<unsigned char>(lower[k + 1]);
        for (const auto i : verbs_by_first_letter.of(first)) {
            const auto verb = verbs[i];
            // The verb's second byte tells most apart before a full comparison.
            if (lower[k + 2] != verb[2] || !rest.starts_with(verb)) continue;
            // "Ban Chỉ đạo" names a body; the verb is part of the name there.
            if (verb == " chỉ đạo" && k >= 4 && lower.substr(k - 4, 4) == " ban") continue;
            return k;
        }
    }
    return lower.size();
}

}  // namespace

void detail::document_reader::prose(std::string_view text, std::string_view lower, std::size_t line, pending_item& out) {
    auto words_at = [&](std::size_t at) { return at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '('; };
    std::optional<std::size_t> lead_at;
    // A clause that starts here: not "được giao" (assigned), "giao nhiệm vụ" inside a sentence.
    auto clause_starts = [&](std::size_t at) {
        std::size_t k = at;
        while (k > 0 && lower[k - 1] == ' ') --k;
        return k == 0 || is_one_of(lower[k - 1], ".;:,(");
    };
    // "Công an xã – Cơ quan Thường trực Ban Chỉ đạo ...": the lead, and the plan's standing agency.
    auto lead_named = [&](std::string_view name) {
        for (std::string_view dash : {" – ", " - ", " — "}) {
            const auto cut = name.find(dash);
            if (cut == std::string_view::npos) continue;
            const auto apposition = lower_in_place(name.substr(cut + dash.size()));
            if (!apposition.starts_with("cơ quan thường trực") && !apposition.starts_with("thường trực")) continue;
            name = strip_punctuation(name.substr(0, cut));
            plan_monitors_.push_back(unit_of(name, line, 1));
        }
        return name;
    };
    // "Giao X chủ trì ...", "Giao X tổng hợp ..."
    for (std::size_t at = find_text(lower, "giao "); at != std::string::npos; at = find_text(lower, "giao ", at + 1)) {
        if (!clause_starts(at)) continue;
        const std::size_t from = at + std::string_view("giao ").size();
        const std::size_t end = name_end(lower, from, true);
        const std::string_view name = lead_named(strip_punctuation(text.substr(from, end - from)));
        if (name.empty()) continue;
        auto& leads = out.roles[static_cast<std::size_t>(role::lead)];
        leads.clear();
        add_units(name, line, 1, leads);
        lead_at = end;
        break;
    }
    // "X chủ trì, phối hợp với Y", "X là cơ quan thường trực ...", "X tổng hợp, báo cáo ...": a
    // sentence that starts with its lead, a unit kehoach knows, and goes on with its duty.
    for (std::string_view duty : {" chủ trì", " là cơ quan thường trực", " có trách nhiệm", " tổng hợp", " báo cáo"}) {
        if (lead_at) break;
        const auto at = find_text(lower, duty);
        if (at == std::string::npos) continue;
        std::size_t sentence = lower.rfind(". ", at);
        sentence = sentence == std::string::npos ? 0 : sentence + 2;
        std::size_t end = std::min(at, name_end(lower, sentence, true));
        // "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố có trách nhiệm ...": several subjects.
        if (end < at && lower[end] == ';') {
            const auto pieces = split_units(text.substr(sentence, at - sentence));
            if (!pieces.empty() && std::all_of(pieces.begin(), pieces.end(), [&](const std::string& piece) { return facts_of(piece).known; }))
                end = at;
        }
        const std::string_view name = lead_named(strip_punctuation(text.substr(sentence, end - sentence)));
        if (name.empty() || name.size() >= 120 || !facts_of(name).known) continue;
        auto& leads = out.roles[static_cast<std::size_t>(role::lead)];
        leads.clear();
        add_units(name, line, 1, leads);
        if (std::string_view(lower).substr(end).starts_with(" là cơ quan thường trực")) plan_monitors_.push_back(unit_of(name, line, 1));
        lead_at = at;
    }
    if (!lead_at) return;
    auto add = [&](role r, std::string_view names) { add_units(names, line, 1, out.roles[static_cast<std::size_t>(r)]); };
    // "phối hợp (với) Y, Z ..."
    for (std::size_t at = find_text(lower, "phối hợp"); at != std::string::npos; at = find_text(lower, "phối hợp", at + 1)) {
        if (!words_at(at)) continue;
        std::size_t from = at + std::string_view("phối hợp").size();
        while (from < lower.size() && lower[from] == ' ') ++from;
        if (lower.substr(from).starts_with("với ")) from += std::string_view("với ").size();
        const std::size_t end = name_end(lower, from, true);
        const auto names = strip_punctuation(text.substr(from, end - from));
        if (!names.empty() && facts_of(names).known) add(role::support, names);
    }
    // "tham mưu (cho) X ...": X decides.
    for (std::size_t at = find_text(lower, "tham mưu"); at != std::string::npos; at = find_text(lower, "tham mưu", at + 1)) {
        std::size_t from = at + std::string_view("tham mưu").size();
        while (from < lower.size() && lower[from] == ' ') ++from;
        if (lower.substr(from).starts_with("cho ")) from += 4;
        const std::size_t end = name_end(lower, from, false);
        const auto name = strip_punctuation(text.substr(from, end - from));
        if (!name.empty() && facts_of(name).known) add(role::approver, name);
    }
    // "báo cáo ... về X" within the clause, or "báo cáo X": X is reported to.
    for (std::size_t at = find_text(lower, "báo cáo"); at != std::string::npos; at = find_text(lower, "báo cáo", at + 1)) {
        const std::size_t clause_end = std::min(lower.find(';', at), find_text(lower, ". ", at));
        const auto about = find_text(lower, " về ", at);
        const std::size_t from = about != std::string::npos && about <= clause_end
                                     ? about + std::string_view(" về ").size()
                                     : at + std::string_view("báo cáo ").size();
        if (from >= lower.size()) continue;
        const std::size_t end = name_end(lower, from, false);
        const auto name = strip_punctuation(text.substr(from, end - from));
        if (!name.empty() && facts_of(name).known) add(role::report_to, name);
    }
    // The deadline: the shortest clause that reads as one.
    if (!out.due) {
        // The most specific clause that reads as a deadline, then the shortest: "trước ngày 12 hàng
        // tháng" rather than its tail "hàng tháng" or the whole sentence around it.
        auto specificity = [](const deadline& d) {
            int score = (d.start ? 1 : 0) + (d.end ? 1 : 0) + (d.kind != deadline_kind::ongoing ? 1 : 0);
            for (const auto& r : d.recurrence) score += (r.day ? 1 : 0) + (r.month ? 1 : 0) + (r.weekday ? 1 : 0);
            return score;
        };
        // Where a deadline's start stands at the start of a word: found in one pass over the words,
        // then read start by start, each start's places in order (that order settles ties). A place
        // two starts found ("trước ngày", "trước ") is read once: its clause is the same.
        std::vector<std::pair<std::size_t, std::size_t>> places;  // the start's index, the byte
        detail::byte_finder space(lower, ' '), bracket(lower, '(');
        for (std::size_t at = 0; at < lower.size();) {
            for (const auto i : deadline_starts_by_first_byte.of(static_cast<unsigned char>(lower[at])))
                // The second byte tells most apart before a full comparison.
                if (at + 1 < lower.size() && lower[at + 1] == deadline_starts[i][1] && lower.substr(at).starts_with(deadline_starts[i]))
                    places.emplace_back(i, at);
            at = std::min(space.next(at), bracket.next(at)) + 1;  // past the text's end when there is neither
        }
        std::sort(places.begin(), places.end());
        std::vector<std::size_t> read;
        std::optional<deadline> best;
        std::size_t best_size = std::string::npos;
        int best_score = -1;
        for (const auto& [start, at] : places) {
            if (std::find(read.begin(), read.end(), at) != read.end()) continue;
            read.push_back(at);
            // A deadline is a short clause; a whole sentence after "trong" is not one.
            std::size_t end = std::min({lower.find(';', at), find_text(lower, ". ", at), lower.size(), at + 160});
            auto phrase = strip_punctuation(text.substr(at, end - at));
            auto reading = parse_deadline(phrase, info_.date);
            if (reading.deadline.kind == deadline_kind::unknown) continue;
            const int score = specificity(reading.deadline);
            if (score < best_score || (score == best_score && phrase.size() >= best_size)) continue;
            best = std::move(reading.deadline);
            best_size = phrase.size();
            best_score = score;
        }
        if (best) {
            // The clause as written: with the words that lead into it ("hoàn thành trong tháng 9",
            // "định kỳ hằng quý", "thực hiện thường xuyên").
            const auto& phrase = best->text;
            const auto at = text.find(phrase);
            std::size_t start = at;
            for (bool again = true; again && start != std::string_view::npos;) {
                again = false;
                for (std::string_view lead_in : {"hoàn thành ", "thực hiện ", "định kỳ ", "định kỳ, "}) {
                    if (start >= lead_in.size() && lower.substr(start - lead_in.size(), lead_in.size()) == lead_in) {
                        start -= lead_in.size();
                        again = true;
                    }
                }
            }
            if (start != std::string_view::npos && start != at) {
                const auto extended = strip_punctuation(text.substr(start, at - start + phrase.size()));
                auto reading = parse_deadline(extended, info_.date);
                if (reading.deadline.kind == best->kind) best = std::move(reading.deadline);
            }
        }
        out.due = std::move(best);
    }
}

bool detail::document_reader::assign(node& n, pending_item& out) {
    // A heading line is a sentence of its own: "2. Chế độ thông tin, báo cáo" / "Giao X ...".
    std::string full_text;
    full_text.reserve(n.heading_text.size() + n.body.size() + 2);
    full_text = n.heading_text;
    out.lower_text.reserve(full_text.capacity());
    out.lower_text = n.heading_lower;
    if (!n.body.empty()) {
        if (!full_text.empty() && !is_one_of(full_text.back(), ".;:")) {
            full_text += '.';
            out.lower_text += '.';
        }
        append_text(full_text, n.body);
        append_text(out.lower_text, n.body_lower);
    }
    const std::string& lower = out.lower_text;
    // A label line may hold more than one field: "Đơn vị chủ trì: X; Đơn vị phối hợp: Y".
    for (std::size_t i = 0; i < n.fields.size(); ++i) {
        // Only a ';' or '.' with a label after it ends a value early: most values have none, but
        // perhaps a full stop at their end.
        const std::string_view value = n.fields[i].value;
        if (value.empty() || find_any(value.substr(0, value.size() - 1), ";.") == std::string_view::npos) continue;
        const std::string lower_value = lower_in_place(value);
        const auto end = value_end(lower_value, 0, false);
        if (end == lower_value.size()) continue;
        const auto next = label_after(lower_value, end + 1);
        field rest{next->first, n.fields[i].value.substr(next->second), n.fields[i].line, n.fields[i].column + next->second};
        n.fields[i].value.resize(end);
        n.fields.insert(n.fields.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));  // split in its own turn
    }
    // Labels inline in the paragraph: "(Cơ quan chủ trì: Sở Tư pháp; phối hợp: ...; thời gian: quý II/2024)".
    // A label inline follows "(", ";" or ".", perhaps with a space or a bullet between; its value
    // runs to ")" or to the next label.
    detail::byte_finder bracket(lower, '('), semicolon(lower, ';'), full_stop(lower, '.');
    auto after_opening = [&](std::size_t from) {
        const auto opening = std::min({bracket.next(from), semicolon.next(from), full_stop.next(from)});
        return opening == lower.size() ? lower.size() : opening + 1;
    };
    for (std::size_t at = 0; at < lower.size(); at = after_opening(at)) {
        const auto found = label_after(lower, at);
        if (!found) continue;
        const std::size_t end = value_end(lower, found->second, true);
        n.fields.push_back({found->first, std::string(strip_punctuation(std::string_view(full_text).substr(found->second, end - found->second))),
                            n.first_line, found->second + 1});
        at = end;
    }
    bool has_role = false;
    for (auto& f : n.fields) {
        f.value.assign(strip_punctuation(f.value));  // a part of itself, assigned without a new string
        switch (f.kind) {
            case field_kind::lead:
            case field_kind::support:
            case field_kind::monitor: {
                const auto r = f.kind == field_kind::lead ? role::lead : f.kind == field_kind::support ? role::support : role::monitor;
                add_units(f.value, f.line, f.column, out.roles[static_cast<std::size_t>(r)]);
                has_role = true;
                break;
            }
            case field_kind::deadline:
                if (!f.value.empty()) out.due = deadline_of(f.value, f.line, f.column, out.id);
                break;
            case field_kind::targets:
                if (!f.value.empty()) out.targets.push_back(f.value);
                break;
            case field_kind::note:
                append_text(out.note, f.value);
                break;
        }
    }
    if (!has_role && !n.objectives) prose(full_text, lower, n.first_line, out);
    const bool any_role = std::any_of(out.roles.begin(), out.roles.end(), [](const auto& r) { return !r.empty(); });
    return any_role || out.due.has_value();
}

// --- items ------------------------------------------------------------------------------------

std::string detail::document_reader::unique_id(std::string id, std::string_view number, std::size_t line) {
    auto taken = [&](const std::string& candidate) {
        return std::any_of(items_.begin(), items_.end(), [&](const pending_item& other) { return other.id == candidate; });
    };
    if (!taken(id)) return id;
    std::size_t copy = 2;
    while (taken(fmt::format("{}#{}", id, copy))) ++copy;
    auto unique = fmt::format("{}#{}", id, copy);
    warn("duplicate_number", line, 1, fmt::format("the number {} is written twice; read as {}", number, unique), unique);
    return unique;
}

void detail::document_reader::forget_item(const std::string& id, std::size_t first_diagnostic) {
    const auto about_it = [&](const diagnostic& d) { return d.item == id; };
    const auto from = diagnostics_.begin() + static_cast<std::ptrdiff_t>(first_diagnostic);
    diagnostics_.erase(std::remove_if(from, diagnostics_.end(),
                                      [&](const diagnostic& d) { return about_it(d) && d.code == "duplicate_number"; }),
                       diagnostics_.end());
    for (auto d = diagnostics_.begin() + static_cast<std::ptrdiff_t>(first_diagnostic); d != diagnostics_.end(); ++d)
        if (about_it(*d)) d->item.clear();
}

void detail::document_reader::emit(node& n, const std::string& section) {
    // Dash bullets are items when there are at least two and each carries its own assignment;
    // otherwise they, and every "+" bullet, are part of the item's text and fields.
    auto is_dash = [](const std::unique_ptr<node>& c) { return c->head.kind == heading_kind::dash; };
    const bool dashes_are_items =
        std::count_if(n.children.begin(), n.children.end(), is_dash) >= 2 &&
        std::all_of(n.children.begin(), n.children.end(), [&](const std::unique_ptr<node>& c) {
            return !is_dash(c) || std::any_of(c->fields.begin(), c->fields.end(), [](const field& f) {
                return f.kind == field_kind::lead || f.kind == field_kind::support || f.kind == field_kind::deadline;
            });
        });
    std::function<void(node&)> absorb = [&](node& c) {
        append_text(n.body, c.heading_text);
        append_text(n.body, c.body);
        append_text(n.body_lower, c.heading_lower);
        append_text(n.body_lower, c.body_lower);
        for (auto& f : c.fields) n.fields.push_back(std::move(f));
        n.last_line = std::max(n.last_line, c.last_line);
        for (auto& g : c.children) absorb(*g);
    };
    // The children kept move up over those absorbed, in their order.
    std::size_t kept = 0;
    for (auto& c : n.children) {
        const bool bullet = c->head.kind == heading_kind::dash || c->head.kind == heading_kind::plus;
        if (bullet && !(c->head.kind == heading_kind::dash && dashes_are_items)) absorb(*c);
        else n.children[kept++] = std::move(c);
    }
    n.children.resize(kept);

    const bool is_root = n.parent == nullptr;
    std::string section_id = section;
    std::size_t index = items_.size();
    const std::size_t first_diagnostic = diagnostics_.size();
    if (!is_root) {
        pending_item item;
        switch (n.head.kind) {
            case heading_kind::part:
            case heading_kind::roman:
                item.id = n.parent && n.parent->parent && !n.parent->id.empty() ? n.parent->id + "." + n.head.number : n.head.number;
                section_id = item.id;
                break;
            case heading_kind::arabic:
                item.id = section.empty() ? n.head.number : section + "." + n.head.number;
                break;
            case heading_kind::letter:
                item.id = n.parent->id + "." + n.head.number;
                break;
            case heading_kind::dash: {
                std::size_t k = 1;
                for (const auto& sibling : n.parent->children) {
                    if (sibling.get() == &n) break;
                    if (sibling->head.kind == heading_kind::dash) ++k;
                }
                item.id = fmt::format("{}-{}", n.parent->id, k);
                break;
            }
            case heading_kind::plus:
                break;
        }
        item.id = unique_id(std::move(item.id), n.head.number, n.first_line);
        n.id = item.id;
        item.number = n.head.kind == heading_kind::dash ? "-" : n.head.number;
        item.parent_id = n.parent->id;
        item.section = section_id;
        item.first_line = n.first_line;
        item.title = title_of(n.heading_text, n.heading_lower);
        item.text.reserve(n.heading_text.size() + n.body.size() + 1);
        item.text = n.heading_text;
        append_text(item.text, n.body);
        current_item_ = item.id;
        const bool task = assign(n, item);
        item.kind = task ? item_kind::task : item_kind::group;
        item.last_line = task || n.children.empty() ? n.last_line : n.heading_last_line;
        items_.push_back(std::move(item));
    }
    for (auto& c : n.children) emit(*c, section_id);
    if (is_root) return;
    // A group that holds no task is no item (the groups under it have gone the same way).
    auto& self = items_[index];
    if (self.kind == item_kind::group) {
        const bool holds_task = std::any_of(items_.begin() + static_cast<std::ptrdiff_t>(index) + 1, items_.end(),
                                            [&](const pending_item& other) { return other.kind == item_kind::task; });
        if (!holds_task) {
            forget_item(self.id, first_diagnostic);
            items_.resize(index);
        }
    }
}

void detail::document_reader::read_tables(std::span<const detail::table> tables) {
    for (const auto& t : tables) {
        std::string group_id;
        for (const auto& row : t.rows) {
            const auto cell = [&](detail::column c) -> std::string_view {
                const auto at = t.column_of(c);
                return at && *at < row.cells.size() ? std::string_view(row.cells[*at]) : std::string_view{};
            };
            const std::string number(strip_punctuation(cell(detail::column::number)));
            const std::string_view content = cell(detail::column::content);
            std::string content_lower = lower_in_place(content);
            if (const auto roman = roman_value(lower_in_place(number)); roman && !number.empty()) {
                const bool empty_roles = cell(detail::column::lead).empty() && cell(detail::column::deadline).empty();
                if (empty_roles) {
                    pending_item group;
                    group.id = number;
                    group.number = number;
                    group.kind = item_kind::group;
                    group.title = title_of(content, content_lower);
                    group.text = content;
                    group.first_line = group.last_line = row.first_line;
                    group.section = number;
                    group_id = number;
                    items_.push_back(std::move(group));
                    continue;
                }
            }
            const std::size_t first_diagnostic = diagnostics_.size();
            pending_item item;
            item.number = number;
            item.id = group_id.empty() ? number : group_id + "." + number;
            if (number.empty()) item.id = fmt::format("{}row{}", group_id.empty() ? "" : group_id + ".", row.first_line);
            item.id = unique_id(std::move(item.id), number, row.first_line);
            item.parent_id = group_id;
            item.section = group_id;
            item.title = title_of(content, content_lower);
            item.text = content;
            item.lower_text = std::move(content_lower);
            item.first_line = row.first_line;
            item.last_line = row.last_line;
            const auto line = row.first_line;
            current_item_ = item.id;
            const auto add_role = [&](role r, std::string_view names) {
                if (names.empty()) return;
                add_units(names, line, 1, item.roles[static_cast<std::size_t>(r)]);
            };
            add_role(role::lead, cell(detail::column::lead));
            add_role(role::support, cell(detail::column::support));
            add_role(role::monitor, cell(detail::column::monitor));
            if (const auto due = cell(detail::column::deadline); !due.empty()) item.due = deadline_of(strip_punctuation(due), line, 1, item.id);
            if (const auto product = cell(detail::column::targets); !product.empty()) item.targets.emplace_back(product);
            item.note = cell(detail::column::note);
            const bool assigned = std::any_of(item.roles.begin(), item.roles.end(), [](const auto& r) { return !r.empty(); });
            if (!assigned && !item.due) {  // a row that assigns nothing: prose inside the table
                forget_item(item.id, first_diagnostic);
                continue;
            }
            items_.push_back(std::move(item));
        }
    }
}

plan detail::document_reader::read() {
    const std::size_t body_from = read_front_matter();
    key_known_units();
    learn_abbreviations();
    const std::size_t signature = find_signature();
    const auto tables = detail::find_tables(doc_);
    std::vector<bool> in_table(doc_.lines.size(), false);
    for (const auto& t : tables)
        for (std::size_t i = t.first_index; i <= t.last_index; ++i) in_table[i] = true;
    read_outline(body_from, std::max(body_from, signature), in_table);
    // A pending item is large: room for as many as there may be saves moving them as they come.
    std::size_t most_items = 0;
    for (const auto& t : tables) most_items += t.rows.size();
    std::function<void(const node&)> count = [&](const node& n) {
        most_items += n.children.size();
        for (const auto& c : n.children) count(*c);
    };
    count(*root_);
    items_.reserve(most_items);
    emit(*root_, "");
    read_tables(tables);
    return build();
}

plan detail::document_reader::read(const detail::table& table) {
    // A table has no front matter to tell the level by: the issuer given does, as in a document.
    level_ = info_.level ? info_.level : level_of(info_.issuer);
    if (!level_) level_ = plan_level::province;
    info_.level = level_;
    key_known_units();
    items_.reserve(table.rows.size());
    read_tables({&table, 1});
    return build();
}

void detail::document_reader::key_known_units() {
    // The registry's keys depend on the plan's level ("Công an xã" is "Công an" in a commune plan).
    for (std::size_t i = 0; i < options_.known_units.size(); ++i) {
        const auto& known = options_.known_units[i];
        known_ids_.insert(known.id);
        known_by_key_.try_emplace(unit_key(known.name, level_), i);
        for (const auto& alias : known.aliases) known_by_key_.try_emplace(unit_key(alias, level_), i);
    }
}

plan detail::document_reader::build() {
    plan p;
    p.info = info_;
    // Units: each key once, named by the spelling used most, in order of first appearance. A unit
    // the caller's registry knows keeps its id, name and kind, and the document's spellings become
    // its aliases; the registry's units the document does not name stay out.
    std::vector<std::optional<unit_index>> known_in_plan(options_.known_units.size());
    std::vector<unit_index> index_of;  // by unit_ref
    index_of.reserve(units_.size());
    std::vector<std::string> ids;
    for (const auto& entry : units_) {
        if (const auto known = known_by_key_.find(entry.key); known != known_by_key_.end()) {
            auto& index = known_in_plan[known->second];
            if (!index) {
                unit u = options_.known_units[known->second];
                u.parent.reset();  // an index into the registry, not into this plan
                // A name the document taught to mean another unit ("sau đây gọi tắt là") stays with it.
                std::erase_if(u.aliases, [&](const std::string& alias) { return p.units().find(alias).has_value(); });
                if (p.units().find(u.name)) u.name = fmt::format("{} ({})", u.name, u.id);
                index = p.add_unit(std::move(u));
            }
            for (const auto& spelling : entry.spellings)
                if (!p.units().find(spelling)) p.add_unit_alias(*index, spelling);
            index_of.push_back(*index);
            continue;
        }
        // The spelling the document uses most, then the fullest.
        std::size_t best = 0;
        for (std::size_t i = 1; i < entry.spellings.size(); ++i) {
            const bool more_used = entry.uses[i] != entry.uses[best] ? entry.uses[i] > entry.uses[best]
                                                                     : entry.spellings[i].size() > entry.spellings[best].size();
            if (more_used) best = i;
        }
        std::string name = entry.spellings[best];
        if (!name.empty()) name = capitalize(name);
        std::string id = unit_slug(name);
        // The registry's ids are taken, whether or not the document named their units yet.
        auto taken = [&](const std::string& candidate) {
            return std::find(ids.begin(), ids.end(), candidate) != ids.end() || known_ids_.contains(candidate);
        };
        for (std::size_t n = 2; taken(id); ++n) id = fmt::format("{}-{}", unit_slug(name), n);
        ids.push_back(id);
        unit u{.id = id, .name = name, .kind = facts_of(entry.spellings[best]).kind};
        // A spelling name_key() tells from the name is an alias. Most units have one spelling, written
        // as the name is: no key is needed for those.
        std::optional<std::string> key_of_name;
        for (const auto& spelling : entry.spellings) {
            if (spelling == name) continue;
            if (!key_of_name) key_of_name = name_key(name);
            if (name_key(spelling) != *key_of_name && std::find(u.aliases.begin(), u.aliases.end(), spelling) == u.aliases.end())
                u.aliases.push_back(spelling);
        }
        // A spelling that another unit already has stays with that unit.
        std::erase_if(u.aliases, [&](const std::string& alias) { return p.units().find(alias).has_value(); });
        if (p.units().find(name)) {
            u.name = fmt::format("{} ({})", name, id);
        }
        index_of.push_back(p.add_unit(std::move(u)));
    }
    // Events: one per distinct text.
    std::unordered_map<std::string, event_index> event_of;
    // Items. What the dependencies below still read of a pending item (its id, section, deadline
    // and roles) is copied; the rest is moved. The ids are keys as they stand in items_.
    std::unordered_map<std::string_view, item_index> item_of;
    for (auto& pending : items_) {
        item it;
        it.id = pending.id;
        it.number = std::move(pending.number);
        it.kind = pending.kind;
        it.title = pending.title.empty() ? pending.id : std::move(pending.title);
        it.text = std::move(pending.text);
        it.deadline = pending.due;
        it.targets = std::move(pending.targets);
        it.note = std::move(pending.note);
        it.source = source_span{pending.first_line, std::max(pending.first_line, pending.last_line)};
        const auto index = p.add_item(std::move(it));
        item_of.emplace(pending.id, index);
        if (!pending.parent_id.empty())
            if (const auto parent = item_of.find(pending.parent_id); parent != item_of.end()) p.set_parent(index, parent->second);
        for (std::size_t r = 0; r < role_count; ++r)
            for (const auto ref : pending.roles[r]) p.add_role(index, static_cast<role>(r), index_of[ref]);
    }
    // Dependencies on other items, and events.
    for (auto& pending : items_) {
        const auto index = item_of.at(pending.id);
        auto& due = pending.due;
        std::string lower = std::move(pending.lower_text);
        if (due) {
            lower += ' ';
            detail::append_lower(lower, due->text);
        }
        bool depends_on_item = false;
        for (std::size_t at = lower.find("sau "); at != std::string::npos; at = lower.find("sau ", at + 1)) {
            const std::size_t window_end = std::min(lower.size(), at + 80);
            const std::string_view window = std::string_view(lower).substr(at, window_end - at);
            const auto in_window = std::min(window.find("nhiệm vụ"), window.find("mục"));
            if (in_window == std::string_view::npos) continue;
            const auto task_word = at + in_window;
            std::size_t k = task_word;
            while (k < lower.size() && !(lower[k] >= '0' && lower[k] <= '9')) ++k;
            if (k >= window_end) continue;
            std::size_t e = k;
            while (e < lower.size() && ((lower[e] >= '0' && lower[e] <= '9') || (lower[e] == '.' && e + 1 < lower.size() && lower[e + 1] >= '0' && lower[e + 1] <= '9'))) ++e;
            const std::string number = lower.substr(k, e - k);
            std::string section = pending.section;
            if (const auto in_section = lower.find("mục ", e); in_section != std::string::npos && in_section < e + 8) {
                std::size_t r = in_section + std::string_view("mục ").size();
                std::size_t re = r;
                while (re < lower.size() && is_one_of(lower[re], "ivxl")) ++re;
                if (re > r) {
                    section = lower.substr(r, re - r);
                    std::transform(section.begin(), section.end(), section.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
                }
            }
            const std::string wanted = section.empty() ? number : section + "." + number;
            const auto target = item_of.find(wanted);
            if (target == item_of.end() || target->second == index) {
                warn("unknown_dependency", pending.first_line, 1,
                     fmt::format("item {} waits for task {}, which the plan does not have", pending.id, number), pending.id);
                continue;
            }
            p.add_dependency(index, {dependency_type::finish_to_start, target->second, 0});
            depends_on_item = true;
        }
        if (due && due->kind == deadline_kind::after_event && !due->event.empty()) {
            const bool is_task_event = depends_on_item && lower_in_place(due->event).find("nhiệm vụ") != std::string::npos;
            if (!is_task_event) {
                const auto key = name_key(due->event);
                auto found = event_of.find(key);
                if (found == event_of.end()) {
                    const auto id = fmt::format("ev-{}", p.events().size() + 1);
                    found = event_of.emplace(key, p.add_event({.id = id, .text = due->event})).first;
                }
                p.add_dependency(index, {dependency_type::after_event, found->second, 0});
            }
        }
        // A recurring report to another unit: its lead compiles the plan's reports.
        if (due && due->kind == deadline_kind::recurring && !pending.roles[static_cast<std::size_t>(role::report_to)].empty())
            for (const auto ref : pending.roles[static_cast<std::size_t>(role::lead)]) report_compilers_.push_back(ref);
    }
    for (const auto ref : plan_monitors_) p.add_plan_role(plan_role::monitor, index_of[ref]);
    for (const auto ref : report_compilers_) p.add_plan_role(plan_role::report_compiler, index_of[ref]);
    const bool any_task = std::any_of(p.items().begin(), p.items().end(), [](const item& it) { return it.kind == item_kind::task; });
    if (!any_task)
        throw parse_error({doc_.source, doc_.lines.empty() ? 1 : doc_.lines.front().number, 1}, {},
                          "no task found: no item names a unit that carries it out or a deadline");
    p.diagnostics = std::move(diagnostics_);
    return p;
}

plan read_plan(std::string_view text, const read_options& options) { return detail::document_reader(text, options).read(); }

plan read_plan_table(std::span<const std::vector<std::string>> rows, const plan_info& info, const read_options& options) {
    if (rows.size() > options.limits.max_items)
        detail::over_limit(options.source, options.limits.max_items + 1, 1, fmt::format("more than {} rows", options.limits.max_items),
                           "max_items", options.limits.max_items);
    // A row is a line: a spreadsheet's row numbers, its cells' column numbers.
    std::vector<std::vector<detail::csv_cell>> cells(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) cells[r].push_back({rows[r][c], r + 1, c + 1});
    return detail::document_reader(info, options).read(detail::table_of_cells(cells, options.source));
}

plan read_plan_csv(std::string_view text, const plan_info& info, const read_options& options) {
    detail::check_input_size(text, options.source, options.limits);
    detail::csv_reader reader(
        text, [&](std::size_t line, std::size_t column, const std::string& message) -> void {
            throw parse_error({options.source, line, column}, {}, message);
        },
        options.limits.max_line_length);
    std::vector<std::vector<detail::csv_cell>> records;
    for (std::vector<detail::csv_cell> record; reader.next(record);) {
        if (records.size() == options.limits.max_items)
            detail::over_limit(options.source, record.front().line, 1, fmt::format("more than {} rows", options.limits.max_items),
                               "max_items", options.limits.max_items);
        records.push_back(std::move(record));
    }
    return detail::document_reader(info, options).read(detail::table_of_cells(records, options.source));
}

portfolio load_portfolio(const std::filesystem::path& folder, const read_options& options) {
    if (!std::filesystem::is_directory(folder)) throw error(fmt::format("{}: not a folder", folder.string()));
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".json" || extension == ".txt" || extension == ".md")) files.push_back(entry.path());
    }
    if (files.empty()) throw error(fmt::format("{}: no plans here (.json, .txt or .md files)", folder.string()));
    std::sort(files.begin(), files.end());
    portfolio all;
    for (const auto& file : files) all.add(load_plan(file, options));
    return all;
}

plan load_plan(const std::filesystem::path& path, read_options options) {
    const std::string text = read_input(path, options.limits.max_input_bytes);
    options.source = input_name(path);
    if (path.extension() == ".csv") return read_plan_csv(text, {}, options);
    std::string_view body = text;
    if (body.starts_with(detail::utf8_bom)) body.remove_prefix(detail::utf8_bom.size());
    const auto first = body.find_first_not_of(" \t\r\n");
    // A .json file is JSON whatever it holds: read as a document, its errors would say nothing useful.
    if (path.extension() == ".json" || (first != std::string_view::npos && body[first] == '{'))
        return parse_plan_json(text, options.source, options.limits);
    return read_plan(text, options);
}

}  // namespace kehoach
