#pragma once
/// @file A plan or portfolio as a Graphviz DOT graph: items, sections, dependencies, the critical path.

#include <kehoach/graph/schedule.hpp>
#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>

#include <cstddef>
#include <string>

namespace kehoach {

struct dot_options {
    language lang = language::vi;
    /// Characters of an item's title kept in its box; a longer title is cut with an ellipsis.
    std::size_t title_length = 40;
    /// Draw redacted(p): no personal name in titles, units or events (docs/hardening.md#privacy).
    bool redact = false;
};

/**
 * @brief The plan as a Graphviz digraph (docs/exports.md): a box per task ("1.2" and its title, cut
 *        short), a cluster per section (group item, nested as the plan nests them), a note per
 *        event; an edge from each prerequisite to what waits for it, styled by type (start-to-start
 *        and finish-to-finish dashed and labelled, after an event dotted).
 *
 * Given the plan's schedule (plan_graph::of(p).schedule(...)), critical items and the edges
 * between them on a critical path are drawn red and bold. Every string is escaped, so no title
 * can break the DOT. Throws kehoach::error when the schedule is not of this plan's size.
 * @code
 * auto s = kehoach::plan_graph::of(plan).schedule(kehoach::calendar::vietnam());
 * kehoach::write_file_atomically("ke-hoach.dot", kehoach::to_dot(plan, &s));  // dot -Tsvg ke-hoach.dot
 * @endcode
 */
[[nodiscard]] std::string to_dot(const plan& p, const schedule* s = nullptr, const dot_options& options = {});

/// A portfolio: a cluster per plan around its sections, and an edge from each child plan's item
/// to the parent plan's item it implements. The schedule, if given, is of plan_graph::of(all).
[[nodiscard]] std::string to_dot(const portfolio& all, const schedule* s = nullptr, const dot_options& options = {});

}  // namespace kehoach
