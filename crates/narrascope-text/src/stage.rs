//! The segmentation stage: body regions → paragraphs → sentences.

use narrascope_core::{Document, Stage, StageError};

use crate::{paragraphs, SentenceSplitter};

/// Fills `Document::paragraphs` and `Document::sentences` from `Document::body`.
#[derive(Debug, Default, Clone)]
pub struct SegmentStage {
    splitter: SentenceSplitter,
}

impl SegmentStage {
    /// A stage with the default sentence splitter.
    pub fn new() -> Self {
        SegmentStage {
            splitter: SentenceSplitter::new(),
        }
    }

    /// A stage with a configured splitter (for example another length cap).
    pub fn with_splitter(splitter: SentenceSplitter) -> Self {
        SegmentStage { splitter }
    }
}

impl Stage for SegmentStage {
    fn name(&self) -> &'static str {
        "segment"
    }

    /// Never fails: segmentation accepts any text, and out-of-range body spans are
    /// clamped rather than rejected.
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.paragraphs = paragraphs(&doc.text, &doc.body);
        let mut sentences = Vec::with_capacity(doc.paragraphs.len() * 4);
        for &p in &doc.paragraphs {
            self.splitter.split_into(&doc.text, p, &mut sentences);
        }
        doc.sentences = sentences;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use narrascope_core::{Article, GivenMeta, SourceFormat, Span};

    use super::*;

    fn doc(text: &str, body: Vec<Span>) -> Document {
        let mut d = Document::from_text(Article {
            id: "t".into(),
            path: "t.txt".into(),
            format: SourceFormat::Text,
            raw: text.into(),
            given: GivenMeta::default(),
        });
        d.body = body;
        d
    }

    #[test]
    fn fills_paragraphs_and_sentences_inside_them() {
        let text = "Title\n\nMr. Smith came. He saw.\n\nShe won.";
        let mut d = doc(text, vec![Span::new(7, text.len())]);
        assert!(SegmentStage::new().run(&mut d).is_ok());
        let paras: Vec<&str> = d.paragraphs.iter().map(|&p| d.slice(p)).collect();
        assert_eq!(paras, ["Mr. Smith came. He saw.", "She won."]);
        let sents: Vec<&str> = d.sentences.iter().map(|&s| d.slice(s)).collect();
        assert_eq!(sents, ["Mr. Smith came.", "He saw.", "She won."]);
        assert!(d
            .sentences
            .iter()
            .all(|s| d.paragraphs.iter().any(|p| p.contains(*s))));
    }

    #[test]
    fn bad_body_spans_do_not_panic() {
        let text = "Привет. Мир.";
        let mut d = doc(
            text,
            vec![Span { start: 1, end: 999 }, Span { start: 50, end: 60 }],
        );
        assert!(SegmentStage::new().run(&mut d).is_ok());
        let sents: Vec<&str> = d.sentences.iter().map(|&s| d.slice(s)).collect();
        assert_eq!(sents, ["ривет.", "Мир."]);
    }
}
