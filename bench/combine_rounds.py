#!/usr/bin/env python3
"""Folds the rounds of bench/run.sh into one result per importer: the median round.

Each importer runs once per round, the rounds interleaved (Python, floor, Overrule, Python,
...), so that a change in the machine's speed during the run reaches all three alike. For each
size N this reads RESULTS/python-N-rK.json, sqlite-N-rK.json and overrule-import-N-rK.json
(K = 1..R; Overrule's last round is the import of the full run, overrule-N.json), writes
python-N.json and sqlite-N.json as their median round, and replaces the "import" object of
overrule-N.json with Overrule's median round. Each keeps "rounds_s", every round's seconds.

Usage: combine_rounds.py RESULTS_DIR N ROUNDS
"""

import json
import os
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def median_round(results):
    ranked = sorted(results, key=lambda r: r["seconds"])
    chosen = dict(ranked[(len(ranked) - 1) // 2])
    chosen["rounds_s"] = [r["seconds"] for r in results]
    return chosen


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    directory, n, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    path = lambda name: os.path.join(directory, name)
    for kind in ("python", "sqlite"):
        results = [read(path(f"{kind}-{n}-r{k}.json")) for k in range(1, rounds + 1)]
        with open(path(f"{kind}-{n}.json"), "w", encoding="utf-8") as f:
            json.dump(median_round(results), f)
    full = read(path(f"overrule-{n}.json"))
    imports = [read(path(f"overrule-import-{n}-r{k}.json"))["import"] for k in range(1, rounds)]
    imports.append(full["import"])
    chosen = median_round(imports)
    full["import"] = chosen
    # Search is ready after the import and the index built right after it.
    index = full.get("search_index")
    if index:
        index["ready_after_s"] = round(chosen["seconds"] + index["seconds"], 2)
    with open(path(f"overrule-{n}.json"), "w", encoding="utf-8") as f:
        json.dump(full, f, indent=1)


if __name__ == "__main__":
    main()
