#include <kehoach/model/portfolio.hpp>

#include <kehoach/error.hpp>
#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace kehoach {

plan_index portfolio::add(plan p) {
    plans_.push_back(std::move(p));
    return static_cast<plan_index>(plans_.size() - 1);
}

void portfolio::link(implements_link l) {
    if (l.child_plan >= plans_.size() || l.parent_plan >= plans_.size())
        throw validation_error("implements link: plan index does not exist");
    if (l.child_item >= plans_[l.child_plan].size() || l.parent_item >= plans_[l.parent_plan].size())
        throw validation_error("implements link: item index does not exist");
    if (l.child_plan == l.parent_plan) throw validation_error("implements link: an item cannot implement its own plan");
    explicit_links_.push_back(l);
}

std::vector<plan_index> portfolio::plans_numbered(std::string_view number) const {
    std::vector<plan_index> found;
    for (plan_index i = 0; i < plans_.size(); ++i)
        if (plans_[i].info.number == number) found.push_back(i);
    return found;
}

std::optional<plan_index> portfolio::pick(std::span<const plan_index> candidates, std::string_view issuer) const {
    std::optional<plan_index> found;
    const std::string issuer_key = issuer.empty() ? std::string{} : name_key(issuer);
    for (auto i : candidates) {
        if (!issuer.empty() && name_key(plans_[i].info.issuer) != issuer_key) continue;
        if (found) return std::nullopt;
        found = i;
    }
    return found;
}

std::optional<plan_index> portfolio::find_plan(std::string_view number, std::string_view issuer) const {
    return pick(plans_numbered(number), issuer);
}

portfolio::resolution portfolio::resolve() const {
    std::unordered_map<std::string, std::vector<plan_index>> by_number;
    for (plan_index i = 0; i < plans_.size(); ++i) by_number[plans_[i].info.number].push_back(i);

    resolution out{explicit_links_, {}};
    for (plan_index c = 0; c < plans_.size(); ++c) {
        const auto& child = plans_[c];
        for (item_index i = 0; i < child.size(); ++i) {
            for (const auto& ref : child[i].implements) {
                auto fail = [&](std::string reason) { out.unresolved.push_back({c, i, ref, std::move(reason)}); };
                const auto declared = std::find_if(child.info.parents.begin(), child.info.parents.end(),
                                                   [&](const parent_plan& p) { return p.number == ref.plan; });
                const std::string_view issuer =
                    declared == child.info.parents.end() ? std::string_view{} : std::string_view{declared->issuer};
                const auto numbered = by_number.find(ref.plan);
                const auto parent = numbered == by_number.end() ? std::nullopt : pick(numbered->second, issuer);
                if (!parent) {
                    fail(fmt::format("no single plan numbered '{}'{} in the portfolio", ref.plan,
                                     issuer.empty() ? "" : fmt::format(" issued by '{}'", issuer)));
                    continue;
                }
                const auto target = plans_[*parent].find_item(ref.item);
                if (!target) {
                    fail(fmt::format("plan '{}' has no item '{}'", ref.plan, ref.item));
                    continue;
                }
                out.links.push_back({c, i, *parent, *target});
            }
        }
    }
    auto key = [](const implements_link& l) {
        return std::tuple{l.child_plan, l.child_item, l.parent_plan, l.parent_item};
    };
    std::sort(out.links.begin(), out.links.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    out.links.erase(std::unique(out.links.begin(), out.links.end()), out.links.end());
    return out;
}

std::vector<implements_link> portfolio::links() const { return resolve().links; }

std::vector<unresolved_link> portfolio::unresolved() const { return resolve().unresolved; }

}  // namespace kehoach
