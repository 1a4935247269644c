#!/usr/bin/env python3
"""SQLite FTS5 side of the query benchmark (crates/query/benches/query.rs runs it).

Builds (once) an FTS5 table with the porter tokenizer over the same articles
the tantivy side indexed, plus plain tables for the metadata and entities, then
times the same TREC titles as ranked OR and as AND queries. Each timed call
returns what the tantivy call returns: the total, the top 10 by bm25 with a
snippet() each, and in the faceted runs the top 10 persons, locations,
organizations and sources and the month histogram of all matches.
Prints one JSON array of results on stdout.
"""

import argparse
import json
import os
import re
import sqlite3
import sys
import time


def build(db_path, corpus):
    tmp = db_path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize = 'porter unicode61');
        CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, month TEXT, source TEXT);
        CREATE TABLE entity(rowid INTEGER, kind TEXT, name TEXT);
        """
    )
    started = time.time()
    with open(corpus, encoding="utf-8") as lines:
        for rowid, line in enumerate(lines, start=1):
            a = json.loads(line)
            db.execute("INSERT INTO articles(rowid, title, body) VALUES (?, ?, ?)", (rowid, a["title"], a["body"]))
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", (rowid, a["id"], a["month"], a["source"]))
            for kind in ("persons", "locations", "organizations"):
                db.executemany("INSERT INTO entity VALUES (?, ?, ?)", [(rowid, kind, n) for n in a[kind]])
    db.execute("CREATE INDEX entity_rowid ON entity(rowid)")
    db.commit()
    db.close()
    os.replace(tmp, db_path)
    print(f"sqlite: built in {time.time() - started:.1f} s", file=sys.stderr)


TOP10 = """SELECT m.id, a.title, snippet(articles, 1, '[', ']', '…', 24)
           FROM articles a JOIN meta m ON m.rowid = a.rowid
           WHERE articles MATCH ? ORDER BY rank LIMIT 10"""
COUNT = "SELECT count(*) FROM articles WHERE articles MATCH ?"
MATCHES = "SELECT rowid FROM articles WHERE articles MATCH ?"
ENTITY = f"""SELECT name, count(*) c FROM entity WHERE kind = ? AND rowid IN ({MATCHES})
             GROUP BY name ORDER BY c DESC, name LIMIT 10"""
SOURCES = f"""SELECT source, count(*) c FROM meta WHERE rowid IN ({MATCHES})
              GROUP BY source ORDER BY c DESC LIMIT 10"""
MONTHS = f"SELECT month, count(*) FROM meta WHERE rowid IN ({MATCHES}) GROUP BY month"


def run(db, match, faceted):
    total = db.execute(COUNT, (match,)).fetchone()[0]
    db.execute(TOP10, (match,)).fetchall()
    if faceted:
        for kind in ("persons", "locations", "organizations"):
            db.execute(ENTITY, (kind, match)).fetchall()
        db.execute(SOURCES, (match,)).fetchall()
        db.execute(MONTHS, (match,)).fetchall()
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--sample", type=int, default=0, help="use N titles, evenly spaced, as the Rust side")
    args = parser.parse_args()
    if not os.path.exists(args.db):
        build(args.db, args.corpus)
    db = sqlite3.connect(args.db)
    titles = [line.split("\t", 1)[1] for line in open(args.queries, encoding="utf-8") if "\t" in line]
    words = [[w.lower() for w in re.split(r"[^\w]+", t) if w] for t in titles]
    words = [ws for ws in words if ws]
    if 0 < args.sample < len(words):
        words = [words[i * len(words) // args.sample] for i in range(args.sample)]
    results = []
    for mode, joiner in (("OR", " OR "), ("AND", " ")):
        matches = [joiner.join(f'"{w}"' for w in ws) for ws in words]
        for faceted in (False, True):
            samples, totals = [], []
            for _ in range(args.rounds):
                for match in matches:
                    started = time.perf_counter()
                    totals.append(run(db, match, faceted))
                    samples.append((time.perf_counter() - started) * 1e3)
            label = "top-10 + snippets + facets + months" if faceted else "top-10 + snippets"
            mean_total = sum(totals) // max(len(totals), 1)
            results.append({"mode": mode, "label": label, "samples_ms": samples, "mean_total": mean_total})
            print(f"sqlite: {mode} {label} done", file=sys.stderr)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
