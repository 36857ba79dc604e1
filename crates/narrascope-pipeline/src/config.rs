//! The pipeline's serialisable configuration.

use serde::{Deserialize, Serialize};

/// One stage and its settings. Tagged by `type` so a whole pipeline is one JSON value:
/// `{"stages": [{"type": "html"}, {"type": "clean"}, …]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StageConfig {
    /// HTML pages → article text with a source map.
    Html,
    /// Title, scrape noise and body regions.
    Clean,
    /// Paragraphs and sentences.
    Segment,
    /// Outlet, date and language.
    Meta,
}

/// The stages to run, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PipelineConfig {
    /// Stages in execution order.
    pub stages: Vec<StageConfig>,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            stages: vec![
                StageConfig::Html,
                StageConfig::Clean,
                StageConfig::Segment,
                StageConfig::Meta,
            ],
        }
    }
}
