//! Reference points: the organisers' random baseline (one random narrative and one
//! random sub-narrative per document, drawn independently from the class lists, as in
//! their `*_st2_random_predictions.txt`) and the majority baseline (`"Other"` for all).

use crate::rng::Rng;
use crate::semeval::Annotation;
use crate::taxonomy::{Taxonomy, OTHER};

/// The random baseline for these ids (seeded).
pub fn random(ids: &[&str], seed: u64) -> Vec<Annotation> {
    let t = Taxonomy::get();
    let coarse = t.coarse_classes();
    let fine = t.fine_classes(false);
    let mut rng = Rng::new(seed);
    ids.iter()
        .map(|id| Annotation {
            id: id.to_string(),
            narratives: vec![coarse[rng.below(coarse.len())].to_string()],
            subnarratives: vec![fine[rng.below(fine.len())].to_string()],
        })
        .collect()
}

/// The majority baseline: `"Other"` everywhere.
pub fn all_other(ids: &[&str]) -> Vec<Annotation> {
    ids.iter()
        .map(|id| Annotation {
            id: id.to_string(),
            narratives: vec![OTHER.into()],
            subnarratives: vec![OTHER.into()],
        })
        .collect()
}

/// Scores of both baselines on one language's documents: `(name, scores)`. The random
/// baseline is averaged over `seeds` draws (its spread across draws is small).
pub fn score_both(
    examples: &[&crate::semeval::Example],
    seeds: u64,
) -> Vec<(&'static str, crate::scorer::Scores)> {
    use crate::scorer::{score, MeanStd};
    let gold: Vec<Annotation> = examples.iter().map(|e| e.gold.clone()).collect();
    let ids: Vec<&str> = examples.iter().map(|e| e.id.as_str()).collect();
    let mut rand = score(&gold, &random(&ids, 1), false);
    let (mut c, mut f) = (Vec::new(), Vec::new());
    for s in 1..=seeds.max(1) {
        let r = score(&gold, &random(&ids, s), false);
        c.push(r.coarse.mean);
        f.push(r.fine.mean);
    }
    rand.coarse = MeanStd::of(&c);
    rand.fine = MeanStd::of(&f);
    vec![
        ("random", rand),
        ("all_other", score(&gold, &all_other(&ids), false)),
    ]
}
