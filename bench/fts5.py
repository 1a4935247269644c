#!/usr/bin/env python3
"""SQLite FTS5 baseline for bench/index.sh: index a JSON Lines file's title and
body (porter tokenizer, one thread, one transaction) and print one JSON line."""

import json
import sqlite3
import sys
import time


def main() -> None:
    source, database = sys.argv[1], sys.argv[2]
    started = time.monotonic()
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(
        "CREATE VIRTUAL TABLE articles USING fts5(title, body, date UNINDEXED, tokenize='porter')"
    )
    articles = 0
    size = 0
    batch = []
    with open(source, "rb") as lines:
        for line in lines:
            size += len(line)
            try:
                article = json.loads(line)
            except ValueError:
                continue
            batch.append(
                (
                    article.get("title") or "",
                    article.get("body") or "",
                    article.get("datetime") or article.get("date"),
                )
            )
            if len(batch) == 10_000:
                db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
                articles += len(batch)
                batch.clear()
    db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
    articles += len(batch)
    db.commit()
    db.close()
    seconds = time.monotonic() - started
    print(json.dumps({"articles": articles, "bytes": size, "seconds": seconds}))


if __name__ == "__main__":
    main()
