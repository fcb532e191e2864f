#!/usr/bin/env bash
# Installs what is missing, builds kehoach with the Python module, and runs every C++ and Python test
# through ctest (Catch2 tests, pytest, the find_package consumer and the offline pip install). Then
# it builds everything again with clang's AddressSanitizer and UndefinedBehaviorSanitizer and the
# fuzz targets, runs the same suites there with a short run of each fuzz target, and runs the thread
# tests under ThreadSanitizer (docs/hardening.md).
#   --no-sanitizers  the first part only (a quick check while working)
#   PYTHON     the interpreter with numpy and pybind11 (default: Debian's /usr/bin/python3)
#   BUILD_DIR  where to build (default: build; the sanitizer builds go beside it, -sanitize and -tsan)
#   JOBS       parallel build jobs and tests (default: all cores)
#   KEHOACH_FUZZ_SECONDS  how long each fuzz target runs in the suite (default: 30)
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=1
for arg in "$@"; do
  case "$arg" in
    --no-sanitizers) sanitizers=0 ;;
    *) echo "usage: scripts/test.sh [--no-sanitizers]" >&2; exit 2 ;;
  esac
done

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

((sanitizers)) || exit 0

# -O1 keeps the sanitized suites fast enough for CI; line tables are all a report needs.
sanitized=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only"
  -DKEHOACH_WERROR=ON -DKEHOACH_INSTALL=OFF -DPython_EXECUTABLE="$PYTHON")

# The installed package and the pip install are the release build's; here they would only repeat it.
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR-sanitize" "${sanitized[@]}" \
  -DKEHOACH_SANITIZE=address,undefined -DKEHOACH_BUILD_FUZZERS=ON -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_FUZZ_SECONDS="${KEHOACH_FUZZ_SECONDS:-30}"
cmake --build "$BUILD_DIR-sanitize" --parallel "$JOBS"
ctest --test-dir "$BUILD_DIR-sanitize" --output-on-failure --parallel "$JOBS" -E '^python/test_packaging$'

# A thread build holds the tests that share objects between threads (the C++ suite's [threads]).
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR-tsan" "${sanitized[@]}" \
  -DKEHOACH_SANITIZE=thread -DKEHOACH_BUILD_CLI=OFF -DKEHOACH_BUILD_EXAMPLES=OFF
cmake --build "$BUILD_DIR-tsan" --parallel "$JOBS" --target kehoach_tests
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir "$BUILD_DIR-tsan" --output-on-failure --parallel "$JOBS"
