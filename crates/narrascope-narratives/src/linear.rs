//! One-vs-rest L2-regularised logistic regression for many labels at once, trained by
//! seeded SGD over sparse inputs.
//!
//! Every label sees the same feature vector, so the weights are stored feature-major
//! (`w[f * labels + l]`): one document touches a few thousand contiguous rows. The L2
//! shrinkage is applied lazily through a global scale factor (Bottou's trick), which
//! keeps each update proportional to the document's non-zeros.

use serde::{Deserialize, Serialize};

use crate::features::SparseVec;
use crate::rng::Rng;

/// SGD settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SgdConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 strength.
    pub lambda: f32,
    /// Initial learning rate.
    pub eta0: f32,
    /// Positives of a label are weighted `(negatives / positives) ^ power`, capped at
    /// `max_pos_weight` (0: unweighted).
    pub pos_weight_power: f32,
    /// Cap of the positive weight.
    pub max_pos_weight: f32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for SgdConfig {
    fn default() -> Self {
        SgdConfig {
            epochs: 20,
            lambda: 3e-5,
            eta0: 0.5,
            pos_weight_power: 1.0,
            max_pos_weight: 20.0,
            seed: 17,
        }
    }
}

/// A trained multi-label linear model.
#[derive(Clone, Debug, PartialEq)]
pub struct Linear {
    /// Number of labels.
    pub labels: usize,
    /// Feature-major weights, `features × labels`.
    pub w: Vec<f32>,
    /// One bias per label.
    pub b: Vec<f32>,
}

impl Linear {
    /// The margins (log-odds) of all labels for `x`, into `out` (`labels` long).
    pub fn margins(&self, x: &SparseVec, out: &mut [f32]) {
        out.copy_from_slice(&self.b);
        let l = self.labels;
        for (&f, &v) in x.idx.iter().zip(&x.val) {
            let row = &self.w[f as usize * l..(f as usize + 1) * l];
            for (o, w) in out.iter_mut().zip(row) {
                *o += v * w;
            }
        }
    }

    /// The margin of one label.
    pub fn margin(&self, x: &SparseVec, label: usize) -> f32 {
        let l = self.labels;
        self.b[label]
            + x.idx
                .iter()
                .zip(&x.val)
                .map(|(&f, &v)| v * self.w[f as usize * l + label])
                .sum::<f32>()
    }

    /// Per-label 8-bit quantisation scales: the largest weight magnitude over 127.
    pub fn scales(&self) -> Vec<f32> {
        let l = self.labels;
        let mut s = vec![0f32; l];
        for (i, w) in self.w.iter().enumerate() {
            s[i % l] = s[i % l].max(w.abs());
        }
        s.iter().map(|m| m / 127.0).collect()
    }

    /// Rounds the weights to what the 8-bit model formats store (per-label scale from
    /// [`scales`](Self::scales)), so evaluation sees the shipped model exactly.
    pub fn quantise(&mut self) {
        let l = self.labels;
        let sc = self.scales();
        for (i, w) in self.w.iter_mut().enumerate() {
            let s = sc[i % l];
            *w = if s > 0.0 {
                (*w / s).round().clamp(-127.0, 127.0) * s
            } else {
                0.0
            };
        }
    }

    /// Trains on `xs` (columns below `features`) with `ys[i]` = the positive labels
    /// of document `i`.
    pub fn train(
        xs: &[SparseVec],
        ys: &[Vec<usize>],
        features: usize,
        labels: usize,
        cfg: &SgdConfig,
    ) -> Linear {
        let n = xs.len();
        let mut pos = vec![0usize; labels];
        for y in ys {
            for &l in y {
                pos[l] += 1;
            }
        }
        let pos_w: Vec<f32> = pos
            .iter()
            .map(|&p| {
                if p == 0 || cfg.pos_weight_power == 0.0 {
                    1.0
                } else {
                    (((n - p) as f32 / p as f32).powf(cfg.pos_weight_power))
                        .clamp(1.0, cfg.max_pos_weight)
                }
            })
            .collect();
        // Start each bias at the label's prior log-odds so early epochs are not spent
        // learning that most labels are rare.
        let b: Vec<f32> = pos
            .iter()
            .map(|&p| {
                let q = (p as f32 + 0.5) / (n as f32 + 1.0);
                (q / (1.0 - q)).ln()
            })
            .collect();
        let mut v = vec![0f32; features * labels];
        let mut b = b;
        let mut scale = 1.0f32;
        let mut rng = Rng::new(cfg.seed);
        let mut order: Vec<usize> = (0..n).collect();
        let mut marg = vec![0f32; labels];
        let mut grad = vec![0f32; labels];
        let mut target = vec![false; labels];
        let t0 = 1.0 / (cfg.lambda * cfg.eta0);
        let mut t = 0f32;
        for _ in 0..cfg.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let x = &xs[i];
                let eta = 1.0 / (cfg.lambda * (t + t0));
                t += 1.0;
                marg.copy_from_slice(&b);
                for (&f, &val) in x.idx.iter().zip(&x.val) {
                    let row = &v[f as usize * labels..(f as usize + 1) * labels];
                    let sv = val * scale;
                    for (m, w) in marg.iter_mut().zip(row) {
                        *m += sv * w;
                    }
                }
                target.iter_mut().for_each(|t| *t = false);
                for &l in &ys[i] {
                    target[l] = true;
                }
                for l in 0..labels {
                    let p = 1.0 / (1.0 + (-marg[l]).exp());
                    grad[l] = if target[l] { (p - 1.0) * pos_w[l] } else { p };
                }
                scale *= 1.0 - eta * cfg.lambda;
                if scale < 1e-6 {
                    v.iter_mut().for_each(|w| *w *= scale);
                    scale = 1.0;
                }
                let step = eta / scale;
                for (&f, &val) in x.idx.iter().zip(&x.val) {
                    let row = &mut v[f as usize * labels..(f as usize + 1) * labels];
                    let c = step * val;
                    for (w, g) in row.iter_mut().zip(&grad) {
                        *w -= c * g;
                    }
                }
                for (bb, g) in b.iter_mut().zip(&grad) {
                    *bb -= eta * 0.1 * g;
                }
            }
        }
        v.iter_mut().for_each(|w| *w *= scale);
        Linear { labels, w: v, b }
    }
}

/// The logistic function.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_reproducibly() {
        // Feature 0 → label 0, feature 1 → label 1.
        let xs: Vec<SparseVec> = (0..40)
            .map(|i| SparseVec {
                idx: vec![(i % 2) as u32, 2],
                val: vec![1.0, 0.5],
            })
            .collect();
        let ys: Vec<Vec<usize>> = (0..40).map(|i| vec![i % 2]).collect();
        let cfg = SgdConfig {
            epochs: 30,
            ..Default::default()
        };
        let m = Linear::train(&xs, &ys, 3, 2, &cfg);
        let mut out = [0f32; 2];
        m.margins(&xs[0], &mut out);
        assert!(out[0] > 0.0 && out[1] < 0.0, "{out:?}");
        m.margins(&xs[1], &mut out);
        assert!(out[1] > 0.0 && out[0] < 0.0, "{out:?}");
        assert_eq!(m, Linear::train(&xs, &ys, 3, 2, &cfg));
        assert!((m.margin(&xs[1], 1) - out[1]).abs() < 1e-5);
    }
}
