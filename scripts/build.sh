#!/usr/bin/env bash
# Configures and builds Overrule into ./build (ccache, Ninja). Builds are serialised with a
# lock so that two builds never compete for the machine's cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${OVERRULE_BUILD_DIR:-$root/build}"
jobs="${OVERRULE_JOBS:-$(nproc)}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
exec 9>/tmp/overrule-build.lock
flock 9
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build_dir" -j "$jobs" "$@"
