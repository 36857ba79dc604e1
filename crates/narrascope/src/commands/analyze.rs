//! `narrascope analyze`: resolve arguments into settings, then run the batch.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_ingest::{collect_inputs, ReadOptions};
use narrascope_pipeline::sinks::{sink_for, Format};
use narrascope_pipeline::{run_batch, BatchOptions, Pipeline, PipelineConfig};

use crate::cli::{AnalyzeArgs, FormatArg};
use crate::commands::EXIT_SOME_FAILED;
use crate::progress::Bar;

/// Batches smaller than this finish too fast for a progress bar to help.
const PROGRESS_MIN_INPUTS: usize = 50;

/// Settings resolved from the command line and the environment.
struct Settings {
    format: Format,
    out: Box<dyn Write + Send>,
    out_name: String,
    batch: BatchOptions,
    progress: bool,
}

fn resolve(args: &AnalyzeArgs) -> anyhow::Result<Settings> {
    let to_terminal = args.out.is_none() && io::stdout().is_terminal();
    let format = match args.format {
        Some(FormatArg::Text) => Format::Text,
        Some(FormatArg::Json) => Format::Json,
        Some(FormatArg::Jsonl) => Format::Jsonl,
        Some(FormatArg::Csv) => Format::Csv,
        None if to_terminal => Format::Text,
        None => Format::Jsonl,
    };
    let (out, out_name) = open_output(args.out.as_deref())?;
    set_threads(args.run.threads)?;
    let batch = batch_options(args.run.max_size, !args.no_dedup)?;
    let progress = !args.run.quiet && io::stderr().is_terminal();
    Ok(Settings {
        format,
        out,
        out_name,
        batch,
        progress,
    })
}

/// Opens `--out FILE`, or standard output; returns the writer and a name for errors.
pub(crate) fn open_output(out: Option<&Path>) -> anyhow::Result<(Box<dyn Write + Send>, String)> {
    Ok(match out {
        Some(p) => {
            let f = File::create(p)
                .with_context(|| format!("cannot create output file {}", p.display()))?;
            (Box::new(BufWriter::new(f)), p.display().to_string())
        }
        None => (
            Box::new(BufWriter::new(io::stdout())),
            "standard output".into(),
        ),
    })
}

/// Sizes the global thread pool from `-j N`.
pub(crate) fn set_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        // Fails only if a global pool already exists, which cannot happen here.
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .ok();
    }
    Ok(())
}

/// Batch settings from `--max-size` and `--no-dedup`.
pub(crate) fn batch_options(max_size_mib: u64, dedup: bool) -> anyhow::Result<BatchOptions> {
    anyhow::ensure!(max_size_mib > 0, "--max-size must be at least 1 MiB");
    Ok(BatchOptions {
        read: ReadOptions {
            max_bytes: max_size_mib.saturating_mul(1024 * 1024),
        },
        dedup,
        ..BatchOptions::default()
    })
}

/// Runs the command.
pub fn run(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let settings = resolve(&args)?;
    let pipeline = Pipeline::build(&PipelineConfig::default())?;
    let inputs = collect_inputs(&args.paths);
    let bar = Bar::new(
        inputs.len() as u64,
        settings.progress && inputs.len() >= PROGRESS_MIN_INPUTS,
    );
    let mut sink = sink_for(settings.format, settings.out);
    let summary = run_batch(&pipeline, inputs, &settings.batch, sink.as_mut(), &bar)
        .with_context(|| format!("cannot write to {}", settings.out_name))?;
    bar.finish();
    if settings.progress || summary.errors > 0 {
        eprintln!(
            "narrascope: {} articles analysed, {} failed, {} near-duplicates",
            summary.articles, summary.errors, summary.duplicates
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
