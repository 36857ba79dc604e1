"""What the three list generators share: `|`-separated variants and the writer."""
import sys


def variants(entries, t, *names):
    """Adds every `|`-separated name of `names` to `entries` as (TYPE, name)."""
    for n in names:
        for x in n.split('|'):
            x = x.strip()
            if x:
                entries.append((t, x))


def write(entries, path, nominative=None):
    """Writes `TYPE<TAB>NAME[<TAB>NOMINATIVE]` lines: whitespace collapsed, duplicates
    dropped, and a name listed under two types left out (reported on stderr).
    `nominative` maps a form to its nominative; it is written when it differs."""
    nominative = nominative or {}
    seen, out = set(), []
    for t, f in entries:
        f = ' '.join(f.split())
        if f and (t, f) not in seen:
            seen.add((t, f))
            out.append((t, f))
    types = {}
    for t, f in out:
        types.setdefault(f, set()).add(t)
    amb = {f for f, ts in types.items() if len(ts) > 1}
    for f in sorted(amb):
        print('AMBIGUOUS', f, types[f], file=sys.stderr)
    with open(path, 'w', encoding='utf-8') as fh:
        for t, f in out:
            if f not in amb:
                nom = nominative.get(f, f)
                fh.write(f'{t}\t{f}\t{nom}\n' if nom != f else f'{t}\t{f}\n')
