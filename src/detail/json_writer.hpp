#pragma once
// What every JSON writer of kehoach shares: diagnostics as plan@1 writes them, and the text layout.

#include <kehoach/diagnostic.hpp>
#include <kehoach/error.hpp>

#include <fmt/format.h>
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

/// Two-space indents, UTF-8 as is, a final newline. Invalid UTF-8 (a string given through the API,
/// or a deadline phrase kept as written) throws kehoach::error rather than being mangled.
inline std::string dump(const nlohmann::ordered_json& root) {
    try {
        return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
    } catch (const nlohmann::ordered_json::type_error& e) {
        // 316 is nlohmann's only error while dumping: a string that is not UTF-8.
        throw error(fmt::format("cannot write JSON: a text is not valid UTF-8 ({})", e.what()));
    }
}

}  // namespace kehoach::detail
