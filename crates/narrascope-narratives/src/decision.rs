//! From calibrated label probabilities to a label set consistent with the hierarchy,
//! and the tuning of the thresholds that decision uses.
//!
//! The decision is a cascade: a domain gate (URW, CC, or neither → `"Other"`), then
//! the narratives of that domain whose probability passes their threshold (at least the
//! best one), then their sub-narratives (at least the best one under each chosen
//! narrative, possibly its `": Other"`). A sub-narrative that passes its own threshold
//! brings its narrative in. Thresholds are tuned on out-of-fold probabilities of the
//! training documents only.

use serde::{Deserialize, Serialize};

use crate::taxonomy::{Domain, Taxonomy};

/// Layout of the model's outputs: `[URW, CC, any narrative, narratives…,
/// sub-narratives…]`. The gate reads the "any narrative" output (trained on every
/// document, so it sees more positives than either domain alone); the domain is the
/// likelier of the two domain outputs.
pub const DOMAINS: usize = 3;
/// Output index of the "any narrative" gate.
pub const GATE: usize = 2;

/// Output index of narrative `n`.
pub fn narrative_out(n: usize) -> usize {
    DOMAINS + n
}

/// Output index of sub-narrative `s`.
pub fn sub_out(s: usize) -> usize {
    DOMAINS + Taxonomy::get().narratives.len() + s
}

/// Number of outputs.
pub fn outputs() -> usize {
    let t = Taxonomy::get();
    DOMAINS + t.narratives.len() + t.subnarratives.len()
}

/// Output indices of a document's gold labels.
pub fn targets(narratives: &[String], subnarratives: &[String]) -> Vec<usize> {
    let t = Taxonomy::get();
    let mut out = Vec::new();
    for l in narratives.iter().chain(subnarratives) {
        if let Some(d) = Domain::of_label(l) {
            out.push(Domain::ALL.iter().position(|&x| x == d).unwrap_or(0));
            out.push(GATE);
        }
    }
    out.extend(
        narratives
            .iter()
            .filter_map(|l| t.narrative(l))
            .map(narrative_out),
    );
    out.extend(
        subnarratives
            .iter()
            .filter_map(|l| t.subnarrative(l))
            .map(sub_out),
    );
    out.sort_unstable();
    out.dedup();
    out
}

/// Thresholds of the cascade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Minimum probability of the "any narrative" gate.
    pub domain: f32,
    /// Per narrative.
    pub narrative: Vec<f32>,
    /// Per sub-narrative.
    pub sub: Vec<f32>,
    /// A narrative must also reach this fraction of the best narrative's probability.
    #[serde(default)]
    pub narrative_ratio: f32,
    /// A sub-narrative must also reach this fraction of the best sub-narrative's
    /// probability.
    #[serde(default)]
    pub sub_ratio: f32,
    /// The gate also opens when the likelier domain's best narrative reaches this
    /// probability (above 1: never). A document can be plainly about one narrative while
    /// the "any narrative" output, trained on every document, stays unsure.
    #[serde(default = "never", skip_serializing_if = "is_never")]
    pub open_best: f32,
}

fn never() -> f32 {
    NEVER
}

// Models trained without the knob keep their header byte for byte.
fn is_never(x: &f32) -> bool {
    *x >= 1.0
}

/// A threshold no probability reaches.
const NEVER: f32 = 1.5;

impl Thresholds {
    /// The same thresholds for every label of a level.
    pub fn global(domain: f32, narrative: f32, sub: f32) -> Thresholds {
        let t = Taxonomy::get();
        Thresholds {
            domain,
            narrative: vec![narrative; t.narratives.len()],
            sub: vec![sub; t.subnarratives.len()],
            narrative_ratio: 0.0,
            sub_ratio: 0.0,
            open_best: NEVER,
        }
    }
}

/// A decided label set: narrative and sub-narrative indices (both empty = `"Other"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    /// Chosen narratives.
    pub narratives: Vec<usize>,
    /// Chosen sub-narratives.
    pub subnarratives: Vec<usize>,
}

/// Applies the cascade to one document's probabilities.
pub fn decide(p: &[f32], th: &Thresholds) -> Decision {
    let t = Taxonomy::get();
    let d = if p[1] > p[0] { 1 } else { 0 };
    let domain = Domain::ALL[d];
    let best_n = (0..t.narratives.len())
        .filter(|&n| t.narratives[n].domain == domain)
        .map(|n| p[narrative_out(n)])
        .fold(0.0f32, f32::max);
    if p[GATE] < th.domain && best_n < th.open_best {
        return Decision::default();
    }
    let best_s = (0..t.subnarratives.len())
        .filter(|&s| t.subnarratives[s].domain == domain)
        .map(|s| p[sub_out(s)])
        .fold(0.0f32, f32::max);
    let mut narr: Vec<usize> = (0..t.narratives.len())
        .filter(|&n| {
            let q = p[narrative_out(n)];
            t.narratives[n].domain == domain
                && q >= th.narrative[n]
                && q >= th.narrative_ratio * best_n
        })
        .collect();
    let mut subs: Vec<usize> = (0..t.subnarratives.len())
        .filter(|&s| {
            let q = p[sub_out(s)];
            t.subnarratives[s].domain == domain && q >= th.sub[s] && q >= th.sub_ratio * best_s
        })
        .collect();
    for &s in &subs {
        let parent = t.subnarratives[s].parent.unwrap_or(0);
        if !narr.contains(&parent) {
            narr.push(parent);
        }
    }
    if narr.is_empty() {
        let best = (0..t.narratives.len())
            .filter(|&n| t.narratives[n].domain == domain)
            .max_by(|&a, &b| p[narrative_out(a)].total_cmp(&p[narrative_out(b)]));
        narr.extend(best);
    }
    for &n in &narr {
        if !subs.iter().any(|&s| t.subnarratives[s].parent == Some(n)) {
            let best = (0..t.subnarratives.len())
                .filter(|&s| t.subnarratives[s].parent == Some(n))
                .max_by(|&a, &b| p[sub_out(a)].total_cmp(&p[sub_out(b)]));
            subs.extend(best);
        }
    }
    narr.sort_unstable();
    subs.sort_unstable();
    Decision {
        narratives: narr,
        subnarratives: subs,
    }
}

/// Gold labels as index sets for fast scoring during tuning.
#[derive(Clone, Debug)]
pub struct GoldSets {
    /// Narrative indices (empty = `"Other"`).
    pub narratives: Vec<usize>,
    /// Sub-narrative indices, official-or-not (empty = `"Other"`).
    pub subnarratives: Vec<usize>,
}

impl GoldSets {
    /// From label names.
    pub fn new(narratives: &[String], subnarratives: &[String]) -> GoldSets {
        let t = Taxonomy::get();
        let mut n: Vec<usize> = narratives.iter().filter_map(|l| t.narrative(l)).collect();
        let mut s: Vec<usize> = subnarratives
            .iter()
            .filter_map(|l| t.subnarrative(l))
            .collect();
        n.sort_unstable();
        n.dedup();
        s.sort_unstable();
        s.dedup();
        GoldSets {
            narratives: n,
            subnarratives: s,
        }
    }
}

fn set_f1(gold: &[usize], pred: &[usize]) -> f64 {
    // Both sorted and deduplicated; empty means "Other", a class of its own.
    match (gold.is_empty(), pred.is_empty()) {
        (true, true) => return 1.0,
        (true, false) | (false, true) => return 0.0,
        _ => {}
    }
    let (mut i, mut j, mut tp) = (0, 0, 0usize);
    while i < gold.len() && j < pred.len() {
        match gold[i].cmp(&pred[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * tp as f64 / (gold.len() + pred.len()) as f64
}

/// Mean coarse and fine F1-samples of the cascade over documents (all 96 labels).
pub fn evaluate(probs: &[Vec<f32>], gold: &[GoldSets], th: &Thresholds) -> (f64, f64) {
    let (mut c, mut f) = (0.0, 0.0);
    for (p, g) in probs.iter().zip(gold) {
        let d = decide(p, th);
        c += set_f1(&g.narratives, &d.narratives);
        f += set_f1(&g.subnarratives, &d.subnarratives);
    }
    let n = probs.len().max(1) as f64;
    (c / n, f / n)
}

const GRID: [f32; 15] = [
    0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
];

/// Tunes global thresholds (one per level) maximising coarse + fine F1-samples; with
/// `per_label`, then refines each label with enough positives by coordinate ascent,
/// keeping a change only when it gains more than a small margin (few positives make
/// per-label thresholds noisy).
pub fn tune(
    probs: &[Vec<f32>],
    gold: &[GoldSets],
    per_label: bool,
    coarse_weight: f64,
    open_best: bool,
) -> Thresholds {
    let objective = |th: &Thresholds| {
        let (c, f) = evaluate(probs, gold, th);
        coarse_weight * c + f
    };
    let mut best = Thresholds::global(0.5, 0.5, 0.5);
    let mut best_v = f64::MIN;
    for &d in &GRID {
        for &n in &GRID {
            let th = Thresholds::global(d, n, 0.5);
            let v = objective(&th);
            if v > best_v + 1e-12 {
                best_v = v;
                best = th;
            }
        }
    }
    // Then coordinate ascent over the five global knobs, two rounds.
    const RATIOS: [f32; 6] = [0.0, 0.3, 0.5, 0.6, 0.7, 0.85];
    let opens: Vec<f32> = GRID.iter().copied().chain([NEVER]).collect();
    let knobs = if open_best { 6 } else { 5 };
    for _ in 0..2 {
        for knob in 0..knobs {
            let grid: &[f32] = match knob {
                0..=2 => &GRID,
                5 => &opens,
                _ => &RATIOS,
            };
            for &x in grid {
                let mut th = best.clone();
                match knob {
                    0 => th.domain = x,
                    1 => th.narrative.iter_mut().for_each(|v| *v = x),
                    2 => th.sub.iter_mut().for_each(|v| *v = x),
                    3 => th.narrative_ratio = x,
                    4 => th.sub_ratio = x,
                    _ => th.open_best = x,
                }
                let v = objective(&th);
                if v > best_v + 1e-12 {
                    best_v = v;
                    best = th;
                }
            }
        }
    }
    if !per_label {
        return best;
    }
    let t = Taxonomy::get();
    let min_margin = 0.5 / probs.len().max(1) as f64;
    let count = |f: &dyn Fn(&GoldSets) -> bool| gold.iter().filter(|g| f(g)).count();
    for n in 0..t.narratives.len() {
        if count(&|g| g.narratives.contains(&n)) < 8 {
            continue;
        }
        for &x in &GRID {
            let mut th = best.clone();
            th.narrative[n] = x;
            let v = objective(&th);
            if v > best_v + min_margin {
                best_v = v;
                best = th;
            }
        }
    }
    for s in 0..t.subnarratives.len() {
        if count(&|g| g.subnarratives.contains(&s)) < 8 {
            continue;
        }
        for &x in &GRID {
            let mut th = best.clone();
            th.sub[s] = x;
            let v = objective(&th);
            if v > best_v + min_margin {
                best_v = v;
                best = th;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probs_with(pairs: &[(usize, f32)]) -> Vec<f32> {
        let mut p = vec![0.0; outputs()];
        for &(i, v) in pairs {
            p[i] = v;
        }
        p
    }

    #[test]
    fn gate_closed_means_other() {
        let p = probs_with(&[(0, 0.2), (1, 0.1), (GATE, 0.3)]);
        assert_eq!(
            decide(&p, &Thresholds::global(0.5, 0.5, 0.5)),
            Decision::default()
        );
    }

    #[test]
    fn a_confident_narrative_opens_the_gate_only_when_asked() {
        let t = Taxonomy::get();
        let n = t.narrative("CC: Criticism of climate policies").unwrap();
        let p = probs_with(&[(1, 0.9), (GATE, 0.3), (narrative_out(n), 0.8)]);
        let mut th = Thresholds::global(0.5, 0.5, 0.5);
        assert_eq!(decide(&p, &th), Decision::default());
        th.open_best = 0.7;
        assert_eq!(decide(&p, &th).narratives, vec![n]);
        th.open_best = 0.9;
        assert_eq!(decide(&p, &th), Decision::default());
    }

    #[test]
    fn cascade_is_consistent_with_the_hierarchy() {
        let t = Taxonomy::get();
        let n = t.narrative("CC: Criticism of climate policies").unwrap();
        let s = t
            .subnarrative("CC: Downplaying climate change: Climate cycles are natural")
            .unwrap();
        // CC gate open, one narrative passes, and a sub-narrative of another narrative
        // passes on its own: both narratives are chosen, each with a sub-narrative.
        let p = probs_with(&[
            (1, 0.9),
            (GATE, 0.9),
            (narrative_out(n), 0.7),
            (sub_out(s), 0.8),
        ]);
        let d = decide(&p, &Thresholds::global(0.5, 0.5, 0.5));
        assert_eq!(d.narratives.len(), 2);
        for &sub in &d.subnarratives {
            assert!(d.narratives.contains(&t.subnarratives[sub].parent.unwrap()));
        }
        for &nn in &d.narratives {
            assert!(d
                .subnarratives
                .iter()
                .any(|&x| t.subnarratives[x].parent == Some(nn)));
            assert_eq!(t.narratives[nn].domain, Domain::Cc);
        }
    }
}
