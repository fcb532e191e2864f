// Fuzz target: appendix tables as CSV (read_plan_csv, through read_plan_table), and the plan@1
// text of what they read.
#include "fuzz.hpp"

#include <kehoach/error.hpp>
#include <kehoach/parse/plan_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The issuer sets the plan's level, which decides how unit names read.
    static const kehoach::plan_info info{.issuer = "Ủy ban nhân dân xã Ia Mơ", .number = "12/KH-UBND",
                                         .date = kehoach::make_date(2023, 4, 7)};
    try {
        kehoach::fuzz::check_plan_json_round_trip(kehoach::read_plan_csv(kehoach::fuzz::as_text(data, size), info));
    } catch (const kehoach::error&) {
    }
    return 0;
}
