//! The curated suite: hand-written sentences, one test per phenomenon, each with
//! the exact expected split.

mod abbreviations;
mod languages;
mod lines;
mod punctuation;
mod quotations;
mod robustness;

use narrascope_core::Span;

use super::SentenceSplitter;

/// Splits the whole of `text` and returns the sentence strings.
fn split(text: &str) -> Vec<&str> {
    SentenceSplitter::new()
        .split(text, Span::new(0, text.len()))
        .iter()
        .map(|s| s.slice(text))
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    assert_eq!(split(text), expected, "input: {text:?}");
}
