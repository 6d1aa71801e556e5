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

sql() { sqlite3 "$1" "$2"; }

for n in $SIZES; do
    input=$WORK/articles-$n.jsonl
    [ -s "$input" ] || python3 "$ROOT/bench/make_articles.py" "$n" >"$input"
    input_bytes=$(stat -c %s "$input")
    for jobs in 1 2; do
        db=$WORK/bench-$n-$jobs.db
        rm -f "$db"
        /usr/bin/time -v "$BIN" ingest -q --jobs "$jobs" --db "$db" "$input" 2>"$WORK/time.txt"
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                   for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time.txt")
        rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
        # CPU time (user + system) as well as wall time: on a shared machine it is the steadier.
        cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$WORK/time.txt")
        articles=$(sql "$db" "SELECT count(*) FROM articles")
        sentences=$(sql "$db" "SELECT count(*) FROM sentences")
        text_bytes=$(sql "$db" "SELECT sum(length(CAST(text AS BLOB))) FROM articles")
        db_bytes=$(stat -c %s "$db")
        awk -v n="$n" -v j="$jobs" -v w="$wall" -v c="$cpu" -v a="$articles" -v s="$sentences" -v ib="$input_bytes" \
            -v tb="$text_bytes" -v db="$db_bytes" -v rss="$rss_kb" 'BEGIN {
            printf "N=%d jobs=%d: %.2f s (CPU %.2f s), %.0f articles/s, %.0f sentences/s (%.0f per CPU s), " \
                   "%.2f MB/s input, peak %.1f MB, %.0f db bytes/article, db/raw text %.3f, %.1f us/article\n",
                   n, j, w, c, a / w, s / w, s / c, ib / w / 1e6, rss / 1024, db / a, db / tb, w / a * 1e6 }'
        rm -f "$db"
    done
done

# One `ingest` of one ~7 KB article into an existing database, 20 times (distinct articles).
single=$WORK/single
rm -rf "$single" && mkdir -p "$single"
python3 "$ROOT/bench/make_articles.py" 21 --sentences 55 --seed 7 | split -l 1 -a 2 - "$single/a"
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
