//! Language identification.

use lingua::{Language, LanguageDetectorBuilder};
use narrascope_core::{MetaSource, MetaValue};

/// Identifies the language of a text among the languages narrascope is built with.
pub struct LanguageDetector {
    inner: lingua::LanguageDetector,
}

impl std::fmt::Debug for LanguageDetector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LanguageDetector")
    }
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageDetector {
    /// Loads the language models (once per process).
    pub fn new() -> Self {
        let inner = LanguageDetectorBuilder::from_all_languages().build();
        LanguageDetector { inner }
    }

    /// The language of `text` as an ISO 639-1 code with a confidence.
    pub fn detect(&self, text: &str) -> Option<MetaValue> {
        // Long inputs add nothing to accuracy but cost time: the first 2,000 bytes
        // (cut at a character boundary) are plenty.
        let mut end = text.len().min(2000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        let lang: Language = self.inner.detect_language_of(sample)?;
        let confidence = self.inner.compute_language_confidence(sample, lang) as f32;
        Some(MetaValue {
            value: lang.iso_code_639_1().to_string(),
            source: MetaSource::Model,
            evidence: None,
            confidence: Some(confidence),
        })
    }
}
