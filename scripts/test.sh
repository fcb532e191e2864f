#!/usr/bin/env bash
# Installs what is missing, builds kehoach, and runs every C++ and Python test through ctest, each
# once, in the strictest build that can run it (docs/hardening.md):
#   1. the offline pip install, which compiles the library and the Python module with g++, warnings
#      as errors;
#   2. a clang build with AddressSanitizer and UndefinedBehaviorSanitizer, its library optimized as
#      in release: the header checks, the whole C++ and Python suites, the examples, the installed
#      package's find_package consumer, the fuzz targets' replays of every input that ever crashed,
#      and a short run of each fuzz target;
#   3. a clang build with ThreadSanitizer: the tests that share objects between threads.
#   --no-sanitizers  a release build (g++ -O3) and every test in it, instead (a quick check while
#                    working)
#   PYTHON     the interpreter with numpy and pybind11 (default: Debian's /usr/bin/python3)
#   BUILD_DIR  where to build (default: build; the sanitizer builds go beside it, -sanitize and -tsan)
#   JOBS       parallel build jobs and tests (default: all cores)
#   KEHOACH_FUZZ_SECONDS  how long each fuzz target runs in step 2 (default: 30)
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
if ((!sanitizers)); then
  cmake --build "$BUILD_DIR" --parallel "$JOBS"
  exec ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$JOBS"
fi
# The pip install builds what it needs itself, from a copy of the sources.
ctest --test-dir "$BUILD_DIR" --output-on-failure --label-regex packaging

# The library, the command and the fuzz targets are optimized as in release: that is the code the
# suites prove, and the tests that start the command run faster. The tests and the Python
# module compile twice as fast unoptimized. Line tables are all a report needs.
sanitized=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -gline-tables-only"
  -DKEHOACH_SHIPPED_FLAGS="-O2"
  -DKEHOACH_WERROR=ON -DPython_EXECUTABLE="$PYTHON")

CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR-sanitize" "${sanitized[@]}" \
  -DKEHOACH_SANITIZE=address,undefined -DKEHOACH_BUILD_FUZZERS=ON -DKEHOACH_BUILD_PYTHON=ON \
  -DKEHOACH_FUZZ_SECONDS="${KEHOACH_FUZZ_SECONDS:-30}"
cmake --build "$BUILD_DIR-sanitize" --parallel "$JOBS"
ctest --test-dir "$BUILD_DIR-sanitize" --output-on-failure --parallel "$JOBS" --label-exclude packaging

# A thread build holds the tests that share objects between threads (the C++ suite's [threads]).
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR-tsan" "${sanitized[@]}" \
  -DKEHOACH_SANITIZE=thread -DKEHOACH_BUILD_CLI=OFF -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF
cmake --build "$BUILD_DIR-tsan" --parallel "$JOBS" --target kehoach_tests
TSAN_OPTIONS=halt_on_error=1 ctest --test-dir "$BUILD_DIR-tsan" --output-on-failure --parallel "$JOBS" \
  --label-exclude fuzz_replay
