//! `narrascope train quotes`: trains the quote-attribution tagger on PolNeAR train
//! and writes `models/quotes/tagger.bin` (embedded into `narrascope-quotes` at the
//! next build).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use narrascope_eval::attribution::{load_split, train_docs};
use narrascope_quotes::TrainConfig;

/// Arguments of `narrascope train quotes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PolNeAR folder holding `train/`.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/polnear")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/quotes/tagger.bin")]
    pub out: PathBuf,
    /// Training epochs.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: usize,
    /// Hash buckets, as a power of two.
    #[arg(long, default_value_t = 18)]
    pub bucket_bits: u32,
    /// Jackknife folds for the stacked second pass (0: one pass).
    #[arg(long, default_value_t = TrainConfig::default().stack_folds)]
    pub stack_folds: usize,
    /// Seed of the training shuffle.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
}

/// Trains and writes the model.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = args.data.join("train");
    let docs =
        load_split(&dir).with_context(|| format!("loading PolNeAR from {}", dir.display()))?;
    let refs: Vec<_> = docs.iter().collect();
    let cfg = TrainConfig {
        epochs: args.epochs,
        buckets: 1usize << args.bucket_bits.clamp(10, 24),
        seed: args.seed,
        stack_folds: args.stack_folds,
    };
    let t0 = Instant::now();
    let tagger = narrascope_quotes::train(&train_docs(&refs), &cfg)?;
    let bytes = tagger.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "trained on {} documents in {:.1} s: {} ({} bytes)",
        docs.len(),
        t0.elapsed().as_secs_f64(),
        args.out.display(),
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}
