//! [`NarrativeStage`]: the classifier as a pipeline stage.

use std::sync::Arc;

use narrascope_core::{Document, Stage, StageError};

use crate::Narratives;

/// Fills `Document::{narratives, subnarratives}` with labels, calibrated scores and
/// evidence sentences (spans into `Document::text`, taken from `Document::sentences`
/// when the segmenter ran, else split here), using the model of the document's
/// language (guessed from the text when the meta stage has not set it).
#[derive(Clone, Debug)]
pub struct NarrativeStage {
    models: Arc<Narratives>,
}

impl NarrativeStage {
    /// A stage running `models` (the one for `Document::language` when known).
    pub fn new(models: Arc<Narratives>) -> NarrativeStage {
        NarrativeStage { models }
    }
}

impl Stage for NarrativeStage {
    fn name(&self) -> &'static str {
        "narratives"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let hint = doc.language.as_ref().map(|l| l.value.as_str());
        let labelled = self.models.label(&doc.text, &doc.sentences, hint);
        doc.narratives = labelled.narratives;
        doc.subnarratives = labelled.subnarratives;
        Ok(())
    }
}
