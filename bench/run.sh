#!/bin/sh
# Benchmark of batch ingest and of one small ingest; prints every figure (see BENCHMARKS.md).
# Usage: bench/run.sh [N ...]   (default: 1000 10000 100000)
# Environment: BUILD (build directory, default build-scale), WORK (scratch directory).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-scale}
WORK=${WORK:-${TMPDIR:-/tmp}/diplograph-bench}
SIZES=${*:-1000 10000 100000}
BIN=$BUILD/diplograph
mkdir -p "$WORK"

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target diplograph >/dev/null

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
     "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"

for n in $SIZES; do
    input=$WORK/articles-$n.jsonl
    [ -s "$input" ] || python3 "$ROOT/bench/make_articles.py" "$n" >"$input"
    # Five runs each up to 10,000 articles (the median is printed), one at 100,000.
    runs=5
    [ "$n" -gt 10000 ] && runs=1
    for jobs in 1 2; do
        python3 "$ROOT/bench/measure.py" "$BIN" "$input" "$WORK/bench-$n-$jobs.db" "$jobs" "$runs"
        rm -f "$WORK/bench-$n-$jobs.db"
    done
done

# One `ingest` of one ~7 KB article into an existing database, 40 times (distinct articles).
# After `sync`: right after the runs above, the kernel was still writing their databases back,
# and every commit's fdatasync waited behind it (17.5 ms against 14 ms a minute later).
single=$WORK/single
rm -rf "$single" && mkdir -p "$single"
sync
python3 "$ROOT/bench/make_articles.py" 41 --sentences 55 --seed 7 | split -l 1 -a 2 - "$single/a"
for f in "$single"/a*; do mv "$f" "$f.json"; done
"$BIN" ingest -q --db "$single/kg.db" "$single/aaa.json"
# Timed from Python around each command (fork, exec, wait): timing with `date` before and after
# in the shell also counted starting the second `date`, about a millisecond.
python3 - "$BIN" "$single" <<'PY'
import glob, os, sqlite3, statistics, subprocess, sys, time
binary, folder = sys.argv[1], sys.argv[2]
times = []
for path in sorted(glob.glob(os.path.join(folder, "a*.json")))[1:]:
    start = time.perf_counter()
    subprocess.run([binary, "ingest", "-q", "--db", os.path.join(folder, "kg.db"), path], check=True)
    times.append((time.perf_counter() - start) * 1000)
db = sqlite3.connect(os.path.join(folder, "kg.db"))
size = db.execute("SELECT avg(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
print(f"one ingest of one {size / 1024:.1f} KB article: median {statistics.median(times):.1f} ms "
      f"over {len(times)} runs (min {min(times):.1f}, max {max(times):.1f})")
PY
