//! Metadata from the text itself: outlet, publication date and language.

mod date;
mod gazetteer;
mod language;
mod outlet;

pub use date::detect_date;
pub use gazetteer::{canonical_outlet, known_outlet, outlet_key};
pub use language::LanguageDetector;
pub use outlet::{detect_outlet, outlet_from_url};

use narrascope_core::{Document, MetaSource, MetaValue, Stage, StageError};

/// Fills `outlet`, `date` and `language`, keeping values already set by an earlier
/// stage (HTML metadata) unless the input supplied its own.
#[derive(Debug)]
pub struct MetaStage {
    language: LanguageDetector,
}

impl Default for MetaStage {
    fn default() -> Self {
        Self::new()
    }
}

impl MetaStage {
    /// Builds the stage (loads the language models once).
    pub fn new() -> Self {
        MetaStage {
            language: LanguageDetector::new(),
        }
    }
}

fn given(value: &Option<String>) -> Option<MetaValue> {
    value
        .as_ref()
        .filter(|v| !v.trim().is_empty())
        .map(|v| MetaValue {
            value: v.trim().to_string(),
            source: MetaSource::Given,
            evidence: None,
            confidence: None,
        })
}

impl Stage for MetaStage {
    fn name(&self) -> &'static str {
        "meta"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let url = doc.article.given.url.clone();
        if let Some(v) = given(&doc.article.given.outlet) {
            doc.outlet = Some(v);
        } else if doc.outlet.is_none() {
            doc.outlet = detect_outlet(&doc.text, doc.title, &doc.noise, url.as_deref());
        }
        if let Some(v) = given(&doc.article.given.date) {
            doc.date = Some(v);
        } else if doc.date.is_none() {
            doc.date = detect_date(&doc.text, doc.title, &doc.noise);
        }
        let body = doc.body_text();
        let sample = if body.trim().is_empty() {
            doc.text.clone()
        } else {
            body
        };
        if let Some(lang) = self.language.detect(&sample) {
            doc.language = Some(lang);
        }
        Ok(())
    }
}
