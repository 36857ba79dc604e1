//! The salience gate: does an entity found in an article have a role at all?
//!
//! The task annotates only the entities an article casts (a few per article), so the
//! role model has no "no role" class. The gate is a small logistic model over cues of
//! the entity in its article — how often and how early it is named, in the title, as a
//! speaker, inside quotes, its type, its share of the article's names — the role
//! model's own scores, and its (hashed, lower-cased) name and name words, so names the
//! annotators cast again and again ("Zelensky", "NATO") are learned. It is trained on
//! the entities our entity stage finds in the annotated training articles, labelled
//! "annotated" when one of their surface forms is an annotated mention string
//! ([`annotated`]); see `models/roles/README.md` for how it compares with the older
//! "score ≥ 0.6 and named twice" rule.

use std::collections::{BTreeMap, HashMap};

use narrascope_core::{Document, EntityType, MentionKind, Span};
use narrascope_narratives::features::SparseVec;
use narrascope_narratives::linear::sigmoid;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::cv::document_folds;
use crate::features::{DocContext, DocVectoriser};
use crate::model::decide;
use crate::semeval::Corpus;
use crate::train::{labels, train_raw, Raw, TrainConfig};
use crate::{RoleError, RoleModel};

/// Names of the dense features, in column order (saved with the model; a gate with
/// other columns is refused).
pub const DENSE: [&str; 30] = [
    "name mentions (log)",
    "named once",
    "named twice",
    "named 3-4 times",
    "named 5+ times",
    "all mentions (log)",
    "share of the article's name mentions",
    "most named in the article",
    "among the 3 most named",
    "first mention position",
    "named in the first 3 sentences",
    "in the title",
    "share of sentences naming it",
    "person",
    "organisation",
    "place",
    "group",
    "speaker of quotes (log)",
    "a speaker",
    "named inside quotes",
    "words in the name",
    "protagonist score",
    "antagonist score",
    "innocent score",
    "best main score",
    "best main probability",
    "best fine probability",
    "best mention's best main score",
    "entities in the article (log)",
    "nominal or pronoun mentions (log)",
];

/// How the gate is trained and applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GateConfig {
    /// L2 strength on the mean log-loss (not on the bias).
    pub l2: f32,
    /// Full-batch gradient steps (Nesterov momentum).
    pub iterations: usize,
    /// Weight of the name features (0: none).
    pub name_weight: f32,
    /// Keep a hashed name id seen in at least this many training entities.
    pub name_min_df: u32,
    /// Emit a role when the gate's probability is at least this.
    pub threshold: f32,
    /// Folds of the out-of-fold role-model scores the gate is trained on.
    pub folds: usize,
    /// Their fold seed.
    pub fold_seed: u64,
}

impl Default for GateConfig {
    fn default() -> Self {
        GateConfig {
            l2: 1e-4,
            iterations: 1000,
            name_weight: 2.0,
            name_min_df: 2,
            threshold: 0.25,
            folds: 5,
            fold_seed: 1,
        }
    }
}

/// A trained gate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    /// Settings it was trained with (`threshold` applies).
    pub config: GateConfig,
    /// Dense feature names ([`DENSE`]).
    pub dense_names: Vec<String>,
    /// Bias.
    pub bias: f32,
    /// Weights of the dense features.
    pub dense: Vec<f32>,
    /// Hashed name ids and their weights, ascending by id.
    pub names: Vec<(u32, f32)>,
}

/// The gate's inputs for one entity: dense values and hashed name ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GateRaw {
    /// Values in [`DENSE`] order.
    pub dense: Vec<f32>,
    /// Hashed ids of the name, its words and the language-conjoined name.
    pub names: Vec<u32>,
}

/// The role model's view of one entity: each name mention scored with all of them as
/// context.
#[derive(Clone, Debug)]
pub struct EntityScores {
    /// Per name mention: its span, normalised main scores and fine probabilities.
    pub scored: Vec<(Span, [f32; 3], Vec<f32>)>,
    /// Main scores averaged over the mentions.
    pub avg: [f32; 3],
    /// Raw main probabilities averaged over the mentions.
    pub raw: [f32; 3],
}

/// The name mentions of entity `ei` of `doc` (in the text), in order.
pub fn name_spans(doc: &Document, ei: usize) -> Vec<Span> {
    doc.entities[ei]
        .mentions
        .iter()
        .filter_map(|&m| doc.mentions.get(m))
        .filter(|m| m.kind == MentionKind::Name && m.span.end <= doc.text.len())
        .map(|m| m.span)
        .collect()
}

/// Scores every name mention of an entity (mentioned at `spans`) with the role model.
pub fn score_entity(model: &RoleModel, ctx: &DocContext, spans: &[Span]) -> EntityScores {
    score_with(model, &model.vectoriser(ctx), spans)
}

/// [`score_entity`] with the article already prepared for the model's vocabulary.
fn score_with(model: &RoleModel, vz: &DocVectoriser, spans: &[Span]) -> EntityScores {
    let ev = vz.entity(spans);
    let mut avg = [0f32; 3];
    let mut raw = [0f32; 3];
    let scored: Vec<(Span, [f32; 3], Vec<f32>)> = spans
        .iter()
        .map(|&s| {
            let x = ev.vector(s);
            let (pm, pf) = model.probabilities(&x);
            let p = decide(&pm, &pf, &model.decision);
            for k in 0..3 {
                avg[k] += p.main_scores[k] / spans.len() as f32;
                raw[k] += pm[k] / spans.len() as f32;
            }
            (s, p.main_scores, pf)
        })
        .collect();
    EntityScores { scored, avg, raw }
}

fn hashed(ns: u64, s: &str) -> u32 {
    (xxh3_64_with_seed(s.as_bytes(), ns) >> 40) as u32
}

/// Lower-cased words of a name.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The gate's inputs for every entity of `doc` that the role stage considers (people,
/// organisations, places and groups named at least once), with the role model's scores
/// of each: `(entity index, inputs, scores)`.
pub fn candidates(
    doc: &Document,
    ctx: &DocContext,
    model: &RoleModel,
) -> Vec<(usize, GateRaw, EntityScores)> {
    let spans: Vec<(usize, Vec<Span>)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.etype != EntityType::Misc)
        .map(|(i, _)| (i, name_spans(doc, i)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let total: usize = spans.iter().map(|s| s.1.len()).sum();
    let n_entities = spans.len();
    let mut counts: Vec<usize> = spans.iter().map(|s| s.1.len()).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let third = counts.get(2).copied().unwrap_or(0);
    let top = counts.first().copied().unwrap_or(0);
    let nsent = ctx.sentences().len().max(1);
    let lang = ctx.language();
    let in_quote = |s: Span| {
        doc.quotes
            .iter()
            .any(|q| q.span.contains(s) || q.content.contains(s))
    };
    let title = doc.title.unwrap_or_default();
    let ln = |x: f32| (1.0 + x).ln() / (1.0f32 + 20.0).ln();
    let vz = model.vectoriser(ctx);
    spans
        .into_iter()
        .map(|(ei, sp)| {
            let e = &doc.entities[ei];
            let sc = score_with(model, &vz, &sp);
            let n = sp.len();
            let mut sents: Vec<usize> =
                sp.iter().filter_map(|s| ctx.sentence_of(s.start)).collect();
            sents.sort_unstable();
            sents.dedup();
            let first = sp.iter().map(|s| s.start).min().unwrap_or(0);
            let speaker = doc
                .quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.entity) == Some(ei))
                .count();
            let others = e.mentions.len().saturating_sub(n);
            let best_main = sc.avg.iter().copied().fold(0f32, f32::max);
            let best_raw = sc.raw.iter().copied().fold(0f32, f32::max);
            let best_fine = sc
                .scored
                .iter()
                .map(|s| s.2.iter().copied().fold(0f32, f32::max))
                .sum::<f32>()
                / n as f32;
            let best_mention = sc
                .scored
                .iter()
                .map(|s| s.1.iter().copied().fold(0f32, f32::max))
                .fold(0f32, f32::max);
            let b = |c: bool| if c { 1.0 } else { 0.0 };
            let dense = vec![
                ln(n as f32),
                b(n == 1),
                b(n == 2),
                b((3..=4).contains(&n)),
                b(n >= 5),
                ln(e.mentions.len() as f32),
                n as f32 / total.max(1) as f32,
                b(n == top),
                b(n >= third),
                first as f32 / doc.text.len().max(1) as f32,
                b(sents.first().is_some_and(|&s| s < 3)),
                b(sp.iter().any(|s| title.contains(*s))),
                sents.len() as f32 / nsent as f32,
                b(e.etype == EntityType::Person),
                b(e.etype == EntityType::Org),
                b(e.etype == EntityType::Loc),
                b(e.etype == EntityType::Group),
                ln(speaker as f32),
                b(speaker > 0),
                b(sp.iter().any(|&s| in_quote(s))),
                (name_words(&e.name).len() as f32 / 4.0).min(1.0),
                sc.avg[0],
                sc.avg[1],
                sc.avg[2],
                best_main,
                best_raw,
                best_fine,
                best_mention,
                ln(n_entities as f32),
                ln(others as f32),
            ];
            debug_assert_eq!(dense.len(), DENSE.len());
            let mut names = Vec::new();
            let lname = e.name.trim().to_lowercase();
            names.push(hashed(1, &lname));
            names.push(hashed(2, &format!("{lang}\u{1}{lname}")));
            for w in name_words(&e.name) {
                names.push(hashed(3, &w));
            }
            names.push(hashed(4, &format!("{lang}\u{1}{:?}", e.etype)));
            names.sort_unstable();
            names.dedup();
            (ei, GateRaw { dense, names }, sc)
        })
        .collect()
}

/// Whether entity `ei` of `doc` is annotated, and with which main role: one of its
/// surface forms (a name mention's text, the canonical name or an alias) is one of
/// `mentions`, the article's annotated mention strings (trimmed) with the main role of
/// their first annotation.
pub fn annotated(doc: &Document, ei: usize, mentions: &HashMap<String, usize>) -> Option<usize> {
    let e = &doc.entities[ei];
    std::iter::once(e.name.as_str())
        .chain(e.aliases.iter().map(String::as_str))
        .chain(name_spans(doc, ei).into_iter().map(|s| s.slice(&doc.text)))
        .find_map(|s| mentions.get(s.trim()).copied())
}

/// One entity the entity stage found in an annotated training article, with
/// out-of-fold role-model scores.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Index into the corpus's documents.
    pub doc: usize,
    /// Index into the document's entities.
    pub entity: usize,
    /// Its document's fold.
    pub fold: usize,
    /// The gate's inputs.
    pub raw: GateRaw,
    /// The gold main role when annotated ([`annotated`]).
    pub gold: Option<usize>,
    /// Name mentions.
    pub named: usize,
    /// Main scores averaged over the mentions.
    pub avg: [f32; 3],
}

impl Candidate {
    /// The best averaged main-role score.
    pub fn best_main(&self) -> f32 {
        self.avg.iter().copied().fold(0f32, f32::max)
    }
}

/// The candidates of every annotated article of `corpus` (`docs[i]`: the pipeline's
/// analysis of `corpus.docs[i]`, entity and quote stages included), scored by role
/// models trained without the article's fold (`k` folds, fold seed `seed`, as
/// [`crate::cv::document_folds`]).
pub fn out_of_fold(
    corpus: &Corpus,
    docs: &[Option<Document>],
    raws: &[Raw],
    cfg: &TrainConfig,
    k: usize,
    seed: u64,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<Candidate>, RoleError> {
    let dfold = document_folds(corpus, k, seed);
    let labs: Vec<_> = corpus
        .examples
        .iter()
        .map(|e| labels(&e.row))
        .collect::<Result<_, _>>()?;
    let mut gold: Vec<HashMap<String, usize>> = vec![HashMap::new(); corpus.docs.len()];
    for (e, l) in corpus.examples.iter().zip(&labs) {
        gold[e.doc]
            .entry(e.row.mention.trim().to_string())
            .or_insert(l.0);
    }
    let mut out = Vec::new();
    for f in 0..k {
        let tr: Vec<usize> = (0..corpus.examples.len())
            .filter(|&i| dfold[corpus.examples[i].doc] != f)
            .collect();
        let refs: Vec<&Raw> = tr.iter().map(|&i| &raws[i]).collect();
        let l: Vec<_> = tr.iter().map(|&i| labs[i].clone()).collect();
        let model = train_raw(&refs, &l, vec![], cfg, &mut |m| {
            progress(&format!("gate fold {}/{k}: {m}", f + 1))
        })?;
        for (di, doc) in docs.iter().enumerate() {
            let Some(doc) = doc.as_ref().filter(|_| dfold[di] == f) else {
                continue;
            };
            let ctx = DocContext::new(&doc.text, &doc.sentences);
            for (ei, raw, sc) in candidates(doc, &ctx, &model) {
                out.push(Candidate {
                    doc: di,
                    entity: ei,
                    fold: f,
                    named: sc.scored.len(),
                    avg: sc.avg,
                    raw,
                    gold: annotated(doc, ei, &gold[di]),
                });
            }
        }
    }
    Ok(out)
}

/// Trains the gate shipped with a role model: on every candidate of the annotated
/// articles (see [`out_of_fold`]; the role-model scores are out of fold, as they will
/// be on new articles).
pub fn train_gate(
    corpus: &Corpus,
    docs: &[Option<Document>],
    raws: &[Raw],
    cfg: &TrainConfig,
    gcfg: &GateConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<Gate, RoleError> {
    let cands = out_of_fold(
        corpus,
        docs,
        raws,
        cfg,
        gcfg.folds,
        gcfg.fold_seed,
        progress,
    )?;
    if cands.is_empty() {
        return Err(RoleError::Training(
            "no entities found in the annotated articles".into(),
        ));
    }
    let rows: Vec<&GateRaw> = cands.iter().map(|c| &c.raw).collect();
    let ys: Vec<bool> = cands.iter().map(|c| c.gold.is_some()).collect();
    Ok(Gate::train(&rows, &ys, gcfg))
}

/// Out-of-fold gate probabilities of `cands` (a gate trained on the other folds).
pub fn cross_validate(cands: &[Candidate], k: usize, cfg: &GateConfig) -> Vec<f32> {
    let mut prob = vec![0f32; cands.len()];
    for f in 0..k {
        let tr: Vec<&Candidate> = cands.iter().filter(|c| c.fold != f).collect();
        let rows: Vec<&GateRaw> = tr.iter().map(|c| &c.raw).collect();
        let ys: Vec<bool> = tr.iter().map(|c| c.gold.is_some()).collect();
        let gate = Gate::train(&rows, &ys, cfg);
        for (i, c) in cands.iter().enumerate() {
            if c.fold == f {
                prob[i] = gate.probability(&c.raw);
            }
        }
    }
    prob
}

/// Precision, recall and F1 of emitting a role for the candidates where `emit` is
/// true, against "annotated"; and the number emitted.
pub fn precision_recall<'a>(it: impl Iterator<Item = (&'a Candidate, bool)>) -> [f64; 4] {
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (c, e) in it {
        match (c.gold.is_some(), e) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fn_ += 1.0,
            _ => {}
        }
    }
    let p = tp / (tp + fp).max(1.0);
    let r = tp / (tp + fn_).max(1.0);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    [p, r, f, tp + fp]
}

/// L2-regularised logistic regression by full-batch gradient descent with Nesterov
/// momentum (deterministic; step 1/L from the largest squared row norm): the bias and
/// the weights.
fn fit_logistic(xs: &[SparseVec], ys: &[bool], dims: usize, cfg: &GateConfig) -> (f32, Vec<f32>) {
    let n = xs.len().max(1) as f64;
    let max_sq = xs
        .iter()
        .map(|x| 1.0 + x.val.iter().map(|v| (v * v) as f64).sum::<f64>())
        .fold(1.0f64, f64::max);
    let step = 1.0 / (0.25 * max_sq + cfg.l2 as f64);
    let pos = ys.iter().filter(|&&y| y).count() as f64;
    let q = (pos + 0.5) / (n + 1.0);
    // Parameters: bias first, then weights.
    let mut theta = vec![0f64; dims + 1];
    theta[0] = (q / (1.0 - q)).ln();
    let mut prev = theta.clone();
    let mut look = theta.clone();
    let mut grad = vec![0f64; dims + 1];
    for it in 0..cfg.iterations {
        let mom = it as f64 / (it as f64 + 3.0);
        for j in 0..=dims {
            look[j] = theta[j] + mom * (theta[j] - prev[j]);
        }
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (x, &y) in xs.iter().zip(ys) {
            let mut z = look[0];
            for (&c, &v) in x.idx.iter().zip(&x.val) {
                z += v as f64 * look[c as usize + 1];
            }
            let g = 1.0 / (1.0 + (-z).exp()) - if y { 1.0 } else { 0.0 };
            grad[0] += g;
            for (&c, &v) in x.idx.iter().zip(&x.val) {
                grad[c as usize + 1] += g * v as f64;
            }
        }
        prev.copy_from_slice(&theta);
        for j in 0..=dims {
            let reg = if j == 0 { 0.0 } else { cfg.l2 as f64 * look[j] };
            theta[j] = look[j] - step * (grad[j] / n + reg);
        }
    }
    (
        theta[0] as f32,
        theta[1..].iter().map(|&w| w as f32).collect(),
    )
}

impl Gate {
    /// Trains on entities' inputs and whether each is annotated.
    pub fn train(rows: &[&GateRaw], labels: &[bool], cfg: &GateConfig) -> Gate {
        let mut df: BTreeMap<u32, u32> = BTreeMap::new();
        if cfg.name_weight > 0.0 {
            for r in rows {
                for &id in &r.names {
                    *df.entry(id).or_default() += 1;
                }
            }
        }
        let ids: Vec<u32> = df
            .into_iter()
            .filter(|&(_, c)| c >= cfg.name_min_df)
            .map(|(id, _)| id)
            .collect();
        let mut gate = Gate {
            config: cfg.clone(),
            dense_names: DENSE.iter().map(|s| s.to_string()).collect(),
            bias: 0.0,
            dense: vec![0.0; DENSE.len()],
            names: ids.iter().map(|&id| (id, 0.0)).collect(),
        };
        let xs: Vec<SparseVec> = rows.iter().map(|r| gate.vector(r)).collect();
        let (b, w) = fit_logistic(&xs, labels, DENSE.len() + ids.len(), cfg);
        gate.bias = b;
        gate.dense = w[..DENSE.len()].to_vec();
        for (i, n) in gate.names.iter_mut().enumerate() {
            n.1 = w[DENSE.len() + i];
        }
        gate
    }

    fn vector(&self, r: &GateRaw) -> SparseVec {
        let mut x = SparseVec::default();
        for (i, &v) in r.dense.iter().enumerate() {
            if v != 0.0 {
                x.idx.push(i as u32);
                x.val.push(v);
            }
        }
        let mut cols: Vec<u32> = r
            .names
            .iter()
            .filter_map(|id| self.names.binary_search_by_key(id, |n| n.0).ok())
            .map(|c| (DENSE.len() + c) as u32)
            .collect();
        cols.sort_unstable();
        let v = self.config.name_weight / (cols.len().max(1) as f32).sqrt();
        for c in cols {
            x.idx.push(c);
            x.val.push(v);
        }
        x
    }

    /// The probability that an entity with these inputs has a role.
    pub fn probability(&self, r: &GateRaw) -> f32 {
        let x = self.vector(r);
        let mut z = self.bias;
        for (&c, &v) in x.idx.iter().zip(&x.val) {
            let c = c as usize;
            z += v * if c < DENSE.len() {
                self.dense[c]
            } else {
                self.names[c - DENSE.len()].1
            };
        }
        sigmoid(z)
    }

    /// Whether an entity with these inputs gets a role.
    pub fn passes(&self, r: &GateRaw) -> bool {
        self.probability(r) >= self.config.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(named: usize, title: bool, name: u32) -> GateRaw {
        let mut dense = vec![0f32; DENSE.len()];
        dense[0] = ((1.0 + named as f32).ln() / 21f32.ln()).min(1.0);
        dense[1] = (named == 1) as u8 as f32;
        dense[11] = title as u8 as f32;
        GateRaw {
            dense,
            names: vec![name],
        }
    }

    #[test]
    fn gate_learns_that_central_entities_are_cast_and_round_trips_names() {
        // Entities named often or in the title are annotated; one-time names are not.
        let mut rows = Vec::new();
        let mut ys = Vec::new();
        for i in 0..200u32 {
            let named = 1 + (i % 7) as usize;
            let title = i % 5 == 0;
            rows.push(row(named, title, 1000 + i % 3));
            ys.push(named >= 4 || title);
        }
        let refs: Vec<&GateRaw> = rows.iter().collect();
        let cfg = GateConfig {
            threshold: 0.5,
            ..GateConfig::default()
        };
        let gate = Gate::train(&refs, &ys, &cfg);
        assert_eq!(gate.dense.len(), DENSE.len());
        // Name ids seen at least twice are kept, sorted.
        assert_eq!(
            gate.names.iter().map(|n| n.0).collect::<Vec<_>>(),
            [1000, 1001, 1002]
        );
        let central = row(6, true, 1000);
        let passing = row(1, false, 1000);
        assert!(
            gate.probability(&central) > 0.8,
            "{}",
            gate.probability(&central)
        );
        assert!(
            gate.probability(&passing) < 0.2,
            "{}",
            gate.probability(&passing)
        );
        assert!(gate.passes(&central) && !gate.passes(&passing));
        // Training is deterministic.
        assert_eq!(gate, Gate::train(&refs, &ys, &cfg));
    }

    #[test]
    fn precision_and_recall_count_annotated_entities() {
        let cand = |gold: bool| Candidate {
            doc: 0,
            entity: 0,
            fold: 0,
            raw: GateRaw::default(),
            gold: gold.then_some(1),
            named: 1,
            avg: [0.2, 0.5, 0.3],
        };
        let cands = [cand(true), cand(true), cand(false), cand(false)];
        let emit = [true, false, true, false];
        let p = precision_recall(cands.iter().zip(emit));
        assert_eq!(p, [0.5, 0.5, 0.5, 2.0]);
        assert_eq!(cands[0].best_main(), 0.5);
    }
}
