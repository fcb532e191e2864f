// The plan-document reader's throughput, in bytes of plan text a second on one core.
// Target (issue 4): ≥ 50 MB/s. Run: scripts/bench.sh.
//
// read_plan_documents is the figure to quote: it reads different documents in turn, as a portfolio
// is read. read_founding_plan reads one document over and over, so the branch predictor and the
// caches learn it; it is an upper bound (about 1.2 times the same plan read among others).

#include <kehoach/io/file.hpp>
#include <kehoach/parse/plan_reader.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct document {
    std::string name;
    std::string text;
};

/// The documents of the tests, in every layout the reader knows, and the founding plan when the
/// shared folder is there.
std::vector<document> documents() {
    std::vector<document> out;
    const std::filesystem::path root = KEHOACH_SOURCE_DIR;
    for (const auto& entry : std::filesystem::directory_iterator(root / "tests/data/documents"))
        if (entry.path().extension() == ".txt")
            out.push_back({entry.path().stem().string(), kehoach::read_input(entry.path())});
    const auto seed = root / "../shared/seeds/000_8e3b6dd8ccf1e18f.txt";
    if (std::filesystem::exists(seed)) out.push_back({"founding-plan", kehoach::read_input(seed)});
    return out;
}

/// Each document's own rate, in MB/s, is a counter: it is measured among the others, not warm.
void read_plan_documents(benchmark::State& state) {
    using clock = std::chrono::steady_clock;
    const auto corpus = documents();
    std::vector<clock::duration> spent(corpus.size());
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            const auto start = clock::now();
            auto plan = kehoach::read_plan(corpus[i].text);
            benchmark::DoNotOptimize(plan);
            spent[i] += clock::now() - start;
            bytes += corpus[i].text.size();
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        const double seconds = std::chrono::duration<double>(spent[i]).count();
        state.counters[corpus[i].name] =
            static_cast<double>(corpus[i].text.size()) * static_cast<double>(state.iterations()) / seconds / 1e6;
    }
}
BENCHMARK(read_plan_documents)->Unit(benchmark::kMillisecond);

/// The founding plan alone: a real commune plan, 33 KB, read again and again (warm: an upper bound).
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
