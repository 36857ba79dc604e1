//! Text → sparse TF-IDF vectors over hashed word uni/bigrams and character n-grams
//! (inside word boundaries, like scikit-learn's `char_wb`).
//!
//! Hashing keeps the extractor stateless and language-agnostic; the fitted
//! [`Vectorizer`] keeps only hashed ids seen in enough training documents, which bounds
//! the model size. Word and character blocks are L2-normalised separately so neither
//! swamps the other.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Hash space per block, in bits.
const BITS: u32 = 22;
/// Character ids live above the word ids.
const CHAR_BLOCK: u32 = 1 << BITS;

/// What to extract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Word n-grams from 1 to this (1 or 2).
    pub word_max_n: usize,
    /// Smallest character n-gram (0 disables characters).
    pub char_min_n: usize,
    /// Largest character n-gram.
    pub char_max_n: usize,
    /// Keep only ids seen in at least this many training documents.
    pub min_df: u32,
    /// Keep at most this many ids (the most frequent).
    pub max_features: usize,
    /// Count the words of the first non-empty line (the title) this many extra times:
    /// headlines state the frame most plainly.
    #[serde(default)]
    pub title_repeat: usize,
    /// Weight of the definition features (0: none): one column per narrative and
    /// sub-narrative holding the share of its definition keywords found in the text, a
    /// prior that rare labels can lean on.
    #[serde(default)]
    pub definition_weight: f32,
    /// Add one bias column per guessed language (for models trained on several).
    #[serde(default)]
    pub language_bias: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            word_max_n: 2,
            char_min_n: 3,
            char_max_n: 5,
            min_df: 2,
            max_features: 60_000,
            title_repeat: 0,
            definition_weight: 0.0,
            language_bias: false,
        }
    }
}

/// A sparse vector: sorted column indices and their values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec {
    /// Column indices, ascending.
    pub idx: Vec<u32>,
    /// Values.
    pub val: Vec<f32>,
}

fn is_word_char(c: char) -> bool {
    // Combining marks carry vowels in Devanagari and accents in decomposed Latin text;
    // splitting words at them would shred Hindi.
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Lower-cased words of `text`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_word_char(c) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn bucket(h: u64) -> u32 {
    (h >> (64 - BITS)) as u32
}

/// Appends the hashed feature ids of `text` (with repetitions) to `out`, with the
/// title counted `1 + title_repeat` times.
pub fn hashed_ids(text: &str, cfg: &FeatureConfig, out: &mut Vec<u32>) {
    plain_ids(text, cfg, out);
    if cfg.title_repeat > 0 {
        if let Some(title) = text.lines().find(|l| !l.trim().is_empty()) {
            for _ in 0..cfg.title_repeat {
                plain_ids(title, cfg, out);
            }
        }
    }
}

fn plain_ids(text: &str, cfg: &FeatureConfig, out: &mut Vec<u32>) {
    let ws = words(text);
    let hs: Vec<u64> = ws
        .iter()
        .map(|w| xxh3_64_with_seed(w.as_bytes(), 1))
        .collect();
    for (i, &h) in hs.iter().enumerate() {
        out.push(bucket(h));
        if cfg.word_max_n >= 2 && i + 1 < hs.len() {
            let h2 = h.rotate_left(17) ^ hs[i + 1].wrapping_mul(0x9E37_79B9_7F4A_7C15);
            out.push(bucket(xxh3_64_with_seed(&h2.to_le_bytes(), 2)));
        }
    }
    if cfg.char_min_n == 0 {
        return;
    }
    let mut padded: Vec<u8> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for w in &ws {
        padded.clear();
        starts.clear();
        padded.push(b' ');
        for (i, _) in w.char_indices() {
            starts.push(i + 1);
        }
        padded.extend_from_slice(w.as_bytes());
        padded.push(b' ');
        // Character boundaries of " word ": 0, each char start, the final space, end.
        let mut bounds = Vec::with_capacity(starts.len() + 3);
        bounds.push(0);
        bounds.extend_from_slice(&starts);
        bounds.push(padded.len() - 1);
        bounds.push(padded.len());
        let nchars = bounds.len() - 1;
        for n in cfg.char_min_n..=cfg.char_max_n {
            if n > nchars {
                break;
            }
            for s in 0..=nchars - n {
                let gram = &padded[bounds[s]..bounds[s + n]];
                out.push(CHAR_BLOCK | bucket(xxh3_64_with_seed(gram, 3)));
            }
        }
    }
}

/// Counts of each id, sorted by id.
fn counts(ids: &mut [u32]) -> Vec<(u32, u32)> {
    ids.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &id in ids.iter() {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// The `(id, document frequency)` pairs with frequency at least `min_df`, the
/// `max_features` most frequent (ties by id, so the cut is deterministic), by id.
pub fn most_frequent(df: HashMap<u32, u32>, min_df: u32, max_features: usize) -> Vec<(u32, u32)> {
    let mut kept: Vec<(u32, u32)> = df.into_iter().filter(|&(_, d)| d >= min_df).collect();
    kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    kept.truncate(max_features);
    kept.sort_unstable();
    kept
}

/// A fitted TF-IDF vectoriser: the kept hashed ids and their idf.
#[derive(Clone, Debug)]
pub struct Vectorizer {
    /// Extraction settings.
    pub config: FeatureConfig,
    /// Kept hashed ids, ascending; column `i` is `ids[i]`.
    pub ids: Vec<u32>,
    /// Inverse document frequency per column.
    pub idf: Vec<f32>,
    column: HashMap<u32, u32>,
}

impl Vectorizer {
    /// Fits on training texts: document frequencies, `min_df`, `max_features`, smooth
    /// idf `ln((1 + n) / (1 + df)) + 1`.
    pub fn fit(texts: &[&str], config: FeatureConfig) -> Vectorizer {
        let mut df: HashMap<u32, u32> = HashMap::new();
        let mut buf = Vec::new();
        for t in texts {
            buf.clear();
            hashed_ids(t, &config, &mut buf);
            for (id, _) in counts(&mut buf) {
                *df.entry(id).or_insert(0) += 1;
            }
        }
        let kept = most_frequent(df, config.min_df, config.max_features);
        let n = texts.len() as f32;
        let ids: Vec<u32> = kept.iter().map(|&(id, _)| id).collect();
        let idf = kept
            .iter()
            .map(|&(_, d)| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        Vectorizer::from_parts(config, ids, idf)
    }

    /// Rebuilds a vectoriser from saved parts.
    pub fn from_parts(config: FeatureConfig, ids: Vec<u32>, idf: Vec<f32>) -> Vectorizer {
        let column = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i as u32))
            .collect();
        Vectorizer {
            config,
            ids,
            idf,
            column,
        }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.ids.len() + self.definition_columns() + self.language_columns()
    }

    /// Number of language-bias columns (after the definition columns).
    pub fn language_columns(&self) -> usize {
        if self.config.language_bias {
            crate::language::LANGS.len()
        } else {
            0
        }
    }

    /// Number of definition-feature columns (after the hashed ones).
    pub fn definition_columns(&self) -> usize {
        if self.config.definition_weight > 0.0 {
            crate::definitions::Definitions::get().len()
        } else {
            0
        }
    }

    /// Whether no column was kept.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The column of a hashed id, if kept.
    pub fn column(&self, id: u32) -> Option<u32> {
        self.column.get(&id).copied()
    }

    /// TF-IDF vector of a text: sublinear tf, idf, each block L2-normalised.
    pub fn transform(&self, text: &str) -> SparseVec {
        let mut buf = Vec::new();
        hashed_ids(text, &self.config, &mut buf);
        let mut cols: Vec<(u32, f32, bool)> = counts(&mut buf)
            .into_iter()
            .filter_map(|(id, c)| {
                let col = self.column(id)?;
                let v = (1.0 + (c as f32).ln()) * self.idf[col as usize];
                Some((col, v, id & CHAR_BLOCK != 0))
            })
            .collect();
        for block in [false, true] {
            let norm: f32 = cols
                .iter()
                .filter(|c| c.2 == block)
                .map(|c| c.1 * c.1)
                .sum::<f32>()
                .sqrt();
            if norm > 0.0 {
                for c in cols.iter_mut().filter(|c| c.2 == block) {
                    c.1 /= norm;
                }
            }
        }
        cols.sort_unstable_by_key(|c| c.0);
        let mut x = SparseVec {
            idx: cols.iter().map(|c| c.0).collect(),
            val: cols.iter().map(|c| c.1).collect(),
        };
        if self.config.definition_weight > 0.0 {
            let base = self.ids.len() as u32;
            for (i, v) in crate::definitions::Definitions::get()
                .overlaps(text)
                .into_iter()
                .enumerate()
            {
                if v > 0.0 {
                    x.idx.push(base + i as u32);
                    x.val.push(v * self.config.definition_weight);
                }
            }
        }
        if self.config.language_bias {
            let base = (self.ids.len() + self.definition_columns()) as u32;
            x.idx.push(base + crate::language::guess(text) as u32);
            x.val.push(1.0);
        }
        x
    }

    /// Occurrence counts of each hashed id in `text`.
    pub fn id_counts(&self, text: &str) -> HashMap<u32, u32> {
        let mut all = Vec::new();
        hashed_ids(text, &self.config, &mut all);
        counts(&mut all).into_iter().collect()
    }

    /// How much of each column of `doc` (as returned by [`transform`](Self::transform)
    /// for a text whose [`id_counts`](Self::id_counts) are `total`) is carried by one
    /// stretch `part` of that text: the stretch's share of the column's occurrences
    /// times the column's value. Used to attribute a score to sentences.
    pub fn share(&self, doc: &SparseVec, total: &HashMap<u32, u32>, part: &str) -> SparseVec {
        let mut mine = Vec::new();
        plain_ids(part, &self.config, &mut mine);
        let mut out: Vec<(u32, f32)> = counts(&mut mine)
            .into_iter()
            .filter_map(|(id, c)| {
                let col = self.column(id)?;
                let pos = doc.idx.binary_search(&col).ok()?;
                let t = *total.get(&id)?.max(&c);
                Some((col, doc.val[pos] * c as f32 / t as f32))
            })
            .collect();
        out.sort_unstable_by_key(|c| c.0);
        SparseVec {
            idx: out.iter().map(|c| c.0).collect(),
            val: out.iter().map(|c| c.1).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_devanagari_marks_and_lowercase() {
        assert_eq!(words("Hello, WORLD!"), ["hello", "world"]);
        assert_eq!(words("जलवायु परिवर्तन"), ["जलवायु", "परिवर्तन"]);
        assert_eq!(words("Изменение климата"), ["изменение", "климата"]);
    }

    #[test]
    fn transform_is_normalised_per_block() {
        let texts = [
            "climate policy costs",
            "climate policy fails",
            "war in ukraine",
        ];
        let v = Vectorizer::fit(
            &texts,
            FeatureConfig {
                min_df: 1,
                ..Default::default()
            },
        );
        let x = v.transform("climate policy");
        let sq: f32 = x.val.iter().map(|a| a * a).sum();
        assert!((sq - 2.0).abs() < 1e-4, "{sq}");
        assert!(x.idx.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn shares_of_the_parts_add_up_to_the_document() {
        let text = "climate policy. climate money";
        let v = Vectorizer::fit(
            &[text, "policy money"],
            FeatureConfig {
                min_df: 1,
                word_max_n: 1,
                ..Default::default()
            },
        );
        let x = v.transform(text);
        let total = v.id_counts(text);
        let a = v.share(&x, &total, "climate policy.");
        let b = v.share(&x, &total, " climate money");
        let sum: f32 = a.val.iter().chain(&b.val).sum();
        let whole: f32 = x.val.iter().sum();
        assert!((sum - whole).abs() < 1e-4, "{sum} vs {whole}");
    }
}
