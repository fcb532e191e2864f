#pragma once
/// @file The language of what users read: labels, findings, reports.

#include <cstdint>

namespace kehoach {

/// Vietnamese is what users hand in; English is on request.
enum class language : std::uint8_t { vi, en };

}  // namespace kehoach
