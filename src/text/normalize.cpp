#include <kehoach/text/normalize.hpp>

#include <kehoach/error.hpp>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kehoach {
namespace {

struct free_deleter {
    void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

std::string map(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                                     static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, free_deleter> owner(out);
    if (length < 0) throw error(std::string("invalid text: ") + utf8proc_errmsg(length));
    return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(length)};
}

bool is_dash(utf8proc_int32_t c) noexcept {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
           c == 0xFF0D;
}

bool is_space(utf8proc_int32_t c) noexcept {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

void append_utf8(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t buffer[4];
    const auto n = utf8proc_encode_char(c, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t c;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

std::string to_nfc(std::string_view text) { return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string name_key(std::string_view text) {
    const std::string folded = map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    std::string key;
    key.reserve(folded.size());
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    auto left = static_cast<utf8proc_ssize_t>(folded.size());
    bool pending_space = false;
    while (left > 0) {
        utf8proc_int32_t c;
        const auto n = utf8proc_iterate(p, left, &c);  // valid: utf8proc_map produced it
        p += n;
        left -= n;
        if (is_space(c)) {
            pending_space = !key.empty();
            continue;
        }
        if (is_dash(c)) {
            pending_space = false;
            key += '-';
            continue;
        }
        if (pending_space && key.back() != '-') key += ' ';
        pending_space = false;
        append_utf8(key, c);
    }
    return key;
}

}  // namespace kehoach
