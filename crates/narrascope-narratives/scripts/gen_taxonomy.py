#!/usr/bin/env python3
"""Regenerates crates/narrascope-narratives/taxonomy/*.tsv from the SemEval-2025 Task 10
taxonomy in ../shared (run from the repository root):

    python3 crates/narrascope-narratives/scripts/gen_taxonomy.py ../shared/data/semeval2025t10

Only label names, the hierarchy and short keyword lists derived from the definitions are
written; the definition text itself never enters the repository."""
import csv, re, sys
from collections import Counter
from pathlib import Path

STOP = set("""a about above after again against all also an and any are as at be because been
before being between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just
may more most much must no nor not now of off on once only or other others our out over own
same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will
with would you your e g eg etc statement statements narrative narratives look consider
suggest suggesting suggests claim claims claiming claimed portray portrays portraying idea
ideas implies imply implied present presents presenting presented often way ways used use
using being make makes making one like well even still example examples direct indirect""".split())

def words(s):
    return [w for w in re.findall(r"[a-z][a-z0-9'\-]+", s.lower().replace("’", "'"))
            if w not in STOP and len(w) > 2]

def keywords(name, *texts, n=12):
    in_name = set(words(name))
    c = Counter()
    for t in texts:
        for w in words(t):
            if w not in in_name:
                c[w] += 1
    return [w for w, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

def main(root):
    root = Path(root)
    full = [l.strip() for l in open(root / "scorers/subtask2_subnarratives_FULL_unofficial.txt", encoding="utf-8") if l.strip()]
    narr = [l.strip() for l in open(root / "scorers/subtask2_narratives.txt", encoding="utf-8") if l.strip()]
    official = {l.strip() for l in open(root / "scorers/subtask2_subnarratives.txt", encoding="utf-8") if l.strip()}
    ndef = {r["narrative"].strip(): r for r in csv.DictReader(open(root / "taxonomy/narrative_definitions.csv", encoding="utf-8"))}
    sdef = {r["subnarrative"].strip(): r for r in csv.DictReader(open(root / "taxonomy/subnarrative_definitions.csv", encoding="utf-8"))}
    out = Path(__file__).resolve().parent.parent / "taxonomy"
    rows = []
    for n in narr:
        if n == "Other":
            continue
        r = ndef.get(n, {})
        kw = keywords(n, r.get("definition", ""), r.get("example", ""))
        rows.append(("narrative", n.split(":")[0], n, "", "1", " ".join(kw)))
    for s in full:
        if s == "Other":
            continue
        parent = next(n for n in narr if s.startswith(n + ": "))
        r = sdef.get(s, {})
        kw = keywords(s, r.get("definition", ""), r.get("examples", ""))
        rows.append(("subnarrative", s.split(":")[0], s, parent, "1" if s in official else "0", " ".join(kw)))
    with open(out / "labels.tsv", "w", encoding="utf-8") as f:
        f.write("# kind\tdomain\tlabel\tparent\tin_official_class_file\tkeywords (derived from the definitions)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    roles = list(csv.DictReader(open(root / "taxonomy/entity_role_descriptions.csv", encoding="utf-8")))
    with open(out / "roles.tsv", "w", encoding="utf-8") as f:
        f.write("# main_role\tfine_role\tkeywords (derived from the descriptions)\n")
        for r in roles:
            kw = keywords(r["fine_grained_role"], r["description"].replace("-\n", "").replace("\n", " "), n=8)
            f.write(f"{r['main_role']}\t{r['fine_grained_role']}\t{' '.join(kw)}\n")
    print(f"{sum(1 for r in rows if r[0]=='narrative')} narratives, {sum(1 for r in rows if r[0]!='narrative')} sub-narratives, {len(roles)} roles")

main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/semeval2025t10")
