//! Length caps, pathological input and the span invariants.

use narrascope_core::Span;

use crate::sentences::{SentenceSplitter, DEFAULT_MAX_SENTENCE_CHARS};

#[test]
fn megabyte_without_punctuation_is_capped_at_whitespace() {
    let text = "word ".repeat(200_000);
    let sents = SentenceSplitter::new().split(&text, Span::new(0, text.len()));
    assert!(sents.len() >= 1000);
    for s in &sents {
        let t = s.slice(&text);
        assert!(t.chars().count() <= DEFAULT_MAX_SENTENCE_CHARS);
        assert!(
            t.starts_with("word") && t.ends_with("word"),
            "cut inside a word: {t:?}"
        );
    }
}

#[test]
fn megabyte_without_whitespace_is_capped_on_char_boundaries() {
    let text = "жж".repeat(300_000);
    let sents = SentenceSplitter::new()
        .with_max_chars(500)
        .split(&text, Span::new(0, text.len()));
    assert_eq!(sents.len(), 1200);
    assert!(sents.iter().all(|s| s.slice(&text).chars().count() == 500));
}

#[test]
fn pathological_punctuation_is_linear_and_total() {
    for unit in ["! ", ". ", "... ", "\n", "\n\n", "“", "U.S. ", "a.", " . "] {
        let text = unit.repeat(100_000);
        let sents = SentenceSplitter::new().split(&text, Span::new(0, text.len()));
        assert_invariants(&text, Span::new(0, text.len()), &sents);
    }
}

#[test]
fn many_candidates_after_a_long_prefix_stay_linear() {
    // Each `1.` is a list-label candidate and each `!"` an attribution candidate;
    // none may rescan the long run before it.
    for (prefix, unit) in [
        ("(", "1. "),
        (" ", "1. "),
        ("x", "!\" Ab "),
        (" ", "!\" Ab "),
    ] {
        let text = prefix.repeat(300_000) + &unit.repeat(100_000);
        let start = std::time::Instant::now();
        let sents = SentenceSplitter::new().split(&text, Span::new(0, text.len()));
        assert_invariants(&text, Span::new(0, text.len()), &sents);
        let took = start.elapsed();
        assert!(took.as_secs() < 10, "{prefix:?} {unit:?} took {took:?}");
    }
}

#[test]
fn bad_regions_are_clamped() {
    let t = "Hé. Ho.";
    let s = SentenceSplitter::new();
    assert!(s.split(t, Span { start: 5, end: 2 }).is_empty());
    let got: Vec<&str> = s
        .split(t, Span { start: 2, end: 500 })
        .iter()
        .map(|x| x.slice(t))
        .collect();
    // Byte 2 is inside "é": the region starts at the next character, and the lone
    // "." left at its start is no sentence.
    assert_eq!(got, ["Ho."]);
    assert!(s.split("", Span::new(0, 0)).is_empty());
}

/// Spans are trimmed, non-empty, ordered, disjoint, inside the region and on
/// character boundaries.
fn assert_invariants(text: &str, region: Span, sents: &[Span]) {
    let mut last = region.start;
    for s in sents {
        assert!(!s.is_empty());
        assert!(s.start >= last && s.end <= region.end);
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.slice(text);
        assert_eq!(t, t.trim());
        last = s.end;
    }
}

#[test]
fn invariants_on_mixed_noise() {
    // A deterministic pseudo-random mix of tricky characters.
    let alphabet: Vec<char> = "aZ. !?\n\r\t…।。\"'“”«»()[]1•-жक ".chars().collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let region = Span::new(0, text.len());
        let sents = SentenceSplitter::new()
            .with_max_chars(20)
            .split(&text, region);
        assert_invariants(&text, region, &sents);
    }
}
