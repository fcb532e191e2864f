#!/usr/bin/env bash
# Installs what is missing, builds kehoach with the Python module, and runs every C++ and Python test
# through ctest (Catch2 tests, pytest, the find_package consumer and the offline pip install).
#   PYTHON     the interpreter with numpy and pybind11 (default: Debian's /usr/bin/python3)
#   BUILD_DIR  where to build (default: build)
#   JOBS       parallel build jobs (default: all cores)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh

PYTHON=${PYTHON:-/usr/bin/python3}
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_WERROR=ON \
  -DPython_EXECUTABLE="$PYTHON"
cmake --build "$BUILD_DIR" --parallel "$JOBS"
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$JOBS"
