#include <kehoach/io/file.hpp>

#include <kehoach/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <mutex>
#include <set>

namespace kehoach {

std::string input_name(const std::filesystem::path& path) { return path == "-" ? "<stdin>" : path.string(); }

std::string read_input(const std::filesystem::path& path, std::size_t max_bytes) {
    // One byte past the limit is read, so that the reader can say where the limit was crossed.
    const auto wanted = max_bytes == std::numeric_limits<std::size_t>::max() ? max_bytes : max_bytes + 1;
    auto read_from = [&](std::istream& in) {
        std::string bytes;
        char chunk[1 << 16];
        while (bytes.size() < wanted && in) {
            in.read(chunk, static_cast<std::streamsize>(std::min(sizeof chunk, wanted - bytes.size())));
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        }
        if (in.bad()) throw parse_error({input_name(path), 0, 0}, {}, "read error");
        return bytes;
    };
    if (path == "-") return read_from(std::cin);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw parse_error({input_name(path), 0, 0}, {}, "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw parse_error({input_name(path), 0, 0}, {}, std::string("cannot open: ") + std::strerror(errno));
    return read_from(in);
}

namespace {

constexpr std::string_view temporary_mark = ".kehoach-";
constexpr std::string_view temporary_suffix = ".tmp";

/// The process that wrote `name` as a temporary file, or 0 when it is not one:
/// `TARGET.kehoach-PID-N.tmp`.
pid_t temporary_writer(std::string_view name) {
    const auto mark = name.rfind(temporary_mark);
    if (mark == std::string_view::npos || !name.ends_with(temporary_suffix)) return 0;
    name = name.substr(mark + temporary_mark.size());
    name.remove_suffix(temporary_suffix.size());
    const auto dash = name.find('-');
    if (dash == std::string_view::npos || dash + 1 == name.size() ||
        name.find_first_not_of("0123456789", dash + 1) != std::string_view::npos)
        return 0;
    pid_t pid = 0;
    const auto [end, ec] = std::from_chars(name.data(), name.data() + dash, pid);
    return ec == std::errc{} && end == name.data() + dash ? pid : 0;
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
    auto folder = path.parent_path();
    return folder.empty() ? std::filesystem::path(".") : folder;
}

/// True the first time this process writes into `folder`: it is looked at once, since a folder of
/// 10,000 plan files written one by one would otherwise be listed 10,000 times.
bool first_write_into(const std::filesystem::path& folder) {
    static std::mutex mutex;
    static std::set<std::filesystem::path> seen;
    const std::lock_guard lock(mutex);
    return seen.insert(folder.lexically_normal()).second;
}

/// Removes the temporary files in `folder` whose writer is gone: what killed writes left behind.
/// A writer still running keeps its own (its pid answers kill(pid, 0)).
void remove_stale_temporaries(const std::filesystem::path& folder) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto pid = temporary_writer(it->path().filename().string());
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) ::unlink(it->path().c_str());
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    if (const auto folder = folder_of(path); first_write_into(folder)) remove_stale_temporaries(folder);
    // Unique per call, so that threads writing the same file never share a temporary one.
    static std::atomic<std::uint64_t> writes{0};
    auto temporary = path;
    temporary += fmt::format("{}{}-{}{}", temporary_mark, ::getpid(), writes.fetch_add(1), temporary_suffix);
    // errno is read first: removing the temporary file may set it again.
    auto fail = [&](std::string_view what, bool remove) {
        const int code = errno;
        if (remove) ::unlink(temporary.c_str());
        throw error(fmt::format("{}: cannot {}: {}", path.string(), what, std::strerror(code)));
    };
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail("create a temporary file beside it", false);
    // The file replaced keeps its permissions: a log only its office may read stays so.
    if (struct stat old{}; ::stat(path.c_str(), &old) == 0) (void)::fchmod(fd, old.st_mode & 07777);
    for (std::size_t written = 0; written < bytes.size();) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int code = errno;
            ::close(fd);
            errno = code;
            fail("write", true);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) fail("flush to disk", true);
    if (::rename(temporary.c_str(), path.c_str()) != 0) fail("replace", true);
    if (const int dir = ::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace kehoach
