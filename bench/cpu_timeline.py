#!/usr/bin/env python3
"""Where a run's cores go: runs a command and, every 50 ms, reads the CPU time
of each of its threads from /proc (Linux only).

    python3 bench/cpu_timeline.py LABEL COMMAND [ARGS...]

Prints one JSON line (wall seconds, CPU seconds, peak RSS in MB, exit status,
CPU seconds by thread name with trailing digits dropped, so all
`news-parse-N` threads add up) and then the cores busy in each quarter of a
second. A pipeline that keeps 16 cores busy prints 16s; a stretch of 1s at
the end is one thread that everything else waits for.

Environment: CMD_OUT and CMD_ERR (files for the command's stdout and stderr,
default /dev/null), SAMPLE_OUT (a file to append the full record to, as JSON).
Used for the 16-core measurements in docs/benchmarks.md.
"""
import json
import os
import re
import resource
import sys
import time

POLL_SECONDS = 0.05
BIN_SECONDS = 0.25


def redirect(fd, path):
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(target, fd)


def thread_times(pid, last):
    """Updates `last` (thread id -> (name, clock ticks)); returns their sum,
    or None once the process is gone. Threads that ended keep their last
    reading."""
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                line = stat.read()
        except OSError:
            continue
        name = line[line.index("(") + 1 : line.rindex(")")]
        fields = line[line.rindex(")") + 2 :].split()
        last[tid] = (re.sub(r"\d+$", "", name), int(fields[11]) + int(fields[12]))
    return sum(ticks for _, ticks in last.values())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    label, command = sys.argv[1], sys.argv[2:]
    tick = os.sysconf("SC_CLK_TCK")
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        redirect(1, os.environ.get("CMD_OUT", "/dev/null"))
        redirect(2, os.environ.get("CMD_ERR", "/dev/null"))
        os.execvp(command[0], command)
    last, busy = {}, []
    previous_time, previous_ticks = 0.0, 0
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            break
        ticks = thread_times(pid, last)
        now = time.monotonic() - started
        if ticks is not None and now - previous_time >= BIN_SECONDS:
            busy.append(round((ticks - previous_ticks) / tick / (now - previous_time), 1))
            previous_time, previous_ticks = now, ticks
        time.sleep(POLL_SECONDS)
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_thread = {}
    for name, ticks in last.values():
        by_thread[name] = by_thread.get(name, 0) + ticks / tick
    record = {
        "label": label,
        "wall": round(wall, 2),
        "cpu": round(usage.ru_utime + usage.ru_stime, 1),
        "rss_mb": round(usage.ru_maxrss / 1024),
        "exit": os.waitstatus_to_exitcode(status),
        "threads_cpu": {k: round(v, 1) for k, v in sorted(by_thread.items(), key=lambda kv: -kv[1])},
    }
    print(json.dumps(record))
    print("  busy:", " ".join(f"{cores:g}" for cores in busy))
    if "SAMPLE_OUT" in os.environ:
        with open(os.environ["SAMPLE_OUT"], "a") as out:
            out.write(json.dumps({**record, "busy_per_quarter_second": busy}) + "\n")


if __name__ == "__main__":
    main()
