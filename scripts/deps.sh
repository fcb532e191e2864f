#!/usr/bin/env bash
# Installs the Debian packages kehoach builds and tests with, only those that are missing.
# Extra package names given as arguments are installed too (bench.sh adds Google Benchmark).
set -euo pipefail

KEHOACH_DEB_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libboost-graph-dev libfmt-dev nlohmann-json3-dev libutf8proc-dev libcli11-dev catch2
  pybind11-dev python3-pybind11 python3-dev python3-venv python3-pip python3-setuptools python3-wheel
  python3-pytest python3-numpy python3-pandas python3-matplotlib
  python3-icalendar python3-networkx python3-openpyxl graphviz
  python3-nbformat python3-nbclient python3-ipykernel
  clang libclang-rt-14-dev
  "$@"
)

missing=()
for pkg in "${KEHOACH_DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "kehoach: installing ${missing[*]}" >&2
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
