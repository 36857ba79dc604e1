//! Entity-level exact-match precision, recall and F1, as CoNLL's `conlleval` computes them:
//! a predicted entity counts only if its first token, last token and class all match a
//! gold entity.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::tags::{spans, NerClass, Tag, TagSpan};

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted entities that match a gold one exactly.
    pub tp: usize,
    /// Predicted entities that match none.
    pub fp: usize,
    /// Gold entities no prediction matches.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `tp / (tp + fn)`, 0 when there is no gold entity.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores over a data set: overall and per class.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NerScores {
    /// All kept classes together (micro-averaged).
    pub overall: Counts,
    /// Per class label (`PER`, `ORG`, …).
    pub per_class: BTreeMap<&'static str, Counts>,
    /// Spans alone: a predicted entity counts when its first and last token match a gold
    /// entity of any kept class. The distance from `overall` is what the tagger loses on
    /// the class alone (on Universal NER mostly places acting as organisations,
    /// "China said …", which that set tags ORG and CoNLL tags LOC).
    pub untyped: Counts,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
}

impl NerScores {
    /// Adds one sentence. Entities of classes outside `keep` (in gold or prediction) are
    /// ignored, so a MISC prediction costs nothing on a data set without MISC.
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag], keep: &[NerClass]) {
        self.sentences += 1;
        self.tokens += gold.len();
        let g: Vec<_> = spans(gold)
            .into_iter()
            .filter(|s| keep.contains(&s.class))
            .collect();
        let p: Vec<_> = spans(pred)
            .into_iter()
            .filter(|s| keep.contains(&s.class))
            .collect();
        for c in keep {
            self.per_class.entry(c.label()).or_default();
        }
        for s in &p {
            let c = self.per_class.entry(s.class.label()).or_default();
            if g.contains(s) {
                c.tp += 1;
                self.overall.tp += 1;
            } else {
                c.fp += 1;
                self.overall.fp += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.per_class.entry(s.class.label()).or_default().fn_ += 1;
                self.overall.fn_ += 1;
            }
        }
        let same_span = |a: &TagSpan, b: &TagSpan| a.start == b.start && a.end == b.end;
        let found = p
            .iter()
            .filter(|s| g.iter().any(|x| same_span(s, x)))
            .count();
        let recalled = g
            .iter()
            .filter(|s| p.iter().any(|x| same_span(s, x)))
            .count();
        self.untyped.tp += found;
        self.untyped.fp += p.len() - found;
        self.untyped.fn_ += g.len() - recalled;
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "  {name:<8} P {:6.2}  R {:6.2}  F1 {:6.2}   (tp {} fp {} fn {})",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        row(f, "overall", &self.overall)?;
        for (k, c) in &self.per_class {
            row(f, k, c)?;
        }
        row(f, "untyped", &self.untyped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    fn tags(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn hand_computed_example() {
        // Gold: [Alexander Lukashenko]PER met [EU]ORG officials in [Minsk]LOC
        // Pred: [Alexander]PER [Lukashenko]PER met [EU]ORG officials in [Minsk]LOC
        //   → EU and Minsk right; both PER predictions wrong (boundaries); gold PER missed.
        let gold = tags("B-PER I-PER O B-ORG O O B-LOC");
        let pred = tags("B-PER B-PER O B-ORG O O B-LOC");
        let mut s = NerScores::default();
        s.add(&gold, &pred, &NerClass::ALL);
        assert_eq!(s.overall, counts(2, 2, 1));
        // P = 2/4, R = 2/3, F1 = 2·(1/2)(2/3)/(1/2 + 2/3) = 4/7.
        assert!((s.overall.precision() - 0.5).abs() < 1e-12);
        assert!((s.overall.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.overall.f1() - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(s.per_class["PER"], counts(0, 2, 1));
        assert_eq!(s.per_class["LOC"], counts(1, 0, 0));
    }

    #[test]
    fn wrong_class_is_a_false_positive_and_a_miss() {
        let mut s = NerScores::default();
        s.add(&tags("B-LOC I-LOC"), &tags("B-ORG I-ORG"), &NerClass::ALL);
        assert_eq!(s.overall, counts(0, 1, 1));
        assert_eq!(s.overall.f1(), 0.0);
        // The span alone is right: the untyped score counts it.
        assert_eq!(s.untyped, counts(1, 0, 0));
    }

    #[test]
    fn untyped_scores_spans_whatever_their_class() {
        // Gold: [Russia]LOC said … [Kyiv]LOC [Moscow State]ORG
        // Pred: [Russia]ORG said … [Kyiv Moscow]LOC [State]ORG
        //   → Russia: right span, wrong class; the rest: wrong spans.
        let gold = tags("B-LOC O B-LOC B-ORG I-ORG");
        let pred = tags("B-ORG O B-LOC I-LOC B-ORG");
        let mut s = NerScores::default();
        s.add(&gold, &pred, &NerClass::ALL);
        assert_eq!(s.overall, counts(0, 3, 3));
        assert_eq!(s.untyped, counts(1, 2, 2));
    }

    #[test]
    fn dropped_classes_cost_nothing() {
        // UNER has no MISC: a MISC prediction is ignored, a correct PER still counts.
        let keep = [NerClass::Per, NerClass::Org, NerClass::Loc];
        let mut s = NerScores::default();
        s.add(&tags("O B-PER"), &tags("B-MISC B-PER"), &keep);
        assert_eq!(s.overall, counts(1, 0, 0));
        assert!(!s.per_class.contains_key("MISC"));
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
