#pragma once
/// @file Many plans, and the `implements` links from items of child plans to items of their parents.

#include <kehoach/model/plan.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

using plan_index = std::uint32_t;

/// A child plan's item carries out a parent plan's item.
struct implements_link {
    plan_index child_plan = 0;
    item_index child_item = 0;
    plan_index parent_plan = 0;
    item_index parent_item = 0;

    friend bool operator==(const implements_link&, const implements_link&) = default;
};

/// An `implements` reference that names no plan or item of the portfolio.
struct unresolved_link {
    plan_index child_plan = 0;
    item_index child_item = 0;
    implements_ref ref;
    std::string reason;
};

/// A task of a parent plan that some of the plans implementing that plan carry out nothing of.
struct coverage_gap {
    plan_index parent_plan = 0;
    item_index parent_item = 0;
    std::vector<plan_index> missing;  ///< the child plans with no item implementing it
};

/// A link that looks likely, for someone to review: never applied by itself.
struct link_suggestion {
    implements_link link;
    double score = 0;    ///< 0..1: shared title words, and the same number
    std::string reason;  ///< "same number 2.1; 5 of 7 title words shared"
};

/**
 * @brief Plans that cascade (province → district → commune), linked item to item.
 *
 * A plan is known by its number and issuer. An item's `implements` reference names a parent plan
 * by number; the child's own `parents` entry with that number says which issuer is meant, so two
 * districts' plans both numbered "39/KH-UBND" are told apart.
 * @code
 * portfolio all;
 * auto district = all.add(load_plan_json("district.plan.json"));
 * auto commune = all.add(load_plan_json("commune.plan.json"));
 * for (const auto& link : all.links()) ...
 * @endcode
 */
class portfolio {
public:
    plan_index add(plan p);
    /// Links an item of one plan to the parent-plan item it implements, beside those the plans state.
    void link(implements_link l);

    [[nodiscard]] std::span<const plan> plans() const noexcept { return plans_; }
    [[nodiscard]] const plan& operator[](plan_index index) const { return plans_.at(index); }
    [[nodiscard]] std::size_t size() const noexcept { return plans_.size(); }

    /// The plan with this number (and issuer, compared as names are: see name_key()), if exactly one.
    [[nodiscard]] std::optional<plan_index> find_plan(std::string_view number, std::string_view issuer = {}) const;

    /// Every link, sorted and without repeats: those given to link() and those the items'
    /// `implements` references resolve to.
    [[nodiscard]] std::vector<implements_link> links() const;
    /// The `implements` references that resolve to nothing, with the reason.
    [[nodiscard]] std::vector<unresolved_link> unresolved() const;
    /// The plans of the portfolio a plan implements, as its `parents` name them.
    [[nodiscard]] std::vector<plan_index> parents_of(plan_index child) const;
    /// For each task of a plan that others implement, the implementing plans that carry out
    /// nothing of it (by links stated or given); tasks every child covers are left out.
    [[nodiscard]] std::vector<coverage_gap> coverage() const;
    /// For each task of a child plan linked to nothing of a parent plan, the parent's task it most
    /// likely implements — by title words shared and the same number — when the score reaches
    /// `min_score`; best first. For review: link() applies the ones a person accepts.
    [[nodiscard]] std::vector<link_suggestion> suggest_links(double min_score = 0.5) const;

private:
    struct resolution {
        std::vector<implements_link> links;
        std::vector<unresolved_link> unresolved;
    };
    [[nodiscard]] resolution resolve() const;
    /// The parents of every plan, found through one index by number.
    [[nodiscard]] std::vector<std::vector<plan_index>> all_parents() const;
    [[nodiscard]] std::vector<plan_index> plans_numbered(std::string_view number) const;
    /// The one candidate issued by `issuer` (any, when empty); nullopt when none or several.
    [[nodiscard]] std::optional<plan_index> pick(std::span<const plan_index> candidates, std::string_view issuer) const;

    std::vector<plan> plans_;
    std::vector<implements_link> explicit_links_;
};

}  // namespace kehoach
