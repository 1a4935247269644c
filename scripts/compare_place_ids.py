#!/usr/bin/env python3
"""Which places two builds' `news extract` outputs name differently: the
scorer compares values by name, so "Georgia" the US state and "Georgia" the
country, or Geneva in Switzerland and in Illinois, score alike; their
GeoNames ids do not.

Usage:
    OLD/news extract DOCS.jsonl > A.jsonl
    NEW/news extract DOCS.jsonl > B.jsonl
    scripts/compare_place_ids.py A.jsonl B.jsonl [N]

Prints how many (location value, GeoNames id) pairs changed, then the N
most frequent changes (default 60) as "count name OLD -> NEW first-article",
each place shown by its country code, and its state for the United States
("US/IL"), from the bundled gazetteer and towns files; "None" where a value
has no id or is gone.
"""
import collections
import gzip
import json
import pathlib
import sys

DATA = pathlib.Path(__file__).resolve().parent.parent / "crates/extract/data"


def where_of_ids():
    """GeoNames id -> "ISO" or "US/XX", from the gazetteer and towns files."""
    where = {}
    for line in gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) >= 6 and f[1] != "0":
            where[int(f[1])] = f[2] + ("/" + f[3] if f[2] == "US" else "")
    for line in gzip.open(DATA / "towns.tsv.gz", "rt", encoding="utf-8"):
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) >= 3 and f[0].isdigit():
            where[int(f[0])] = f[1] + ("/" + f[2] if f[1] == "US" else "")
    return where


def read(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, filter(str.strip, f))}


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    a, b = read(argv[0]), read(argv[1])
    top = int(argv[2]) if len(argv) == 3 else 60
    where = where_of_ids()
    changes = collections.Counter()
    first = {}
    for doc, x in a.items():
        y = b.get(doc, {})
        old = dict(zip(x.get("locations", []), x.get("geonames_ids", [])))
        new = dict(zip(y.get("locations", []), y.get("geonames_ids", [])))
        for name in old.keys() | new.keys():
            if old.get(name) != new.get(name):
                key = (name, where.get(old.get(name)), where.get(new.get(name)))
                changes[key] += 1
                first.setdefault(key, doc)
    print(sum(changes.values()), "changes")
    for (name, was, now), n in changes.most_common(top):
        print(n, name, was, "->", now, first[(name, was, now)])


if __name__ == "__main__":
    main(sys.argv[1:])
