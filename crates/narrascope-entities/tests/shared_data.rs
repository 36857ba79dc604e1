//! Scores of the embedded model on the outside data in `../shared/data`: regression floors,
//! skipped (with a message) where the data is absent.

use std::path::PathBuf;

use narrascope_entities::eval::{evaluate_file, uner_file, DataPaths, UNER_CLASSES};
use narrascope_entities::model::Model;
use narrascope_entities::tagger::EMBEDDED_MODEL;
use narrascope_entities::tags::NerClass;

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let probe = dir.join("ner/conll2003/eng.testb");
    if probe.is_file() {
        Some(dir)
    } else {
        println!(
            "skipping: {} not found (../shared/data is absent)",
            probe.display()
        );
        None
    }
}

#[test]
fn embedded_model_scores_on_conll_testb_and_uner() {
    let Some(dir) = shared() else { return };
    let model = Model::from_bytes(EMBEDDED_MODEL).unwrap();
    let testb = DataPaths::under(&dir.join("ner")).testb;
    let r = evaluate_file(&model, "testb", &testb, &NerClass::ALL).unwrap();
    println!("eng.testb\n{}", r.scores);
    assert!(r.scores.overall.f1() > 0.84, "testb F1 fell: {}", r.scores);
    let uner = uner_file(&dir.join("uner-english-pud"));
    if !uner.is_file() {
        println!("skipping UNER: {} not found", uner.display());
        return;
    }
    let r = evaluate_file(&model, "uner", &uner, &UNER_CLASSES).unwrap();
    println!("UNER English PUD\n{}", r.scores);
    assert_eq!(r.scores.sentences, 1000);
    assert!(r.scores.overall.f1() > 0.60, "UNER F1 fell: {}", r.scores);
}
