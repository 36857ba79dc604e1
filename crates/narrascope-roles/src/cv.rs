//! k-fold cross-validation over documents, with identical texts kept in one fold.
//!
//! All mentions of a document share its fold; documents whose text is identical after
//! collapsing whitespace form one group (the release repeats texts under different ids,
//! and the same article's entities would otherwise leak). Groups are ordered by a
//! seeded hash and dealt round-robin within each language, so every fold sees every
//! language. Out-of-fold probabilities are kept, so other decision rules can be scored
//! without retraining ([`CvReport::rescore`]).

use std::collections::{BTreeMap, HashMap};

use narrascope_narratives::cv::normalised;
use narrascope_narratives::scorer::MeanStd;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::model::{decide, fine_roles, DecisionConfig, Prediction, MAIN_ROLES};
use crate::scorer::{score, Scores};
use crate::semeval::{Corpus, Row};
use crate::train::{labels, train_raw, Raw, TrainConfig};
use crate::RoleError;

/// The fold (`0..k`) of each document of `corpus`.
pub fn document_folds(corpus: &Corpus, k: usize, seed: u64) -> Vec<usize> {
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(u64, String, Vec<usize>)> = Vec::new();
    for (i, d) in corpus.docs.iter().enumerate() {
        let key = normalised(&d.text);
        let g = *group_of.entry(key.clone()).or_insert_with(|| {
            groups.push((
                xxh3_64_with_seed(key.as_bytes(), seed),
                d.lang.clone(),
                Vec::new(),
            ));
            groups.len() - 1
        });
        groups[g].2.push(i);
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    let mut next: BTreeMap<String, usize> = BTreeMap::new();
    let mut fold = vec![0; corpus.docs.len()];
    for (_, lang, docs) in groups {
        let c = next.entry(lang).or_insert(0);
        for d in docs {
            fold[d] = *c % k;
        }
        *c += 1;
    }
    fold
}

/// Per-fold scores of one language (or of all).
#[derive(Clone, Debug, Default)]
pub struct FoldScores {
    /// Exact-match ratio per fold.
    pub exact: Vec<f64>,
    /// Main-role accuracy per fold.
    pub main: Vec<f64>,
    /// Main-role macro F1 per fold.
    pub macro_f1: Vec<f64>,
    /// Mentions scored.
    pub mentions: usize,
}

impl FoldScores {
    /// Mean ± std over folds: (exact-match ratio, main-role accuracy).
    pub fn summary(&self) -> (MeanStd, MeanStd) {
        (MeanStd::of(&self.exact), MeanStd::of(&self.main))
    }

    fn push(&mut self, s: &Scores) {
        self.exact.push(s.exact_match);
        self.main.push(s.main_accuracy);
        self.macro_f1.push(s.main_macro_f1);
        self.mentions += s.mentions;
    }
}

/// The outcome of a cross-validation run.
#[derive(Clone, Debug, Default)]
pub struct CvReport {
    /// Folds.
    pub k: usize,
    /// Fold of each mention.
    pub fold: Vec<usize>,
    /// Out-of-fold main-role probabilities of each mention.
    pub main_probs: Vec<Vec<f32>>,
    /// Out-of-fold fine-role probabilities of each mention.
    pub fine_probs: Vec<Vec<f32>>,
    /// Out-of-fold majority baseline rows (the training folds' most frequent main
    /// role and fine-role set).
    pub majority: Vec<Row>,
    /// Seconds spent training, summed over folds.
    pub train_seconds: f64,
}

/// A row with the prediction's roles.
pub fn predicted_row(row: &Row, p: &Prediction) -> Row {
    Row {
        main: Some(p.main_name().to_string()),
        fine: p.fine_names().into_iter().map(String::from).collect(),
        ..row.clone()
    }
}

impl CvReport {
    /// The out-of-fold prediction rows under a decision rule, in input order.
    pub fn predictions(&self, corpus: &Corpus, d: &DecisionConfig) -> Vec<Row> {
        corpus
            .examples
            .iter()
            .enumerate()
            .map(|(i, e)| {
                predicted_row(&e.row, &decide(&self.main_probs[i], &self.fine_probs[i], d))
            })
            .collect()
    }

    /// Scores of `pred` (one row per mention, input order) per language and over all,
    /// fold by fold.
    pub fn fold_scores(&self, corpus: &Corpus, pred: &[Row]) -> BTreeMap<String, FoldScores> {
        let mut out: BTreeMap<String, FoldScores> = BTreeMap::new();
        for f in 0..self.k {
            let mut by_lang: BTreeMap<&str, (Vec<Row>, Vec<Row>)> = BTreeMap::new();
            for (i, e) in corpus
                .examples
                .iter()
                .enumerate()
                .filter(|(i, _)| self.fold[*i] == f)
            {
                for l in [corpus.docs[e.doc].lang.as_str(), "all"] {
                    let g = by_lang.entry(l).or_default();
                    g.0.push(e.row.clone());
                    g.1.push(pred[i].clone());
                }
            }
            for (l, (g, p)) in by_lang {
                out.entry(l.to_string()).or_default().push(&score(&g, &p));
            }
        }
        out
    }

    /// Scores of the model under decision rule `d`.
    pub fn rescore(&self, corpus: &Corpus, d: &DecisionConfig) -> BTreeMap<String, FoldScores> {
        self.fold_scores(corpus, &self.predictions(corpus, d))
    }
}

fn majority(corpus: &Corpus, idx: &[usize]) -> (String, Vec<String>) {
    let mut mains: BTreeMap<&str, usize> = BTreeMap::new();
    let mut fines: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for &i in idx {
        let r = &corpus.examples[i].row;
        *mains.entry(r.main.as_deref().unwrap_or("")).or_default() += 1;
        let mut f = r.fine.clone();
        f.sort();
        *fines.entry(f).or_default() += 1;
    }
    let m = mains
        .into_iter()
        .max_by_key(|x| x.1)
        .map(|x| x.0.to_string())
        .unwrap_or_default();
    let f = fines
        .into_iter()
        .max_by_key(|x| x.1)
        .map(|x| x.0)
        .unwrap_or_default();
    (m, f)
}

/// Cross-validates `cfg` on the mentions of `corpus` (`raws` from
/// [`raw_features`](crate::train::raw_features)) with `k` folds.
pub fn cross_validate(
    corpus: &Corpus,
    raws: &[Raw],
    k: usize,
    seed: u64,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<CvReport, RoleError> {
    let doc_fold = document_folds(corpus, k, seed);
    let fold: Vec<usize> = corpus.examples.iter().map(|e| doc_fold[e.doc]).collect();
    let all_labels: Vec<_> = corpus
        .examples
        .iter()
        .map(|e| labels(&e.row))
        .collect::<Result<_, _>>()?;
    let n = corpus.examples.len();
    let mut report = CvReport {
        k,
        fold: fold.clone(),
        main_probs: vec![Vec::new(); n],
        fine_probs: vec![Vec::new(); n],
        majority: vec![
            Row {
                id: String::new(),
                mention: String::new(),
                start: 0,
                end: 0,
                main: None,
                fine: vec![]
            };
            n
        ],
        train_seconds: 0.0,
    };
    for f in 0..k {
        let tr: Vec<usize> = (0..n).filter(|&i| fold[i] != f).collect();
        let refs: Vec<&Raw> = tr.iter().map(|&i| &raws[i]).collect();
        let labs: Vec<_> = tr.iter().map(|&i| all_labels[i].clone()).collect();
        let start = std::time::Instant::now();
        let model = train_raw(&refs, &labs, vec![], cfg, &mut |m| {
            progress(&format!("fold {}/{k}: {m}", f + 1))
        })?;
        report.train_seconds += start.elapsed().as_secs_f64();
        let (mm, mf) = majority(corpus, &tr);
        for i in (0..n).filter(|&i| fold[i] == f) {
            let x = model.vocab.vectorise(&raws[i]);
            let (pm, pf) = model.probabilities(&x);
            report.main_probs[i] = pm;
            report.fine_probs[i] = pf;
            report.majority[i] = Row {
                main: Some(mm.clone()),
                fine: mf.clone(),
                ..corpus.examples[i].row.clone()
            };
        }
    }
    debug_assert_eq!(fine_roles().len(), 22);
    debug_assert_eq!(MAIN_ROLES.len(), 3);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semeval::{Doc, Example};
    use narrascope_core::Span;

    #[test]
    fn identical_texts_share_a_fold_and_every_language_is_spread() {
        let mut c = Corpus::default();
        for i in 0..40 {
            let lang = if i % 2 == 0 { "EN" } else { "BG" };
            c.docs.push(Doc {
                id: format!("d{i}"),
                lang: lang.into(),
                text: format!("text {}", i % 30),
            });
            c.examples.push(Example {
                doc: i,
                span: Span::new(0, 4),
                row: Row {
                    id: format!("d{i}"),
                    mention: "text".into(),
                    start: 0,
                    end: 3,
                    main: None,
                    fine: vec![],
                },
            });
        }
        c.docs[39].text = "text  3 ".into();
        let f = document_folds(&c, 5, 7);
        assert_eq!(f, document_folds(&c, 5, 7));
        assert_ne!(f, document_folds(&c, 5, 8));
        for i in 0..30 {
            if i + 30 < 39 {
                assert_eq!(f[i], f[i + 30]);
            }
        }
        assert_eq!(f[39], f[3]);
        for lang in ["EN", "BG"] {
            for k in 0..5 {
                assert!((0..40).any(|i| c.docs[i].lang == lang && f[i] == k));
            }
        }
    }
}
