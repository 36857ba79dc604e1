//! `narrascope ingest`: analyse articles and store the records (SQLite by default),
//! keeping the search index in step. Incremental and resumable: each pipeline chunk
//! is one transaction, and articles whose content hash is unchanged are skipped.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_core::record::Record;
use narrascope_ingest::collect_inputs;
use narrascope_pipeline::sinks::RecordSink;
use narrascope_pipeline::{run_batch, Pipeline, PipelineConfig};
use narrascope_store::{BatchOutcome, Corpus, PreparedArticle};

use crate::commands::analyze::{batch_options, set_threads};
use crate::commands::EXIT_SOME_FAILED;
use crate::progress::Bar;

/// Default database: an SQLite file in the current directory.
pub const DEFAULT_DB: &str = "narrascope.db";

const HELP: &str = "\
Reads the same inputs as `analyze`, analyses them and stores the records in a
database with a full-text index next to it (narrascope.db and narrascope.db.index/
by default), ready for `narrascope serve`.

Re-running is cheap and safe: articles whose content is unchanged are skipped,
changed ones are replaced, and a run killed half-way keeps every batch it committed;
running it again stores the rest exactly once.

Examples:
  narrascope ingest examples/corpus
  narrascope ingest ~/scrapes --db corpus.db
  narrascope ingest --reindex                  rebuild the search index from the store";

/// Arguments of `narrascope ingest`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Files, folders, or - for stdin.
    #[arg(value_name = "PATH", required_unless_present = "reindex")]
    pub paths: Vec<PathBuf>,
    /// Database: an SQLite file path, or postgres://USER@HOST:PORT/DB (search index in
    /// ./narrascope-DB.index/).
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    pub db: String,
    /// Rebuild the search index from the database (before ingesting PATHs, if any).
    #[arg(long)]
    pub reindex: bool,
    /// How inputs are read and analysed.
    #[command(flatten)]
    pub run: crate::cli::RunArgs,
    /// Do not look for near-duplicate articles.
    #[arg(long)]
    pub no_dedup: bool,
}

/// A [`RecordSink`] that stores each chunk of records in one transaction.
struct StoreSink {
    corpus: Corpus,
    pending: Vec<PreparedArticle>,
    outcome: BatchOutcome,
    failed: usize,
}

impl StoreSink {
    fn commit(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending);
        let done = self.corpus.ingest(&batch).map_err(io::Error::other)?;
        self.outcome.absorb(&done);
        Ok(())
    }
}

impl RecordSink for StoreSink {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        match record {
            Record::Article(a) => {
                self.pending
                    .push(PreparedArticle::from_record(a).map_err(io::Error::other)?);
            }
            Record::Error(e) => {
                self.failed += 1;
                let kind = serde_json::to_value(e.error_kind).unwrap_or_default();
                eprintln!(
                    "narrascope: {}: {} ({})",
                    e.path,
                    e.error,
                    kind.as_str().unwrap_or("error")
                );
            }
        }
        Ok(())
    }

    /// Called by the batch runner after each chunk: the transaction boundary.
    fn flush(&mut self) -> io::Result<()> {
        self.commit()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.commit()
    }
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    set_threads(args.run.threads)?;
    let batch = batch_options(args.run.max_size, !args.no_dedup)?;
    let mut corpus =
        Corpus::open(&args.db).with_context(|| format!("cannot open the database {}", args.db))?;
    if args.reindex {
        let n = corpus
            .reindex()
            .context("cannot rebuild the search index")?;
        eprintln!("narrascope: search index rebuilt ({n} articles)");
    } else if corpus
        .repair_index()
        .context("cannot repair the search index")?
    {
        eprintln!("narrascope: the search index was behind the database: rebuilt");
    }
    if args.paths.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let pipeline = Pipeline::build(&PipelineConfig::default())?;
    let inputs = collect_inputs(&args.paths);
    let progress = !args.run.quiet && io::stderr().is_terminal();
    let bar = Bar::new(inputs.len() as u64, progress && inputs.len() >= 50);
    let mut sink = StoreSink {
        corpus,
        pending: Vec::new(),
        outcome: BatchOutcome::default(),
        failed: 0,
    };
    run_batch(&pipeline, inputs, &batch, &mut sink, &bar)
        .with_context(|| format!("cannot store records in {}", args.db))?;
    bar.finish();
    let o = &sink.outcome;
    let total = sink
        .corpus
        .store()
        .stats()
        .map(|s| s.articles)
        .unwrap_or_default();
    eprintln!(
        "narrascope: {} added, {} updated, {} unchanged, {} failed; {} holds {total} articles",
        o.added, o.updated, o.unchanged, sink.failed, args.db
    );
    Ok(if sink.failed > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}
