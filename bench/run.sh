#!/usr/bin/env bash
# Runs the benchmark of issue 4 with one command: generates the runs (cached by size and seed),
# builds overrule_bench, then for each size runs the Python baseline, the sqlite3 .import floor
# and Overrule's import in three interleaved rounds (OVERRULE_BENCH_ROUNDS), the last with
# every review operation (overrule_bench), and prints side-by-side tables of each importer's
# median round with ratios (docs/PERFORMANCE.md).
#
#   bench/run.sh                 # 100k and 1M items (up to ~20 GB of disk, ~15 minutes)
#   bench/run.sh 100000          # a quick run
#   OVERRULE_BENCH_SIZES="100000 1000000" OVERRULE_BENCH_DATA=/scratch bench/run.sh
#
# Data, workspaces and results go to $OVERRULE_BENCH_DATA (default: bench-data next to the
# repository, never inside it). Not run by CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${OVERRULE_BENCH_DATA:-$(dirname "$root")/bench-data}"
seed="${OVERRULE_BENCH_SEED:-1}"
if [ "$#" -gt 0 ]; then
  sizes=("$@")
else
  read -r -a sizes <<<"${OVERRULE_BENCH_SIZES:-100000 1000000}"
fi
results="$data/results"
mkdir -p "$data" "$results"

for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "run.sh: not a size: $n" >&2; exit 2; }
done

# Each item costs about 2.3 KB in each of JSONL and CSV, and the five databases plus the
# export need about 6x that again: check before starting rather than fail an hour in.
need_kb=0
for n in "${sizes[@]}"; do
  [ -f "$data/run-$n-s$seed.jsonl" ] || need_kb=$((need_kb + n * 5))
  need_kb=$((need_kb + n * 15))
done
free_kb=$(df -Pk "$data" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt "$need_kb" ]; then
  echo "run.sh: $data has $((free_kb / 1048576)) GB free; this run needs about" \
       "$((need_kb / 1048576)) GB" >&2
  exit 1
fi

echo "== building overrule_bench"
"$root/scripts/build.sh" --target overrule_bench >/dev/null
bench="${OVERRULE_BUILD_DIR:-$root/build}/bench/overrule_bench"

# The machine and how busy it was when a size was measured.
machine_json() {
  python3 - "$1" <<'PY'
import json, os, platform, sys
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
print(json.dumps({"items": int(sys.argv[1]), "nproc": os.cpu_count(), "cpu": cpu,
                  "mem_gb": round(mem / 1048576, 1), "kernel": platform.release(),
                  "loadavg_1m": os.getloadavg()[0]}))
PY
}

# Reads the input into the page cache, flushes what earlier steps left to write, then lets the
# machine settle, so that no importer pays for the previous one. On the 2-core VM of
# docs/PERFORMANCE.md the same 1M import took 12 s after 30 s of quiet and 15-17 s when it
# started right after the previous import's files were deleted and flushed (the kernel was
# still reclaiming their pages). OVERRULE_BENCH_SETTLE=0 skips the wait.
warm() {
  cat "$1" >/dev/null
  sync
  sleep "${OVERRULE_BENCH_SETTLE:-30}"
}

for n in "${sizes[@]}"; do
  stem="$data/run-$n-s$seed"
  if [ ! -f "$stem.jsonl" ] || [ ! -f "$stem.csv" ]; then
    echo "== generating $n items (seed $seed)"
    python3 "$root/bench/generate_run.py" --items "$n" --seed "$seed" \
      -o "$stem.jsonl.tmp" --csv "$stem.csv.tmp"
    mv "$stem.jsonl.tmp" "$stem.jsonl"
    mv "$stem.csv.tmp" "$stem.csv"
  fi

  # Measure with the build lock held (scripts/build.sh waits for it): on a shared 2-core
  # machine a concurrent build would halve any figure. Released between sizes.
  exec 9>/tmp/overrule-build.lock
  if [ -z "${OVERRULE_BENCH_NO_LOCK:-}" ]; then
    echo "== $n items: waiting for the build lock (builds wait while this size is measured)"
    flock 9
  fi
  machine_json "$n" >"$results/machine-$n.json"

  # Rounds interleave the importers, so that the machine's speed, which drifts by 10-20% over
  # minutes on this VM, reaches all three alike; each is reported as its median round.
  rounds="${OVERRULE_BENCH_ROUNDS:-3}"
  for round in $(seq 1 "$rounds"); do
    echo "== $n items, round $round of $rounds: Python baseline"
    warm "$stem.jsonl"
    python3 "$root/bench/baseline_python.py" "$stem.jsonl" "$data/python-$n.sqlite" \
      | tee "$results/python-$n-r$round.json"
    rm -f "$data/python-$n.sqlite"

    echo "== $n items, round $round of $rounds: sqlite3 .import floor"
    warm "$stem.csv"
    python3 "$root/bench/baseline_sqlite.py" "$stem.csv" "$data/sqlite-$n.sqlite" \
      | tee "$results/sqlite-$n-r$round.json"
    rm -f "$data/sqlite-$n.sqlite"

    # The previous workspace goes before the pause, not inside the timed import.
    rm -f "$data/bench-$n.overrule" "$data/bench-$n.overrule"-*
    warm "$stem.jsonl"
    if [ "$round" -lt "$rounds" ]; then
      echo "== $n items, round $round of $rounds: Overrule's import"
      "$bench" --items "$n" --seed "$seed" --data "$data" --import-only \
        --json "$results/overrule-import-$n-r$round.json"
    else
      echo "== $n items, round $round of $rounds: overrule_bench (import and every operation)"
      "$bench" --items "$n" --seed "$seed" --data "$data" --csv --json "$results/overrule-$n.json"
    fi
  done
  python3 "$root/bench/combine_rounds.py" "$results" "$n" "$rounds"
  exec 9>&-
done

echo
report="$results/report-$(date +%Y%m%d-%H%M%S).md"
python3 "$root/bench/report.py" "$results" "${sizes[@]}" | tee "$report"
echo
echo "(saved to $report)"
