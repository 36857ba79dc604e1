#!/usr/bin/env python3
"""Writes N articles (default 10,000) for the load test by replicating the bundled
sample corpus (examples/corpus/*.txt) with variations, so the store holds many
distinct articles, speakers, outlets and dates rather than N copies:

- every person name, place and number of the source article may be swapped for
  another from small fixed lists (seeded, so the corpus is the same every run);
- paragraphs after the first are shuffled and some are dropped;
- an outlet line ("Source: <outlet>") and a date line are appended, giving the
  outlet and date stages something to find;
- the title gets a serial number so titles differ.

Usage: make_corpus.py OUT_DIR [N]
"""
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NAMES = ["Anna Berg", "Ola Nyberg", "Maria Costa", "Pavel Ivanov", "Helen Marsh",
         "Tom Pryce", "Rajiv Menon", "Linda Okafor", "Daniel Ferreira", "Ingrid Halvorsen",
         "Mark Feldner", "Sofia Lindqvist", "Jan Kowalski", "Elena Petrova", "Omar Haddad"]
PLACES = ["Minsk", "Kyiv", "Berlin", "Vilnius", "Warsaw", "Odesa", "Riga", "Prague",
          "Lisbon", "Sofia", "Bucharest", "Tallinn", "Helsinki", "Vienna", "Budapest"]
OUTLETS = ["Eastern Ledger", "Northern Courier", "Daily Meridian", "Harbour Post",
           "Continental Review", "Free Press Bulletin", "Morning Dispatch", "Civic Wire"]


def sources():
    d = os.path.join(ROOT, "examples", "corpus")
    out = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
                text = f.read().replace("\r\n", "\n")
            lines = text.split("\n", 1)
            paras = [p for p in lines[1].split("\n\n") if p.strip()] if len(lines) > 1 else []
            out.append((lines[0].strip(), paras))
    return out


def vary(text, rng, names, places):
    for a, b in names.items():
        text = text.replace(a, b)
    for a, b in places.items():
        text = text.replace(a, b)
    return re.sub(r"\b(\d{1,3})\b", lambda m: str(max(1, int(m.group(1)) + rng.randint(-3, 3))), text)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261201)
    base = sources()
    for i in range(n):
        title, paras = base[i % len(base)]
        names = {a: rng.choice(NAMES) for a in NAMES if rng.random() < 0.5}
        places = {a: rng.choice(PLACES) for a in PLACES if rng.random() < 0.5}
        body = paras[:1] + rng.sample(paras[1:], k=len(paras[1:]))
        body = [p for k, p in enumerate(body) if k == 0 or rng.random() < 0.85]
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = "\n\n".join([f"{vary(title, rng, names, places)} ({i})"]
                           + [vary(p, rng, names, places) for p in body]
                           + [f"Published {date}", f"Source: {rng.choice(OUTLETS)}"]) + "\n"
        sub = os.path.join(out, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"load-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
