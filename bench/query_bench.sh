#!/bin/sh
# Benchmark (not a test) of the graph reports on a large database: times `report neighbors
# --depth 2`, `report path` and `report relations` for the busiest actor, as whole commands and
# as queries alone in the sqlite3 shell; prints every figure (see BENCHMARKS.md).
# Usage: bench/query_bench.sh [DATABASE]
#   Without DATABASE, makes 100,000 articles with bench/make_articles.py and ingests them with
#   --jobs 2 into $WORK/query-100000.db (both are reused when they exist). A database with an
#   older schema is migrated first (by ingesting one of its own articles again: a no-op).
# Environment: BUILD (build directory, default build-qbench), WORK (scratch directory),
#   RUNS (runs per report, default 10), N (articles to make, default 100000).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-qbench}
WORK=${WORK:-${TMPDIR:-/tmp}/diplograph-bench}
RUNS=${RUNS:-10}
N=${N:-100000}
BIN=$BUILD/diplograph
mkdir -p "$WORK"

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target diplograph >/dev/null

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
     "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
     "SQLite $(sqlite3 --version | cut -d' ' -f1), load $(cut -d' ' -f1-3 /proc/loadavg)"

db=${1:-$WORK/query-$N.db}
if [ ! -e "$db" ]; then
    input=$WORK/articles-$N.jsonl
    [ -s "$input" ] || python3 "$ROOT/bench/make_articles.py" "$N" >"$input"
    start=$(date +%s)
    # A database is only reused when its ingest finished.
    "$BIN" ingest -q --jobs 2 --db "$db.part" "$input"
    mv "$db.part" "$db"
    echo "ingested $N articles with --jobs 2 in $(( $(date +%s) - start )) s"
fi
if [ "$(sqlite3 "$db" 'PRAGMA user_version')" -lt "$(ls "$ROOT"/schema/*.sql | wc -l)" ]; then
    again=$WORK/again.json
    sqlite3 "$db" "SELECT json_object('text', text) FROM articles LIMIT 1" >"$again"
    "$BIN" ingest -q --db "$db" "$again"
fi

q() { sqlite3 -readonly "$db" "$1"; }
echo "database: $db, $(stat -c %s "$db" | awk '{ printf "%.0f MB", $1 / 1e6 }'):" \
     "$(q 'SELECT count(*) FROM articles') articles, $(q 'SELECT count(*) FROM actors') actors," \
     "$(q 'SELECT count(*) FROM relations') relations, $(q 'SELECT count(*) FROM meetings') meetings"

# The busiest actor: the most rows of v_edges at either end.
busy=$(q "SELECT id FROM (SELECT source AS id FROM v_edges WHERE source <> target
                          UNION ALL SELECT target FROM v_edges WHERE source <> target)
          GROUP BY id ORDER BY count(*) DESC, id LIMIT 1")
# The other: two hops away (three when nothing is at two), the one linked to most actors of
# the hop before it.
other_and_hops=$(q "
WITH links (a, b) AS (SELECT source, target FROM v_edges WHERE source <> target
                      UNION SELECT target, source FROM v_edges WHERE source <> target),
hop1 (id) AS (SELECT b FROM links WHERE a = $busy),
hop2 (id, n) AS (SELECT l.b, count(*) FROM hop1 JOIN links l ON l.a = hop1.id
                 WHERE l.b <> $busy AND l.b NOT IN hop1 GROUP BY l.b),
hop3 (id, n) AS (SELECT l.b, count(*) FROM hop2 JOIN links l ON l.a = hop2.id
                 WHERE l.b <> $busy AND l.b NOT IN hop1 AND l.b NOT IN (SELECT id FROM hop2)
                 GROUP BY l.b)
SELECT id || ' ' || hops FROM (SELECT id, n, 2 AS hops FROM hop2 UNION ALL SELECT id, n, 3 FROM hop3)
ORDER BY hops, n DESC, id LIMIT 1")
other=${other_and_hops% *}
hops=${other_and_hops#* }
name() { q "SELECT name FROM actors WHERE actor_id = $1"; }
busy_name=$(name "$busy")
other_name=$(name "$other")
echo "busy actor: $busy_name (id $busy, $(q "SELECT count(*) FROM relations
      WHERE $busy IN (source_id, target_id)") relations, $(q "SELECT count(*)
      FROM meeting_participants WHERE actor_id = $busy") meetings);" \
     "other: $other_name (id $other, $hops hops away)"

# median and max of the numbers on stdin (microseconds), printed in ms
stats() {
    sort -n | awk '{ t[NR] = $1 } END {
        m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
        printf "median %6.1f ms, max %6.1f ms", m / 1000, t[NR] / 1000 }'
}

# bench LABEL REPORT SQL_PARAMETERS -- COMMAND_ARGUMENTS...
bench() {
    label=$1 report=$2 params=$3
    shift 4
    times=$WORK/times.txt
    : >"$times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        start=$(date +%s%N)
        "$BIN" report "$report" --db "$db" "$@" >"$WORK/out.txt"
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) >>"$times"
        i=$((i + 1))
    done
    rows=$(( $(wc -l <"$WORK/out.txt") - 2 ))
    [ "$rows" -ge 0 ] || rows=0
    command=$(stats <"$times")
    # The same SQL in the sqlite3 shell, one process per run, as `.timer on` reports it (wall,
    # and user + system CPU time, which a loaded machine does not inflate).
    : >"$times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        { printf '%s\n' "$params" | tr ';' '\n' | sed 's/^ */.param set /'
          echo ".timer on"
          echo ".read $ROOT/queries/$report.sql"; } |
            sqlite3 -readonly "$db" | grep '^Run Time:' >>"$times"
        i=$((i + 1))
    done
    query=$(awk '{ printf "%d\n", $4 * 1e6 }' "$times" | stats)
    cpu=$(awk '{ printf "%d\n", ($6 + $8) * 1e6 }' "$times" | stats)
    printf '%-34s %3d rows  command: %s   query alone: %s   its CPU: %s\n' "$label" "$rows" \
           "$command" "$query" "$cpu"
}

echo "$RUNS runs each, wall time:"
bench "neighbors --depth 2" neighbors ":actor $busy; :depth 2; :limit 20" -- \
      --actor "$busy_name" --depth 2
bench "path --depth $hops (to the other)" path ":actor $busy; :other $other; :depth $hops" -- \
      --actor "$busy_name" --other "$other_name" --depth "$hops"
bench "relations" relations ":actor $busy; :limit 20" -- --actor "$busy_name"
bench "relations (between the two)" relations ":actor $busy; :other $other; :limit 20" -- \
      --actor "$busy_name" --other "$other_name"
