#!/bin/bash
# Runs a command and prints its peak resident memory split into the
# process's own memory (RssAnon) and mapped files (RssFile), sampled every
# second from /proc/PID/status; LOG=FILE keeps the samples.
#
#   bench/rss.sh target/release/news --index /tmp/a index synth1m.jsonl --quiet
set -u
log=${LOG:-/dev/null}
"$@" &
pid=$!
start=$(date +%s)
anon=0 file=0 hwm=0
while kill -0 "$pid" 2>/dev/null; do
  if read -r a f h < <(awk '/^RssAnon/{a=$2} /^RssFile/{f=$2} /^VmHWM/{h=$2} END{print a+0, f+0, h+0}' "/proc/$pid/status" 2>/dev/null); then
    echo "$(($(date +%s) - start)) anon=$((a / 1024)) file=$((f / 1024)) hwm=$((h / 1024))" >>"$log"
    ((a > anon)) && anon=$a
    ((f > file)) && file=$f
    ((h > hwm)) && hwm=$h
  fi
  sleep 1
done
wait "$pid"
rc=$?
echo "exit $rc; peak RSS $((hwm / 1024)) MB; peak own (RssAnon) $((anon / 1024)) MB; peak mapped files (RssFile) $((file / 1024)) MB" >&2
exit $rc
