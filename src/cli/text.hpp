#pragma once
// What the command's text tables share: titles cut to a column (dates: kehoach::to_text).

#include <kehoach/language.hpp>
#include <kehoach/time/date.hpp>

#include "../detail/utf8.hpp"

#include <fmt/format.h>

#include <chrono>
#include <string>
#include <string_view>

namespace kehoach::cli {

using detail::clipped;

}  // namespace kehoach::cli
