//! Cross-validation experiments (needs ../shared/data):
//!
//! ```text
//! cargo run --release -p narrascope-narratives --example narratives_cv -- \
//!     ../shared/data/semeval2025t10/train joint EN,BG,HI,PT,RU [key=value …]
//! ```
//!
//! `save=DIR` trains one model per language into `DIR/<lang>.bin`; `savejoint=FILE`
//! one model on all; `joint` trains one model on all listed languages per fold; `separate` runs a CV per
//! language. Settings: epochs, lambda, eta0, pw (positive-weight power), maxpw,
//! per_label (0/1), max_features, min_df, char (e.g. 3-5 or 0), words (1/2), folds.

use std::path::Path;
use std::time::Instant;

use narrascope_narratives::cv::cross_validate;
use narrascope_narratives::semeval::{load_language, Example};
use narrascope_narratives::TrainConfig;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = Path::new(&args[1]);
    let mode = args[2].as_str();
    let langs: Vec<&str> = args[3].split(',').collect();
    let mut cfg = TrainConfig::default();
    let mut folds = 5;
    let mut cv_seed = 42;
    for kv in &args[4..] {
        let (k, v) = kv.split_once('=').expect("key=value");
        match k {
            "epochs" => cfg.sgd.epochs = v.parse().unwrap(),
            "lambda" => cfg.sgd.lambda = v.parse().unwrap(),
            "eta0" => cfg.sgd.eta0 = v.parse().unwrap(),
            "pw" => cfg.sgd.pos_weight_power = v.parse().unwrap(),
            "maxpw" => cfg.sgd.max_pos_weight = v.parse().unwrap(),
            "per_label" => cfg.per_label_thresholds = v == "1",
            "max_features" => cfg.features.max_features = v.parse().unwrap(),
            "min_df" => cfg.features.min_df = v.parse().unwrap(),
            "words" => cfg.features.word_max_n = v.parse().unwrap(),
            "char" => {
                if v == "0" {
                    cfg.features.char_min_n = 0;
                } else {
                    let (a, b) = v.split_once('-').unwrap();
                    cfg.features.char_min_n = a.parse().unwrap();
                    cfg.features.char_max_n = b.parse().unwrap();
                }
            }
            "defw" => cfg.features.definition_weight = v.parse().unwrap(),
            "langbias" => cfg.features.language_bias = v == "1",
            "cw" => cfg.coarse_weight = v.parse().unwrap(),
            "bag" => cfg.bag = v.parse().unwrap(),
            "open" => cfg.open_best = v == "1",
            "glambda" => {
                cfg.gate_sgd.get_or_insert_with(|| cfg.sgd.clone()).lambda = v.parse().unwrap()
            }
            "gepochs" => {
                cfg.gate_sgd.get_or_insert_with(|| cfg.sgd.clone()).epochs = v.parse().unwrap()
            }
            "gpw" => {
                cfg.gate_sgd
                    .get_or_insert_with(|| cfg.sgd.clone())
                    .pos_weight_power = v.parse().unwrap()
            }
            "title" => cfg.features.title_repeat = v.parse().unwrap(),
            "inner" => cfg.inner_folds = v.parse().unwrap(),
            "cvseed" => cv_seed = v.parse().unwrap(),
            "folds" => folds = v.parse().unwrap(),
            _ => panic!("unknown setting {k}"),
        }
    }
    let data: Vec<Example> = langs
        .iter()
        .flat_map(|l| load_language(root, l).expect("load"))
        .collect();
    let start = Instant::now();
    if let Some(out) = mode.strip_prefix("save=") {
        // One model per listed language: `<out>/<lang>.bin`.
        for lang in &langs {
            let docs: Vec<&Example> = data.iter().filter(|e| e.lang == *lang).collect();
            let m = narrascope_narratives::train(&docs, &cfg, &mut |m| eprint!("\r{m:60}"))
                .expect("train");
            m.save(&Path::new(out).join(format!("{}.bin", lang.to_lowercase())))
                .expect("save");
        }
        println!("saved in {:.1}s", start.elapsed().as_secs_f64());
        return;
    }
    if let Some(out) = mode.strip_prefix("savejoint=") {
        let docs: Vec<&Example> = data.iter().collect();
        let m =
            narrascope_narratives::train(&docs, &cfg, &mut |m| eprint!("\r{m:60}")).expect("train");
        m.save(Path::new(out)).expect("save");
        println!("saved {out} in {:.1}s", start.elapsed().as_secs_f64());
        return;
    }
    let groups: Vec<Vec<&Example>> = if mode == "joint" {
        vec![data.iter().collect()]
    } else {
        langs
            .iter()
            .map(|l| data.iter().filter(|e| e.lang == *l).collect())
            .collect()
    };
    let mut train_s = 0.0;
    let mut all_preds = Vec::new();
    for g in groups {
        let r = cross_validate(&g, folds, cv_seed, &cfg, &mut |m| eprint!("\r{m:60}")).expect("cv");
        eprintln!();
        all_preds.extend(r.predictions.clone());
        train_s += r.train_seconds;
        for (lang, s) in &r.per_language {
            let (c, f, f96) = s.summary();
            println!(
                "{lang}\t{mode}\tcoarse {c}\tfine {f}\tfine96 {f96}\tdocs {}",
                s.documents
            );
        }
    }
    if let Ok(p) = std::env::var("NARR_PRED_OUT") {
        let f = std::fs::File::create(p).expect("pred file");
        narrascope_narratives::semeval::write_annotations(f, &all_preds).expect("write");
    }
    println!(
        "# {mode} {:?} cfg={} wall {:.1}s train {:.1}s",
        langs,
        serde_json::to_string(&cfg).unwrap(),
        start.elapsed().as_secs_f64(),
        train_s
    );
}
