//! Near-duplicate detection across a batch.
//!
//! Each document gets a MinHash signature over 5-word shingles of its normalised body
//! (lower-cased `\w+` tokens). Documents whose estimated Jaccard similarity reaches
//! the threshold are duplicates; a document is reported as `duplicate_of` the first
//! document of its group in input order. Locality-sensitive banding keeps the index
//! sub-quadratic. Written by hand because the MinHash crates we tried either pull a
//! large dependency tree or do not expose a deterministic, seedable signature.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64_with_seed;

const NUM_HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = NUM_HASHES / BANDS;
const SHINGLE: usize = 5;

/// A MinHash signature plus an exact hash of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    exact: u64,
    mins: Vec<u64>,
}

impl Signature {
    /// Computes the signature of a text. Texts with no word are `None`.
    pub fn of(text: &str) -> Option<Signature> {
        let tokens: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(|t| t.to_lowercase())
            .collect();
        if tokens.is_empty() {
            return None;
        }
        let exact = xxh3_64_with_seed(tokens.join(" ").as_bytes(), 0);
        let mut mins = vec![u64::MAX; NUM_HASHES];
        let n = tokens.len().saturating_sub(SHINGLE - 1).max(1);
        for i in 0..n {
            let shingle = tokens[i..(i + SHINGLE).min(tokens.len())].join(" ");
            for (k, m) in mins.iter_mut().enumerate() {
                let h = xxh3_64_with_seed(shingle.as_bytes(), k as u64 + 1);
                if h < *m {
                    *m = h;
                }
            }
        }
        Some(Signature { exact, mins })
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.exact == other.exact {
            return 1.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / NUM_HASHES as f64
    }

    fn bands(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        (0..BANDS).map(move |b| {
            let mut bytes = Vec::with_capacity(ROWS * 8);
            for v in &self.mins[b * ROWS..(b + 1) * ROWS] {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
            (b, xxh3_64_with_seed(&bytes, b as u64))
        })
    }
}

/// Incremental index: add documents in input order, get the earlier one each
/// duplicates.
#[derive(Debug)]
pub struct DedupIndex {
    threshold: f64,
    docs: Vec<(String, Signature)>,
    buckets: HashMap<(usize, u64), Vec<usize>>,
}

impl Default for DedupIndex {
    fn default() -> Self {
        Self::new(0.9)
    }
}

impl DedupIndex {
    /// An empty index reporting pairs with estimated Jaccard ≥ `threshold`.
    pub fn new(threshold: f64) -> Self {
        DedupIndex {
            threshold,
            docs: Vec::new(),
            buckets: HashMap::new(),
        }
    }

    /// Adds a document; returns the id of the earliest indexed document it duplicates.
    /// Duplicates are not indexed themselves, so chains resolve to the first original.
    pub fn add(&mut self, id: &str, sig: Signature) -> Option<String> {
        let mut best: Option<usize> = None;
        for key in sig.bands() {
            if let Some(cands) = self.buckets.get(&key) {
                for &c in cands {
                    if sig.similarity(&self.docs[c].1) >= self.threshold
                        && best.is_none_or(|b| c < b)
                    {
                        best = Some(c);
                    }
                }
            }
        }
        if let Some(b) = best {
            return Some(self.docs[b].0.clone());
        }
        let idx = self.docs.len();
        for key in sig.bands() {
            self.buckets.entry(key).or_default().push(idx);
        }
        self.docs.push((id.to_string(), sig));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The council met on Tuesday to discuss the budget for the coming year, \
        and members argued over spending on roads, schools and the new library that \
        residents have asked for since the flood destroyed the old one two years ago.";

    #[test]
    fn identical_and_near_identical_texts_are_duplicates() {
        let mut idx = DedupIndex::default();
        assert_eq!(idx.add("a", Signature::of(A).unwrap()), None);
        assert_eq!(
            idx.add("b", Signature::of(&A.to_uppercase()).unwrap()),
            Some("a".into())
        );
        let near = format!("{A} Share this article.");
        assert_eq!(
            idx.add("c", Signature::of(&near).unwrap()),
            Some("a".into())
        );
    }

    #[test]
    fn different_texts_are_not_duplicates() {
        let mut idx = DedupIndex::default();
        idx.add("a", Signature::of(A).unwrap());
        let other = "Scientists reported a new species of frog in the rainforest, the \
            third such discovery this decade, after a survey of streams in the valley.";
        assert_eq!(idx.add("b", Signature::of(other).unwrap()), None);
    }
}
