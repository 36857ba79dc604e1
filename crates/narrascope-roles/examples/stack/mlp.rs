//! The second stage: a tiny MLP (or logistic regression) trained with Adam.

use super::*;

#[derive(Clone, Debug)]
pub(crate) struct MlpConfig {
    pub(crate) hidden: usize,
    pub(crate) epochs: usize,
    pub(crate) l2: f32,
    pub(crate) lr: f32,
}

impl Default for MlpConfig {
    fn default() -> Self {
        MlpConfig {
            hidden: 16,
            epochs: 400,
            l2: 1e-4,
            lr: 0.01,
        }
    }
}

/// Inputs → `hidden` tanh units (none: linear) → 3 softmax main-role outputs and 22
/// sigmoid fine-role outputs; full-batch Adam on the summed log-losses, fixed init.
pub(crate) struct Mlp {
    pub(crate) d: usize,
    pub(crate) h: usize,
    /// Hidden layer, `h × (d + 1)` (empty when linear).
    pub(crate) w1: Vec<f32>,
    /// Output layer, `25 × (in + 1)`.
    pub(crate) w2: Vec<f32>,
    pub(crate) mean: Vec<f32>,
    pub(crate) sd: Vec<f32>,
}

pub(crate) const OUT: usize = 25;

impl Mlp {
    pub(crate) fn inputs(&self) -> usize {
        if self.h == 0 {
            self.d
        } else {
            self.h
        }
    }

    pub(crate) fn forward(&self, x: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let z: Vec<f32> = x
            .iter()
            .zip(self.mean.iter().zip(&self.sd))
            .map(|(v, (m, s))| (v - m) / s)
            .collect();
        let hid: Vec<f32> = if self.h == 0 {
            z
        } else {
            (0..self.h)
                .map(|u| {
                    let row = &self.w1[u * (self.d + 1)..(u + 1) * (self.d + 1)];
                    (row[self.d] + row.iter().zip(&z).map(|(a, b)| a * b).sum::<f32>()).tanh()
                })
                .collect()
        };
        let n = self.inputs();
        let out: Vec<f32> = (0..OUT)
            .map(|o| {
                let row = &self.w2[o * (n + 1)..(o + 1) * (n + 1)];
                row[n] + row.iter().zip(&hid).map(|(a, b)| a * b).sum::<f32>()
            })
            .collect();
        (hid, out)
    }

    pub(crate) fn probs(out: &[f32]) -> Probs {
        let mx = out[..3].iter().cloned().fold(f32::MIN, f32::max);
        let e: Vec<f32> = out[..3].iter().map(|v| (v - mx).exp()).collect();
        let s: f32 = e.iter().sum();
        let pm = e.iter().map(|v| v / s).collect();
        let pf = out[3..].iter().map(|v| 1.0 / (1.0 + (-v).exp())).collect();
        (pm, pf)
    }

    pub(crate) fn predict(&self, x: &[f32]) -> Probs {
        Mlp::probs(&self.forward(x).1)
    }

    pub(crate) fn train(xs: &[Vec<f32>], ys: &[(usize, Vec<usize>)], cfg: &MlpConfig) -> Mlp {
        let d = xs[0].len();
        let n = xs.len() as f32;
        let mut mean = vec![0f32; d];
        let mut sd = vec![0f32; d];
        for x in xs {
            for (m, v) in mean.iter_mut().zip(x) {
                *m += v / n;
            }
        }
        for x in xs {
            for ((s, v), m) in sd.iter_mut().zip(x).zip(&mean) {
                *s += (v - m).powi(2) / n;
            }
        }
        for s in &mut sd {
            *s = s.sqrt().max(1e-3);
        }
        let h = cfg.hidden;
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 2.0
        };
        let w1: Vec<f32> = (0..h * (d + 1))
            .map(|_| rnd() / (d as f32).sqrt())
            .collect();
        let nin = if h == 0 { d } else { h };
        let w2: Vec<f32> = (0..OUT * (nin + 1))
            .map(|_| {
                if h == 0 {
                    0.0
                } else {
                    rnd() / (nin as f32).sqrt()
                }
            })
            .collect();
        let mut net = Mlp {
            d,
            h,
            w1,
            w2,
            mean,
            sd,
        };
        let mut adam1 = Adam::new(net.w1.len());
        let mut adam2 = Adam::new(net.w2.len());
        for _ in 0..cfg.epochs {
            let mut g1 = vec![0f32; net.w1.len()];
            let mut g2 = vec![0f32; net.w2.len()];
            for (x, y) in xs.iter().zip(ys) {
                let z: Vec<f32> = x
                    .iter()
                    .zip(net.mean.iter().zip(&net.sd))
                    .map(|(v, (m, s))| (v - m) / s)
                    .collect();
                let (hid, out) = net.forward(x);
                let (pm, pf) = Mlp::probs(&out);
                let mut dout = [0f32; OUT];
                for r in 0..3 {
                    dout[r] = pm[r] - if y.0 == r { 1.0 } else { 0.0 };
                }
                for r in 0..22 {
                    dout[3 + r] = pf[r] - if y.1.contains(&r) { 1.0 } else { 0.0 };
                }
                let mut dhid = vec![0f32; nin];
                for (o, g) in dout.iter().enumerate() {
                    let base = o * (nin + 1);
                    for u in 0..nin {
                        g2[base + u] += g * hid[u] / n;
                        dhid[u] += g * net.w2[base + u];
                    }
                    g2[base + nin] += g / n;
                }
                if h > 0 {
                    for u in 0..h {
                        let dz = dhid[u] * (1.0 - hid[u] * hid[u]) / n;
                        let base = u * (d + 1);
                        for (k, zk) in z.iter().enumerate() {
                            g1[base + k] += dz * zk;
                        }
                        g1[base + d] += dz;
                    }
                }
            }
            for (g, w) in g1.iter_mut().zip(&net.w1) {
                *g += cfg.l2 * w;
            }
            for (g, w) in g2.iter_mut().zip(&net.w2) {
                *g += cfg.l2 * w;
            }
            adam1.step(&mut net.w1, &g1, cfg.lr);
            adam2.step(&mut net.w2, &g2, cfg.lr);
        }
        net
    }
}

pub(crate) struct Adam {
    pub(crate) m: Vec<f32>,
    pub(crate) v: Vec<f32>,
    pub(crate) t: i32,
}

impl Adam {
    pub(crate) fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
            t: 0,
        }
    }

    pub(crate) fn step(&mut self, w: &mut [f32], g: &[f32], lr: f32) {
        self.t += 1;
        let (b1, b2) = (0.9f32, 0.999f32);
        let c1 = 1.0 - b1.powi(self.t);
        let c2 = 1.0 - b2.powi(self.t);
        for i in 0..w.len() {
            self.m[i] = b1 * self.m[i] + (1.0 - b1) * g[i];
            self.v[i] = b2 * self.v[i] + (1.0 - b2) * g[i] * g[i];
            w[i] -= lr * (self.m[i] / c1) / ((self.v[i] / c2).sqrt() + 1e-8);
        }
    }
}
