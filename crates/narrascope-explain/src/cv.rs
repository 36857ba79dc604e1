//! Cross-validation on the SemEval-2025 Task 10 training release.
//!
//! Folds come from [`narrascope_narratives::cv::group_folds`] over every subtask-2
//! document of the five languages (identical texts share a fold; stratified by language
//! and domain). The narrative-model features of a document are computed by a narrative
//! model trained on the other folds of its language
//! ([`narrascope_narratives::fit_uncalibrated`]), so no document is explained with a
//! model that saw it; the embedded product models saw every training document and are
//! never used here.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use narrascope_core::Span;
use narrascope_narratives::cv::group_folds;
use narrascope_narratives::semeval::{load_language, Example, LANGUAGES};
use narrascope_narratives::{fit_uncalibrated, split_sentences, Taxonomy, TrainConfig};

use crate::explainer::{Explainer, Settings};
use crate::features::{sentence_features, Article, DIM};
use crate::files::{read_gold, Dominant};
use crate::metric::MeanStd;
use crate::rouge::rouge_l;
use crate::train::{sentence_targets, train_model};
use crate::ExplainError;

/// A training article with a gold explanation and its out-of-fold model features.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The document id.
    pub id: String,
    /// Language code (`EN`, …).
    pub lang: String,
    /// The dominant labels.
    pub dominant: Dominant,
    /// The gold explanation.
    pub gold: String,
    /// The raw text.
    pub text: String,
    /// Sentences of `text`.
    pub sentences: Vec<Span>,
    /// Each sentence's share of the label's score under the out-of-fold model.
    pub contributions: Vec<f32>,
    /// The same for the dominant narrative.
    pub narrative_contributions: Vec<f32>,
    /// The fold.
    pub fold: usize,
    /// Each sentence's features (cached).
    pub features: Vec<[f32; DIM]>,
    /// Each sentence's ROUGE-L F1 with the gold explanation (cached).
    pub targets: Vec<f64>,
}

impl Doc {
    /// The feature view of this document.
    pub fn article(&self) -> Article<'_> {
        Article {
            text: &self.text,
            sentences: &self.sentences,
            label: self.dominant.label(),
            lang: &self.lang,
            contributions: &self.contributions,
            narrative_contributions: &self.narrative_contributions,
        }
    }
}

/// Loads the subtask-3 documents of `langs` from the release root (`…/train`), assigns
/// `k` folds with `seed`, and computes every document's narrative-model features with a
/// model trained on the other folds of its language.
pub fn prepare(
    train_root: &Path,
    langs: &[&str],
    k: usize,
    seed: u64,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<Doc>, ExplainError> {
    if k < 2 {
        return Err(ExplainError::Training("k must be at least 2".into()));
    }
    let mut all: Vec<Example> = Vec::new();
    for l in LANGUAGES {
        all.extend(load_language(train_root, l)?);
    }
    let refs: Vec<&Example> = all.iter().collect();
    let folds = group_folds(&refs, k, seed);
    let fold_of: HashMap<(&str, &str), usize> = all
        .iter()
        .zip(&folds)
        .map(|(e, &f)| ((e.lang.as_str(), e.id.as_str()), f))
        .collect();
    let text_of: HashMap<(&str, &str), &str> = all
        .iter()
        .map(|e| ((e.lang.as_str(), e.id.as_str()), e.text.as_str()))
        .collect();
    let tax = Taxonomy::get();
    let cfg = TrainConfig::default();
    let mut docs = Vec::new();
    for &lang in langs {
        let gold = read_gold(&train_root.join(lang).join("subtask-3-annotations.txt"))?;
        let lang_examples: Vec<(&Example, usize)> = all
            .iter()
            .zip(&folds)
            .filter(|(e, _)| e.lang == lang)
            .map(|(e, &f)| (e, f))
            .collect();
        for f in 0..k {
            let rows: Vec<_> = gold
                .iter()
                .filter(|g| fold_of.get(&(lang, g.dominant.id.as_str())) == Some(&f))
                .collect();
            if rows.is_empty() {
                continue;
            }
            progress(&format!("{lang} fold {}/{k}: narrative model", f + 1));
            let train: Vec<&Example> = lang_examples
                .iter()
                .filter(|(_, g)| *g != f)
                .map(|(e, _)| *e)
                .collect();
            let model = fit_uncalibrated(&train, &cfg);
            for g in rows {
                let text = text_of[&(lang, g.dominant.id.as_str())].to_string();
                let sentences = split_sentences(&text);
                let label = g.dominant.label();
                let contributions = model
                    .contributions(&text, &sentences, label)
                    .unwrap_or_default();
                let narrative_contributions = if tax.subnarrative(label).is_some() {
                    model
                        .contributions(&text, &sentences, &g.dominant.narrative)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                let mut d = Doc {
                    id: g.dominant.id.clone(),
                    lang: lang.to_string(),
                    dominant: g.dominant.clone(),
                    gold: g.explanation.clone(),
                    text,
                    sentences,
                    contributions,
                    narrative_contributions,
                    fold: f,
                    features: Vec::new(),
                    targets: Vec::new(),
                };
                d.features = sentence_features(&d.article());
                d.targets = sentence_targets(&d);
                docs.push(d);
            }
        }
        let missing = gold
            .iter()
            .filter(|g| !fold_of.contains_key(&(lang, g.dominant.id.as_str())))
            .count();
        if missing > 0 {
            progress(&format!(
                "{lang}: {missing} subtask-3 rows without a subtask-2 document skipped"
            ));
        }
    }
    Ok(docs)
}

/// Out-of-fold results of one setting.
#[derive(Clone, Debug, Default)]
pub struct CvResult {
    /// Per language: mean ROUGE-L F1 of each fold.
    pub fold_f1: BTreeMap<String, Vec<f64>>,
    /// Per language: every document's ROUGE-L F1.
    pub doc_f1: BTreeMap<String, Vec<f64>>,
    /// `(document index, predicted explanation)`, one per document.
    pub predictions: Vec<(usize, String)>,
    /// Mean predicted length in words.
    pub mean_words: f64,
    /// Seconds spent training (all folds).
    pub train_seconds: f64,
    /// Seconds spent explaining (all documents).
    pub explain_seconds: f64,
    /// Mean ROUGE-L F1 of each fold, all languages pooled.
    pub pooled: Vec<f64>,
}

impl CvResult {
    /// Mean over documents and standard deviation over fold means, per language and
    /// for all languages pooled (`"ALL"`).
    pub fn summary(&self) -> BTreeMap<String, (f64, MeanStd)> {
        let mut out = BTreeMap::new();
        let mut all_docs = Vec::new();
        for (l, d) in &self.doc_f1 {
            all_docs.extend(d.iter().copied());
            let mean = d.iter().sum::<f64>() / d.len().max(1) as f64;
            out.insert(l.clone(), (mean, MeanStd::of(&self.fold_f1[l])));
        }
        let mean = all_docs.iter().sum::<f64>() / all_docs.len().max(1) as f64;
        out.insert("ALL".into(), (mean, MeanStd::of(&self.pooled)));
        out
    }
}

/// How a ranking is scored in [`evaluate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// The model's own ranking.
    Model,
    /// The gold explanation's ROUGE-L with each sentence (an upper bound: it reads
    /// the answer).
    Oracle,
}

/// Cross-validates `settings` (scorer penalty `lambda`) over the prepared `docs`.
pub fn evaluate(
    docs: &[Doc],
    k: usize,
    settings: &Settings,
    lambda: f64,
    ranking: Ranking,
) -> Result<CvResult, ExplainError> {
    let mut r = CvResult::default();
    let mut words = 0usize;
    let mut pooled = Vec::new();
    for f in 0..k {
        let train: Vec<&Doc> = docs.iter().filter(|d| d.fold != f).collect();
        let start = std::time::Instant::now();
        let explainer = Explainer::new(train_model(&train, settings, lambda)?)?;
        r.train_seconds += start.elapsed().as_secs_f64();
        let start = std::time::Instant::now();
        let mut by_lang: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
        let mut fold_all = Vec::new();
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.fold == f) {
            let a = d.article();
            let e = match ranking {
                Ranking::Model => explainer.explain(&a),
                Ranking::Oracle => {
                    let t: Vec<f32> = d.targets.iter().map(|&x| x as f32).collect();
                    explainer.explain_ranked(&a, &t)
                }
            };
            let text = e.map(|e| e.text).unwrap_or_default();
            let s = rouge_l(&text, &d.gold).f1;
            words += crate::compress::word_count(&text);
            by_lang.entry(d.lang.as_str()).or_default().push(s);
            r.doc_f1.entry(d.lang.clone()).or_default().push(s);
            fold_all.push(s);
            r.predictions.push((i, text));
        }
        r.explain_seconds += start.elapsed().as_secs_f64();
        for (l, v) in by_lang {
            r.fold_f1
                .entry(l.to_string())
                .or_default()
                .push(v.iter().sum::<f64>() / v.len() as f64);
        }
        if !fold_all.is_empty() {
            pooled.push(fold_all.iter().sum::<f64>() / fold_all.len() as f64);
        }
    }
    r.mean_words = words as f64 / docs.len().max(1) as f64;
    r.pooled = pooled;
    r.predictions.sort_by_key(|(i, _)| *i);
    Ok(r)
}
