#pragma once
// What every JSON writer of kehoach shares: diagnostics as plan@1 writes them, and the text layout.

#include <kehoach/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kehoach::detail {

inline nlohmann::ordered_json write_diagnostics(const std::vector<diagnostic>& diagnostics) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
        nlohmann::ordered_json o;
        o["severity"] = to_string(d.severity);
        o["code"] = d.code;
        if (!d.item.empty()) o["item"] = d.item;
        if (d.line) o["line"] = d.line;
        if (d.column) o["column"] = d.column;
        o["message"] = d.message;
        out.push_back(std::move(o));
    }
    return out;
}

/// Two-space indents, UTF-8 as is, a final newline; invalid UTF-8 throws rather than being mangled.
inline std::string dump(const nlohmann::ordered_json& root) {
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace kehoach::detail
