#include <kehoach/text/redact.hpp>

#include <kehoach/text/normalize.hpp>

#include "../detail/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <tuple>
#include <utility>

namespace kehoach {
namespace {

using span = std::pair<std::size_t, std::size_t>;  // [begin, end) in bytes

/// A run of letters (and the apostrophe inside "H'Ly"), where it stands, and how it is written.
struct word {
    std::size_t begin = 0, end = 0;
    bool capitalised = false;  ///< an upper-case letter, then lower case ("Văn", "A"); not "UBND"
};

/// Common Vietnamese surnames and the first syllables of Central Highlands names, lowercased.
constexpr std::array<std::string_view, 62> surnames{
    "nguyễn", "trần", "lê",    "phạm",  "hoàng", "huỳnh", "phan",  "vũ",    "võ",   "đặng", "bùi",   "đỗ",   "hồ",
    "ngô",    "dương", "lý",   "đào",   "đinh",  "lâm",   "mai",   "trịnh", "trương", "lương", "hà",  "tạ",   "cao",
    "đoàn",   "lưu",  "chu",   "tô",    "vương", "quách", "thái",  "kiều",  "triệu", "tăng", "từ",    "la",   "châu",
    "hứa",    "khúc", "lò",    "nông",  "mạc",   "thân",  "phùng", "doãn",  "âu",    "giang", "kim",  "lục",  "tống",
    "hầu",    "ksor", "siu",   "rơ",    "rah",   "nay",   "kpă",   "puih",  "rmah",  "rcom"};
constexpr std::array<std::string_view, 6> honorifics{"đ/c", "đồng chí", "ông", "bà", "anh", "chị"};
/// Honorifics that, capitalised, also begin place names ("Bà Rịa", "Ông Ích Khiêm").
constexpr std::array<std::string_view, 4> common_honorifics{"ông", "bà", "anh", "chị"};
constexpr std::array<std::string_view, 9> titles{"chủ tịch", "bí thư",   "trưởng",  "giám đốc", "chủ nhiệm",
                                                 "công chức", "cán bộ", "ủy viên", "chỉ huy"};
constexpr std::array<std::string_view, 14> place_words{"xã",  "huyện", "tỉnh", "thôn", "làng",  "buôn", "bản",
                                                       "ấp", "xóm", "phường", "quận", "trấn", "thị", "plei"};
/// Streets are named after people: "đường Nguyễn Văn Cừ" is a place all the same.
constexpr std::array<std::string_view, 2> street_words{"đường", "phố"};
/// Words that begin titles and units, so never a name after an honorific ("đồng chí Chủ tịch").
constexpr std::array<std::string_view, 22> not_names{
    "chủ", "phó", "trưởng", "bí", "giám", "công", "cán", "ủy", "uỷ", "hội", "ban",
    "đoàn", "bộ", "sở", "phòng", "văn", "trạm", "chi", "thường", "tổ", "chỉ", "bác"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_letter(std::int32_t c) {
    const auto category = utf8proc_category(c);
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME);  // letters and marks
}

bool is_apostrophe(std::int32_t c) { return c == '\'' || c == 0x2019; }

std::vector<word> words_of(std::string_view text) {
    std::vector<word> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto [c, n] = detail::decode(text, at);
        if (!is_letter(c)) {
            at += n;
            continue;
        }
        word w{.begin = at};
        bool upper_first = utf8proc_category(c) == UTF8PROC_CATEGORY_LU, any_lower = false;
        std::size_t letters = 0;
        while (at < text.size()) {
            std::tie(c, n) = detail::decode(text, at);
            if (is_apostrophe(c) && at + n < text.size() && is_letter(detail::decode(text, at + n).first)) {
                at += n;
                continue;
            }
            if (!is_letter(c)) break;
            if (utf8proc_category(c) == UTF8PROC_CATEGORY_LL) any_lower = true;
            if (utf8proc_category(c) != UTF8PROC_CATEGORY_MN) ++letters;
            at += n;
        }
        w.end = at;
        w.capitalised = upper_first && (letters == 1 || any_lower);
        out.push_back(w);
    }
    return out;
}

class name_finder {
public:
    explicit name_finder(std::string_view text) : text_(text), lower_(lower_in_place(text)), words_(words_of(text)) {}

    std::vector<span> names() const {
        std::vector<span> out;
        bool after_title = false;  // a title stands earlier in this clause
        for (std::size_t k = 0; k < words_.size(); ++k) {
            if (k > 0 && ends_clause(k)) after_title = false;
            if (const auto after = cue(k, honorifics)) {
                const bool capital = words_[k].capitalised && among(common_honorifics, lowered(k));
                if (const auto run = run_at(*after); run > 0 && !among(not_names, lowered(*after)) &&
                                                     (!capital || among(surnames, lowered(*after)))) {
                    out.push_back(cover(*after, run));
                    k = *after + run - 1;
                    continue;
                }
            }
            if (const auto after = cue(k, titles)) {
                after_title = true;
                k = *after - 1;
                continue;
            }
            const auto run = run_at(k);
            if (run == 0 || !among(surnames, lowered(k))) continue;
            const bool middle_name = run >= 3 && (lowered(k + 1) == "văn" || lowered(k + 1) == "thị");
            const bool after_place = k > 0 && spaced(k) && among(place_words, lowered(k - 1));
            const bool after_street = k > 0 && spaced(k) && among(street_words, lowered(k - 1));
            if (after_street || (after_place && !middle_name)) continue;
            if (middle_name || (run >= 2 && after_title)) {
                out.push_back(cover(k, run));
                after_title = false;
                k += run - 1;
            }
        }
        return out;
    }

private:
    std::string_view lowered(std::size_t k) const {
        return std::string_view(lower_).substr(words_[k].begin, words_[k].end - words_[k].begin);
    }
    std::string_view between(std::size_t k) const {  // what separates word k from the one before
        return text_.substr(words_[k - 1].end, words_[k].begin - words_[k - 1].end);
    }
    bool spaced(std::size_t k) const {
        const auto gap = between(k);
        return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\t'; });
    }
    bool ends_clause(std::size_t k) const { return between(k).find_first_of(",;.:()[]\n\r-") != std::string_view::npos ||
                                                   between(k).find("–") != std::string_view::npos; }
    /// How many capitalised syllables, one space apart, begin at word k.
    std::size_t run_at(std::size_t k) const {
        std::size_t n = 0;
        while (k + n < words_.size() && words_[k + n].capitalised && (n == 0 || spaced(k + n))) ++n;
        return n;
    }
    span cover(std::size_t k, std::size_t run) const { return {words_[k].begin, words_[k + run - 1].end}; }
    /// The word after the cue of `list` that begins at word k, when one does and a space follows it.
    template <std::size_t N>
    std::optional<std::size_t> cue(std::size_t k, const std::array<std::string_view, N>& list) const {
        for (const auto phrase : list) {
            if (std::string_view(lower_).substr(words_[k].begin).substr(0, phrase.size()) != phrase) continue;
            const auto end = words_[k].begin + phrase.size();
            auto next = k;
            while (next < words_.size() && words_[next].begin < end) ++next;
            if (next == words_.size() || words_[next - 1].end != end || !spaced(next)) continue;
            return next;
        }
        return std::nullopt;
    }

    std::string_view text_;
    std::string lower_;
    std::vector<word> words_;
};

/// Where `name` stands in `text` as whole words, any case; `lower` is lower_in_place(text).
void find_known(std::string_view text, std::string_view lower, std::string_view name, std::vector<span>& out) {
    const auto key = lower_in_place(name);
    if (key.empty()) return;
    const auto letter_at = [&](std::size_t at) { return is_letter(detail::decode(text, at).first); };
    const auto letter_before = [&](std::size_t at) {
        auto back = at - 1;
        while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
        return letter_at(back);
    };
    for (auto at = lower.find(key); at != std::string_view::npos; at = lower.find(key, at + 1)) {
        const auto end = at + key.size();
        if ((at > 0 && letter_before(at)) || (end < text.size() && letter_at(end))) continue;
        out.emplace_back(at, end);
    }
}

}  // namespace

std::vector<std::string> personal_names(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& [begin, end] : name_finder(text).names()) {
        std::string name(text.substr(begin, end - begin));
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
    return out;
}

std::string redact_names(std::string_view text, std::span<const std::string> known_names, std::string_view mark) {
    auto spans = name_finder(text).names();
    const auto lower = lower_in_place(text);
    for (const auto& name : known_names) find_known(text, lower, name, spans);
    std::sort(spans.begin(), spans.end());
    std::string out;
    std::size_t done = 0;
    for (const auto& [begin, end] : spans) {
        if (end <= done) continue;
        if (begin >= done) {
            out.append(text.substr(done, begin - done));
            out.append(mark);
        }
        done = end;
    }
    out.append(text.substr(done));
    return out;
}

}  // namespace kehoach
