//! The subtask-1 measures, with gold and predicted rows paired by
//! `(article id, mention, start, end)` (the organisers' script pairs them by row order).
//!
//! * **Exact-match ratio** (the official measure): the share of gold mentions whose
//!   predicted fine-role *set* equals the gold set (order and repeats do not matter).
//! * **Main-role accuracy**: the share of gold mentions whose predicted main role is the
//!   gold one.
//! * Micro precision, recall and F1 over (mention, fine role) pairs.
//!
//! A gold mention without a prediction counts as wrong on every measure.

use std::collections::{BTreeSet, HashMap};

use crate::semeval::Row;

/// Scores of a prediction file against gold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// Gold mentions scored.
    pub mentions: usize,
    /// Exact-match ratio of fine-role sets.
    pub exact_match: f64,
    /// Main-role accuracy.
    pub main_accuracy: f64,
    /// Macro F1 over the main roles present in gold or prediction (how balanced the
    /// main-role errors are: predicting only the majority role scores low).
    pub main_macro_f1: f64,
    /// Micro precision over (mention, fine role) pairs.
    pub micro_precision: f64,
    /// Micro recall over (mention, fine role) pairs.
    pub micro_recall: f64,
    /// Micro F1 over (mention, fine role) pairs.
    pub micro_f1: f64,
    /// Gold keys without a prediction.
    pub missing: usize,
    /// Predicted keys not in gold (ignored in the scores).
    pub extra: usize,
}

fn fine_set(r: &Row) -> BTreeSet<&str> {
    r.fine.iter().map(|s| s.trim()).collect()
}

/// Scores `pred` against `gold`. When a key repeats, the first prediction row with it
/// is used for each of the gold rows with it.
pub fn score(gold: &[Row], pred: &[Row]) -> Scores {
    let mut by_key: HashMap<(String, String, usize, usize), &Row> = HashMap::new();
    for p in pred {
        by_key.entry(p.key()).or_insert(p);
    }
    let gold_keys: std::collections::HashSet<_> = gold.iter().map(Row::key).collect();
    let extra = by_key.keys().filter(|k| !gold_keys.contains(*k)).count();
    let (mut exact, mut main, mut tp, mut npred, mut ngold, mut missing) = (0, 0, 0, 0, 0, 0);
    // Per main role: (gold, predicted, both).
    let mut per_main: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for g in gold {
        let gs = fine_set(g);
        ngold += gs.len();
        let Some(p) = by_key.get(&g.key()) else {
            missing += 1;
            continue;
        };
        let ps = fine_set(p);
        npred += ps.len();
        tp += gs.intersection(&ps).count();
        if gs == ps {
            exact += 1;
        }
        if g.main.is_some() && p.main.as_deref().map(str::trim) == g.main.as_deref().map(str::trim)
        {
            main += 1;
        }
        if let Some(gm) = g.main.as_deref().map(str::trim) {
            per_main.entry(gm).or_default().0 += 1;
            if let Some(pm) = p.main.as_deref().map(str::trim) {
                per_main.entry(pm).or_default().1 += 1;
                if pm == gm {
                    per_main.entry(gm).or_default().2 += 1;
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, npred), ratio(tp, ngold));
    let main_macro_f1 = per_main
        .values()
        .map(|&(g, p, both)| ratio(2 * both, g + p))
        .sum::<f64>()
        / per_main.len().max(1) as f64;
    Scores {
        main_macro_f1,
        mentions: gold.len(),
        exact_match: ratio(exact, gold.len()),
        main_accuracy: ratio(main, gold.len()),
        micro_precision: p,
        micro_recall: r,
        micro_f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        missing,
        extra,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, m: &str, s: usize, main: &str, fine: &[&str]) -> Row {
        Row {
            id: id.into(),
            mention: m.into(),
            start: s,
            end: s + m.chars().count() - 1,
            main: Some(main.into()),
            fine: fine.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn hand_made_example() {
        let gold = [
            row("a", "Putin", 0, "Antagonist", &["Tyrant", "Instigator"]),
            row("a", "Kyiv", 10, "Innocent", &["Victim"]),
            row("b", "NATO", 5, "Protagonist", &["Guardian"]),
            row("b", "Gates", 30, "Antagonist", &["Conspirator"]),
        ];
        // In another order; one set in another order (still exact); one main right but
        // fine wrong; one main wrong; one missing; one extra.
        let pred = [
            row("b", "NATO", 5, "Antagonist", &["Instigator"]),
            row("a", "Putin", 0, "Antagonist", &["Instigator", "Tyrant"]),
            row("a", "Kyiv", 10, "Innocent", &["Victim", "Forgotten"]),
            row("c", "EU", 1, "Protagonist", &["Guardian"]),
        ];
        let s = score(&gold, &pred);
        assert_eq!(s.mentions, 4);
        assert_eq!(s.exact_match, 0.25);
        assert_eq!(s.main_accuracy, 0.5);
        assert_eq!((s.missing, s.extra), (1, 1));
        // Pairs: gold 5; predicted 5 (over scored mentions); true 3.
        assert!((s.micro_precision - 0.6).abs() < 1e-12);
        assert!((s.micro_recall - 0.6).abs() < 1e-12);
        assert!((s.micro_f1 - 0.6).abs() < 1e-12);
    }

    #[test]
    fn perfect_and_keyed_not_ordered() {
        let gold = [
            row("a", "X", 0, "Innocent", &["Victim"]),
            row("a", "X", 7, "Antagonist", &["Spy"]),
        ];
        let mut pred = gold.to_vec();
        pred.reverse();
        let s = score(&gold, &pred);
        assert_eq!(
            (s.exact_match, s.main_accuracy, s.micro_f1),
            (1.0, 1.0, 1.0)
        );
        // Same mention, other offsets: not a match.
        pred[0].start = 1;
        let s = score(&gold, &pred);
        assert_eq!((s.exact_match, s.missing), (0.5, 1));
    }

    #[test]
    fn empty_gold_scores_zero() {
        let s = score(&[], &[row("a", "X", 0, "Innocent", &["Victim"])]);
        assert_eq!((s.mentions, s.exact_match, s.extra), (0, 0.0, 1));
    }
}
