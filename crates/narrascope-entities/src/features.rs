//! Hashed features of a token in its sentence.
//!
//! Each feature is a template id plus a string, hashed with xxh3 to 64 bits; the model keys
//! its weights by (the low 32 bits of) that hash. Changing any template changes what a
//! stored model means, so [`FEATURE_VERSION`] is written into every model file and checked
//! on load.

use std::borrow::Borrow;
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

/// What the features read of one word: its forms and its lexicon entries. The same for
/// every occurrence of the word, so the tagger keeps it per word ([`crate::cache`]).
pub(crate) struct Word {
    buf: String,
    tok: Tok,
    /// Case bucket from the case lexicon.
    case: Option<u8>,
    /// Coarse and fine word classes.
    cluster: Option<(String, String)>,
}

impl Word {
    pub(crate) fn new(word: &str, lex: &Lexicons) -> Word {
        let mut buf = String::with_capacity(word.len().min(4 * MAX_WORD_CHARS) * 4);
        let tok = tok(word, &mut buf);
        let norm = &buf[tok.norm.clone()];
        let case = lex.case.get(norm).copied();
        let cluster = lex
            .clusters
            .get(norm)
            .map(|(a, b)| (a.to_string(), b.to_string()));
        Word {
            buf,
            tok,
            case,
            cluster,
        }
    }

    /// The word as written (quotes and dashes normalised), truncated.
    pub(crate) fn raw(&self) -> &str {
        &self.buf[self.tok.raw.clone()]
    }

    /// Lowercase, digits folded to `0`.
    fn low(&self) -> &str {
        &self.buf[self.tok.low.clone()]
    }

    /// Condensed shape.
    fn shape(&self) -> &str {
        &self.buf[self.tok.shape.clone()]
    }

    /// The lexicon key ([`normalize`]d).
    fn norm(&self) -> &str {
        &self.buf[self.tok.norm.clone()]
    }
}

/// `prev_case` values as text (buckets 0–3, 8 = sentence start, 9 = unknown).
const SMALL: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// The word a feature reads, besides the sentence's all-capitals flag, relative to the
/// token whose feature it is. The tagger caches the weights of a word's `Own` and
/// `Neighbour` features ([`crate::cache`]); `Context` features are computed every time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// The token alone (and whether it starts the sentence).
    Own,
    /// The word this many places away (−2, −1, 1, 2) alone; padding past the ends.
    Neighbour(i8),
    /// Several tokens, or the gazetteer's reading of the sentence.
    Context,
}

/// Where [`extract_into`] sends features.
pub(crate) trait FeatureSink {
    /// Whether the features of `source` at token `token` are wanted: a sink that has
    /// their weights cached says no, and they are not hashed.
    /// Called once per token and source, before the token's features.
    fn wants(&mut self, token: usize, source: Source) -> bool;
    /// One feature hash of `token`.
    fn feature(&mut self, token: usize, source: Source, hash: u64);
    /// Every feature of `token` has been sent.
    fn end_token(&mut self, token: usize);
}

impl FeatureSink for SentenceFeatures {
    fn wants(&mut self, _: usize, _: Source) -> bool {
        true
    }
    fn feature(&mut self, _: usize, _: Source, hash: u64) {
        self.ids.push(hash);
    }
    fn end_token(&mut self, _: usize) {
        self.offsets.push(self.ids.len());
    }
}

/// Builds feature hashes: template id as seed, parts joined by `\x1f`.
struct Hasher<'a, S> {
    buf: Vec<u8>,
    sink: &'a mut S,
    token: usize,
    /// Whether the sink wants the current token's features from each source, in the
    /// order of [`SOURCES`]: asked once per token, not once per feature.
    wanted: [bool; SOURCES.len()],
}

/// Every [`Source`].
const SOURCES: [Source; 6] = [
    Source::Own,
    Source::Neighbour(-2),
    Source::Neighbour(-1),
    Source::Neighbour(1),
    Source::Neighbour(2),
    Source::Context,
];

/// Index of a source in [`SOURCES`].
fn source_index(source: Source) -> usize {
    match source {
        Source::Own => 0,
        Source::Neighbour(k) => (k + 3 - i8::from(k > 0)) as usize,
        Source::Context => 5,
    }
}

impl<S: FeatureSink> Hasher<'_, S> {
    /// Moves on to `token`.
    fn start(&mut self, token: usize) {
        self.token = token;
        for (w, s) in self.wanted.iter_mut().zip(SOURCES) {
            *w = self.sink.wants(token, s);
        }
    }

    #[inline(always)]
    fn add(&mut self, source: Source, template: u64, parts: &[&str]) {
        if !self.wanted[source_index(source)] {
            return;
        }
        // One part is hashed in place: the joined buffer would hold the same bytes.
        if let [one] = parts {
            let h = xxh3_64_with_seed(one.as_bytes(), template);
            self.sink.feature(self.token, source, h);
            return;
        }
        self.buf.clear();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                self.buf.push(0x1f);
            }
            self.buf.extend_from_slice(p.as_bytes());
        }
        let h = xxh3_64_with_seed(&self.buf, template);
        self.sink.feature(self.token, source, h);
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
    let words: Vec<Word> = words.iter().map(|w| Word::new(w, lex)).collect();
    extract_into(&words, lex, out);
}

/// Sends the features of every token of `words` to `sink`, token after token, in the
/// same order [`extract`] lists them.
pub(crate) fn extract_into<S: FeatureSink, W: Borrow<Word>>(
    words: &[W],
    lex: &Lexicons,
    sink: &mut S,
) {
    let n = words.len();
    if n == 0 {
        return;
    }
    let toks: Vec<&Word> = words.iter().map(Borrow::borrow).collect();
    let lows: Vec<&str> = toks.iter().map(|t| t.norm()).collect();
    let gaz_tags = gazetteer_tags(&lows, &lex.gazetteer);
    let all_caps = all_caps(toks.iter().map(|t| t.raw()));
    let pad_l = ["<S>", "<S2>"];
    let pad_r = ["</S>", "</S2>"];
    let word = |i: isize| -> &str {
        if i < 0 {
            pad_l[(-i - 1) as usize % 2]
        } else if i as usize >= n {
            pad_r[(i as usize - n) % 2]
        } else {
            toks[i as usize].low()
        }
    };
    let shape = |i: isize| -> &str {
        if i < 0 {
            "<S>"
        } else if i as usize >= n {
            "</S>"
        } else {
            toks[i as usize].shape()
        }
    };
    let mut h = Hasher {
        buf: Vec::with_capacity(64),
        sink,
        token: 0,
        wanted: [true; SOURCES.len()],
    };
    use Source::{Context, Neighbour, Own};
    for i in 0..n {
        h.start(i);
        let t = &toks[i];
        let t_low = t.low();
        let t_raw = t.raw();
        let ii = i as isize;
        let caps = if all_caps { "C" } else { "c" };
        h.add(Own, 0, &[]);
        h.add(Own, 1, &[t_low]);
        if t_raw != t_low && !all_caps {
            h.add(Own, 2, &[t_raw]);
        }
        h.add(Neighbour(-1), 3, &[word(ii - 1)]);
        h.add(Neighbour(1), 4, &[word(ii + 1)]);
        h.add(Neighbour(-2), 5, &[word(ii - 2)]);
        h.add(Neighbour(2), 6, &[word(ii + 2)]);
        h.add(Own, 7, &[shape(ii), caps]);
        h.add(Neighbour(-1), 8, &[shape(ii - 1), caps]);
        h.add(Neighbour(1), 9, &[shape(ii + 1), caps]);
        h.add(
            Context,
            10,
            &[shape(ii - 1), shape(ii), shape(ii + 1), caps],
        );
        h.add(Context, 11, &[word(ii - 1), t_low]);
        h.add(Context, 12, &[t_low, word(ii + 1)]);
        h.add(Context, 13, &[word(ii - 1), shape(ii)]);
        h.add(Context, 14, &[shape(ii), word(ii + 1)]);
        // Prefixes of 1–4 and suffixes of 1–5 characters, sliced rather than
        // collected into new strings (this loop runs for every token).
        let low = t_low;
        for (k, (at, c)) in (1..=4).zip(low.char_indices()) {
            h.add(Own, 15 + k, &[&low[..at + c.len_utf8()]]);
        }
        for (k, (at, _)) in (1..=5).zip(low.char_indices().rev()) {
            h.add(Own, 20 + k, &[&low[at..]]);
        }
        if i == 0 {
            h.add(Own, 26, &[shape(ii)]);
        }
        let case = t.case;
        let case_s = match case {
            Some(0) => "0",
            Some(1) => "1",
            Some(2) => "2",
            Some(_) => "3",
            None => "u",
        };
        h.add(Own, 27, &[case_s, shape(ii), caps]);
        h.add(Own, 28, &[case_s, if i == 0 { "first" } else { "" }]);
        let prev_case = if i > 0 {
            toks[i - 1].case.unwrap_or(9)
        } else {
            8
        };
        let prev_text;
        let prev_s = match SMALL.get(prev_case as usize) {
            Some(s) => *s,
            None => {
                prev_text = prev_case.to_string();
                &prev_text
            }
        };
        h.add(Context, 29, &[prev_s, case_s]);
        let cl = |k: isize| -> (&str, &str) {
            if k < 0 || k as usize >= n {
                return ("-", "-");
            }
            match &toks[k as usize].cluster {
                Some((a, b)) => (a.as_str(), b.as_str()),
                None => ("?", "?"),
            }
        };
        let (c0a, c0b) = cl(ii);
        let (_, cpb) = cl(ii - 1);
        let (_, cnb) = cl(ii + 1);
        h.add(Own, 33, &[c0a]);
        h.add(Own, 34, &[c0b]);
        h.add(Neighbour(-1), 35, &[cpb]);
        h.add(Neighbour(1), 36, &[cnb]);
        h.add(Own, 37, &[c0a, shape(ii), caps]);
        h.add(Context, 38, &[cpb, c0b]);
        let mut any_gaz = false;
        for (c, g) in gaz_tags[i].iter().enumerate() {
            if *g != 0 {
                any_gaz = true;
                let name = GAZ_NAMES[c];
                let bi = if *g == 1 { "B" } else { "I" };
                h.add(Context, 30, &[name, bi]);
                h.add(Context, 31, &[name, shape(ii)]);
            }
        }
        if !any_gaz {
            h.add(Context, 32, &[]);
        }
        h.sink.end_token(i);
    }
}

/// Whether a sentence is written in capitals, as CoNLL's headlines are: such sentences
/// get other case features. True when at least two words hold letters and none a
/// lowercase one (in the first [`MAX_WORD_CHARS`] characters the features read).
pub(crate) fn all_caps<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    let mut letters = 0;
    for w in words {
        let (mut alphabetic, mut lowercase) = (false, false);
        for c in w.chars().take(MAX_WORD_CHARS) {
            alphabetic |= c.is_alphabetic();
            lowercase |= c.is_lowercase();
        }
        if alphabetic {
            if lowercase {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
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
