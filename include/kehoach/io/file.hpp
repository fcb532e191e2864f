#pragma once
/// @file Reading whole input files and replacing output files, with errors that name the file.

#include <kehoach/limits.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace kehoach {

/// The bytes of a file, or of standard input when `path` is "-", at most `max_bytes` + 1 of them:
/// enough for a reader to tell that the input is over its read_limits::max_input_bytes without
/// holding all of it. Throws parse_error naming the file when it cannot be read.
[[nodiscard]] std::string read_input(const std::filesystem::path& path, std::size_t max_bytes = read_limits{}.max_input_bytes);

/// How errors name an input: the path as given, or "<stdin>" for "-".
[[nodiscard]] std::string input_name(const std::filesystem::path& path);

/**
 * @brief Writes `bytes` to `path` through a temporary file beside it: written, flushed to disk
 *        (fsync), renamed over `path`, and the folder flushed too, so that the rename itself
 *        survives a crash. Readers see the old file or the new one, never a torn one.
 *
 * The temporary file is `PATH.kehoach-PID-N.tmp`, unique to the call, so threads may write the
 * same path at once (the last rename wins, whole). A writer killed mid-write leaves its temporary
 * file; the first write into the same folder by a later process removes those whose process is
 * gone. The file replaced
 * keeps its permissions. Throws kehoach::error naming the file and the reason when any step
 * fails; the temporary file is removed then.
 * @code
 * kehoach::write_file_atomically("ke-hoach.ics", kehoach::to_ics(plan).text);
 * @endcode
 */
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace kehoach
