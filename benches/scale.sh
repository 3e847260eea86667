#!/usr/bin/env bash
# Issue 19's table: every figure of hireterm at 100,000 candidates (and
# 1,000,000 with --million) as a user meets it, beside its goal. See
# benches/scale.py for what each row measures.
#
#   bash benches/scale.sh [--million] [--keep]
#   HIRETERM_BIN=path/to/hireterm bash benches/scale.sh   (another build)
#
# Builds the release binary unless HIRETERM_BIN is given; caches the demo
# databases under target/scale (about 120 MB at 100,000, 1.2 GB at
# 1,000,000). Not part of `cargo test`; bounded (each process is killed
# after five minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${HIRETERM_BIN:-} ]]; then
    cargo build --release --quiet
    export HIRETERM_BIN=${CARGO_TARGET_DIR:-target}/release/hireterm
fi
exec python3 benches/scale.py "$@"
