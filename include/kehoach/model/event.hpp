#pragma once
/// @file External events items wait for ("Sau khi Chính phủ ban hành Nghị định").

#include <kehoach/time/date.hpp>

#include <optional>
#include <string>

namespace kehoach {

struct event {
    std::string id;
    std::string text;                 ///< what must happen
    std::optional<kehoach::date> date;  ///< when it happened, once known
};

}  // namespace kehoach
