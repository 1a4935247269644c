#!/usr/bin/env bash
# The server under the costliest searches its limits allow, with one lane
# (`--quick-budget-ms 10000`: every call runs among --concurrent-searches, as
# before the lanes) and with two (defaults), side by side: one binary, two
# servers on one archive, `news-bench serve … --hostile 4 --costly` against
# each in turn for ROUNDS rounds. Prints news-bench's table per run.
#
#   bench/serve_lanes.sh INDEX_DIR
#
# Environment: NEWS and NEWS_BENCH (binaries; default target/release/),
# ROUNDS (default 2), REQUESTS (default 2000), QUERIES (TREC titles),
# QUICK_BUDGET_MS (the two-lane server's --quick-budget-ms, default 25),
# LOAD (news-bench's hostile flags, default "--hostile 4 --costly").
set -euo pipefail
cd "$(dirname "$0")/.."

index=${1:?usage: bench/serve_lanes.sh INDEX_DIR}
news=${NEWS:-target/release/news}
bench=${NEWS_BENCH:-target/release/news-bench}
queries=${QUERIES:-../shared/data/queries/trec_adhoc_51-200.txt}
rounds=${ROUNDS:-2}
requests=${REQUESTS:-2000}
load=${LOAD:---hostile 4 --costly}

logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$logs"' EXIT
urls=()
for name in one-lane two-lanes; do
  flags=(--quick-budget-ms "${QUICK_BUDGET_MS:-25}")
  [ "$name" = one-lane ] && flags=(--quick-budget-ms 10000)
  "$news" --index "$index" serve --addr 127.0.0.1:0 --cache-mib 0 "${flags[@]}" \
    > "$logs/$name" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q listening "$logs/$name" && break; sleep 0.1; done
  urls+=("$(grep -o 'http://[0-9.:]*' "$logs/$name")")
done
for round in $(seq "$rounds"); do
  for i in 0 1; do
    name=$([ "$i" = 0 ] && echo one-lane || echo two-lanes)
    echo "== round $round: $name (load average $(cut -d' ' -f1 /proc/loadavg))"
    # shellcheck disable=SC2086
    "$bench" serve --url "${urls[$i]}" --queries "$queries" --clients 8 \
      --requests "$requests" --pid "${pids[$i]}" $load | tail -1
  done
done
