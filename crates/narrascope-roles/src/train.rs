//! Training: features of every labelled mention, a vocabulary, and the two linear
//! models (main roles: one-vs-rest over 3; fine roles: multi-label over 22), trained by
//! seeded SGD, so the same data and settings give a byte-identical model.

use std::collections::BTreeSet;

use narrascope_core::Span;
use narrascope_narratives::features::SparseVec;
use narrascope_narratives::linear::{Linear, SgdConfig};
use serde::{Deserialize, Serialize};

use crate::features::{DocContext, FeatureConfig, Vocabulary};
use crate::gate::GateConfig;
use crate::model::{fine_roles, DecisionConfig, Provenance, RoleModel, MAIN_ROLES};
use crate::semeval::{Corpus, Row};
use crate::RoleError;

/// Raw features of one mention (see [`DocContext::raw`]).
pub type Raw = Vec<(u32, f32, u8)>;

/// Everything training needs besides the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Features.
    pub features: FeatureConfig,
    /// SGD of the main-role model.
    pub main_sgd: SgdConfig,
    /// SGD of the fine-role model.
    pub fine_sgd: SgdConfig,
    /// Decision rule saved with the model.
    pub decision: DecisionConfig,
    /// The salience gate (trained by `narrascope train roles`, which has the pipeline
    /// to find the entities; [`train`] leaves it out).
    #[serde(default)]
    pub gate: GateConfig,
    /// Each model is the average of this many SGD runs with successive shuffling seeds
    /// (a linear model still: same size and speed; 0 and 1 mean one run).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub average: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n <= 1
}

/// `cfg`'s SGD averaged over `runs` shuffling seeds (`seed`, `seed + 1`, …).
fn averaged(
    xs: &[SparseVec],
    ys: &[Vec<usize>],
    features: usize,
    labels: usize,
    cfg: &SgdConfig,
    runs: usize,
) -> Linear {
    let runs = runs.max(1);
    let mut acc = Linear::train(xs, ys, features, labels, cfg);
    for r in 1..runs {
        let c = SgdConfig {
            seed: cfg.seed + r as u64,
            ..cfg.clone()
        };
        let m = Linear::train(xs, ys, features, labels, &c);
        acc.w.iter_mut().zip(&m.w).for_each(|(a, b)| *a += b);
        acc.b.iter_mut().zip(&m.b).for_each(|(a, b)| *a += b);
    }
    let k = runs as f32;
    acc.w.iter_mut().for_each(|a| *a /= k);
    acc.b.iter_mut().for_each(|a| *a /= k);
    acc
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            features: FeatureConfig::default(),
            main_sgd: SgdConfig {
                epochs: 15,
                lambda: 1e-4,
                eta0: 0.5,
                pos_weight_power: 0.0,
                max_pos_weight: 1.0,
                seed: 17,
            },
            fine_sgd: SgdConfig {
                epochs: 15,
                lambda: 1e-4,
                eta0: 0.5,
                pos_weight_power: 0.0,
                max_pos_weight: 1.0,
                seed: 23,
            },
            decision: DecisionConfig::default(),
            gate: GateConfig::default(),
            average: 1,
        }
    }
}

/// The occurrences of `needle` in `text` (the other mentions of an entity known only
/// by one surface form, as in the task files).
pub fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(b, m)| Span::new(b, b + m.len()))
        .collect()
}

/// Raw features of every mention of `corpus`, in order (each document prepared once;
/// an entity's other mentions are the other occurrences of the mention's text).
pub fn raw_features(corpus: &Corpus, cfg: &FeatureConfig) -> Vec<Raw> {
    let mut out = vec![Vec::new(); corpus.examples.len()];
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); corpus.docs.len()];
    for (i, e) in corpus.examples.iter().enumerate() {
        by_doc[e.doc].push(i);
    }
    for (d, idxs) in by_doc.iter().enumerate() {
        if idxs.is_empty() {
            continue;
        }
        let ctx = DocContext::new(&corpus.docs[d].text, &[]);
        for &i in idxs {
            let e = &corpus.examples[i];
            let others = occurrences(ctx.text(), e.span.slice(ctx.text()));
            out[i] = ctx.raw(e.span, &others, cfg);
        }
    }
    out
}

/// The gold main-role index and fine-role indices of a row.
pub fn labels(row: &Row) -> Result<(usize, Vec<usize>), RoleError> {
    let roles = fine_roles();
    let bad = |what: &str| RoleError::Training(format!("{}: unknown {what}", row.id));
    let main = row
        .main
        .as_deref()
        .and_then(|m| MAIN_ROLES.iter().position(|&x| x == m.trim()))
        .ok_or_else(|| bad("or missing main role"))?;
    let fine: BTreeSet<usize> = row
        .fine
        .iter()
        .map(|f| {
            roles
                .iter()
                .position(|r| r.0 == f.trim())
                .ok_or_else(|| bad("fine role"))
        })
        .collect::<Result<_, _>>()?;
    Ok((main, fine.into_iter().collect()))
}

/// Trains on raw features and their labels.
pub fn train_raw(
    raws: &[&Raw],
    labels: &[(usize, Vec<usize>)],
    languages: Vec<String>,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<RoleModel, RoleError> {
    if raws.is_empty() || raws.len() != labels.len() {
        return Err(RoleError::Training(format!(
            "{} mentions and {} label sets",
            raws.len(),
            labels.len()
        )));
    }
    let owned: Vec<Raw> = raws.iter().map(|r| (*r).clone()).collect();
    let vocab = Vocabulary::fit(&owned, cfg.features.clone());
    progress(&format!(
        "{} mentions, {} feature columns",
        raws.len(),
        vocab.len()
    ));
    let xs: Vec<SparseVec> = owned.iter().map(|r| vocab.vectorise(r)).collect();
    let ym: Vec<Vec<usize>> = labels.iter().map(|l| vec![l.0]).collect();
    let yf: Vec<Vec<usize>> = labels.iter().map(|l| l.1.clone()).collect();
    let mut main = averaged(
        &xs,
        &ym,
        vocab.len(),
        MAIN_ROLES.len(),
        &cfg.main_sgd,
        cfg.average,
    );
    progress("main-role model trained");
    let mut fine = averaged(
        &xs,
        &yf,
        vocab.len(),
        fine_roles().len(),
        &cfg.fine_sgd,
        cfg.average,
    );
    progress("fine-role model trained");
    main.quantise();
    fine.quantise();
    Ok(RoleModel {
        vocab,
        main,
        fine,
        decision: cfg.decision.clone(),
        provenance: Provenance {
            languages,
            mentions: raws.len(),
            main_sgd: cfg.main_sgd.clone(),
            fine_sgd: cfg.fine_sgd.clone(),
        },
        gate: None,
    })
}

/// Trains on every mention of `corpus`.
pub fn train(
    corpus: &Corpus,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<RoleModel, RoleError> {
    let raws = raw_features(corpus, &cfg.features);
    progress(&format!("features of {} mentions extracted", raws.len()));
    let labels: Vec<_> = corpus
        .examples
        .iter()
        .map(|e| labels(&e.row))
        .collect::<Result<_, _>>()?;
    let mut langs: Vec<String> = corpus.docs.iter().map(|d| d.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    let refs: Vec<&Raw> = raws.iter().collect();
    train_raw(&refs, &labels, langs, cfg, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_sgd_runs_is_their_mean() {
        let xs: Vec<SparseVec> = (0..20u32)
            .map(|i| SparseVec {
                idx: vec![i % 4, 4 + i % 3],
                val: vec![1.0, 0.5],
            })
            .collect();
        let ys: Vec<Vec<usize>> = (0..20).map(|i| vec![i % 2]).collect();
        let cfg = TrainConfig::default().main_sgd;
        let one = averaged(&xs, &ys, 7, 2, &cfg, 1);
        assert_eq!(one, Linear::train(&xs, &ys, 7, 2, &cfg));
        let second = Linear::train(
            &xs,
            &ys,
            7,
            2,
            &SgdConfig {
                seed: cfg.seed + 1,
                ..cfg.clone()
            },
        );
        let two = averaged(&xs, &ys, 7, 2, &cfg, 2);
        for ((a, b), m) in one.w.iter().zip(&second.w).zip(&two.w) {
            assert!(((a + b) / 2.0 - m).abs() < 1e-6);
        }
        assert_ne!(two, one);
    }
}
