#pragma once
// A year's days off and make-up working days as a terminal table, in Vietnamese or English.

#include "summary_text.hpp"

#include <kehoach/time/calendar.hpp>

#include <string>

namespace kehoach::cli {

[[nodiscard]] std::string calendar_text(const calendar& cal, int year, language lang);

}  // namespace kehoach::cli
