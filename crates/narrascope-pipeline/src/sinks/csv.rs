//! CSV: one flat row per record, for spreadsheets.

use std::io::Write;

use narrascope_core::record::Record;

use super::RecordSink;

/// The columns, in order. Nested fields become counts; `body` is the cleaned text.
pub const COLUMNS: [&str; 18] = [
    "schema_version",
    "status",
    "id",
    "path",
    "title",
    "outlet",
    "date",
    "language",
    "duplicate_of",
    "noise_segments",
    "paragraphs",
    "sentences",
    "entities",
    "quotes",
    "body_chars",
    "body",
    "error_kind",
    "error",
];

/// Writes a header row, then one row per record.
pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    header: bool,
}

impl<W: Write> CsvSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        CsvSink {
            out: csv::Writer::from_writer(out),
            header: false,
        }
    }
}

fn io(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e)
}

impl<W: Write> RecordSink for CsvSink<W> {
    fn write(&mut self, record: &Record) -> std::io::Result<()> {
        if !self.header {
            self.out.write_record(COLUMNS).map_err(io)?;
            self.header = true;
        }
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let row: Vec<String> = match record {
            Record::Article(a) => vec![
                a.schema_version.to_string(),
                a.status.clone(),
                a.id.clone(),
                a.path.clone(),
                opt(&a.title),
                opt(&a.outlet),
                opt(&a.date),
                opt(&a.language),
                opt(&a.duplicate_of),
                a.noise.len().to_string(),
                a.paragraphs.len().to_string(),
                a.sentences.len().to_string(),
                a.entities.len().to_string(),
                a.quotes.len().to_string(),
                a.body.chars().count().to_string(),
                a.body.clone(),
                String::new(),
                String::new(),
            ],
            Record::Error(e) => {
                let mut row = vec![String::new(); COLUMNS.len()];
                row[0] = e.schema_version.to_string();
                row[1] = e.status.clone();
                row[2] = opt(&e.id);
                row[3] = e.path.clone();
                row[COLUMNS.len() - 2] = e.error_kind.as_str().to_string();
                row[COLUMNS.len() - 1] = e.error.clone();
                row
            }
        };
        self.out.write_record(&row).map_err(io)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
