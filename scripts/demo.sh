#!/usr/bin/env bash
# Installs what is missing, builds the kehoach command, and runs the main job on the bundled plan:
# read it, check it round-trips through plan@1, and print it at a glance.
#   BUILD_DIR  where to build (default: build-demo)
#   LANG_OUT   vi (default) or en
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh

BUILD_DIR=${BUILD_DIR:-build-demo}
PLAN=examples/plans/chu-rang-2023.plan.json

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
