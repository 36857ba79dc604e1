//! `narrascope eval sentences`: scores the sentence splitter on pseudo-paragraphs
//! built from sentence-split corpora (UNER English PUD, the reported set, or
//! CoNLL-2003 eng.train, the development set), next to a punctuation + capital
//! baseline. See `narrascope_eval::sentences` for how the gold data is built.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_eval::sentences::{evaluate, Dataset};

/// Arguments of `narrascope eval sentences`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Data folder holding `uner-english-pud/` and `ner/conll2003/`.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
    /// Which corpus: pud (UNER English PUD, reported) or conll (CoNLL-2003 eng.train, dev).
    #[arg(long, default_value = "pud", value_parser = parse_dataset)]
    pub dataset: Dataset,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

fn parse_dataset(s: &str) -> Result<Dataset, String> {
    s.parse()
        .map_err(|e: narrascope_eval::sentences::EvalError| e.to_string())
}

/// Runs the evaluation and prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let report = evaluate(&args.data, args.dataset).with_context(|| {
        format!(
            "evaluating sentence splitting under {}",
            args.data.display()
        )
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}
