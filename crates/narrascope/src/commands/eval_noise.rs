//! `narrascope eval noise`: line-level precision and recall of scrape-noise
//! removal against hand labels (see `eval/noise/README.md`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_eval::noise::evaluate;

/// Arguments of `narrascope eval noise`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Labels TSV (`path\tline\tlabel`), paths relative to --data.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "eval/noise/labels-test.tsv"
    )]
    pub labels: PathBuf,
    /// The SemEval-2025 Task 10 directory the label paths are relative to.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/semeval2025t10"
    )]
    pub data: PathBuf,
    /// Also list every body line removed and every noise line kept.
    #[arg(long)]
    pub verbose: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs the evaluation and prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let report = evaluate(&args.labels, &args.data)
        .with_context(|| format!("evaluating noise removal on {}", args.labels.display()))?;
    let text = if args.json {
        let mut value = serde_json::to_value(&report)?;
        // The line lists are the verbose part; keep JSON compact unless asked.
        if !args.verbose {
            if let Some(obj) = value.as_object_mut() {
                obj.remove("false_removals");
                obj.remove("missed");
            }
        }
        format!("{}\n", serde_json::to_string_pretty(&value)?)
    } else if args.verbose {
        report.verbose().to_string()
    } else {
        report.to_string()
    };
    // A closed pipe (`| head`) is not an error worth reporting.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}
