//! Pooling and printing of per-language fold scores, shared by the `cv` and `stack`
//! examples (`#[path]`-included: Cargo builds no example from this folder).

use std::collections::BTreeMap;

use narrascope_narratives::scorer::MeanStd;
use narrascope_roles::cv::FoldScores;

/// Appends `from`'s folds to `into`, language by language. With `separate` (one model
/// per language), each run's "all" row is that language again and is skipped.
pub fn merge(
    into: &mut BTreeMap<String, FoldScores>,
    from: BTreeMap<String, FoldScores>,
    separate: bool,
) {
    for (l, s) in from {
        if separate && l == "all" {
            continue;
        }
        let e = into.entry(l).or_default();
        e.exact.extend(s.exact);
        e.main.extend(s.main);
        e.macro_f1.extend(s.macro_f1);
        e.mentions += s.mentions;
    }
}

/// One line per language: main-role accuracy, its macro-F1 and the exact-match ratio.
pub fn print_per_language(title: &str, m: &BTreeMap<String, FoldScores>) {
    println!("{title}:");
    for (l, s) in m {
        let (e, a) = s.summary();
        println!(
            "  {l:<4} main {} macroF1 {} exact {}",
            fmt(a),
            fmt(MeanStd::of(&s.macro_f1)),
            fmt(e)
        );
    }
}

/// `mean±sd` to three places.
pub fn fmt(m: MeanStd) -> String {
    format!("{:.3}±{:.3}", m.mean, m.std)
}
