//! Training the sentence scorer: ridge regression from [`crate::features`] to each
//! sentence's ROUGE-L F1 with the gold explanation (centred per article, since only the
//! ranking inside an article matters), and the per-language length budgets.

use std::collections::BTreeMap;

use crate::compress::word_count;
use crate::cv::Doc;
use crate::explainer::{ExplainModel, Provenance, Settings, FORMAT_VERSION};
use crate::features::{DIM, NAMES};
use crate::rouge::{rouge_l_tokens, tokens};
use crate::ExplainError;

/// Solves `(XᵀX + λI) w = Xᵀy` by Gaussian elimination with partial pivoting.
pub fn ridge(xs: &[[f32; DIM]], ys: &[f64], lambda: f64) -> Result<Vec<f32>, ExplainError> {
    if xs.is_empty() || xs.len() != ys.len() {
        return Err(ExplainError::Training(format!(
            "ridge needs as many targets as rows (rows {}, targets {})",
            xs.len(),
            ys.len()
        )));
    }
    let mut a = vec![[0f64; DIM + 1]; DIM];
    for (x, &y) in xs.iter().zip(ys) {
        for i in 0..DIM {
            for j in 0..DIM {
                a[i][j] += x[i] as f64 * x[j] as f64;
            }
            a[i][DIM] += x[i] as f64 * y;
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += lambda * xs.len() as f64;
    }
    for c in 0..DIM {
        let p = (c..DIM)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        if a[c][c].abs() < 1e-12 {
            return Err(ExplainError::Training("singular system".into()));
        }
        let pivot = a[c];
        for (r, row) in a.iter_mut().enumerate() {
            if r != c {
                let f = row[c] / pivot[c];
                for (x, p) in row.iter_mut().zip(&pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
    }
    Ok((0..DIM).map(|i| (a[i][DIM] / a[i][i]) as f32).collect())
}

/// Median of `xs` (0 when empty).
fn median(mut xs: Vec<f32>) -> f32 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_by(f32::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Each sentence's ROUGE-L F1 with the gold explanation (the scorer's target).
pub fn sentence_targets(d: &Doc) -> Vec<f64> {
    let gold = tokens(&d.gold);
    d.sentences
        .iter()
        .map(|s| {
            let t = tokens(d.text.get(s.start..s.end).unwrap_or(""));
            rouge_l_tokens(&t, &gold).f1
        })
        .collect()
}

/// Ridge weights from the features of `docs`' candidate sentences (four or more words)
/// to their ROUGE-L F1 with the gold explanation, centred per document.
fn fit_scorer(docs: &[&Doc], lambda: f64) -> Result<Vec<f32>, ExplainError> {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for d in docs {
        let (f, y) = (&d.features, &d.targets);
        let keep: Vec<usize> = (0..f.len())
            .filter(|&i| {
                tokens(
                    d.text
                        .get(d.sentences[i].start..d.sentences[i].end)
                        .unwrap_or(""),
                )
                .len()
                    >= 4
            })
            .collect();
        if keep.is_empty() {
            continue;
        }
        let mean = keep.iter().map(|&i| y[i]).sum::<f64>() / keep.len() as f64;
        for i in keep {
            xs.push(f[i]);
            ys.push(y[i] - mean);
        }
    }
    ridge(&xs, &ys, lambda)
}

/// Trains a model with `settings` on `docs`: the length budgets always, the scorer's
/// weights when the approach is [`crate::Approach::Learned`].
pub fn train_model(
    docs: &[&Doc],
    settings: &Settings,
    lambda: f64,
) -> Result<ExplainModel, ExplainError> {
    if docs.is_empty() {
        return Err(ExplainError::Training("no documents".into()));
    }
    let mut lengths: BTreeMap<String, Vec<f32>> = BTreeMap::new();
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    for d in docs {
        lengths
            .entry(d.lang.clone())
            .or_default()
            .push(word_count(&d.gold) as f32);
        *documents.entry(d.lang.clone()).or_default() += 1;
    }
    let learned = settings.approach == crate::Approach::Learned;
    let weights = if learned {
        fit_scorer(docs, lambda)?
    } else {
        vec![0.0; DIM]
    };
    let mut language_weights = BTreeMap::new();
    if learned && settings.per_language {
        for lang in documents.keys() {
            let own: Vec<&Doc> = docs.iter().copied().filter(|d| &d.lang == lang).collect();
            language_weights.insert(lang.clone(), fit_scorer(&own, lambda)?);
        }
    }
    Ok(ExplainModel {
        format: FORMAT_VERSION,
        settings: settings.clone(),
        median_words: lengths.into_iter().map(|(l, v)| (l, median(v))).collect(),
        features: NAMES.iter().map(|s| s.to_string()).collect(),
        weights,
        language_weights,
        provenance: Provenance {
            documents,
            lambda,
            note: String::new(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ridge_recovers_a_linear_function() {
        // y = 2·x1 − x2 + 0.5 (bias column 0), no noise, tiny penalty.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..50 {
            let mut x = [0f32; DIM];
            x[0] = 1.0;
            x[1] = (i % 7) as f32;
            x[2] = (i % 5) as f32 * 0.5;
            for (k, v) in x.iter_mut().enumerate().skip(3) {
                *v = ((i * k) % 3) as f32 * 0.1;
            }
            ys.push(2.0 * x[1] as f64 - x[2] as f64 + 0.5);
            xs.push(x);
        }
        let w = ridge(&xs, &ys, 1e-9).unwrap();
        assert!(
            (w[1] - 2.0).abs() < 1e-3 && (w[2] + 1.0).abs() < 1e-3,
            "{w:?}"
        );
        assert!((w[0] - 0.5).abs() < 1e-3, "{w:?}");
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), 2.5);
    }
}
