#pragma once
/// @file Finding the names of people in Vietnamese administrative text, and hiding them.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/**
 * @brief The personal names `text` names, in order of appearance, each once, as written.
 *
 * A name is a run of capitalised syllables ("Nguyễn Văn A", "Ksor H'Ly") that something marks as
 * a person's:
 * - an honorific before it: "Đ/c", "đồng chí", "ông", "bà", "anh", "chị" (capitalised "Ông", "Bà",
 *   "Anh", "Chị" only before a surname, so that "Bà Rịa" stays);
 * - a title earlier in the same clause: "Chủ tịch", "Bí thư", "Trưởng", "Giám đốc", "Chủ nhiệm",
 *   "Công chức", "Cán bộ", "Ủy viên" (each also with "Phó"), when the run begins with a surname and
 *   has two syllables or more: "Phó Chủ tịch UBND xã Trần Văn C";
 * - nothing at all, when it begins with a surname and its second syllable is "Văn" or "Thị".
 *
 * Units stay: "Công an xã", "UBND huyện", "Hội Nông dân" do not begin with a surname, and all-capital
 * abbreviations are no syllables of a name. A run right after a place word ("xã", "huyện", "tỉnh",
 * "thôn", ...) is a place ("xã Lê Lợi"), unless its second syllable is "Văn" or "Thị"; after
 * "đường" or "phố" it is a street ("đường Nguyễn Văn Cừ").
 * `text` must be valid UTF-8.
 */
[[nodiscard]] std::vector<std::string> personal_names(std::string_view text);

/**
 * @brief `text` with each personal name replaced by `mark`: the names personal_names() finds, and
 *        every occurrence of `known_names` (whole words, any case) — the signer's name, or names
 *        found elsewhere in the same document and mentioned here bare.
 * @code
 * assert(redact_names("Đ/c Nguyễn Văn A, Phó Chủ tịch UBND xã", {}, "[đã ẩn]")
 *        == "Đ/c [đã ẩn], Phó Chủ tịch UBND xã");
 * @endcode
 * `text` must be valid UTF-8.
 */
[[nodiscard]] std::string redact_names(std::string_view text, std::span<const std::string> known_names,
                                       std::string_view mark);

}  // namespace kehoach
