#!/usr/bin/env python3
"""Turns the JSON results of bench/run.sh into side-by-side Markdown tables with ratios.

Reads RESULTS/{python,sqlite,overrule}-N.json for each N given and prints: import throughput
against the two baselines, each UI operation's median and p90 per run size against the
targets of issue 4, and memory.

Usage: report.py RESULTS_DIR N [N ...]
"""

import json
import os
import sys

UI_TARGET_MS = 100.0
DECISION_TARGET_MS = 5.0
MEMORY_TARGET_MB = 200.0

UI_OPS = [
    ("open_first_page", "open workspace + first page"),
    ("open_first_page_while_indexing", "open + first page, while indexing"),
    ("jump_last_row", "jump to last row"),
    ("filter_category_verdict", "filter category + verdict"),
    ("sort_score", "sort by score"),
    ("search_first_page", "full-text search, first page"),
    ("search_with_filter", "search + verdict filter"),
    ("commit_decision", "commit one decision"),
    ("commit_decision_while_indexing", "commit one decision, while indexing"),
    ("compute_metrics", "compute run metrics (whole run)"),
]


def load(directory, kind, n):
    path = os.path.join(directory, f"{kind}-{n}.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, (int, float)) and abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def verdict(ok):
    return "met" if ok else "**missed**"


def import_table(directory, n):
    py, floor, ov = (load(directory, k, n) for k in ("python", "sqlite", "overrule"))
    rows = []
    out = [f"### Import, {n:,} items", "",
           "| importer | input | seconds | items/s | MB/s | peak RSS MB | vs Python | vs sqlite3 floor |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]

    def ratio(base, x):
        return f"{base['seconds'] / x['seconds']:.2f}x" if base and x else "–"

    if py:
        rows.append(("Python json + sqlite3 executemany", "JSONL", py))
    if floor:
        rows.append(("sqlite3 shell `.import` (floor)", "CSV", floor))
    if ov:
        rows.append(("Overrule", "JSONL", dict(ov["import"])))
        if "import_csv" in ov:
            rows.append(("Overrule", "CSV", dict(ov["import_csv"])))
    for name, source, r in rows:
        out.append(f"| {name} | {source} | {fmt(r['seconds'], 2)} | {fmt(r['items_per_s'])} | "
                   f"{fmt(r['mb_per_s'])} | {fmt(r.get('peak_rss_mb'))} | {ratio(py, r)} | "
                   f"{ratio(floor, r)} |")
    out.append("")
    out.append("Ratios are speed-ups: baseline seconds / this row's seconds (above 1 = faster).")
    if ov and py and floor:
        imp = ov["import"]
        ready = ov.get("search_index", {}).get("ready_after_s")
        out += ["",
                f"- Import at least 2x faster than the Python script: "
                f"{py['seconds'] / imp['seconds']:.2f}x, {verdict(py['seconds'] / imp['seconds'] >= 2)}.",
                f"- Import no slower than the sqlite3 floor: {imp['seconds']:.1f} s vs "
                f"{floor['seconds']:.1f} s, {verdict(imp['seconds'] <= floor['seconds'])}."]
        if ready is not None:
            # "Within twice that time": against Overrule's own import (the stricter reading
            # once Overrule imports faster than the floor) and against the floor's time, the
            # slowest import the target allows.
            out.append(f"- Full-text search ready within twice the import time: ready "
                       f"{ready:.1f} s after the import started "
                       f"(index {ov['search_index']['seconds']:.1f} s); vs 2 x Overrule's import "
                       f"= {2 * imp['seconds']:.1f} s {verdict(ready <= 2 * imp['seconds'])}; "
                       f"vs 2 x the floor = {2 * floor['seconds']:.1f} s "
                       f"{verdict(ready <= 2 * floor['seconds'])}.")
    out.append("")
    return out


def ui_table(directory, sizes):
    results = {n: load(directory, "overrule", n) for n in sizes}
    sizes = [n for n in sizes if results[n]]
    if not sizes:
        return []
    header = "| operation | " + " | ".join(f"{n:,}: median ms | p90 ms" for n in sizes)
    header += " | target | at largest |"
    out = ["### Review operations (through ItemTableModel, ReviewSession, MetricsCalculator)", "",
           header, "|---|" + "---:|---:|" * len(sizes) + "---|---|"]
    largest = results[sizes[-1]]
    for key, label in UI_OPS:
        cells = []
        for n in sizes:
            op = results[n]["ops"].get(key)
            cells += [fmt(op["median_ms"], 2) if op else "–", fmt(op["p90_ms"], 2) if op else "–"]
        op = largest["ops"].get(key)
        if key == "compute_metrics":
            target, met = "grows with the run (whole-run)", None
        elif key == "commit_decision":
            target, met = f"< {DECISION_TARGET_MS:.0f} ms", op and op["median_ms"] < DECISION_TARGET_MS
        else:
            target, met = f"median < {UI_TARGET_MS:.0f} ms", op and op["median_ms"] < UI_TARGET_MS
        status = "–" if met is None else verdict(met)
        out.append(f"| {label} | " + " | ".join(cells) + f" | {target} | {status} |")

    def row(label, pick, digits=2):
        return f"| {label} | " + " | ".join(fmt(pick(results[n]), digits) for n in sizes) + " |"

    out += ["", "| whole-run figures | " + " | ".join(f"{n:,}" for n in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
            row("rows matching category + verdict filter",
                lambda r: r["rows"]["filter_category_verdict"], 0),
            row(f"rows matching search \"{largest['rows']['search_query']}\"",
                lambda r: r["rows"]["search"], 0),
            row("rows matching search + verdict", lambda r: r["rows"]["search_with_filter"], 0),
            row("import CPU (both threads), s", lambda r: r["import"].get("cpu_s")),
            row("import CPU of the writing thread, s", lambda r: r["import"].get("writer_cpu_s")),
            row("of which in the kernel (its WAL writes), s",
                lambda r: r["import"].get("writer_system_s")),
            row("search index build, s", lambda r: r.get("search_index", {}).get("seconds")),
            row("checkpoint after indexing (background), s",
                lambda r: r.get("search_index", {}).get("checkpoint_after_s")),
            row("workspace after import, MB", lambda r: r["import"]["workspace_mb"], 0),
            row("workspace with search index, MB",
                lambda r: r.get("search_index", {}).get("workspace_mb"), 0),
            row("export JSONL, s", lambda r: r["export_jsonl"]["seconds"]),
            row("export JSONL, MB/s", lambda r: r["export_jsonl"]["mb_per_s"], 1),
            row("browse end to end (every screen), s",
                lambda r: r["browse_end_to_end"]["seconds"]),
            row("slowest screen while browsing, ms",
                lambda r: r["browse_end_to_end"]["slowest_screen_ms"]),
            row("peak RSS during import, MB", lambda r: r["import"]["peak_rss_mb"], 1),
            row("peak RSS, run open + indexed + browsed end to end, MB",
                lambda r: r["memory"]["browse_peak_rss_mb"], 1),
            row("RSS at the end, MB", lambda r: r["memory"]["rss_at_end_mb"], 1),
            ""]
    peak = largest["memory"]["browse_peak_rss_mb"]
    out.append(f"- Peak memory with the run open and browsed end to end under "
               f"{MEMORY_TARGET_MB:.0f} MB: {peak:.0f} MB at {sizes[-1]:,} items, "
               f"{verdict(peak < MEMORY_TARGET_MB)}.")
    out.append("")
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    directory = sys.argv[1]
    sizes = sorted(int(n) for n in sys.argv[2:])
    lines = []
    for n in sizes:
        machine = load(directory, "machine", n)
        if machine:
            lines.append(f"{n:,} items measured on {machine['nproc']} x {machine['cpu']}, "
                         f"{machine['mem_gb']} GB RAM, Linux {machine['kernel']}; load average "
                         f"{machine['loadavg_1m']:.2f} at the start.")
    lines.append("")
    for n in sizes:
        lines += import_table(directory, n)
    lines += ui_table(directory, sizes)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
