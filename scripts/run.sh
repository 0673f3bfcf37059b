#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds Overrule and opens it on the bundled sample run.
# The sample goes into its own workspace so that trying Overrule never touches real work.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh" --target overrule
workspace="${OVERRULE_SAMPLE_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/Overrule/sample.overrule}"
exec "${OVERRULE_BUILD_DIR:-$root/build}/app/overrule" --db "$workspace" "$@"
