//! `narrascope train explain`: cross-validate and train the explanation model
//! (subtask 3) on the SemEval-2025 Task 10 training release (all logic in
//! `narrascope-explain`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use narrascope_explain::cv::{evaluate, prepare, Ranking};
use narrascope_explain::train::train_model;
use narrascope_explain::{Approach, Settings};
use narrascope_narratives::semeval::LANGUAGES;
use serde_json::json;

/// Ranking approaches for `--approach`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ApproachArg {
    /// Sentences in text order.
    Lead,
    /// The narrative model's evidence sentences.
    Evidence,
    /// Similarity to the label's definition and the model's evidence.
    Similarity,
    /// The learned sentence scorer.
    Learned,
}

impl From<ApproachArg> for Approach {
    fn from(a: ApproachArg) -> Approach {
        match a {
            ApproachArg::Lead => Approach::Lead,
            ApproachArg::Evidence => Approach::Evidence,
            ApproachArg::Similarity => Approach::Similarity,
            ApproachArg::Learned => Approach::Learned,
        }
    }
}

/// Arguments of `narrascope train explain`. The defaults are the settings chosen by
/// cross-validation on fold seed 11 (see models/explain/README.md).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The release's `train` folder (`EN/raw-documents`, `EN/subtask-3-annotations.txt`, …).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/semeval2025t10/train"
    )]
    pub data: PathBuf,
    /// Output folder: `explain.json` and `metrics.json`. The product embeds
    /// `models/explain/explain.json` at build time: rebuild after replacing it.
    #[arg(long, value_name = "DIR", default_value = "models/explain")]
    pub out: PathBuf,
    /// Cross-validation folds (also the folds of the out-of-fold narrative-model
    /// features the scorer is trained on).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub cv_folds: usize,
    /// Fold seed.
    #[arg(long, default_value_t = 11)]
    pub seed: u64,
    /// Sentence ranking.
    #[arg(long, value_enum, default_value_t = ApproachArg::Lead)]
    pub approach: ApproachArg,
    /// Target length as a multiple of the language's median gold length.
    #[arg(long, default_value_t = 0.75)]
    pub budget_factor: f32,
    /// Cut at the target length (else only at 80 words).
    #[arg(long)]
    pub trim: bool,
    /// Compress sentences by deletion.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub compress: bool,
    /// Start with a fixed lead-in naming the narrative.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub lead_in: bool,
    /// One learned scorer per language.
    #[arg(long)]
    pub per_language: bool,
    /// Ridge penalty of the learned scorer.
    #[arg(long, default_value_t = 1e-4)]
    pub lambda: f64,
}

/// Cross-validates, trains on everything, writes the model and metrics, prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let settings = Settings {
        approach: args.approach.into(),
        budget_factor: args.budget_factor,
        trim: args.trim,
        compress: args.compress,
        lead_in: args.lead_in,
        per_language: args.per_language,
    };
    let start = Instant::now();
    let docs = prepare(&args.data, &LANGUAGES, args.cv_folds, args.seed, &mut |m| {
        eprintln!("  {m}")
    })
    .with_context(|| format!("loading {}", args.data.display()))?;
    let r = evaluate(&docs, args.cv_folds, &settings, args.lambda, Ranking::Model)?;
    let summary = r.summary();
    let refs: Vec<_> = docs.iter().collect();
    let mut model = train_model(&refs, &settings, args.lambda)?;
    model.provenance.note = format!(
        "SemEval-2025 Task 10 train, subtask 3 (EN, BG, HI, PT, RU); narrative-model \
         features out-of-fold ({} folds, seed {}); `narrascope train explain`",
        args.cv_folds, args.seed
    );
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let path = args.out.join("explain.json");
    std::fs::write(&path, serde_json::to_string_pretty(&model)? + "\n")
        .with_context(|| format!("writing {}", path.display()))?;
    let metrics = json!({
        "metric": "ROUGE-L F1 (our tokenizer), mean over documents; std over fold means",
        "folds": args.cv_folds,
        "seed": args.seed,
        "settings": settings,
        "lambda": args.lambda,
        "per_language": summary
            .iter()
            .map(|(l, (m, f))| (l.clone(), json!({"mean": m, "fold_std": f.std, "documents": r.doc_f1.get(l).map_or(docs.len(), Vec::len)})))
            .collect::<serde_json::Map<_, _>>(),
        "mean_words": r.mean_words,
    });
    let mpath = args.out.join("metrics.json");
    std::fs::write(&mpath, serde_json::to_string_pretty(&metrics)? + "\n")
        .with_context(|| format!("writing {}", mpath.display()))?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} documents, {}-fold CV (seed {}), {:?}; ROUGE-L F1 mean over documents ± std over folds:",
        docs.len(),
        args.cv_folds,
        args.seed,
        settings
    )?;
    for (l, (m, f)) in &summary {
        writeln!(out, "  {l:<3} {m:.3} ± {:.3}", f.std)?;
    }
    writeln!(
        out,
        "mean length {:.1} words; wrote {} and {} in {:.0}s",
        r.mean_words,
        path.display(),
        mpath.display(),
        start.elapsed().as_secs_f64()
    )?;
    Ok(ExitCode::SUCCESS)
}
