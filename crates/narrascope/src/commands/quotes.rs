//! `narrascope quotes`: who said what, as a table (speaker · kind · quote · article).

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;
use narrascope_core::QuoteKind;
use narrascope_ingest::collect_inputs;
use narrascope_pipeline::sinks::{QuoteFilter, QuoteLayout, QuoteSink};
use narrascope_pipeline::{run_batch, Pipeline, PipelineConfig, StageConfig};

use crate::cli::{QuoteKindArg, QuoteLayoutArg, QuotesArgs};
use crate::commands::analyze::{batch_options, open_output, set_threads};
use crate::commands::EXIT_SOME_FAILED;
use crate::progress::Bar;

/// Runs the command.
pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let (out, out_name) = open_output(args.out.as_deref())?;
    set_threads(args.run.threads)?;
    let batch = batch_options(args.run.max_size, false)?;
    let layout = match args.format {
        Some(QuoteLayoutArg::Table) => QuoteLayout::Table,
        Some(QuoteLayoutArg::Csv) => QuoteLayout::Csv,
        Some(QuoteLayoutArg::Jsonl) => QuoteLayout::Jsonl,
        None if args.out.is_none() && io::stdout().is_terminal() => QuoteLayout::Table,
        None => QuoteLayout::Jsonl,
    };
    let filter = QuoteFilter {
        speaker: args.speaker.clone(),
        kinds: args
            .kind
            .iter()
            .map(|k| match k {
                QuoteKindArg::Direct => QuoteKind::Direct,
                QuoteKindArg::Partial => QuoteKind::Partial,
                QuoteKindArg::Indirect => QuoteKind::Indirect,
            })
            .collect(),
    };
    // Only the stages a quote row reads: narratives, explanations and roles would
    // cost about half the run and change nothing in the output.
    let pipeline = Pipeline::build(&PipelineConfig {
        stages: StageConfig::through(StageConfig::Quotes),
    })?;
    let inputs = collect_inputs(&args.paths);
    let show_bar = !args.run.quiet && io::stderr().is_terminal() && inputs.len() >= 50;
    let bar = Bar::new(inputs.len() as u64, show_bar);
    let mut sink = QuoteSink::new(out, layout, filter);
    let summary = run_batch(&pipeline, inputs, &batch, &mut sink, &bar)
        .with_context(|| format!("cannot write to {out_name}"))?;
    bar.finish();
    eprintln!(
        "narrascope: {} quotes from {} articles{}",
        sink.rows,
        summary.articles,
        if summary.errors > 0 {
            format!(
                ", {} inputs failed (run `analyze` for the reasons)",
                summary.errors
            )
        } else {
            String::new()
        }
    );
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
