#pragma once
/// @file Reading whole input files, with errors that name the file.

#include <filesystem>
#include <string>

namespace kehoach {

/// The bytes of a file, or of standard input when `path` is "-". Throws parse_error naming the
/// file when it cannot be read.
[[nodiscard]] std::string read_input(const std::filesystem::path& path);

/// How errors name an input: the path as given, or "<stdin>" for "-".
[[nodiscard]] std::string input_name(const std::filesystem::path& path);

}  // namespace kehoach
