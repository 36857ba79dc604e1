//! The averaged structured perceptron: weights, Viterbi decoding, training and the
//! on-disk format.

use std::borrow::Cow;

use crate::error::QuoteError;

/// Number of tags: O, then B/I for source, cue and content.
pub const NTAGS: usize = 7;
/// Outside every span.
pub const O: usize = 0;

/// The role a tag belongs to (`None` for O).
pub fn role_of(tag: usize) -> Option<usize> {
    (tag > 0 && tag < NTAGS).then(|| (tag - 1) / 2)
}

/// Whether a tag is an inside (continuation) tag.
pub fn is_inside(tag: usize) -> bool {
    tag > 0 && tag & 1 == 0
}

const fn allowed_const(prev: Option<usize>, tag: usize) -> bool {
    let inside = tag > 0 && tag & 1 == 0;
    if !inside {
        return true;
    }
    match prev {
        None => false,
        // Both tags are inside-or-begin tags of the same role.
        Some(p) => p > 0 && p < NTAGS && (p - 1) / 2 == (tag - 1) / 2,
    }
}

/// The tags that may precede tag `t`, as the range `lo..hi`: any tag before O or a
/// B tag, only B-X or I-X (adjacent tag numbers) before I-X.
const fn prev_range(t: usize) -> (usize, usize) {
    if t > 0 && t & 1 == 0 {
        (t - 1, t + 1)
    } else {
        (0, NTAGS)
    }
}

#[cfg(test)]
fn allowed(prev: Option<usize>, tag: usize) -> bool {
    if !is_inside(tag) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => role_of(p) == role_of(tag),
    }
}

const MAGIC: &[u8; 8] = b"NSQTAG01";

/// Weights of a trained tagger.
#[derive(Clone, Debug)]
pub struct Model {
    /// Number of hash buckets (a power of two).
    pub buckets: usize,
    /// Row `bucket` holds the `NTAGS` weights of the features hashed to it.
    pub weights: Weights,
    /// `trans[(prev + 1) * NTAGS + tag]`; row 0 is the sequence start.
    pub trans: Vec<f32>,
}

/// The emission weights, as training keeps them or as the model file stores them.
#[derive(Clone, Debug)]
pub enum Weights {
    /// `w[bucket * NTAGS + tag]`, while training.
    F32(Vec<f32>),
    /// The model file's little-endian `i16` rows, read in place (the embedded model is
    /// not copied: widening its 3.7 M weights to `f32` at start-up cost some 10 ms and
    /// 15 MB of fresh pages for every run). A weight is `i16 × scale`.
    I16 {
        /// `2 × NTAGS` bytes per bucket.
        raw: Cow<'static, [u8]>,
        /// Weight of one step.
        scale: f32,
    },
}

impl Model {
    /// A zero model.
    pub fn zeros(buckets: usize) -> Self {
        Model {
            buckets,
            weights: Weights::F32(vec![0.0; buckets * NTAGS]),
            trans: vec![0.0; (NTAGS + 1) * NTAGS],
        }
    }

    /// Emission scores of one token.
    fn emit(&self, feats: &[u32], out: &mut [f32; NTAGS]) {
        match &self.weights {
            Weights::F32(weights) => {
                *out = [0.0; NTAGS];
                for &f in feats {
                    let base = f as usize * NTAGS;
                    // A fixed-size row: the seven adds unrolled, one bounds check per
                    // feature.
                    if let Some(w) = weights
                        .get(base..base + NTAGS)
                        .and_then(|w| <&[f32; NTAGS]>::try_from(w).ok())
                    {
                        for t in 0..NTAGS {
                            out[t] += w[t];
                        }
                    }
                }
            }
            Weights::I16 { raw, scale } => {
                // Summed as integers (exact, in any order), scaled once.
                let mut acc = [0i32; NTAGS];
                for &f in feats {
                    let base = f as usize * NTAGS * 2;
                    if let Some(w) = raw
                        .get(base..base + NTAGS * 2)
                        .and_then(|w| <&[u8; NTAGS * 2]>::try_from(w).ok())
                    {
                        for t in 0..NTAGS {
                            acc[t] += i32::from(i16::from_le_bytes([w[2 * t], w[2 * t + 1]]));
                        }
                    }
                }
                for t in 0..NTAGS {
                    out[t] = acc[t] as f32 * scale;
                }
            }
        }
    }

    /// Best tag sequence (Viterbi over a first-order chain, I-X only after B-X/I-X).
    pub fn decode<F: AsRef<[u32]>>(&self, feats: &[F]) -> Vec<usize> {
        let n = feats.len();
        if n == 0 {
            return Vec::new();
        }
        const NEG: f32 = f32::NEG_INFINITY;
        let mut back = vec![[0u8; NTAGS]; n];
        let mut score = [NEG; NTAGS];
        let mut e = [0.0; NTAGS];
        self.emit(feats[0].as_ref(), &mut e);
        for t in 0..NTAGS {
            if allowed_const(None, t) {
                score[t] = e[t] + self.trans[t];
            }
        }
        for i in 1..n {
            self.emit(feats[i].as_ref(), &mut e);
            let mut next = [NEG; NTAGS];
            for t in 0..NTAGS {
                let mut best = NEG;
                let mut arg = 0u8;
                // Only the allowed predecessors, in ascending order as before; an
                // unreachable one (score -inf) can never be strictly best, so it
                // needs no test.
                let (lo, hi) = prev_range(t);
                for (p, &sp) in score.iter().enumerate().take(hi).skip(lo) {
                    let s = sp + self.trans[(p + 1) * NTAGS + t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                next[t] = best + e[t];
                back[i][t] = arg;
            }
            score = next;
        }
        let mut tag = (0..NTAGS)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap_or(O);
        let mut out = vec![O; n];
        for i in (0..n).rev() {
            out[i] = tag;
            tag = back[i][tag] as usize;
        }
        out
    }

    /// Serialises with weights quantised to 16 bits.
    /// A model read from a file is written back byte for byte.
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = |out: &mut Vec<u8>, scale: f32| {
            out.extend_from_slice(MAGIC);
            out.extend_from_slice(&(self.buckets as u32).to_le_bytes());
            out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
            out.extend_from_slice(&scale.to_le_bytes());
            for t in &self.trans {
                out.extend_from_slice(&t.to_le_bytes());
            }
        };
        match &self.weights {
            Weights::F32(weights) => {
                let max = weights
                    .iter()
                    .chain(&self.trans)
                    .fold(0f32, |m, w| m.max(w.abs()))
                    .max(1e-9);
                let scale = max / 32767.0;
                let mut out = Vec::with_capacity(24 + weights.len() * 2 + self.trans.len() * 4);
                header(&mut out, scale);
                for w in weights {
                    out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
                }
                out
            }
            Weights::I16 { raw, scale } => {
                let mut out = Vec::with_capacity(24 + raw.len() + self.trans.len() * 4);
                header(&mut out, *scale);
                out.extend_from_slice(raw);
                out
            }
        }
    }

    /// Reads one model from the start of `bytes`; returns it and the bytes it used.
    /// Borrowed (`'static`) bytes are read in place, owned ones are cut to the model.
    pub fn from_prefix(bytes: Cow<'static, [u8]>) -> Result<(Self, usize), QuoteError> {
        let b: &[u8] = &bytes;
        let bad = |m: &str| QuoteError::BadModel(m.to_string());
        if b.len() < 20 || &b[..8] != MAGIC {
            return Err(bad("not a narrascope quote tagger (bad magic)"));
        }
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let buckets = u32_at(8) as usize;
        let ntags = u32_at(12) as usize;
        let scale = f32::from_bits(u32_at(16));
        if ntags != NTAGS || !buckets.is_power_of_two() {
            return Err(bad("unexpected tag count or bucket count"));
        }
        let ntrans = (NTAGS + 1) * NTAGS;
        let need = 20 + ntrans * 4 + buckets * NTAGS * 2;
        if b.len() < need {
            return Err(bad(&format!("expected {need} bytes, found {}", b.len())));
        }
        let trans = (0..ntrans)
            .map(|k| f32::from_bits(u32_at(20 + k * 4)))
            .collect();
        let off = 20 + ntrans * 4;
        let raw = match bytes {
            Cow::Borrowed(s) => Cow::Borrowed(&s[off..need]),
            Cow::Owned(v) => Cow::Owned(v[off..need].to_vec()),
        };
        Ok((
            Model {
                buckets,
                weights: Weights::I16 { raw, scale },
                trans,
            },
            need,
        ))
    }
}

/// Training state of the averaged perceptron (Daumé's trick: keep the sum of
/// `step × update` so the average is `w − u / steps`).
pub struct Trainer {
    model: Model,
    acc_w: Vec<f32>,
    acc_t: Vec<f32>,
    step: f32,
}

impl Trainer {
    /// A fresh trainer.
    pub fn new(buckets: usize) -> Self {
        Trainer {
            model: Model::zeros(buckets),
            acc_w: vec![0.0; buckets * NTAGS],
            acc_t: vec![0.0; (NTAGS + 1) * NTAGS],
            step: 1.0,
        }
    }

    /// One perceptron update on one sequence; returns the number of wrong tags.
    pub fn learn(&mut self, feats: &[Vec<u32>], gold: &[usize]) -> usize {
        let pred = self.model.decode(feats);
        let mut wrong = 0;
        let c = self.step;
        for i in 0..gold.len() {
            let (g, p) = (gold[i], pred[i]);
            let gp = if i == 0 { 0 } else { gold[i - 1] + 1 };
            let pp = if i == 0 { 0 } else { pred[i - 1] + 1 };
            if g != p {
                wrong += 1;
                let Weights::F32(weights) = &mut self.model.weights else {
                    unreachable!("a trainer's model holds f32 weights")
                };
                for &f in &feats[i] {
                    let b = f as usize * NTAGS;
                    weights[b + g] += 1.0;
                    self.acc_w[b + g] += c;
                    weights[b + p] -= 1.0;
                    self.acc_w[b + p] -= c;
                }
            }
            if g != p || gp != pp {
                self.model.trans[gp * NTAGS + g] += 1.0;
                self.acc_t[gp * NTAGS + g] += c;
                self.model.trans[pp * NTAGS + p] -= 1.0;
                self.acc_t[pp * NTAGS + p] -= c;
            }
        }
        self.step += 1.0;
        wrong
    }

    /// The averaged model.
    pub fn finish(self) -> Model {
        let s = self.step;
        let mut m = self.model;
        if let Weights::F32(weights) = &mut m.weights {
            for (w, a) in weights.iter_mut().zip(&self.acc_w) {
                *w -= a / s;
            }
        }
        for (w, a) in m.trans.iter_mut().zip(&self.acc_t) {
            *w -= a / s;
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predecessor_ranges_match_the_rule() {
        for t in 0..NTAGS {
            assert_eq!(allowed_const(None, t), allowed(None, t), "start → {t}");
        }
        for t in 0..NTAGS {
            let (lo, hi) = prev_range(t);
            for p in 0..NTAGS {
                assert_eq!((lo..hi).contains(&p), allowed(Some(p), t), "{p} → {t}");
                assert_eq!(allowed_const(Some(p), t), allowed(Some(p), t), "{p} → {t}");
            }
        }
        // I-source only after B-source or I-source.
        assert_eq!(prev_range(2), (1, 3));
        assert_eq!(prev_range(1), (0, NTAGS));
    }
}
