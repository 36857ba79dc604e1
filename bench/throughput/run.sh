#!/usr/bin/env bash
# Read + clean + segment (+ metadata) throughput of `narrascope analyze` on every
# SemEval-2025 T10 raw text in ../shared/data (all languages, train + test), single
# thread and two threads, against spaCy's rule-based sentencizer (blank pipeline +
# `sentencizer`) on the same texts in the same run. spaCy does strictly less work
# (no noise removal, no language identification, no output), so the ratio is
# conservative.
#
#   bench/throughput/run.sh            # prints a markdown table
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${DATA:-$root/../shared/data/semeval2025t10}"
[ -d "$data" ] || { echo "skipped: $data is absent" >&2; exit 0; }
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -U pip
fi
"$venv/bin/python" -c "import spacy" 2>/dev/null || "$venv/bin/pip" install -q spacy

cargo build -q --release -p narrascope --manifest-path "$root/Cargo.toml"
bin="$root/target/release/narrascope"
list="$(mktemp)"; trap 'rm -f "$list"' EXIT
mapfile -t dirs < <(find "$data" -type d -name '*documents*' | sort)
find "${dirs[@]}" -name '*.txt' | sort > "$list"
bytes=$(xargs -a "$list" cat | wc -c)
files=$(wc -l < "$list")

best() { # best of 3 wall-clock seconds of a command
  local b=999999
  for _ in 1 2 3; do
    local s e; s=$(date +%s.%N); "$@" > /dev/null || [ $? -eq 1 ]; e=$(date +%s.%N)
    b=$(python3 -c "print(min($b, $e - $s))")
  done
  echo "$b"
}
t1=$(best "$bin" analyze -q -j 1 --format jsonl "${dirs[@]}")
t2=$(best "$bin" analyze -q -j 2 --format jsonl "${dirs[@]}")
tp=$("$venv/bin/python" - "$list" <<'PY'
import sys, time, spacy
paths = [l.strip() for l in open(sys.argv[1])]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
nlp = spacy.blank("en"); nlp.add_pipe("sentencizer"); nlp.max_length = 10**8
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    for t in texts:
        len(list(nlp(t).sents))
    best = min(best, time.perf_counter() - s)
print(best)
PY
)
python3 - "$bytes" "$files" "$t1" "$t2" "$tp" <<'PY'
import sys
b, n, t1, t2, tp = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
mb = b / 1e6
print(f"corpus: {n} files, {mb:.1f} MB (SemEval-2025 T10 train+test, all languages)\n")
print("| system | threads | seconds | MB/s | docs/s | × spaCy sentencizer |")
print("|---|---|---|---|---|---|")
for name, th, t in [("narrascope analyze (read+clean+segment+meta, JSON Lines out)", 1, t1),
                    ("narrascope analyze", 2, t2),
                    ("spaCy blank('en') + sentencizer (segmentation only)", 1, tp)]:
    print(f"| {name} | {th} | {t:.2f} | {mb/t:.2f} | {n/t:.0f} | {tp/t:.1f} |")
PY
