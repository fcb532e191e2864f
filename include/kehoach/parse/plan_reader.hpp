#pragma once
/// @file The plan-document reader: the text of a "Kế hoạch" (from PDF, DOCX or a web page) to a plan.

#include <kehoach/limits.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach {

struct read_options {
    std::string source = "<string>";  ///< names the input in diagnostics and errors
    bool strict = false;              ///< warnings are errors: the first one is thrown as a parse_error
    /// Units known beforehand (a registry a user keeps, see load_units()): a name the document
    /// spells like one of them (unit_key(), at the plan's level) is that unit, with its id, name
    /// and kind, and is not reported unknown; only the units the document names enter the plan.
    std::vector<unit> known_units;
    read_limits limits;  ///< input size, line length, items and outline depth; crossing one is a parse_error
};

/**
 * @brief Reads the text of a plan document: front matter, outline, fields, prose assignments,
 *        appendix tables, obligations, dependencies and events (docs/reading-plans.md).
 *
 * What it dropped, guessed or could not read becomes a diagnostic with line and column in
 * `plan.diagnostics`. Throws parse_error (with line and column) for input that is no plan: empty,
 * binary, not UTF-8, over one of `options.limits`, or no task at all.
 * @code
 * auto plan = kehoach::read_plan(text, {.source = "ke-hoach-24.txt"});
 * @endcode
 */
[[nodiscard]] plan read_plan(std::string_view text, const read_options& options = {});

/**
 * @brief Reads an appendix table ("Phụ lục") given cell by cell — a spreadsheet's rows — as the
 *        reader reads a document's appendix tables: the same headers, numbering, units and deadlines.
 *
 * The first row whose cells read as a header (`STT`, `Nội dung`, `Đơn vị chủ trì`, `Thời gian`
 * ...) heads the table; rows above it are passed over. Row `i` of `rows` is line `i + 1` in
 * diagnostics and errors. A table has no front matter: `info` gives the plan's number, issuer,
 * date and title (the issuer tells the plan's level, as in a document). Throws parse_error for
 * invalid UTF-8, a cell right of the header's last column, no header row, or no task.
 * @code
 * std::vector<std::vector<std::string>> rows{{"STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"},
 *                                            {"1", "Rà soát hồ sơ", "Công an xã", "Quý II/2024"}};
 * auto plan = kehoach::read_plan_table(rows, {.issuer = "Ủy ban nhân dân xã Ia Mơ"});
 * @endcode
 */
[[nodiscard]] plan read_plan_table(std::span<const std::vector<std::string>> rows, const plan_info& info = {},
                                   const read_options& options = {});

/// read_plan_table() of a CSV table (RFC 4180 as spreadsheets write it: a byte-order mark, CRLF,
/// quoted cells with commas and line breaks). Errors give the line and column in the CSV text.
[[nodiscard]] plan read_plan_csv(std::string_view text, const plan_info& info = {}, const read_options& options = {});

/// Reads a plan file: plan@1 JSON, a plan document (.txt, .md), or an appendix table (.csv, see
/// read_plan_csv()). "-" reads standard input.
[[nodiscard]] plan load_plan(const std::filesystem::path& path, read_options options = {});

/// Reads every plan of a folder (`.json`, `.txt`, `.md`, in name order; other files are left
/// alone) into a portfolio, whose `implements` links then resolve. Throws kehoach::error for a
/// folder without plans, and parse_error naming the file that cannot be read.
[[nodiscard]] portfolio load_portfolio(const std::filesystem::path& folder, const read_options& options = {});

}  // namespace kehoach
