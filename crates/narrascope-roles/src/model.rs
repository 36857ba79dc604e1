//! The trained role classifier: vocabulary, two linear models (main roles, fine
//! roles), the decision rule, and its versioned binary format.

use std::path::Path;

use narrascope_core::Span;
use narrascope_narratives::linear::{sigmoid, Linear, SgdConfig};
use narrascope_narratives::Taxonomy;
use serde::{Deserialize, Serialize};

use crate::features::{DocContext, DocVectoriser, FeatureConfig, Vocabulary};
use crate::gate::Gate;
use crate::RoleError;
use narrascope_narratives::features::SparseVec;

const MAGIC: &[u8; 8] = b"NSROLES\0";

/// Version of the binary model format (2: the salience gate in the header).
pub const FORMAT_VERSION: u32 = 2;

/// The three main roles, in model order.
pub const MAIN_ROLES: [&str; 3] = ["Protagonist", "Antagonist", "Innocent"];

/// The 22 fine roles in model order (the taxonomy's), with the index of their main role.
pub fn fine_roles() -> &'static [(&'static str, usize)] {
    static R: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        Taxonomy::get()
            .roles
            .iter()
            .map(|r| {
                let m = MAIN_ROLES
                    .iter()
                    .position(|&m| m == r.main)
                    .expect("known main role");
                (r.fine, m)
            })
            .collect()
    })
}

/// How predictions are decided from the two models' probabilities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionConfig {
    /// Weight of the best fine role's probability in the main-role decision: main role
    /// `k` scores `(1 - joint) · p(k) + joint · max p(fine under k)`, each normalised
    /// over the three main roles.
    pub joint: f32,
    /// A second or third fine role (under the chosen main role) is added when its
    /// probability is at least `fine_ratio` times the best one's …
    pub fine_ratio: f32,
    /// … and at least `fine_min`. The best fine role is always given.
    pub fine_min: f32,
    /// Added to the main-role scores before the best is taken (prior correction: a
    /// positive value favours that main role); the reported scores stay unbiased.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub main_bias: [f32; 3],
}

fn is_zero(b: &[f32; 3]) -> bool {
    b.iter().all(|&x| x == 0.0)
}

impl DecisionConfig {
    /// The main role of (averaged) main scores under this rule's bias.
    pub fn main_of(&self, scores: &[f32; 3]) -> usize {
        let s = |k: usize| scores[k] + self.main_bias[k];
        (0..3)
            .max_by(|&a, &b| s(a).total_cmp(&s(b)).then(b.cmp(&a)))
            .unwrap_or(0)
    }
}

impl Default for DecisionConfig {
    fn default() -> Self {
        DecisionConfig {
            joint: 0.3,
            fine_ratio: 0.9,
            fine_min: 0.5,
            main_bias: [0.0; 3],
        }
    }
}

/// How a model was trained (saved with it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Training languages.
    pub languages: Vec<String>,
    /// Training mentions.
    pub mentions: usize,
    /// SGD settings of the main-role model.
    pub main_sgd: SgdConfig,
    /// SGD settings of the fine-role model.
    pub fine_sgd: SgdConfig,
}

/// The roles of one mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// Index into [`MAIN_ROLES`].
    pub main: usize,
    /// Normalised main-role scores (sum to 1), in [`MAIN_ROLES`] order.
    pub main_scores: [f32; 3],
    /// Fine roles under `main` (indices into [`fine_roles`]) with their probabilities,
    /// strongest first; at least one.
    pub fine: Vec<(usize, f32)>,
}

impl Prediction {
    /// The main role's name.
    pub fn main_name(&self) -> &'static str {
        MAIN_ROLES[self.main]
    }

    /// The fine roles' names, strongest first.
    pub fn fine_names(&self) -> Vec<&'static str> {
        let f = fine_roles();
        self.fine.iter().map(|&(i, _)| f[i].0).collect()
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    features: FeatureConfig,
    decision: DecisionConfig,
    main_roles: Vec<String>,
    fine_roles: Vec<String>,
    n_features: usize,
    provenance: Provenance,
    /// The salience gate, when trained with one.
    #[serde(default)]
    gate: Option<Gate>,
}

/// A trained role classifier.
#[derive(Clone, Debug)]
pub struct RoleModel {
    pub(crate) vocab: Vocabulary,
    pub(crate) main: Linear,
    pub(crate) fine: Linear,
    /// The decision rule (public so that cross-validation can try others).
    pub decision: DecisionConfig,
    pub(crate) provenance: Provenance,
    /// The salience gate ([`crate::gate`]): which entities found in an article get a
    /// role in the pipeline. `None` for a model trained on mentions alone.
    pub gate: Option<Gate>,
}

impl RoleModel {
    /// How it was trained.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// The feature settings.
    pub fn features(&self) -> &FeatureConfig {
        &self.vocab.config
    }

    /// Number of feature columns.
    pub fn columns(&self) -> usize {
        self.vocab.len()
    }

    /// The feature vector of a mention at `span` whose entity is also mentioned at
    /// `others`.
    pub fn vector(&self, ctx: &DocContext, span: Span, others: &[Span]) -> SparseVec {
        self.vocab
            .vectorise(&ctx.raw(span, others, &self.vocab.config))
    }

    /// The feature vector of raw features ([`crate::raw_features`]; cross-validation
    /// and experiments that add their own features).
    pub fn vectorise_raw(&self, raw: &[(u32, f32, u8)]) -> SparseVec {
        self.vocab.vectorise(raw)
    }

    /// `ctx` prepared for vectorising many of its mentions ([`DocVectoriser::vector`]
    /// gives the same vectors as [`RoleModel::vector`], faster).
    pub fn vectoriser<'c, 'a>(&'c self, ctx: &'c DocContext<'a>) -> DocVectoriser<'c, 'a> {
        DocVectoriser::new(ctx, &self.vocab)
    }

    /// Roles of a mention at `span` whose entity is also mentioned at `others`.
    pub fn predict(&self, ctx: &DocContext, span: Span, others: &[Span]) -> Prediction {
        self.predict_vector(&self.vector(ctx, span, others))
    }

    /// Raw probabilities of a vector: three main roles, then the 22 fine roles.
    pub fn probabilities(&self, x: &SparseVec) -> (Vec<f32>, Vec<f32>) {
        let mut m = vec![0f32; self.main.labels];
        margins(&self.main, x, &mut m);
        let mut f = vec![0f32; self.fine.labels];
        margins(&self.fine, x, &mut f);
        (
            m.into_iter().map(sigmoid).collect(),
            f.into_iter().map(sigmoid).collect(),
        )
    }

    /// Roles of an already vectorised mention.
    pub fn predict_vector(&self, x: &SparseVec) -> Prediction {
        let (pm, pf) = self.probabilities(x);
        decide(&pm, &pf, &self.decision)
    }

    /// Serialises to the versioned binary format (weights quantised to 8 bits per
    /// label; training rounds them the same way, so evaluation sees the shipped model).
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = Header {
            format: FORMAT_VERSION,
            features: self.vocab.config.clone(),
            decision: self.decision.clone(),
            main_roles: MAIN_ROLES.iter().map(|s| s.to_string()).collect(),
            fine_roles: fine_roles().iter().map(|f| f.0.to_string()).collect(),
            n_features: self.vocab.len(),
            provenance: self.provenance.clone(),
            gate: self.gate.clone(),
        };
        let h = serde_json::to_vec(&header).expect("header serialises");
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(h.len() as u32).to_le_bytes());
        out.extend_from_slice(&h);
        for id in &self.vocab.ids {
            out.extend_from_slice(&id.to_le_bytes());
        }
        for lin in [&self.main, &self.fine] {
            let sc = lin.scales();
            for v in lin.b.iter().chain(&sc) {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for (i, w) in lin.w.iter().enumerate() {
                let s = sc[i % lin.labels];
                let q = if s > 0.0 {
                    (w / s).round().clamp(-127.0, 127.0)
                } else {
                    0.0
                };
                out.push(q as i8 as u8);
            }
        }
        out
    }

    /// Reads the binary format.
    pub fn from_bytes(bytes: &[u8]) -> Result<RoleModel, RoleError> {
        let bad = |m: String| RoleError::Model(m);
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(bad("not a narrascope role model".into()));
        }
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
        let version = u32_at(8);
        if version != FORMAT_VERSION {
            return Err(bad(format!(
                "format version {version}, this build reads {FORMAT_VERSION} \
                 (retrain with `narrascope train roles`)"
            )));
        }
        let body = 16 + u32_at(12) as usize;
        let header: Header = serde_json::from_slice(
            bytes
                .get(16..body)
                .ok_or_else(|| bad("truncated header".into()))?,
        )
        .map_err(|e| bad(format!("header: {e}")))?;
        let fine_names: Vec<String> = fine_roles().iter().map(|f| f.0.to_string()).collect();
        if header.main_roles != MAIN_ROLES || header.fine_roles != fine_names {
            return Err(bad("trained for a different role taxonomy".into()));
        }
        if let Some(g) = &header.gate {
            if g.dense_names != crate::gate::DENSE
                || g.dense.len() != g.dense_names.len()
                || g.names.windows(2).any(|w| w[0].0 >= w[1].0)
            {
                return Err(bad("its gate uses other features than this build".into()));
            }
        }
        let n = header.n_features;
        let (lm, lf) = (MAIN_ROLES.len(), fine_names.len());
        let need = body + 4 * n + (8 * lm + n * lm) + (8 * lf + n * lf);
        if bytes.len() != need {
            return Err(bad(format!("size {} bytes, expected {need}", bytes.len())));
        }
        let ids: Vec<u32> = bytes[body..body + 4 * n]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        if ids.iter().any(|&id| id >> crate::features::BITS != 0) {
            return Err(bad("feature ids out of the hash space".into()));
        }
        let mut at = body + 4 * n;
        let mut read_linear = |l: usize| {
            let f32s: Vec<f32> = bytes[at..at + 8 * l]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            at += 8 * l;
            let (b, sc) = f32s.split_at(l);
            let w = bytes[at..at + n * l]
                .iter()
                .enumerate()
                .map(|(i, &q)| q as i8 as f32 * sc[i % l])
                .collect();
            at += n * l;
            Linear {
                labels: l,
                w,
                b: b.to_vec(),
            }
        };
        let main = read_linear(lm);
        let fine = read_linear(lf);
        Ok(RoleModel {
            vocab: Vocabulary::from_parts(header.features, ids),
            main,
            fine,
            decision: header.decision,
            provenance: header.provenance,
            gate: header.gate,
        })
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<RoleModel, RoleError> {
        let bytes = std::fs::read(path).map_err(|e| RoleError::io(path, e))?;
        RoleModel::from_bytes(&bytes)
    }

    /// Writes a model file.
    pub fn save(&self, path: &Path) -> Result<(), RoleError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| RoleError::io(path, e))
    }
}

/// `Linear::margins`, with the same sums in the same order, unrolled for the label
/// counts of the role models (3 main, 22 fine roles).
fn margins(lin: &Linear, x: &SparseVec, out: &mut [f32]) {
    fn fixed<const L: usize>(lin: &Linear, x: &SparseVec, out: &mut [f32]) {
        let mut o: [f32; L] = lin.b[..L].try_into().expect("L biases");
        for (&f, &v) in x.idx.iter().zip(&x.val) {
            let at = f as usize * L;
            let row: &[f32; L] = lin.w[at..at + L].try_into().expect("L weights");
            for k in 0..L {
                o[k] += v * row[k];
            }
        }
        out.copy_from_slice(&o);
    }
    match lin.labels {
        3 => fixed::<3>(lin, x, out),
        22 => fixed::<22>(lin, x, out),
        _ => lin.margins(x, out),
    }
}

/// The decision rule: main role by the (joint) normalised score, then the best fine
/// role under it plus those close enough to it.
pub fn decide(pm: &[f32], pf: &[f32], d: &DecisionConfig) -> Prediction {
    let roles = fine_roles();
    let sm: f32 = pm.iter().sum::<f32>().max(1e-9);
    let mut best_fine = [0f32; 3];
    for (i, &(_, m)) in roles.iter().enumerate() {
        best_fine[m] = best_fine[m].max(pf[i]);
    }
    let sf: f32 = best_fine.iter().sum::<f32>().max(1e-9);
    let mut scores = [0f32; 3];
    for k in 0..3 {
        scores[k] = (1.0 - d.joint) * pm[k] / sm + d.joint * best_fine[k] / sf;
    }
    let main = d.main_of(&scores);
    Prediction {
        main,
        main_scores: scores,
        fine: fine_under(pf, main, d),
    }
}

/// The fine roles under main role `main` (index into [`MAIN_ROLES`]): the most probable
/// one, plus up to two more whose probability is at least `fine_ratio` times its and at
/// least `fine_min`; strongest first.
pub fn fine_under(pf: &[f32], main: usize, d: &DecisionConfig) -> Vec<(usize, f32)> {
    let mut fine: Vec<(usize, f32)> = fine_roles()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.1 == main)
        .map(|(i, _)| (i, pf[i]))
        .collect();
    fine.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = fine[0].1;
    let keep = 1 + fine[1..]
        .iter()
        .take_while(|f| f.1 >= d.fine_ratio * top && f.1 >= d.fine_min)
        .count();
    fine.truncate(keep.min(3));
    fine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_keeps_fine_roles_under_the_main_role() {
        let roles = fine_roles();
        let idx = |n: &str| roles.iter().position(|r| r.0 == n).unwrap();
        let pm = [0.2, 0.9, 0.3];
        let mut pf = vec![0.05; 22];
        pf[idx("Guardian")] = 0.99; // under Protagonist: ignored with joint = 0
        pf[idx("Tyrant")] = 0.7;
        pf[idx("Instigator")] = 0.6;
        pf[idx("Spy")] = 0.3;
        let d = DecisionConfig {
            joint: 0.0,
            fine_ratio: 0.8,
            fine_min: 0.5,
            main_bias: [0.0; 3],
        };
        let p = decide(&pm, &pf, &d);
        assert_eq!(p.main_name(), "Antagonist");
        assert_eq!(p.fine_names(), ["Tyrant", "Instigator"]);
        assert!((p.main_scores.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        // A stricter ratio keeps one; the joint rule lets the strong fine role win.
        let p = decide(
            &pm,
            &pf,
            &DecisionConfig {
                fine_ratio: 0.9,
                ..d.clone()
            },
        );
        assert_eq!(p.fine_names(), ["Tyrant"]);
        let p = decide(&pm, &pf, &DecisionConfig { joint: 0.9, ..d });
        assert_eq!(
            (p.main_name(), p.fine_names()),
            ("Protagonist", vec!["Guardian"])
        );
    }
}
