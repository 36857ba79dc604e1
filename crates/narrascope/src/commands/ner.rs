//! `narrascope train ner` and `narrascope eval ner`: retrain the named-entity tagger
//! from CoNLL-2003 and measure it (all logic in `narrascope-entities`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use narrascope_entities::eval::{
    default_unlabelled, evaluate_file, train_from_dir, uner_file, DataPaths, OutsidePaths,
    UNER_CLASSES,
};
use narrascope_entities::model::Model;
use narrascope_entities::tagger::EMBEDDED_MODEL;
use narrascope_entities::tags::NerClass;
use narrascope_entities::train::TrainConfig;

/// Arguments of `narrascope train ner`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// The `data/ner` folder: conll2003/eng.train (training), cleanconll/cleanconll.dev
    /// (choosing the epoch).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// Untagged news whose capitalisation statistics feed the case features (`*.txt`
    /// files); missing folders are skipped. [default: the SemEval-2025 Task 10 English
    /// articles beside --data]
    #[arg(long, value_name = "DIR")]
    pub unlabelled: Vec<PathBuf>,
    /// Place names for the gazetteer feature, one per line (derived from GeoNames and ISO
    /// 3166, committed beside the model).
    #[arg(long, value_name = "FILE", default_value = "models/ner/places.txt")]
    pub places: PathBuf,
    /// Word classes for the cluster features (`word<TAB>coarse<TAB>fine`; see
    /// models/ner/make_clusters.py).
    #[arg(long, value_name = "FILE", default_value = "models/ner/clusters.txt")]
    pub clusters: PathBuf,
    /// Where to write the model. The product embeds `models/ner/ner.bin` at build time:
    /// rebuild after replacing it.
    #[arg(long, value_name = "FILE", default_value = "models/ner/ner.bin")]
    pub out: PathBuf,
    /// Passes over the training data (the best on the dev set is kept).
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Print the training report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `narrascope eval ner`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The `data/ner` folder (conll2003/eng.testb is scored).
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// The Universal NER English PUD folder.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/uner-english-pud"
    )]
    pub uner: PathBuf,
    /// Score this model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn print(text: &str) -> anyhow::Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Trains, writes the model, prints the report.
pub fn train(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let cfg = TrainConfig {
        epochs: args.epochs,
        ..TrainConfig::default()
    };
    let unlabelled = if args.unlabelled.is_empty() {
        default_unlabelled(args.data.parent().unwrap_or(&args.data))
    } else {
        args.unlabelled.clone()
    };
    let t = Instant::now();
    let outside = OutsidePaths {
        unlabelled,
        places: Some(args.places.clone()),
        clusters: Some(args.clusters.clone()),
    };
    let (model, report) = train_from_dir(&args.data, &outside, &cfg, |e| {
        eprintln!(
            "epoch {:2}: {:5} mistakes, dev F1 {:.4}",
            e.epoch, e.mistakes, e.dev_f1
        );
    })
    .with_context(|| format!("training from {}", args.data.display()))?;
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    if args.json {
        print(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        print(&format!(
            "trained in {:.1}s: epoch {} of {}, {} of {} features kept, {} bytes → {}\n\
             dev (CleanCoNLL, all four classes):\n{}",
            t.elapsed().as_secs_f64(),
            report.best_epoch,
            cfg.epochs,
            report.features_kept,
            report.features_seen,
            bytes.len(),
            args.out.display(),
            report.dev
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Scores the model on CoNLL eng.testb and UNER English PUD.
pub fn eval(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let bytes = match &args.model {
        Some(p) => std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
        None => EMBEDDED_MODEL.to_vec(),
    };
    let t = Instant::now();
    let model = Model::from_bytes(&bytes)?;
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let testb = DataPaths::under(&args.data).testb;
    let uner = uner_file(&args.uner);
    let results = vec![
        evaluate_file(&model, "conll2003-testb", &testb, &NerClass::ALL)
            .context("CoNLL-2003 eng.testb (is ../shared/data present?)")?,
        evaluate_file(&model, "uner-english-pud", &uner, &UNER_CLASSES)
            .context("UNER English PUD (is ../shared/data present?)")?,
    ];
    if args.json {
        let value = serde_json::json!({
            "model_bytes": bytes.len(),
            "load_ms": load_ms,
            "results": results,
        });
        print(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        let mut out = format!(
            "model: {} bytes, {} weight rows, loaded in {load_ms:.1} ms\n",
            bytes.len(),
            model.n_features()
        );
        for r in &results {
            out.push_str(&format!(
                "\n{} ({}; {:.0} tokens/s, {:.0} sentences/s, one thread)\n{}",
                r.name,
                r.path.display(),
                r.tokens_per_second,
                r.sentences_per_second,
                r.scores
            ));
        }
        out.push_str(
            "\nUNER has no MISC: predicted MISC entities are dropped before scoring it.\n",
        );
        print(&out)?;
    }
    Ok(ExitCode::SUCCESS)
}
