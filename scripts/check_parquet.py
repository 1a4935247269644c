#!/usr/bin/env python3
"""Checks a `news export --format parquet` file with a real reader (DuckDB).

    python3 scripts/check_parquet.py ARTICLES.parquet --search SEARCH.json \
        [--collapsed COLLAPSED.parquet] [--entities ENTITIES.parquet] [--csv ARTICLES.csv]

ARTICLES.parquet is an `--all-copies` export and SEARCH.json the output of
`news search --json --all-copies` for the same query and filters. Checks:

* the column types (lists are VARCHAR[], the date a TIMESTAMP WITH TIME ZONE);
* the row count is the search's total, and ids are unique;
* the persons, locations and organizations facets (--facets) computed in SQL
  (unnest, count, order) give every count the search's facets give, and the
  same top count;
* COLLAPSED.parquet (the same export without --all-copies) has one row per
  cluster, and its cluster sizes add up to the total;
* ENTITIES.parquet (the --entities table) has one row per list entry;
* ARTICLES.csv (a CSV export of the same) has the same ids.

Exits 1 with a message on the first failure. Needs `pip install duckdb`.
"""

import argparse
import csv
import json
import sys

import duckdb

EXPECTED_TYPES = {
    "id": "VARCHAR",
    "title": "VARCHAR",
    "body": "VARCHAR",
    "date": "TIMESTAMP WITH TIME ZONE",
    "source": "VARCHAR",
    "section": "VARCHAR",
    "url": "VARCHAR",
    "dateline": "VARCHAR",
    "authors": "VARCHAR[]",
    "language": "VARCHAR",
    "persons": "VARCHAR[]",
    "locations": "VARCHAR[]",
    "organizations": "VARCHAR[]",
    "countries": "VARCHAR[]",
    "cluster": "UBIGINT",
    "cluster_size": "UBIGINT",
}
FACETS = ["persons", "locations", "organizations"]


def fail(message):
    print(f"check_parquet: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def parquet(path):
    return f"read_parquet('{path}')"


def check_types(db, path):
    rows = db.execute(f"DESCRIBE SELECT * FROM {parquet(path)}").fetchall()
    types = {name: kind for name, kind, *_ in rows}
    for name, kind in EXPECTED_TYPES.items():
        if name == "body" and name not in types:
            continue  # exported with --no-body
        check(name in types, f"{path}: no column {name}")
        check(types[name] == kind, f"{path}: {name} is {types[name]}, expected {kind}")


def check_facets(db, path, search, facets):
    for facet in facets:
        counts = dict(
            db.execute(
                f"SELECT v, count(*) FROM (SELECT unnest({facet}) AS v FROM {parquet(path)}) "
                "GROUP BY v ORDER BY count(*) DESC, v"
            ).fetchall()
        )
        expected = search["facets"][facet]
        for entry in expected:
            got = counts.get(entry["value"])
            check(
                got == entry["count"],
                f"{facet} facet: {entry['value']!r} counts {got} in Parquet, "
                f"{entry['count']} in news search",
            )
        if expected:
            check(
                max(counts.values()) == expected[0]["count"],
                f"{facet} facet: top count {max(counts.values())} in Parquet, "
                f"{expected[0]['count']} in news search",
            )
        else:
            check(not counts, f"{facet}: Parquet has values, news search none")


def check_collapsed(db, path, total):
    rows, clusters, members = db.execute(
        f"SELECT count(*), count(DISTINCT cluster), sum(cluster_size) FROM {parquet(path)}"
    ).fetchone()
    check(rows == clusters, f"{path}: {rows} rows for {clusters} clusters")
    check(members == total, f"{path}: cluster sizes add up to {members}, not {total}")


def check_entities(db, articles, entities):
    expected = db.execute(
        "SELECT sum(len(persons) + len(locations) + len(organizations) + len(countries)) "
        f"FROM {parquet(articles)}"
    ).fetchone()[0] or 0
    got = db.execute(f"SELECT count(*) FROM {parquet(entities)}").fetchone()[0]
    check(got == expected, f"{entities}: {got} rows, expected {expected}")
    kinds = {k for (k,) in db.execute(f"SELECT DISTINCT kind FROM {parquet(entities)}").fetchall()}
    check(kinds <= {"person", "location", "organization", "country"}, f"kinds {kinds}")


def check_csv(db, articles, path):
    with open(path, newline="", encoding="utf-8") as f:
        ids = {row["id"] for row in csv.DictReader(f)}
    expected = {i for (i,) in db.execute(f"SELECT id FROM {parquet(articles)}").fetchall()}
    check(ids == expected, f"{path}: {len(ids)} ids, Parquet {len(expected)}; they differ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("articles")
    parser.add_argument("--search", required=True)
    parser.add_argument("--collapsed")
    parser.add_argument("--entities")
    parser.add_argument("--csv")
    parser.add_argument(
        "--facets",
        default=",".join(FACETS),
        help="facets to compare; leave out one the search filters on (its facet ignores its own filter)",
    )
    args = parser.parse_args()
    with open(args.search, encoding="utf-8") as f:
        search = json.load(f)
    db = duckdb.connect()
    check_types(db, args.articles)
    rows, ids = db.execute(
        f"SELECT count(*), count(DISTINCT id) FROM {parquet(args.articles)}"
    ).fetchone()
    check(rows == search["total"], f"{rows} rows, news search total {search['total']}")
    check(rows == ids, f"{rows} rows but {ids} distinct ids")
    check_facets(db, args.articles, search, [f for f in args.facets.split(",") if f])
    if args.collapsed:
        check_collapsed(db, args.collapsed, search["total"])
    if args.entities:
        check_entities(db, args.articles, args.entities)
    if args.csv:
        check_csv(db, args.articles, args.csv)
    print(f"check_parquet: {rows} rows, types and facets agree with news search")


if __name__ == "__main__":
    main()
