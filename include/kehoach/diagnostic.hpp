#pragma once
/// @file What a reader dropped, guessed or could not read, and where.

#include <kehoach/enum_names.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace kehoach {

enum class severity : std::uint8_t { error, warning, info };

template <>
struct enum_names<severity> {
    static constexpr std::array<std::string_view, 3> value{"error", "warning", "info"};
};

struct diagnostic {
    kehoach::severity severity = severity::warning;
    std::string code;     ///< stable: unknown_unit, invalid_date, duplicate_number ...
    std::string item;     ///< the item id concerned, if any
    std::size_t line = 0;  ///< 1-based; 0 = not tied to a line
    std::size_t column = 0;
    std::string message;

    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

}  // namespace kehoach
