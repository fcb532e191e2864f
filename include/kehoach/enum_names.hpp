#pragma once
/// @file The names of kehoach's enumerations, as plan@1 and the Python API spell them.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

/// Specialized next to each enumeration: `static constexpr std::array<std::string_view, N> value`,
/// indexed by the enumerator's value.
template <class Enum>
struct enum_names;

template <class Enum>
concept named_enum = requires { enum_names<Enum>::value; };

/** @brief The name of an enumerator: `to_string(role::report_to) == "report_to"`. */
template <named_enum Enum>
[[nodiscard]] constexpr std::string_view to_string(Enum value) noexcept {
    return enum_names<Enum>::value[static_cast<std::size_t>(value)];
}

/** @brief The enumerator with this name, or nullopt: `from_string<role>("lead")`. */
template <named_enum Enum>
[[nodiscard]] constexpr std::optional<Enum> from_string(std::string_view name) noexcept {
    const auto& names = enum_names<Enum>::value;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

/// All names of an enumeration joined with ", ", for error messages.
template <named_enum Enum>
[[nodiscard]] std::string joined_names() {
    std::string out;
    for (auto name : enum_names<Enum>::value) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace kehoach
