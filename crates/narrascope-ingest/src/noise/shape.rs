//! Line shapes: cheap, allocation-free tests on a trimmed line used by the block
//! rules ("is this a headline in a list?", "is this a bare URL?").

/// Characters that open a quotation. A line starting with one is a quote, and
/// quotes are the body text analysts care most about, so block rules never
/// absorb such a line.
const QUOTE_OPENERS: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‹', '›', '「', '『',
];

/// True when the line opens with a quotation mark.
pub(super) fn starts_with_quote(t: &str) -> bool {
    t.starts_with(QUOTE_OPENERS)
}

/// True when the line contains a quotation mark anywhere.
pub(super) fn has_quote(t: &str) -> bool {
    t.contains(['"', '“', '”', '«', '»', '„'])
}

/// True for list bullets: "- item", "• item", "* item", "– item".
pub(super) fn is_bulleted(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('-' | '•' | '*' | '–' | '·' | '▪' | '►'), Some(' '))
    )
}

/// True when the line ends like a prose sentence (period, question or
/// exclamation mark, possibly followed by a closing quote or bracket).
pub(super) fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with(['.', '?', '!', '…', ':', ';'])
}

/// Number of sentence breaks inside the line: a `.`, `?` or `!` followed by a
/// space and an upper-case letter. Headlines have none; prose usually has some.
pub(super) fn inner_sentence_breaks(t: &str) -> usize {
    let mut n = 0;
    let mut prev2 = ' ';
    let mut prev = ' ';
    for c in t.chars() {
        if matches!(prev2, '.' | '?' | '!') && prev == ' ' && c.is_uppercase() {
            n += 1;
        }
        prev2 = prev;
        prev = c;
    }
    n
}

/// A short line shaped like another story's headline: at most one sentence, no
/// opening quote, 8–200 characters. Trailing punctuation is allowed; callers
/// that need it absent also check [`ends_sentence`].
pub(super) fn is_headline_like(t: &str) -> bool {
    let n = t.chars().count();
    (8..=200).contains(&n) && !starts_with_quote(t) && inner_sentence_breaks(t) == 0
}

/// A line that is only a URL (optionally bulleted).
pub(super) fn is_url_only(t: &str) -> bool {
    let t = if is_bulleted(t) {
        t[t.find(' ').map_or(0, |i| i + 1)..].trim()
    } else {
        t
    };
    let lower_start: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    (lower_start.starts_with("http://")
        || lower_start.starts_with("https://")
        || lower_start.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_bulleted("- A list item"));
        assert!(!is_bulleted("-A dash"));
        assert!(ends_sentence("It rained.”"));
        assert!(!ends_sentence("Mayor opens the new bridge"));
        assert_eq!(inner_sentence_breaks("One. Two. three"), 1);
        assert!(is_headline_like("Mayor opens the new bridge"));
        assert!(!is_headline_like("“We will win,” she said."));
        assert!(!is_headline_like("Short"));
        assert!(is_url_only("https://example.org/a/b"));
        assert!(is_url_only("- www.example.org"));
        assert!(!is_url_only("https://example.org is a site"));
        assert!(!is_url_only("ééé"));
    }
}
