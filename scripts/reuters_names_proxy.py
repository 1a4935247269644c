#!/usr/bin/env python3
"""How often a prominent person of 1987 that a Reuters-21578 article names
is in that article's person facet: a stand-in, here, for the share of
Reuters' own PEOPLE tags found in the facet (those tags are held out).

Usage:
    news extract ../shared/data/corpora/reuters21578.jsonl > OUT.jsonl
    scripts/reuters_names_proxy.py ../shared/data/corpora/reuters21578.jsonl OUT.jsonl

For each surname below (ministers, central bankers and others the 1987
wires quote often, chosen by hand in the eighteenth session; its misses of
"Reagan" then chose the title and administration rules, so it flatters
what they fixed), every article
whose title or body has the word counts once; it is found when a person
value of the article has that word ("Hisham Nazer" for "Hisham"). Prints found / articles, the
share, and the surnames missed most.
"""
import json
import re
import sys

SURNAMES = [
    "Volcker", "Nakasone", "Stoltenberg", "Poehl", "Lawson", "Sumita", "Miyazawa", "Yeutter",
    "Lyng", "Reagan", "Baker", "Thatcher", "Balladur", "Chirac", "Larosiere", "Camdessus",
    "Sarney", "Funaro", "Sourrouille", "Mulroney", "Hawke", "Keating", "Gorbachev", "Kohl",
    "Bresser", "Delors", "Andriessen", "Greenspan", "Conable", "Herrington", "Subroto",
    "Hisham", "Lukman", "Qabazard", "Icahn", "Murdoch", "Boesky", "Pickens", "Lange", "Darman",
    "Sprinkel", "Shultz", "Mitterrand", "Craxi", "Goria", "Takeshita", "Botha", "Dole",
    "Bentsen", "Rostenkowski", "Gephardt", "Regan",
]


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    texts = {}
    for line in open(corpus, encoding="utf-8"):
        d = json.loads(line)
        texts[d["id"]] = (d.get("title") or "") + "\n" + (d.get("body") or "")
    persons = {}
    for line in open(out, encoding="utf-8"):
        d = json.loads(line)
        persons[d["id"]] = d.get("persons", [])
    found = total = 0
    missed = {}
    for name in SURNAMES:
        word = re.compile(r"\b" + re.escape(name) + r"\b")
        for id_, text in texts.items():
            if not word.search(text):
                continue
            total += 1
            if any(name.lower() in p.lower().split() for p in persons.get(id_, [])):
                found += 1
            else:
                missed[name] = missed.get(name, 0) + 1
    print(f"{found} / {total} = {found / total:.4f}")
    print("missed most:", sorted(missed.items(), key=lambda kv: -kv[1])[:8])


if __name__ == "__main__":
    main()
