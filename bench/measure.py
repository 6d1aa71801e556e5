#!/usr/bin/env python3
"""Times `diplograph ingest` of one input, RUNS times, and prints the run with the median wall time.

Usage: bench/measure.py BIN INPUT DB JOBS RUNS

Each run starts from no database. Wall time is taken around the process (fork to exit), CPU time
(user + system) and peak memory (maximum resident set) come from the kernel's accounting of that
one process (wait4). Several runs and their median make the ratio of `--jobs 2` to `--jobs 1`
steady for small inputs, where a few milliseconds are a few per cent.
"""
import os
import sqlite3
import subprocess
import sys
import time


def run_once(binary, source, database, jobs):
    if os.path.exists(database):
        os.remove(database)
    start = time.perf_counter()
    process = subprocess.Popen([binary, "ingest", "-q", "--jobs", str(jobs), "--db", database, source])
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"measure.py: {binary} ingest {source} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    binary, source, database, jobs, runs = sys.argv[1:6]
    results = [run_once(binary, source, database, int(jobs)) for _ in range(int(runs))]
    walls = [wall for wall, _, _ in results]
    wall, cpu, rss_kb = sorted(results)[len(results) // 2]
    db = sqlite3.connect(database)
    articles, sentences = db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences)").fetchone()
    text_bytes = db.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
    db.close()
    db_bytes = os.path.getsize(database)
    input_bytes = os.path.getsize(source)
    spread = f", {len(walls)} runs {min(walls):.3f}-{max(walls):.3f} s" if len(walls) > 1 else ""
    print(f"N={articles} jobs={jobs}: {wall:.3f} s (CPU {cpu:.2f} s{spread}), "
          f"{articles / wall:.0f} articles/s, {sentences / wall:.0f} sentences/s "
          f"({sentences / cpu:.0f} per CPU s), {input_bytes / wall / 1e6:.2f} MB/s input, "
          f"peak {rss_kb / 1024:.1f} MB, {db_bytes / articles:.0f} db bytes/article, "
          f"db/raw text {db_bytes / text_bytes:.3f}, {wall / articles * 1e6:.1f} us/article")


if __name__ == "__main__":
    main()
