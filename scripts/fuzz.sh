#!/usr/bin/env bash
# The long fuzz run: builds the fuzz tree (clang, libFuzzer, AddressSanitizer and UBSan) if it is
# missing, runs each target in turn, and prints the executions each did (libFuzzer's final stats).
#   scripts/fuzz.sh [-t SECONDS | -n RUNS] [-j JOBS] [-s SANITIZERS] [TARGET...]
#   -t  seconds per target (default 600)       -n  executions per target and job instead
#   -j  parallel libFuzzer jobs per target (default 1)
#   -s  sanitizers of the fuzz tree (default address,undefined). "undefined" alone runs about twice
#       as many inputs: for volume; then replay what it kept under both (-n 0). See
#       docs/hardening.md#fuzzing.
#   TARGET  read_plan read_plan_csv parse_deadline parse_plan_json parse_units_json parse_status_log
#           (default: all)
#   BUILD_DIR  the fuzz tree (default: build-fuzz, or build-fuzz-SANITIZERS for other sanitizers)
#   CORPUS_DIR  where the corpus grows, one folder per target, shared by the fuzz trees (default:
#              build-fuzz-corpus)
#   KEHOACH_FUZZ_FLAGS  more libFuzzer flags, e.g. -entropic=0 (see docs/hardening.md#fuzzing)
#   KEHOACH_FUZZ_TIMEOUT  seconds one input may take before it counts as a hang (default: 10; raise
#              it on a machine busy with other work, whose waits libFuzzer would take for hangs)
# The corpus is kept from run to run; seeds and regressions are read from fuzz/. A crash leaves
# its input as BUILD_DIR/fuzz/TARGET-crash-*: fix the cause, then move the input to
# fuzz/regressions/TARGET/. Exits 1 when a target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600 runs="" jobs=1 sanitizers=address,undefined
while getopts "t:n:j:s:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    n) runs=$OPTARG ;;
    j) jobs=$OPTARG ;;
    s) sanitizers=$OPTARG ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
((${#targets[@]})) || targets=(read_plan read_plan_csv parse_deadline parse_plan_json parse_units_json parse_status_log)

bash scripts/deps.sh

if [ "$sanitizers" = address,undefined ]; then BUILD_DIR=${BUILD_DIR:-build-fuzz}; else BUILD_DIR=${BUILD_DIR:-build-fuzz-${sanitizers//,/-}}; fi
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKEHOACH_BUILD_FUZZERS=ON -DKEHOACH_SANITIZE="$sanitizers" -DKEHOACH_BUILD_CLI=OFF \
    -DKEHOACH_BUILD_EXAMPLES=OFF -DKEHOACH_INSTALL=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

if [ -n "$runs" ]; then limit=(-runs="$runs"); else limit=(-max_total_time="$seconds"); fi
out=$(realpath "$BUILD_DIR/fuzz")
mkdir -p "${CORPUS_DIR:=build-fuzz-corpus}"
corpora=$(realpath "$CORPUS_DIR")
read -ra extra <<<"${KEHOACH_FUZZ_FLAGS:-}"
status=0
summary=()
for target in "${targets[@]}"; do
  corpus=$corpora/$target logs=$out/logs/$target
  mkdir -p "$corpus" "$logs"
  rm -f "$logs"/*.log
  inputs=(fuzz/seeds/"$target" fuzz/regressions/"$target")
  echo "== $target: ${runs:-$seconds s}${runs:+ runs} x $jobs job(s), log in $logs" >&2
  # -jobs writes one log per job in the working directory; one job writes its own the same way.
  (cd "$logs" && "$out/fuzz_$target" "${limit[@]}" -jobs="$jobs" -workers="$jobs" -timeout="${KEHOACH_FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb=2048 -dict="$OLDPWD/fuzz/dict/$target.dict" -print_final_stats=1 ${extra[@]+"${extra[@]}"} \
    -artifact_prefix="$out/$target-" "$corpus" "${inputs[@]/#/$OLDPWD/}" >/dev/null 2>&1) || status=1
  execs=$(cat "$logs"/fuzz-*.log | awk '/^stat::number_of_executed_units:/ {n += $2} END {print n + 0}')
  findings=$(cat "$logs"/fuzz-*.log | grep -c '^==[0-9]*==ERROR\|^SUMMARY: \|^property broken' || true)
  summary+=("$(printf '%-18s %14s executions  %s finding line(s)' "$target" "$execs" "$findings")")
done
printf '%s\n' "${summary[@]}"
exit $status
