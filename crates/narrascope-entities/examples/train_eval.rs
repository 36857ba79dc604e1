//! Development loop: train on CoNLL-2003, report dev/testb/UNER F1 (nothing written
//! unless an output path is given).
//!
//! `cargo run --release -p narrascope-entities --example train_eval -- ../shared/data [OUT]`

use std::path::PathBuf;
use std::time::Instant;

use narrascope_entities::eval::{
    evaluate_file, train_from_dir, uner_file, DataPaths, UNER_CLASSES,
};
use narrascope_entities::tags::NerClass;
use narrascope_entities::train::TrainConfig;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(args.next().unwrap_or_else(|| "../shared/data".into()));
    let out = args.next().map(PathBuf::from);
    let mut cfg = TrainConfig::default();
    if let Ok(e) = std::env::var("EPOCHS") {
        cfg.epochs = e.parse()?;
    }
    if let Ok(p) = std::env::var("PRUNE") {
        cfg.prune = p.parse()?;
    }
    if let Ok(p) = std::env::var("FOLDS") {
        cfg.gazetteer_folds = p.parse()?;
    }
    let places = if std::env::var("NOPLACES").is_ok() {
        None
    } else {
        Some(PathBuf::from("models/ner/places.txt"))
    };
    let t = Instant::now();
    let unl = if std::env::var("NOUNL").is_ok() {
        vec![]
    } else {
        narrascope_entities::eval::default_unlabelled(&data)
    };
    let outside = narrascope_entities::eval::OutsidePaths {
        unlabelled: unl,
        places,
        clusters: if std::env::var("NOCLUSTERS").is_ok() {
            None
        } else {
            Some(PathBuf::from("models/ner/clusters.txt"))
        },
    };
    let (model, report) = train_from_dir(&data.join("ner"), &outside, &cfg, |e| {
        eprintln!(
            "epoch {:2}: {} mistakes, dev F1 {:.4}",
            e.epoch, e.mistakes, e.dev_f1
        );
    })?;
    eprintln!(
        "trained in {:.1}s; best epoch {}; features {} → {}; dev F1 {:.4}",
        t.elapsed().as_secs_f64(),
        report.best_epoch,
        report.features_seen,
        report.features_kept,
        report.dev.overall.f1()
    );
    let bytes = model.to_bytes();
    eprintln!("model {} bytes", bytes.len());
    let paths = DataPaths::under(&data.join("ner"));
    let r = evaluate_file(&model, "conll-testb", &paths.testb, &NerClass::ALL)?;
    println!("testb ({:.0} tok/s)\n{}", r.tokens_per_second, r.scores);
    let r = evaluate_file(
        &model,
        "uner",
        &uner_file(&data.join("uner-english-pud")),
        &UNER_CLASSES,
    )?;
    println!("uner ({:.0} tok/s)\n{}", r.tokens_per_second, r.scores);
    if std::env::var("DUMP").is_ok() {
        let data =
            narrascope_entities::data::read_tagged(&uner_file(&data.join("uner-english-pud")))?;
        for s in &data {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let pred = model.tag(&words);
            let show = |tags: &[narrascope_entities::tags::Tag]| {
                narrascope_entities::tags::spans(tags)
                    .iter()
                    .filter(|x| x.class != NerClass::Misc)
                    .map(|x| format!("[{} {}]", x.class.label(), words[x.start..x.end].join(" ")))
                    .collect::<Vec<_>>()
            };
            let (g, p) = (show(&s.tags), show(&pred));
            if g != p {
                println!(
                    "S: {}\n  G: {}\n  P: {}",
                    words.join(" "),
                    g.join(" "),
                    p.join(" ")
                );
            }
        }
    }
    if let Some(out) = out {
        std::fs::write(out, bytes)?;
    }
    Ok(())
}
