#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds Overrule and runs every test (offscreen).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "${OVERRULE_BUILD_DIR:-$root/build}"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j 2 "$@"
