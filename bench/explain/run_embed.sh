#!/usr/bin/env bash
# MiniLM cosine of the cross-validation predictions written by the `cv` example
# (bench/explain/out/seed*/), one table per fold seed.
set -euo pipefail
cd "$(dirname "$0")"
py=.venv/bin/python
[ -x "$py" ] || { echo "run bench/explain/setup.sh first"; exit 1; }
configs="${CONFIGS:-lead evidence similarity learned lead+compress+lead-in learned+lead-in oracle lead80}"
for dir in out/seed*/; do
  files=()
  for c in $configs; do [ -f "$dir/$c.txt" ] && files+=("$dir/$c.txt"); done
  echo "== $dir"
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "$py" embed_eval.py --gold "$dir/gold.txt" --folds "$dir/folds.tsv" "${files[@]}"
done
