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
        SegmentStage { splitter: SentenceSplitter::new() }
    }
}

impl Stage for SegmentStage {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.paragraphs = paragraphs(&doc.text, &doc.body);
        doc.sentences =
            doc.paragraphs.iter().flat_map(|&p| self.splitter.split(&doc.text, p)).collect();
        Ok(())
    }
}
