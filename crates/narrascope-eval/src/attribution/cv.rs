//! Cross-validation and train-then-score runs of the quote stage on PolNeAR.

use std::collections::HashSet;

use narrascope_core::Span;
use narrascope_quotes::{QuoteError, QuoteStage, Role, RoleSpan, Tagger, TrainConfig, TrainDoc};
use serde::Serialize;

use super::{document, evaluate, BratDoc, GoldAttribution, Report};

/// Document indices of `k` folds, shuffled with a fixed seed.
pub fn folds(n: usize, k: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        idx.swap(i, j);
    }
    let k = k.max(1);
    let mut out = vec![Vec::new(); k];
    for (p, i) in idx.into_iter().enumerate() {
        out[p % k].push(i);
    }
    out
}

/// Mean and spread (population standard deviation) of F1s across folds.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct MeanSd {
    /// Mean.
    pub mean: f64,
    /// Standard deviation.
    pub sd: f64,
}

/// Mean ± spread of a list.
pub fn mean_sd(xs: &[f64]) -> MeanSd {
    if xs.is_empty() {
        return MeanSd::default();
    }
    let m = xs.iter().sum::<f64>() / xs.len() as f64;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / xs.len() as f64;
    MeanSd {
        mean: m,
        sd: v.sqrt(),
    }
}

/// Training documents for the quote tagger: every gold span with its role.
pub fn train_docs(docs: &[&BratDoc]) -> Vec<TrainDoc> {
    train_docs_with(docs, false)
}

/// Training documents; with `all_annotators`, one per annotator's file.
pub fn train_docs_with(docs: &[&BratDoc], all_annotators: bool) -> Vec<TrainDoc> {
    docs.iter()
        .flat_map(|d| {
            let n = if all_annotators { d.others.len() } else { 0 };
            std::iter::once(&d.attributions)
                .chain(d.others.iter().take(n))
                .map(move |atts| (d, atts))
        })
        .map(|(d, atts)| {
            let mut spans: Vec<RoleSpan> = Vec::new();
            for a in atts {
                for (r, role) in Role::ALL.iter().enumerate() {
                    for &s in a.role(r) {
                        spans.push(RoleSpan {
                            span: s,
                            role: *role,
                        });
                    }
                }
            }
            spans.sort();
            TrainDoc {
                text: d.text.clone(),
                regions: vec![Span::new(0, d.text.len())],
                spans,
            }
        })
        .collect()
}

/// The stage's attributions for one text, as scoreable spans.
pub fn predict(stage: &QuoteStage, text: &str) -> Vec<GoldAttribution> {
    let doc = document(text);
    stage
        .find(&doc)
        .into_iter()
        .map(|f| GoldAttribution {
            source: f
                .speaker
                .as_ref()
                .and_then(|s| s.mention)
                .or(f.attribution.source)
                .into_iter()
                .collect(),
            cue: f.attribution.cue.into_iter().collect(),
            content: f.attribution.content,
        })
        .collect()
}

/// Cross-validation result: one report per fold.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CvReport {
    /// Per-fold reports.
    pub folds: Vec<Report>,
    /// Exact F1 mean ± sd per role (source, cue, content), all attributions.
    pub exact_f1: [MeanSd; 3],
    /// Overlap F1 mean ± sd per role.
    pub overlap_f1: [MeanSd; 3],
    /// Exact F1 mean ± sd per role on direct quotes.
    pub direct_exact_f1: [MeanSd; 3],
    /// Who-said-what pair F1 mean ± sd: exact, then overlap.
    pub pairs_f1: [MeanSd; 2],
}

/// Which system to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    /// Tagger and quotation-mark rules (the product).
    Full,
    /// The product without its speech filter: every attribution the tagger finds,
    /// wishes and plans included (PolNeAR's notion).
    AllAttributions,
    /// Tagger only.
    TaggerOnly,
    /// Rules only, no model.
    RulesOnly,
}

fn stage_for(system: System, tagger: Option<Tagger>) -> QuoteStage {
    match system {
        System::Full => QuoteStage::with_tagger(tagger),
        System::AllAttributions => QuoteStage::with_tagger(tagger).with_speech_only(false),
        System::TaggerOnly => QuoteStage::with_tagger(tagger)
            .with_rules(false)
            .with_speech_only(false),
        System::RulesOnly => QuoteStage::with_tagger(None),
    }
}

/// Trains on the train part of each of `k` folds (documents shuffled with `seed`)
/// and scores the held-out part. Folds run on up to two threads.
pub fn cross_validate(
    docs: &[BratDoc],
    k: usize,
    seed: u64,
    cfg: &TrainConfig,
    system: System,
) -> Result<CvReport, QuoteError> {
    let parts = folds(docs.len(), k, seed);
    let run = |held: &Vec<usize>| -> Result<Report, QuoteError> {
        let held_set: HashSet<usize> = held.iter().copied().collect();
        let train: Vec<&BratDoc> = (0..docs.len())
            .filter(|i| !held_set.contains(i))
            .map(|i| &docs[i])
            .collect();
        let tagger = match system {
            System::RulesOnly => None,
            _ => Some(narrascope_quotes::train(&train_docs(&train), cfg)?),
        };
        let stage = stage_for(system, tagger);
        let test: Vec<BratDoc> = held.iter().map(|&i| docs[i].clone()).collect();
        Ok(evaluate(&test, |t| predict(&stage, t)))
    };
    let mut reports: Vec<Option<Result<Report, QuoteError>>> = parts.iter().map(|_| None).collect();
    for chunk in (0..parts.len()).collect::<Vec<_>>().chunks(2) {
        std::thread::scope(|sc| {
            let (run, parts) = (&run, &parts);
            let hs: Vec<_> = chunk
                .iter()
                .map(|&f| (f, sc.spawn(move || run(&parts[f]))))
                .collect();
            for (f, h) in hs {
                reports[f] =
                    Some(h.join().unwrap_or_else(|_| {
                        Err(QuoteError::Training("fold thread panicked".into()))
                    }));
            }
        });
    }
    let reports: Vec<Report> = reports.into_iter().flatten().collect::<Result<_, _>>()?;
    let pick = |f: &dyn Fn(&Report, usize) -> f64| -> [MeanSd; 3] {
        [0, 1, 2].map(|r| mean_sd(&reports.iter().map(|x| f(x, r)).collect::<Vec<_>>()))
    };
    Ok(CvReport {
        exact_f1: pick(&|x, r| x.all[r].exact.f1),
        overlap_f1: pick(&|x, r| x.all[r].overlap.f1),
        direct_exact_f1: pick(&|x, r| x.direct[r].exact.f1),
        pairs_f1: [
            mean_sd(&reports.iter().map(|x| x.pairs.exact.f1).collect::<Vec<_>>()),
            mean_sd(
                &reports
                    .iter()
                    .map(|x| x.pairs.overlap.f1)
                    .collect::<Vec<_>>(),
            ),
        ],
        folds: reports,
    })
}

/// Trains on all of `train` and scores `dev` once.
pub fn train_and_score(
    train: &[BratDoc],
    dev: &[BratDoc],
    cfg: &TrainConfig,
    system: System,
) -> Result<(Report, Option<Tagger>), QuoteError> {
    let tagger = match system {
        System::RulesOnly => None,
        _ => {
            let refs: Vec<&BratDoc> = train.iter().collect();
            Some(narrascope_quotes::train(&train_docs(&refs), cfg)?)
        }
    };
    let stage = stage_for(system, tagger.clone());
    Ok((evaluate(dev, |t| predict(&stage, t)), tagger))
}
