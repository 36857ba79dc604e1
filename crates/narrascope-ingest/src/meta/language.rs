//! Language identification.
//!
//! Measured on every raw training document of SemEval-2025 Task 10 (EN 399, BG 401,
//! HI 366, PT 400, RU 133; the folder name is the gold language), all 1,699 are
//! identified correctly with this configuration. Two speed choices were measured and
//! kept:
//!
//! * The sample is the first ~1,000 bytes of the body. 2,000 bytes gave the same
//!   accuracy at about half the speed; 300 bytes started to miss (one BG document).
//! * A probe of the first 160 letters is scored first and its answer kept when its
//!   confidence rounds to 1.0; otherwise the full sample is scored. On the 84 PolNeAR
//!   dev articles this cut lingua from 0.67 G to 0.21 G instructions (callgrind),
//!   and language and confidence stayed identical on all 2,836 articles checked:
//!   SemEval-2025 T10 train (1,699, five languages) and EN/BG test (201), PolNeAR
//!   train and dev (924), the sample corpus (12). Probes of 120–150 letters are
//!   slower, not faster: below 120 letters lingua scores 1- to 5-grams.
//! * Detection and confidence come from one pass (`compute_language_confidence_values`)
//!   instead of `detect_language_of` followed by `compute_language_confidence`, which
//!   scores the text twice.
//!
//! Two other options were measured and rejected: lingua's low-accuracy mode was no
//! faster on texts of this length (above 120 characters lingua uses trigrams only in
//! either mode) and it misread 19–25 English documents; restricting the detector to
//! the five corpus languages was faster but would misread German, French, Spanish,
//! Italian and Polish articles, which the build supports.

use lingua::{Language, LanguageDetectorBuilder};
use narrascope_core::{MetaSource, MetaValue};

/// Bytes of text the detector looks at.
const SAMPLE_BYTES: usize = 1000;

/// Letters in the probe scored before the full sample. lingua switches from 1- to
/// 5-grams to trigrams only at 120 letters, which is several times cheaper per letter;
/// 160 keeps every probe above that line.
const PROBE_LETTERS: usize = 160;

/// Identifies the language of a text among the languages narrascope is built with
/// (English, Bulgarian, Hindi, Portuguese, Russian, Ukrainian, German, French,
/// Spanish, Italian, Polish).
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
    /// Builds the detector. lingua loads each language model on first use and keeps
    /// it for the life of the process, so building several detectors is cheap.
    pub fn new() -> Self {
        let inner = LanguageDetectorBuilder::from_all_languages().build();
        LanguageDetector { inner }
    }

    /// The language of `text` as an ISO 639-1 code with a confidence, or `None` when
    /// the text has no letters or two languages tie.
    pub fn detect(&self, text: &str) -> Option<MetaValue> {
        let full = sample(text, SAMPLE_BYTES);
        if full.trim().is_empty() {
            return None;
        }
        // Most articles are decided long before the end of the sample: score a short
        // probe first and keep its answer when it is certain (its confidence rounds
        // to 1.0, as the full sample's does for nearly every article); anything less
        // is scored again on the full sample. A certain probe could still disagree
        // with the full sample on an article that changes language after its first
        // lines; on the 2,836 articles measured (see the module notes) none did.
        let head = probe(full, PROBE_LETTERS);
        if head.len() < full.len() {
            if let Some((lang, best)) = self.score(head).filter(|(_, b)| *b as f32 == 1.0) {
                return Some(value(lang, best));
            }
        }
        self.score(full).map(|(lang, best)| value(lang, best))
    }

    fn score(&self, sample: &str) -> Option<(Language, f64)> {
        let values = self.inner.compute_language_confidence_values(sample);
        let (lang, best): (Language, f64) = *values.first()?;
        let second = values.get(1).map_or(0.0, |v| v.1);
        // The same rule as lingua's `detect_language_of`: no answer when nothing
        // scored or the two best tie.
        if best <= 0.0 || (best - second).abs() < f64::EPSILON {
            return None;
        }
        Some((lang, best))
    }
}

fn value(lang: Language, best: f64) -> MetaValue {
    MetaValue {
        value: lang.iso_code_639_1().to_string(),
        source: MetaSource::Model,
        evidence: None,
        confidence: Some(best as f32),
    }
}

/// The start of `sample` holding at least `letters` letters, cut at the whitespace
/// after them (all of `sample` when it is shorter).
fn probe(sample: &str, letters: usize) -> &str {
    let mut seen = 0;
    for (i, c) in sample.char_indices() {
        if seen >= letters && c.is_whitespace() {
            return &sample[..i];
        }
        if c.is_alphabetic() {
            seen += 1;
        }
    }
    sample
}

/// The start of `text`, at most `max` bytes, cut after the last whitespace so no
/// half word is scored (or at a character boundary when there is none).
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    match head.rfind(char::is_whitespace) {
        Some(ws) if ws > max / 2 => &head[..ws],
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let d = LanguageDetector::new();
        let en = d.detect("The minister said the talks would continue next week in Geneva.");
        assert_eq!(en.unwrap().value, "en");
        let ru = d.detect("Министр заявил, что переговоры продолжатся на следующей неделе.");
        assert_eq!(ru.unwrap().value, "ru");
        let pt = d.detect("O ministro disse que as negociações vão continuar na próxima semana.");
        assert_eq!(pt.unwrap().value, "pt");
    }

    #[test]
    fn empty_and_symbols_give_none() {
        let d = LanguageDetector::new();
        assert!(d.detect("").is_none());
        assert!(d.detect("   \n ").is_none());
        assert!(d.detect("12345 !!! ---").is_none());
    }

    #[test]
    fn probe_holds_the_letters_and_ends_at_a_space() {
        let text = "ab cd ef gh";
        assert_eq!(probe(text, 3), "ab cd");
        assert_eq!(probe(text, 4), "ab cd");
        assert_eq!(probe(text, 5), "ab cd ef");
        assert_eq!(probe(text, 100), text);
        assert_eq!(probe("12 34 56 ab", 1), "12 34 56 ab");
    }

    #[test]
    fn the_probe_gives_the_full_sample_answer() {
        let d = LanguageDetector::new();
        let en = "The minister said on Tuesday that the talks about grain shipments would \
                  continue next week in Geneva, and that both delegations had agreed to \
                  meet again before the end of the month to settle the remaining points. ";
        let bg = "Министърът заяви във вторник, че преговорите за износа на зърно ще \
                  продължат следващата седмица в Женева и че двете делегации са се \
                  съгласили да се срещнат отново преди края на месеца. ";
        for text in [en.repeat(6), bg.repeat(6)] {
            let full = d
                .score(sample(&text, SAMPLE_BYTES))
                .map(|(l, b)| value(l, b));
            assert!(probe(&text, PROBE_LETTERS).len() < sample(&text, SAMPLE_BYTES).len());
            assert_eq!(d.detect(&text), full);
        }
    }

    #[test]
    fn sample_cuts_on_char_boundary() {
        let s = "ж".repeat(800);
        let cut = sample(&s, 1001);
        assert!(cut.len() <= 1001);
        assert!(s.starts_with(cut));
    }
}
