//! The built pipeline: validated once, then run on many documents from many threads.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use narrascope_core::{Article, Document, InputError, InputErrorKind, Stage};
use narrascope_entities::EntityStage;
use narrascope_explain::{ExplainStage, Explainer};
use narrascope_ingest::{CleanStage, HtmlStage, MetaStage};
use narrascope_narratives::{NarrativeStage, Narratives};
use narrascope_quotes::QuoteStage;
use narrascope_roles::{RoleModel, RoleStage};
use narrascope_text::SegmentStage;

use crate::{PipelineConfig, StageConfig};

/// A configuration that cannot be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The stage order breaks a dependency (for example `segment` before `clean`).
    #[error("stage `{stage}` needs `{needs}` to run before it")]
    Order {
        /// The stage that is misplaced.
        stage: &'static str,
        /// The stage it depends on.
        needs: &'static str,
    },
    /// A stage's model could not be loaded (a corrupt or incompatible model file).
    #[error("stage `{stage}` could not load its model: {reason}")]
    Model {
        /// The stage.
        stage: &'static str,
        /// Why.
        reason: String,
    },
}

impl PipelineError {
    fn model(stage: &'static str, e: impl std::fmt::Display) -> Self {
        PipelineError::Model {
            stage,
            reason: e.to_string(),
        }
    }
}

/// An immutable, thread-safe pipeline of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<_> = self.stages.iter().map(|s| s.name()).collect();
        f.debug_struct("Pipeline").field("stages", &names).finish()
    }
}

impl Pipeline {
    /// Builds every stage of `config` (loading models once) after checking the order.
    pub fn build(config: &PipelineConfig) -> Result<Pipeline, PipelineError> {
        let pos = |want: &StageConfig| config.stages.iter().position(|s| s == want);
        let needs = [
            (StageConfig::Clean, "clean", StageConfig::Html, "html"),
            (StageConfig::Segment, "segment", StageConfig::Clean, "clean"),
            (StageConfig::Meta, "meta", StageConfig::Clean, "clean"),
            (
                StageConfig::Entities,
                "entities",
                StageConfig::Segment,
                "segment",
            ),
            (
                StageConfig::Quotes,
                "quotes",
                StageConfig::Segment,
                "segment",
            ),
            (
                StageConfig::Narratives,
                "narratives",
                StageConfig::Segment,
                "segment",
            ),
            (
                StageConfig::Explain,
                "explain",
                StageConfig::Narratives,
                "narratives",
            ),
            (
                StageConfig::Roles,
                "roles",
                StageConfig::Entities,
                "entities",
            ),
        ];
        for (stage, sname, dep, dname) in needs {
            if let Some(i) = pos(&stage) {
                if pos(&dep).is_none_or(|j| j > i) {
                    return Err(PipelineError::Order {
                        stage: sname,
                        needs: dname,
                    });
                }
            }
        }
        // The narrative models, loaded once for the narratives and explain stages.
        let mut shared: Option<Arc<Narratives>> = None;
        let narratives = |shared: &mut Option<Arc<Narratives>>, stage: &'static str| {
            if shared.is_none() {
                let m = Narratives::embedded().map_err(|e| PipelineError::model(stage, e))?;
                *shared = Some(Arc::new(m));
            }
            Ok::<_, PipelineError>(shared.clone().expect("set above"))
        };
        let mut stages: Vec<Box<dyn Stage>> = Vec::with_capacity(config.stages.len());
        for s in &config.stages {
            stages.push(match s {
                StageConfig::Html => Box::new(HtmlStage::new()),
                StageConfig::Clean => Box::new(CleanStage::new()),
                StageConfig::Segment => Box::new(SegmentStage::new()),
                StageConfig::Meta => Box::new(MetaStage::new()),
                StageConfig::Entities => {
                    Box::new(EntityStage::new().map_err(|e| PipelineError::model("entities", e))?)
                }
                StageConfig::Quotes => {
                    Box::new(QuoteStage::new().map_err(|e| PipelineError::model("quotes", e))?)
                }
                StageConfig::Narratives => {
                    Box::new(NarrativeStage::new(narratives(&mut shared, "narratives")?))
                }
                StageConfig::Explain => {
                    let explainer =
                        Explainer::embedded().map_err(|e| PipelineError::model("explain", e))?;
                    Box::new(ExplainStage::new(
                        narratives(&mut shared, "explain")?,
                        Arc::new(explainer),
                    ))
                }
                StageConfig::Roles => {
                    let model =
                        RoleModel::embedded().map_err(|e| PipelineError::model("roles", e))?;
                    Box::new(RoleStage::new(Arc::new(model)))
                }
            });
        }
        Ok(Pipeline { stages })
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on one article. A stage failure, or a panic inside a stage (a
    /// bug), becomes an [`InputError`] for this article only.
    pub fn analyze(&self, article: Article) -> Result<Document, InputError> {
        let path = article.path.clone();
        let id = article.id.clone();
        let mut doc = Document::from_text(article);
        for stage in &self.stages {
            let outcome = catch_unwind(AssertUnwindSafe(|| stage.run(&mut doc)));
            let err = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => {
                    let kind = if e.stage == "html" {
                        InputErrorKind::NoArticle
                    } else {
                        InputErrorKind::Internal
                    };
                    InputError::new(&path, kind, e.to_string())
                }
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    InputError::new(
                        &path,
                        InputErrorKind::Internal,
                        format!("stage {} failed (bug, please report): {what}", stage.name()),
                    )
                }
            };
            return Err(InputError {
                id: Some(id),
                ..err
            });
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misordered_config_is_refused() {
        let cfg = PipelineConfig {
            stages: vec![StageConfig::Segment, StageConfig::Html, StageConfig::Clean],
        };
        let err = Pipeline::build(&cfg).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stage `segment` needs `clean` to run before it"
        );
    }

    #[test]
    fn config_round_trips_as_json() {
        let cfg = PipelineConfig::default();
        let json = serde_json::to_string(&cfg).unwrap();
        assert!(json.contains("{\"type\":\"html\"}"));
        let back: PipelineConfig = serde_json::from_str(&json).unwrap();
        assert_eq!(back, cfg);
    }
}
