#!/usr/bin/env python3
"""Mention spans for the Wikinews dev articles, for training the tagger.

The dev labels (data/eval/wikinews-dev-labels.jsonl) give each article's
entities as canonical values, not as spans. The tagger learns from spans,
so this script places the values on the text:

1. every occurrence of a labelled value, written as in the label (accents
   aside), at word edges, longest first;
2. every mention `news extract` found whose value (through the
   `folded` spellings: "Putin" of "Vladimir Putin", "U.S." of "United
   States") is a labelled value, with the label's kind; a mention whose
   value is labelled nothing is dropped;
3. a labelled person's surname written alone;
4. the tagger's MISC spans (`train-ner --debug`), which the labels do not
   cover, where nothing else lies.

Overlaps go to the earlier step. What is left is O. The spans are written
as ids, kinds and code-point offsets only (no text); `join` puts them back
on the text of ../shared for training.

Usage (from the workspace root):

    # build: writes the spans to OUT
    python3 scripts/wikinews_spans.py build DEV.jsonl EXTRACT.jsonl DEBUG.txt OUT
    # join: training documents (CoNLL JSONL: id, text, mentions)
    python3 scripts/wikinews_spans.py join DEV.jsonl SPANS.jsonl > wikinews-train.jsonl

DEV.jsonl holds the 120 dev articles (the first 120 lines of
../shared/data/corpora/wikinews-sample.jsonl once the held-out ids are
removed; docs/entities-guideline.md has the command), EXTRACT.jsonl
`news extract DEV.jsonl`, DEBUG.txt `train-ner --dev TEXTS --debug
crates/extract/data/ner.model` over the same texts. Held-out articles are
never read: an id in ../shared/data/ner/wikinews-heldout-ids.txt stops
the script. The bundled model does not use these spans (tried, not kept:
docs/entities-guideline.md, "Training the tagger on the dev labels").
"""

import json
import re
import sys
import unicodedata

KINDS = {"PER": "persons", "LOC": "places", "ORG": "organizations"}
HELD_OUT = "../shared/data/ner/wikinews-heldout-ids.txt"


def text_of(doc):
    """The text `news extract` reads: title, a line break, body."""
    return (doc.get("title") or "") + "\n" + (doc.get("body") or "")


def fold(s):
    """`s` without accents, one character for one (offsets stay valid)."""
    out = []
    for c in s:
        bare = "".join(
            x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)
        )
        out.append(bare if len(bare) == 1 else c)
    return "".join(out)


def occurrences(text, name):
    """Start offsets of `name` in `text` at word edges."""
    found = []
    for m in re.finditer(re.escape(name), text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            found.append(s)
    return found


def misc_spans(debug_lines, text):
    """MISC spans of the tagger's dump for one text, as (start, end)."""
    spans, cursor, start = [], 0, None
    for token, label in debug_lines:
        at = text.find(token, cursor)
        if at < 0:
            start = None
            continue
        cursor = at + len(token)
        position, _, kind = label.partition("-")
        if kind != "MISC":
            start = None
            continue
        if position in ("B", "U"):
            start = at
        if position in ("L", "U") and start is not None:
            spans.append((start, cursor))
            start = None
    return spans


def read_debug(path):
    """Token dumps by document id: [(token, final label)]."""
    docs, current = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# "):
            current = docs.setdefault(line[2:], [])
        elif line and current is not None:
            token, _, final = line.split("\t")
            current.append((token, final))
    return docs


def place(text, labels, extracted, debug):
    """Typed spans of one article: [(start, end, kind)]."""
    taken = [False] * len(text)
    spans = []

    def claim(s, e, kind):
        if s < e and not any(taken[s:e]):
            taken[s:e] = [True] * (e - s)
            spans.append((s, e, kind))

    folded_text = fold(text)
    kind_of = {}
    for kind, key in KINDS.items():
        for value in labels.get(key, []):
            kind_of.setdefault(value, kind)
    for value in sorted(kind_of, key=len, reverse=True):
        for s in occurrences(folded_text, fold(value)):
            claim(s, s + len(value), kind_of[value])
    value_of = {}
    for f in extracted.get("folded", []):
        for spelling in f["spellings"]:
            value_of[(f["type"], spelling)] = f["value"]
    for m in extracted["mentions"]:
        value = value_of.get((m["type"], m["text"]), m["text"])
        if value in labels.get(KINDS[m["type"]], []):
            claim(m["start"], m["end"], m["type"])
        elif value in kind_of:
            claim(m["start"], m["end"], kind_of[value])
    for person in labels.get("persons", []):
        words = person.split()
        surname = words[-1] if len(words) > 1 else ""
        if len(surname) > 2 and surname[0].isupper() and surname not in kind_of:
            for s in occurrences(text, surname):
                claim(s, s + len(surname), "PER")
    for s, e in misc_spans(debug, text):
        claim(s, e, "MISC")
    return sorted(spans)


def build(dev_path, extract_path, debug_path, out_path):
    held = {l.strip() for l in open(HELD_OUT) if l.strip()}
    labels = {}
    for line in open("data/eval/wikinews-dev-labels.jsonl", encoding="utf-8"):
        row = json.loads(line)
        labels[row["id"]] = row
    extracted = {}
    for line in open(extract_path, encoding="utf-8"):
        row = json.loads(line)
        extracted[row["id"]] = row
    debug = read_debug(debug_path)
    counts = dict.fromkeys(["PER", "LOC", "ORG", "MISC"], 0)
    with open(out_path, "w", encoding="utf-8") as out:
        for line in open(dev_path, encoding="utf-8"):
            doc = json.loads(line)
            if doc["id"] in held:
                sys.exit(f"{doc['id']} is held out")
            if doc["id"] not in labels:
                continue
            text = text_of(doc)
            spans = place(text, labels[doc["id"]], extracted[doc["id"]], debug[doc["id"]])
            for _, _, kind in spans:
                counts[kind] += 1
            mentions = [{"type": k, "start": s, "end": e} for s, e, k in spans]
            out.write(json.dumps({"id": doc["id"], "mentions": mentions}) + "\n")
    print(counts, file=sys.stderr)


def join(dev_path, spans_path):
    spans = {}
    for line in open(spans_path, encoding="utf-8"):
        row = json.loads(line)
        spans[row["id"]] = row["mentions"]
    for line in open(dev_path, encoding="utf-8"):
        doc = json.loads(line)
        if doc["id"] in spans:
            row = {"id": doc["id"], "text": text_of(doc), "mentions": spans[doc["id"]]}
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "build":
        build(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "join":
        join(*sys.argv[2:])
    else:
        sys.exit(__doc__)
