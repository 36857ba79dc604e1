//! ROUGE-L (longest common subsequence) between a candidate and a reference text.
//!
//! Tokens are maximal runs of word characters, lower-cased. For ASCII text this is
//! exactly the default tokenizer of the PyPI `rouge-score` package without stemming
//! (`[^a-z0-9]+` → space), which the cross-check test verifies; unlike it, letters of
//! any script count as word characters (that tokenizer drops Cyrillic and Devanagari
//! entirely, so it would score every Bulgarian, Russian or Hindi pair 0), and combining
//! marks stay inside words (Devanagari vowel signs).
//!
//! ```
//! use narrascope_explain::rouge::rouge_l;
//!
//! // LCS of "the cat sat" and "the cat was sat" is 3 tokens: P = 3/3, R = 3/4.
//! let s = rouge_l("the cat sat", "The cat was sat.");
//! assert_eq!((s.precision, s.recall), (1.0, 0.75));
//! assert!((s.f1 - 2.0 * 0.75 / 1.75).abs() < 1e-12);
//! ```

/// Precision, recall and F1 of one candidate against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RougeScore {
    /// LCS length over candidate length.
    pub precision: f64,
    /// LCS length over reference length.
    pub recall: f64,
    /// Harmonic mean of the two (0 when either is 0).
    pub f1: f64,
}

fn is_word_char(c: char) -> bool {
    if c == '\u{0964}' || c == '\u{0965}' {
        // Devanagari danda and double danda end sentences.
        return false;
    }
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{0900}'..='\u{097F}').contains(&c)
}

/// Lower-cased word tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_word_char(c) {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Length of the longest common subsequence of two token sequences (O(n·m) time,
/// O(m) memory).
pub fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// ROUGE-L of already tokenised texts.
pub fn rouge_l_tokens<T: PartialEq>(candidate: &[T], reference: &[T]) -> RougeScore {
    if candidate.is_empty() || reference.is_empty() {
        return RougeScore::default();
    }
    let l = lcs(candidate, reference) as f64;
    let precision = l / candidate.len() as f64;
    let recall = l / reference.len() as f64;
    let f1 = if l == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    RougeScore {
        precision,
        recall,
        f1,
    }
}

/// ROUGE-L of `candidate` against `reference`.
pub fn rouge_l(candidate: &str, reference: &str) -> RougeScore {
    rouge_l_tokens(&tokens(candidate), &tokens(reference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_examples() {
        // Reference: police killed the gunman (4); candidate: the gunman police killed (4).
        // LCS = 2 ("police killed" or "the gunman"): P = R = F = 0.5.
        let s = rouge_l("the gunman police killed", "police killed the gunman");
        assert_eq!((s.precision, s.recall, s.f1), (0.5, 0.5, 0.5));
        // a b c d e vs a x c y e z: LCS a c e = 3; P = 3/5, R = 3/6, F = 2·.6·.5/1.1.
        let s = rouge_l("a b c d e", "a x c y e z");
        assert!((s.precision - 0.6).abs() < 1e-12 && (s.recall - 0.5).abs() < 1e-12);
        assert!((s.f1 - 0.6 / 1.1).abs() < 1e-12);
        // Nothing shared, or an empty side: 0.
        assert_eq!(rouge_l("x y", "a b").f1, 0.0);
        assert_eq!(rouge_l("", "a b").f1, 0.0);
        assert_eq!(rouge_l("a b", "... !").f1, 0.0);
        // Identical up to case and punctuation: 1.
        assert_eq!(rouge_l("The Text, accuses!", "the text accuses").f1, 1.0);
    }

    #[test]
    fn tokenises_every_script_and_keeps_devanagari_marks() {
        assert_eq!(tokens("Статията твърди, че"), ["статията", "твърди", "че"]);
        assert_eq!(tokens("इस लेख में।"), ["इस", "लेख", "में"]);
        assert_eq!(tokens("U.S. co2-levels"), ["u", "s", "co2", "levels"]);
        assert_eq!(
            rouge_l("В статье говорится", "в статье говорится что").recall,
            0.75
        );
    }

    #[test]
    fn repeated_tokens_count_once_per_match() {
        // LCS of "a a a" and "a" is 1, not 3.
        let s = rouge_l("a a a", "a");
        assert_eq!((s.precision, s.recall), (1.0 / 3.0, 1.0));
    }
}
