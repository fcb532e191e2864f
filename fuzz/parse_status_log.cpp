// Fuzz target: status logs (parse_status_log), CSV or JSON, validated and resolved against a
// small fixed plan; what reads must write CSV and JSON that read back to the same rows.
#include "fuzz.hpp"

#include <kehoach/error.hpp>
#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/track/status_log.hpp>

#include <algorithm>

namespace {

const kehoach::plan& fixed_plan() {
    static const auto p = kehoach::read_plan(R"(ỦY BAN NHÂN DÂN
XÃ IA MƠ
Số: 12/KH-UBND
Ia Mơ, ngày 07 tháng 4 năm 2023

KẾ HOẠCH
Rà soát hồ sơ

I. NHIỆM VỤ
1. Rà soát hồ sơ tồn đọng
Đơn vị chủ trì: Công an xã
Thời gian: Trong quý II/2023
2. Báo cáo kết quả
Đơn vị chủ trì: Công an xã
Thời gian: trước ngày 12 hàng tháng
3. Triển khai dịch vụ công trực tuyến
Đơn vị chủ trì: Văn phòng HĐND - UBND xã
Thời gian: Sau khi Chính phủ ban hành Nghị định
)",
                                             {.source = "fixed.txt"});
    return p;
}

// The rows as written, without where they were read: a rewritten log puts them on other lines.
bool same_rows(const kehoach::status_log& a, const kehoach::status_log& b) {
    return std::ranges::equal(a.updates(), b.updates(), [](auto x, auto y) {
        x.line = y.line = 0;
        return x == y;
    });
}

void check_rewrite(const kehoach::status_log& log, const std::string& text) {
    try {
        if (!same_rows(log, kehoach::parse_status_log(text, "<rewrite>"))) kehoach::fuzz::fail("rows differ", text);
    } catch (const kehoach::error& e) {
        kehoach::fuzz::fail(e.what(), text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& p = fixed_plan();
    try {
        const auto log = kehoach::parse_status_log(kehoach::fuzz::as_text(data, size));
        (void)log.validate(p);
        (void)kehoach::resolve(log, p);
        check_rewrite(log, kehoach::status_csv(log));
        check_rewrite(log, kehoach::status_json(log));
    } catch (const kehoach::error&) {
    }
    return 0;
}
