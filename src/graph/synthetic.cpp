#include <kehoach/graph/synthetic.hpp>

#include "graph_data.hpp"

#include <kehoach/time/calendar.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kehoach {

const std::array<std::array<std::string_view, 10>, 4> synthetic_portfolio::unit_names{{
    {"Bộ Công an", "Bộ Thông tin và Truyền thông", "Văn phòng Chính phủ", "Bộ Tư pháp", "Bộ Y tế",
     "Bộ Giáo dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội Việt Nam", "Bộ Tài chính",
     "Bộ Nội vụ"},
    {"Công an tỉnh", "Sở Thông tin và Truyền thông", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Sở Y tế",
     "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội tỉnh", "Sở Tài chính",
     "Sở Nội vụ"},
    {"Công an huyện", "Phòng Văn hóa và Thông tin", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Phòng Tư pháp",
     "Phòng Y tế", "Phòng Giáo dục và Đào tạo", "Phòng Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội huyện",
     "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ"},
    {"Công an xã", "Công chức Văn hóa - Xã hội", "Văn phòng - Thống kê xã", "Công chức Tư pháp - Hộ tịch", "Trạm Y tế xã",
     "Trường Tiểu học xã", "Công chức Lao động - Thương binh và Xã hội", "Bưu điện văn hóa xã",
     "Công chức Tài chính - Kế toán", "Đoàn Thanh niên xã"},
}};

const std::array<std::string_view, 7> synthetic_portfolio::section_titles{
    "Hoàn thiện thể chế, chính sách", "Dịch vụ công trực tuyến", "Phát triển kinh tế - xã hội", "Phát triển công dân số",
    "Hoàn thiện hệ sinh thái dữ liệu", "Bảo đảm an ninh, an toàn dữ liệu", "Tổ chức thực hiện"};

const std::array<std::string_view, 24> synthetic_portfolio::task_titles{
    "Rà soát, cập nhật dữ liệu dân cư trên địa bàn",
    "Tuyên truyền lợi ích của định danh điện tử",
    "Triển khai dịch vụ công trực tuyến toàn trình",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Kết nối dữ liệu hộ tịch với Cơ sở dữ liệu quốc gia về dân cư",
    "Thu nhận hồ sơ cấp thẻ căn cước",
    "Kích hoạt tài khoản định danh điện tử mức 2",
    "Chi trả chế độ an sinh xã hội không dùng tiền mặt",
    "Làm sạch dữ liệu tiêm chủng",
    "Báo cáo kết quả thực hiện định kỳ",
    "Kiện toàn Tổ công tác triển khai Đề án",
    "Bố trí kinh phí bảo đảm triển khai",
    "Tập huấn nghiệp vụ cho cán bộ Bộ phận Một cửa",
    "Đối chiếu dữ liệu bảo hiểm y tế với dữ liệu dân cư",
    "Hướng dẫn người dân nộp hồ sơ trực tuyến",
    "Cắt giảm giấy tờ đã có trong cơ sở dữ liệu",
    "Rà soát thủ tục hành chính liên thông",
    "Xây dựng mô hình điểm về chuyển đổi số",
    "Kiểm tra việc tiếp nhận hồ sơ trực tuyến",
    "Cập nhật thông tin người có công, bảo trợ xã hội",
    "Bảo đảm hạ tầng mạng và thiết bị đầu cuối",
    "Phối hợp xác minh thông tin công dân",
    "Sơ kết, đánh giá kết quả thực hiện",
    "Thống kê, báo cáo số liệu định danh điện tử",
};

namespace {

using std::chrono::days;

constexpr std::array<std::string_view, 8> roman{"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

/// Recurring tasks report "Trước ngày 12 hằng tháng".
constexpr recurrence_rule monthly_report{.freq = frequency::monthly, .day = 12, .before = true};

/// splitmix64: small, fast, and the same numbers on every platform for a seed.
class random_source {
public:
    explicit random_source(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// 0 .. n - 1 (n > 0), by multiply-shift of 32 random bits: no modulo bias worth the name here.
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
    bool per_mille(std::uint32_t chance) { return below(1000) < chance; }

private:
    std::uint64_t state_;
};

date first_of_month(int year, unsigned month) { return *make_date(year, month, 1); }
date last_of_month(int year, unsigned month) {
    return month == 12 ? *make_date(year, 12, 31) : first_of_month(year, month + 1) - days{1};
}

unsigned month_of(date day) { return static_cast<unsigned>(std::chrono::year_month_day{day}.month()); }

/// How many plans of each level a portfolio of about `items` items has.
struct level_counts {
    std::size_t provinces, districts, communes;
};

level_counts counts_for(std::size_t items) {
    const double scale = static_cast<double>(items) / 645'000.0;
    const auto at_least = [](double value, std::size_t low) { return std::max(low, static_cast<std::size_t>(std::llround(value))); };
    const auto provinces = at_least(63 * scale, 1);
    const auto districts = at_least(700 * scale, provinces);
    return {provinces, districts, at_least(10'000 * scale, districts)};
}

/// Splits `total` children among `parents` as evenly as whole numbers allow.
std::uint32_t share(std::size_t total, std::size_t parents, std::size_t k) {
    return static_cast<std::uint32_t>(total / parents + (k < total % parents ? 1 : 0));
}

class generator {
public:
    generator(const synthetic_options& options, synthetic_portfolio& out) : options_(options), out_(out), random_(options.seed) {}

    void run() {
        const auto counts = counts_for(options_.items);
        const auto national = add_plan(plan_level::national, synthetic_portfolio::none,
                                       *make_date(options_.year, 1, 6) + days{random_.below(20)});
        std::uint32_t province_number = 0, district_number = 0, commune_number = 0;
        for (std::size_t p = 0; p < counts.provinces; ++p) {
            const auto province = add_plan(plan_level::province, national, later(national, 7, 24));
            out_.plan_issuers.back() = fmt::format("Ủy ban nhân dân tỉnh {:02}", ++province_number);
            for (std::uint32_t d = 0, dn = share(counts.districts, counts.provinces, p); d < dn; ++d) {
                const auto district = add_plan(plan_level::district, province, later(province, 7, 24));
                out_.plan_issuers.back() = fmt::format("Ủy ban nhân dân huyện {:03}", ++district_number);
                const auto district_index = district_number - 1;
                for (std::uint32_t c = 0, cn = share(counts.communes, counts.districts, district_index); c < cn; ++c) {
                    add_plan(plan_level::commune, district, later(district, 5, 21));
                    out_.plan_issuers.back() = fmt::format("Ủy ban nhân dân xã {:05}", ++commune_number);
                }
            }
        }
        out_.plan_first_item.push_back(static_cast<std::uint32_t>(out_.size()));
        out_.plan_issuers.front() = "Thủ tướng Chính phủ";
        if (options_.status) report_status();
    }

private:
    date later(std::uint32_t parent, std::uint32_t at_least, std::uint32_t spread) {
        const auto last = *make_date(options_.year, 11, 30);
        return std::min(last, out_.plan_issued[parent] + days{at_least + random_.below(spread)});
    }

    std::uint32_t add_plan(plan_level level, std::uint32_t parent, date issued) {
        const auto index = static_cast<std::uint32_t>(out_.plan_levels.size());
        out_.plan_levels.push_back(level);
        out_.plan_parent.push_back(parent);
        out_.plan_first_item.push_back(static_cast<std::uint32_t>(out_.size()));
        out_.plan_issued.push_back(issued);
        out_.plan_numbers.push_back(fmt::format("{}/KH-{}", 1 + random_.below(300), level == plan_level::national ? "TTg" : "UBND"));
        out_.plan_issuers.emplace_back();
        // Most plans' guidance has come out; the event-bound items of the others wait.
        out_.plan_event.push_back(random_.per_mille(850) ? std::optional(issued + days{30 + random_.below(120)}) : std::nullopt);
        add_items(index, parent, issued);
        return index;
    }

    void add_items(std::uint32_t plan, std::uint32_t parent_plan, date issued) {
        const auto items = 40 + random_.below(41);
        const auto sections = 6 + random_.below(2);
        const auto tasks = items - sections;
        std::vector<std::uint32_t> recent;  // the plan's last tasks that others may wait for
        for (std::uint32_t s = 0; s < sections; ++s) {
            const auto section = push_item(plan, synthetic_portfolio::none, static_cast<std::uint16_t>(s));
            out_.item_deadline.push_back(deadline_kind::unknown);
            out_.item_window_start.emplace_back();
            out_.item_window_end.emplace_back();
            out_.item_duration.push_back(0);
            out_.item_implements.push_back(synthetic_portfolio::none);
            for (std::uint32_t t = 0, tn = share(tasks, sections, s); t < tn; ++t) {
                const auto task = push_item(plan, section, static_cast<std::uint16_t>(random_.below(synthetic_portfolio::task_titles.size())));
                const auto implemented = parent_plan == synthetic_portfolio::none || !random_.per_mille(800)
                                             ? synthetic_portfolio::none
                                             : task_ahead(parent_plan, issued);
                out_.item_implements.push_back(implemented);
                // A lower plan mostly repeats the window of the task it carries out.
                if (implemented != synthetic_portfolio::none && random_.per_mille(700)) copy_timing(implemented);
                else time_task(issued);
                out_.item_duration.push_back(static_cast<std::uint8_t>(1 + random_.below(8)));
                depend(task, recent);
                if (out_.item_deadline.back() != deadline_kind::ongoing && out_.item_deadline.back() != deadline_kind::recurring)
                    recent.push_back(task);
                if (recent.size() > 16) recent.erase(recent.begin());
            }
        }
    }

    std::uint32_t push_item(std::uint32_t plan, std::uint32_t group, std::uint16_t title) {
        const auto index = static_cast<std::uint32_t>(out_.size());
        out_.item_plan.push_back(plan);
        out_.item_group.push_back(group);
        out_.item_title.push_back(title);
        out_.item_lead.push_back(static_cast<std::uint8_t>(random_.below(10)));
        std::uint16_t support = 0;
        for (auto k = random_.below(3); k > 0; --k) support |= static_cast<std::uint16_t>(1U << random_.below(10));
        support &= static_cast<std::uint16_t>(~(1U << out_.item_lead.back()));
        out_.item_support.push_back(group == synthetic_portfolio::none ? 0 : support);
        return index;
    }

    /// Windows as plans write them: mostly months and quarters from the issue on, some dates, a
    /// good share of ongoing work, and a few windows already past when the plan is issued.
    void time_task(date issued) {
        const int year = options_.year;
        const auto issue_month = month_of(issued);
        std::optional<date> start, end;
        deadline_kind kind = deadline_kind::within_period;
        const auto pick = random_.below(1000);
        const bool past = random_.per_mille(50) && issue_month > 1;
        if (pick < 300) {  // a month
            const auto m = past ? issue_month - 1 : issue_month + random_.below(13 - issue_month);
            start = first_of_month(year, m);
            end = last_of_month(year, m);
        } else if (pick < 520) {  // a quarter
            const auto issue_quarter = (issue_month - 1) / 3 + 1;
            const auto q = past && issue_quarter > 1 ? issue_quarter - 1 : issue_quarter + random_.below(5 - issue_quarter);
            start = first_of_month(year, 3 * q - 2);
            end = last_of_month(year, 3 * q);
        } else if (pick < 670) {
            kind = deadline_kind::by_date;
            const auto room = static_cast<std::uint32_t>((*make_date(year, 12, 31) - issued).count());
            end = issued + days{15 + random_.below(std::max<std::uint32_t>(room, 16) - 15)};
        } else if (pick < 710) {
            kind = deadline_kind::from_date;
            start = issued + days{random_.below(60)};
        } else if (pick < 910) {
            kind = deadline_kind::ongoing;
        } else if (pick < 960) {
            kind = deadline_kind::recurring;
        } else {
            kind = deadline_kind::after_event;
        }
        out_.item_deadline.push_back(kind);
        out_.item_window_start.push_back(start);
        out_.item_window_end.push_back(end);
    }

    void copy_timing(std::uint32_t item) {
        out_.item_deadline.push_back(out_.item_deadline[item]);
        out_.item_window_start.push_back(out_.item_window_start[item]);
        out_.item_window_end.push_back(out_.item_window_end[item]);
    }

    /// A task of the parent plan still ahead when the plan is issued: a lower plan carries out
    /// what remains to be done, not what fell due before it existed. None if a few tries find none.
    std::uint32_t task_ahead(std::uint32_t plan, date issued) {
        const auto first = out_.plan_first_item[plan];
        const auto count = out_.plan_first_item[plan + 1] - first;
        for (int tries = 0; tries < 8; ++tries) {
            const auto candidate = first + random_.below(count);
            const auto& due = out_.item_window_end[candidate];
            if (out_.item_group[candidate] != synthetic_portfolio::none && (!due || *due >= issued + days{30})) return candidate;
        }
        return synthetic_portfolio::none;
    }

    /// About two finish-to-start dependencies on recent tasks of the same plan: earlier tasks
    /// only, so the plans stay acyclic, and none opening or due after the task itself, as plans
    /// are written.
    void depend(std::uint32_t task, const std::vector<std::uint32_t>& recent) {
        std::vector<std::uint32_t> candidates;
        const auto& due = out_.item_window_end[task];
        const auto& opens = out_.item_window_start[task];
        for (auto earlier : recent) {
            const auto& earlier_due = out_.item_window_end[earlier];
            const auto& earlier_opens = out_.item_window_start[earlier];
            // A task with a deadline waits only for tasks due no later: transitively, too.
            if ((!due || (earlier_due && *earlier_due <= *due)) &&
                (!opens || !earlier_opens || *earlier_opens <= *opens))
                candidates.push_back(earlier);
        }
        auto wanted = std::min<std::size_t>(1 + random_.below(4), candidates.size());
        for (; wanted > 0; --wanted) {
            const auto at = random_.below(static_cast<std::uint32_t>(candidates.size()));
            const int lag = random_.per_mille(100) ? static_cast<int>(1 + random_.below(5)) : 0;
            out_.dependencies.push_back({candidates[at], task, dependency_type::finish_to_start, lag});
            candidates.erase(candidates.begin() + at);
        }
    }

    /// A year of monthly reports, on the 10th: tasks start late or on time, progress, finish
    /// (some slipping far past their estimate: late, or not within the year; a few cancelled);
    /// ongoing work reports each month.
    void report_status() {
        const auto year_end = *make_date(options_.year, 12, 31);
        for (std::uint32_t i = 0; i < out_.size(); ++i) {
            const auto kind = out_.item_deadline[i];
            if (out_.item_group[i] == synthetic_portfolio::none) continue;
            const auto plan = out_.item_plan[i];
            auto start = std::max(out_.plan_issued[plan], out_.item_window_start[i].value_or(out_.plan_issued[plan]));
            if (kind == deadline_kind::after_event) {
                if (!out_.plan_event[plan]) continue;
                start = std::max(start, *out_.plan_event[plan] + days{1});
            }
            start += days{random_.below(15)};
            if (start > year_end) continue;
            if (kind == deadline_kind::ongoing || kind == deadline_kind::recurring) {
                for (auto report = next_report(start); report <= year_end; report = next_report(report))
                    out_.status.push_back({i, report, status_state::progress, -1});
                continue;
            }
            out_.status.push_back({i, start, status_state::started, 0});
            auto effort = std::max<std::uint32_t>(1, std::uint32_t{out_.item_duration[i]} * 7 / 5 * (100 + random_.below(150)) / 100);
            // Some work slips to several times its estimate: what a review finds overdue.
            if (random_.per_mille(150)) effort *= 2 + random_.below(9);
            const auto finish = start + days{effort};
            if (random_.per_mille(40)) {
                out_.status.push_back({i, std::min(year_end, start + days{1 + random_.below(effort)}), status_state::cancelled, -1});
                continue;
            }
            for (auto report = next_report(start); report < finish && report <= year_end; report = next_report(report)) {
                const auto done = (report - start).count() * 100 / static_cast<std::int64_t>(effort);
                out_.status.push_back({i, report, status_state::progress, static_cast<std::int8_t>(std::min<std::int64_t>(done, 99))});
            }
            if (finish <= year_end) out_.status.push_back({i, finish, status_state::done, 100});
        }
        std::stable_sort(out_.status.begin(), out_.status.end(), [](const status_row& a, const status_row& b) { return a.day < b.day; });
    }

    static date next_report(date after) {
        const std::chrono::year_month_day ymd{after};
        const auto this_month = std::chrono::sys_days{ymd.year() / ymd.month() / 10};
        if (this_month > after) return this_month;
        return std::chrono::sys_days{(ymd.year() / ymd.month() + std::chrono::months{1}) / 10};
    }

    const synthetic_options& options_;
    synthetic_portfolio& out_;
    random_source random_;
};

/// The deadline a plan would write for the item's window.
deadline synthetic_deadline(const synthetic_portfolio& s, std::uint32_t i) {
    const auto kind = s.item_deadline[i];
    const auto& start = s.item_window_start[i];
    const auto& end = s.item_window_end[i];
    auto dmy = [](date day) {
        const std::chrono::year_month_day ymd{day};
        return fmt::format("{}/{}/{}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
    };
    auto year_of = [](date day) { return static_cast<int>(std::chrono::year_month_day{day}.year()); };
    deadline d{.kind = kind, .start = start, .end = end};
    switch (kind) {
        case deadline_kind::within_period:
            d.text = month_of(*start) == month_of(*end)
                         ? fmt::format("Trong tháng {}/{}", month_of(*start), year_of(*start))
                         : fmt::format("Trong quý {}/{}", roman[(month_of(*start) - 1) / 3], year_of(*start));
            break;
        case deadline_kind::by_date: d.text = "Trước ngày " + dmy(*end); break;
        case deadline_kind::from_date: d.text = "Từ ngày " + dmy(*start); break;
        case deadline_kind::ongoing: d.text = "Thường xuyên"; break;
        case deadline_kind::recurring:
            d.text = "Trước ngày 12 hằng tháng";
            d.recurrence.push_back(monthly_report);
            break;
        case deadline_kind::after_event:
            d.text = "Sau khi cấp trên ban hành văn bản hướng dẫn";
            d.event = "Cấp trên ban hành văn bản hướng dẫn";
            break;
        case deadline_kind::unknown: break;
    }
    return d;
}

}  // namespace

synthetic_portfolio synthesize(const synthetic_options& options) {
    if (options.year < calendar::first_year || options.year >= calendar::last_year)
        throw error(fmt::format("a synthetic portfolio's year is {}..{}, not {}", calendar::first_year, calendar::last_year - 1, options.year));
    synthetic_portfolio out;
    generator(options, out).run();
    return out;
}

std::vector<std::string> synthetic_portfolio::item_ids() const {
    std::vector<std::string> ids;
    ids.reserve(size());
    std::uint32_t task_number = 0;
    for (std::uint32_t i = 0; i < size(); ++i) {
        if (item_group[i] == none) {
            task_number = 0;
            ids.emplace_back(roman[item_title[i]]);
        } else {
            ids.push_back(fmt::format("{}.{}", roman[item_title[item_group[i]]], ++task_number));
        }
    }
    return ids;
}

std::vector<activity> synthetic_portfolio::activities() const {
    std::vector<activity> out(size());
    for (std::uint32_t i = 0; i < size(); ++i) {
        auto& a = out[i];
        const auto plan = item_plan[i];
        a.duration = item_duration[i];
        apply_deadline(a, item_deadline[i], item_window_start[i], item_window_end[i]);
        // As plan_graph::of(portfolio) does: no item starts before its plan is issued, nor before
        // the day after its event; without the event, it waits.
        if (!a.earliest_start || *a.earliest_start < plan_issued[plan]) a.earliest_start = plan_issued[plan];
        if (item_deadline[i] == deadline_kind::after_event) {
            if (!plan_event[plan]) a.waiting = true;
            else a.earliest_start = std::max(*a.earliest_start, *plan_event[plan] + days{1});
        }
    }
    return out;
}

std::vector<precedence> synthetic_portfolio::precedences(std::span<const activity> timing) const {
    std::vector<precedence> out(dependencies);
    out.reserve(dependencies.size() + 2 * size());
    for (std::uint32_t i = 0; i < size(); ++i) {
        if (item_group[i] != none) roll_up(timing, out, i, item_group[i]);
        if (item_implements[i] != none) roll_up(timing, out, i, item_implements[i]);
    }
    return out;
}

plan_graph synthetic_portfolio::graph() const {
    auto timing = activities();
    auto links = precedences(timing);
    plan_graph g(std::move(timing), std::move(links));
    std::vector<std::string> plan_names;
    plan_names.reserve(plan_numbers.size());
    for (std::size_t k = 0; k < plan_numbers.size(); ++k) plan_names.push_back(fmt::format("{} ({})", plan_numbers[k], plan_issuers[k]));
    g.set_names(item_ids(), std::move(plan_names), item_plan);
    return g;
}

portfolio synthetic_portfolio::to_portfolio() const {
    portfolio all;
    const auto ids = item_ids();
    for (std::uint32_t k = 0; k < plan_levels.size(); ++k) {
        plan p;
        const auto level = static_cast<std::size_t>(plan_levels[k]);
        p.info = {.issuer = plan_issuers[k], .number = plan_numbers[k], .date = plan_issued[k],
                  .title = "Kế hoạch triển khai Đề án 06", .level = plan_levels[k]};
        if (plan_parent[k] != none)
            p.info.parents.push_back({plan_numbers[plan_parent[k]], plan_issued[plan_parent[k]], plan_issuers[plan_parent[k]]});
        for (const auto name : unit_names[level]) p.add_unit({.id = fmt::format("u{}", p.units().size() + 1), .name = std::string(name)});
        std::optional<event_index> guidance;
        const auto first = plan_first_item[k];
        // Dependencies come in the order of the items that wait, and name earlier items only.
        const auto waits = std::lower_bound(dependencies.begin(), dependencies.end(), first,
                                            [](const precedence& d, std::uint32_t item) { return d.target < item; });
        auto next_dependency = waits;
        for (auto i = first; i < plan_first_item[k + 1]; ++i) {
            const bool section = item_group[i] == none;
            item it{.id = ids[i], .number = ids[i].substr(ids[i].find('.') + 1),
                    .kind = section ? item_kind::group : item_kind::task,
                    .title = std::string(section ? section_titles[item_title[i]] : task_titles[item_title[i]])};
            if (!section) {
                it.parent = item_group[i] - first;
                it.duration = item_duration[i];
                it.deadline = synthetic_deadline(*this, i);
                it.roles[static_cast<std::size_t>(role::lead)].push_back(item_lead[i]);
                for (unit_index u = 0; u < 10; ++u)
                    if (item_support[i] & (1U << u)) it.roles[static_cast<std::size_t>(role::support)].push_back(u);
                if (item_implements[i] != none) it.implements.push_back({plan_numbers[plan_parent[k]], ids[item_implements[i]]});
            }
            const auto index = p.add_item(std::move(it));
            for (; next_dependency != dependencies.end() && next_dependency->target == i; ++next_dependency)
                p.add_dependency(index, {.target = next_dependency->source - first, .lag = next_dependency->lag});
            if (!section && item_deadline[i] == deadline_kind::after_event) {
                if (!guidance) guidance = p.add_event({.id = "huong-dan", .text = "Cấp trên ban hành văn bản hướng dẫn", .date = plan_event[k]});
                p.add_dependency(index, {.type = dependency_type::after_event, .target = *guidance});
            }
        }
        all.add(std::move(p));
    }
    return all;
}

obligation_table synthetic_portfolio::obligations(const calendar& cal) const {
    obligation_table out;
    out.reserve(size());
    for (std::uint32_t i = 0; i < size(); ++i) {
        obligation o;
        const auto plan = item_plan[i];
        o.since = plan_issued[plan];
        if (item_group[i] == none) {
            o.is_group = true;  // a section has no deadline of its own
        } else {
            o.group = item_group[i];
            o.kind = item_deadline[i];
            o.start = item_window_start[i];
            if (item_window_end[i]) o.due = cal.roll_forward(*item_window_end[i]);
            if (o.kind == deadline_kind::recurring) o.recurrence.push_back(monthly_report);
            if (o.kind == deadline_kind::after_event) {
                o.waits = true;
                o.event = plan_event[plan];
            }
        }
        out.push_back(o);
    }
    return out;
}

kehoach::assignments synthetic_portfolio::assignments() const {
    constexpr auto units_per_plan = static_cast<std::uint32_t>(std::tuple_size_v<decltype(unit_names)::value_type>);
    std::vector<std::string> names;
    std::vector<std::uint32_t> unit_plan;
    names.reserve(plan_levels.size() * units_per_plan);
    unit_plan.reserve(plan_levels.size() * units_per_plan);
    for (std::uint32_t k = 0; k < plan_levels.size(); ++k)
        for (const auto name : unit_names[static_cast<std::size_t>(plan_levels[k])]) {
            names.emplace_back(name);
            unit_plan.push_back(k);
        }
    std::array<kehoach::assignments::role_column, role_count> roles;
    for (auto& c : roles) {
        c.first.reserve(size() + 1);
        c.first.push_back(0);
    }
    auto& lead = roles[static_cast<std::size_t>(role::lead)].units;
    auto& support = roles[static_cast<std::size_t>(role::support)].units;
    for (std::uint32_t i = 0; i < size(); ++i) {
        // Sections have no units in to_portfolio(): they stand for their tasks.
        if (item_group[i] != none) {
            const auto first_unit = item_plan[i] * units_per_plan;
            lead.push_back(first_unit + item_lead[i]);
            for (std::uint32_t u = 0; u < units_per_plan; ++u)
                if (item_support[i] & (1U << u)) support.push_back(first_unit + u);
        }
        for (auto& c : roles) c.first.push_back(static_cast<std::uint32_t>(c.units.size()));
    }
    return {std::move(names), std::move(unit_plan), std::move(roles)};
}

}  // namespace kehoach
