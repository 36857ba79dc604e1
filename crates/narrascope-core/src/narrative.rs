//! Narrative labels assigned to a document, with their scores and evidence.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One label of a hierarchical taxonomy (a narrative or a sub-narrative) assigned to a
/// document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelScore {
    /// The label as the taxonomy spells it (`"CC: Criticism of climate policies"`).
    pub label: String,
    /// Calibrated probability in `[0, 1]` that the label applies.
    pub score: f32,
    /// The sentences contributing most to the score (1–3), as spans into
    /// `Document::text`, strongest first. Empty for the fallback label `"Other"`.
    pub evidence: Vec<Span>,
}
