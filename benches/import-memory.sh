#!/usr/bin/env bash
# Peak memory of `hireterm import` on a 100,000-row CSV, beside the peak
# of only opening a store. Rerun: bash benches/import-memory.sh [ROWS]
# Needs GNU time (apt-get install -y time).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
cargo build --release --quiet
bin=target/release/hireterm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" demo --db "$work/source" --candidates "$rows" --engagements 0 --now 2026-06-01T00:00:00Z >/dev/null
"$bin" export --db "$work/source" --format csv > "$work/candidates.csv"
echo "file: $(wc -l < "$work/candidates.csv") lines, $(du -h "$work/candidates.csv" | cut -f1)"

peak() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
    printf '%-34s %8s KiB peak RSS, %s s\n' "$label" \
        "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" \
        "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")"
}
peak "open an empty store (check)" "$bin" check --db "$work/empty"
peak "check only: import --dry-run (csv)" "$bin" import --dry-run --db "$work/dry" "$work/candidates.csv"
peak "import $rows rows (csv)" "$bin" import --db "$work/imported" "$work/candidates.csv"
peak "for scale: stats reading those rows" "$bin" stats --db "$work/imported"
"$bin" export --db "$work/source" --out "$work/all.json"
peak "import $rows rows (json)" "$bin" import --db "$work/imported-json" "$work/all.json"
peak "export $rows rows (json)" "$bin" export --db "$work/imported" --out "$work/again.json"
