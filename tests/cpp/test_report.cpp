#include <kehoach/io/report.hpp>
#include <kehoach/error.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/parse/plan_reader.hpp>

#include <catch2/catch.hpp>

using namespace kehoach;
using namespace std::chrono;
using Catch::Matchers::Contains;

namespace {

const std::string fixtures = KEHOACH_SOURCE_DIR "/tests/data/tracking/";

const plan& ia_mo() {
    static const plan p = load_plan(fixtures + "ia-mo-2023.txt");
    return p;
}

const status_log& ia_mo_log() {
    static const status_log log = read_status_log(fixtures + "ia-mo-2023.status.csv");
    return log;
}

std::string mid_june(const status_log& log, report_options o = {}) {
    o.month = 2023y / June;
    o.as_of = *make_date(2023, 6, 15);
    return monthly_report(ia_mo(), log, o);
}

/// The text of a section, from its heading to the next one.
std::string section(const std::string& report, std::string_view heading) {
    const auto at = report.find(heading);
    REQUIRE(at != std::string::npos);
    return report.substr(at, report.find("\n## ", at + 1) - at);
}

}  // namespace

// The values are those tests/cpp/test_track.cpp works out by hand as of Thursday 15/6/2023.
TEST_CASE("the monthly report puts each task in its section, with working days and rates", "[report]") {
    const auto md = mid_june(ia_mo_log());
    CHECK(md.starts_with("# Báo cáo kết quả thực hiện Kế hoạch số 31/KH-UBND tháng 6/2023\n"));
    CHECK_THAT(md, Contains("Kế hoạch số 31/KH-UBND ngày 07/04/2023 của Ủy ban nhân dân xã Ia Mơ: Thực hiện các nhiệm vụ"));
    CHECK_THAT(md, Contains("Người ký kế hoạch: TM. Ủy ban nhân dân, Chủ tịch Lê Văn Bình"));
    CHECK_THAT(md, Contains("Số liệu tính đến ngày 15/06/2023."));

    const auto overview = section(md, "## I. Kết quả chung");
    CHECK_THAT(overview, Contains("| Hoàn thành đúng hạn | 1 |"));
    CHECK_THAT(overview, Contains("| Đang thực hiện, trong hạn | 2 |"));
    CHECK_THAT(overview, Contains("| Quá hạn, chưa hoàn thành | 1 |"));
    CHECK_THAT(overview, Contains("| Thường xuyên | 2 |"));
    CHECK_THAT(overview, Contains("| Tổng số | 8 |"));
    // Due: II.1.2 done on time and II.1.1 overdue; the rest is not due, waiting, ongoing or under way.
    CHECK_THAT(overview, Contains("Tỷ lệ hoàn thành đúng hạn: 1/2 nhiệm vụ đã đến hạn (50,0%). Tỷ lệ hoàn thành: 1/2 (50,0%)."));

    const auto due = section(md, "## II. Nhiệm vụ đến hạn trong tháng 6/2023");
    CHECK_THAT(due, Contains("| II.1.3 Tập huấn cán bộ một cửa về tiếp nhận hồ sơ trực tuyến | Văn phòng – Thống kê xã | "
                             "30/06/2023 | Đang thực hiện, trong hạn, còn 11 ngày làm việc, 40% |"));
    CHECK_THAT(due, !Contains("II.1.1"));

    CHECK_THAT(section(md, "## III. Nhiệm vụ hoàn thành đúng hạn"), Contains("Không có."));
    CHECK_THAT(section(md, "## IV. Nhiệm vụ hoàn thành quá hạn"), Contains("Không có."));

    const auto overdue = section(md, "## V. Nhiệm vụ quá hạn");
    CHECK_THAT(overdue, Contains("| II.1.1 Lập danh sách hộ gia đình chưa được cấp căn cước | 31/03/2023 | 51 | "
                                 "Đơn vị chủ trì: Công an xã; Cơ quan thường trực: Công an xã; "
                                 "Người ký kế hoạch: TM. Ủy ban nhân dân, Chủ tịch Lê Văn Bình |"));

    CHECK_THAT(section(md, "## VI. Nhiệm vụ đến hạn trong tháng 7/2023"), Contains("Không có."));

    // June's report was due Monday 12/6 and came on 14/6; April's never came, May's was on time.
    const auto recurring = section(md, "## VII.");
    CHECK_THAT(recurring, Contains("| 12/06/2023 | 14/06/2023 | Chậm |"));
    CHECK_THAT(recurring, Contains("| Văn phòng – Thống kê xã | 0/1/0 | 0,0% | 1/1/1 | 33,3% |"));
    CHECK_THAT(recurring, Contains("| II.2.2 Phổ biến tiện ích của tài khoản định danh điện tử tại các thôn | "
                                   "Công chức Văn hóa – Thông tin xã | 01/06/2023 |"));

    // The police lead II.1.1 (overdue), II.2.1 (waiting) and III.1 (in progress, stale).
    const auto units = section(md, "## VIII.");
    CHECK_THAT(units, Contains("| Công an xã | 3 | 0 | 0 | 1 | 1 | 0 | 1 | 0 | 0 | 0,0% | 0,0% | 2 |"));
    CHECK_THAT(units, Contains("| Công chức Tư pháp – Hộ tịch xã | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 100,0% | 100,0% | 0 |"));
    CHECK_THAT(units, Contains("Đơn vị phối hợp:"));

    const auto stale = section(md, "## IX. Nhiệm vụ chậm cập nhật (quá 30 ngày");
    CHECK_THAT(stale, Contains("| II.1.1 Lập danh sách hộ gia đình chưa được cấp căn cước | Công an xã | chưa có báo cáo |"));
    CHECK_THAT(stale, !Contains("II.1.3"));

    const auto updates = section(md, "## X. Cập nhật trong tháng");
    CHECK_THAT(updates, Contains("| 10/06/2023 | II.1.3 Tập huấn cán bộ một cửa về tiếp nhận hồ sơ trực tuyến | Đang thực hiện | "
                                 "40% | Đã tập huấn 2 buổi, còn 3 buổi |"));
    CHECK_THAT(updates, !Contains("Báo cáo tháng 5"));
}

TEST_CASE("work done in the month is listed on time or late, and next month's work ahead", "[report]") {
    SECTION("May, as of its last day by default") {
        const auto md = monthly_report(ia_mo(), ia_mo_log(), {.month = 2023y / May});
        CHECK_THAT(md, Contains("Số liệu tính đến ngày 31/05/2023."));
        // Due "before 30/4", rolled past the holidays to Thursday 4/5, and done that day.
        CHECK_THAT(section(md, "## III."), Contains("| II.1.2 Rà soát hồ sơ đăng ký khai sinh tồn đọng | "
                                                    "Công chức Tư pháp – Hộ tịch xã | 04/05/2023 | 04/05/2023 |"));
        CHECK_THAT(section(md, "## VI. Nhiệm vụ đến hạn trong tháng 6/2023"), Contains("| II.1.3 Tập huấn"));
    }
    SECTION("a task done late counts its working days late") {
        auto log = ia_mo_log();
        // Due Friday 31/3; done Wednesday 7/6: April's 20 working days, May's 20 and 1-7/6's 5.
        log.append({.item = "II.1.1", .day = *make_date(2023, 6, 7), .state = status_state::done});
        const auto md = mid_june(log);
        CHECK_THAT(section(md, "## IV."), Contains("| II.1.1 Lập danh sách hộ gia đình chưa được cấp căn cước | Công an xã | "
                                                   "31/03/2023 | 07/06/2023 | 45 |"));
        CHECK_THAT(section(md, "## V."), Contains("Không có."));
        CHECK_THAT(md, Contains("Tỷ lệ hoàn thành đúng hạn: 1/2 nhiệm vụ đã đến hạn (50,0%). Tỷ lệ hoàn thành: 2/2 (100,0%)."));
    }
}

TEST_CASE("the monthly report speaks English on request", "[report]") {
    const auto md = mid_june(ia_mo_log(), {.lang = language::en});
    CHECK(md.starts_with("# Report on the implementation of Plan No. 31/KH-UBND, June 2023\n"));
    CHECK_THAT(md, Contains("Figures as of 2023-06-15."));
    CHECK_THAT(md, Contains("On-time rate: 1 of 2 tasks due (50.0%). Completion rate: 1 of 2 (50.0%)."));
    CHECK_THAT(md, Contains("In progress, on time, 11 working days left, 40%"));
    CHECK_THAT(md, Contains("Lead unit: Công an xã; Standing monitor: Công an xã; Signer: TM. Ủy ban nhân dân, Chủ tịch Lê Văn Bình"));
    CHECK_THAT(md, Contains("## VI. Due in July 2023"));
}

TEST_CASE("redaction leaves out the signer's name and the log's notes", "[report]") {
    for (auto format : {report_format::markdown, report_format::html}) {
        const auto text = mid_june(ia_mo_log(), {.format = format, .redact = true});
        CHECK_THAT(text, !Contains("Lê Văn Bình"));
        CHECK_THAT(text, !Contains("Đã tập huấn 2 buổi"));
        CHECK_THAT(text, !Contains("Ghi chú"));
        CHECK_THAT(text, Contains("TM. Ủy ban nhân dân, Chủ tịch"));
        CHECK_THAT(text, Contains("10/06/2023"));  // the update stays, without its note
    }
}

TEST_CASE("the HTML report is one escaped, self-contained page", "[report]") {
    auto text = read_input(fixtures + "ia-mo-2023.txt");
    const std::string title = "Rà soát hồ sơ đăng ký khai sinh tồn đọng";
    text.replace(text.find(title), title.size(), "Rà soát hồ sơ <khai sinh> & \"khai tử\"");
    const auto p = read_plan(text);
    auto log = ia_mo_log();
    log.append({.item = "II.1.3", .day = *make_date(2023, 6, 12), .state = status_state::progress,
                .note = "<script>alert(1)</script> & co"});
    const auto page = monthly_report(p, log, {.month = 2023y / May, .as_of = *make_date(2023, 6, 13), .format = report_format::html});
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK_THAT(page, Contains("<style>"));
    CHECK_THAT(page, Contains("Rà soát hồ sơ &lt;khai sinh&gt; &amp; &quot;khai tử&quot;"));
    CHECK_THAT(page, !Contains("<khai sinh>"));
    CHECK_THAT(page, !Contains("<script>"));
    CHECK(page.ends_with("</body>\n</html>\n"));
    // The month's updates stop at its end, even when the figures stand on a later day.
    CHECK_THAT(page, !Contains("alert(1)"));

    const auto june = monthly_report(p, log, {.month = 2023y / June, .as_of = *make_date(2023, 6, 13), .format = report_format::html});
    CHECK_THAT(june, Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>"));
    // Markdown shows the same text literally.
    const auto md = monthly_report(p, log, {.month = 2023y / June, .as_of = *make_date(2023, 6, 13)});
    CHECK_THAT(md, Contains("\\<script\\>alert(1)\\</script\\> \\& co"));
}

TEST_CASE("a report cannot stand on a day before its month", "[report]") {
    CHECK_THROWS_AS(monthly_report(ia_mo(), ia_mo_log(), {.month = 2023y / June, .as_of = *make_date(2023, 5, 31)}), error);
    CHECK_THROWS_WITH(monthly_report(ia_mo(), ia_mo_log(), {.month = 2023y / June, .as_of = *make_date(2023, 5, 31)}),
                      Contains("before the month begins"));
}
