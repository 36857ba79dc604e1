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
    who_and_what(out, a)?;
    for w in &a.warnings {
        writeln!(out, "  warning   {w}")?;
    }
    writeln!(out, "  │ {}", excerpt(&a.body, 220))
}

/// Entities shown per article on a terminal; the rest are counted.
const SHOW_ENTITIES: usize = 6;
/// Quotes shown per article on a terminal.
const SHOW_QUOTES: usize = 4;

/// People and organisations, quotes, narratives: the "who said what, about whom,
/// pushing what" lines.
fn who_and_what(out: &mut impl Write, a: &ArticleRecord) -> std::io::Result<()> {
    if !a.entities.is_empty() {
        let mut ents: Vec<_> = a.entities.iter().collect();
        // Most-mentioned first; ties in text order (the sort is stable).
        ents.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        let names: Vec<String> = ents
            .iter()
            .take(SHOW_ENTITIES)
            .map(|e| match e.titles.first() {
                Some(t) => format!("{} ({t})", e.name),
                None => e.name.clone(),
            })
            .collect();
        let more = a.entities.len().saturating_sub(SHOW_ENTITIES);
        let more = if more > 0 {
            format!(" +{more} more")
        } else {
            String::new()
        };
        writeln!(out, "  entities  {}{more}", names.join(", "))?;
        for e in a.entities.iter().filter(|e| !e.conflicts.is_empty()) {
            writeln!(out, "  ⚠ titles  {}: {}", e.name, e.conflicts.join("; "))?;
        }
    }
    if !a.quotes.is_empty() {
        writeln!(out, "  quotes    {}", a.quotes.len())?;
        for q in a.quotes.iter().take(SHOW_QUOTES) {
            let who = q.speaker.as_ref().map_or("(unattributed)", |s| &s.name);
            writeln!(out, "    {who}: “{}”", excerpt(&q.text, 90))?;
        }
    }
    if !a.narratives.is_empty() {
        let labels: Vec<String> = a
            .narratives
            .iter()
            .map(|n| format!("{} ({:.2})", n.label, n.score))
            .collect();
        writeln!(out, "  narrative {}", labels.join("; "))?;
        for n in &a.subnarratives {
            writeln!(out, "    └ {} ({:.2})", n.label, n.score)?;
        }
    }
    if let Some(e) = &a.explanation {
        writeln!(out, "  why       {}", e.text)?;
    }
    Ok(())
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
