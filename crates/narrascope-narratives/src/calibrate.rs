//! Platt scaling: `p = sigmoid(a · margin + b)`, fitted on out-of-fold margins so the
//! scores mean what they say on unseen documents (in-sample margins are overconfident).

use serde::{Deserialize, Serialize};

use crate::linear::sigmoid;

/// A fitted Platt map.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Platt {
    /// Slope.
    pub a: f32,
    /// Intercept.
    pub b: f32,
}

impl Default for Platt {
    fn default() -> Self {
        Platt { a: 1.0, b: 0.0 }
    }
}

impl Platt {
    /// The calibrated probability of a margin.
    pub fn apply(&self, margin: f32) -> f32 {
        sigmoid(self.a * margin + self.b)
    }

    /// Fits by Newton's method on the log loss, with Platt's smoothed targets.
    pub fn fit(margins: &[f32], targets: &[bool]) -> Platt {
        let npos = targets.iter().filter(|&&t| t).count() as f64;
        let nneg = targets.len() as f64 - npos;
        if npos == 0.0 || nneg == 0.0 {
            return Platt::default();
        }
        let hi = (npos + 1.0) / (npos + 2.0);
        let lo = 1.0 / (nneg + 2.0);
        let (mut a, mut b) = (1.0f64, 0.0f64);
        for _ in 0..50 {
            let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
            for (&m, &t) in margins.iter().zip(targets) {
                let m = m as f64;
                let p = 1.0 / (1.0 + (-(a * m + b)).exp());
                let y = if t { hi } else { lo };
                let d = p - y;
                let w = (p * (1.0 - p)).max(1e-12);
                ga += d * m;
                gb += d;
                haa += w * m * m;
                hab += w * m;
                hbb += w;
            }
            let det = haa * hbb - hab * hab;
            if det.abs() < 1e-18 {
                break;
            }
            let da = (hbb * ga - hab * gb) / det;
            let db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if da.abs() < 1e-9 && db.abs() < 1e-9 {
                break;
            }
        }
        Platt {
            a: a as f32,
            b: b as f32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_shrunk_scale() {
        // Margins twice too confident: true log-odds = margin / 2.
        let mut m = Vec::new();
        let mut t = Vec::new();
        let mut state = 1u64;
        for i in 0..4000 {
            let x = (i % 80) as f32 / 10.0 - 4.0;
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = (state >> 11) as f32 / (1u64 << 53) as f32;
            m.push(x);
            t.push(u < sigmoid(x / 2.0));
        }
        let p = Platt::fit(&m, &t);
        assert!((p.a - 0.5).abs() < 0.1 && p.b.abs() < 0.15, "{p:?}");
    }
}
