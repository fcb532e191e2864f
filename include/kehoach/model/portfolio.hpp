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

private:
    struct resolution {
        std::vector<implements_link> links;
        std::vector<unresolved_link> unresolved;
    };
    [[nodiscard]] resolution resolve() const;
    [[nodiscard]] std::vector<plan_index> plans_numbered(std::string_view number) const;
    /// The one candidate issued by `issuer` (any, when empty); nullopt when none or several.
    [[nodiscard]] std::optional<plan_index> pick(std::span<const plan_index> candidates, std::string_view issuer) const;

    std::vector<plan> plans_;
    std::vector<implements_link> explicit_links_;
};

}  // namespace kehoach
