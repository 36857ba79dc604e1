//! A mention in its article → a sparse feature vector.
//!
//! Every feature is a hashed id in one of seven blocks; each block is L2-normalised and
//! weighted on its own, so a long article's words cannot swamp the mention's name:
//!
//! | block | what |
//! |---|---|
//! | `entity` | the mention's words, its whole lower-cased text, its character 3–4-grams (the same entities recur across articles: "Zelensky", "Bill Gates") |
//! | `near` | the 1st–3rd word left and right of the mention, by position, and the word pairs next to it |
//! | `window` | the words within `window` words either side |
//! | `sentence` | the words and word pairs of the mention's sentence |
//! | `mentions` | the words of every sentence that mentions the entity (any of its mentions) |
//! | `document` | the article's words (its domain and stance) |
//! | `cues` | in the title, inside quotation marks, at the start of its sentence, how often and how early the entity is mentioned, the guessed language, and per fine role the share of its definition keywords in the sentence |
//!
//! Ids are kept when seen in at least `min_df` training mentions (the
//! [`Vocabulary`]), which bounds the model size.

use std::collections::HashMap;

use narrascope_core::Span;
use narrascope_narratives::features::SparseVec;
use narrascope_narratives::language;
use narrascope_narratives::Taxonomy;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

mod vectorise;
pub use vectorise::{DocVectoriser, EntityVectoriser, Vocabulary};

/// Hash space, in bits.
pub(crate) const BITS: u32 = 21;

/// Number of blocks.
pub const BLOCKS: usize = 7;
/// Block names, in id order.
pub const BLOCK_NAMES: [&str; BLOCKS] = [
    "entity", "near", "window", "sentence", "mentions", "document", "cues",
];

/// What to extract and how much each block weighs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Words either side of the mention in the `window` block.
    pub window: usize,
    /// Weight of each block (0 disables it), in [`BLOCK_NAMES`] order.
    pub weights: [f32; BLOCKS],
    /// Keep only ids seen in at least this many training mentions.
    pub min_df: u32,
    /// Keep at most this many ids (the most frequent).
    pub max_features: usize,
    /// Also add the mention's text and words conjoined with the guessed language to the
    /// entity block (the same name can be cast differently by each language's outlets).
    /// Not used by the shipped model (no gain in cross-validation); left out of the
    /// saved header when off.
    #[serde(default, skip_serializing_if = "is_false")]
    pub entity_language: bool,
    /// Also add, to the document block, the mention's text conjoined with each word of
    /// the article (the same name is cast by the article's stance). Not used by the
    /// shipped model; left out of the saved header when off.
    #[serde(default, skip_serializing_if = "is_false")]
    pub entity_document: bool,
    /// Also add, to the near block, the mention's text conjoined with each of the 1st–3rd
    /// words either side (who does what: "Russia attacked" vs "Ukraine attacked"). Not
    /// used by the shipped model; left out of the saved header when off.
    #[serde(default, skip_serializing_if = "is_false")]
    pub entity_near: bool,
    /// Also add the window block's words by side (left or right of the mention). Not
    /// used by the shipped model; left out of the saved header when off.
    #[serde(default, skip_serializing_if = "is_false")]
    pub window_sides: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            window: 8,
            weights: [1.0, 0.7, 0.7, 0.7, 0.5, 0.5, 0.5],
            min_df: 2,
            max_features: 200_000,
            entity_language: false,
            entity_document: false,
            entity_near: false,
            window_sides: false,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_word_char(c: char) -> bool {
    // Combining marks carry vowels in Devanagari and accents in decomposed Latin text.
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{0900}'..='\u{097F}').contains(&c)
}

/// A word of the text: its bytes and the hash of its lower-cased form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// Hash of the lower-cased word.
    pub hash: u64,
}

/// The words of `text` with their spans.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut lower = String::new();
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if i < text.len() && is_word_char(c) {
            start.get_or_insert(i);
            lower.extend(c.to_lowercase());
        } else if let Some(s) = start.take() {
            out.push(Token {
                span: Span::new(s, i),
                hash: xxh3_64_with_seed(lower.as_bytes(), 1),
            });
            lower.clear();
        }
    }
    out
}

/// Stemless keyword match: the first five characters of a lower-cased word.
fn prefix5(w: &str) -> String {
    w.chars().take(5).collect()
}

/// Per fine role (taxonomy order), the prefixes of its definition keywords.
fn role_keywords() -> &'static Vec<Vec<String>> {
    static K: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    K.get_or_init(|| {
        Taxonomy::get()
            .roles
            .iter()
            .map(|r| r.keywords.iter().map(|k| prefix5(k)).collect())
            .collect()
    })
}

/// Keyword prefix → its number, and per fine role the numbers of its keywords.
type KeywordIds = (HashMap<String, u16>, Vec<Vec<u16>>);

/// The distinct prefixes of [`role_keywords`] (numbered in order), and per fine role
/// the number of each of its keywords.
fn keyword_ids() -> &'static KeywordIds {
    static K: std::sync::OnceLock<KeywordIds> = std::sync::OnceLock::new();
    K.get_or_init(|| {
        let mut ids: HashMap<String, u16> = HashMap::new();
        let roles = role_keywords()
            .iter()
            .map(|kws| {
                kws.iter()
                    .map(|k| {
                        let n = ids.len() as u16;
                        *ids.entry(k.clone()).or_insert(n)
                    })
                    .collect()
            })
            .collect();
        (ids, roles)
    })
}

/// No keyword.
const NO_KEYWORD: u16 = u16::MAX;

/// An article prepared once for all its mentions.
#[derive(Clone, Debug)]
pub struct DocContext<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    sentences: Vec<Span>,
    /// For each sentence, the index of its first token.
    sentence_first_token: Vec<usize>,
    title: Span,
    lang: usize,
    /// Per token, the number of the keyword prefix it starts with ([`keyword_ids`];
    /// [`NO_KEYWORD`] when none).
    keyword: Vec<u16>,
}

impl<'a> DocContext<'a> {
    /// Prepares `text` with its sentence spans (split here when empty).
    pub fn new(text: &'a str, sentences: &[Span]) -> DocContext<'a> {
        let mut sentences: Vec<Span> = if sentences.is_empty() {
            narrascope_narratives::split_sentences(text)
        } else {
            sentences.to_vec()
        };
        sentences.retain(|s| s.end <= text.len() && s.start < s.end);
        sentences.sort_by_key(|s| s.start);
        let tokens = tokens(text);
        let ids = &keyword_ids().0;
        let keyword = tokens
            .iter()
            .map(|t| {
                let p = prefix5(&t.span.slice(text).to_lowercase());
                ids.get(&p).copied().unwrap_or(NO_KEYWORD)
            })
            .collect();
        let sentence_first_token = sentences
            .iter()
            .map(|s| tokens.partition_point(|t| t.span.start < s.start))
            .collect();
        let title = text
            .split_inclusive('\n')
            .scan(0usize, |at, l| {
                let s = Span::new(*at, *at + l.len());
                *at += l.len();
                Some(s)
            })
            .find(|s| !s.slice(text).trim().is_empty())
            .unwrap_or_default();
        DocContext {
            text,
            tokens,
            sentences,
            sentence_first_token,
            title,
            lang: language::guess(text),
            keyword,
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The guessed language (index into `narrascope_narratives::language::LANGS`).
    pub fn language(&self) -> usize {
        self.lang
    }

    /// The sentence spans used.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Index of the sentence holding byte `at` (the nearest one before it).
    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= at);
        if i == 0 {
            (!self.sentences.is_empty()).then_some(0)
        } else {
            Some(i - 1)
        }
    }

    fn sentence_tokens(&self, si: usize) -> &[Token] {
        let a = self.sentence_first_token[si];
        let end = self.sentences[si].end;
        let b = a + self.tokens[a..].partition_point(|t| t.span.start < end);
        &self.tokens[a..b]
    }

    /// Raw hashed features of the mention at `span`, whose entity is also mentioned at
    /// `others` (may include `span`).
    pub fn raw(&self, span: Span, others: &[Span], cfg: &FeatureConfig) -> Vec<(u32, f32, u8)> {
        struct Ids(Vec<(u32, f32, u8)>);
        impl Sink for Ids {
            fn put(&mut self, block: u8, ns: u64, h: u64, v: f32) {
                self.0.push((fid(ns, h), v, block));
            }
            fn token(&mut self, block: u8, ns: u64, t: &Token, _: usize, v: f32) {
                self.0.push((fid(ns, t.hash), v, block));
            }
        }
        let mut out = Ids(Vec::new());
        self.raw_into(span, others, cfg, true, &mut out);
        out.0
    }

    /// The features of [`DocContext::raw`] handed to `sink` in the same order (only
    /// those of blocks with a weight); without the `mentions` block and the document
    /// block's article words when `!shared`.
    fn raw_into(
        &self,
        span: Span,
        others: &[Span],
        cfg: &FeatureConfig,
        shared: bool,
        sink: &mut impl Sink,
    ) {
        let on = |block: u8| cfg.weights[block as usize] > 0.0;
        macro_rules! put {
            ($block:expr, $ns:expr, $h:expr, $v:expr) => {
                if on($block) {
                    let h = $h;
                    sink.put($block, $ns, h, $v);
                }
            };
        }
        macro_rules! put_token {
            ($block:expr, $ns:expr, $i:expr, $v:expr) => {
                if on($block) {
                    let i = $i;
                    sink.token($block, $ns, &self.tokens[i], i, $v);
                }
            };
        }
        let text = self.text;
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let past = self.tokens.partition_point(|t| t.span.start < span.end);
        // entity
        let mention = span.slice(text).to_lowercase();
        put!(0, 10, xxh3_64_with_seed(mention.trim().as_bytes(), 0), 1.0);
        for t in &self.tokens[first..past.max(first)] {
            put!(0, 11, t.hash, 1.0);
            if cfg.entity_language {
                put!(0, 14, pair(t.hash, self.lang as u64), 1.0);
            }
        }
        if cfg.entity_language {
            let h = xxh3_64_with_seed(mention.trim().as_bytes(), 0);
            put!(0, 13, pair(h, self.lang as u64), 1.0);
        }
        let chars: Vec<char> = format!(" {} ", mention.trim()).chars().collect();
        for n in 3..=4 {
            for w in chars.windows(n) {
                let g: String = w.iter().collect();
                put!(0, 12, xxh3_64_with_seed(g.as_bytes(), 0), 0.5);
            }
        }
        // near
        let name_hash = xxh3_64_with_seed(mention.trim().as_bytes(), 0);
        for k in 1..=3usize {
            if let Some(t) = first.checked_sub(k).map(|i| self.tokens[i]) {
                put!(1, 20 + k as u64, t.hash, 1.0);
                if cfg.entity_near {
                    put!(1, 25, pair(name_hash, t.hash), 1.0);
                }
            }
            if let Some(t) = self.tokens.get(past + k - 1) {
                put!(1, 30 + k as u64, t.hash, 1.0);
                if cfg.entity_near {
                    put!(1, 35, pair(name_hash, t.hash), 1.0);
                }
            }
        }
        if first >= 2 {
            let h = pair(self.tokens[first - 2].hash, self.tokens[first - 1].hash);
            put!(1, 40, h, 1.0);
        }
        if past + 1 < self.tokens.len() {
            let h = pair(self.tokens[past].hash, self.tokens[past + 1].hash);
            put!(1, 41, h, 1.0);
        }
        // window
        let lo = first.saturating_sub(cfg.window);
        let hi = (past + cfg.window).min(self.tokens.len());
        for i in (lo..first).chain(past.min(hi)..hi) {
            put_token!(2, 50, i, 1.0);
            if cfg.window_sides {
                put_token!(2, if i < first { 51 } else { 52 }, i, 1.0);
            }
        }
        // sentence
        let si = self.sentence_of(span.start);
        // The keyword prefixes the sentence's other words start with.
        let mut sent_keywords: Vec<u16> = Vec::new();
        if let Some(si) = si {
            let toks = self.sentence_tokens(si);
            let base = self.sentence_first_token[si];
            for (i, t) in toks.iter().enumerate() {
                if t.span.overlaps(span) {
                    continue;
                }
                put_token!(3, 60, base + i, 1.0);
                if let Some(n) = toks.get(i + 1) {
                    put!(3, 61, pair(t.hash, n.hash), 1.0);
                }
                if self.keyword[base + i] != NO_KEYWORD {
                    sent_keywords.push(self.keyword[base + i]);
                }
            }
        }
        // mentions
        let mut seen = Vec::new();
        for o in others
            .iter()
            .chain(std::iter::once(&span))
            .filter(|_| shared)
        {
            if let Some(s) = self.sentence_of(o.start) {
                if !seen.contains(&s) {
                    seen.push(s);
                    let base = self.sentence_first_token[s];
                    for (i, t) in self.sentence_tokens(s).iter().enumerate() {
                        if !t.span.overlaps(*o) {
                            put_token!(4, 70, base + i, 1.0);
                        }
                    }
                }
            }
        }
        // document
        if shared {
            for i in 0..self.tokens.len() {
                put_token!(5, 80, i, 1.0);
            }
        }
        if cfg.entity_document {
            let h = xxh3_64_with_seed(mention.trim().as_bytes(), 0);
            let mut seen: Vec<u64> = self.tokens.iter().map(|t| t.hash).collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                put!(5, 81, pair(h, w), 1.0);
            }
        }
        // cues
        put!(6, 90, self.lang as u64, 1.0);
        if self.title.contains(span) {
            put!(6, 91, 1, 1.0);
        }
        if others.iter().any(|o| self.title.contains(*o)) {
            put!(6, 91, 2, 1.0);
        }
        let n = others.len().max(1);
        let count_bucket = match n {
            1 => 1,
            2 => 2,
            3..=4 => 3,
            5..=8 => 4,
            _ => 5,
        };
        put!(6, 92, count_bucket, 1.0);
        let earliest = others
            .iter()
            .map(|o| o.start)
            .min()
            .unwrap_or(span.start)
            .min(span.start);
        let pos = (earliest * 5 / text.len().max(1)).min(4) as u64;
        put!(6, 93, pos, 1.0);
        if let Some(si) = si {
            let s = self.sentences[si];
            let before = &text[s.start.min(span.start)..span.start];
            let quotes = before
                .chars()
                .filter(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '„'))
                .count();
            if quotes % 2 == 1 {
                put!(6, 94, 1, 1.0);
            }
            if first == self.sentence_first_token[si] {
                put!(6, 95, 1, 1.0);
            }
            if !sent_keywords.is_empty() {
                for (r, kws) in keyword_ids().1.iter().enumerate() {
                    let hit = kws.iter().filter(|k| sent_keywords.contains(k)).count();
                    if hit > 0 {
                        put!(6, 96, r as u64, hit as f32 / kws.len() as f32);
                    }
                }
            }
        }
    }
}

/// Where [`DocContext::raw_into`] hands its features.
trait Sink {
    /// A feature of namespace `ns` keyed by the hash `h`.
    fn put(&mut self, block: u8, ns: u64, h: u64, v: f32);
    /// A feature of namespace `ns` keyed by the hash of token `t` (at index `i`).
    fn token(&mut self, block: u8, ns: u64, t: &Token, i: usize, v: f32);
}

fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn fid(ns: u64, h: u64) -> u32 {
    (xxh3_64_with_seed(&h.to_le_bytes(), ns) >> (64 - BITS)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_spans_and_case_free_hashes() {
        let t = tokens("Putin, PUTIN и Путин-2");
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].hash, t[1].hash);
        assert_eq!(t[2].span.slice("Putin, PUTIN и Путин-2"), "и");
        assert_eq!(t[4].span.slice("Putin, PUTIN и Путин-2"), "2");
    }

    #[test]
    fn blocks_are_normalised_and_context_matters() {
        let text = "Title about Putin\nPutin invaded Ukraine. Ukraine defends itself bravely.";
        let ctx = DocContext::new(text, &[]);
        let cfg = FeatureConfig {
            min_df: 1,
            ..Default::default()
        };
        let a = text.find("Putin invaded").unwrap();
        let putin = Span::new(a, a + 5);
        let b = text.find("Ukraine defends").unwrap();
        let ukraine = Span::new(b, b + 7);
        let ra = ctx.raw(putin, &[Span::new(12, 17), putin], &cfg);
        let rb = ctx.raw(ukraine, &[ukraine], &cfg);
        let v = Vocabulary::fit(&[ra.clone(), rb.clone()], cfg.clone());
        let xa = v.vectorise(&ra);
        let xb = v.vectorise(&rb);
        assert_ne!(xa, xb);
        assert!(xa.idx.windows(2).all(|w| w[0] < w[1]));
        // Each present block contributes its weight squared to the squared norm.
        let sq: f32 = xa.val.iter().map(|x| x * x).sum();
        let blocks: std::collections::BTreeSet<u8> = ra.iter().map(|r| r.2).collect();
        let expect: f32 = blocks
            .iter()
            .map(|&b| cfg.weights[b as usize].powi(2))
            .sum();
        // Blocks sharing a hashed column merge, so allow a little slack.
        assert!((sq - expect).abs() < 0.2, "{sq} vs {expect}");
        // The title cue fires for an entity also named in the title.
        assert!(ra.iter().any(|r| r.0 == fid(91, 2)));
        assert!(!rb.iter().any(|r| r.0 == fid(91, 2)));
    }

    #[test]
    fn the_document_vectoriser_matches_raw_then_vectorise() {
        let text = "Title: Putin and NATO\nPutin invaded Ukraine. Ukraine defends itself, \
                    and NATO helps Ukraine. \"Putin lies,\" said Zelensky of Ukraine. \
                    The sanctions hurt Russia; Russia blames NATO and the West for the war.";
        let ctx = DocContext::new(text, &[]);
        let spans = |w: &str| -> Vec<Span> {
            text.match_indices(w)
                .map(|(i, _)| Span::new(i, i + w.len()))
                .collect()
        };
        let entities: Vec<Vec<Span>> = ["Putin", "Ukraine", "NATO", "Russia", "Zelensky"]
            .iter()
            .map(|w| spans(w))
            .collect();
        for (language, document, near) in [(false, false, false), (true, true, true)] {
            let cfg = FeatureConfig {
                min_df: 1,
                entity_language: language,
                entity_document: document,
                entity_near: near,
                window_sides: near,
                ..Default::default()
            };
            let raws: Vec<Vec<(u32, f32, u8)>> = entities
                .iter()
                .flat_map(|sp| sp.iter().map(|&s| ctx.raw(s, sp, &cfg)))
                .collect();
            // Half the ids kept, so that lookups miss too.
            let mut v = Vocabulary::fit(&raws, cfg.clone());
            v = Vocabulary::from_parts(cfg.clone(), v.ids.iter().copied().step_by(2).collect());
            let vz = DocVectoriser::new(&ctx, &v);
            for sp in &entities {
                let ev = vz.entity(sp);
                for &s in sp {
                    assert_eq!(ev.vector(s), v.vectorise(&ctx.raw(s, sp, &cfg)));
                    assert_eq!(vz.vector(s, sp), v.vectorise(&ctx.raw(s, sp, &cfg)));
                    assert_eq!(vz.vector(s, &[]), v.vectorise(&ctx.raw(s, &[], &cfg)));
                }
            }
        }
    }

    #[test]
    fn name_by_near_word_and_window_side_features_are_added_only_when_asked() {
        let text = "Russia attacked Ukraine, and Ukraine attacked Russia back.";
        let ctx = DocContext::new(text, &[]);
        let span = Span::new(0, 6);
        let off = FeatureConfig::default();
        let on = FeatureConfig {
            entity_near: true,
            window_sides: true,
            ..Default::default()
        };
        let (a, b) = (ctx.raw(span, &[span], &off), ctx.raw(span, &[span], &on));
        let name = xxh3_64_with_seed(b"russia", 0);
        let attacked = tokens(text)[1].hash;
        let conj = fid(35, pair(name, attacked));
        assert!(b.iter().any(|f| f.0 == conj && f.2 == 1));
        assert!(!a.iter().any(|f| f.0 == conj));
        // "attacked" is right of the mention: a right-side window feature, no left one.
        assert!(b.iter().any(|f| f.0 == fid(52, attacked) && f.2 == 2));
        assert!(!b.iter().any(|f| f.0 == fid(51, attacked)));
        assert!(!a.iter().any(|f| f.0 == fid(52, attacked)));
    }

    #[test]
    fn cue_ids_are_distinct() {
        // The document vectoriser relies on it: block 6's fractional values never
        // share a column, so the order they are summed in cannot matter.
        let mut ids: Vec<u32> = (0..narrascope_narratives::language::LANGS.len() as u64)
            .map(|l| fid(90, l))
            .chain([fid(91, 1), fid(91, 2), fid(94, 1), fid(95, 1)])
            .chain((1..=5).map(|b| fid(92, b)))
            .chain((0..5).map(|p| fid(93, p)))
            .chain((0..role_keywords().len() as u64).map(|r| fid(96, r)))
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
