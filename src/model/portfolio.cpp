#include <kehoach/model/portfolio.hpp>

#include <kehoach/error.hpp>
#include <kehoach/text/normalize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
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

std::vector<std::vector<plan_index>> portfolio::all_parents() const {
    std::unordered_map<std::string, std::vector<plan_index>> by_number;
    for (plan_index i = 0; i < plans_.size(); ++i) by_number[plans_[i].info.number].push_back(i);
    std::vector<std::vector<plan_index>> parents(plans_.size());
    for (plan_index c = 0; c < plans_.size(); ++c)
        for (const auto& declared : plans_[c].info.parents) {
            const auto numbered = by_number.find(declared.number);
            if (numbered == by_number.end()) continue;
            if (const auto parent = pick(numbered->second, declared.issuer); parent && *parent != c) parents[c].push_back(*parent);
        }
    return parents;
}

std::vector<plan_index> portfolio::parents_of(plan_index child) const { return all_parents().at(child); }

std::vector<coverage_gap> portfolio::coverage() const {
    const auto parents = all_parents();
    std::vector<std::vector<plan_index>> children(plans_.size());
    for (plan_index c = 0; c < plans_.size(); ++c)
        for (auto p : parents[c]) children[p].push_back(c);
    // (parent plan, parent item) -> the child plans that implement it
    std::map<std::pair<plan_index, item_index>, std::set<plan_index>> covered;
    for (const auto& l : links()) covered[{l.parent_plan, l.parent_item}].insert(l.child_plan);
    std::vector<coverage_gap> gaps;
    for (plan_index p = 0; p < plans_.size(); ++p) {
        if (children[p].empty()) continue;
        for (item_index i = 0; i < plans_[p].size(); ++i) {
            if (plans_[p][i].kind != item_kind::task) continue;
            const auto found = covered.find({p, i});
            coverage_gap gap{p, i, {}};
            for (auto c : children[p])
                if (found == covered.end() || !found->second.contains(c)) gap.missing.push_back(c);
            if (!gap.missing.empty()) gaps.push_back(std::move(gap));
        }
    }
    return gaps;
}

namespace {

/// A title's words, lowercased: what two plans' wordings of the same task share.
std::set<std::string> title_words(std::string_view title) {
    const auto lower = lower_in_place(to_nfc(title));
    std::set<std::string> words;
    std::size_t at = 0;
    while (at < lower.size()) {
        // ASCII separators only: a byte of a multi-byte dash is also a byte of letters.
        const auto end = lower.find_first_of(" ,.;:()-/\"", at);
        const auto word = lower.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (word.size() > 1 && word != "–" && word != "—") words.insert(word);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return words;
}

}  // namespace

std::vector<link_suggestion> portfolio::suggest_links(double min_score) const {
    const auto parents = all_parents();
    std::set<std::pair<plan_index, item_index>> linked;  // child items linked to something already
    for (const auto& l : links()) linked.insert({l.child_plan, l.child_item});
    std::vector<link_suggestion> out;
    for (plan_index c = 0; c < plans_.size(); ++c) {
        for (auto p : parents[c]) {
            const auto& parent = plans_[p];
            std::vector<std::set<std::string>> parent_words;
            for (const auto& it : parent.items()) parent_words.push_back(title_words(it.title));
            for (item_index i = 0; i < plans_[c].size(); ++i) {
                const auto& it = plans_[c][i];
                if (it.kind != item_kind::task || linked.contains({c, i})) continue;
                const auto words = title_words(it.title);
                std::optional<link_suggestion> best;
                for (item_index j = 0; j < parent.size(); ++j) {
                    if (parent[j].kind != item_kind::task) continue;
                    std::size_t shared = 0;
                    for (const auto& w : words) shared += parent_words[j].count(w);
                    const auto all = words.size() + parent_words[j].size() - shared;
                    const double overlap = all ? static_cast<double>(shared) / static_cast<double>(all) : 0.0;
                    const bool same_number = !it.number.empty() && it.number == parent[j].number;
                    const double score = std::min(1.0, overlap + (same_number ? 0.3 : 0.0));
                    if (score < min_score || (best && score <= best->score)) continue;
                    std::string reason = fmt::format("{} of {} title words shared", shared, all);
                    if (same_number) reason = fmt::format("same number {}; {}", it.number, reason);
                    best = link_suggestion{{c, i, p, j}, score, std::move(reason)};
                }
                if (best) out.push_back(std::move(*best));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    return out;
}

std::vector<unresolved_link> portfolio::unresolved() const { return resolve().unresolved; }

}  // namespace kehoach
