//! Training: fit on all given documents, with calibration and thresholds learned from
//! out-of-fold predictions *inside* the training set (inner folds), never from the
//! documents a reported score is computed on.

use serde::{Deserialize, Serialize};

use crate::calibrate::Platt;
use crate::cv::group_folds;
use crate::decision::{self, tune, GoldSets, DOMAINS};
use crate::features::{FeatureConfig, SparseVec, Vectorizer};
use crate::linear::{Linear, SgdConfig};
use crate::model::{NarrativeModel, Provenance};
use crate::semeval::Example;
use crate::taxonomy::Taxonomy;
use crate::NarrativeError;

/// Everything that decides a trained model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Features.
    pub features: FeatureConfig,
    /// Optimiser.
    pub sgd: SgdConfig,
    /// Inner folds for out-of-fold calibration and threshold tuning.
    pub inner_folds: usize,
    /// Tune thresholds per label (else one per level).
    pub per_label_thresholds: bool,
    /// Seed of the inner folds.
    pub seed: u64,
    /// Train this many SGD runs (shuffling seeds `sgd.seed`, `sgd.seed + 1`, …) and
    /// average their weights: one linear model of the same size, with less of the
    /// noise of SGD's last iterate.
    #[serde(default = "one")]
    pub bag: usize,
    /// Weight of coarse F1-samples against fine F1-samples (weight 1) in the objective
    /// the thresholds are tuned for.
    #[serde(default = "one_f64")]
    pub coarse_weight: f64,
    /// Also tune [`crate::decision::Thresholds::open_best`] (else the gate alone
    /// decides "Other").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_best: bool,
    /// When set, the three domain/gate outputs come from their own SGD run with these
    /// settings (the gate is one binary decision over all documents; it may want other
    /// regularisation than ninety sparse labels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gate_sgd: Option<SgdConfig>,
}

fn one_f64() -> f64 {
    1.0
}

fn one() -> usize {
    1
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            features: FeatureConfig::default(),
            sgd: SgdConfig::default(),
            inner_folds: 3,
            per_label_thresholds: false,
            seed: 2025,
            bag: 1,
            coarse_weight: 1.0,
            open_best: false,
            gate_sgd: None,
        }
    }
}

/// Vectoriser and (quantised) linear model fitted on `examples`.
fn fit(examples: &[&Example], cfg: &TrainConfig) -> (Vectorizer, Linear) {
    let texts: Vec<&str> = examples.iter().map(|e| e.text.as_str()).collect();
    let vec = Vectorizer::fit(&texts, cfg.features.clone());
    let xs: Vec<SparseVec> = texts.iter().map(|t| vec.transform(t)).collect();
    let ys: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| decision::targets(&e.gold.narratives, &e.gold.subnarratives))
        .collect();
    let mut lin = Linear::train(&xs, &ys, vec.len(), decision::outputs(), &cfg.sgd);
    for k in 1..cfg.bag {
        let sgd = SgdConfig {
            seed: cfg.sgd.seed + k as u64,
            ..cfg.sgd.clone()
        };
        let other = Linear::train(&xs, &ys, vec.len(), decision::outputs(), &sgd);
        lin.w.iter_mut().zip(&other.w).for_each(|(a, b)| *a += b);
        lin.b.iter_mut().zip(&other.b).for_each(|(a, b)| *a += b);
    }
    if cfg.bag > 1 {
        let n = cfg.bag as f32;
        lin.w.iter_mut().for_each(|a| *a /= n);
        lin.b.iter_mut().for_each(|a| *a /= n);
    }
    if let Some(sgd) = &cfg.gate_sgd {
        let gy: Vec<Vec<usize>> = ys
            .iter()
            .map(|y| y.iter().copied().filter(|&o| o < DOMAINS).collect())
            .collect();
        let gate = Linear::train(&xs, &gy, vec.len(), DOMAINS, sgd);
        let l = lin.labels;
        for f in 0..vec.len() {
            lin.w[f * l..f * l + DOMAINS].copy_from_slice(&gate.w[f * DOMAINS..(f + 1) * DOMAINS]);
        }
        lin.b[..DOMAINS].copy_from_slice(&gate.b);
    }
    lin.quantise();
    (vec, lin)
}

fn level(o: usize) -> usize {
    if o < DOMAINS {
        0
    } else if o < DOMAINS + Taxonomy::get().narratives.len() {
        1
    } else {
        2
    }
}

/// Fits only the vectoriser and the linear model on `examples` (one fit, no inner
/// folds): identity calibration and flat 0.5 thresholds. For callers that need the
/// per-label scores or [`NarrativeModel::contributions`] of a model that has not seen
/// some documents (cross-validation of downstream stages), not its decisions.
pub fn fit_uncalibrated(examples: &[&Example], cfg: &TrainConfig) -> NarrativeModel {
    let (vectorizer, linear) = fit(examples, cfg);
    let mut languages: Vec<String> = examples.iter().map(|e| e.lang.clone()).collect();
    languages.sort();
    languages.dedup();
    NarrativeModel {
        vectorizer,
        linear,
        calibration: [Platt::default(); 3],
        thresholds: decision::Thresholds::global(0.5, 0.5, 0.5),
        provenance: Provenance {
            languages,
            documents: examples.len(),
            sgd: cfg.sgd.clone(),
            per_label_thresholds: false,
        },
    }
}

/// Trains a model on `examples`. `progress` receives one line per step.
pub fn train(
    examples: &[&Example],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<NarrativeModel, NarrativeError> {
    if examples.len() < cfg.inner_folds.max(2) * 2 {
        return Err(NarrativeError::Training(format!(
            "{} documents are too few",
            examples.len()
        )));
    }
    if cfg.inner_folds < 2 {
        return Err(NarrativeError::Training(
            "inner_folds must be at least 2".into(),
        ));
    }
    let outputs = decision::outputs();
    let folds = group_folds(examples, cfg.inner_folds, cfg.seed);
    let mut oof: Vec<Vec<f32>> = vec![Vec::new(); examples.len()];
    for k in 0..cfg.inner_folds {
        progress(&format!("inner fold {}/{}", k + 1, cfg.inner_folds));
        let train: Vec<&Example> = examples
            .iter()
            .zip(&folds)
            .filter(|(_, &f)| f != k)
            .map(|(e, _)| *e)
            .collect();
        let (vec, lin) = fit(&train, cfg);
        for (i, e) in examples.iter().enumerate() {
            if folds[i] == k {
                let mut m = vec![0f32; outputs];
                lin.margins(&vec.transform(&e.text), &mut m);
                oof[i] = m;
            }
        }
    }
    let gold: Vec<GoldSets> = examples
        .iter()
        .map(|e| GoldSets::new(&e.gold.narratives, &e.gold.subnarratives))
        .collect();
    let mut calibration = [Platt::default(); 3];
    for (lv, cal) in calibration.iter_mut().enumerate() {
        let mut m = Vec::new();
        let mut t = Vec::new();
        for (i, e) in examples.iter().enumerate() {
            let y = decision::targets(&e.gold.narratives, &e.gold.subnarratives);
            for o in (0..outputs).filter(|&o| level(o) == lv) {
                m.push(oof[i][o]);
                t.push(y.contains(&o));
            }
        }
        *cal = Platt::fit(&m, &t);
    }
    let probs: Vec<Vec<f32>> = oof
        .iter()
        .map(|m| {
            m.iter()
                .enumerate()
                .map(|(o, &z)| calibration[level(o)].apply(z))
                .collect()
        })
        .collect();
    progress("tuning thresholds");
    let thresholds = tune(
        &probs,
        &gold,
        cfg.per_label_thresholds,
        cfg.coarse_weight,
        cfg.open_best,
    );
    progress(&format!("final fit on {} documents", examples.len()));
    let (vectorizer, linear) = fit(examples, cfg);
    let mut languages: Vec<String> = examples.iter().map(|e| e.lang.clone()).collect();
    languages.sort();
    languages.dedup();
    Ok(NarrativeModel {
        vectorizer,
        linear,
        calibration,
        thresholds,
        provenance: Provenance {
            languages,
            documents: examples.len(),
            sgd: cfg.sgd.clone(),
            per_label_thresholds: cfg.per_label_thresholds,
        },
    })
}
