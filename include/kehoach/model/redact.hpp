#pragma once
/// @file A plan with the names of people taken out, for exports and reports that leave the office.

#include <kehoach/language.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

/// What a name is replaced by: "[đã ẩn]", or "[redacted]" in English.
[[nodiscard]] std::string_view redaction_mark(language lang);

/// The people a plan names: its signer, and the names of two syllables or more personal_names()
/// finds in any of its text.
[[nodiscard]] std::vector<std::string> personal_names(const plan& p);

/**
 * @brief The plan with no personal name left (docs/hardening.md#privacy): the signer's name is
 *        dropped (the title and authority stay), and every name of personal_names(p) becomes
 *        redaction_mark(lang) wherever it stands — the plan's fields, the units' names and aliases,
 *        the items' titles, text, notes, targets and deadline phrases, the events and the
 *        diagnostics. Ids, numbers, dates, roles and dependencies stay, so everything computed from
 *        it (schedule, lint, snapshot) is the same but for the names; a unit whose name held one gets
 *        the id "redacted-N" (N its index), since ids are made from names.
 * @code
 * kehoach::write_file_atomically("ke-hoach.json", kehoach::to_plan_json(kehoach::redacted(plan)));
 * @endcode
 */
[[nodiscard]] plan redacted(const plan& p, language lang = language::vi);

/// Each plan of the portfolio redacted, with the same links.
[[nodiscard]] portfolio redacted(const portfolio& all, language lang = language::vi);

}  // namespace kehoach
