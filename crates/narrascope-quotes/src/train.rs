//! Training the tagger from annotated documents.

use narrascope_core::Span;

use crate::error::QuoteError;
use crate::features::featurize;
use crate::model::{Trainer, O};
use crate::tagger::{RoleSpan, Tagger};
use crate::token::tokenize;

/// One annotated document.
#[derive(Clone, Debug)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// Regions tagged as sequences (usually the whole text).
    pub regions: Vec<Span>,
    /// Gold spans (non-overlapping).
    pub spans: Vec<RoleSpan>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Hash buckets (a power of two): the model has `7 × buckets` weights.
    pub buckets: usize,
    /// Seed of the document order shuffle.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 40,
            buckets: 1 << 18,
            seed: 17,
        }
    }
}

/// Gold tags for `tokens` of one region: a token takes the role of the gold span
/// containing its first byte.
fn gold_tags(tokens: &[crate::token::Token], spans: &[RoleSpan]) -> Vec<usize> {
    let mut tags = vec![O; tokens.len()];
    let mut prev: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        // Attributions nest (a speaker's turn holding "I think …"): the innermost
        // span wins, which keeps the labels of one token consistent.
        let hit = spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.span.start <= t.span.start && t.span.start < s.span.end)
            .min_by_key(|(_, s)| s.span.len())
            .map(|(k, _)| k);
        if let Some(k) = hit {
            let base = 1 + 2 * spans[k].role.index();
            tags[i] = if prev == Some(k) { base + 1 } else { base };
        }
        prev = hit;
    }
    tags
}

/// A small deterministic generator for the shuffle (SplitMix64).
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a tagger with the averaged structured perceptron.
pub fn train(docs: &[TrainDoc], cfg: &TrainConfig) -> Result<Tagger, QuoteError> {
    if !cfg.buckets.is_power_of_two() {
        return Err(QuoteError::Training("buckets must be a power of two".into()));
    }
    let mut seqs = Vec::new();
    for d in docs {
        for &r in &d.regions {
            let tokens = tokenize(&d.text, r);
            if tokens.is_empty() {
                continue;
            }
            let inside: Vec<RoleSpan> = d
                .spans
                .iter()
                .filter(|s| s.span.overlaps(r))
                .copied()
                .collect();
            let gold = gold_tags(&tokens, &inside);
            let feats = featurize(&tokens, cfg.buckets).feats;
            seqs.push((feats, gold));
        }
    }
    if seqs.is_empty() {
        return Err(QuoteError::Training("no training text".into()));
    }
    let mut trainer = Trainer::new(cfg.buckets);
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = Rng(cfg.seed);
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (f, g) = &seqs[k];
            trainer.learn(f, g);
        }
    }
    Ok(Tagger {
        model: trainer.finish(),
    })
}
