#pragma once
// CSV as RFC 4180 writes it, for every table kehoach writes.

#include <string>
#include <string_view>

namespace kehoach::detail {

/// Appends a field: quoted when it holds a comma, a quote or a line break, quotes doubled.
inline void csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace kehoach::detail
