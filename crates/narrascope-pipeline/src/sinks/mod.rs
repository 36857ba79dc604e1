//! Where records go. One implementation per file; all write to any `io::Write`.

mod csv;
mod json;
mod jsonl;
mod quotes;
mod text;

pub use self::csv::CsvSink;
pub use json::JsonSink;
pub use jsonl::JsonlSink;
pub use quotes::{QuoteFilter, QuoteLayout, QuoteSink};
pub use text::TextSink;

use narrascope_core::record::Record;

/// A destination for records.
pub trait RecordSink {
    /// Writes one record.
    fn write(&mut self, record: &Record) -> std::io::Result<()>;
    /// Makes everything written so far durable (called after each chunk).
    fn flush(&mut self) -> std::io::Result<()>;
    /// Completes the output (closing brackets, summaries). Called once.
    fn finish(&mut self) -> std::io::Result<()>;
}

/// Output formats of `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Readable per-article summary.
    Text,
    /// One JSON array of records.
    Json,
    /// One record per line.
    Jsonl,
    /// One row per record, flat columns.
    Csv,
}

/// A sink of the given format writing to `out`.
pub fn sink_for(format: Format, out: Box<dyn std::io::Write + Send>) -> Box<dyn RecordSink + Send> {
    match format {
        Format::Text => Box::new(TextSink::new(out)),
        Format::Json => Box::new(JsonSink::new(out)),
        Format::Jsonl => Box::new(JsonlSink::new(out)),
        Format::Csv => Box::new(CsvSink::new(out)),
    }
}
