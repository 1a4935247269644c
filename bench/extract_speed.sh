#!/usr/bin/env bash
# CPU time of the whole `news extract` process over Reuters-21578 for the
# builds of several commits, run side by side: each commit is built once in
# its own worktree under $WORK, then the binaries take turns, RUNS times
# each, so that a change in the machine's load falls on all of them alike.
# Prints per build the median user + sys CPU-seconds, words (whitespace-
# separated, title and body) per CPU-second, the ratio of its rate to the
# first build's, and the peak RSS.
#
#   bench/extract_speed.sh                 # 8a14c0b (as issue 17 was filed) and this checkout
#   RUNS=9 bench/extract_speed.sh A B .    # any commits; "." is this checkout as it is;
#                                          # the first is the baseline
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 8a14c0b .
RUNS=${RUNS:-7}
WORK=${WORK:-/tmp/news-extract-speed}
INPUT=${INPUT:-../shared/data/corpora/reuters21578.jsonl}
mkdir -p "$WORK"

words=$(python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    n += len((d.get("title") or "").split()) + len((d.get("body") or "").split())
print(n)' "$INPUT")

bins=()
for rev in "$@"; do
  if [ "$rev" = . ]; then
    cargo build --release -q -p news
    bins+=("$PWD/target/release/news")
    continue
  fi
  commit=$(git rev-parse --short "$rev^{commit}")
  tree="$WORK/$commit"
  [ -d "$tree" ] || git worktree add --detach -f "$tree" "$commit" >/dev/null
  (cd "$tree" && cargo build --release -q -p news)
  bins+=("$tree/target/release/news")
done

log="$WORK/runs.txt"
: > "$log"
for _ in $(seq "$RUNS"); do
  for i in "${!bins[@]}"; do
    /usr/bin/time -f "$i %U %S %M" "${bins[$i]}" extract "$INPUT" > /dev/null 2>> "$log"
  done
done

echo "$words words; $RUNS runs each, alternating; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$log" "$words" "$@" <<'EOF'
import statistics, sys
log, words, revs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
cpu, rss = {}, {}
for line in open(log):
    parts = line.split()
    if len(parts) == 4 and parts[0].isdigit():
        i = int(parts[0])
        cpu.setdefault(i, []).append(float(parts[1]) + float(parts[2]))
        rss.setdefault(i, []).append(int(parts[3]))
base = None
for i, rev in enumerate(revs):
    median = statistics.median(cpu[i])
    rate = words / median
    base = base or rate
    print(f"{rev:>12}  median {median:.2f} CPU-s  {rate / 1e6:.3f} M words/CPU-s  "
          f"x{rate / base:.2f}  peak {max(rss[i]) // 1024} MB  "
          f"runs {' '.join(f'{c:.2f}' for c in sorted(cpu[i]))}")
EOF
