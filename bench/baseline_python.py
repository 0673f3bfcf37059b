#!/usr/bin/env python3
"""The import a reviewer would write instead of using Overrule: the baseline of issue 4.

Reads a native JSONL run line by line with json.loads and inserts it with sqlite3's
executemany into one table with the same fields (id, prompt, response, verdict, category,
score, intent, model, metadata), in one transaction, with SQLite's default settings. It
streams (a generator feeds executemany), so memory stays flat like Overrule's importer.

Prints one JSON object: items, bytes, seconds, items_per_s, mb_per_s, peak_rss_mb.

Usage: baseline_python.py RUN.jsonl DB.sqlite   (DB is replaced)
"""

import json
import os
import resource
import sqlite3
import sys
import time

SCHEMA = """CREATE TABLE items (
    id TEXT, prompt TEXT, response TEXT, verdict TEXT, category TEXT, score REAL,
    intent TEXT, model TEXT, metadata TEXT)"""


def rows(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            yield (item["id"], item.get("prompt"), item.get("response"), item.get("verdict"),
                   item.get("category"), item.get("score"), item.get("intent"),
                   item.get("model"), json.dumps(item.get("metadata", {})))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    source, db_path = sys.argv[1], sys.argv[2]
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)

    started = time.perf_counter()
    connection = sqlite3.connect(db_path)
    connection.execute(SCHEMA)
    with connection:  # one transaction, committed at the end
        connection.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               rows(source))
    count = connection.execute("SELECT count(*) FROM items").fetchone()[0]
    connection.close()
    seconds = time.perf_counter() - started

    size = os.path.getsize(source)
    print(json.dumps({
        "items": count,
        "bytes": size,
        "seconds": round(seconds, 3),
        "items_per_s": round(count / seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
