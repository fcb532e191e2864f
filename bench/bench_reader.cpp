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

}  // namespace

BENCHMARK_MAIN();
