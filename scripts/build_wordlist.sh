#!/usr/bin/env sh
# Builds crates/indexer/data/english-words.txt.gz, the English word list the
# entity tagger's case lexicon is trained with (see
# crates/indexer/src/extract/train.rs), from Debian's `wamerican` package
# (SCOWL, Kevin Atkinson; licence in crates/indexer/data/README.md).
#
#   apt-get install -y wamerican && scripts/build_wordlist.sh
#
# Output: one word per line, UTF-8, as SCOWL writes it ("rescuer",
# "Boeing", "PhD"), possessives ("Aaron's") left out, sorted bytewise;
# gzip without a timestamp, so rebuilding gives the same bytes. Also copies
# the package's copyright file (every notice SCOWL asks to keep) beside it.
set -eu
src=${1:-/usr/share/dict/american-english}
out="$(dirname "$0")/../crates/indexer/data/english-words.txt.gz"
grep -v "'s\$" "$src" | LC_ALL=C sort -u | gzip -9n > "$out"
cp /usr/share/doc/wamerican/copyright "$(dirname "$out")/english-words.COPYRIGHT" 2>/dev/null || true
echo "wrote $out ($(wc -c < "$out") bytes, $(gzip -dc "$out" | wc -l) words)"
