//! [`Explainer`]: ranks an article's sentences as evidence for a label, takes the best
//! ones up to a word budget, optionally compresses them and adds a lead-in, and returns
//! the text with the sentences it used.

use std::collections::BTreeMap;
use std::path::Path;

use narrascope_core::{Explanation, Span};
use serde::{Deserialize, Serialize};

use crate::compress::{compress, trim_words, word_count};
use crate::features::{sentence_features, Article, DIM, NAMES};
use crate::rouge::{rouge_l_tokens, tokens};
use crate::ExplainError;

/// The official limit on an explanation's length, in whitespace-separated words.
pub const MAX_WORDS: usize = 80;

/// Version of the model file format.
pub const FORMAT_VERSION: u32 = 1;

/// How sentences are ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    /// Sentences in text order (the lead baseline).
    Lead,
    /// The narrative model's evidence: sentences by their share of the label's score.
    Evidence,
    /// Similarity to the label: definition-keyword overlap plus similarity to the
    /// narrative model's top evidence sentences (fixed, unlearned weights).
    Similarity,
    /// A linear scorer over [`NAMES`] trained to predict each sentence's ROUGE-L F1
    /// with the gold explanation.
    Learned,
}

impl Approach {
    /// Every approach.
    pub const ALL: [Approach; 4] = [
        Approach::Lead,
        Approach::Evidence,
        Approach::Similarity,
        Approach::Learned,
    ];

    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Approach::Lead => "lead",
            Approach::Evidence => "evidence",
            Approach::Similarity => "similarity",
            Approach::Learned => "learned",
        }
    }
}

/// Everything that decides an explanation besides the ranking weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The ranking.
    pub approach: Approach,
    /// Target length = this × the language's median gold length (capped at 80).
    pub budget_factor: f32,
    /// Cut the text at the target length (else only at 80 words).
    pub trim: bool,
    /// Compress each sentence by deletion before counting words.
    pub compress: bool,
    /// Start with a fixed lead-in ("The text promotes the narrative …").
    pub lead_in: bool,
    /// Train one scorer per language (else one for all).
    #[serde(default)]
    pub per_language: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            approach: Approach::Learned,
            budget_factor: 1.0,
            trim: false,
            compress: false,
            lead_in: false,
            per_language: false,
        }
    }
}

/// How a shipped model was trained.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Training documents per language.
    pub documents: BTreeMap<String, usize>,
    /// Ridge penalty of the scorer.
    pub lambda: f64,
    /// Free text: data and command.
    pub note: String,
}

/// The saved model: settings, per-language length budgets and the scorer's weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExplainModel {
    /// File format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// Settings.
    pub settings: Settings,
    /// Median gold explanation length in words, per language code (upper case).
    pub median_words: BTreeMap<String, f32>,
    /// Feature names the weights go with ([`NAMES`]).
    pub features: Vec<String>,
    /// Scorer weights (used by [`Approach::Learned`]).
    pub weights: Vec<f32>,
    /// Per-language scorer weights, used instead of `weights` for their language
    /// (empty unless trained with [`Settings::per_language`]).
    #[serde(default)]
    pub language_weights: BTreeMap<String, Vec<f32>>,
    /// How it was trained.
    pub provenance: Provenance,
}

/// The model built into the binary (`models/explain/explain.json`).
pub const EMBEDDED_MODEL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/explain/explain.json"
));

/// Builds explanations.
#[derive(Clone, Debug)]
pub struct Explainer {
    model: ExplainModel,
}

/// Fixed lead-ins per language, written once by hand (never fitted to the gold
/// explanations); `{}` is the label's own name, used in English only (the taxonomy's
/// names are English).
fn lead_in(lang: &str, label: &str) -> String {
    let tail = label.rsplit(": ").next().unwrap_or(label);
    let narrative = label.split(": ").nth(1).unwrap_or(tail);
    let name = if tail == "Other" { narrative } else { tail };
    match lang.to_ascii_uppercase().as_str() {
        "BG" => "Статията твърди, че".to_string(),
        "HI" => "इस लेख में कहा गया है कि".to_string(),
        "PT" => "O texto afirma que".to_string(),
        "RU" => "В статье говорится, что".to_string(),
        _ => format!("The text promotes the narrative \"{name}\":"),
    }
}

impl Explainer {
    /// An explainer from a model (checked against this build's features).
    pub fn new(model: ExplainModel) -> Result<Explainer, ExplainError> {
        if model.format != FORMAT_VERSION {
            return Err(ExplainError::Model(format!(
                "format version {}, this build reads {FORMAT_VERSION}",
                model.format
            )));
        }
        if model.settings.approach == Approach::Learned
            && (model.weights.len() != DIM
                || model.features != NAMES
                || model.language_weights.values().any(|w| w.len() != DIM))
        {
            return Err(ExplainError::Model(
                "scorer weights do not match this build's features".into(),
            ));
        }
        if model.settings.budget_factor.is_nan() || model.settings.budget_factor <= 0.0 {
            return Err(ExplainError::Model("budget_factor must be positive".into()));
        }
        Ok(Explainer { model })
    }

    /// The embedded model.
    pub fn embedded() -> Result<Explainer, ExplainError> {
        Explainer::from_json(EMBEDDED_MODEL)
    }

    /// A model from its JSON text.
    pub fn from_json(json: &str) -> Result<Explainer, ExplainError> {
        let m: ExplainModel =
            serde_json::from_str(json).map_err(|e| ExplainError::Model(e.to_string()))?;
        Explainer::new(m)
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Explainer, ExplainError> {
        let s = std::fs::read_to_string(path).map_err(|e| ExplainError::io(path, e))?;
        Explainer::from_json(&s)
    }

    /// Whether the ranking reads the narrative model's sentence contributions (every
    /// approach but [`Approach::Lead`]); callers can skip computing them otherwise.
    pub fn needs_contributions(&self) -> bool {
        self.model.settings.approach != Approach::Lead
    }

    /// The model.
    pub fn model(&self) -> &ExplainModel {
        &self.model
    }

    /// The target length for a language, in words.
    pub fn budget(&self, lang: &str) -> usize {
        let m = &self.model.median_words;
        let median = m
            .get(&lang.to_ascii_uppercase())
            .or_else(|| m.get("EN"))
            .copied()
            .unwrap_or(30.0);
        ((median * self.model.settings.budget_factor).round() as usize).clamp(5, MAX_WORDS)
    }

    /// Each sentence's ranking score (higher = better evidence).
    pub fn scores(&self, a: &Article) -> Vec<f32> {
        let n = a.sentences.len();
        match self.model.settings.approach {
            Approach::Lead => (0..n).map(|i| -(i as f32)).collect(),
            Approach::Evidence => {
                if a.contributions.len() == n {
                    a.contributions.to_vec()
                } else {
                    vec![0.0; n]
                }
            }
            Approach::Similarity => {
                let col = |name: &str| NAMES.iter().position(|n| *n == name).unwrap_or(0);
                let (d, dn, e) = (
                    col("definition_overlap_label"),
                    col("definition_overlap_narrative"),
                    col("evidence_similarity"),
                );
                sentence_features(a)
                    .iter()
                    .map(|f| f[d] + f[dn] + f[e])
                    .collect()
            }
            Approach::Learned => {
                let w = self
                    .model
                    .language_weights
                    .get(&a.lang.to_ascii_uppercase())
                    .unwrap_or(&self.model.weights);
                sentence_features(a)
                    .iter()
                    .map(|f| f.iter().zip(w).map(|(x, w)| x * w).sum())
                    .collect()
            }
        }
    }

    /// The explanation of `a.label` for the article: at most 80 words, with the
    /// sentences it is made of. `None` when no sentence has four or more words.
    pub fn explain(&self, a: &Article) -> Option<Explanation> {
        self.explain_ranked(a, &self.scores(a))
    }

    /// [`explain`](Self::explain) with the sentences ranked by `scores` (one per
    /// sentence) instead of the model's ranking: for oracles and ablations.
    pub fn explain_ranked(&self, a: &Article, scores: &[f32]) -> Option<Explanation> {
        let s = &self.model.settings;
        let budget = self.budget(a.lang);
        let texts: Vec<&str> = a
            .sentences
            .iter()
            .map(|sp| a.text.get(sp.start..sp.end).unwrap_or("").trim())
            .collect();
        let toks: Vec<Vec<String>> = texts.iter().map(|t| tokens(t)).collect();
        let mut order: Vec<usize> = (0..texts.len())
            .filter(|&i| toks[i].len() >= 4 && i < scores.len())
            .collect();
        if order.is_empty() {
            return None;
        }
        // Stable: ties keep text order.
        order.sort_by(|&i, &j| scores[j].total_cmp(&scores[i]).then(i.cmp(&j)));
        let prefix = if s.lead_in {
            lead_in(a.lang, a.label)
        } else {
            String::new()
        };
        let mut words = word_count(&prefix);
        let mut chosen: Vec<(usize, String)> = Vec::new();
        for i in order {
            if words >= budget {
                break;
            }
            // Skip near-repeats (titles repeated as first sentences, duplicated lines).
            if chosen
                .iter()
                .any(|(j, _)| rouge_l_tokens(&toks[i], &toks[*j]).f1 > 0.8)
            {
                continue;
            }
            let t = if s.compress {
                compress(texts[i], a.lang)
            } else {
                texts[i].split_whitespace().collect::<Vec<_>>().join(" ")
            };
            words += word_count(&t);
            chosen.push((i, t));
        }
        chosen.sort_by_key(|(i, _)| *i);
        let body = chosen
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let text = if prefix.is_empty() {
            body
        } else {
            format!("{prefix} {body}")
        };
        let limit = if s.trim { budget } else { MAX_WORDS };
        Some(Explanation {
            label: a.label.to_string(),
            text: trim_words(&text, limit),
            evidence: chosen
                .iter()
                .map(|(i, _)| a.sentences[*i])
                .collect::<Vec<Span>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(approach: Approach, factor: f32) -> ExplainModel {
        ExplainModel {
            format: FORMAT_VERSION,
            settings: Settings {
                approach,
                budget_factor: factor,
                ..Settings::default()
            },
            median_words: [("EN".to_string(), 20.0)].into_iter().collect(),
            features: NAMES.iter().map(|s| s.to_string()).collect(),
            weights: vec![0.0; DIM],
            language_weights: BTreeMap::new(),
            provenance: Provenance::default(),
        }
    }

    const TEXT: &str = "Title words of the story\nFirst sentence has exactly seven words here. \
        Second one is about solar subsidies raising energy bills. Third sentence says nothing \
        much at all really. Short one.";

    #[test]
    fn lead_takes_sentences_in_order_up_to_the_budget() {
        let sentences = narrascope_narratives::split_sentences(TEXT);
        let e = Explainer::new(model(Approach::Lead, 0.5)).unwrap();
        let a = Article {
            text: TEXT,
            sentences: &sentences,
            label: "CC: Criticism of climate policies",
            lang: "EN",
            contributions: &[],
            narrative_contributions: &[],
        };
        // Budget 10 words: title (5) + first sentence (7) reach it.
        let x = e.explain(&a).unwrap();
        assert_eq!(x.evidence, sentences[..2].to_vec());
        assert_eq!(
            x.text,
            "Title words of the story First sentence has exactly seven words here."
        );
        assert!(word_count(&x.text) <= MAX_WORDS);
    }

    #[test]
    fn evidence_follows_the_contributions_and_keeps_text_order() {
        let sentences = narrascope_narratives::split_sentences(TEXT);
        let contributions = [0.0, 0.5, 3.0, 1.0, 9.0];
        let e = Explainer::new(model(Approach::Evidence, 0.5)).unwrap();
        let a = Article {
            text: TEXT,
            sentences: &sentences,
            label: "CC: Criticism of climate policies",
            lang: "EN",
            contributions: &contributions,
            narrative_contributions: &[],
        };
        let x = e.explain(&a).unwrap();
        // "Short one." (2 words) is never a candidate; then 2 (9 words), 3 (8 words).
        assert_eq!(x.evidence, vec![sentences[2], sentences[3]]);
        assert!(x.text.starts_with("Second one"));
    }

    #[test]
    fn lead_in_and_limits() {
        let sentences = narrascope_narratives::split_sentences(TEXT);
        let mut m = model(Approach::Lead, 4.0);
        m.settings.lead_in = true;
        let e = Explainer::new(m).unwrap();
        let label = "CC: Criticism of climate policies: Other";
        let a = Article {
            text: TEXT,
            sentences: &sentences,
            label,
            lang: "EN",
            contributions: &[],
            narrative_contributions: &[],
        };
        let x = e.explain(&a).unwrap();
        assert!(
            x.text.starts_with(
                "The text promotes the narrative \"Criticism of climate policies\": Title"
            ),
            "{}",
            x.text
        );
        assert_eq!(e.budget("EN"), 80);
        assert_eq!(e.budget("xx"), 80);
        // A model whose weights do not fit the features is refused.
        let mut bad = model(Approach::Learned, 1.0);
        bad.weights.pop();
        assert!(Explainer::new(bad).is_err());
    }
}
