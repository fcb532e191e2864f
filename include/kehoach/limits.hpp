#pragma once
/// @file How much one reader takes in: bounds that real plans never reach, so that no input exhausts memory or the stack.

#include <cstddef>

namespace kehoach {

/**
 * @brief Bounds on one input, shared by every reader: plan documents, tables (CSV), plan@1 and
 *        units@1 JSON, status logs (docs/hardening.md#limits).
 *
 * Crossing one is a parse_error at the line and column where it was crossed, naming the limit
 * and how to raise it. The command takes them as `--max-input-bytes`, `--max-line-length`,
 * `--max-items`, `--max-depth`; Python as keyword arguments of the same names.
 * @code
 * auto plan = kehoach::read_plan(text, {.source = "ke-hoach.txt", .limits = {.max_items = 1000}});
 * @endcode
 */
struct read_limits {
    /// Bytes of one input. A commune's plan is about 30 KB; a status log of a national portfolio
    /// over years, tens of millions of rows, a few hundred MB.
    std::size_t max_input_bytes = std::size_t{1} << 30;
    /// Bytes of one line of a document or a CSV file (JSON may be written on one line).
    std::size_t max_line_length = 64 * 1024;
    /// Items of one plan (a document's headings, a table's rows, plan@1's items), units of a
    /// registry, rows of a status log: elements of any one JSON array. The synthetic national portfolio has 2.6M items,
    /// spread over ten thousand plans.
    std::size_t max_items = 50'000'000;
    /// Levels of a document's outline, nesting of JSON arrays and objects. Plans use about six
    /// (I. 1. 1.1. a) - +), plan@1 five.
    std::size_t max_depth = 64;
};

}  // namespace kehoach
