//! The cleaning stage: title, scrape noise and body regions.

use narrascope_core::{lines, Document, NoiseSegment, SourceFormat, Span, Stage, StageError};

use crate::NoiseRemover;

/// Finds the title (first non-empty line), the noise in the rest, and the body
/// regions between noise segments. For HTML documents the title was already set by
/// [`crate::HtmlStage`] and only the noise pass runs.
#[derive(Debug, Default)]
pub struct CleanStage {
    noise: NoiseRemover,
}

impl CleanStage {
    /// A stage with the built-in noise rules.
    pub fn new() -> Self {
        CleanStage {
            noise: NoiseRemover::new(),
        }
    }
}

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = &doc.text;
        let all = Span::new(0, text.len());
        let body_start = match doc.article.format {
            SourceFormat::Html => doc.title.map_or(0, |t| t.end),
            SourceFormat::Text => {
                let title = lines(text, all)
                    .into_iter()
                    .find(|l| !l.slice(text).trim().is_empty());
                doc.title = title.map(|t| t.trim(text));
                title.map_or(0, |t| t.end)
            }
        };
        let region = Span::new(body_start, text.len());
        let noise = self.noise.find(text, region);
        doc.body = body_regions(text, region, &noise);
        doc.noise = noise;
        Ok(())
    }
}

/// The parts of `region` not covered by `noise` (sorted, non-overlapping), trimmed,
/// empty ones dropped.
pub(crate) fn body_regions(text: &str, region: Span, noise: &[NoiseSegment]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cursor = region.start;
    for n in noise {
        if n.span.start > cursor {
            out.push(Span::new(cursor, n.span.start));
        }
        cursor = cursor.max(n.span.end);
    }
    if cursor < region.end {
        out.push(Span::new(cursor, region.end));
    }
    out.into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}
