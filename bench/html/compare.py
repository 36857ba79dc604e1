#!/usr/bin/env python3
"""Scores narrascope's predictions and trafilatura's extractions with the
article-extraction benchmark's metric and prints a markdown table.

Metric (as in the benchmark's evaluate.py): tokens are `\\w+` matches; per page, the
multisets of 4-token shingles of gold and prediction give tp/fp/fn; page precision
tp/(tp+fp) and recall tp/(tp+fn) (1.0 when fp = fn = 0); precision is averaged over
pages with a non-empty prediction, recall over pages with a non-empty gold; F1 is the
harmonic mean of the two averages.

Speed: trafilatura is timed in-process around `extract()` only (pages already
decompressed in memory, one thread), like narrascope's report `seconds`.
"""
import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    return tp, sum((p - g).values()), sum((g - p).values())


def page_pr(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec


def score(gold, preds):
    ps, rs = [], []
    for key, g in gold.items():
        tp, fp, fn = page_counts(g, preds.get(key, ""))
        prec, rec = page_pr(tp, fp, fn)
        if tp + fp > 0:
            ps.append(prec)
        if tp + fn > 0:
            rs.append(rec)
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def in_split(key, split):
    dev = key[:1] in "01234567"
    return split == "all" or (split == "dev") == dev


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--split", default="test", choices=["dev", "test", "all"])
    ap.add_argument("--ours", type=Path, required=True, help="narrascope predictions JSON")
    ap.add_argument("--ours-report", type=Path, required=True, help="narrascope --json report")
    ap.add_argument("--out", type=Path, help="also write the table here")
    args = ap.parse_args()

    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf8"))
    keys = sorted(k for k in truth if in_split(k, args.split))
    gold = {k: truth[k].get("articleBody", "") for k in keys}
    pages = {}
    for k in keys:
        raw = gzip.decompress((args.data / "html" / f"{k}.html.gz").read_bytes())
        pages[k] = raw.decode("utf8", errors="replace")

    ours = json.loads(args.ours.read_text(encoding="utf8"))
    report = json.loads(args.ours_report.read_text(encoding="utf8"))
    op, orr, of1 = score(gold, ours)
    # Cross-check: the Python metric must agree with the Rust one.
    diff = max(abs(op - report["precision"]), abs(orr - report["recall"]), abs(of1 - report["f1"]))
    if diff > 1e-9:
        print(f"WARNING: Python and Rust metrics differ by {diff:.2e} "
              f"(python F1 {of1:.6f}, rust F1 {report['f1']:.6f})", file=sys.stderr)

    import trafilatura

    preds, seconds = {}, 0.0
    for k in keys:
        url = truth[k].get("url")
        t0 = time.perf_counter()
        text = trafilatura.extract(pages[k], url=url, output_format="txt",
                                   include_comments=False, include_tables=True)
        seconds += time.perf_counter() - t0
        preds[k] = text or ""
    tp, tr, tf1 = score(gold, preds)

    n = len(keys)
    ours_pps = n / report["seconds"] if report["seconds"] else float("inf")
    traf_pps = n / seconds if seconds else float("inf")
    lines = [
        f"Split `{args.split}` ({n} pages); metric cross-check |python - rust| = {diff:.1e}",
        "",
        "| extractor | F1 | precision | recall | pages/s |",
        "|---|---|---|---|---|",
        f"| narrascope | {of1:.4f} | {op:.4f} | {orr:.4f} | {ours_pps:.1f} |",
        f"| trafilatura {trafilatura.__version__} | {tf1:.4f} | {tp:.4f} | {tr:.4f} | {traf_pps:.1f} |",
        "",
        f"Speed ratio (narrascope / trafilatura pages/s): {ours_pps / traf_pps:.1f}x",
    ]
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
