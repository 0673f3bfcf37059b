#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time on a
# seed corpus made from the test fixtures. Usage: scripts/fuzz.sh [SECONDS_PER_FUZZER]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-${OVERRULE_FUZZ_SECONDS:-30}}"
build_dir="${OVERRULE_FUZZ_BUILD_DIR:-$root/build-fuzz}"

# clang and its fuzzer runtime come from Debian's packages.
need=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

exec 9>/tmp/overrule-build.lock
flock 9
if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOVERRULE_FUZZ=ON >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
flock -u 9

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed() {  # seed TARGET FILES...
  local target="$1"; shift
  mkdir -p "$work/$target"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/$target/"; done
  return 0
}
data="$root/tests/data"
seed fuzz_jsonl "$data"/import/*.jsonl "$data"/cli/*.jsonl
head -n 20 "$root/resources/samples/support-assistant.jsonl" > "$work/sample-head.jsonl"
seed fuzz_jsonl "$work/sample-head.jsonl"
seed fuzz_csv "$data"/import/*.csv
seed fuzz_zip "$data"/archive/*.zip
seed fuzz_gzip "$data"/archive/*.gz
mkdir -p "$work/fuzz_mapping"
for m in "$data"/import/*mapping*.json; do
  { tr -d '\n' < "$m"; echo; cat "$data/import/native.jsonl"; } > "$work/fuzz_mapping/$(basename "$m").seed"
done
# Readers added later bring their own seed folders.
for extra in "$data"/fuzz/*/; do
  [ -d "$extra" ] && seed "$(basename "$extra")" "$extra"*
done

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for fuzzer in "$build_dir"/tests/fuzz/fuzz_*; do
  [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
  name="$(basename "$fuzzer")"
  mkdir -p "$work/$name"
  echo "fuzz: $name for ${seconds}s"
  if ! "$fuzzer" "$work/$name" -max_total_time="$seconds" -max_len=1048576 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=0 -artifact_prefix="$work/crash-$name-" \
      >"$work/$name.log" 2>&1; then
    echo "fuzz: $name FAILED"; tail -n 60 "$work/$name.log"
    mkdir -p "$root/build-fuzz-artifacts" && cp "$work"/crash-"$name"-* "$root/build-fuzz-artifacts/" 2>/dev/null || true
    status=1
  else
    grep -E "^#[0-9]+.*(DONE|pulse)" "$work/$name.log" | tail -n 1 || true
  fi
done
exit $status
