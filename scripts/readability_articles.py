#!/usr/bin/env python3
"""Writes the English news articles among Mozilla Readability's test pages
(`../shared/data/formats/readability-test-pages`) as `news extract` input:
one JSON line per page, id `readability-<folder>`, the title from
`expected-metadata.json`, the text from `expected.html` (the article as a
reader should extract it) with one line per paragraph, list item or
heading.

These pages are the third test set of entity labels
(data/eval/readability-news-labels.jsonl, docs/entities-guideline.md "The
web pages test set"): newspapers and sites of 2015-2024, another source
than Wikinews.

Usage:
    scripts/readability_articles.py [PAGES_DIR] > /tmp/readability-news.jsonl
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

# News reports and features in English; how-tos, software docs, fiction,
# encyclopedia pages and synthetic test pages are left out.
PAGES = [
    "bbc-1", "breitbart", "buzzfeed-1", "citylab-1", "cnet", "cnn",
    "guardian-1", "herald-sun-1", "msn", "nytimes-1", "nytimes-2",
    "nytimes-3", "nytimes-4", "schema-org-context-object", "seattletimes-1",
    "telegraph", "theverge", "tmz-1", "wapo-1", "wapo-2", "wikia", "yahoo-3",
    "webmd-1", "ars-1", "salon-1", "quanta-1", "medicalnewstoday", "aclu",
]

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
          "tr", "br", "figcaption", "section", "article", "ul", "ol", "pre"}
SKIPPED = {"script", "style", "noscript"}


class Text(HTMLParser):
    """The text of an HTML fragment, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.line, self.skipping = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.end_line()

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.end_line()

    def handle_data(self, data):
        if not self.skipping:
            self.line.append(data)

    def end_line(self):
        line = " ".join("".join(self.line).split())
        if line:
            self.lines.append(line)
        self.line = []

    def text(self):
        self.end_line()
        return "\n".join(self.lines)


def main():
    pages = Path(sys.argv[1] if len(sys.argv) > 1
                 else "../shared/data/formats/readability-test-pages")
    for name in PAGES:
        meta = json.loads((pages / name / "expected-metadata.json").read_text(encoding="utf-8"))
        parser = Text()
        parser.feed((pages / name / "expected.html").read_text(encoding="utf-8"))
        row = {"id": f"readability-{name}", "title": meta.get("title") or "",
               "text": parser.text()}
        if meta.get("publishedTime"):
            row["date"] = meta["publishedTime"][:10]
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
