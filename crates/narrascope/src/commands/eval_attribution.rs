//! `narrascope eval attribution`: quote attribution (source / cue / content spans)
//! on PolNeAR, exact and overlap P/R/F1, on dev or by cross-validation on train.
//! See `narrascope_eval::attribution` for the gold choices and the metrics.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::ValueEnum;
use narrascope_eval::attribution::{
    cross_validate, load_split, train_and_score, CvReport, Report, System, ROLES,
};
use narrascope_quotes::TrainConfig;

/// Which split to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// Train on all of train, score dev once.
    Dev,
    /// k-fold cross-validation on train (documents in folds, fixed seed).
    TrainCv,
}

/// Which system to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SystemArg {
    /// Tagger + quotation-mark rules (what `analyze` runs).
    Full,
    /// The same without the speech filter: every attribution found, wishes and
    /// plans included (PolNeAR's notion of attribution).
    AllAttributions,
    /// The tagger alone.
    Tagger,
    /// The rules alone, no model.
    Rules,
}

/// Arguments of `narrascope eval attribution`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PolNeAR folder holding `train/` and `dev/`.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/polnear")]
    pub data: PathBuf,
    /// dev: train on train, score dev; train-cv: cross-validate on train.
    #[arg(long, value_enum, default_value = "train-cv")]
    pub split: SplitArg,
    /// Folds for train-cv.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Seed of the fold assignment and of the training shuffle.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
    /// System to score.
    #[arg(long, value_enum, default_value = "full")]
    pub system: SystemArg,
    /// Training epochs.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Hash buckets, as a power of two.
    #[arg(long, default_value_t = 18)]
    pub bucket_bits: u32,
    /// Jackknife folds for the stacked second pass (0: one pass).
    #[arg(long, default_value_t = TrainConfig::default().stack_folds)]
    pub stack_folds: usize,
    /// With --split dev: also write the model trained on all of train here.
    #[arg(long, value_name = "FILE")]
    pub save_model: Option<PathBuf>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn table(out: &mut String, title: &str, r: &Report) {
    let _ = writeln!(out, "{title} ({} documents)", r.docs);
    let _ = writeln!(
        out,
        "  {:<8} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6}",
        "role", "P", "R", "F1", "oP", "oR", "oF1", "gold", "pred"
    );
    for (label, set) in [("all", &r.all), ("direct", &r.direct)] {
        for (k, s) in set.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:<8} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>6} {:>6}",
                format!("{}{}", if label == "direct" { "d." } else { "" }, ROLES[k]),
                s.exact.p,
                s.exact.r,
                s.exact.f1,
                s.overlap.p,
                s.overlap.r,
                s.overlap.f1,
                s.gold,
                s.pred
            );
        }
    }
    let s = &r.pairs;
    let _ = writeln!(
        out,
        "  {:<8} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>6} {:>6}   (who said what: source and content together)",
        "pairs", s.exact.p, s.exact.r, s.exact.f1, s.overlap.p, s.overlap.r, s.overlap.f1, s.gold, s.pred
    );
}

fn cv_table(out: &mut String, cv: &CvReport) {
    let _ = writeln!(
        out,
        "cross-validation, {} folds: F1 mean ± sd",
        cv.folds.len()
    );
    for (k, role) in ROLES.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:<8} exact {:.3} ± {:.3}   overlap {:.3} ± {:.3}   direct exact {:.3} ± {:.3}",
            role,
            cv.exact_f1[k].mean,
            cv.exact_f1[k].sd,
            cv.overlap_f1[k].mean,
            cv.overlap_f1[k].sd,
            cv.direct_exact_f1[k].mean,
            cv.direct_exact_f1[k].sd
        );
    }
    let _ = writeln!(
        out,
        "  {:<8} exact {:.3} ± {:.3}   overlap {:.3} ± {:.3}   (who said what: source and content together)",
        "pairs", cv.pairs_f1[0].mean, cv.pairs_f1[0].sd, cv.pairs_f1[1].mean, cv.pairs_f1[1].sd
    );
}

/// Runs the evaluation and prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let cfg = TrainConfig {
        epochs: args.epochs,
        buckets: 1usize << args.bucket_bits.clamp(10, 24),
        seed: args.seed,
        stack_folds: args.stack_folds,
    };
    let system = match args.system {
        SystemArg::Full => System::Full,
        SystemArg::AllAttributions => System::AllAttributions,
        SystemArg::Tagger => System::TaggerOnly,
        SystemArg::Rules => System::RulesOnly,
    };
    let train_dir = args.data.join("train");
    let train = load_split(&train_dir)
        .with_context(|| format!("loading PolNeAR from {}", train_dir.display()))?;
    let t0 = Instant::now();
    let mut out = String::new();
    match args.split {
        SplitArg::TrainCv => {
            let cv = cross_validate(&train, args.folds, args.seed, &cfg, system)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&cv)?);
                return Ok(ExitCode::SUCCESS);
            }
            cv_table(&mut out, &cv);
            for (i, f) in cv.folds.iter().enumerate() {
                table(&mut out, &format!("fold {}", i + 1), f);
            }
        }
        SplitArg::Dev => {
            let dev_dir = args.data.join("dev");
            let dev = load_split(&dev_dir)
                .with_context(|| format!("loading PolNeAR from {}", dev_dir.display()))?;
            let (report, tagger) = train_and_score(&train, &dev, &cfg, system)?;
            if let (Some(path), Some(t)) = (&args.save_model, tagger) {
                std::fs::write(path, t.to_bytes())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            if args.json {
                println!("{}", serde_json::to_string_pretty(&report)?);
                return Ok(ExitCode::SUCCESS);
            }
            table(&mut out, "PolNeAR dev", &report);
        }
    }
    let _ = writeln!(out, "({:.1} s)", t0.elapsed().as_secs_f64());
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
