//! Hashed features of a token in its sentence.
//!
//! Each feature is a template id plus a string, hashed with xxh3 to 64 bits; the model keys
//! its weights by (the low 32 bits of) that hash. Changing any template changes what a
//! stored model means, so [`FEATURE_VERSION`] is written into every model file and checked
//! on load.

use std::ops::Range;

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Version of the feature templates below; bump on any change.
pub const FEATURE_VERSION: u32 = 3;

/// Gazetteer bit of the outside place list.
pub const PLACE_BIT: u8 = 4;

/// Names of the gazetteer bits, as used in feature strings.
const GAZ_NAMES: [&str; 5] = ["PER", "ORG", "LOC", "MISC", "PLACE"];

/// Longest gazetteer entry, in tokens.
pub const GAZ_MAX_LEN: usize = 6;

/// Longest prefix of a word the features look at, in characters (keeps hostile 100 KB
/// "words" cheap).
const MAX_WORD_CHARS: usize = 40;

/// The lexicons' map: looked up for every token of every sentence with short keys, where
/// the standard library's SipHash (DoS-resistant, which these fixed model tables do not
/// need) was the larger part of the lookup. Iteration order never reaches an output: the
/// model file writes the tables sorted.
pub type LexMap<V> = rustc_hash::FxHashMap<String, V>;

/// Word lists the features consult, learnt from the training data and stored in the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicons {
    /// Lowercased, space-joined entity names → bit mask of classes (bit = class index;
    /// bit [`PLACE_BIT`] = listed as a place in `models/ner/places.txt`).
    pub gazetteer: LexMap<u8>,
    /// Lowercased word → case bucket: how often the word is capitalised when it is not
    /// sentence-initial (0 = always lowercase … 3 = always capitalised).
    pub case: LexMap<u8>,
    /// Lowercased word → (coarse, fine) word class, from `models/ner/clusters.txt`.
    pub clusters: LexMap<(u16, u16)>,
}

/// Features of every token of one sentence.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    /// Feature hashes, token after token.
    pub ids: Vec<u64>,
    /// Token `i` owns `ids[offsets[i]..offsets[i + 1]]`.
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Feature hashes of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.ids[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Per-token strings computed once per sentence, as ranges into one buffer (one
/// allocation per sentence instead of four per token).
struct Tok {
    /// Normalised lowercase form, digits folded to `0`.
    low: Range<usize>,
    /// The word as written (normalised quotes), truncated.
    raw: Range<usize>,
    /// Condensed shape: `Xx`, `X.X.`, `d`, `Xx-Xx`.
    shape: Range<usize>,
    /// [`normalize`]d form: lowercase, digits kept (the lexicon key).
    norm: Range<usize>,
}

fn norm_char(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '‘' | '’' | '`' | '´' => '\'',
        '—' | '–' | '‐' | '‑' => '-',
        _ => c,
    }
}

/// Lowercase form with quotes and dashes normalised (used for lexicon keys too).
pub fn normalize(word: &str) -> String {
    word.chars()
        .take(MAX_WORD_CHARS)
        .map(norm_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Appends `word`'s raw, low, shape and normalised forms to `buf`.
fn tok(word: &str, buf: &mut String) -> Tok {
    let start = buf.len();
    buf.extend(word.chars().take(MAX_WORD_CHARS).map(norm_char));
    let raw = start..buf.len();
    let mut at = raw.start;
    while at < raw.end {
        let c = buf[at..].chars().next().expect("in range");
        at += c.len_utf8();
        for l in c.to_lowercase() {
            buf.push(if l.is_ascii_digit() { '0' } else { l });
        }
    }
    let low = raw.end..buf.len();
    let mut at = raw.start;
    let mut last = None;
    while at < raw.end {
        let c = buf[at..].chars().next().expect("in range");
        at += c.len_utf8();
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(s) {
            buf.push(s);
            last = Some(s);
        }
    }
    let shape = low.end..buf.len();
    let mut at = raw.start;
    while at < raw.end {
        let c = buf[at..].chars().next().expect("in range");
        at += c.len_utf8();
        buf.extend(c.to_lowercase());
    }
    let norm = shape.end..buf.len();
    Tok {
        low,
        raw,
        shape,
        norm,
    }
}

/// A cluster id as decimal text, without allocating.
#[derive(Clone, Copy)]
struct Num {
    buf: [u8; 5],
    len: u8,
}

impl Num {
    fn new(mut v: u16) -> Num {
        let mut buf = [0u8; 5];
        let mut len = 0;
        loop {
            buf[4 - len] = b'0' + (v % 10) as u8;
            len += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        buf.copy_within(5 - len.., 0);
        Num {
            buf,
            len: len as u8,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).expect("ASCII digits")
    }
}

/// `prev_case` values as text (buckets 0–3, 8 = sentence start, 9 = unknown).
const SMALL: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Builds feature hashes: template id as seed, parts joined by `\x1f`.
struct Hasher<'a> {
    buf: Vec<u8>,
    out: &'a mut Vec<u64>,
}

impl Hasher<'_> {
    fn add(&mut self, template: u64, parts: &[&str]) {
        // One part is hashed in place: the joined buffer would hold the same bytes.
        if let [one] = parts {
            self.out.push(xxh3_64_with_seed(one.as_bytes(), template));
            return;
        }
        self.buf.clear();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                self.buf.push(0x1f);
            }
            self.buf.extend_from_slice(p.as_bytes());
        }
        self.out.push(xxh3_64_with_seed(&self.buf, template));
    }
}

/// Computes the features of every token of `words` into `out`.
///
/// Training passes lexicons built from *other* documents than the sentence's own, so the
/// lexicon features are as unreliable in training as they will be on new text.
pub fn extract(words: &[&str], lex: &Lexicons, out: &mut SentenceFeatures) {
    out.ids.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let n = words.len();
    if n == 0 {
        return;
    }
    let mut arena = String::with_capacity(words.iter().map(|w| w.len()).sum::<usize>() * 4 + 16);
    let toks: Vec<Tok> = words.iter().map(|w| tok(w, &mut arena)).collect();
    let arena = arena.as_str();
    let raw = |t: &Tok| &arena[t.raw.clone()];
    let lows: Vec<&str> = toks.iter().map(|t| &arena[t.norm.clone()]).collect();
    let gaz_tags = gazetteer_tags(&lows, &lex.gazetteer);
    // Headlines in CoNLL are all capitals; such sentences get different case features.
    let letters: usize = toks
        .iter()
        .filter(|t| raw(t).chars().any(char::is_alphabetic))
        .count();
    let all_caps = letters >= 2
        && toks
            .iter()
            .filter(|t| raw(t).chars().any(char::is_alphabetic))
            .all(|t| !raw(t).chars().any(char::is_lowercase));
    let pad_l = ["<S>", "<S2>"];
    let pad_r = ["</S>", "</S2>"];
    let word = |i: isize| -> &str {
        if i < 0 {
            pad_l[(-i - 1) as usize % 2]
        } else if i as usize >= n {
            pad_r[(i as usize - n) % 2]
        } else {
            &arena[toks[i as usize].low.clone()]
        }
    };
    let shape = |i: isize| -> &str {
        if i < 0 {
            "<S>"
        } else if i as usize >= n {
            "</S>"
        } else {
            &arena[toks[i as usize].shape.clone()]
        }
    };
    // Each token's word clusters, looked up and formatted once: features of a token
    // read its neighbours' clusters too.
    let clusters: Vec<Option<(Num, Num)>> = lows
        .iter()
        .map(|low| {
            lex.clusters
                .get(*low)
                .map(|(a, b)| (Num::new(*a), Num::new(*b)))
        })
        .collect();
    let cases: Vec<Option<u8>> = lows.iter().map(|low| lex.case.get(*low).copied()).collect();
    let mut h = Hasher {
        buf: Vec::with_capacity(64),
        out: &mut out.ids,
    };
    for i in 0..n {
        let t = &toks[i];
        let t_low = &arena[t.low.clone()];
        let t_raw = raw(t);
        let ii = i as isize;
        let caps = if all_caps { "C" } else { "c" };
        h.add(0, &[]);
        h.add(1, &[t_low]);
        if t_raw != t_low && !all_caps {
            h.add(2, &[t_raw]);
        }
        h.add(3, &[word(ii - 1)]);
        h.add(4, &[word(ii + 1)]);
        h.add(5, &[word(ii - 2)]);
        h.add(6, &[word(ii + 2)]);
        h.add(7, &[shape(ii), caps]);
        h.add(8, &[shape(ii - 1), caps]);
        h.add(9, &[shape(ii + 1), caps]);
        h.add(10, &[shape(ii - 1), shape(ii), shape(ii + 1), caps]);
        h.add(11, &[word(ii - 1), t_low]);
        h.add(12, &[t_low, word(ii + 1)]);
        h.add(13, &[word(ii - 1), shape(ii)]);
        h.add(14, &[shape(ii), word(ii + 1)]);
        // Prefixes of 1–4 and suffixes of 1–5 characters, sliced rather than
        // collected into new strings (this loop runs for every token).
        let low = t_low;
        for (k, (at, c)) in (1..=4).zip(low.char_indices()) {
            h.add(15 + k, &[&low[..at + c.len_utf8()]]);
        }
        for (k, (at, _)) in (1..=5).zip(low.char_indices().rev()) {
            h.add(20 + k, &[&low[at..]]);
        }
        if i == 0 {
            h.add(26, &[shape(ii)]);
        }
        let case = cases[i];
        let case_s = match case {
            Some(0) => "0",
            Some(1) => "1",
            Some(2) => "2",
            Some(_) => "3",
            None => "u",
        };
        h.add(27, &[case_s, shape(ii), caps]);
        h.add(28, &[case_s, if i == 0 { "first" } else { "" }]);
        let prev_case = if i > 0 { cases[i - 1].unwrap_or(9) } else { 8 };
        let prev_text;
        let prev_s = match SMALL.get(prev_case as usize) {
            Some(s) => *s,
            None => {
                prev_text = prev_case.to_string();
                &prev_text
            }
        };
        h.add(29, &[prev_s, case_s]);
        let cl = |k: isize| -> (&str, &str) {
            if k < 0 || k as usize >= n {
                return ("-", "-");
            }
            match &clusters[k as usize] {
                Some((a, b)) => (a.as_str(), b.as_str()),
                None => ("?", "?"),
            }
        };
        let (c0a, c0b) = cl(ii);
        let (_, cpb) = cl(ii - 1);
        let (_, cnb) = cl(ii + 1);
        h.add(33, &[c0a]);
        h.add(34, &[c0b]);
        h.add(35, &[cpb]);
        h.add(36, &[cnb]);
        h.add(37, &[c0a, shape(ii), caps]);
        h.add(38, &[cpb, c0b]);
        let mut any_gaz = false;
        for (c, g) in gaz_tags[i].iter().enumerate() {
            if *g != 0 {
                any_gaz = true;
                let name = GAZ_NAMES[c];
                let bi = if *g == 1 { "B" } else { "I" };
                h.add(30, &[name, bi]);
                h.add(31, &[name, shape(ii)]);
            }
        }
        if !any_gaz {
            h.add(32, &[]);
        }
        out.offsets.push(h.out.len());
    }
}

/// For each token and gazetteer bit: 0 = no match, 1 = first token of one, 2 = inside.
/// Longest match first from each start; `O(n · GAZ_MAX_LEN)` lookups.
fn gazetteer_tags(lows: &[&str], gaz: &LexMap<u8>) -> Vec<[u8; 5]> {
    let n = lows.len();
    let mut out = vec![[0u8; 5]; n];
    if gaz.is_empty() {
        return out;
    }
    let mut key = String::new();
    for s in 0..n {
        // Names start with a capital-ish token; skip punctuation-only starts cheaply.
        if !lows[s].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        key.clear();
        let mut best: Option<(usize, u8)> = None;
        for (e, low) in lows.iter().enumerate().take(n.min(s + GAZ_MAX_LEN)).skip(s) {
            if e > s {
                key.push(' ');
            }
            key.push_str(low);
            if let Some(m) = gaz.get(&key) {
                best = Some((e + 1, *m));
            }
        }
        if let Some((end, mask)) = best {
            for c in 0..GAZ_NAMES.len() {
                if mask & (1 << c) != 0 {
                    out[s][c] = out[s][c].max(1);
                    for o in out.iter_mut().take(end).skip(s + 1) {
                        o[c] = 2;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_normalisation() {
        let mut buf = String::new();
        let mut shape = |w: &str| {
            let t = tok(w, &mut buf);
            (
                buf[t.shape].to_string(),
                buf[t.low].to_string(),
                buf[t.norm].to_string(),
            )
        };
        assert_eq!(shape("Lukashenko").0, "Xx");
        assert_eq!(shape("U.S.").0, "X.X.");
        assert_eq!(shape("1996-08-22").0, "d-d-d");
        assert_eq!(shape("67-year-old").1, "00-year-old");
        assert_eq!(shape("“İstanbul’s” 67").2, normalize("“İstanbul’s” 67"));
        assert_eq!(Num::new(0).as_str(), "0");
        assert_eq!(Num::new(494).as_str(), "494");
        assert_eq!(Num::new(65535).as_str(), "65535");
        assert_eq!(normalize("“Minsk’s”"), "\"minsk's\"");
    }

    #[test]
    fn features_are_deterministic_and_per_token() {
        let lex = Lexicons::default();
        let mut a = SentenceFeatures::default();
        let mut b = SentenceFeatures::default();
        extract(&["Alexander", "Lukashenko", "spoke"], &lex, &mut a);
        extract(&["Alexander", "Lukashenko", "spoke"], &lex, &mut b);
        assert_eq!(a.ids, b.ids);
        assert_eq!(a.len(), 3);
        // The same word in another context shares its word feature but not all features.
        extract(&["Lukashenko", "spoke"], &lex, &mut b);
        assert!(b.token(0).iter().any(|f| a.token(1).contains(f)));
        assert_ne!(a.token(1), b.token(0));
    }

    #[test]
    fn gazetteer_marks_longest_match() {
        let mut gaz = LexMap::default();
        gaz.insert("new york".to_string(), 1 << 2);
        gaz.insert("new york times".to_string(), 1 << 1);
        let lows = ["the", "new", "york", "times", "said"];
        let g = gazetteer_tags(&lows, &gaz);
        assert_eq!(g[1][1], 1);
        assert_eq!(g[3][1], 2);
        assert_eq!(g[1][2], 0);
        assert_eq!(g[4], [0; 5]);
    }
}
