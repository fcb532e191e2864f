#pragma once
// Appendix tables as extraction renders them: pipes, tabs, or the fixed-width columns of
// `pdftotext -layout`. Rows come out with their cells joined across wrapped lines.

#include "../detail/csv.hpp"
#include "document.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kehoach::detail {

/// What a column holds, found by its header.
enum class column : std::uint8_t { number, content, lead, support, monitor, deadline, targets, note };

struct table_row {
    std::size_t first_line = 0;  // 1-based lines of the input
    std::size_t last_line = 0;
    std::vector<std::string> cells;
};

struct table {
    std::size_t first_index = 0;  // indices into document::lines, header included
    std::size_t last_index = 0;
    std::vector<std::optional<column>> columns;
    std::vector<table_row> rows;

    [[nodiscard]] std::optional<std::size_t> column_of(column c) const;
};

[[nodiscard]] std::vector<table> find_tables(const document& doc);

/// A table given cell by cell (a CSV file, a spreadsheet's sheet; a cell says where it stands): the
/// first row that reads as a header heads it, as in find_tables(); each later row is a row, but
/// blank rows and the header repeated. Throws parse_error at the cell for invalid UTF-8 and for a
/// cell right of the header's last column, and when no row reads as a header.
[[nodiscard]] table table_of_cells(std::span<const std::vector<csv_cell>> rows, const std::string& source);

}  // namespace kehoach::detail
