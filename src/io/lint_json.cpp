#include <kehoach/io/lint_json.hpp>

#include <kehoach/error.hpp>

#include "../detail/json_writer.hpp"

#include <fmt/format.h>

#include <array>

namespace kehoach {

std::string to_lint_json(std::span<const plan> plans, std::span<const std::vector<diagnostic>> findings) {
    if (plans.size() != findings.size())
        throw error(fmt::format("{} plans but {} lists of findings", plans.size(), findings.size()));
    nlohmann::ordered_json root;
    root["schema"] = lint_schema;
    auto& out = root["plans"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < plans.size(); ++k) {
        nlohmann::ordered_json o;
        o["number"] = plans[k].info.number;
        o["issuer"] = plans[k].info.issuer;
        std::array<std::size_t, 3> counts{};
        for (const auto& d : findings[k]) ++counts[static_cast<std::size_t>(d.severity)];
        o["errors"] = counts[0];
        o["warnings"] = counts[1];
        o["info"] = counts[2];
        o["findings"] = detail::write_diagnostics(findings[k]);
        out.push_back(std::move(o));
    }
    return detail::dump(root);
}

}  // namespace kehoach
