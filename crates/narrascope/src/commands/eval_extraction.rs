//! `narrascope eval extraction`: scores the HTML article extractor on the
//! article-extraction benchmark and optionally writes its predictions for
//! `bench/html/compare.py`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_eval::extraction::{evaluate_with_predictions, HtmlExtractor, Split};

/// Arguments of `narrascope eval extraction`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Benchmark folder holding `ground-truth.json` and `html/<id>.html.gz`.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/article-extraction"
    )]
    pub data: PathBuf,
    /// Which pages: dev (ids 0-7…), test (ids 8-f…) or all.
    #[arg(long, default_value = "test", value_parser = parse_split)]
    pub split: Split,
    /// Write `{id: predicted_body}` as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn parse_split(s: &str) -> Result<Split, String> {
    s.parse()
        .map_err(|e: narrascope_eval::extraction::EvalError| e.to_string())
}

/// Runs the evaluation.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let extractor = HtmlExtractor::new();
    let (report, predictions) = evaluate_with_predictions(&args.data, args.split, &extractor)
        .with_context(|| format!("evaluating extraction on {}", args.data.display()))?;
    if let Some(path) = &args.predictions {
        let json = serde_json::to_string_pretty(&predictions)?;
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}
