// The plan-document reader's throughput, in bytes of plan text a second on one core.
// Target (issue 4): ≥ 50 MB/s. Run: scripts/bench.sh.

#include <kehoach/io/file.hpp>
#include <kehoach/parse/plan_reader.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

namespace {

/// The documents of the tests, in every layout the reader knows, and the founding plan when the
/// shared folder is there.
std::vector<std::string> documents() {
    std::vector<std::string> out;
    const std::filesystem::path root = KEHOACH_SOURCE_DIR;
    for (const auto& entry : std::filesystem::directory_iterator(root / "tests/data/documents"))
        if (entry.path().extension() == ".txt") out.push_back(kehoach::read_input(entry.path()));
    const auto seed = root / "../shared/seeds/000_8e3b6dd8ccf1e18f.txt";
    if (std::filesystem::exists(seed)) out.push_back(kehoach::read_input(seed));
    return out;
}

void read_plan_documents(benchmark::State& state) {
    const auto corpus = documents();
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto& text : corpus) {
            auto plan = kehoach::read_plan(text);
            benchmark::DoNotOptimize(plan);
            bytes += text.size();
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.counters["documents"] = static_cast<double>(corpus.size());
}
BENCHMARK(read_plan_documents)->Unit(benchmark::kMillisecond);

/// The founding plan alone: a real commune plan, 33 KB, read again and again.
void read_founding_plan(benchmark::State& state) {
    const auto seed = std::filesystem::path(KEHOACH_SOURCE_DIR) / "../shared/seeds/000_8e3b6dd8ccf1e18f.txt";
    if (!std::filesystem::exists(seed)) {
        state.SkipWithError("the founding plan's text (../shared/seeds) is not here");
        return;
    }
    const auto text = kehoach::read_input(seed);
    for (auto _ : state) {
        auto plan = kehoach::read_plan(text);
        benchmark::DoNotOptimize(plan);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(read_founding_plan)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
