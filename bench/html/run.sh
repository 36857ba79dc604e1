#!/usr/bin/env bash
# Article-body extraction: narrascope vs trafilatura on the scrapinghub
# article-extraction benchmark, scored with the same metric in Python.
#
#   bench/html/run.sh [dev|test|all]        (default: test)
#
# Env: DATA (benchmark folder, default ../shared/data/article-extraction),
#      NARRASCOPE_BIN (use this binary instead of building target/release/narrascope).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SPLIT="${1:-test}"
DATA="${DATA:-$ROOT/../shared/data/article-extraction}"
VENV="$ROOT/bench/.venv"
OUT="$ROOT/bench/out/html"
mkdir -p "$OUT"

if [ ! -d "$DATA/html" ]; then
    echo "benchmark data not found at $DATA" >&2
    exit 2
fi

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    # trafilatura 2.x needs a recent pip to resolve its dependencies.
    "$VENV/bin/pip" install -q -U pip
    "$VENV/bin/pip" install -q trafilatura
fi

if [ -n "${NARRASCOPE_BIN:-}" ]; then
    BIN="$NARRASCOPE_BIN"
else
    (cd "$ROOT" && cargo build --release -p narrascope)
    BIN="$ROOT/target/release/narrascope"
fi

"$BIN" eval extraction --data "$DATA" --split "$SPLIT" \
    --predictions "$OUT/narrascope-$SPLIT.json" --json >"$OUT/narrascope-$SPLIT-report.json"

"$VENV/bin/python" "$ROOT/bench/html/compare.py" \
    --data "$DATA" --split "$SPLIT" \
    --ours "$OUT/narrascope-$SPLIT.json" \
    --ours-report "$OUT/narrascope-$SPLIT-report.json" \
    --out "$OUT/compare-$SPLIT.md"
