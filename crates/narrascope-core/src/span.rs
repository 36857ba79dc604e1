//! Byte spans into an article's analysed text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's `text`.
///
/// Offsets are UTF-8 byte offsets and always fall on character boundaries, so
/// `&text[span.start..span.end]` never panics for a span produced by narrascope.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Splits `region` of `text` into lines: spans without their line terminator
/// (`\n`, `\r\n` or a lone `\r`). Empty lines are included.
pub fn lines(text: &str, region: Span) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = region.start;
    let mut i = region.start;
    while i < region.end {
        match bytes[i] {
            b'\n' => {
                out.push(Span::new(start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(Span::new(start, i));
                i += 1;
                if i < region.end && bytes[i] == b'\n' {
                    i += 1;
                }
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < region.end {
        out.push(Span::new(start, region.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_handle_lf_crlf_and_cr() {
        let t = "a\r\nbb\n\rc";
        let got: Vec<&str> = lines(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(got, vec!["a", "bb", "", "c"]);
    }

    #[test]
    fn trim_keeps_char_boundaries() {
        let t = "  «Да»  ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "«Да»");
    }
}
