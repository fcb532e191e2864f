#!/usr/bin/env bash
# The DataFrame benchmark of issue 7: Schedule.to_pandas() on the synthetic national portfolio at
# about 1M items (or the size given) against pandas wrapping the same numpy arrays; fails when
# kehoach takes more than twice as long.
#   BUILD_DIR  where to build (default: build-bench)
#   PYTHON     the interpreter with numpy and pandas (default: /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build-bench}
PYTHON=${PYTHON:-/usr/bin/python3}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_BUILD_TESTS=OFF -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF -DPython_EXECUTABLE="$PYTHON" >/dev/null
cmake --build "$BUILD_DIR" --target _core --parallel "$(nproc)" >/dev/null
# The package's .py files beside the freshly built extension.
package="$BUILD_DIR/python/kehoach"
for file in python/kehoach/*; do ln -sf "$PWD/$file" "$package/"; done
# One core: the figures are per core.
PYTHONPATH="$BUILD_DIR/python" taskset -c 0 "$PYTHON" bench/bench_frame.py "$@"
