#!/usr/bin/env bash
# Peak memory (RSS, from GNU time) of `hireterm import` on a large CSV and
# on the same rows as JSON, beside opening an empty store.
#
#   bash benches/import-memory.sh [MEGABYTES]     (default 200)
#   HIRETERM_BIN=path/to/hireterm bash benches/import-memory.sh
#
# The CSV is the candidates of a 2,000-candidate demo grown to MEGABYTES
# by benches/grow_csv.py (every row distinct). HIRETERM_BIN measures a
# given binary (another commit's, to compare) instead of building this
# one. Needs GNU time (apt-get install -y time) and python3; the work
# folder (about 6 times MEGABYTES) is made under TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-200}
if [[ -z ${HIRETERM_BIN:-} ]]; then
    cargo build --release --quiet
    HIRETERM_BIN=${CARGO_TARGET_DIR:-target}/release/hireterm
fi
bin=$HIRETERM_BIN
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" demo --db "$work/source" --candidates 2000 --engagements 0 \
    --now 2026-06-01T00:00:00Z >/dev/null
"$bin" export --db "$work/source" --format csv --out "$work/export" >/dev/null
python3 benches/grow_csv.py "$work/export/candidates.csv" "$megabytes" >"$work/big.csv"
echo "file: $(wc -l <"$work/big.csv") lines, $(du -h "$work/big.csv" | cut -f1)"
printf 'name,email\nOne More,one.more@example.com\n' >"$work/one.csv"

peak() { # label, command...
    local label=$1
    shift
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || {
        cat "$work/time.txt"
        exit 1
    }
    printf '%-40s %8s KiB peak RSS, %s\n' "$label" \
        "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" \
        "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")"
}
peak "open an empty store (check)" "$bin" check --db "$work/empty"
peak "check only: import --dry-run (csv)" "$bin" import --dry-run --db "$work/dry" "$work/big.csv"
peak "import (csv) into an empty store" "$bin" import --db "$work/imported" "$work/big.csv"
peak "one row into those (--dry-run)" "$bin" import --dry-run --db "$work/imported" "$work/one.csv"
"$bin" export --db "$work/imported" --out "$work/all.json" >/dev/null
rm -rf "$work/big.csv" "$work/imported"
peak "import (json) into an empty store" "$bin" import --db "$work/imported-json" "$work/all.json"
