//! Running a pipeline over a batch of inputs.
//!
//! Inputs are processed in chunks: each chunk is read and analysed in parallel
//! (rayon, across documents), then its records are deduplicated against everything
//! before them and written in input order, and the sink is flushed. A crash therefore
//! loses at most the chunk in flight, output is deterministic whatever the thread
//! count, and memory stays bounded by the chunk size.

use narrascope_core::record::{ArticleRecord, ErrorRecord, Record};
use narrascope_core::{Document, InputError};
use narrascope_ingest::{read_input, DedupIndex, Input, ReadOptions, Signature};
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::sinks::RecordSink;
use crate::Pipeline;

/// Batch settings.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Reader limits.
    pub read: ReadOptions,
    /// Inputs per parallel chunk.
    pub chunk_size: usize,
    /// Report near-duplicates (`duplicate_of`).
    pub dedup: bool,
    /// Estimated Jaccard similarity above which two articles are duplicates.
    pub dedup_threshold: f64,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            read: ReadOptions::default(),
            chunk_size: 64,
            dedup: true,
            dedup_threshold: 0.9,
        }
    }
}

/// Receives progress as inputs complete (one call per input, in input order).
pub trait Progress: Sync {
    /// Called after an input's records were written.
    fn input_done(&self, bytes: u64);
}

impl Progress for () {
    fn input_done(&self, _bytes: u64) {}
}

/// What a batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Articles analysed.
    pub articles: usize,
    /// Inputs or records that failed.
    pub errors: usize,
    /// Articles marked as duplicates of an earlier one.
    pub duplicates: usize,
    /// Bytes of raw input analysed.
    pub bytes: u64,
}

struct Done {
    doc: Document,
    hash: String,
    sig: Option<Signature>,
}

fn analyze_input(
    pipeline: &Pipeline,
    input: &Input,
    opts: &BatchOptions,
) -> Vec<Result<Done, InputError>> {
    read_input(input, &opts.read)
        .into_iter()
        .map(|article| {
            let article = article?;
            let hash = format!("{:016x}", xxh3_64(article.raw.as_bytes()));
            let doc = pipeline.analyze(article)?;
            let sig = if opts.dedup {
                Signature::of(&doc.body_text())
            } else {
                None
            };
            Ok(Done { doc, hash, sig })
        })
        .collect()
}

/// Analyses every input and writes one record per article or failure to `sink`, in
/// input order. Only a failing sink (output I/O) stops the batch.
pub fn run_batch(
    pipeline: &Pipeline,
    inputs: Vec<Result<Input, InputError>>,
    opts: &BatchOptions,
    sink: &mut dyn RecordSink,
    progress: &dyn Progress,
) -> std::io::Result<BatchSummary> {
    let mut summary = BatchSummary::default();
    let mut index = DedupIndex::new(opts.dedup_threshold);
    for chunk in inputs.chunks(opts.chunk_size.max(1)) {
        let results: Vec<Vec<Result<Done, InputError>>> = chunk
            .par_iter()
            .map(|input| match input {
                Ok(input) => analyze_input(pipeline, input, opts),
                Err(e) => vec![Err(e.clone())],
            })
            .collect();
        for per_input in results {
            let mut bytes = 0;
            for result in per_input {
                let record = match result {
                    Ok(mut done) => {
                        if let Some(sig) = done.sig.take() {
                            done.doc.duplicate_of = index.add(&done.doc.article.id, sig);
                        }
                        summary.articles += 1;
                        summary.duplicates += usize::from(done.doc.duplicate_of.is_some());
                        bytes += done.doc.article.raw.len() as u64;
                        Record::Article(Box::new(ArticleRecord::from_document(
                            &done.doc, done.hash,
                        )))
                    }
                    Err(e) => {
                        summary.errors += 1;
                        Record::Error(ErrorRecord::from(&e))
                    }
                };
                sink.write(&record)?;
            }
            summary.bytes += bytes;
            progress.input_done(bytes);
        }
        sink.flush()?;
    }
    sink.finish()?;
    Ok(summary)
}
