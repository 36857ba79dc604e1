# Russian lexicon generator: every entry expanded into its case forms.
class Par(tuple):
    """A declension paradigm: the six case forms, nominative first."""


# case order: nom, gen, dat, acc, ins, prep
HUSH = 'жшчщц'
VELAR_HUSH = 'гкхжшчщ'

def I(s):  # indeclinable
    return (s,) * 6

def M(s, ins=None, anim=True):  # masculine consonant stem
    if ins is None:
        ins = 'ем' if s[-1] in 'жшчщц' else 'ом'
    acc = s + 'а' if anim else s
    return (s, s + 'а', s + 'у', acc, s + ins, s + 'е')

def MP(s, ins=None):  # masculine place (inanimate)
    return M(s, ins, anim=False)

def MS(s, anim=True):  # masculine soft sign (Игорь, Брюссель)
    st = s[:-1]
    return (s, st + 'я', st + 'ю', (st + 'я') if anim else s, st + 'ем', st + 'е')

def MIY(s, anim=True):  # -ий noun (Дмитрий)
    st = s[:-2]
    return (s, st + 'ия', st + 'ию', (st + 'ия') if anim else s, st + 'ием', st + 'ии')

def MJ(s, anim=True):  # -ей/-ай/-ой noun (Сергей, Николай, Китай)
    st = s[:-1]
    return (s, st + 'я', st + 'ю', (st + 'я') if anim else s, st + 'ем', st + 'е')

def OV(s):  # Russian surname -ов/-ев/-ин/-ын
    return (s, s + 'а', s + 'у', s + 'а', s + 'ым', s + 'е')

def ADJ(s, anim=True):  # adjectival masculine (Зеленский, Навальный)
    st, end = s[:-2], s[-2:]
    if end == 'ий' and st[-1] not in VELAR_HUSH:  # soft (синий)
        f = (s, st + 'его', st + 'ему', st + 'его', st + 'им', st + 'ем')
    else:
        i = 'им' if end == 'ий' or st[-1] in VELAR_HUSH else 'ым'
        f = (s, st + 'ого', st + 'ому', st + 'ого', st + i, st + 'ом')
    if not anim:
        f = f[:3] + (s,) + f[4:]
    return f

def FA(s):  # -а noun (fem or masc): Москва, Кулеба, Обама
    st = s[:-1]
    g = 'и' if st[-1] in VELAR_HUSH else 'ы'
    ins = 'ей' if st[-1] in HUSH else 'ой'
    return (s, st + g, st + 'е', st + 'у', st + ins, st + 'е')

def FIA(s):  # -ия: Россия, Мария
    st = s[:-2]
    return (s, st + 'ии', st + 'ии', st + 'ию', st + 'ией', st + 'ии')

def FYA(s):  # -ья/-йя/-я after vowel: Дарья, Майя, Кая
    st = s[:-1]
    return (s, st + 'и', st + 'е', st + 'ю', st + 'ей', st + 'е')

def FOV(s):  # fem surname -ова/-ина; also fem adjective short forms
    st = s[:-1]
    return (s, st + 'ой', st + 'ой', st + 'у', st + 'ой', st + 'ой')

def FADJ(s):  # fem adjective -ая
    st = s[:-2]
    return (s, st + 'ой', st + 'ой', st + 'ую', st + 'ой', st + 'ой')

def FS(s):  # fem soft sign: Беларусь, Сибирь
    st = s[:-1]
    return (s, st + 'и', st + 'и', s, st + 'ью', st + 'и')

def NE(s):  # neuter -ье/-е: Запорожье
    st = s[:-1]
    return (s, st + 'я', st + 'ю', s, st + 'ем', st + 'е')

def NADJ(s):  # neuter adjective -ое
    st = s[:-2]
    i = 'им' if st[-1] in VELAR_HUSH else 'ым'
    return (s, st + 'ого', st + 'ому', s, st + i, st + 'ом')

def NO(s):  # neuter hard -о noun: Министерство
    st = s[:-1]
    return (s, st + 'а', st + 'у', s, st + 'ом', st + 'е')

def PL(s, gen, dat, ins, loc):
    return (s, gen, dat, s, ins, loc)

def C(*parts):  # combine multiword paradigms
    return tuple(' '.join(p[i] for p in parts) for i in range(6))

def fixed(s):  # fixed unchanging tail, e.g. "России"
    return (s,) * 6

def drop(par, *bad):
    kept = tuple(x for x in par if x not in bad)
    # Still a paradigm (nominative first) when the nominative stays.
    return Par(kept) if isinstance(par, Par) and par[0] not in bad else kept

def _paradigm(fn):
    def wrapped(*a, **k):
        return Par(fn(*a, **k))
    return wrapped


for _name in ['I', 'M', 'MP', 'MS', 'MIY', 'MJ', 'OV', 'ADJ', 'FA', 'FIA', 'FYA', 'FOV', 'FADJ',
              'FS', 'NE', 'NADJ', 'NO', 'PL', 'C', 'fixed']:
    if _name in globals():
        globals()[_name] = _paradigm(globals()[_name])

entries = []  # (TYPE, form)
lemma = {}  # form -> nominative (the first paradigm that produced the form)

def add(t, *pars):
    for p in pars:
        if isinstance(p, str):
            p = (p,)
        for f in p:
            entries.append((t, f))
            # Only paradigms know their nominative; a plain tuple lists unrelated names.
            nom = ' '.join(p[0].split()) if isinstance(p, Par) else None
            if nom:
                lemma.setdefault(' '.join(f.split()), nom)
            if 'ё' in f:
                entries.append((t, f.replace('ё', 'е')))
                if nom:
                    lemma.setdefault(' '.join(f.replace('ё', 'е').split()), nom.replace('ё', 'е'))

