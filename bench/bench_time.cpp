// Time layer throughput: deadline phrases parsed and working-day additions per second, one core.
// Targets (issue 3): ≥ 1 million phrases/s, ≥ 50 million working-day additions/s.
// Run: scripts/bench.sh (or build with -DKEHOACH_BUILD_BENCH=ON and run bench_time).

#include <kehoach/io/plan_json.hpp>
#include <kehoach/time/calendar.hpp>
#include <kehoach/time/deadline.hpp>
#include <kehoach/time/lunar.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace std::chrono;

/// The founding plan's phrases, and one of each family the parser knows, in the proportions of a
/// real plan: most are short ("Thường xuyên", "Trong tháng 3/2023").
std::vector<std::string> phrases() {
    std::vector<std::string> out;
    const auto plan = kehoach::load_plan_json(KEHOACH_SOURCE_DIR "/examples/plans/chu-rang-2023.plan.json");
    for (const auto& it : plan.items())
        if (it.deadline) out.push_back(it.deadline->text);
    for (const char* family :
         {"tháng 4-2023", "vào tháng 12 năm 2025", "Tháng 10 - 12/2023", "Tháng 5, tháng 6/2024", "Quý 2/2024",
          "Quý III-IV/2023", "6 tháng đầu năm 2023", "Năm 2023", "Tuần đầu tháng 6/2024", "cuối tháng 2/2024",
          "Trước ngày 30/6/2023", "Chậm nhất ngày 18-6-2023", "(30-6)", "10.10", "Từ ngày 01/6/2023",
          "Từ 16/4/2024 đến 31/5/2024", "Thường xuyên, liên tục", "Năm 2023 và các năm tiếp theo",
          "Hằng quý, trước ngày 10 tháng đầu quý sau", "định kỳ hằng quý, 6 tháng, năm",
          "trước 16 giờ 00 ngày thứ Sáu hằng tuần", "Trình HĐND tỉnh tại kỳ họp cuối năm 2023",
          "Sau khi hoàn thành nhiệm vụ 2.1; hoàn thành trước ngày 30-6-2024", "Tha\u0301ng 3/2023", "Theo chỉ đạo"})
        out.emplace_back(family);
    return out;
}

void parse_deadline_phrases(benchmark::State& state) {
    const auto corpus = phrases();
    const auto issued = kehoach::make_date(2023, 4, 7);
    std::size_t i = 0;
    for (auto _ : state) {
        auto reading = kehoach::parse_deadline(corpus[i], issued);
        benchmark::DoNotOptimize(reading);
        if (++i == corpus.size()) i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["phrases"] = static_cast<double>(corpus.size());
}
BENCHMARK(parse_deadline_phrases);

struct working_day_inputs {
    std::vector<kehoach::date> days;
    std::vector<int> steps;
};

working_day_inputs random_inputs(std::size_t n) {
    std::mt19937 random(20230407);
    std::uniform_int_distribution<int> offset(0, 3650), step(-120, 120);
    working_day_inputs in;
    const kehoach::date start = sys_days{2023y / January / 1};
    for (std::size_t i = 0; i < n; ++i) {
        in.days.push_back(start + days{offset(random)});
        in.steps.push_back(step(random));
    }
    return in;
}

void add_working_days(benchmark::State& state) {
    const auto cal = kehoach::calendar::vietnam();
    const auto in = random_inputs(1 << 16);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(cal.add_working_days(in.days[i], in.steps[i]));
        i = (i + 1) & ((1 << 16) - 1);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(add_working_days);

void working_days_between(benchmark::State& state) {
    const auto cal = kehoach::calendar::vietnam();
    const auto in = random_inputs(1 << 16);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(cal.working_days_between(in.days[i], in.days[(i + 1) & ((1 << 16) - 1)]));
        i = (i + 1) & ((1 << 16) - 1);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(working_days_between);

void to_lunar(benchmark::State& state) {
    const auto in = random_inputs(1 << 16);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(kehoach::to_lunar(in.days[i]));
        i = (i + 1) & ((1 << 16) - 1);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(to_lunar);

void build_vietnam_calendar(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(kehoach::calendar::vietnam());
}
BENCHMARK(build_vietnam_calendar)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
