//! Our subtask-3 scorer: ROUGE-L F1 of each predicted explanation against the gold
//! one, documents paired by id (the official script pairs rows by order and computes
//! BERTScore-F1 with `bert-base-multilingual-cased`, which is not available offline).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::compress::word_count;
use crate::files::Explained;
use crate::rouge::{rouge_l, RougeScore};

pub use narrascope_narratives::scorer::MeanStd;

/// The language code of a task document id: its first `_`/`-`-separated part that is
/// one of the release's languages (`EN_CC_100013.txt` → `EN`, `HI_4.txt` → `HI`,
/// `RU-URW-1080.txt` → `RU`, `A9_BG_5190.txt` → `BG`); `"?"` when none is.
pub fn language_of(id: &str) -> &str {
    id.split(['_', '-', '.'])
        .find(|p| narrascope_narratives::semeval::LANGUAGES.contains(p))
        .unwrap_or("?")
}

/// Scores of a prediction file.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Report {
    /// Gold documents.
    pub documents: usize,
    /// ROUGE-L F1 over documents (mean ± standard deviation over documents).
    pub f1: MeanStd,
    /// Mean ROUGE-L precision.
    pub precision: f64,
    /// Mean ROUGE-L recall.
    pub recall: f64,
    /// ROUGE-L F1 per language (from the id prefix).
    pub per_language: BTreeMap<String, MeanStd>,
    /// Mean predicted length in words.
    pub mean_words: f64,
    /// Predictions longer than 80 words.
    pub over_limit: usize,
    /// Gold documents without a prediction (scored 0).
    pub missing: Vec<String>,
    /// Predicted documents absent from gold (ignored).
    pub extra: Vec<String>,
}

/// Each gold document's ROUGE-L against its prediction (0 when missing), gold order.
pub fn per_document(gold: &[Explained], pred: &[Explained]) -> Vec<(String, RougeScore)> {
    let by_id: HashMap<&str, &Explained> = pred.iter().map(|p| (p.id.as_str(), p)).collect();
    gold.iter()
        .map(|g| {
            let s = by_id
                .get(g.id.as_str())
                .map(|p| rouge_l(&p.text, &g.text))
                .unwrap_or_default();
            (g.id.clone(), s)
        })
        .collect()
}

/// Scores `pred` against `gold`, pairing by id.
pub fn score(gold: &[Explained], pred: &[Explained]) -> Report {
    let docs = per_document(gold, pred);
    let pred_ids: HashSet<&str> = pred.iter().map(|p| p.id.as_str()).collect();
    let gold_ids: HashSet<&str> = gold.iter().map(|g| g.id.as_str()).collect();
    let f1: Vec<f64> = docs.iter().map(|(_, s)| s.f1).collect();
    let mut by_lang: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (id, s) in &docs {
        by_lang
            .entry(language_of(id).to_string())
            .or_default()
            .push(s.f1);
    }
    let n = docs.len().max(1) as f64;
    let scored: Vec<&Explained> = pred
        .iter()
        .filter(|p| gold_ids.contains(p.id.as_str()))
        .collect();
    Report {
        documents: gold.len(),
        f1: MeanStd::of(&f1),
        precision: docs.iter().map(|(_, s)| s.precision).sum::<f64>() / n,
        recall: docs.iter().map(|(_, s)| s.recall).sum::<f64>() / n,
        per_language: by_lang
            .into_iter()
            .map(|(l, v)| (l, MeanStd::of(&v)))
            .collect(),
        mean_words: scored
            .iter()
            .map(|p| word_count(&p.text) as f64)
            .sum::<f64>()
            / scored.len().max(1) as f64,
        over_limit: scored.iter().filter(|p| word_count(&p.text) > 80).count(),
        missing: gold
            .iter()
            .filter(|g| !pred_ids.contains(g.id.as_str()))
            .map(|g| g.id.clone())
            .collect(),
        extra: pred
            .iter()
            .filter(|p| !gold_ids.contains(p.id.as_str()))
            .map(|p| p.id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(id: &str, t: &str) -> Explained {
        Explained {
            id: id.into(),
            text: t.into(),
        }
    }

    #[test]
    fn pairs_by_id_and_scores_missing_as_zero() {
        let gold = vec![
            e("EN_1.txt", "a b c d"),
            e("BG_2.txt", "x y"),
            e("EN_3.txt", "p q"),
        ];
        // Out of order; EN_3 missing; Z extra.
        let pred = vec![
            e("BG_2.txt", "x y"),
            e("EN_1.txt", "a c"),
            e("Z_9.txt", "x"),
        ];
        let r = score(&gold, &pred);
        // EN_1: LCS 2, P 1, R .5, F 2/3; BG_2: 1; EN_3: 0.
        let m = (2.0 / 3.0 + 1.0) / 3.0;
        assert!((r.f1.mean - m).abs() < 1e-12);
        assert!((r.per_language["EN"].mean - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.per_language["BG"].mean, 1.0);
        assert_eq!(r.missing, vec!["EN_3.txt".to_string()]);
        assert_eq!(r.extra, vec!["Z_9.txt".to_string()]);
        assert_eq!(r.mean_words, 2.0);
        let v = ((2.0f64 / 3.0 - m).powi(2) + (1.0 - m).powi(2) + m * m) / 3.0;
        assert!((r.f1.std - v.sqrt()).abs() < 1e-12);
    }
}
