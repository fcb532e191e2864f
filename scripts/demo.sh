#!/usr/bin/env bash
# Installs what is missing, builds the kehoach command, and runs the main job on the bundled plan:
# read it, check it round-trips through plan@1, print it at a glance, lint it, and track it with the
# bundled status log: where every item stands, each unit's scorecard, and the month's report.
#   BUILD_DIR  where to build (default: build-demo)
#   LANG_OUT   vi (default) or en
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh

BUILD_DIR=${BUILD_DIR:-build-demo}
PLAN=examples/plans/chu-rang-2023.plan.json
LOG=examples/plans/chu-rang-2023.status.csv
# The plan ran in 2023: its status as of early July, when June's report is due.
AS_OF=2023-07-05
MONTH=2023-06

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DKEHOACH_BUILD_TESTS=OFF -DKEHOACH_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$BUILD_DIR" --target kehoach_cli --parallel "$(nproc)" >/dev/null

kehoach="$BUILD_DIR/kehoach"
echo "\$ kehoach parse $PLAN | cmp - $PLAN"
"$kehoach" parse "$PLAN" | cmp - "$PLAN" && echo "plan@1: the file reads and writes back unchanged"
echo
echo "\$ kehoach summary $PLAN"
"$kehoach" summary "$PLAN" --lang "${LANG_OUT:-vi}"

# The same plan read from its document, when the founding plan's text is at hand.
SEED=../shared/seeds/000_8e3b6dd8ccf1e18f.txt
if [ -f "$SEED" ]; then
  echo
  echo "\$ kehoach parse $SEED | kehoach summary -   # the plan read from its text"
  "$kehoach" parse "$SEED" | "$kehoach" summary - --lang "${LANG_OUT:-vi}" | sed -n '1,8p'
fi

lang=${LANG_OUT:-vi}
echo
echo "\$ kehoach lint $PLAN"
# Warnings (collective leads, tasks due before the plan was issued) do not fail the demo.
findings=$("$kehoach" lint "$PLAN" --lang "$lang")
printf '%s\n' "$findings" | sed -n '1,25p'
echo "..."
echo
echo "\$ kehoach status $PLAN --log $LOG --as-of $AS_OF"
status=$("$kehoach" status "$PLAN" --log "$LOG" --as-of "$AS_OF" --lang "$lang")
printf '%s\n' "$status" | sed -n '1,14p'
echo "..."
printf '%s\n' "$status" | sed -n '/^  /p'
echo
echo "\$ kehoach status $PLAN --log $LOG --as-of $AS_OF --by-unit"
"$kehoach" status "$PLAN" --log "$LOG" --as-of "$AS_OF" --by-unit --lang "$lang"
echo
echo "\$ kehoach report $PLAN --log $LOG --month $MONTH --as-of $AS_OF"
report=$("$kehoach" report "$PLAN" --log "$LOG" --month "$MONTH" --as-of "$AS_OF" --lang "$lang")
printf '%s\n' "$report" | sed -n '1,45p'
echo "... (--format html writes the same as one printable page)"
