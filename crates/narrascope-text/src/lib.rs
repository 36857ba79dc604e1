//! Paragraph and sentence segmentation over byte spans of a document's text.
//!
//! ```
//! use narrascope_core::Span;
//! use narrascope_text::{paragraphs, SentenceSplitter};
//!
//! let text = "First para. Still first.\n\nSecond para.";
//! let paras = paragraphs(text, &[Span::new(0, text.len())]);
//! assert_eq!(paras.len(), 2);
//! let sents = SentenceSplitter::new().split(text, paras[0]);
//! assert_eq!(sents.len(), 2);
//! ```

mod paragraphs;
mod sentences;
mod stage;

pub use paragraphs::paragraphs;
pub use sentences::SentenceSplitter;
pub use stage::SegmentStage;
