//! [`RoleStage`]: roles of the entities the entity stage found.

use std::sync::Arc;

use narrascope_core::{Document, RoleAssignment, Span, Stage, StageError};

use crate::features::DocContext;
use crate::gate::candidates;
use crate::model::{fine_under, MAIN_ROLES};
use crate::RoleModel;

/// The least main-role score of the rule used without a gate (see
/// `models/roles/README.md` for how it was chosen).
pub const DEFAULT_MIN_SCORE: f32 = 0.6;

/// The least number of name mentions of the rule used without a gate: annotators cast
/// few of an article's entities, and rarely one named only once (see
/// `models/roles/README.md`).
pub const DEFAULT_MIN_MENTIONS: usize = 2;

/// Fills `Document::roles` with the main and fine roles of the document's people,
/// organisations, places and groups that have one (entity-stage output;
/// miscellaneous names are skipped).
///
/// Each name mention of an entity is scored with all of the entity's mentions as
/// context and the main-role scores are averaged over the mentions. Whether the entity
/// gets a role at all is decided by the model's salience gate ([`crate::gate`]) when it
/// has one, otherwise by the rule "averaged score of the best main role at least
/// [`DEFAULT_MIN_SCORE`] and named at least [`DEFAULT_MIN_MENTIONS`] times"; either can
/// be tightened with [`RoleStage::with_min_score`] and
/// [`RoleStage::with_min_mentions`]. The fine roles are those under the main role at the
/// mention that supports it most (`RoleAssignment::mention`), and the evidence is the
/// 1–3 sentences of the mentions that support it most.
#[derive(Clone, Debug)]
pub struct RoleStage {
    model: Arc<RoleModel>,
    gate: bool,
    min_score: f32,
    min_mentions: usize,
}

impl RoleStage {
    /// A stage running `model`: with its gate when it has one (and no other
    /// threshold), else with the score and mention rule.
    pub fn new(model: Arc<RoleModel>) -> RoleStage {
        let stage = RoleStage {
            gate: model.gate.is_some(),
            model,
            min_score: 0.0,
            min_mentions: 1,
        };
        if stage.gate {
            stage
        } else {
            stage.without_gate()
        }
    }

    /// The same stage with the score and mention rule instead of the gate
    /// ([`DEFAULT_MIN_SCORE`], [`DEFAULT_MIN_MENTIONS`]).
    pub fn without_gate(mut self) -> RoleStage {
        self.gate = false;
        self.min_score = DEFAULT_MIN_SCORE;
        self.min_mentions = DEFAULT_MIN_MENTIONS;
        self
    }

    /// The same stage with another least number of name mentions (0 or 1: every
    /// entity named at all).
    pub fn with_min_mentions(mut self, min_mentions: usize) -> RoleStage {
        self.min_mentions = min_mentions;
        self
    }

    /// The same stage with another least main-role score (0: no score threshold).
    pub fn with_min_score(mut self, min_score: f32) -> RoleStage {
        self.min_score = min_score;
        self
    }

    /// Whether the gate decides which entities get a role.
    pub fn gated(&self) -> bool {
        self.gate
    }
}

impl Stage for RoleStage {
    fn name(&self) -> &'static str {
        "roles"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.roles.clear();
        if doc.entities.is_empty() {
            return Ok(());
        }
        let ctx = DocContext::new(&doc.text, &doc.sentences);
        let mut roles = Vec::new();
        for (ei, raw, sc) in candidates(doc, &ctx, &self.model) {
            let scored = &sc.scored;
            if scored.len() < self.min_mentions {
                continue;
            }
            if self.gate && !self.model.gate.as_ref().is_some_and(|g| g.passes(&raw)) {
                continue;
            }
            let avg = sc.avg;
            let main = self.model.decision.main_of(&avg);
            if avg[main] < self.min_score {
                continue;
            }
            let mut order: Vec<usize> = (0..scored.len()).collect();
            order.sort_by(|&a, &b| {
                scored[b].1[main]
                    .total_cmp(&scored[a].1[main])
                    .then(scored[a].0.start.cmp(&scored[b].0.start))
            });
            let best = &scored[order[0]];
            let names = crate::fine_roles();
            let fine_roles = fine_under(&best.2, main, &self.model.decision)
                .into_iter()
                .map(|(i, _)| names[i].0.to_string())
                .collect();
            let mut evidence: Vec<Span> = Vec::new();
            for &i in &order {
                if let Some(si) = ctx.sentence_of(scored[i].0.start) {
                    let s = ctx.sentences()[si];
                    if !evidence.contains(&s) {
                        evidence.push(s);
                    }
                }
                if evidence.len() == 3 {
                    break;
                }
            }
            roles.push(RoleAssignment {
                entity: ei,
                mention: best.0,
                main_role: MAIN_ROLES[main].to_string(),
                fine_roles,
                score: avg[main],
                evidence,
            });
        }
        doc.roles = roles;
        Ok(())
    }
}
