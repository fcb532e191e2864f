// Fuzz target: plan@1 JSON (parse_plan_json); a plan that reads must write text that reads back
// to the same text.
#include "fuzz.hpp"

#include <kehoach/error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        kehoach::fuzz::check_plan_json_round_trip(kehoach::parse_plan_json(kehoach::fuzz::as_text(data, size)));
    } catch (const kehoach::error&) {
    }
    return 0;
}
