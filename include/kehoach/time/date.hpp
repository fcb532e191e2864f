#pragma once
/// @file Calendar dates: std::chrono::sys_days, read and written as ISO `YYYY-MM-DD`.

#include <kehoach/language.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kehoach {

/// A calendar date. Days since 1970-01-01, so dates subtract and compare as integers.
using date = std::chrono::sys_days;

/// The date `YYYY-MM-DD` names, or nullopt if the text is not exactly that form or no such day exists.
[[nodiscard]] std::optional<date> parse_iso_date(std::string_view text) noexcept;

/// The month `YYYY-MM` names, or nullopt if the text is not exactly that form.
[[nodiscard]] std::optional<std::chrono::year_month> parse_iso_month(std::string_view text) noexcept;

/// The date as `YYYY-MM-DD` (years 0..9999).
[[nodiscard]] std::string to_iso(date day);

/// Today in Vietnam (UTC+7, no daylight saving): what "as of today" means to the plans' users,
/// wherever the computer's clock is set.
[[nodiscard]] date today_in_vietnam();

/// The date as its reader writes it: `07/04/2023` in Vietnamese, ISO in English.
[[nodiscard]] std::string to_text(date day, language lang);

/// The date year-month-day, or nullopt when no such day exists (`31/02`).
[[nodiscard]] std::optional<date> make_date(int year, unsigned month, unsigned day) noexcept;

}  // namespace kehoach
