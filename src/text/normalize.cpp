#include <kehoach/text/normalize.hpp>

#include <kehoach/error.hpp>

#include "../detail/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kehoach {
namespace {

using detail::decode;
using detail::is_dash;
using detail::is_space;

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

void append_utf8(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t buffer[4];
    const auto n = utf8proc_encode_char(c, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

/// How many of the eight bytes of `word` (as they stand in memory) are ASCII before the first that
/// is not: 8 when all are.
std::size_t ascii_bytes(std::uint64_t word) {
    const std::uint64_t high = word & 0x8080808080808080ULL;
    if (high == 0) return 8;
    return static_cast<std::size_t>(std::endian::native == std::endian::little ? std::countr_zero(high) : std::countl_zero(high)) / 8;
}

/// The five tones (huyền, sắc, hỏi, ngã, nặng) on the vowels of "oa", "oe" and "uy".
constexpr std::array<utf8proc_int32_t, 5> toned_a{0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1};
constexpr std::array<utf8proc_int32_t, 5> toned_e{0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9};
constexpr std::array<utf8proc_int32_t, 5> toned_y{0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5};
constexpr std::array<utf8proc_int32_t, 5> toned_o{0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD};
constexpr std::array<utf8proc_int32_t, 5> toned_u{0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5};

/// Vietnamese writes the tone of an open "oa", "oe", "uy" on either vowel: "hoà" and "hòa", "thuỷ" and
/// "thủy", "khoẻ" and "khỏe" are the same word, and one document often has both. Called with the
/// key so far (key[0, size), ending in the first vowel), the toned second vowel `c` and the byte
/// after it; moves the tone onto the first vowel (the spelling of the founding plan: "hóa", "ủy") and
/// returns the key's new size, or returns 0 when the tone stays. The toned first vowel takes no more
/// bytes than `c` did. A syllable that goes on ("hoàn", "quý": "qu" is a consonant) is written one
/// way only and is kept.
std::size_t move_tone_to_first_vowel(std::string& key, std::size_t size, utf8proc_int32_t c, char next) {
    if (size == 0 || (next >= 'a' && next <= 'z')) return 0;
    const char first = key[size - 1];
    const bool after_q = size >= 2 && key[size - 2] == 'q';
    auto tone_on = [c](const std::array<utf8proc_int32_t, 5>& vowels) {
        return static_cast<std::size_t>(std::find(vowels.begin(), vowels.end(), c) - vowels.begin());
    };
    std::size_t tone = 0;
    char second = 0;
    if (first == 'o' && (tone = tone_on(toned_a)) < 5) second = 'a';
    else if (first == 'o' && (tone = tone_on(toned_e)) < 5) second = 'e';
    else if (first == 'u' && !after_q && (tone = tone_on(toned_y)) < 5) second = 'y';
    else return 0;
    utf8proc_uint8_t toned[4];
    const auto n = static_cast<std::size_t>(utf8proc_encode_char((first == 'o' ? toned_o : toned_u)[tone], toned));
    std::copy(toned, toned + n, key.begin() + static_cast<std::ptrdiff_t>(size - 1));
    size += n - 1;
    key[size++] = second;
    return size;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) noexcept {
    // ASCII is passed a byte at a time without decoding; other sequences are checked as RFC 3629
    // has them: no overlong forms, no surrogates, nothing past U+10FFFF.
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    auto continuation = [&](std::size_t at) { return at < size && (bytes[at] & 0xC0) == 0x80; };
    for (std::size_t at = 0; at < size;) {
        // ASCII eight bytes at a time, up to the first byte that is not.
        if (at + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + at, 8);
            const auto ascii = ascii_bytes(word);
            at += ascii;
            if (ascii == 8) continue;
        }
        const unsigned char b = bytes[at];
        if (b < 0x80) {
            ++at;
        } else if (b >= 0xC2 && b <= 0xDF) {
            if (!continuation(at + 1)) return at;
            at += 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            if (!continuation(at + 1) || !continuation(at + 2)) return at;
            if ((b == 0xE0 && bytes[at + 1] < 0xA0) || (b == 0xED && bytes[at + 1] > 0x9F)) return at;
            at += 3;
        } else if (b >= 0xF0 && b <= 0xF4) {
            if (!continuation(at + 1) || !continuation(at + 2) || !continuation(at + 3)) return at;
            if ((b == 0xF0 && bytes[at + 1] < 0x90) || (b == 0xF4 && bytes[at + 1] > 0x8F)) return at;
            at += 4;
        } else {
            return at;
        }
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) noexcept { return first_invalid_utf8(text) == std::string_view::npos; }

bool has_combining_marks(std::string_view text) noexcept {
    // U+0300..U+036F, the combining diacritics decomposed Vietnamese uses, start with 0xCC or 0xCD.
    return std::memchr(text.data(), 0xCC, text.size()) != nullptr || std::memchr(text.data(), 0xCD, text.size()) != nullptr;
}

namespace {

/// The precomposed Latin letters (U+00C0..U+024F, U+1E00..U+1EFF: every Vietnamese letter), by their
/// canonical decomposition: a base and one or two combining marks.
struct compositions {
    std::unordered_map<std::uint64_t, utf8proc_int32_t> by_decomposition;

    static std::uint64_t key(utf8proc_int32_t base, utf8proc_int32_t first_mark, utf8proc_int32_t second_mark) {
        return (static_cast<std::uint64_t>(base) << 16) | (static_cast<std::uint64_t>(first_mark ? first_mark - 0x2FF : 0) << 8) |
               static_cast<std::uint64_t>(second_mark ? second_mark - 0x2FF : 0);
    }

    compositions() {
        auto add = [&](utf8proc_int32_t c) {
            utf8proc_int32_t parts[4];
            int category = 0;
            const auto n = utf8proc_decompose_char(c, parts, 4, UTF8PROC_DECOMPOSE, &category);
            auto mark = [](utf8proc_int32_t m) { return m >= 0x300 && m <= 0x36F; };
            if (n == 2 && mark(parts[1])) by_decomposition.emplace(key(parts[0], parts[1], 0), c);
            if (n == 3 && mark(parts[1]) && mark(parts[2])) by_decomposition.emplace(key(parts[0], parts[1], parts[2]), c);
        };
        for (utf8proc_int32_t c = 0xC0; c < 0x250; ++c) add(c);
        for (utf8proc_int32_t c = 0x1E00; c < 0x1F00; ++c) add(c);
    }
};

}  // namespace

std::string to_nfc(std::string_view text) {
    if (!is_valid_utf8(text)) throw error("invalid text: invalid UTF-8 string");
    // Text without combining marks is composed already, and copying it is much cheaper.
    if (!has_combining_marks(text)) return std::string(text);
    // Decomposed Vietnamese is a letter followed by one or two marks in canonical order: looked up
    // whole in a table of the Latin letters, and the text between such letters copied as it is.
    // Anything else (another order, a mark with no letter for it) takes utf8proc's full normalization.
    static const compositions table;
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;  // the text before this is in `out`
    auto mark_at = [&](std::size_t at) {
        // U+0300..U+036F are CC 80 to CD AF; a lead byte is never inside another sequence.
        return at < text.size() && (text[at] == '\xCC' || (text[at] == '\xCD' && at + 1 < text.size() &&
                                                            static_cast<unsigned char>(text[at + 1]) < 0xB0));
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (!mark_at(at)) continue;
        if (at == 0) return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        std::size_t base_at = at - 1;
        while (base_at > 0 && (static_cast<unsigned char>(text[base_at]) & 0xC0) == 0x80) --base_at;
        const auto base = decode(text, base_at).first;
        const auto [first_mark, first_size] = decode(text, at);
        std::size_t end = at + first_size;
        utf8proc_int32_t second_mark = 0;
        if (mark_at(end)) {
            const auto [mark, size] = decode(text, end);
            second_mark = mark;
            end += size;
        }
        if (mark_at(end)) return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        const auto found = table.by_decomposition.find(compositions::key(base, first_mark, second_mark));
        if (found == table.by_decomposition.end()) return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        out.append(text, copied, base_at - copied);
        append_utf8(out, found->second);
        copied = end;
        at = end - 1;
    }
    out.append(text, copied);
    return out;
}

std::string name_key(std::string_view text) {
    // Composed text is lowercased code point by code point: for the Latin letters of Vietnamese that
    // is what case folding does, without utf8proc_map's allocations; the same pass checks the UTF-8.
    // Decomposed text goes the long way.
    std::string folded;
    if (has_combining_marks(text)) {
        folded = map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    } else {
        std::size_t invalid_at = 0;
        folded = lower_checked(text, invalid_at);
        if (invalid_at != std::string_view::npos) throw error("invalid text: invalid UTF-8 string");
    }
    // The key is written over `folded` as it is read: it is never longer than the text read so far
    // (runs of spaces and dashes shrink, and a tone moved onto the first vowel takes no more bytes).
    std::size_t size = 0;
    bool pending_space = false;
    for (std::size_t at = 0; at < folded.size();) {
        // Valid UTF-8 here: each code point is decoded, and copied as it is.
        const auto [c, n] = decode(folded, at);
        const auto sequence_at = at;
        at += n;
        if (is_space(c)) {
            pending_space = size > 0;
            continue;
        }
        if (is_dash(c)) {
            pending_space = false;
            folded[size++] = '-';
            continue;
        }
        if (pending_space && folded[size - 1] != '-') folded[size++] = ' ';
        pending_space = false;
        if (n > 1) {
            if (const auto moved = move_tone_to_first_vowel(folded, size, c, at < folded.size() ? folded[at] : '\0')) {
                size = moved;
                continue;
            }
        }
        // Moved left once spaces or dashes have shrunk the key; most letters stay where they are.
        if (size != sequence_at) std::memmove(folded.data() + size, folded.data() + sequence_at, n);
        size += n;
    }
    folded.resize(size);
    return folded;
}

std::string fold_diacritics(std::string_view text) {
    // Letters of Vietnamese fold by table; anything else the long way, through utf8proc.
    static const auto bases = [] {
        std::array<char, 0x800 + 0x100> table{};
        auto base_of = [](utf8proc_int32_t c) -> char {
            utf8proc_int32_t parts[8];
            int category = 0;
            const auto n = utf8proc_decompose_char(c, parts, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD), &category);
            if (n < 1 || parts[0] >= 0x80) return 0;
            return static_cast<char>(parts[0]);
        };
        for (utf8proc_int32_t c = 0x80; c < 0x800; ++c) table[static_cast<std::size_t>(c)] = base_of(c);
        for (utf8proc_int32_t c = 0; c < 0x100; ++c) table[0x800 + static_cast<std::size_t>(c)] = base_of(0x1E00 + c);
        table[0x110] = 'd';  // Đ and đ have no decomposition
        table[0x111] = 'd';
        return table;
    }();
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            ++at;
            continue;
        }
        const auto [c, n] = decode(text, at);
        const char base = c < 0x800 ? bases[static_cast<std::size_t>(c)]
                          : (c >= 0x1E00 && c < 0x1F00) ? bases[0x800 + static_cast<std::size_t>(c - 0x1E00)]
                                                         : 0;
        if (base) out += base;
        else out += map(text.substr(at, n), UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
        at += n;
    }
    return out;
}

namespace {

/// Lowercase forms of the code points below U+0800 and of the block U+1E00..U+1EFF, where every
/// Vietnamese letter is: tabled once, so that lowercasing a text is table lookups.
struct lower_table {
    std::array<utf8proc_int32_t, 0x800> low{};
    std::array<utf8proc_int32_t, 0x100> latin_additional{};

    lower_table() {
        for (utf8proc_int32_t c = 0; c < 0x800; ++c) low[static_cast<std::size_t>(c)] = utf8proc_tolower(c);
        for (utf8proc_int32_t c = 0; c < 0x100; ++c)
            latin_additional[static_cast<std::size_t>(c)] = utf8proc_tolower(0x1E00 + c);
    }

    [[nodiscard]] utf8proc_int32_t operator()(utf8proc_int32_t c) const {
        if (c < 0x800) return low[static_cast<std::size_t>(c)];
        if (c >= 0x1E00 && c < 0x1F00) return latin_additional[static_cast<std::size_t>(c - 0x1E00)];
        return utf8proc_tolower(c);
    }
};

const lower_table& lowercase() {
    static const lower_table table;
    return table;
}

}  // namespace

namespace {

/// Lowercases `text` into `lowered_bytes`, which holds a copy of it, byte for byte the same length;
/// with `invalid_at`, also checks the UTF-8 on the way (one decoding does both) and stops at the
/// first sequence that is not well formed.
void lower_impl(std::string_view text, char* const lowered_bytes, std::size_t* invalid_at) {
    const auto& to_lower = lowercase();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const auto size = text.size();
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    for (std::size_t at = 0; at < size;) {
        // Most of Vietnamese text is ASCII, but nearly every word has a letter that is not: the
        // ASCII of eight bytes at a time is lowered, A..Z found by carries into bit 7 (of the low
        // seven bits, so that no byte carries into the next), and the first other byte is then
        // read below as the letter it starts.
        if (at + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + at, 8);
            const std::uint64_t high = word & high_bits;
            const std::uint64_t low = word & ~high_bits;
            const std::uint64_t at_least_a = low + 0x3F3F3F3F3F3F3F3FULL;  // bit 7 set from 'A' on
            const std::uint64_t past_z = low + 0x2525252525252525ULL;      // bit 7 set past 'Z'
            const std::uint64_t lowered = word | (((at_least_a & ~past_z & ~high) & high_bits) >> 2);  // + 0x20 for A..Z
            std::memcpy(lowered_bytes + at, &lowered, 8);
            const auto ascii = ascii_bytes(word);
            at += ascii;
            if (ascii == 8) continue;
        }
        const unsigned char byte = bytes[at];
        if (byte < 0x80) {
            if (byte >= 'A' && byte <= 'Z') lowered_bytes[at] = static_cast<char>(byte - 'A' + 'a');
            ++at;
            continue;
        }
        // Two-byte letters (à, đ, ư, ơ, ă ...) straight from the table: a lead C2..DF and one
        // continuation byte is always well formed.
        if (byte >= 0xC2 && byte <= 0xDF && at + 1 < size && (bytes[at + 1] & 0xC0) == 0x80) {
            const auto c = static_cast<std::size_t>(((byte & 0x1F) << 6) | (bytes[at + 1] & 0x3F));
            const auto lowered = to_lower.low[c];
            if (lowered != static_cast<utf8proc_int32_t>(c) && lowered >= 0x80 && lowered < 0x800) {
                lowered_bytes[at] = static_cast<char>(0xC0 | (lowered >> 6));
                lowered_bytes[at + 1] = static_cast<char>(0x80 | (lowered & 0x3F));
            }
            at += 2;
            continue;
        }
        // U+1EA0..U+1EFF, the rest of the Vietnamese letters, pair an even capital with the odd
        // small letter after it.
        if (byte == 0xE1 && at + 2 < size && (bytes[at + 2] & 0xC0) == 0x80 &&
            ((bytes[at + 1] == 0xBA && bytes[at + 2] >= 0xA0) || bytes[at + 1] == 0xBB)) {
            lowered_bytes[at + 2] = static_cast<char>(bytes[at + 2] | 1);
            at += 3;
            continue;
        }
        const std::size_t n = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        if (invalid_at) {
            const bool lead = byte >= 0xC2 && byte <= 0xF4;
            bool ok = lead && at + n <= size;
            for (std::size_t k = 1; ok && k < n; ++k) ok = (bytes[at + k] & 0xC0) == 0x80;
            if (ok && n == 3) ok = !(byte == 0xE0 && bytes[at + 1] < 0xA0) && !(byte == 0xED && bytes[at + 1] > 0x9F);
            if (ok && n == 4) ok = !(byte == 0xF0 && bytes[at + 1] < 0x90) && !(byte == 0xF4 && bytes[at + 1] > 0x8F);
            if (!ok) {
                *invalid_at = at;
                return;
            }
        } else if (at + n > size) {
            break;
        } else if (n == 2) {
            ++at;  // well-formed two-byte letters were lowered above: this one is broken, left as it is
            continue;
        }
        utf8proc_int32_t c = byte & (n == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (bytes[at + k] & 0x3F);
        const auto lowered = to_lower(c);
        if (lowered != c) {
            // Written back only when it keeps its length, so offsets stay offsets.
            if (n == 3 && lowered >= 0x800 && lowered < 0x10000) {
                lowered_bytes[at] = static_cast<char>(0xE0 | (lowered >> 12));
                lowered_bytes[at + 1] = static_cast<char>(0x80 | ((lowered >> 6) & 0x3F));
                lowered_bytes[at + 2] = static_cast<char>(0x80 | (lowered & 0x3F));
            } else {
                utf8proc_uint8_t folded[4];
                if (utf8proc_encode_char(lowered, folded) == static_cast<utf8proc_ssize_t>(n))
                    std::copy(folded, folded + n, lowered_bytes + at);
            }
        }
        at += n;
    }
    if (invalid_at) *invalid_at = std::string_view::npos;
}

}  // namespace

std::string lower_checked(std::string_view text, std::size_t& invalid_at) {
    std::string out(text);
    lower_impl(text, out.data(), &invalid_at);
    if (invalid_at != std::string_view::npos) return {};
    return out;
}

std::string lower_in_place(std::string_view text) {
    std::string out(text);
    lower_impl(text, out.data(), nullptr);
    return out;
}

void detail::append_lower(std::string& to, std::string_view text) {
    const auto start = to.size();
    to.append(text);
    lower_impl(text, to.data() + start, nullptr);
}

std::string capitalize(std::string_view text) {
    if (text.empty()) return {};
    utf8proc_int32_t c;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &c);
    if (n <= 0) return std::string(text);
    std::string out;
    append_utf8(out, utf8proc_toupper(c));
    out += text.substr(static_cast<std::size_t>(n));
    return out;
}

}  // namespace kehoach
