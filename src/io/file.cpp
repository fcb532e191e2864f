#include <kehoach/io/file.hpp>

#include <kehoach/error.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>

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

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    auto temporary = path;
    temporary += fmt::format(".{}.tmp", ::getpid());
    // errno is read first: removing the temporary file may set it again.
    auto fail = [&](std::string_view what, bool remove) {
        const int code = errno;
        if (remove) ::unlink(temporary.c_str());
        throw error(fmt::format("{}: cannot {}: {}", path.string(), what, std::strerror(code)));
    };
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("create a temporary file beside it", false);
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
    auto folder = path.parent_path();
    if (folder.empty()) folder = ".";
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace kehoach
