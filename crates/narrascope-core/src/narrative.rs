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

/// The role an entity is cast in by an article (SemEval-2025 Task 10 subtask 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleAssignment {
    /// Index into `Document::entities` of the entity cast in the role.
    pub entity: usize,
    /// The mention the role was decided at (the strongest one), as a span into
    /// `Document::text`.
    pub mention: Span,
    /// Main role: `"Protagonist"`, `"Antagonist"` or `"Innocent"`.
    pub main_role: String,
    /// Fine roles under `main_role`, strongest first (at least one).
    pub fine_roles: Vec<String>,
    /// Calibrated probability in `[0, 1]` of `main_role`.
    pub score: f32,
    /// Sentences that cast the entity in the role (1–3), strongest first.
    pub evidence: Vec<Span>,
}

/// A short explanation of why the article advances its dominant narrative (subtask 3),
/// made of the article's own sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The label explained: the dominant sub-narrative, or narrative when no
    /// sub-narrative is assigned.
    pub label: String,
    /// The explanation, at most 80 words.
    pub text: String,
    /// The sentences of the article the explanation is built from, in text order.
    pub evidence: Vec<Span>,
}
