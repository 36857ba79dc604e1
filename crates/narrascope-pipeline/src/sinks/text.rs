//! Text: a readable summary per article, for a terminal.

use std::collections::BTreeMap;
use std::io::Write;

use narrascope_core::record::{ArticleRecord, Record};
use narrascope_core::{MetaSource, MetaValue};

use super::RecordSink;

/// Writes a short human-readable block per record.
pub struct TextSink<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> TextSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        TextSink { out, first: true }
    }
}

/// Cuts `s` to at most `max` characters, on a word boundary when possible.
fn excerpt(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_string();
    format!("{cut} …")
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn how(m: &Option<MetaValue>, text: &str) -> String {
    let Some(m) = m else { return String::new() };
    match m.source {
        MetaSource::Given => " (given)".into(),
        MetaSource::Url => " (from URL)".into(),
        MetaSource::HtmlMeta => " (from page metadata)".into(),
        MetaSource::Model => m
            .confidence
            .map_or(String::new(), |c| format!(" (confidence {c:.2})")),
        MetaSource::Text => match m.evidence {
            Some(e)
                if e.end <= text.len()
                    && text.is_char_boundary(e.start)
                    && text.is_char_boundary(e.end) =>
            {
                format!(" (text: \"{}\")", excerpt(&text[e.start..e.end], 60))
            }
            _ => " (from text)".into(),
        },
    }
}

fn article(out: &mut impl Write, a: &ArticleRecord) -> std::io::Result<()> {
    writeln!(out, "── {} ── {}", a.id, a.path)?;
    writeln!(out, "  title     {}", a.title.as_deref().unwrap_or("—"))?;
    let field = |v: &Option<String>, m: &Option<MetaValue>| match v {
        Some(v) => format!("{v}{}", how(m, &a.text)),
        None => "—".to_string(),
    };
    writeln!(out, "  outlet    {}", field(&a.outlet, &a.meta.outlet))?;
    writeln!(out, "  date      {}", field(&a.date, &a.meta.date))?;
    writeln!(out, "  language  {}", field(&a.language, &a.meta.language))?;
    writeln!(
        out,
        "  body      {}, {}, {}",
        plural(a.paragraphs.len(), "paragraph"),
        plural(a.sentences.len(), "sentence"),
        plural(a.body.split_whitespace().count(), "word")
    )?;
    if a.noise.is_empty() {
        writeln!(out, "  noise     none found")?;
    } else {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for n in &a.noise {
            *kinds.entry(n.kind.as_str()).or_default() += 1;
        }
        let list: Vec<String> = kinds
            .iter()
            .map(|(k, c)| {
                if *c > 1 {
                    format!("{k} ×{c}")
                } else {
                    k.to_string()
                }
            })
            .collect();
        writeln!(
            out,
            "  noise     {} removed: {}",
            a.noise.len(),
            list.join(", ")
        )?;
    }
    if let Some(d) = &a.duplicate_of {
        writeln!(out, "  duplicate of {d}")?;
    }
    for w in &a.warnings {
        writeln!(out, "  warning   {w}")?;
    }
    writeln!(out, "  │ {}", excerpt(&a.body, 220))
}

impl<W: Write> RecordSink for TextSink<W> {
    fn write(&mut self, record: &Record) -> std::io::Result<()> {
        if !self.first {
            writeln!(self.out)?;
        }
        self.first = false;
        match record {
            Record::Article(a) => article(&mut self.out, a),
            Record::Error(e) => writeln!(
                self.out,
                "✗ {}: {} ({})",
                e.path,
                e.error,
                e.error_kind.as_str()
            ),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpt_cuts_on_words() {
        assert_eq!(excerpt("one two  three", 100), "one two three");
        assert_eq!(excerpt("alpha beta gamma", 12), "alpha beta …");
    }
}
