//! Scoring attributions: span counts per role, who-said-what pairs, reports.

use std::collections::HashSet;

use narrascope_core::Span;
use serde::Serialize;

use super::{BratDoc, GoldAttribution};

/// Counts for one role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted spans.
    pub pred: usize,
    /// Gold spans.
    pub gold: usize,
    /// Exact matches.
    pub exact: usize,
    /// Predicted spans overlapping some gold span.
    pub pred_overlapping: usize,
    /// Gold spans overlapped by some predicted span.
    pub gold_overlapped: usize,
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

fn prf(hit_p: usize, pred: usize, hit_r: usize, gold: usize) -> Prf {
    let p = if pred == 0 {
        0.0
    } else {
        hit_p as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit_r as f64 / gold as f64
    };
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Prf { p, r, f1 }
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.pred += o.pred;
        self.gold += o.gold;
        self.exact += o.exact;
        self.pred_overlapping += o.pred_overlapping;
        self.gold_overlapped += o.gold_overlapped;
    }

    /// Exact-match scores.
    pub fn exact(&self) -> Prf {
        prf(self.exact, self.pred, self.exact, self.gold)
    }

    /// Overlap scores.
    pub fn overlap(&self) -> Prf {
        prf(
            self.pred_overlapping,
            self.pred,
            self.gold_overlapped,
            self.gold,
        )
    }
}

/// Scores predicted against gold spans of one role in one document (duplicates in
/// either list count once).
pub fn count(pred: &[Span], gold: &[Span]) -> Counts {
    let p: HashSet<Span> = pred.iter().copied().filter(|s| !s.is_empty()).collect();
    let g: HashSet<Span> = gold.iter().copied().filter(|s| !s.is_empty()).collect();
    Counts {
        pred: p.len(),
        gold: g.len(),
        exact: p.intersection(&g).count(),
        pred_overlapping: p
            .iter()
            .filter(|s| g.iter().any(|x| x.overlaps(**s)))
            .count(),
        gold_overlapped: g
            .iter()
            .filter(|s| p.iter().any(|x| x.overlaps(**s)))
            .count(),
    }
}

/// The (source, content piece) pairs of attributions: who said what, both spans.
fn pairs(atts: &[GoldAttribution]) -> HashSet<(Span, Span)> {
    atts.iter()
        .flat_map(|a| {
            a.source
                .iter()
                .flat_map(move |&s| a.content.iter().map(move |&c| (s, c)))
        })
        .filter(|(s, c)| !s.is_empty() && !c.is_empty())
        .collect()
}

/// Scores who-said-what pairs of one document: a predicted pair is right when a gold
/// attribution has the same source span and the same content span (exact), or a
/// source and a content overlapping them (overlap).
pub fn count_pairs(pred: &[GoldAttribution], gold: &[GoldAttribution]) -> Counts {
    let p = pairs(pred);
    let g = pairs(gold);
    let near = |a: &(Span, Span), b: &(Span, Span)| a.0.overlaps(b.0) && a.1.overlaps(b.1);
    Counts {
        pred: p.len(),
        gold: g.len(),
        exact: p.intersection(&g).count(),
        pred_overlapping: p.iter().filter(|x| g.iter().any(|y| near(x, y))).count(),
        gold_overlapped: g.iter().filter(|y| p.iter().any(|x| near(x, y))).count(),
    }
}

/// Whether a content span is a direct quote: it opens with a double quotation mark.
pub fn is_direct(text: &str, content: &[Span]) -> bool {
    content
        .first()
        .and_then(|s| text.get(s.start..s.end))
        .is_some_and(|t| t.trim_start().starts_with(['“', '"', '«', '„']))
}

/// Counts per role for one document, for all attributions and the direct subset.
pub fn score_doc(
    text: &str,
    gold: &[GoldAttribution],
    pred: &[GoldAttribution],
) -> ([Counts; 3], [Counts; 3]) {
    let mut all = [Counts::default(); 3];
    let mut direct = [Counts::default(); 3];
    for r in 0..3 {
        let g: Vec<Span> = gold.iter().flat_map(|a| a.role(r).to_vec()).collect();
        let p: Vec<Span> = pred.iter().flat_map(|a| a.role(r).to_vec()).collect();
        all[r] = count(&p, &g);
        let gd: Vec<Span> = gold
            .iter()
            .filter(|a| is_direct(text, &a.content))
            .flat_map(|a| a.role(r).to_vec())
            .collect();
        let pd: Vec<Span> = pred
            .iter()
            .filter(|a| is_direct(text, &a.content))
            .flat_map(|a| a.role(r).to_vec())
            .collect();
        direct[r] = count(&pd, &gd);
    }
    (all, direct)
}

/// One role's scores in a report.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct RoleScore {
    /// Exact match.
    pub exact: Prf,
    /// Overlap.
    pub overlap: Prf,
    /// Gold span count.
    pub gold: usize,
    /// Predicted span count.
    pub pred: usize,
}

/// Scores of one run (one split or one fold).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Documents scored.
    pub docs: usize,
    /// Source, cue, content over all attributions.
    pub all: [RoleScore; 3],
    /// Source, cue, content over direct quotes.
    pub direct: [RoleScore; 3],
    /// Who said what: (source, content) pairs, both spans right together.
    pub pairs: RoleScore,
}

fn role_scores(c: &[Counts; 3]) -> [RoleScore; 3] {
    let mut out = [RoleScore::default(); 3];
    for r in 0..3 {
        out[r] = RoleScore {
            exact: c[r].exact(),
            overlap: c[r].overlap(),
            gold: c[r].gold,
            pred: c[r].pred,
        };
    }
    out
}

/// Runs `predict` on every document and scores it.
pub fn evaluate(docs: &[BratDoc], predict: impl Fn(&str) -> Vec<GoldAttribution> + Sync) -> Report {
    let mut all = [Counts::default(); 3];
    let mut direct = [Counts::default(); 3];
    let mut pair = Counts::default();
    for d in docs {
        let pred = predict(&d.text);
        let (a, b) = score_doc(&d.text, &d.attributions, &pred);
        for r in 0..3 {
            all[r].add(&a[r]);
            direct[r].add(&b[r]);
        }
        pair.add(&count_pairs(&pred, &d.attributions));
    }
    Report {
        docs: docs.len(),
        all: role_scores(&all),
        direct: role_scores(&direct),
        pairs: RoleScore {
            exact: pair.exact(),
            overlap: pair.overlap(),
            gold: pair.gold,
            pred: pair.pred,
        },
    }
}
