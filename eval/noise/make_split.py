#!/usr/bin/env python3
"""Assigns every English SemEval-2025 T10 document (train + test subtask-2 inputs) to a
pool for the noise-removal evaluation, deterministically:

  test   held out: labelled, never looked at while writing rules (reported numbers)
  dev    labelled, used to measure while developing rules
  devel  unlabelled, read freely while writing rules

The pool is chosen by the first hex digit of md5(file name) of the group's first id;
documents with identical text share a group, so a text never sits in two pools.
Writes eval/noise/split.tsv (relative path, pool). Usage:
  python3 eval/noise/make_split.py [../shared/data/semeval2025t10]
"""
import hashlib
import os
import sys

base = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/data/semeval2025t10")
rels = [f"train/EN/raw-documents/{f}" for f in sorted(os.listdir(f"{base}/train/EN/raw-documents"))]
rels += [f"test/EN/subtask-2-documents/{f}" for f in sorted(os.listdir(f"{base}/test/EN/subtask-2-documents"))]
groups = {}
for rel in rels:
    with open(f"{base}/{rel}", "rb") as fh:
        key = hashlib.sha1(fh.read().strip()).hexdigest()
    groups.setdefault(key, []).append(rel)
pool_of = {}
for members in groups.values():
    first = sorted(os.path.basename(m) for m in members)[0]
    h = hashlib.md5(first.encode()).hexdigest()[0]
    pool = "test" if h in "012" else "dev" if h == "3" else "devel"
    for m in members:
        pool_of[m] = pool
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "split.tsv")
with open(out, "w") as fh:
    fh.write("path\tpool\n")
    for rel in rels:
        fh.write(f"{rel}\t{pool_of[rel]}\n")
counts = {}
for p in pool_of.values():
    counts[p] = counts.get(p, 0) + 1
print(out, counts)
