//! Sentence compression by deletion: parentheticals, dash asides and (in English)
//! non-restrictive relative or concessive clauses between commas; and trimming a text
//! to a number of whitespace-separated words (the official 80-word limit counts words
//! that way).

/// Relative and subordinate clause openers whose comma-delimited clause can go.
const EN_OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "although",
    "though",
    "while",
    "whereas",
    "where",
    "according",
];

fn drop_bracketed(s: &str, open: char, close: char) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        if c == open {
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            out.push(c);
        }
    }
    if depth > 0 {
        // Unbalanced: keep the original rather than lose the tail.
        return s.to_string();
    }
    out
}

/// Removes `— … —` and ` – … – ` asides (both dashes present).
fn drop_dash_asides(s: &str) -> String {
    let mut out = s.to_string();
    for dash in [" \u{2014} ", " \u{2013} ", "\u{2014}"] {
        while let Some(a) = out.find(dash) {
            let Some(b) = out[a + dash.len()..].find(dash) else {
                break;
            };
            let end = a + dash.len() + b + dash.len();
            out.replace_range(a..end, " ");
        }
    }
    out
}

/// Removes `, which …,`-style clauses (English openers) when a closing comma follows.
fn drop_en_clauses(s: &str) -> String {
    let mut out = String::new();
    let parts: Vec<&str> = s.split(',').collect();
    // After a dropped clause, the next part joins without the clause's closing comma.
    let mut joined = false;
    for (i, p) in parts.iter().enumerate() {
        let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
        let inner = i > 0 && i + 1 < parts.len();
        if inner && EN_OPENERS.contains(&first.as_str()) {
            joined = true;
            continue;
        }
        if i > 0 && !joined {
            out.push(',');
        }
        joined = false;
        out.push_str(p);
    }
    out
}

fn squash(s: &str) -> String {
    let mut t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (a, b) in [
        (" ,", ","),
        (" .", "."),
        (",,", ","),
        (" ;", ";"),
        (" :", ":"),
    ] {
        while t.contains(a) {
            t = t.replace(a, b);
        }
    }
    t
}

/// Compresses one sentence by deletion (English clause rules only when `lang` is
/// English). Never returns an empty string for a non-empty input.
pub fn compress(sentence: &str, lang: &str) -> String {
    let mut s = drop_bracketed(sentence, '(', ')');
    s = drop_bracketed(&s, '[', ']');
    s = drop_dash_asides(&s);
    if lang.eq_ignore_ascii_case("en") {
        s = drop_en_clauses(&s);
    }
    let s = squash(&s);
    if s.split_whitespace().count() < 3 {
        squash(sentence)
    } else {
        s
    }
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The first `max` whitespace-separated words of `s` (all of it when shorter).
pub fn trim_words(s: &str, max: usize) -> String {
    s.split_whitespace().take(max).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_parentheticals_asides_and_clauses() {
        assert_eq!(
            compress("The plan (announced in May) will cost billions.", "EN"),
            "The plan will cost billions."
        );
        assert_eq!(
            compress(
                "Gates, who flies private jets, lectures us on carbon.",
                "EN"
            ),
            "Gates lectures us on carbon."
        );
        assert_eq!(
            compress(
                "Kyiv \u{2014} backed by NATO \u{2014} launched an attack.",
                "EN"
            ),
            "Kyiv launched an attack."
        );
        // Clause rules are English-only; brackets go in every language.
        assert_eq!(
            compress("Гейтс, who лети, говори (днес) много.", "BG"),
            "Гейтс, who лети, говори много."
        );
        // Unbalanced brackets are left alone; nothing is emptied.
        assert_eq!(compress("A (b c d", "EN"), "A (b c d");
        assert_eq!(compress("(All of it.)", "EN"), "(All of it.)");
    }

    #[test]
    fn trims_by_whitespace_words() {
        assert_eq!(trim_words("a b  c\nd", 3), "a b c");
        assert_eq!(word_count("a b  c\nd"), 4);
        assert_eq!(trim_words("a", 3), "a");
    }
}
