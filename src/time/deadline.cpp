#include <kehoach/time/deadline.hpp>

#include <kehoach/text/normalize.hpp>

#include "../detail/utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <initializer_list>

// The reader of deadline phrases. The phrase is composed (NFC), lowercased byte for byte (Vietnamese
// letters keep their UTF-8 length when lowercased, so offsets stay valid in both), and cut into words,
// numbers and punctuation. Temporal expressions are then recognized wherever they stand; words that
// are not part of one are ignored, but a phrase with no expression, or with two that disagree, is
// reported rather than guessed at.

namespace kehoach {
namespace {

using namespace std::chrono;

enum class token_kind : std::uint8_t { word, number, punct };

struct token {
    token_kind kind = token_kind::word;
    std::string_view text;   // lowercase word, digits, or the punctuation ("-" for every dash)
    int value = 0;           // numbers, capped at 1,000,000
    std::size_t begin = 0;   // byte offsets in the composed text
    std::size_t end = 0;
    std::size_t column = 0;  // 1-based character column
};

bool is_letter(utf8proc_int32_t c) noexcept {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    // The blocks Vietnamese letters come from are all letters, but for × and ÷.
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1EA0 && c <= 0x1EF9)) return true;
    switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
            return true;
        default:
            return false;
    }
}

/// The phrase, composed and lowercased, cut into tokens.
struct phrase {
    std::string composed_copy;  // the text composed, when it was decomposed
    std::string_view composed;  // the text, or its composed copy
    std::string lower;
    std::vector<token> tokens;

    explicit phrase(std::string_view text)
        // The caller checked the text is UTF-8; only decomposed text needs composing.
        : composed_copy(has_combining_marks(text) ? to_nfc(text) : std::string{}),
          composed(composed_copy.empty() ? text : composed_copy),
          lower(lower_in_place(composed)) {
        tokens.reserve(16);  // most phrases have fewer; sixteen tokens take under a kilobyte, which malloc serves fastest
        std::size_t column = 0;
        token* open = nullptr;  // the word or number being read
        for (std::size_t at = 0; at < composed.size();) {
            const auto [c, n] = detail::decode(composed, at);  // valid: checked by the caller
            const auto begin = at;
            const auto end = begin + n;
            ++column;
            at += n;
            const bool digit = c >= '0' && c <= '9';
            const bool letter = !digit && is_letter(c);
            const auto kind = digit ? token_kind::number : token_kind::word;
            if ((digit || letter) && open && open->kind == kind) {
                open->end = end;
                continue;
            }
            open = nullptr;
            if (detail::is_space(c)) continue;
            token t{kind, {}, 0, begin, end, column};
            if (!digit && !letter) t.kind = token_kind::punct;
            tokens.push_back(t);
            if (digit || letter) open = &tokens.back();
            if (t.kind == token_kind::punct && detail::is_dash(c)) tokens.back().text = "-";
        }
        for (auto& t : tokens) {
            if (t.text.empty()) t.text = std::string_view(lower).substr(t.begin, t.end - t.begin);
            if (t.kind == token_kind::number) {
                for (char digit : t.text) t.value = std::min(t.value * 10 + (digit - '0'), 1'000'000);
            }
        }
    }
    // `composed` may point into composed_copy: a phrase stays where it was made.
    phrase(const phrase&) = delete;
    phrase& operator=(const phrase&) = delete;
};

enum class temporal_kind : std::uint8_t { window, by, from };

struct temporal {
    temporal_kind kind;
    date start;
    date end;
    std::size_t token;     // where it starts, for messages
    bool ranged = false;   // written as a range of months or quarters ("tháng 3 đến tháng 5/2024")
};

date last_day_of(year_month ym) { return sys_days{ym / last}; }

class deadline_parser {
public:
    deadline_parser(std::string_view text, std::optional<date> issued) : original_(text), issued_(issued) {}

    deadline_reading run() && {
        read();
        return std::move(reading_);
    }

private:
    /// Reads the phrase into reading_: its deadline, or what kept it from one.
    void read() {
        reading_.deadline.text = std::string(original_);
        if (!is_valid_utf8(original_)) return fail_at(0, "invalid_text", "the phrase is not valid UTF-8");
        phrase_.emplace(original_);
        const auto& tokens = phrase_->tokens;
        if (tokens.empty()) return fail_at(0, "unrecognized_deadline", "the deadline is empty");

        auto& d = reading_.deadline;
        d.soft = find({"phấn", "đấu"}).has_value();
        const bool ongoing_words = find({"thường", "xuyên"}) || find({"liên", "tục"}) || find({"duy", "trì"});
        const bool continuing = find({"năm", "tiếp", "theo"}).has_value();

        if (const auto event_end = event_clause()) {
            d.kind = deadline_kind::after_event;
            if (!scan(*event_end)) return;
            if (temporals_.size() > 1) return ambiguous();
            if (temporals_.size() == 1) {
                const auto& t = temporals_.front();
                if (t.kind == temporal_kind::window || t.kind == temporal_kind::from) d.start = t.start;
                if (t.kind != temporal_kind::from) d.end = t.end;
            }
            return;
        }
        if (recurring()) {
            if (!reading_.diagnostics.empty()) return fail_keep();
            d.kind = deadline_kind::recurring;
            return;
        }
        if (!scan(0)) return;
        if (temporals_.size() > 1) return ambiguous();
        if (temporals_.empty()) {
            if (ongoing_words) {
                d.kind = deadline_kind::ongoing;
                return;
            }
            return fail_at(0, "unrecognized_deadline", "no date, period, event or recurrence found in the phrase");
        }
        const auto& t = temporals_.front();
        switch (t.kind) {
            case temporal_kind::window:
                d.kind = deadline_kind::within_period;
                d.start = t.start;
                d.end = t.end;
                break;
            case temporal_kind::by:
                d.kind = deadline_kind::by_date;
                d.end = t.end;
                break;
            case temporal_kind::from:
                d.kind = deadline_kind::from_date;
                d.start = t.start;
                break;
        }
        d.also_ongoing = t.kind != temporal_kind::from && (ongoing_words || continuing);
        return;
    }

    // --- tokens -------------------------------------------------------------------------------

    [[nodiscard]] const std::vector<token>& tokens() const { return phrase_->tokens; }

    [[nodiscard]] bool is_word(std::size_t i, std::string_view w) const {
        return i < tokens().size() && tokens()[i].kind == token_kind::word && tokens()[i].text == w;
    }

    [[nodiscard]] bool is_word_of(std::size_t i, std::initializer_list<std::string_view> words) const {
        return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return is_word(i, w); });
    }

    [[nodiscard]] bool is_punct(std::size_t i, std::string_view p) const {
        return i < tokens().size() && tokens()[i].kind == token_kind::punct && tokens()[i].text == p;
    }

    [[nodiscard]] bool is_number(std::size_t i) const {
        return i < tokens().size() && tokens()[i].kind == token_kind::number;
    }

    [[nodiscard]] int number(std::size_t i) const { return tokens()[i].value; }

    /// A number that reads as a year: four digits, as dates are written (plan@1 keeps four), so
    /// "28/6/10000" is no date rather than one in the year 10000.
    [[nodiscard]] bool is_year(std::size_t i) const { return is_number(i) && number(i) >= 1000 && number(i) <= 9999; }

    [[nodiscard]] bool is_date_separator(std::size_t i) const {
        return is_punct(i, "/") || is_punct(i, "-") || is_punct(i, ".");
    }

    /// Position of a sequence of words, from `from` on.
    [[nodiscard]] std::optional<std::size_t> find(std::initializer_list<std::string_view> words,
                                                  std::size_t from = 0) const {
        for (std::size_t i = from; i + words.size() <= tokens().size(); ++i) {
            std::size_t k = 0;
            for (auto w : words) {
                if (!is_word(i + k, w)) break;
                ++k;
            }
            if (k == words.size()) return i;
        }
        return std::nullopt;
    }

    // --- results ------------------------------------------------------------------------------

    void report(std::size_t token_index, std::string code, std::string message) {
        const auto column = token_index < tokens().size() ? tokens()[token_index].column : 1;
        reading_.diagnostics.push_back({severity::warning, std::move(code), {}, 0, column, std::move(message)});
    }

    void fail_keep() {
        auto& d = reading_.deadline;
        auto text = std::move(d.text);
        d = deadline{};
        d.text = std::move(text);
    }

    void fail_at(std::size_t token_index, std::string code, std::string message) {
        if (phrase_) report(token_index, std::move(code), std::move(message));
        else reading_.diagnostics.push_back({severity::warning, std::move(code), {}, 0, 1, std::move(message)});
        fail_keep();
    }

    void ambiguous() {
        fail_at(temporals_[1].token, "ambiguous_deadline",
                       "the phrase names more than one date or period; which one is the deadline?");
    }

    // --- years, dates, periods ----------------------------------------------------------------

    /// A year written after a period ("/2023", "-2023", "năm 2023"); advances `i` past it.
    [[nodiscard]] std::optional<int> written_year(std::size_t& i) const {
        if (is_date_separator(i) && is_year(i + 1)) {
            const int year = number(i + 1);
            i += 2;
            return year;
        }
        if (is_word(i, "năm") && is_year(i + 1)) {
            const int year = number(i + 1);
            i += 2;
            return year;
        }
        return std::nullopt;
    }

    /// The year of a period or date that omits it: the issue year, or a diagnostic.
    std::optional<int> implied_year(std::size_t token_index) {
        if (issued_) return static_cast<int>(year_month_day{*issued_}.year());
        report(token_index, "missing_year", "the phrase omits the year and no issue date was given");
        return std::nullopt;
    }

    std::optional<int> year_after(std::size_t& i, std::size_t token_index) {
        if (auto year = written_year(i)) return year;
        return implied_year(token_index);
    }

    /// A day that exists, or a diagnostic.
    std::optional<date> checked_date(int y, int m, int d, std::size_t token_index) {
        const auto day = m >= 1 && m <= 12 && d >= 1 && d <= 31
                             ? make_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d))
                             : std::nullopt;
        if (!day) report(token_index, "invalid_date", fmt::format("{}/{}/{} is not a date that exists", d, m, y));
        return day;
    }

    bool checked_month(int m, std::size_t token_index) {
        if (m >= 1 && m <= 12) return true;
        report(token_index, "invalid_date", fmt::format("there is no month {}", m));
        return false;
    }

    enum class outcome : std::uint8_t { no_match, matched, invalid };

    /// A date: D/M[/Y], D-M[-Y], D.M[.Y] or "D tháng M [năm Y]". A date without its year is only
    /// taken where `bare_allowed` (after a keyword, in parentheses, or alone).
    outcome date_at(std::size_t& i, bool bare_allowed, date& out) {
        const std::size_t start = i;
        if (!is_number(i)) return outcome::no_match;
        int day = number(i), month = 0;
        std::optional<int> year;
        std::size_t j = i + 1;
        if (is_date_separator(j) && is_number(j + 1)) {
            month = number(j + 1);
            j += 2;
            // A longer number is still this date's year, so that make_date() refuses it at its place.
            if (is_date_separator(j) && is_number(j + 1) && number(j + 1) >= 1000) {
                year = number(j + 1);
                j += 2;
            }
            // "1.2.3" is an item number, not a date.
            if (!year && is_date_separator(j) && is_number(j + 1)) return outcome::no_match;
        } else if (is_word(j, "tháng") && is_number(j + 1)) {
            month = number(j + 1);
            j += 2;
            year = written_year(j);
        } else {
            return outcome::no_match;
        }
        if (!year && !bare_allowed) return outcome::no_match;
        if (!year) year = implied_year(start);
        i = j;
        if (!year) return outcome::invalid;
        const auto checked = checked_date(*year, month, day, start);
        if (!checked) return outcome::invalid;
        out = *checked;
        return outcome::matched;
    }

    /// "tháng 3/2023", "tháng 4-2023", "tháng 10 - 12/2023", "tháng 5, tháng 6/2024", "tháng 12 năm 2025"
    outcome months_at(std::size_t& i, temporal& out) {
        if (!is_word(i, "tháng") || !is_number(i + 1)) return outcome::no_match;
        const std::size_t start = i;
        std::vector<int> months{number(i + 1)};
        bool range = false;
        std::size_t j = i + 2;
        while (true) {
            std::size_t k = j;
            const bool to = is_punct(k, "-") || is_word(k, "đến");
            const bool and_ = is_punct(k, ",") || is_word(k, "và");
            if (!to && !and_) break;
            ++k;
            if (to && is_word(k, "hết")) ++k;  // "tháng 3 đến hết tháng 5/2024"
            if (is_word(k, "tháng")) ++k;
            if (!is_number(k) || number(k) >= 1000) break;  // "tháng 4-2023": that is the year
            months.push_back(number(k));
            range = range || to;
            j = k + 1;
        }
        const auto year = year_after(j, start);
        i = j;
        for (int m : months)
            if (!checked_month(m, start)) return outcome::invalid;
        if (!year) return outcome::invalid;
        if (!range) {
            for (std::size_t k = 1; k < months.size(); ++k) {
                if (months[k] != months[k - 1] + 1) {
                    report(start, "ambiguous_deadline", "the months listed are not consecutive");
                    return outcome::invalid;
                }
            }
        }
        if (months.back() < months.front()) {
            report(start, "invalid_date", "the months run backwards");
            return outcome::invalid;
        }
        const std::chrono::year y{*year};
        out = {temporal_kind::window, sys_days{y / std::chrono::month(static_cast<unsigned>(months.front())) / 1},
               last_day_of(y / std::chrono::month(static_cast<unsigned>(months.back()))), start, range};
        return outcome::matched;
    }

    [[nodiscard]] std::optional<int> quarter_number(std::size_t i) const {
        static constexpr std::array<std::string_view, 4> roman{"i", "ii", "iii", "iv"};
        for (std::size_t q = 0; q < roman.size(); ++q)
            if (is_word(i, roman[q])) return static_cast<int>(q + 1);
        if (is_number(i) && number(i) < 1000) return number(i);
        return std::nullopt;
    }

    /// "quý I/2023", "Quý 2/2024", "Quý III-IV/2023", "quý I, II năm 2023"
    outcome quarters_at(std::size_t& i, temporal& out) {
        if (!is_word(i, "quý")) return outcome::no_match;
        const auto first = quarter_number(i + 1);
        if (!first) return outcome::no_match;
        const std::size_t start = i;
        int low = *first, high = *first;
        std::size_t j = i + 2;
        while (is_punct(j, "-") || is_punct(j, ",") || is_word(j, "và") || is_word(j, "đến")) {
            std::size_t k = j + 1;
            if (is_word(k, "quý")) ++k;
            const auto next = quarter_number(k);
            if (!next) break;
            if (*next != high + 1) {
                report(start, "ambiguous_deadline", "the quarters listed are not consecutive");
                return outcome::invalid;
            }
            high = *next;
            j = k + 1;
        }
        const auto year = year_after(j, start);
        i = j;
        if (low < 1 || high > 4) {
            report(start, "invalid_date", fmt::format("there is no quarter {}", low < 1 ? low : high));
            return outcome::invalid;
        }
        if (!year) return outcome::invalid;
        const std::chrono::year y{*year};
        out = {temporal_kind::window, sys_days{y / std::chrono::month(static_cast<unsigned>(3 * low - 2)) / 1},
               last_day_of(y / std::chrono::month(static_cast<unsigned>(3 * high))), start, high > low};
        return outcome::matched;
    }

    /// Civil Code art. 146: đầu/giữa/cuối tháng = 1st/15th/last day; đầu/giữa/cuối năm = 1/1, 30/6, 31/12.
    /// Also "6 tháng đầu/cuối năm" and "tuần đầu/cuối tháng M".
    outcome part_at(std::size_t& i, temporal& out) {
        const std::size_t start = i;
        if (is_number(i) && number(i) == 6 && is_word(i + 1, "tháng") && is_word_of(i + 2, {"đầu", "cuối"}) &&
            is_word(i + 3, "năm")) {
            const bool first_half = is_word(i + 2, "đầu");
            std::size_t j = i + 3;
            auto year = written_year(j);
            if (!year) {
                ++j;  // a bare "năm": the issue year
                year = implied_year(start);
            }
            i = j;
            if (!year) return outcome::invalid;
            const std::chrono::year y{*year};
            out = first_half ? temporal{temporal_kind::window, sys_days{y / January / 1}, sys_days{y / June / 30}, start}
                             : temporal{temporal_kind::window, sys_days{y / July / 1}, sys_days{y / December / 31}, start};
            return outcome::matched;
        }
        if (is_word(i, "tuần") && is_word_of(i + 1, {"đầu", "cuối"})) {
            std::size_t j = i + 2;
            temporal whole{};
            const auto found = months_at(j, whole);
            if (found != outcome::matched) {
                if (found == outcome::invalid) i = j;
                return found;
            }
            i = j;
            const bool first_week = is_word(start + 1, "đầu");
            out = first_week ? temporal{temporal_kind::window, whole.start, whole.start + days{6}, start}
                             : temporal{temporal_kind::window, whole.end - days{6}, whole.end, start};
            return outcome::matched;
        }
        if (!is_word_of(i, {"đầu", "giữa", "cuối"})) return outcome::no_match;
        const int part = is_word(i, "đầu") ? 0 : is_word(i, "giữa") ? 1 : 2;
        if (is_word(i + 1, "tháng") && is_number(i + 2)) {
            std::size_t j = i + 1;
            temporal whole{};
            const auto found = months_at(j, whole);
            i = j;
            if (found != outcome::matched) return found;
            const year_month_day first{whole.start};
            const date day = part == 0 ? whole.start : part == 1 ? sys_days{first.year() / first.month() / 15} : whole.end;
            out = {temporal_kind::by, day, day, start};
            return outcome::matched;
        }
        if (is_word(i + 1, "năm")) {
            std::size_t j = i + 1;
            auto year = written_year(j);
            if (!year) {
                ++j;
                year = implied_year(start);
            }
            i = j;
            if (!year) return outcome::invalid;
            const std::chrono::year y{*year};
            const date day = part == 0 ? sys_days{y / January / 1} : part == 1 ? sys_days{y / June / 30} : sys_days{y / December / 31};
            out = {temporal_kind::by, day, day, start};
            return outcome::matched;
        }
        return outcome::no_match;
    }

    /// "năm 2023", and the years of a stage: "năm 2024 - 2025", "giai đoạn 2021-2025"
    outcome year_at(std::size_t& i, temporal& out) {
        std::size_t at = i;
        if (is_word(at, "giai") && is_word(at + 1, "đoạn")) at += 2;
        else if (is_word(at, "năm")) at += 1;
        else return outcome::no_match;
        if (!is_year(at)) return outcome::no_match;
        const std::chrono::year first{number(at)};
        std::chrono::year last = first;
        if (is_punct(at + 1, "-") && is_year(at + 2)) {
            if (number(at + 2) <= number(at)) {
                report(i, "invalid_date", "the range ends before it starts");
                i = at + 3;
                return outcome::invalid;
            }
            last = std::chrono::year{number(at + 2)};
            at += 2;
        }
        out = {temporal_kind::window, sys_days{first / January / 1}, sys_days{last / December / 31}, i};
        i = at + 1;
        return outcome::matched;
    }

    /// A period: months, quarters, halves, a year, a week, the start/middle/end of a month or year.
    outcome period_at(std::size_t& i, temporal& out) {
        for (auto matcher : {&deadline_parser::part_at, &deadline_parser::months_at, &deadline_parser::quarters_at,
                             &deadline_parser::year_at}) {
            const auto found = (this->*matcher)(i, out);
            if (found != outcome::no_match) return found;
        }
        return outcome::no_match;
    }

    /// A date or a period, as the start or end of a range ("từ ... đến ...").
    outcome point_at(std::size_t& i, temporal& out) {
        std::size_t j = i;
        if (is_word(j, "ngày")) ++j;
        date day{};
        const auto found = date_at(j, true, day);
        if (found != outcome::no_match) {
            i = j;
            if (found == outcome::matched) out = {temporal_kind::by, day, day, i};
            return found;
        }
        return period_at(i, out);
    }

    /// "từ (ngày) X", "từ X đến Y", "Từ 16/4/2024 - 31/5/2024"
    outcome range_at(std::size_t& i, temporal& out) {
        if (!is_word(i, "từ")) return outcome::no_match;
        const std::size_t start = i;
        std::size_t j = i + 1;
        temporal from{};
        const auto first = point_at(j, from);
        if (first != outcome::matched) {
            if (first == outcome::invalid) i = j;
            return first;
        }
        if (is_word(j, "đến") || is_punct(j, "-")) {
            std::size_t k = j + 1;
            if (is_word(k, "hết")) ++k;  // "từ tháng 3 đến hết tháng 5/2024"
            temporal to{};
            const auto second = point_at(k, to);
            if (second != outcome::no_match) {
                i = k;
                if (second == outcome::invalid) return second;
                if (to.end < from.start) {
                    report(start, "invalid_date", "the range ends before it starts");
                    return outcome::invalid;
                }
                out = {temporal_kind::window, from.start, to.end, start};
                return outcome::matched;
            }
        }
        i = j;
        // "Từ tháng 3 đến tháng 5/2024" was read whole as one range, sharing its year.
        out = from.ranged ? temporal{temporal_kind::window, from.start, from.end, start}
                          : temporal{temporal_kind::from, from.start, from.start, start};
        return outcome::matched;
    }

    /// "trước ngày 30/6/2023", "trước 15/8/2023", "chậm nhất ngày 18-6-2023", "đến ngày ...",
    /// "đến hết năm 2025", "hạn ..."; "trước tháng 6/2023" is due by the end of May.
    outcome before_at(std::size_t& i, temporal& out) {
        std::size_t j = i;
        if (is_word(j, "chậm") && is_word(j + 1, "nhất")) j += 2;
        else if (is_word_of(j, {"trước", "đến", "hạn"})) ++j;
        else return outcome::no_match;
        const bool strictly_before_period = is_word(i, "trước");
        // "đến hết năm 2025", "(từ nay) đến hết tháng 6/2024": due on the period's last day.
        if (is_word(i, "đến") && is_word(j, "hết")) {
            std::size_t k = j + 1;
            temporal period{};
            const auto in_period = period_at(k, period);
            if (in_period != outcome::no_match) {
                const std::size_t start = i;
                i = k;
                if (in_period == outcome::matched) out = {temporal_kind::by, period.end, period.end, start};
                return in_period;
            }
        }
        if (is_word(j, "ngày")) ++j;
        date day{};
        const auto found = date_at(j, true, day);
        if (found != outcome::no_match) {
            const std::size_t start = i;
            i = j;
            if (found == outcome::matched) out = {temporal_kind::by, day, day, start};
            return found;
        }
        if (!strictly_before_period) return outcome::no_match;
        temporal period{};
        const auto in_period = period_at(j, period);
        if (in_period == outcome::no_match) return outcome::no_match;
        const std::size_t start = i;
        i = j;
        if (in_period == outcome::invalid) return in_period;
        out = {temporal_kind::by, period.start - days{1}, period.start - days{1}, start};
        return outcome::matched;
    }

    /// "(30-6)"
    outcome parenthesized_at(std::size_t& i, temporal& out) {
        if (!is_punct(i, "(")) return outcome::no_match;
        std::size_t j = i + 1;
        date day{};
        const auto found = date_at(j, true, day);
        if (found == outcome::no_match || !is_punct(j, ")")) return found == outcome::invalid ? found : outcome::no_match;
        out = {temporal_kind::by, day, day, i};
        i = j + 1;
        return found;
    }

    /// Collects the temporal expressions from token `from` on; false when one was invalid.
    bool scan(std::size_t from) {
        const bool alone = tokens().size() - from <= 3;  // "10.10": a date without its year is the whole phrase
        for (std::size_t i = from; i < tokens().size();) {
            temporal found{};
            auto result = outcome::no_match;
            for (auto matcher : {&deadline_parser::range_at, &deadline_parser::before_at,
                                 &deadline_parser::parenthesized_at, &deadline_parser::period_at}) {
                result = (this->*matcher)(i, found);
                if (result != outcome::no_match) break;
            }
            if (result == outcome::no_match) {
                date day{};
                std::size_t j = i;
                result = date_at(j, alone, day);
                if (result != outcome::no_match) {
                    found = {temporal_kind::by, day, day, i};
                    i = j;
                }
            }
            if (result == outcome::invalid) {
                fail_keep();
                return false;
            }
            if (result == outcome::matched) temporals_.push_back(found);
            else ++i;
        }
        return true;
    }

    // --- events -------------------------------------------------------------------------------

    /// "Sau khi ...", "Khi ...", "Trình HĐND tỉnh tại kỳ họp ...": sets the event and returns the
    /// token where the rest of the phrase (a date after the event) starts.
    std::optional<std::size_t> event_clause() {
        std::size_t i = 0;
        if (is_word(i, "thực") && is_word(i + 1, "hiện")) i += 2;
        if (is_word(i, "ngay") && is_word(i + 1, "sau")) ++i;  // "Ngay sau khi ...": right after
        std::size_t text_from;
        if (is_word(i, "sau") && is_word(i + 1, "khi")) text_from = i + 2;
        else if (is_word(i, "khi")) text_from = i + 1;
        else if (is_word(i, "trình")) text_from = i;
        else return std::nullopt;
        if (text_from >= tokens().size()) return std::nullopt;
        // The event runs to a ";" or to a "," that starts a clause of its own ("; hoàn thành trước ...").
        std::size_t stop = tokens().size();
        for (std::size_t k = text_from; k < tokens().size(); ++k) {
            if (is_punct(k, ";") ||
                (is_punct(k, ",") && (is_word_of(k + 1, {"hoàn", "chậm", "trước", "trong"})))) {
                stop = k;
                break;
            }
        }
        auto end_token = stop;
        while (end_token > text_from && tokens()[end_token - 1].kind == token_kind::punct &&
               !is_punct(end_token - 1, ")"))
            --end_token;
        const auto& composed = phrase_->composed;
        const auto begin = tokens()[text_from].begin;
        const auto end = tokens()[end_token - 1].end;
        reading_.deadline.event = composed.substr(begin, end - begin);
        // A submission names its session ("tại kỳ họp cuối năm 2023"): that is also its date.
        return is_word(text_from, "trình") ? text_from : stop;
    }

    // --- recurrence ---------------------------------------------------------------------------

    /// One frequency word at `i` ("tháng", "quý", "6 tháng", "năm", "tuần"); advances past it.
    std::optional<frequency> frequency_at(std::size_t& i) const {
        if ((is_number(i) && number(i) == 6 && is_word(i + 1, "tháng")) || (is_word(i, "sáu") && is_word(i + 1, "tháng"))) {
            i += 2;
            return frequency::semiannual;
        }
        if (is_word(i, "nửa") && is_word(i + 1, "năm")) {
            i += 2;
            return frequency::semiannual;
        }
        std::optional<frequency> f;
        if (is_word(i, "tuần")) f = frequency::weekly;
        else if (is_word(i, "tháng")) f = frequency::monthly;
        else if (is_word(i, "quý")) f = frequency::quarterly;
        else if (is_word(i, "năm")) f = frequency::annual;
        if (f) ++i;
        return f;
    }

    /// "hàng tháng", "hằng quý", "định kỳ hằng quý, 6 tháng, năm", "mỗi tuần"
    bool recurring() {
        std::vector<frequency> found;
        for (std::size_t i = 0; i < tokens().size(); ++i) {
            const bool periodic = is_word(i, "định") && is_word(i + 1, "kỳ");
            if (!periodic && !is_word_of(i, {"hàng", "hằng", "mỗi"})) continue;
            std::size_t j = periodic ? i + 2 : i + 1;
            if (periodic && is_word_of(j, {"hàng", "hằng"})) ++j;
            auto f = frequency_at(j);
            if (!f) continue;
            found.push_back(*f);
            while (is_punct(j, ",") || is_word(j, "và") || is_punct(j, "-")) {
                std::size_t k = j + 1;
                if (is_word_of(k, {"hàng", "hằng"})) ++k;
                const auto next = frequency_at(k);
                if (!next) break;
                found.push_back(*next);
                j = k;
            }
            i = j;
        }
        if (found.empty()) return false;
        recurrence_rule details = recurrence_details(found.front());
        for (auto f : found) {
            recurrence_rule rule = found.size() == 1 ? details : recurrence_rule{};
            rule.freq = f;
            reading_.deadline.recurrence.push_back(rule);
        }
        return true;
    }

    /// The day, month, weekday and time of a single-frequency rule.
    recurrence_rule recurrence_details(frequency f) {
        recurrence_rule rule;
        rule.freq = f;
        for (std::size_t i = 0; i < tokens().size(); ++i) {
            if (f == frequency::weekly && is_word(i, "thứ")) {
                static constexpr std::array<std::string_view, 6> names{"hai", "ba", "tư", "năm", "sáu", "bảy"};
                for (std::size_t w = 0; w < names.size(); ++w)
                    if (is_word(i + 1, names[w])) rule.weekday = static_cast<std::uint8_t>(w + 1);
                if (is_number(i + 1) && number(i + 1) >= 2 && number(i + 1) <= 7)
                    rule.weekday = static_cast<std::uint8_t>(number(i + 1) - 1);
                rule.before = rule.before || find({"trước"}).has_value();
            }
            if (f == frequency::weekly && is_word(i, "chủ") && is_word(i + 1, "nhật")) rule.weekday = 7;
            if (is_number(i) && is_word_of(i + 1, {"giờ", "h"}) && number(i) <= 23) {
                const int minute = is_number(i + 2) && number(i + 2) <= 59 ? number(i + 2) : 0;
                rule.minute_of_day = static_cast<std::uint16_t>(number(i) * 60 + minute);
            }
            if (f != frequency::weekly && is_word(i, "ngày") && is_number(i + 1)) {
                const int day = number(i + 1);
                if (day < 1 || day > 31) {
                    report(i + 1, "invalid_date", fmt::format("there is no day {} in a month", day));
                    continue;
                }
                rule.day = static_cast<std::uint8_t>(day);
                rule.before = i > 0 && is_word(i - 1, "trước");
                std::size_t j = i + 2;
                int month_number = 0;
                if (is_word(j, "tháng") && is_number(j + 1)) month_number = number(j + 1);
                else if (is_date_separator(j) && is_number(j + 1)) month_number = number(j + 1);
                if (month_number && checked_month(month_number, j)) rule.month = static_cast<std::uint8_t>(month_number);
            }
            if (is_word(i, "tháng") && is_word_of(i + 1, {"đầu", "cuối"}) && is_word(i + 2, "quý"))
                rule.month = is_word(i + 1, "đầu") ? 1 : 3;
            if (f != frequency::weekly && is_word_of(i, {"quý", "kỳ", "tháng", "năm"}) && is_word(i + 1, "sau"))
                rule.next_period = true;
        }
        return rule;
    }

    std::string_view original_;
    std::optional<date> issued_;
    std::optional<phrase> phrase_;
    std::vector<temporal> temporals_;
    deadline_reading reading_;
};

}  // namespace

deadline_reading parse_deadline(std::string_view text, std::optional<date> issued) {
    return deadline_parser(text, issued).run();
}

}  // namespace kehoach
