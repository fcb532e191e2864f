// Fuzz target: plan documents (read_plan), and the plan@1 text of what they read.
#include "fuzz.hpp"

#include <kehoach/error.hpp>
#include <kehoach/parse/plan_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        kehoach::fuzz::check_plan_json_round_trip(kehoach::read_plan(kehoach::fuzz::as_text(data, size)));
    } catch (const kehoach::error&) {
        // Input that is no plan: the documented way to refuse it.
    }
    return 0;
}
