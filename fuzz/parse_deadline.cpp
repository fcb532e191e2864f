// Fuzz target: deadline phrases (parse_deadline), without an issue date and with one, and the
// JSON of what they read.
#include "fuzz.hpp"

#include <kehoach/error.hpp>
#include <kehoach/time/deadline.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = kehoach::fuzz::as_text(data, size);
    static const auto issued = kehoach::make_date(2023, 4, 7);
    try {
        (void)kehoach::to_deadline_json(kehoach::parse_deadline(text));
        (void)kehoach::to_deadline_json(kehoach::parse_deadline(text, issued));
    } catch (const kehoach::error&) {
    }
    return 0;
}
