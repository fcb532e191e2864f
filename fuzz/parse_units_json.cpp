// Fuzz target: registries of units (parse_units_json), units@1 or plan@1, and a document read
// with the units they give as known ones.
#include "fuzz.hpp"

#include <kehoach/error.hpp>
#include <kehoach/parse/plan_reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A small document naming units, so that the registry's names are matched against something.
    static constexpr std::string_view document = R"(ỦY BAN NHÂN DÂN
XÃ IA MƠ
Số: 12/KH-UBND
Ia Mơ, ngày 07 tháng 4 năm 2023

KẾ HOẠCH
Rà soát hồ sơ

1. Rà soát hồ sơ tồn đọng
Đơn vị chủ trì: Công an xã
Đơn vị phối hợp: Văn phòng HĐND - UBND xã; Hội Nông dân xã
Thời gian: Trong quý II/2023
)";
    try {
        auto units = kehoach::parse_units_json(kehoach::fuzz::as_text(data, size));
        kehoach::fuzz::check_plan_json_round_trip(
            kehoach::read_plan(document, {.known_units = std::move(units)}));
    } catch (const kehoach::error&) {
    }
    return 0;
}
