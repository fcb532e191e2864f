#pragma once
/// @file Lint: what keeps a plan from the "5 rõ" — a clear person, task, time, product and
///       responsibility for every task — and what keeps it from being scheduled at all.

#include <kehoach/diagnostic.hpp>
#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>

#include <vector>

namespace kehoach {

class calendar;

struct lint_options {
    /// The working days that decide `deadline_on_rest_day`; nullptr: calendar::vietnam().
    const kehoach::calendar* calendar = nullptr;
    /// The language of the messages lint writes. What the plan's reader found is passed through
    /// in the reader's own words.
    language lang = language::vi;
};

/**
 * @brief The findings on a plan, in document order: what its reader reported (passed through,
 *        with lint's severities) and what lint finds itself.
 *
 * Codes: `no_lead`, `support_without_lead`, `group_as_lead`, `many_leads`, `unknown_unit`,
 * `no_deadline`, `vague_deadline`, `invalid_date`, `deadline_before_issue`,
 * `deadline_on_rest_day`, `unknown_dependency`, `cycle`, `duplicate_number` (docs/lint.md says
 * what each means and why it has its severity). Tasks that name no lead or deadline take their
 * group heading's; what is written is judged on the item that writes it. Findings name the item
 * as the plan does (`mục 2.3`), quote the text at fault, and carry the item's first line when the
 * plan was read from a document (0 otherwise). A clean plan gives none.
 * @code
 * for (const auto& f : kehoach::lint(kehoach::load_plan("ke-hoach.txt")))
 *     fmt::print("{}: {}: {}\n", f.line, f.code, f.message);
 * @endcode
 */
[[nodiscard]] std::vector<diagnostic> lint(const plan& p, const lint_options& options = {});

/**
 * @brief Each plan's findings, in the portfolio's plan order, with what only the portfolio shows:
 *        `child_after_parent`, a child plan's item due after the parent plan's item it implements
 *        (reported on the child's item).
 */
[[nodiscard]] std::vector<std::vector<diagnostic>> lint(const portfolio& all, const lint_options& options = {});

}  // namespace kehoach
