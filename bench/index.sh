#!/usr/bin/env bash
# Indexing benchmark, side by side on the same text: `news index` (extraction,
# clustering), tantivy alone (news-bench tantivy: title, body, date; no
# extraction) and SQLite FTS5 (bench/fts5.py, porter tokenizer), on
# Reuters-21578 repeated 10 times (~216,000 articles) and on 1,000,000 synthetic
# articles (`news-bench synth`). Then a re-run of `news index` with nothing changed,
# and a --threads sweep. Prints a Markdown report (also saved in $BENCH_DIR).
#
#   bench/index.sh                      # everything (about 15 minutes on 2 cores)
#   SETS=reuters REPEAT=3 bench/index.sh   # only Reuters x10, best of 3 rounds
#   SETS= THREADS="1 2 4 8 16" SWEEP_SET=synth bench/index.sh   # only the scaling sweep
#
# Environment: BENCH_DIR (work files, default /tmp/news-bench), SETS ("reuters
# synth"), SYNTH_COUNT (1000000), THREADS (sweep, default "1 2 4 8 16"; counts
# above the machine's cores are listed as not measured), SWEEP_SET (reuters),
# MEMORY (writer budget of both tantivy runs, default 1G), REPEAT (rounds per
# engine and set, the fastest kept; default 1). On a machine without a Rust
# toolchain, point NEWS and BENCH at built binaries, REUTERS at the corpus and
# TIME at a GNU time binary: then nothing is built.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/news-bench}
SETS=${SETS-reuters synth}
SYNTH_COUNT=${SYNTH_COUNT:-1000000}
THREADS=${THREADS:-1 2 4 8 16}
SWEEP_SET=${SWEEP_SET:-reuters}
MEMORY=${MEMORY:-1G}
REPEAT=${REPEAT:-1}
CORES=$(nproc)
REUTERS=${REUTERS:-../shared/data/corpora/reuters21578.jsonl}
NEWS=${NEWS:-target/release/news}
BENCH=${BENCH:-target/release/news-bench}
TIME=${TIME:-/usr/bin/time}
mkdir -p "$BENCH_DIR"
REPORT="$BENCH_DIR/report.md"

if [ "$NEWS" = target/release/news ]; then cargo build --release --workspace --quiet; fi
memory_bytes=$(( $(echo "$MEMORY" | sed 's/[Gg]$/*1073741824/; s/[Mm]$/*1048576/') ))

input_of() {
  case $1 in
    reuters)
      [ -s "$BENCH_DIR/reuters-x10.jsonl" ] ||
        "$BENCH" repeat "$REUTERS" --times 10 >"$BENCH_DIR/reuters-x10.jsonl"
      echo "$BENCH_DIR/reuters-x10.jsonl" ;;
    synth)
      local file="$BENCH_DIR/synth-$SYNTH_COUNT-seed7.jsonl"
      [ -s "$file" ] || "$BENCH" synth --from "$REUTERS" --count "$SYNTH_COUNT" --seed 7 -o "$file"
      echo "$file" ;;
  esac
}

# run NAME OUTDIR COMMAND...: runs under /usr/bin/time -v with a warm page
# cache; sets WALL (s), CPU (user + system s), RSS (MB), SIZE (MB of OUTDIR)
# and OUT (stdout).
run() {
  local name=$1 out=$2
  shift 2
  rm -rf "$out"
  "$TIME" -v -o "$BENCH_DIR/$name.time" "$@" >"$BENCH_DIR/$name.out" 2>"$BENCH_DIR/$name.err"
  OUT=$(cat "$BENCH_DIR/$name.out")
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$BENCH_DIR/$name.time")
  RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$BENCH_DIR/$name.time")
  CPU=$(awk -F': ' '/(User|System) time/ {s += $2} END {printf "%.1f", s}' "$BENCH_DIR/$name.time")
  SIZE=0
  if [ -e "$out" ]; then SIZE=$(du -sm "$out" | cut -f1); fi
}

# faster NEW BEST: whether NEW seconds beat BEST (empty BEST: always).
faster() { [ -z "$2" ] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# field NAME: the number NAME in the JSON summary of the last run (OUT).
field() { grep -o "\"$1\": [0-9.e-]*" <<<"$OUT" | grep -o '[0-9.e-]*$'; }

{
  echo "## Indexing benchmark, $(date -u +%Y-%m-%d), $CORES cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), best of $REPEAT round(s)"
  echo
  echo "| set | engine | articles | seconds | CPU s | articles/s | MB/s | peak RSS MB | index MB | articles/s vs news |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$REPORT"

rerun_lines=()
for set in $SETS; do
  input=$(input_of "$set")
  articles=$(wc -l <"$input")
  mb=$(awk -v b="$(stat -c %s "$input")" 'BEGIN { printf "%.1f", b / 1e6 }')
  cat "$input" >/dev/null

  # The engines take turns, REPEAT rounds; each keeps its fastest round, which
  # filters out the moments other work on a shared machine takes the cores.
  news_wall="" tantivy_wall="" fts_wall=""
  for round in $(seq "$REPEAT"); do
    run "$set-news" "$BENCH_DIR/$set-news" "$NEWS" --index "$BENCH_DIR/$set-news" index "$input" \
      --quiet --json --memory "$MEMORY"
    if faster "$WALL" "$news_wall"; then
      news_wall=$WALL news_cpu=$CPU news_rss=$RSS news_size=$SIZE
      indexed=$(field indexed)
      committing="$(field commits) commits, $(field commit_seconds | xargs printf '%.1f') s committing, $(field writer_threads) writer threads"
    fi

    run "$set-tantivy" "$BENCH_DIR/$set-tantivy" "$BENCH" tantivy "$input" \
      --index "$BENCH_DIR/$set-tantivy" --threads "$CORES" --memory "$memory_bytes"
    if faster "$WALL" "$tantivy_wall"; then
      tantivy_wall=$WALL tantivy_cpu=$CPU tantivy_rss=$RSS tantivy_size=$SIZE
    fi

    run "$set-fts5" "$BENCH_DIR/$set-fts5.db" python3 bench/fts5.py "$input" "$BENCH_DIR/$set-fts5.db"
    if faster "$WALL" "$fts_wall"; then
      fts_wall=$WALL fts_cpu=$CPU fts_rss=$RSS fts_size=$SIZE
    fi
  done
  news_rate=$(rate "$articles" "$news_wall")

  run "$set-rerun" "$BENCH_DIR/unused" "$NEWS" --index "$BENCH_DIR/$set-news" index "$input" --quiet --json
  # Timed by news itself: /usr/bin/time counts only hundredths of a second.
  rerun=$(grep -o '"seconds": [0-9.e-]*' <<<"$OUT" | awk '{printf "%.4f", $2}')
  rerun_lines+=("| $set ($mb MB, 1 file) | $news_wall | $rerun | $(ratio "$rerun" "$news_wall") |")

  for row in "news index|$news_wall|$news_cpu|$news_rss|$news_size" \
    "tantivy alone|$tantivy_wall|$tantivy_cpu|$tantivy_rss|$tantivy_size" \
    "SQLite FTS5|$fts_wall|$fts_cpu|$fts_rss|$fts_size"; do
    IFS='|' read -r engine wall cpu rss size <<<"$row"
    r=$(rate "$articles" "$wall")
    echo "| $set | $engine | $articles | $wall | $cpu | $r | $(ratio "$mb" "$wall") | $rss | $size | $(ratio "$r" "$news_rate") |" >>"$REPORT"
  done
  echo "news index wrote $indexed of $articles articles on $set (the rest are exact duplicates; $committing)" >>"$BENCH_DIR/notes.txt"
done

{
  echo
  echo "Load average when the runs ended: $(cut -d' ' -f1-3 /proc/loadavg) (CPU s is the fairer comparison on a shared machine)."
  echo
  echo "Re-run of \`news index\` over the same input with nothing changed:"
  echo
  echo "| set | full run s | re-run s | re-run / full |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${rerun_lines[@]}"
  echo
  echo "Scaling of \`news index --threads N\` pinned to N cores (taskset) on $SWEEP_SET ($CORES cores here):"
  echo
  echo "| threads | seconds | CPU s | articles/s | vs 1 thread |"
  echo "|---:|---:|---:|---:|---:|"
} >>"$REPORT"

input=$(input_of "$SWEEP_SET")
articles=$(wc -l <"$input")
one=""
for threads in $THREADS; do
  if [ "$threads" -gt "$CORES" ]; then
    echo "| $threads | not measured: $CORES cores here | | | |" >>"$REPORT"
    continue
  fi
  # Pinned to as many cores as threads: --threads N alone still runs the
  # reader and tantivy's writer threads beside the N parse threads.
  pin=()
  if taskset -c 0 true 2>/dev/null; then pin=(taskset -c "0-$((threads - 1))"); fi
  run "sweep-$threads" "$BENCH_DIR/sweep" "${pin[@]}" "$NEWS" --index "$BENCH_DIR/sweep" \
    index "$input" --quiet --json --threads "$threads" --memory "$MEMORY"
  r=$(rate "$articles" "$WALL")
  one=${one:-$r}
  echo "| $threads | $WALL | $CPU | $r | $(ratio "$r" "$one") |" >>"$REPORT"
done
rm -rf "$BENCH_DIR/sweep"

cat "$BENCH_DIR/notes.txt" >>"$REPORT" 2>/dev/null && rm -f "$BENCH_DIR/notes.txt"
cat "$REPORT"
