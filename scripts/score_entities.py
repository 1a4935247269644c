#!/usr/bin/env python3
"""Scores `news extract` output against hand labels of persons, places and
organizations (docs/entities-guideline.md).

Usage:
    news extract DOCS.jsonl > OUT.jsonl
    scripts/score_entities.py LABELS.jsonl OUT.jsonl [--show]

LABELS lines: {"id", "persons", "places", "organizations"}.
OUT lines: `news extract` output ({"id", "persons", "locations",
"organizations", ...}); a "places" field is read when "locations" is absent.
Only articles present in LABELS are scored; a labelled article missing from
OUT counts as extracting nothing. Values are compared exactly (after
Unicode NFC and whitespace folding), per article, micro-averaged over all
articles. --show lists every false positive (+) and false negative (-).
"""
import json
import sys
import unicodedata

KINDS = (("persons", "persons"), ("places", "locations"), ("organizations", "organizations"))


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def read_jsonl(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}: line {n}: {e}")
            out[str(d.get("id"))] = d
    return out


def values(d, *fields):
    for f in fields:
        if f in d and d[f] is not None:
            return {norm(v) for v in d[f] if norm(v)}
    return set()


def main(argv):
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    if len(args) != 2:
        sys.exit(__doc__)
    labels, system = read_jsonl(args[0]), read_jsonl(args[1])
    totals = {k: [0, 0, 0] for k, _ in KINDS}  # tp, fp, fn
    errors = []
    for doc_id, gold in labels.items():
        got = system.get(doc_id, {})
        for label_field, out_field in KINDS:
            g = values(gold, label_field)
            s = values(got, out_field, label_field)
            t = totals[label_field]
            t[0] += len(g & s)
            t[1] += len(s - g)
            t[2] += len(g - s)
            errors += [(doc_id, label_field, "+", v) for v in sorted(s - g)]
            errors += [(doc_id, label_field, "-", v) for v in sorted(g - s)]
    print(f"{len(labels)} articles")
    print(f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    all_t = [0, 0, 0]
    for k, _ in KINDS:
        print(row(k, totals[k]))
        all_t = [a + b for a, b in zip(all_t, totals[k])]
    print(row("all", all_t))
    if show:
        for doc_id, kind, sign, v in errors:
            print(f"{sign} {kind:<13} {v}\t{doc_id}")


def row(name, t):
    tp, fp, fn = t
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<14}{p:7.3f}{r:7.3f}{f:7.3f}{tp:6}{fp:6}{fn:6}"


if __name__ == "__main__":
    main(sys.argv[1:])
