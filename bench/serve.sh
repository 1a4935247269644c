#!/usr/bin/env bash
# Serving benchmark with `wrk` (a client that is not ours): `news serve` with
# the answer cache off, so every request is a search, answering the 195
# faceted TREC searches of `news-bench serve --wrk-script`. Each binary given
# is started, loaded with wrk for each connection count, and stopped, in turn,
# for ROUNDS rounds: two builds compared side by side in one run.
#
#   bench/serve.sh INDEX_DIR [NEWS_BINARY...]
#   CONNECTIONS="1 8 64" bench/serve.sh /tmp/reuters-x10-index
#   bench/serve.sh /tmp/ix old/news target/release/news   # before and after
#
# Environment: CONNECTIONS (default "64"), DURATION (per wrk run, default
# 15s), ROUNDS (default 2), CACHE_MIB (default 0), PORT (default 7879),
# QUERIES (TREC titles). Prints one line per run: requests/s, latency
# percentiles, non-2xx answers and the server's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

index=${1:?usage: bench/serve.sh INDEX_DIR [NEWS_BINARY...]}
shift
binaries=("$@")
if [ ${#binaries[@]} -eq 0 ]; then
  cargo build --release -q -p news -p news-bench
  binaries=(target/release/news)
fi
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
CACHE_MIB=${CACHE_MIB:-0}
PORT=${PORT:-7879}
QUERIES=${QUERIES:-../shared/data/queries/trec_adhoc_51-200.txt}
command -v wrk > /dev/null || { echo "bench/serve.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

url=http://127.0.0.1:$PORT
script=$(mktemp --suffix .lua)
trap 'rm -f "$script"' EXIT
cargo build --release -q -p news-bench

percentile() { awk -v p="$1" '$1 == p { print $2 }'; }
echo "| round | binary | connections | requests/s | p50 | p90 | p99 | max | non-2xx | peak RSS MB |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
  for binary in "${binaries[@]}"; do
    "$binary" serve --index "$index" --addr "127.0.0.1:$PORT" --cache-mib "$CACHE_MIB" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 50); do curl -sf "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
    # The script's filtered searches use the top place of each unfiltered
    # answer, so it is written once, from the first server.
    if [ ! -s "$script" ]; then
      target/release/news-bench serve --url "$url" --queries "$QUERIES" --wrk-script "$script" > /dev/null 2>&1
    fi
    for connections in $CONNECTIONS; do
      threads=$(( connections < 2 ? 1 : 2 ))
      out=$(wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$script" "$url" 2>&1)
      rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
      max=$(echo "$out" | awk '/Latency/ { print $4; exit }')
      non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
      rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
      echo "| $round | $binary | $connections | $rps | $(echo "$out" | percentile 50%) |" \
        "$(echo "$out" | percentile 90%) | $(echo "$out" | percentile 99%) | $max | ${non2xx:-0} | $rss |"
    done
    kill "$pid"
    wait "$pid" 2> /dev/null || true
  done
done
