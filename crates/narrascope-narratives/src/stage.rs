//! [`NarrativeStage`]: the classifier as a pipeline stage.

use std::sync::Arc;

use narrascope_core::{Document, Stage, StageError};

use crate::NarrativeModel;

/// Fills `Document::{narratives, subnarratives}` with labels, calibrated scores and
/// evidence sentences (spans into `Document::text`, taken from `Document::sentences`
/// when the segmenter ran, else split here).
#[derive(Clone, Debug)]
pub struct NarrativeStage {
    model: Arc<NarrativeModel>,
}

impl NarrativeStage {
    /// A stage running `model`.
    pub fn new(model: Arc<NarrativeModel>) -> NarrativeStage {
        NarrativeStage { model }
    }
}

impl Stage for NarrativeStage {
    fn name(&self) -> &'static str {
        "narratives"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let labelled = self.model.label(&doc.text, &doc.sentences);
        doc.narratives = labelled.narratives;
        doc.subnarratives = labelled.subnarratives;
        Ok(())
    }
}
