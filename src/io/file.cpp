#include <kehoach/io/file.hpp>

#include <kehoach/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace kehoach {

std::string input_name(const std::filesystem::path& path) { return path == "-" ? "<stdin>" : path.string(); }

std::string read_input(const std::filesystem::path& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return std::move(buffer).str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw parse_error({input_name(path), 0, 0}, {}, "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw parse_error({input_name(path), 0, 0}, {}, std::string("cannot open: ") + std::strerror(errno));
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw parse_error({input_name(path), 0, 0}, {}, "read error");
    return bytes;
}

}  // namespace kehoach
