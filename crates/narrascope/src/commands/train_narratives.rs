//! `narrascope train narratives`: cross-validate and train the narrative classifiers
//! (one per language, or one joint model) on the SemEval-2025 Task 10 training release
//! (all logic in `narrascope-narratives`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::train_data::TrainData;
use anyhow::Context;
use narrascope_narratives::cv::cross_validate;
use narrascope_narratives::semeval::{load_language, Example};
use narrascope_narratives::{baseline, train, TrainConfig};
use serde_json::{json, Map, Value};

/// Arguments of `narrascope train narratives`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The training release and its languages.
    #[command(flatten)]
    pub train: TrainData,
    /// Output folder: `<lang>.bin` per language (or `joint.bin` with --joint) and
    /// `metrics.json`. The product embeds `models/narratives/<lang>.bin` at build time:
    /// rebuild after replacing them.
    #[arg(long, value_name = "DIR", default_value = "models/narratives")]
    pub out: PathBuf,
    /// Train one model on all the languages instead of one per language.
    #[arg(long)]
    pub joint: bool,
    /// Cross-validation folds reported before the final fit (0: skip).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub cv_folds: usize,
    /// Passes of SGD.
    #[arg(long, default_value_t = TrainConfig::default().sgd.epochs)]
    pub epochs: usize,
    /// Tune thresholds per label instead of one per level.
    #[arg(long)]
    pub per_label_thresholds: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn load(args: &Args) -> anyhow::Result<Vec<Example>> {
    let mut data = Vec::new();
    for lang in args.train.languages()? {
        data.extend(
            load_language(&args.train.data, &lang).with_context(|| format!("loading {lang}"))?,
        );
    }
    Ok(data)
}

/// Cross-validates, trains, writes the models and their metrics, prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut cfg = TrainConfig::default();
    cfg.sgd.epochs = args.epochs;
    cfg.per_label_thresholds = args.per_label_thresholds;
    if args.joint {
        cfg.features.language_bias = true;
    }
    let data = load(args)?;
    let mut langs: Vec<String> = data.iter().map(|e| e.lang.clone()).collect();
    langs.dedup();
    // (model name, its training documents)
    let jobs: Vec<(String, Vec<&Example>)> = if args.joint {
        vec![("joint".into(), data.iter().collect())]
    } else {
        langs
            .iter()
            .map(|l| {
                (
                    l.to_lowercase(),
                    data.iter().filter(|e| &e.lang == l).collect(),
                )
            })
            .collect()
    };
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let mut progress = |m: &str| eprint!("\r\x1b[2K{m}");
    let mut cv = Map::new();
    let mut models = Map::new();
    for (name, docs) in &jobs {
        if args.cv_folds >= 2 {
            eprintln!(
                "{name}: {}-fold cross-validation on {} documents",
                args.cv_folds,
                docs.len()
            );
            let report = cross_validate(docs, args.cv_folds, 42, &cfg, &mut progress)?;
            eprintln!();
            for (lang, s) in &report.per_language {
                let (c, f, f96) = s.summary();
                cv.insert(
                    lang.clone(),
                    json!({
                        "model": name,
                        "documents": s.documents,
                        "coarse": {"mean": c.mean, "std": c.std, "folds": s.coarse},
                        "fine": {"mean": f.mean, "std": f.std, "folds": s.fine},
                        "fine_all_96": {"mean": f96.mean, "std": f96.std},
                    }),
                );
            }
        }
        eprintln!("{name}: training on {} documents", docs.len());
        let start = Instant::now();
        let model = train(docs, &cfg, &mut progress)?;
        eprintln!();
        let path = args.out.join(format!("{name}.bin"));
        model.save(&path)?;
        models.insert(
            name.clone(),
            json!({
                "file": path.display().to_string(),
                "bytes": std::fs::metadata(&path)?.len(),
                "documents": docs.len(),
                "features": model.features(),
                "train_seconds": start.elapsed().as_secs_f64(),
            }),
        );
    }
    let mut baselines = Map::new();
    for lang in &langs {
        let docs: Vec<&Example> = data.iter().filter(|e| &e.lang == lang).collect();
        let mut m = Map::new();
        for (name, s) in baseline::score_both(&docs, 20) {
            m.insert(
                name.into(),
                json!({"coarse": s.coarse.mean, "fine": s.fine.mean}),
            );
        }
        baselines.insert(lang.clone(), m.into());
    }
    let report = json!({
        "models": models,
        "config": serde_json::to_value(&cfg)?,
        "cross_validation": {"folds": args.cv_folds, "seed": 42, "per_language": cv},
        "baselines_on_all_training_documents": {
            "random": "organisers' procedure: one random narrative and one random sub-narrative per document, mean of 20 seeds",
            "all_other": "\"Other\" for every document",
            "per_language": baselines,
        },
    });
    let metrics = args.out.join("metrics.json");
    std::fs::write(&metrics, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("writing {}", metrics.display()))?;
    let text = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        summary(&report, &metrics.display().to_string())
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(report: &Value, metrics: &str) -> String {
    let f = |v: &Value| v.as_f64().unwrap_or(0.0);
    let mut t = String::new();
    for (name, m) in report["models"].as_object().into_iter().flatten() {
        t.push_str(&format!(
            "model {name:<6} {} ({:.1} MB, {} features, {} documents, {:.1}s)\n",
            m["file"].as_str().unwrap_or(""),
            f(&m["bytes"]) / 1e6,
            m["features"],
            m["documents"],
            f(&m["train_seconds"])
        ));
    }
    t.push_str(&format!("metrics      {metrics}\n"));
    let cv = &report["cross_validation"];
    if let Some(per) = cv["per_language"].as_object().filter(|m| !m.is_empty()) {
        t.push_str(&format!(
            "cross-validation, {} folds (mean ± std over folds), F1-samples:\n  lang  docs  coarse         fine (91)      fine (96)\n",
            cv["folds"]
        ));
        for (lang, v) in per {
            t.push_str(&format!(
                "  {lang:<4} {:>5}  {:.3} ± {:.3}  {:.3} ± {:.3}  {:.3} ± {:.3}\n",
                v["documents"],
                f(&v["coarse"]["mean"]),
                f(&v["coarse"]["std"]),
                f(&v["fine"]["mean"]),
                f(&v["fine"]["std"]),
                f(&v["fine_all_96"]["mean"]),
                f(&v["fine_all_96"]["std"]),
            ));
        }
    }
    t.push_str("baselines on all training documents, F1-samples coarse / fine:\n");
    let b = &report["baselines_on_all_training_documents"]["per_language"];
    for (lang, v) in b.as_object().into_iter().flatten() {
        t.push_str(&format!(
            "  {lang:<4} random {:.3} / {:.3}   all \"Other\" {:.3} / {:.3}\n",
            f(&v["random"]["coarse"]),
            f(&v["random"]["fine"]),
            f(&v["all_other"]["coarse"]),
            f(&v["all_other"]["fine"]),
        ));
    }
    t
}
