//! [`RoleStage`]: roles of the entities the entity stage found.

use std::sync::Arc;

use narrascope_core::{Document, EntityType, MentionKind, RoleAssignment, Span, Stage, StageError};

use crate::features::DocContext;
use crate::model::{fine_under, MAIN_ROLES};
use crate::RoleModel;

/// The default least main-role score for a role to be emitted (see
/// `models/roles/README.md` for how it was chosen).
pub const DEFAULT_MIN_SCORE: f32 = 0.6;

/// The default least number of name mentions for an entity to get a role: annotators
/// cast few of an article's entities, and rarely one named only once (see
/// `models/roles/README.md`).
pub const DEFAULT_MIN_MENTIONS: usize = 2;

/// Fills `Document::roles` with the main and fine roles of the document's people,
/// organisations, places and groups named at least `min_mentions` times (entity-stage
/// output; miscellaneous names are skipped).
///
/// Each name mention of an entity is scored with all of the entity's mentions as
/// context; the main-role scores are averaged over the mentions, and the role is given
/// when the average of the best main role reaches `min_score`. The fine roles are those
/// under it at the mention that supports it most (`RoleAssignment::mention`), and the
/// evidence is the 1–3 sentences of the mentions that support it most.
#[derive(Clone, Debug)]
pub struct RoleStage {
    model: Arc<RoleModel>,
    min_score: f32,
    min_mentions: usize,
}

impl RoleStage {
    /// A stage running `model`, emitting roles scored at least [`DEFAULT_MIN_SCORE`]
    /// for entities named at least [`DEFAULT_MIN_MENTIONS`] times.
    pub fn new(model: Arc<RoleModel>) -> RoleStage {
        RoleStage {
            model,
            min_score: DEFAULT_MIN_SCORE,
            min_mentions: DEFAULT_MIN_MENTIONS,
        }
    }

    /// The same stage with another least number of name mentions (0 or 1: every
    /// entity named at all).
    pub fn with_min_mentions(mut self, min_mentions: usize) -> RoleStage {
        self.min_mentions = min_mentions;
        self
    }

    /// The same stage with another emission threshold (0 emits every entity's role).
    pub fn with_min_score(mut self, min_score: f32) -> RoleStage {
        self.min_score = min_score;
        self
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
        for (ei, entity) in doc.entities.iter().enumerate() {
            if entity.etype == EntityType::Misc {
                continue;
            }
            let spans: Vec<Span> = entity
                .mentions
                .iter()
                .filter_map(|&m| doc.mentions.get(m))
                .filter(|m| m.kind == MentionKind::Name && m.span.end <= doc.text.len())
                .map(|m| m.span)
                .collect();
            if spans.is_empty() || spans.len() < self.min_mentions {
                continue;
            }
            let scored: Vec<(Span, [f32; 3], Vec<f32>)> = spans
                .iter()
                .map(|&s| {
                    let x = self.model.vector(&ctx, s, &spans);
                    let (pm, pf) = self.model.probabilities(&x);
                    let p = crate::decide(&pm, &pf, &self.model.decision);
                    (s, p.main_scores, pf)
                })
                .collect();
            let mut avg = [0f32; 3];
            for (_, m, _) in &scored {
                for k in 0..3 {
                    avg[k] += m[k] / scored.len() as f32;
                }
            }
            let main = (0..3)
                .max_by(|&a, &b| avg[a].total_cmp(&avg[b]).then(b.cmp(&a)))
                .unwrap_or(0);
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
            doc.roles.push(RoleAssignment {
                entity: ei,
                mention: best.0,
                main_role: MAIN_ROLES[main].to_string(),
                fine_roles,
                score: avg[main],
                evidence,
            });
        }
        Ok(())
    }
}
