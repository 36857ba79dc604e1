//! Paragraph and sentence segmentation over byte spans of a document's text.
//!
//! Every result is a [`Span`] of UTF-8 byte offsets into the document text, on
//! character boundaries, trimmed of whitespace and never empty. Neither function
//! panics: regions that run past the text or cut a character are clamped first.
//!
//! * [`paragraphs()`] splits body regions at blank lines (or, in documents without any
//!   blank line, at line breaks that look like paragraph ends); the policy is in
//!   [`mod@paragraphs`].
//! * [`SentenceSplitter`] splits one paragraph into sentences in a single forward
//!   pass with bounded look-around; [`mod@sentences`] lists every rule and policy.
//! * [`SegmentStage`] runs both over `Document::body`.
//!
//! ```
//! use narrascope_core::Span;
//! use narrascope_text::{paragraphs, SentenceSplitter};
//!
//! let text = "Dr. Smith arrived at 5 p.m. on Jan. 3. He left.\n\nSecond para.";
//! let paras = paragraphs(text, &[Span::new(0, text.len())]);
//! assert_eq!(paras.len(), 2);
//! let sents = SentenceSplitter::new().split(text, paras[0]);
//! let got: Vec<&str> = sents.iter().map(|s| s.slice(text)).collect();
//! assert_eq!(got, ["Dr. Smith arrived at 5 p.m. on Jan. 3.", "He left."]);
//! ```

pub mod paragraphs;
pub mod sentences;
mod stage;

pub use paragraphs::paragraphs;
pub use sentences::{SentenceSplitter, DEFAULT_MAX_SENTENCE_CHARS};
pub use stage::SegmentStage;

use narrascope_core::Span;

/// Clamps `region` into `text`: the end to the text length, both ends inward to
/// character boundaries. `None` when nothing is left. Callers may hand in spans from
/// anywhere (another stage's bug, a stale offset), and slicing must never panic.
pub(crate) fn clamp_region(text: &str, region: Span) -> Option<Span> {
    let mut end = region.end.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = region.start.min(end);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    (start < end).then_some(Span { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_handles_out_of_range_and_mid_char() {
        let t = "aé b";
        assert_eq!(
            clamp_region(t, Span { start: 0, end: 99 }),
            Some(Span::new(0, 5))
        );
        // 'é' occupies bytes 1..3: a start inside it moves forward, an end backward.
        assert_eq!(
            clamp_region(t, Span { start: 2, end: 5 }),
            Some(Span::new(3, 5))
        );
        assert_eq!(
            clamp_region(t, Span { start: 0, end: 2 }),
            Some(Span::new(0, 1))
        );
        assert_eq!(clamp_region(t, Span { start: 7, end: 3 }), None);
        assert_eq!(clamp_region("", Span { start: 0, end: 0 }), None);
    }
}
