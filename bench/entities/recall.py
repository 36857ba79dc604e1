#!/usr/bin/env python3
"""Entity recall on the SemEval-2025 Task 10 subtask-1 entity mentions, per language.

The subtask-1 files list, for every article, the mentions of its main entities (character
offsets, end inclusive; untyped). This runs `narrascope analyze` on the articles and
counts how many listed mentions an entity mention of ours covers exactly (same span) or
overlaps. It measures recall only: the lists name the main entities, not all of them.
Precision was judged by hand (see CHANGELOG.md).

    python3 bench/entities/recall.py [--bin target/release/narrascope] [--split test]
                                     [--langs EN,RU,BG,PT,HI] [--data ../shared/data]

Some releases count offsets on text with other line ends (RU: CRLF); a mention whose
text is not at its offsets is realigned on its string when found within 10 characters.
"""
import argparse, collections, json, os, subprocess, sys

ap = argparse.ArgumentParser()
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap.add_argument('--bin', default=os.path.join(root, 'target/release/narrascope'))
ap.add_argument('--split', default='test', choices=['train', 'test'])
ap.add_argument('--langs', default='EN,RU,BG,PT,HI')
ap.add_argument('--data', default=os.path.join(root, '..', 'shared', 'data'))
a = ap.parse_args()
base = os.path.join(a.data, 'semeval2025t10', a.split)
if not os.path.isdir(base):
    print(f'skipped: {base} is absent', file=sys.stderr)
    sys.exit(0)

print('| language | articles | listed mentions | exact span | overlap | our names per article |')
print('|---|---|---|---|---|---|')
for lang in a.langs.split(','):
    if a.split == 'train':
        docs, ann = os.path.join(base, lang, 'raw-documents'), os.path.join(base, lang, 'subtask-1-annotations.txt')
    else:
        docs, ann = os.path.join(base, lang, 'subtask-1-documents'), os.path.join(base, lang, 'subtask-1-entity-mentions.txt')
    gold = collections.defaultdict(list)
    for line in open(ann, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) >= 4:
            gold[p[0]].append((p[1], int(p[2]), int(p[3]) + 1))
    out = subprocess.run([a.bin, 'analyze', '-q', '--no-dedup', '--format', 'jsonl', docs],
                         capture_output=True, text=True, check=False).stdout
    preds = {}
    for line in out.splitlines():
        r = json.loads(line)
        text = r.get('text') or ''
        b = text.encode('utf-8')
        char = lambda x: len(b[:x].decode('utf-8', errors='ignore'))
        ms = [(char(m['start']), char(m['end']))
              for e in r.get('entities', []) for m in e.get('mentions', []) if m.get('kind') == 'name']
        preds[os.path.basename(r.get('path') or r['id'])] = (ms, text)
    total = exact = overlap = names = docs_seen = 0
    for doc, mentions in gold.items():
        if doc not in preds:
            continue
        ms, text = preds[doc]
        docs_seen += 1
        names += len(ms)
        for g, s, e in mentions:
            total += 1
            if text[s:e] != g:
                near = [i for i in range(max(0, s - 10), s + 11) if text[i:i + len(g)] == g]
                if near:
                    s = min(near, key=lambda i: abs(i - s))
                    e = s + len(g)
            exact += any(m == (s, e) for m in ms)
            overlap += any(m[0] < e and s < m[1] for m in ms)
    t = max(total, 1)
    print(f'| {lang} | {docs_seen} | {total} | {exact / t:.3f} | {overlap / t:.3f} | {names / max(docs_seen, 1):.1f} |')
