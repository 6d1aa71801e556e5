#!/bin/sh
# Regenerates tests/expected/<report>.txt with a built diplograph, for review as a diff:
#   tests/update_expected.sh build-tests
# Each report runs on the samples with the arguments in tests/report_arguments.txt.
set -eu
build=${1:?usage: tests/update_expected.sh BUILD_DIR}
binary=$(cd "$build" && pwd)/diplograph
tests=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/samples.db"
set --
for sample in "$tests"/../samples/*.json; do
    case "$sample" in *.gold.json) ;; *) set -- "$@" "$sample" ;; esac
done
"$binary" ingest --db "$db" "$@" >/dev/null
"$binary" report --list | while read -r name _; do
    arguments=$(awk -v name="$name" '$1 == name { sub(/^[^ ]+ */, ""); print }' \
        "$tests/report_arguments.txt")
    eval "\"\$binary\" report \"\$name\" --db \"\$db\" $arguments" >"$tests/expected/$name.txt"
    echo "tests/expected/$name.txt"
done
