#!/usr/bin/env bash
# The tracking benchmark: kehoach's snapshot as of 30/6 and per-unit scorecard against the same
# roll-up written in pandas, on the synthetic portfolio at about 1M, 2.4M (the country) and 10M
# status rows (or the sizes given, in items), with each run's peak memory; the two must agree.
#   BUILD_DIR  where to build (default: build-bench)
#   PYTHON     the interpreter with numpy and pandas (default: /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh libbenchmark-dev

BUILD_DIR=${BUILD_DIR:-build-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEHOACH_BUILD_BENCH=ON -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_BUILD_TESTS=OFF -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF -DPython_EXECUTABLE="$PYTHON" >/dev/null
cmake --build "$BUILD_DIR" --target bench_status --parallel "$(nproc)" >/dev/null
# One core: the figures are per core (pandas uses one for this work too).
taskset -c 0 "$PYTHON" bench/bench_status.py "$BUILD_DIR/bench/bench_status" "$@"
