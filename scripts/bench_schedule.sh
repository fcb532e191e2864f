#!/usr/bin/env bash
# The schedule benchmark of issue 5: kehoach against a plain Boost.Graph program and networkx on
# the synthetic national portfolio at 10k, 100k and 1M items (or the sizes given), build and
# schedule timed apart, with the machine's memory bandwidth and each run's peak memory.
#   BUILD_DIR  where to build (default: build-bench)
#   PYTHON     the interpreter with numpy, pandas and networkx (default: /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh libbenchmark-dev python3-networkx

BUILD_DIR=${BUILD_DIR:-build-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEHOACH_BUILD_BENCH=ON -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_BUILD_TESTS=OFF -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF -DPython_EXECUTABLE="$PYTHON" >/dev/null
cmake --build "$BUILD_DIR" --target bench_schedule _core --parallel "$(nproc)" >/dev/null
# The package's .py files beside the freshly built extension.
package="$BUILD_DIR/python/kehoach"
for file in python/kehoach/*; do ln -sf "$PWD/$file" "$package/"; done
# One core: the figures are per core.
PYTHONPATH="$BUILD_DIR/python" taskset -c 0 "$PYTHON" bench/bench_schedule.py "$BUILD_DIR/bench/bench_schedule" "$@"
