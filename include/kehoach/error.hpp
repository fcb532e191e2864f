#pragma once
/// @file The exceptions kehoach throws: one tree under kehoach::error.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace kehoach {

/// Where in an input something was found. Lines and columns are 1-based; 0 means unknown.
struct source_location {
    std::string source;  ///< file name, or "<string>" / "<stdin>"
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Base of every exception kehoach throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/**
 * @brief Input that cannot be read: malformed text, a wrong schema, a dangling reference.
 *
 * `what()` reads like a compiler message, `plan.json:3:18: items[0].id: expected a string`,
 * so that editors and terminals can jump to the place.
 */
class parse_error : public error {
public:
    parse_error(source_location where, std::string path, std::string message);

    [[nodiscard]] const source_location& where() const noexcept { return where_; }
    /// The JSON path of the offending value (`items[3].deadline.kind`), empty when not JSON.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

private:
    source_location where_;
    std::string path_;
    std::string message_;
};

/// A model invariant would be broken: a duplicate id, a reference to nothing, a parent cycle.
class validation_error : public error {
public:
    using error::error;
};

}  // namespace kehoach
