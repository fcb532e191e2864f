#include <kehoach/error.hpp>

#include <fmt/format.h>

namespace kehoach {
namespace {

std::string compose(const source_location& where, const std::string& path, const std::string& message) {
    std::string out = where.source.empty() ? std::string("<input>") : where.source;
    if (where.line > 0) {
        out += fmt::format(":{}", where.line);
        if (where.column > 0) out += fmt::format(":{}", where.column);
    }
    out += ": ";
    if (!path.empty()) out += path + ": ";
    return out + message;
}

}  // namespace

parse_error::parse_error(source_location where, std::string path, std::string message)
    : error(compose(where, path, message)),
      where_(std::move(where)),
      path_(std::move(path)),
      message_(std::move(message)) {}

}  // namespace kehoach
