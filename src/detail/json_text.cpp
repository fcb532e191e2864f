#include "json_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace kehoach::detail {
namespace {

std::size_t skip_space(std::string_view s, std::size_t i) noexcept {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

/// From an opening quote to just past the closing one.
std::size_t skip_string(std::string_view s, std::size_t i) noexcept {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') ++i;
        else if (s[i] == '"') return i + 1;
    }
    return s.size();
}

/// From the first character of a value to just past it.
std::size_t skip_value(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return i;
    if (s[i] == '"') return skip_string(s, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < s.size() && std::string_view(",}] \t\r\n").find(s[i]) == std::string_view::npos) ++i;
        return i;
    }
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = skip_string(s, i);
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) return i + 1;
        }
        ++i;
    }
    return i;
}

/// The raw characters between the quotes of the string at `i`.
std::string_view string_body(std::string_view s, std::size_t i) noexcept {
    const auto end = skip_string(s, i);
    return s.substr(i + 1, end - i - 2);
}

}  // namespace

line_column position_of(std::string_view text, std::size_t offset) noexcept {
    offset = std::min(offset, text.size());
    line_column at;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++at.column;
        }
    }
    return at;
}

std::size_t locate(std::string_view text, std::span<const json_step> path) noexcept {
    std::size_t at = skip_space(text, 0);
    for (const auto& step : path) {
        if (at >= text.size()) break;
        std::size_t i = skip_space(text, at + 1);
        std::optional<std::size_t> found;
        if (const auto* key = std::get_if<std::string_view>(&step)) {
            if (text[at] != '{') break;
            while (i < text.size() && text[i] == '"') {
                const bool match = string_body(text, i) == *key;
                i = skip_space(text, skip_string(text, i));
                i = skip_space(text, i + 1);  // past ':'
                if (match) {
                    found = i;
                    break;
                }
                i = skip_space(text, skip_value(text, i));
                if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
            }
        } else {
            if (text[at] != '[') break;
            const auto wanted = std::get<std::size_t>(step);
            for (std::size_t index = 0; i < text.size() && text[i] != ']'; ++index) {
                if (index == wanted) {
                    found = i;
                    break;
                }
                i = skip_space(text, skip_value(text, i));
                if (i < text.size() && text[i] == ',') i = skip_space(text, i + 1);
            }
        }
        if (!found) break;
        at = *found;
    }
    return at;
}

std::optional<duplicate_key> find_duplicate_key(std::string_view text) {
    struct frame {
        bool object;
        std::size_t index = 0;               // arrays: the element being read
        std::vector<std::string_view> keys;  // objects: keys seen so far
    };
    std::vector<frame> stack;
    std::vector<json_step> path;
    bool expect_key = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '{' || c == '[') {
            stack.push_back({c == '{'});
            if (c == '[') path.emplace_back(std::size_t{0});
            expect_key = c == '{';
            ++i;
        } else if (c == '}' || c == ']') {
            // An array always has its index on the path; an object has its current key, if any.
            if (!stack.back().object || !stack.back().keys.empty()) path.pop_back();
            stack.pop_back();
            expect_key = false;
            ++i;
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object) {
                path.pop_back();
                expect_key = true;
            } else if (!stack.empty()) {
                path.back() = ++stack.back().index;
            }
            ++i;
        } else if (c == '"') {
            if (expect_key) {
                const auto key = string_body(text, i);
                auto& keys = stack.back().keys;
                if (std::find(keys.begin(), keys.end(), key) != keys.end())
                    return duplicate_key{i, display_path(path), std::string(key)};
                keys.push_back(key);
                path.emplace_back(key);
                expect_key = false;
            }
            i = skip_string(text, i);
        } else {
            ++i;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> first_too_deep(std::string_view text, std::size_t max_depth) noexcept {
    std::size_t depth = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"') {
            i = skip_string(text, i);
            continue;
        }
        if ((c == '{' || c == '[') && ++depth > max_depth) return i;
        if ((c == '}' || c == ']') && depth > 0) --depth;
        ++i;
    }
    return std::nullopt;
}

std::optional<std::size_t> first_number_overflow(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"') {
            i = skip_string(text, i);
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            ++i;
            continue;
        }
        const auto end = skip_value(text, i);
        const std::string number(text.substr(i, end - i));
        if (!std::isfinite(std::strtod(number.c_str(), nullptr))) return i;
        i = std::max(end, i + 1);
    }
    return std::nullopt;
}

std::string display_path(std::span<const json_step> path) {
    std::string out;
    for (const auto& step : path) {
        if (const auto* key = std::get_if<std::string_view>(&step)) {
            if (!out.empty()) out += '.';
            out += *key;
        } else {
            out += fmt::format("[{}]", std::get<std::size_t>(step));
        }
    }
    return out;
}

}  // namespace kehoach::detail
