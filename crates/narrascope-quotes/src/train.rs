//! Training the tagger from annotated documents.

use narrascope_core::Span;

use crate::error::QuoteError;
use crate::features::{featurize, featurize_with};
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
    /// Folds of the jackknife that feeds a second, stacked pass (0: one pass only).
    pub stack_folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 40,
            buckets: 1 << 18,
            seed: 17,
            stack_folds: 4,
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

fn fit(
    seqs: &[(Vec<Vec<u32>>, Vec<usize>)],
    pick: &[usize],
    cfg: &TrainConfig,
) -> crate::model::Model {
    let mut trainer = Trainer::new(cfg.buckets);
    let mut order: Vec<usize> = pick.to_vec();
    let mut rng = Rng(cfg.seed);
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (f, g) = &seqs[k];
            trainer.learn(f, g);
        }
    }
    trainer.finish()
}

/// Trains a tagger with the averaged structured perceptron; with `stack_folds`,
/// a second pass is trained on the first pass's jackknifed predictions.
pub fn train(docs: &[TrainDoc], cfg: &TrainConfig) -> Result<Tagger, QuoteError> {
    if !cfg.buckets.is_power_of_two() {
        return Err(QuoteError::Training(
            "buckets must be a power of two".into(),
        ));
    }
    let mut toks = Vec::new();
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
            let feats = featurize(&tokens, cfg.buckets).into_vecs();
            seqs.push((feats, gold));
            toks.push(tokens);
        }
    }
    if seqs.is_empty() {
        return Err(QuoteError::Training("no training text".into()));
    }
    let all: Vec<usize> = (0..seqs.len()).collect();
    let model = fit(&seqs, &all, cfg);
    let k = cfg.stack_folds;
    if k < 2 {
        return Ok(Tagger {
            model,
            second: None,
        });
    }
    // Jackknife: every sequence tagged by a first pass that never saw it.
    let mut prior: Vec<Vec<usize>> = vec![Vec::new(); seqs.len()];
    for fold in 0..k {
        let train_idx: Vec<usize> = all.iter().copied().filter(|i| i % k != fold).collect();
        let m = fit(&seqs, &train_idx, cfg);
        for i in all.iter().copied().filter(|i| i % k == fold) {
            prior[i] = m.decode(&seqs[i].0);
        }
    }
    let stacked: Vec<(Vec<Vec<u32>>, Vec<usize>)> = toks
        .iter()
        .zip(&seqs)
        .zip(&prior)
        .map(|((t, (_, g)), p)| {
            (
                featurize_with(t, cfg.buckets, Some(p)).into_vecs(),
                g.clone(),
            )
        })
        .collect();
    drop(seqs);
    let second = fit(&stacked, &all, cfg);
    Ok(Tagger {
        model,
        second: Some(second),
    })
}
