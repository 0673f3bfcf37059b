#!/usr/bin/env python3
"""The floor of issue 4: the sqlite3 command-line shell's .import of the run's CSV.

Creates the same table as baseline_python.py (id, prompt, response, verdict, category, score,
intent, model, metadata), then times `sqlite3 DB ".import --csv --skip 1 FILE items"`: the
shell parses CSV in C and inserts every row in one transaction, with no JSON to parse. This
is about as fast as this much text can go into SQLite.

Prints one JSON object: items, bytes, seconds, items_per_s, mb_per_s, peak_rss_mb (the
shell's, from getrusage of the child).

Usage: baseline_sqlite.py RUN.csv DB.sqlite   (DB is replaced)
"""

import json
import os
import resource
import subprocess
import sys
import time

SCHEMA = """CREATE TABLE items (
    id TEXT, prompt TEXT, response TEXT, verdict TEXT, category TEXT, score REAL,
    intent TEXT, model TEXT, metadata TEXT)"""


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    source, db_path = sys.argv[1], sys.argv[2]
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    subprocess.run(["sqlite3", db_path, SCHEMA], check=True)

    started = time.perf_counter()
    subprocess.run(["sqlite3", db_path, f".import --csv --skip 1 {source} items"], check=True)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    count = int(subprocess.run(["sqlite3", db_path, "SELECT count(*) FROM items"], check=True,
                               capture_output=True, text=True).stdout)
    size = os.path.getsize(source)
    print(json.dumps({
        "items": count,
        "bytes": size,
        "seconds": round(seconds, 3),
        "items_per_s": round(count / seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }))


if __name__ == "__main__":
    main()
