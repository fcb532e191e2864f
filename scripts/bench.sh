#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them on one core; prints Google Benchmark's table.
#   BUILD_DIR  where to build (default: build-bench)
#   FILTER     a regular expression of benchmarks to run (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh libbenchmark-dev

BUILD_DIR=${BUILD_DIR:-build-bench}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEHOACH_BUILD_BENCH=ON \
  -DKEHOACH_BUILD_TESTS=OFF -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF >/dev/null
cmake --build "$BUILD_DIR" --target bench_time bench_reader --parallel "$(nproc)" >/dev/null
# One core: the figures are per core, and the other core keeps the machine's noise away.
for bench in bench_time bench_reader; do
  taskset -c 0 "$BUILD_DIR/bench/$bench" --benchmark_filter="${FILTER:-.}" --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true
done
