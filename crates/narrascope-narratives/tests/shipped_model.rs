//! The shipped model loads quickly and labels a plain climate article (written for this
//! test) as climate change, with evidence inside the text.

use std::time::Instant;

use narrascope_narratives::{split_sentences, NarrativeModel, Narratives, EMBEDDED_MODELS};

const CLIMATE: &str = "Net zero plans will bankrupt families, critics warn\n\n\
The government's new climate policy forces households to replace gas boilers with heat \
pumps by 2030. Critics say the green agenda is driving up energy bills while doing \
nothing for the climate. \"These carbon taxes punish ordinary people and enrich \
subsidy farmers,\" said an opposition spokesman. Electric cars remain too expensive for \
most drivers, and wind turbines stand idle when the wind drops. Meanwhile, China keeps \
opening coal plants, so Europe's emissions cuts make no difference to global \
temperatures. Climate activists who glued themselves to roads last week were accused of \
alarmism by farmers whose fuel costs have doubled.";

#[test]
fn loads_fast_and_labels_a_climate_article_cc() {
    let start = Instant::now();
    let models = Narratives::embedded().expect("the embedded models load");
    let load = start.elapsed();
    assert_eq!(models.languages(), ["EN", "BG", "HI", "PT", "RU"]);
    let model = models.model_for(CLIMATE, None);
    // Debug builds are far slower than release; the one-second budget is for release.
    let budget = if cfg!(debug_assertions) { 10.0 } else { 1.0 };
    assert!(load.as_secs_f64() < budget, "loading took {load:?}");
    let labelled = model.label(CLIMATE, &split_sentences(CLIMATE));
    let top = &labelled.narratives[0];
    assert!(top.label.starts_with("CC: "), "{:?}", labelled.narratives);
    assert!(top.score > 0.0 && top.score <= 1.0);
    for l in labelled.narratives.iter().chain(&labelled.subnarratives) {
        assert!(l.evidence.len() <= 3);
        for e in &l.evidence {
            assert!(e.end <= CLIMATE.len() && e.start < e.end);
        }
    }
    assert!(!top.evidence.is_empty());
    let row = model.annotate("x.txt", CLIMATE);
    assert!(
        row.narratives.iter().all(|n| n.starts_with("CC: ")),
        "{row:?}"
    );
}

#[test]
fn garbage_is_not_a_model() {
    assert!(NarrativeModel::from_bytes(b"not a model at all").is_err());
    let mut bytes = EMBEDDED_MODELS[0].1.to_vec();
    bytes.truncate(bytes.len() - 1);
    let err = NarrativeModel::from_bytes(&bytes).unwrap_err().to_string();
    assert!(err.contains("size"), "{err}");
}
