//! Quotes: one row per quote (speaker · kind · quote · article), for
//! `narrascope quotes`. Article records become rows; error records are counted and
//! reported on stderr by the caller, never mixed into the table.

use std::io::Write;

use narrascope_core::record::{ArticleRecord, QuoteRecord, Record};
use narrascope_core::QuoteKind;

use super::RecordSink;

/// Which quotes to keep.
#[derive(Clone, Debug, Default)]
pub struct QuoteFilter {
    /// Keep quotes whose speaker name or entity id contains this (case-insensitive).
    pub speaker: Option<String>,
    /// Keep quotes of these kinds (all when empty).
    pub kinds: Vec<QuoteKind>,
}

impl QuoteFilter {
    fn keeps(&self, q: &QuoteRecord) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&q.kind) {
            return false;
        }
        let Some(want) = &self.speaker else {
            return true;
        };
        let want = want.to_lowercase();
        q.speaker.as_ref().is_some_and(|s| {
            s.name.to_lowercase().contains(&want)
                || s.entity
                    .as_ref()
                    .is_some_and(|e| e.to_lowercase().contains(&want))
        })
    }
}

/// Layout of the quote rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteLayout {
    /// Aligned columns for a terminal, quotes cut to fit.
    Table,
    /// CSV with full quote text and offsets.
    Csv,
    /// One JSON object per quote, with the article id.
    Jsonl,
}

/// Writes the quotes of every article record.
pub struct QuoteSink<W: Write> {
    out: W,
    layout: QuoteLayout,
    filter: QuoteFilter,
    header_done: bool,
    /// Quotes written.
    pub rows: usize,
}

const SPEAKER_W: usize = 24;
const QUOTE_W: usize = 70;

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// `s` flattened to one line and cut to `max` characters (with an ellipsis).
fn fit(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

impl<W: Write> QuoteSink<W> {
    /// A sink writing `layout` rows of the quotes `filter` keeps to `out`.
    pub fn new(out: W, layout: QuoteLayout, filter: QuoteFilter) -> Self {
        QuoteSink {
            out,
            layout,
            filter,
            header_done: false,
            rows: 0,
        }
    }

    fn header(&mut self) -> std::io::Result<()> {
        if self.header_done {
            return Ok(());
        }
        self.header_done = true;
        match self.layout {
            QuoteLayout::Table => writeln!(
                self.out,
                "{:<SPEAKER_W$}  {:<8}  {:<QUOTE_W$}  article",
                "speaker", "kind", "quote"
            ),
            QuoteLayout::Csv => writeln!(
                self.out,
                "article,speaker,speaker_entity,kind,quote,start,end,channel"
            ),
            QuoteLayout::Jsonl => Ok(()),
        }
    }

    fn row(&mut self, a: &ArticleRecord, q: &QuoteRecord) -> std::io::Result<()> {
        let speaker = q.speaker.as_ref().map_or("(unattributed)", |s| &s.name);
        match self.layout {
            QuoteLayout::Table => writeln!(
                self.out,
                "{:<SPEAKER_W$}  {:<8}  {:<QUOTE_W$}  {}",
                fit(speaker, SPEAKER_W),
                kind_name(q.kind),
                fit(&q.text, QUOTE_W),
                a.id
            ),
            QuoteLayout::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut self.out);
                // A data column: no speaker is an empty cell (what notebooks test for),
                // not the table's "(unattributed)".
                w.write_record([
                    a.id.as_str(),
                    q.speaker.as_ref().map_or("", |s| s.name.as_str()),
                    q.speaker
                        .as_ref()
                        .and_then(|s| s.entity.as_deref())
                        .unwrap_or(""),
                    kind_name(q.kind),
                    &q.text,
                    &q.start.to_string(),
                    &q.end.to_string(),
                    q.channel.as_ref().map_or("", |c| &c.name),
                ])?;
                w.flush()
            }
            QuoteLayout::Jsonl => {
                let v = serde_json::json!({
                    "article": a.id,
                    "path": a.path,
                    "outlet": a.outlet,
                    "date": a.date,
                    "quote": q,
                });
                serde_json::to_writer(&mut self.out, &v)?;
                self.out.write_all(b"\n")
            }
        }
    }
}

impl<W: Write> RecordSink for QuoteSink<W> {
    fn write(&mut self, record: &Record) -> std::io::Result<()> {
        self.header()?;
        let Record::Article(a) = record else {
            return Ok(());
        };
        for q in &a.quotes {
            if self.filter.keeps(q) {
                self.row(a, q)?;
                self.rows += 1;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use narrascope_core::record::SpeakerRecord;

    fn quote(kind: QuoteKind, speaker: Option<&str>) -> QuoteRecord {
        QuoteRecord {
            start: 0,
            end: 5,
            text: "We are ready, \"truly\"".into(),
            content: None,
            kind,
            cue: None,
            speaker: speaker.map(|n| SpeakerRecord {
                name: n.into(),
                entity: Some(format!("person:{}", n.to_lowercase().replace(' ', "-"))),
                mention: None,
            }),
            channel: None,
        }
    }

    #[test]
    fn filter_matches_name_or_id_case_insensitively() {
        let f = QuoteFilter {
            speaker: Some("lukash".into()),
            kinds: vec![],
        };
        assert!(f.keeps(&quote(QuoteKind::Direct, Some("Alexander Lukashenko"))));
        assert!(!f.keeps(&quote(QuoteKind::Direct, Some("Maia Sandu"))));
        assert!(!f.keeps(&quote(QuoteKind::Direct, None)));
        let k = QuoteFilter {
            speaker: None,
            kinds: vec![QuoteKind::Indirect],
        };
        assert!(!k.keeps(&quote(QuoteKind::Direct, None)));
        assert!(k.keeps(&quote(QuoteKind::Indirect, None)));
    }

    #[test]
    fn csv_escapes_quotes_and_fit_cuts_long_text() {
        assert_eq!(fit("a  b\n c", 10), "a b c");
        assert_eq!(fit("abcdefghijk", 5), "abcd…");
        let mut buf = Vec::new();
        let mut sink = QuoteSink::new(&mut buf, QuoteLayout::Csv, QuoteFilter::default());
        let q = quote(QuoteKind::Direct, Some("Ann Lee"));
        let a: ArticleRecord = serde_json::from_value(serde_json::json!({
            "schema_version": 2, "status": "ok", "id": "a1", "path": "a1.txt",
            "format": "text", "url": null, "title": null, "title_span": null,
            "outlet": null, "date": null, "language": null, "meta": {},
            "body": "", "text": "", "content_hash": "0", "body_spans": [],
            "noise": [], "paragraphs": [], "sentences": [], "duplicate_of": null,
            "quotes": [q, quote(QuoteKind::Indirect, None)], "warnings": []
        }))
        .unwrap();
        sink.write(&Record::Article(Box::new(a))).unwrap();
        sink.finish().unwrap();
        let out = String::from_utf8(buf).unwrap();
        assert!(out.starts_with("article,speaker,"), "{out}");
        // No speaker: an empty cell, not the table's "(unattributed)".
        assert!(out.contains("\na1,,,indirect,"), "{out}");
        assert!(!out.contains("unattributed"), "{out}");
        assert!(out.contains("\"We are ready, \"\"truly\"\"\""), "{out}");
        assert!(out.contains("a1,Ann Lee,person:ann-lee,direct,"), "{out}");
        assert!(out.contains("person:ann-lee"), "{out}");
    }
}
