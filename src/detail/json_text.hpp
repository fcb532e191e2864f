#pragma once
// Positions inside JSON text, which nlohmann's DOM does not keep: where the value at a path starts,
// and the first key repeated inside one object. Iterative, so deep nesting cannot overflow the stack.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace kehoach::detail {

/// One step of a JSON path: an object key or an array index.
using json_step = std::variant<std::string_view, std::size_t>;

struct line_column {
    std::size_t line = 1;
    std::size_t column = 1;  ///< in characters (code points), not bytes
};

/// Line and column of a byte offset.
[[nodiscard]] line_column position_of(std::string_view text, std::size_t offset) noexcept;

/// Byte offset where the value at `path` starts in valid JSON `text`; the deepest value found when
/// the path goes further than the text.
[[nodiscard]] std::size_t locate(std::string_view text, std::span<const json_step> path) noexcept;

/// A key that occurs twice in one object of valid JSON text: its offset and display path.
struct duplicate_key {
    std::size_t offset = 0;
    std::string path;
    std::string key;
};
[[nodiscard]] std::optional<duplicate_key> find_duplicate_key(std::string_view text);

/// Offset of the first `[` or `{` nested deeper than `max_depth`, outside strings; checked before
/// the text is parsed, since nlohmann's parser would build every level first.
[[nodiscard]] std::optional<std::size_t> first_too_deep(std::string_view text, std::size_t max_depth) noexcept;

/// Offset of the first number, outside strings, too large for a double (`1e400`).
[[nodiscard]] std::optional<std::size_t> first_number_overflow(std::string_view text);

/// `items[3].deadline.kind`
[[nodiscard]] std::string display_path(std::span<const json_step> path);

}  // namespace kehoach::detail
