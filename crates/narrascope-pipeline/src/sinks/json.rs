//! JSON: one array of records, streamed.

use std::io::Write;

use narrascope_core::record::Record;

use super::RecordSink;

/// Writes `[record, record, …]`, pretty-printed, without holding records in memory.
pub struct JsonSink<W: Write> {
    out: W,
    count: usize,
}

impl<W: Write> JsonSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonSink { out, count: 0 }
    }
}

impl<W: Write> RecordSink for JsonSink<W> {
    fn write(&mut self, record: &Record) -> std::io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer_pretty(&mut self.out, record)?;
        self.count += 1;
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
