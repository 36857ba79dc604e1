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
    /// Named entities, merged into canonical people, organisations, places, groups.
    Entities,
    /// Quotes and reported speech with their speakers.
    Quotes,
    /// Narratives and sub-narratives (SemEval-2025 Task 10 taxonomy) with evidence.
    Narratives,
    /// An explanation of the dominant narrative built from the article's own
    /// sentences (SemEval-2025 Task 10 subtask 3), with its evidence.
    Explain,
    /// Entity roles (protagonist, antagonist, innocent and their fine roles) with
    /// evidence, for the entities the `entities` stage found.
    Roles,
}

impl StageConfig {
    /// The stages `analyze` runs up to and including `last`, in order.
    pub fn through(last: StageConfig) -> Vec<StageConfig> {
        let mut all = StageConfig::all();
        if let Some(i) = all.iter().position(|s| *s == last) {
            all.truncate(i + 1);
        }
        all
    }

    /// Every stage, in the order `analyze` runs them.
    pub fn all() -> Vec<StageConfig> {
        vec![
            StageConfig::Html,
            StageConfig::Clean,
            StageConfig::Segment,
            StageConfig::Meta,
            StageConfig::Entities,
            StageConfig::Quotes,
            StageConfig::Narratives,
            StageConfig::Explain,
            StageConfig::Roles,
        ]
    }
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
            stages: StageConfig::all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn through_keeps_the_stages_up_to_the_one_named() {
        let s = StageConfig::through(StageConfig::Quotes);
        assert_eq!(s.last(), Some(&StageConfig::Quotes));
        assert_eq!(s[..], StageConfig::all()[..s.len()]);
        assert!(!s.contains(&StageConfig::Narratives));
    }
}
