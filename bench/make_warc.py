#!/usr/bin/env python3
"""Writes a large `.warc.gz` crawl for measuring the WARC reader's speed and
memory (docs/formats.md, "A 1 GB .warc.gz").

usage: bench/make_warc.py PAGES_DIR OUT.warc.gz SIZE_MB

PAGES_DIR holds one folder per page with a `source.html` (the readability dev
set: ../shared/data/formats/readability-test-pages). The pages are written
over and over, each time under new URLs, until the file reaches SIZE_MB
(compressed), each record its own gzip member as crawlers write them: a
`warcinfo` record, then for each page a `request` and a `response` (200,
text/html), and after every tenth page a redirect (301), a missing page
(404), an image and a JSON response, which the reader must pass over.
Nothing of the pages is kept in the repository; the output goes where asked.
"""

import os
import sys
import zlib


def member(data):
    """One gzip member holding `data`."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def record(kind, uri, content_type, block, number):
    head = (
        "WARC/1.1\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        "WARC-Date: 2025-06-04T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return member(head + block + b"\r\n\r\n")


def response(uri, status, content_type, body, number):
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return record("response", uri, "application/http; msgtype=response", http.encode() + body, number)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    pages_dir, out_path, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    names = sorted(n for n in os.listdir(pages_dir) if os.path.exists(os.path.join(pages_dir, n, "source.html")))
    pages = [(n, open(os.path.join(pages_dir, n, "source.html"), "rb").read()) for n in names]
    limit = int(size_mb * 1024 * 1024)
    number = 0
    counts = {"html": 0, "other": 0}
    with open(out_path, "wb") as out:
        number += 1
        out.write(record("warcinfo", "", "application/warc-fields", b"software: bench/make_warc.py\r\n", number))
        round_ = 0
        while out.tell() < limit:
            round_ += 1
            for i, (name, body) in enumerate(pages):
                url = f"https://r{round_}.crawl.example/{name}"
                request = f"GET /{name} HTTP/1.1\r\nHost: r{round_}.crawl.example\r\n\r\n".encode()
                number += 1
                out.write(record("request", url, "application/http; msgtype=request", request, number))
                number += 1
                out.write(response(url, "200 OK", "text/html", body, number))
                counts["html"] += 1
                if i % 10 == 0:
                    for status, kind, extra in [
                        ("301 Moved Permanently", "text/html", b""),
                        ("404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
                        ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(2048)),
                        ("200 OK", "application/json", b'{"ok": true}'),
                    ]:
                        number += 1
                        out.write(response(f"{url}/{number}", status, kind, extra, number))
                        counts["other"] += 1
                if out.tell() >= limit:
                    break
        size = out.tell()
    print(f"{out_path}: {size / 1e6:.0f} MB, {number} records, {counts['html']} HTML pages, "
          f"{counts['other']} non-200 or non-HTML responses, {round_} rounds")


if __name__ == "__main__":
    main()
