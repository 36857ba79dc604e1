//! `narrascope train narratives`: cross-validate and train the narrative classifier on
//! the SemEval-2025 Task 10 training release (all logic in `narrascope-narratives`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use narrascope_narratives::cv::cross_validate;
use narrascope_narratives::semeval::{load_language, Example, LANGUAGES};
use narrascope_narratives::{train, TrainConfig};
use serde_json::json;

/// Arguments of `narrascope train narratives`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The release's `train` folder (`EN/raw-documents`, `EN/subtask-2-annotations.txt`, …).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/semeval2025t10/train"
    )]
    pub data: PathBuf,
    /// Training languages, comma-separated.
    #[arg(
        long,
        value_name = "LANGS",
        default_value = "EN,BG,HI,PT,RU",
        value_delimiter = ','
    )]
    pub langs: Vec<String>,
    /// Where to write the model (a metrics report is written beside it as
    /// `<FILE>.metrics.json`). The product embeds `models/narratives/narratives.bin`
    /// at build time: rebuild after replacing it.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "models/narratives/narratives.bin"
    )]
    pub out: PathBuf,
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

/// Cross-validates, trains, writes the model and its metrics, prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut cfg = TrainConfig::default();
    cfg.sgd.epochs = args.epochs;
    cfg.per_label_thresholds = args.per_label_thresholds;
    let mut data: Vec<Example> = Vec::new();
    for lang in &args.langs {
        let lang = lang.trim().to_uppercase();
        if !LANGUAGES.contains(&lang.as_str()) {
            anyhow::bail!(
                "unknown language {lang} (expected some of {})",
                LANGUAGES.join(",")
            );
        }
        data.extend(load_language(&args.data, &lang).with_context(|| format!("loading {lang}"))?);
    }
    let docs: Vec<&Example> = data.iter().collect();
    let mut progress = |m: &str| eprint!("\r\x1b[2K{m}");
    let mut cv = serde_json::Map::new();
    if args.cv_folds >= 2 {
        eprintln!(
            "{}-fold cross-validation on {} documents",
            args.cv_folds,
            docs.len()
        );
        let report = cross_validate(&docs, args.cv_folds, 42, &cfg, &mut progress)?;
        eprintln!();
        for (lang, s) in &report.per_language {
            let (c, f, f96) = s.summary();
            cv.insert(
                lang.clone(),
                json!({
                    "documents": s.documents,
                    "coarse": {"mean": c.mean, "std": c.std, "folds": s.coarse},
                    "fine": {"mean": f.mean, "std": f.std, "folds": s.fine},
                    "fine_all_96": {"mean": f96.mean, "std": f96.std},
                }),
            );
        }
    }
    eprintln!("training on {} documents", docs.len());
    let start = Instant::now();
    let model = train(&docs, &cfg, &mut progress)?;
    eprintln!();
    let seconds = start.elapsed().as_secs_f64();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    model.save(&args.out)?;
    let bytes = std::fs::metadata(&args.out)?.len();
    let report = json!({
        "model": args.out.display().to_string(),
        "bytes": bytes,
        "languages": args.langs,
        "documents": docs.len(),
        "features": model.features(),
        "train_seconds": seconds,
        "config": serde_json::to_value(&cfg)?,
        "thresholds": {"domain": model.thresholds().domain},
        "cross_validation": {"folds": args.cv_folds, "seed": 42, "per_language": cv},
    });
    let metrics = args.out.with_extension("metrics.json");
    std::fs::write(&metrics, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("writing {}", metrics.display()))?;
    let text = if args.json {
        serde_json::to_string_pretty(&report)? + "\n"
    } else {
        let mut t = format!(
            "model      {} ({:.1} MB, {} features, trained in {seconds:.1}s)\nmetrics    {}\n",
            args.out.display(),
            bytes as f64 / 1e6,
            model.features(),
            metrics.display()
        );
        if !cv.is_empty() {
            t.push_str(&format!(
                "cross-validation, {} folds (mean ± std over folds), F1-samples:\n  lang  docs  coarse         fine (91)      fine (96)\n",
                args.cv_folds
            ));
            for (lang, v) in &cv {
                let g = |k: &str, f: &str| v[k][f].as_f64().unwrap_or(0.0);
                t.push_str(&format!(
                    "  {lang:<4} {:>5}  {:.3} ± {:.3}  {:.3} ± {:.3}  {:.3} ± {:.3}\n",
                    v["documents"],
                    g("coarse", "mean"),
                    g("coarse", "std"),
                    g("fine", "mean"),
                    g("fine", "std"),
                    g("fine_all_96", "mean"),
                    g("fine_all_96", "std"),
                ));
            }
        }
        t
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}
