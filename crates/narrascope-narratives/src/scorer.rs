//! The subtask-2 metric, F1-samples, keyed by article id.
//!
//! It reproduces the organisers' definition (see `../shared/README.md`): per
//! document, gold and predicted label sets become one-hot vectors over a class list
//! (narratives for the coarse score, sub-narratives for the fine one); labels outside
//! the class list are dropped; the document's score is the binary F1 of the two vectors,
//! `0` when both are empty; the scores are averaged over documents and the (population)
//! standard deviation is reported too. Unlike the official script, which pairs gold and
//! prediction rows by order, documents are paired by id; a gold document without a
//! prediction scores 0.

use std::collections::{BTreeSet, HashMap};

use crate::semeval::Annotation;
use crate::Taxonomy;

/// A mean with its standard deviation.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct MeanStd {
    /// The mean.
    pub mean: f64,
    /// The population standard deviation.
    pub std: f64,
}

impl MeanStd {
    /// Mean and population standard deviation of `xs` (zeros when empty).
    pub fn of(xs: &[f64]) -> MeanStd {
        if xs.is_empty() {
            return MeanStd::default();
        }
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n;
        MeanStd {
            mean,
            std: var.sqrt(),
        }
    }
}

impl std::fmt::Display for MeanStd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} ± {:.3}", self.mean, self.std)
    }
}

/// Scores of one prediction set against gold.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// F1-samples over the narratives (and `"Other"`).
    pub coarse: MeanStd,
    /// F1-samples over the sub-narratives of the chosen class list (and `"Other"`).
    pub fine: MeanStd,
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents without a prediction (each scored 0).
    pub missing: Vec<String>,
    /// Predicted documents absent from gold (ignored).
    pub extra: Vec<String>,
}

/// F1-samples of `pred` against `gold` over an explicit class list.
pub fn f1_samples<'a>(
    classes: &[&str],
    pairs: impl IntoIterator<Item = (&'a [String], &'a [String])>,
) -> MeanStd {
    let classes: BTreeSet<&str> = classes.iter().copied().collect();
    let per_doc: Vec<f64> = pairs
        .into_iter()
        .map(|(g, p)| {
            let g: BTreeSet<&str> = g
                .iter()
                .map(String::as_str)
                .filter(|l| classes.contains(l))
                .collect();
            let p: BTreeSet<&str> = p
                .iter()
                .map(String::as_str)
                .filter(|l| classes.contains(l))
                .collect();
            doc_f1(&g, &p)
        })
        .collect();
    MeanStd::of(&per_doc)
}

/// Binary F1 of two label sets; `0` when both are empty (`zero_division=0`).
pub fn doc_f1(gold: &BTreeSet<&str>, pred: &BTreeSet<&str>) -> f64 {
    let tp = gold.intersection(pred).count();
    let denom = gold.len() + pred.len();
    if denom == 0 {
        0.0
    } else {
        2.0 * tp as f64 / denom as f64
    }
}

/// Scores predictions against gold, pairing documents by id. `complete` selects the
/// 96-label fine class list instead of the official 91.
pub fn score(gold: &[Annotation], pred: &[Annotation], complete: bool) -> Scores {
    let tax = Taxonomy::get();
    let by_id: HashMap<&str, &Annotation> = pred.iter().map(|a| (a.id.as_str(), a)).collect();
    let gold_ids: BTreeSet<&str> = gold.iter().map(|a| a.id.as_str()).collect();
    let empty: Vec<String> = Vec::new();
    let mut missing = Vec::new();
    let mut coarse_pairs = Vec::new();
    let mut fine_pairs = Vec::new();
    for g in gold {
        match by_id.get(g.id.as_str()) {
            Some(p) => {
                coarse_pairs.push((&g.narratives[..], &p.narratives[..]));
                fine_pairs.push((&g.subnarratives[..], &p.subnarratives[..]));
            }
            None => {
                missing.push(g.id.clone());
                coarse_pairs.push((&g.narratives[..], &empty[..]));
                fine_pairs.push((&g.subnarratives[..], &empty[..]));
            }
        }
    }
    let extra = pred
        .iter()
        .filter(|p| !gold_ids.contains(p.id.as_str()))
        .map(|p| p.id.clone())
        .collect();
    Scores {
        coarse: f1_samples(&tax.coarse_classes(), coarse_pairs),
        fine: f1_samples(&tax.fine_classes(complete), fine_pairs),
        documents: gold.len(),
        missing,
        extra,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, n: &[&str], s: &[&str]) -> Annotation {
        Annotation {
            id: id.into(),
            narratives: n.iter().map(|x| x.to_string()).collect(),
            subnarratives: s.iter().map(|x| x.to_string()).collect(),
        }
    }

    const N1: &str = "CC: Criticism of climate movement";
    const N2: &str = "CC: Criticism of climate policies";
    const S1: &str = "CC: Criticism of climate movement: Climate movement is alarmist";
    const S2: &str = "CC: Criticism of climate movement: Other";
    const S3: &str = "CC: Criticism of climate policies: Other";
    // One of the five labels the official class file misses.
    const S_UNOFFICIAL: &str = "CC: Climate change is beneficial: Other";

    #[test]
    fn hand_computed_example() {
        let gold = vec![
            ann("a", &[N1], &[S1, S2]),
            ann("b", &["Other"], &["Other"]),
            ann("c", &[N1, N2], &[S1, S3]),
        ];
        // a: coarse exact (1.0); fine {S1} vs {S1,S2}: 2·1/(1+2) = 2/3.
        // b: "Other" for "Other" scores 1.
        // c: predicted in a different order, {N2} vs {N1,N2}: 2/3; fine {S3, S2} vs
        //    {S1, S3}: 2·1/4 = 1/2.
        let pred = vec![
            ann("c", &[N2], &[S3, S2]),
            ann("a", &[N1], &[S1]),
            ann("b", &["Other"], &["Other"]),
        ];
        let s = score(&gold, &pred, false);
        assert!((s.coarse.mean - (1.0 + 1.0 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        assert!((s.fine.mean - (2.0 / 3.0 + 1.0 + 0.5) / 3.0).abs() < 1e-12);
        // Population std of [2/3, 1, 1/2].
        let m = (2.0 / 3.0 + 1.0 + 0.5) / 3.0;
        let v = ((2.0f64 / 3.0 - m).powi(2) + (1.0f64 - m).powi(2) + (0.5f64 - m).powi(2)) / 3.0;
        assert!((s.fine.std - v.sqrt()).abs() < 1e-12);
        assert!(s.missing.is_empty() && s.extra.is_empty());
    }

    #[test]
    fn missing_prediction_scores_zero_and_extra_is_ignored() {
        let gold = vec![ann("a", &[N1], &[S1]), ann("b", &[N2], &[S3])];
        let pred = vec![ann("a", &[N1], &[S1]), ann("z", &[N1], &[S1])];
        let s = score(&gold, &pred, false);
        assert_eq!(s.coarse.mean, 0.5);
        assert_eq!(s.missing, vec!["b".to_string()]);
        assert_eq!(s.extra, vec!["z".to_string()]);
    }

    #[test]
    fn labels_outside_the_class_file_are_dropped() {
        // Gold uses a label the official fine list lacks: with the official list the
        // document has no gold positive left, and an empty-vs-empty document scores 0.
        let gold = vec![ann(
            "a",
            &["CC: Climate change is beneficial"],
            &[S_UNOFFICIAL],
        )];
        let pred = vec![ann(
            "a",
            &["CC: Climate change is beneficial"],
            &[S_UNOFFICIAL],
        )];
        assert_eq!(score(&gold, &pred, false).fine.mean, 0.0);
        assert_eq!(score(&gold, &pred, true).fine.mean, 1.0);
        // Unknown labels in a prediction are dropped, not counted as false positives.
        let pred = vec![ann(
            "a",
            &["CC: Climate change is beneficial", "Nonsense"],
            &[],
        )];
        assert_eq!(score(&gold, &pred, true).coarse.mean, 1.0);
    }

    #[test]
    fn duplicate_labels_count_once() {
        let gold = vec![ann("a", &[N1, N1], &[S1])];
        let pred = vec![ann("a", &[N1], &[S1, S1])];
        let s = score(&gold, &pred, false);
        assert_eq!((s.coarse.mean, s.fine.mean), (1.0, 1.0));
    }
}
