//! Scrape-noise removal for plain text.

use narrascope_core::{lines, NoiseKind, NoiseSegment, Span};

/// Finds scraping noise in article text. Build once; `find` is cheap and thread-safe.
#[derive(Debug, Default, Clone)]
pub struct NoiseRemover {}

impl NoiseRemover {
    /// A remover with the built-in rules.
    pub fn new() -> Self {
        NoiseRemover {}
    }

    /// Noise segments inside `region` of `text`: sorted, non-overlapping.
    pub fn find(&self, text: &str, region: Span) -> Vec<NoiseSegment> {
        let mut out = Vec::new();
        for line in lines(text, region) {
            let t = line.slice(text).trim();
            let kind = if t.eq_ignore_ascii_case("[ad_1]") || t.eq_ignore_ascii_case("[ad_2]") {
                Some(NoiseKind::Ad)
            } else if t.eq_ignore_ascii_case("source link") {
                Some(NoiseKind::SourceLink)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(NoiseSegment { span: line.trim(text), kind });
            }
        }
        out
    }
}
