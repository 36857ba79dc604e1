//! A CoNLL-style word tokenizer that keeps byte offsets.
//!
//! The tagger was trained on CoNLL-2003 tokens, so the tokenizer splits text the same way:
//! punctuation apart from words, possessive `'s` and `n't` apart, hyphenated words and
//! abbreviations (`U.S.`, `Mr.`) whole. It never allocates per character and runs in time
//! linear in the input.

/// A token: byte range `[start, end)` of the text it was cut from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations that keep their full stop (lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "sen", "rep",
    "gov", "pres", "st", "jr", "sr", "inc", "corp", "ltd", "co", "mt", "ft", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "messrs",
    "dept", "univ", "approx", "est", "fig", "gov't",
];

/// Characters that are always a token of their own.
fn is_split_char(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‘'
            | '’'
            | ';'
            | '!'
            | '?'
            | '—'
            | '–'
            | '…'
            | '/'
            | '|'
            | '*'
            | '<'
            | '>'
    )
}

/// Characters split off the ends of a word (but kept inside: `1,000`, `10:30`, `U.S.`).
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ':' | '\'' | '`' | '-' | '#' | '@' | '+' | '=' | '।' | '॥'
    ) || is_split_char(c)
}

/// Splits `text` into tokens.
///
/// ```
/// use narrascope_entities::tokenize::tokenize;
/// let text = "Mr. Lukashenko's aides met U.S. officials.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Mr.", "Lukashenko", "'s", "aides", "met", "U.S.", "officials", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// Appends the tokens of `text[start..end]` to `out` (offsets into `text`).
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let region = &text[start..end];
    let mut chunk_start: Option<usize> = None;
    for (i, c) in region.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, start + s, start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, start + s, end, out);
    }
}

/// Splits one whitespace-free chunk.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    // First cut at characters that always stand alone.
    let mut piece = start;
    for (i, c) in text[start..end].char_indices() {
        if is_split_char(c) {
            let at = start + i;
            // Apostrophe-like ’ inside a word (don’t, Lukashenko’s) is not a split point.
            if c == '’' && at > piece && at + c.len_utf8() < end {
                let next = text[at + c.len_utf8()..end].chars().next();
                if next.is_some_and(|n| n.is_alphabetic()) {
                    continue;
                }
            }
            if at > piece {
                split_word(text, piece, at, out);
            }
            out.push(Token {
                start: at,
                end: at + c.len_utf8(),
            });
            piece = at + c.len_utf8();
        }
    }
    if piece < end {
        split_word(text, piece, end, out);
    }
}

/// Splits edge punctuation and clitics off a word.
fn split_word(text: &str, mut start: usize, end: usize, out: &mut Vec<Token>) {
    // Leading punctuation, one token per character.
    while start < end {
        let c = text[start..end].chars().next().expect("non-empty");
        // Keep a leading apostrophe of "'s", "'90s" only when it is the whole word's start.
        if is_edge_punct(c) && !(c == '\'' && start + 1 < end && word_like(&text[start..end])) {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
            });
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation: found first, pushed after the word, one token per character.
    let word_end = {
        let mut end = end;
        while start < end {
            let c = text[start..end].chars().next_back().expect("non-empty");
            if !is_edge_punct(c) || (c == '.' && keeps_stop(&text[start..end])) {
                break;
            }
            end -= c.len_utf8();
        }
        end
    };
    if start < word_end {
        let w = &text[start..word_end];
        let clitic = clitic_len(w);
        if clitic > 0 && clitic < w.len() {
            out.push(Token {
                start,
                end: word_end - clitic,
            });
            out.push(Token {
                start: word_end - clitic,
                end: word_end,
            });
        } else {
            out.push(Token {
                start,
                end: word_end,
            });
        }
    }
    out.extend(text[word_end..end].char_indices().map(|(i, c)| Token {
        start: word_end + i,
        end: word_end + i + c.len_utf8(),
    }));
}

/// True for `'s`, `'90s`, `'em`: an apostrophe followed by letters or digits.
fn word_like(w: &str) -> bool {
    let rest = &w[1..];
    !rest.is_empty() && rest.chars().all(|c| c.is_alphanumeric())
}

/// Whether a word ending in `.` keeps it: abbreviations and initials.
fn keeps_stop(w: &str) -> bool {
    let body = &w[..w.len() - 1];
    if body.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.S.", "a.m."
    if body.contains('.') {
        return body.chars().all(|c| c.is_alphabetic() || c == '.');
    }
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    if body.len() > 8 {
        return false;
    }
    let lower = body.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Byte length of a trailing clitic (`'s`, `’s`, `n't`, `'re`, …) or 0.
fn clitic_len(w: &str) -> usize {
    // Every clitic holds an apostrophe: most words are ruled out by one scan.
    if !w.contains(['\'', '’']) {
        return 0;
    }
    // `tail.to_lowercase() == n`, compared char by char instead of allocating: the
    // clitics hold no final sigma, the one place the two lowercasings differ.
    let lower_tail = |n: &str| -> bool {
        w.len() >= n.len()
            && w.is_char_boundary(w.len() - n.len())
            && w[w.len() - n.len()..]
                .chars()
                .flat_map(char::to_lowercase)
                .eq(n.chars())
    };
    for n in ["n't", "n’t"] {
        if lower_tail(n) {
            return n.len();
        }
    }
    for n in [
        "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
    ] {
        if lower_tail(n) {
            return n.len();
        }
    }
    // Plural possessive: "countries'" keeps the apostrophe apart via edge punctuation.
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_in_any_case() {
        assert_eq!(clitic_len("DON'T"), 3);
        assert_eq!(clitic_len("Putin’S"), "’s".len());
        assert_eq!(clitic_len("we'll"), 3);
        assert_eq!(clitic_len("Σ's"), 2);
        assert_eq!(clitic_len("tents"), 0);
        assert_eq!(clitic_len("s"), 0);
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  “We are ready,” said Lukashenko’s aide—in Minsk.\n";
        let toks = tokenize(text);
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!t.text(text).trim().is_empty());
        }
        assert_eq!(
            words(text),
            [
                "“",
                "We",
                "are",
                "ready",
                ",",
                "”",
                "said",
                "Lukashenko",
                "’s",
                "aide",
                "—",
                "in",
                "Minsk",
                "."
            ]
        );
        assert_eq!(toks[0].start, 2);
    }

    #[test]
    fn keeps_numbers_abbreviations_and_hyphens() {
        assert_eq!(
            words("Dr. J. Smith paid $1,000.50 at 10:30 in the U.S. on 67-year-old day."),
            [
                "Dr.",
                "J.",
                "Smith",
                "paid",
                "$1,000.50",
                "at",
                "10:30",
                "in",
                "the",
                "U.S.",
                "on",
                "67-year-old",
                "day",
                "."
            ]
        );
        assert_eq!(words("don't (yes)"), ["do", "n't", "(", "yes", ")"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            " ",
            "...",
            "'",
            "’s",
            "a’",
            "’",
            "n't",
            "\u{0}",
            "é.",
            "x\u{301}.",
        ] {
            let _ = tokenize(text);
        }
        let long = "x".repeat(100_000);
        assert_eq!(tokenize(&long).len(), 1);
    }
}
