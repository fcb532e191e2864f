#include <kehoach/parse/unit_names.hpp>

#include <kehoach/text/normalize.hpp>

#include "document.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>
#include <utility>

namespace kehoach {
namespace {

/// Abbreviations as plans write them, as words of the key (after dashes and "&" became spaces and
/// "và" was dropped). Longer phrases first: "tn tkq" is not "tn mt".
constexpr std::array<std::pair<std::string_view, std::string_view>, 33> abbreviations{{
    {"lđ tb xh", "lao động thương binh xã hội"},
    {"lđtbxh", "lao động thương binh xã hội"},
    {"tb xh", "thương binh xã hội"},
    {"nn ptnt", "nông nghiệp phát triển nông thôn"},
    {"tn tkq", "tiếp nhận trả kết quả"},
    {"tn mt", "tài nguyên môi trường"},
    {"tnmt", "tài nguyên môi trường"},
    {"vh tt dl", "văn hóa thể thao du lịch"},
    {"vhttdl", "văn hóa thể thao du lịch"},
    {"vh tt", "văn hóa thông tin"},
    {"vhtt", "văn hóa thông tin"},
    {"vh xh", "văn hóa xã hội"},
    {"tc kh", "tài chính kế hoạch"},
    {"tckh", "tài chính kế hoạch"},
    {"tc kt", "tài chính kế toán"},
    {"gd đt", "giáo dục đào tạo"},
    {"kh đt", "kế hoạch đầu tư"},
    {"tt tt", "thông tin truyền thông"},
    {"ttvh", "trung tâm văn hóa"},
    {"đc xd", "địa chính xây dựng"},
    {"vp tk", "văn phòng thống kê"},
    {"ptnt", "phát triển nông thôn"},
    {"ubmttqvn", "ủy ban mặt trận tổ quốc việt nam"},
    {"ubmttq", "ủy ban mặt trận tổ quốc"},
    {"mttqvn", "mặt trận tổ quốc việt nam"},
    {"mttq", "mặt trận tổ quốc"},
    {"ubnd", "ủy ban nhân dân"},
    {"hđnd", "hội đồng nhân dân"},
    {"bcđ", "ban chỉ đạo"},
    {"cax", "công an xã"},
    {"ca", "công an"},
    {"cc", "công chức"},
    {"vp", "văn phòng"},
}};

/// Short forms of the same post or office.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> same_unit{{
    {"tư pháp", "tư pháp hộ tịch"},
    {"kế toán", "tài chính kế toán"},
    {"văn phòng ủy ban nhân dân", "văn phòng hội đồng nhân dân ủy ban nhân dân"},
    {"bộ phận một cửa", "bộ phận tiếp nhận trả kết quả"},
}};

/// What a unit's name starts with, once its key is spelt out.
constexpr std::array<std::string_view, 78> unit_heads{
    "công an", "ủy ban", "hội đồng", "sở", "phòng", "ban", "văn phòng", "bộ phận", "trạm", "trường", "các", "hệ thống",
    "hội", "đoàn", "mặt trận", "trung tâm", "chi cục", "cục", "bộ", "tổ", "đội", "bưu điện", "ngân hàng", "kho bạc",
    "chi nhánh", "thôn", "làng", "bản", "tổ dân phố", "chủ tịch", "phó chủ tịch", "đảng ủy", "đảng bộ", "viện",
    "bệnh viện", "quỹ", "hợp tác xã", "doanh nghiệp", "cơ quan", "đơn vị", "lực lượng", "thường trực", "thanh tra",
    "đài", "báo", "liên đoàn", "cán bộ", "trưởng", "phó trưởng", "chỉ huy", "quân sự", "ban chỉ huy", "tòa án",
    "viện kiểm sát", "chi cục thuế", "bảo hiểm", "điện lực", "viễn thông", "công ty", "tổng công ty", "tập đoàn",
    "chính phủ", "thủ tướng", "người đứng đầu", "tư pháp", "văn hóa", "tài chính", "địa chính", "lao động",
    "thống kê", "y tế", "giáo dục", "kế toán", "nông nghiệp", "tỉnh đoàn", "huyện đoàn", "thành đoàn", "thành viên"};

/// The posts of a commune's civil servants (Nghị định 33/2023/NĐ-CP and earlier titles).
constexpr std::array<std::string_view, 11> commune_posts{
    "văn phòng thống kê", "tư pháp hộ tịch", "tài chính kế toán", "văn hóa xã hội", "văn hóa thông tin",
    "địa chính xây dựng", "địa chính nông nghiệp", "địa chính xây dựng đô thị môi trường",
    "lao động thương binh xã hội", "chỉ huy trưởng quân sự", "trưởng công an"};

bool starts_with_words(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix &&
           (text.size() == prefix.size() || text[prefix.size()] == ' ');
}

bool ends_with_words(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix &&
           (text.size() == suffix.size() || text[text.size() - suffix.size() - 1] == ' ');
}

/// The words of a space-separated string.
std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

/// Whether `words` from `at` on begin with the words of `phrase`.
bool words_match(const std::vector<std::string_view>& words, std::size_t at, std::string_view phrase, std::size_t& length) {
    length = 0;
    // Most words start no phrase: reject on the first word without walking the phrase.
    const auto& first = words[at];
    if (first.empty() || phrase[0] != first[0]) return false;
    if (!phrase.starts_with(first) || (phrase.size() > first.size() && phrase[first.size()] != ' ')) return false;
    for (std::size_t from = 0; from < phrase.size();) {
        const auto end = std::min(phrase.find(' ', from), phrase.size());
        if (at + length >= words.size() || words[at + length] != phrase.substr(from, end - from)) return false;
        ++length;
        from = end + 1;
    }
    return true;
}

/// Replaces whole-word occurrences of the table's phrases, in one pass over the words.
template <std::size_t N>
std::string replace_phrases(std::string_view text, const std::array<std::pair<std::string_view, std::string_view>, N>& table) {
    const auto words = split_words(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < words.size();) {
        std::size_t length = 0;
        std::string_view replacement;
        for (const auto& [phrase, full] : table) {
            if (words_match(words, i, phrase, length)) {
                replacement = full;
                break;
            }
        }
        if (!out.empty()) out += ' ';
        if (length > 0) {
            out += replacement;
            i += length;
        } else {
            out += words[i];
            ++i;
        }
    }
    return out;
}

/// name_key() with dashes, commas, "&", dots and "và" read as spaces, words single-spaced.
std::string words_of(std::string_view name) {
    std::string key = name_key(name);
    for (auto& c : key)
        if (c == '-' || c == ',' || c == '.' || c == '&' || c == '/' || c == '(' || c == ')' || c == ';' || c == ':') c = ' ';
    std::string out;
    std::size_t at = 0;
    while (at < key.size()) {
        while (at < key.size() && key[at] == ' ') ++at;
        std::size_t end = at;
        while (end < key.size() && key[end] != ' ') ++end;
        if (end > at) {
            const auto word = std::string_view(key).substr(at, end - at);
            if (word != "và") {
                if (!out.empty()) out += ' ';
                out += word;
            }
        }
        at = end;
    }
    return out;
}

std::string spelt_out(std::string_view name) { return replace_phrases(words_of(name), abbreviations); }

}  // namespace

namespace {

std::string key_of_spelt(std::string key, std::optional<plan_level> level) {
    for (std::string_view post : {"công chức phụ trách ", "cán bộ phụ trách ", "công chức ", "đ c ", "đồng chí "})
        if (key.starts_with(post) && key.size() > post.size()) key.erase(0, post.size());
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 1> related{{{"có liên quan", "liên quan"}}};
    key = replace_phrases(key, related);
    if (level) {
        const std::string_view own = *level == plan_level::commune    ? "xã"
                                     : *level == plan_level::district ? "huyện"
                                     : *level == plan_level::province ? "tỉnh"
                                                                      : "";
        if (!own.empty()) {
            std::string at_level = "cấp ";
            at_level += own;
            for (std::string_view suffix : {std::string_view(at_level), own})
                if (ends_with_words(key, suffix) && key.size() > suffix.size()) {
                    key.erase(key.size() - suffix.size() - 1);
                    break;
                }
        }
    }
    for (const auto& [short_form, full] : same_unit)
        if (key == short_form) return std::string(full);
    return key;
}

bool known_of_spelt(std::string_view key) {
    for (std::string_view post : {"công chức phụ trách ", "cán bộ phụ trách ", "công chức ", "đ c "})
        if (key.starts_with(post)) return true;
    return std::any_of(unit_heads.begin(), unit_heads.end(), [&](std::string_view head) { return starts_with_words(key, head); });
}

unit_kind kind_of_spelt(const std::string& key) {
    if (key.starts_with("các ") || key.starts_with("thành viên ") || key.find("hệ thống chính trị") != std::string::npos ||
        key.find("đoàn thể") != std::string::npos || key.find("ban ngành") != std::string::npos)
        return unit_kind::group;
    for (std::string_view person : {"công chức", "cán bộ", "chủ tịch", "phó chủ tịch", "đ c", "đồng chí", "trưởng", "phó trưởng"})
        if (starts_with_words(key, person)) return unit_kind::person;
    const std::string post = key_of_spelt(key, plan_level::commune);
    if (std::find(commune_posts.begin(), commune_posts.end(), post) != commune_posts.end()) return unit_kind::person;
    for (std::string_view office : {"văn phòng", "bộ phận", "phòng", "tổ"})
        if (starts_with_words(key, office)) return unit_kind::office;
    return unit_kind::agency;
}

}  // namespace

std::string unit_key(std::string_view name, std::optional<plan_level> level) { return key_of_spelt(spelt_out(name), level); }

bool is_known_unit(std::string_view name) { return known_of_spelt(spelt_out(name)); }

unit_kind guess_unit_kind(std::string_view name) { return kind_of_spelt(spelt_out(name)); }

unit_facts describe_unit(std::string_view name, std::optional<plan_level> level) {
    // The plans of a portfolio spell the same units the same way thousands of times: each thread
    // remembers what it worked out (forgetting all once it holds 64 Ki spellings, so it stays small).
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    thread_local std::array<std::unordered_map<std::string, unit_facts, text_hash, std::equal_to<>>, 5> remembered;
    auto& cache = remembered[level ? static_cast<std::size_t>(*level) : 4];
    if (const auto found = cache.find(name); found != cache.end()) return found->second;
    if (cache.size() >= 64 * 1024) cache.clear();
    const std::string spelt = spelt_out(name);
    unit_facts facts{key_of_spelt(spelt, level), known_of_spelt(spelt), kind_of_spelt(spelt)};
    cache.emplace(std::string(name), facts);
    return facts;
}

std::vector<std::string> split_units(std::string_view list) {
    // Drop what stands in parentheses: a person's name, "(chủ trì)", "(qua Đội ...)".
    // Most lists have none, and are read as they are.
    std::string_view text = list;
    std::string without_brackets;
    if (list.find('(') != std::string_view::npos || list.find(')') != std::string_view::npos) {
        without_brackets.reserve(list.size());
        int depth = 0;
        for (char c : list) {
            if (c == '(') ++depth;
            else if (c == ')') depth = std::max(0, depth - 1);
            else if (depth == 0) without_brackets += c;
        }
        text = without_brackets;
    }
    // A comma inside these names is part of the name. Lowercase is enough to tell (the pieces are
    // trimmed, and these words carry no dashes); the text is lowercased once, when a comma comes.
    std::string lower;
    auto lower_of = [&](std::string_view piece) {
        if (lower.empty()) lower = lower_in_place(text);
        return std::string_view(lower).substr(static_cast<std::size_t>(piece.data() - text.data()), piece.size());
    };
    auto continues = [](std::string_view before, std::string_view after) {
        return (ends_with_words(before, "ban") && starts_with_words(after, "ngành")) ||
               (ends_with_words(before, "sở") && (starts_with_words(after, "ban") || starts_with_words(after, "ngành"))) ||
               (ends_with_words(before, "cơ quan") && starts_with_words(after, "đơn vị")) ||
               // "UBND các huyện, thị xã, thành phố": the levels of one list of bodies.
               ((ends_with_words(before, "huyện") || ends_with_words(before, "thị xã") || ends_with_words(before, "quận")) &&
                (starts_with_words(after, "thị xã") || starts_with_words(after, "thành phố") || starts_with_words(after, "quận") ||
                 starts_with_words(after, "huyện"))) ||
               (ends_with_words(before, "ngành") && starts_with_words(after, "đoàn thể")) ||
               ((ends_with_words(before, "xã") || ends_with_words(before, "phường")) &&
                (starts_with_words(after, "thị trấn") || starts_with_words(after, "phường") || starts_with_words(after, "đặc khu"))) ||
               (ends_with_words(before, "văn hóa") && (starts_with_words(after, "thông tin") || starts_with_words(after, "thể thao"))) ||
               (ends_with_words(before, "thông tin") && starts_with_words(after, "thể thao")) ||
               (ends_with_words(before, "lao động") && starts_with_words(after, "thương binh")) ||
               (ends_with_words(before, "thôn") &&
                (starts_with_words(after, "buôn") || starts_with_words(after, "bản") || starts_with_words(after, "làng") ||
                 starts_with_words(after, "tổ dân phố") || starts_with_words(after, "xóm") || starts_with_words(after, "ấp")));
    };
    auto trim = [](std::string_view s) {
        // Byte by byte only ASCII: a dash (E2 80 93) shares its last byte with letters such as "ồ".
        for (bool again = true; again;) {
            again = false;
            for (std::string_view lead : {" ", "\t", ".", ",", ";", ":", "-", "*", "+", "–", "—"})
                if (s.starts_with(lead)) {
                    s.remove_prefix(lead.size());
                    again = true;
                }
        }
        while (!s.empty() && detail::is_one_of(s.back(), " \t.,;:")) s.remove_suffix(1);
        return s;
    };
    std::vector<std::string> out;
    for (std::size_t part_start = 0; part_start <= text.size();) {
        const auto part_end = std::min(text.find(';', part_start), text.size());
        const std::string_view part = text.substr(part_start, part_end - part_start);
        part_start = part_end + 1;
        const std::size_t part_first = out.size();
        std::string_view previous;  // the piece before: the end of the name so far
        for (std::size_t piece_start = 0; piece_start <= part.size();) {
            const auto piece_end = std::min(part.find(',', piece_start), part.size());
            const auto piece = trim(part.substr(piece_start, piece_end - piece_start));
            piece_start = piece_end + 1;
            if (piece.empty()) continue;
            if (out.size() > part_first && continues(lower_of(previous), lower_of(piece))) {
                out.back() += ", ";
                out.back() += piece;
            } else {
                out.emplace_back(piece);
            }
            previous = piece;
        }
    }
    return out;
}

std::string unit_slug(std::string_view name) {
    const std::string folded = fold_diacritics(name);
    std::string slug;
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) slug += c;
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "unit" : slug;
}

}  // namespace kehoach
