#pragma once
// Appendix tables as extraction renders them: pipes, tabs, or the fixed-width columns of
// `pdftotext -layout`. Rows come out with their cells joined across wrapped lines.

#include "document.hpp"

#include <cstdint>
#include <optional>
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

}  // namespace kehoach::detail
