#!/usr/bin/env python3
"""Checks `news export --format opensearch|quickwit` output against the
published formats, without a running engine (none can be started here).

    python3 scripts/check_search_engine_files.py --opensearch DIR --quickwit DIR \
        --articles N --max-bytes BYTES

OpenSearch/Elasticsearch (`_bulk` API, index mappings):
* index.json has `settings` and `mappings.properties`, every field of a type
  both engines know; text fields name an analyser;
* every bulk file ends with a newline, is at most BYTES (unless it holds a
  single larger entry) and alternates action lines and documents: an action is
  an object with one key, `index`, holding a string `_index` and `_id`;
* every document's fields are in the mapping (it is strict) with a JSON value
  of the field's type (`keyword`/`text`: string or list of strings, `date`:
  ISO 8601 string, `long`/`integer`: integer in range); ids are unique and
  the `_id` is the document's `id`.

Quickwit (index config, `quickwit index ingest` NDJSON):
* index-config.yaml has `version`, `index_id`, `doc_mapping.field_mappings`;
  its `timestamp_field` is a mapped `datetime` with `fast: true`; entity
  fields are `array<text>` with `tokenizer: raw` and `fast: true`;
* every NDJSON line is one object whose fields are all mapped (mode strict)
  with values of the mapped type, the timestamp in RFC 3339.

Both hold N documents. Exits 1 with a message on the first failure. Needs
`pip install pyyaml`.
"""

import argparse
import datetime
import glob
import json
import os
import sys

import yaml

ENTITY_FIELDS = ["persons", "locations", "organizations", "countries"]
OPENSEARCH_TYPES = {"text", "keyword", "date", "long", "integer"}
LIMITS = {"long": (-(2**63), 2**63 - 1), "integer": (-(2**31), 2**31 - 1), "u64": (0, 2**64 - 1)}


def fail(message):
    print(f"check_search_engine_files: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def is_rfc3339(value):
    if not isinstance(value, str):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in value and (value.endswith("Z") or "+" in value[10:])


def value_fits(kind, value):
    """Whether a JSON value is valid for a field of `kind` (either engine)."""
    if kind in ("text", "keyword"):
        return isinstance(value, str)
    if kind in ("array<text>",):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind in ("date", "datetime"):
        return is_rfc3339(value)
    if kind in LIMITS:
        low, high = LIMITS[kind]
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return False


def opensearch_field_fits(kind, value):
    # Every OpenSearch field takes a list of its values.
    if isinstance(value, list) and kind in ("text", "keyword"):
        return all(value_fits(kind, v) for v in value)
    return value_fits(kind, value)


def ndjson_files(directory, prefix):
    files = sorted(glob.glob(os.path.join(directory, f"{prefix}-*.ndjson")))
    check(files, f"{directory}: no {prefix}-*.ndjson files")
    return files


def check_size(path, max_bytes, entries):
    size = os.path.getsize(path)
    check(size <= max_bytes or entries == 1, f"{path}: {size} bytes, over {max_bytes}")
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        check(f.read(1) == b"\n", f"{path}: does not end with a newline")


def check_opensearch(directory, max_bytes):
    with open(os.path.join(directory, "index.json"), encoding="utf-8") as f:
        definition = json.load(f)
    check("settings" in definition, "index.json: no settings")
    mappings = definition["mappings"]
    check(mappings.get("dynamic") == "strict", "index.json: mapping is not strict")
    properties = mappings["properties"]
    for name, spec in properties.items():
        check(spec.get("type") in OPENSEARCH_TYPES, f"index.json: {name} has type {spec.get('type')}")
        if spec["type"] == "text":
            check("analyzer" in spec, f"index.json: text field {name} names no analyzer")
    for name in ENTITY_FIELDS:
        check(properties[name]["type"] == "keyword", f"index.json: {name} is not a keyword")
    check(properties["date"]["type"] == "date", "index.json: date is not a date")
    ids = set()
    for path in ndjson_files(directory, "bulk"):
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        check(len(lines) % 2 == 0, f"{path}: an action without its document")
        check_size(path, max_bytes, len(lines) // 2)
        for number in range(0, len(lines), 2):
            action = json.loads(lines[number])
            where = f"{path}:{number + 1}"
            check(isinstance(action, dict) and list(action) == ["index"], f"{where}: not an index action")
            meta = action["index"]
            check(isinstance(meta.get("_index"), str) and meta["_index"], f"{where}: no _index")
            check(isinstance(meta.get("_id"), str) and meta["_id"], f"{where}: no _id")
            doc = json.loads(lines[number + 1])
            check(isinstance(doc, dict), f"{path}:{number + 2}: document is not an object")
            check(doc.get("id") == meta["_id"], f"{where}: _id is not the document's id")
            for name, value in doc.items():
                check(name in properties, f"{path}:{number + 2}: field {name} is not mapped")
                kind = properties[name]["type"]
                check(
                    opensearch_field_fits(kind, value),
                    f"{path}:{number + 2}: {name}={value!r} is no {kind}",
                )
            check(meta["_id"] not in ids, f"{where}: _id {meta['_id']} twice")
            ids.add(meta["_id"])
    return len(ids)


def check_quickwit_config(directory):
    with open(os.path.join(directory, "index-config.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    for key in ("version", "index_id", "doc_mapping"):
        check(key in config, f"index-config.yaml: no {key}")
    mapping = config["doc_mapping"]
    fields = {m["name"]: m for m in mapping["field_mappings"]}
    check(len(fields) == len(mapping["field_mappings"]), "index-config.yaml: a field twice")
    timestamp = mapping.get("timestamp_field")
    check(timestamp in fields, f"index-config.yaml: timestamp_field {timestamp} is not mapped")
    check(fields[timestamp]["type"] == "datetime", "index-config.yaml: timestamp is no datetime")
    check(fields[timestamp].get("fast") is True, "index-config.yaml: timestamp is not fast")
    for name in ENTITY_FIELDS:
        spec = fields.get(name, {})
        check(spec.get("type") == "array<text>", f"index-config.yaml: {name} is no array<text>")
        check(spec.get("tokenizer") == "raw", f"index-config.yaml: {name} is not raw")
        check(spec.get("fast") is True, f"index-config.yaml: {name} is not fast")
    for name in config.get("search_settings", {}).get("default_search_fields", []):
        check(name in fields, f"index-config.yaml: default search field {name} is not mapped")
    return fields


def check_quickwit(directory, max_bytes):
    fields = check_quickwit_config(directory)
    ids = set()
    for path in ndjson_files(directory, "docs"):
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        check_size(path, max_bytes, len(lines))
        for number, line in enumerate(lines, 1):
            doc = json.loads(line)
            check(isinstance(doc, dict), f"{path}:{number}: not an object")
            for name, value in doc.items():
                check(name in fields, f"{path}:{number}: field {name} is not mapped")
                kind = fields[name]["type"]
                check(value_fits(kind, value), f"{path}:{number}: {name}={value!r} is no {kind}")
            check(doc["id"] not in ids, f"{path}:{number}: id {doc['id']} twice")
            ids.add(doc["id"])
    return len(ids)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opensearch", required=True)
    parser.add_argument("--quickwit", required=True)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--max-bytes", type=int, required=True)
    args = parser.parse_args()
    found = check_opensearch(args.opensearch, args.max_bytes)
    check(found == args.articles, f"OpenSearch bulk files hold {found} documents, not {args.articles}")
    found = check_quickwit(args.quickwit, args.max_bytes)
    check(found == args.articles, f"Quickwit files hold {found} documents, not {args.articles}")
    print(f"check_search_engine_files: {found} documents follow both formats")


if __name__ == "__main__":
    main()
