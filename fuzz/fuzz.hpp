#pragma once
/// @file What every fuzz target shares: the input as text, and the property checks that abort.

#include <kehoach/error.hpp>
#include <kehoach/io/plan_json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace kehoach::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A broken property is a finding like a crash: abort, so that libFuzzer keeps the input and the
/// replay fails.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "property broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

/// to_plan_json() promises that its text reads back to the same plan and the same text. Every
/// reader's plan goes through it, so a reader that builds a plan its own format cannot hold is found.
inline void check_plan_json_round_trip(const plan& p) {
    const auto text = to_plan_json(p);
    std::string again;
    try {
        again = to_plan_json(parse_plan_json(text, "<round-trip>"));
    } catch (const error& e) {
        fail(e.what(), text);
    }
    if (again != text) fail("to_plan_json(parse_plan_json(text)) != text", text + "\n----\n" + again);
}

}  // namespace kehoach::fuzz
