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
