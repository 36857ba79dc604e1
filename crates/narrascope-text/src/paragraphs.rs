//! Paragraphs: runs of lines inside body regions.
//!
//! # Policy
//!
//! * **Documents with blank lines** (extracted HTML, SemEval scrapes and almost all
//!   plain text): a paragraph is a maximal run of non-blank lines; a line holding
//!   only whitespace ends it. Single line breaks stay inside the paragraph, and the
//!   sentence splitter decides whether they end a sentence (headlines, list items).
//! * **Documents without any blank line** between their first and last body line
//!   (one paragraph per line, as some scrapers write): a line break ends a paragraph
//!   unless the text plainly goes on — the next line starts with a lowercase letter,
//!   or the line ends in `, ; : ( - – — & /` (hard-wrapped text). So a line ending in
//!   terminal punctuation followed by a capitalised line is a new paragraph, and so
//!   is a headline line. A line starting with a bullet or list marker always starts
//!   a new paragraph.
//!
//! The mode is chosen once per document (over the text the regions cover, gaps
//! included), so one paragraph with a hard-wrapped line in an otherwise blank-line
//! separated article does not switch the whole article to line mode.

use narrascope_core::{lines, Span};

use crate::clamp_region;

/// Splits each region into paragraphs (see the module docs for the policy);
/// returns trimmed, non-empty paragraphs in order. Regions that run past `text` or
/// cut a character are clamped; empty ones are skipped.
pub fn paragraphs(text: &str, regions: &[Span]) -> Vec<Span> {
    let regions: Vec<Span> = regions
        .iter()
        .filter_map(|&r| clamp_region(text, r))
        .collect();
    let (Some(lo), Some(hi)) = (
        regions.iter().map(|r| r.start).min(),
        regions.iter().map(|r| r.end).max(),
    ) else {
        return Vec::new();
    };
    let line_mode = !has_inner_blank_line(text, Span::new(lo, hi));
    let mut out = Vec::new();
    for region in regions {
        let mut current: Option<Span> = None;
        for line in lines(text, region) {
            let content = line.slice(text);
            if content.trim().is_empty() {
                if let Some(p) = current.take() {
                    out.push(p.trim(text));
                }
                continue;
            }
            current = Some(match current {
                Some(p) if line_mode && line_starts_paragraph(&text[p.start..p.end], content) => {
                    out.push(p.trim(text));
                    line
                }
                Some(p) => Span::new(p.start, line.end),
                None => line,
            });
        }
        if let Some(p) = current {
            out.push(p.trim(text));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// True when a whitespace-only line lies between two non-blank lines of `region`.
fn has_inner_blank_line(text: &str, region: Span) -> bool {
    let mut seen_text = false;
    let mut pending_blank = false;
    for line in lines(text, region) {
        if line.slice(text).trim().is_empty() {
            pending_blank |= seen_text;
        } else if pending_blank {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

/// In line mode: does `next` start a new paragraph after the text `prev`?
fn line_starts_paragraph(prev: &str, next: &str) -> bool {
    let next = next.trim_start();
    if starts_with_list_marker(next) {
        return true;
    }
    let first = next
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '('));
    if first.is_none_or(char::is_lowercase) {
        return false;
    }
    !prev
        .trim_end()
        .ends_with([',', ';', ':', '(', '-', '–', '—', '&', '/'])
}

/// A bullet (`•`, `-`, `*`, …) or a label like `1.`, `2)`, `a)` followed by a space.
fn starts_with_list_marker(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if matches!(
        c,
        '•' | '▪' | '●' | '►' | '▶' | '■' | '◦' | '‣' | '⁃' | '○' | '□' | '✓' | '✔'
    ) {
        return true;
    }
    let rest = chars.as_str();
    if matches!(c, '-' | '*' | '–' | '—' | '·') {
        return rest.starts_with([' ', '\t']);
    }
    let b = line.as_bytes();
    let digits = b.iter().take(4).take_while(|x| x.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        return matches!(b.get(digits), Some(b'.' | b')'))
            && matches!(b.get(digits + 1), Some(b' ' | b'\t'));
    }
    c.is_ascii_alphabetic() && b.get(1) == Some(&b')') && matches!(b.get(2), Some(b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(t: &str) -> Vec<&str> {
        paragraphs(t, &[Span::new(0, t.len())])
            .iter()
            .map(|p| p.slice(t))
            .collect()
    }

    #[test]
    fn blank_lines_separate_and_single_newlines_stay() {
        let t = "Title line\n\n  First para,\nstill first.\nAnd this.\n \n\nSecond.\r\n\r\nThird";
        assert_eq!(
            paras(t),
            [
                "Title line",
                "First para,\nstill first.\nAnd this.",
                "Second.",
                "Third"
            ]
        );
    }

    #[test]
    fn no_blank_lines_means_line_paragraphs() {
        let t = "A headline here\nFirst paragraph ends.\nSecond one starts, and is\nhard-wrapped here.\n- item one\n- item two";
        assert_eq!(
            paras(t),
            [
                "A headline here",
                "First paragraph ends.",
                "Second one starts, and is\nhard-wrapped here.",
                "- item one",
                "- item two"
            ]
        );
    }

    #[test]
    fn regions_are_clamped_and_respected() {
        let t = "One.\n\nTwo.\n\nThree.";
        let got = paragraphs(
            t,
            &[
                Span { start: 0, end: 4 },
                Span {
                    start: 12,
                    end: 999,
                },
            ],
        );
        let got: Vec<&str> = got.iter().map(|p| p.slice(t)).collect();
        assert_eq!(got, ["One.", "Three."]);
        assert!(paragraphs(t, &[Span { start: 50, end: 60 }]).is_empty());
        assert!(paragraphs("", &[]).is_empty());
    }

    #[test]
    fn list_markers() {
        assert!(starts_with_list_marker("1. First"));
        assert!(starts_with_list_marker("12) First"));
        assert!(starts_with_list_marker("a) First"));
        assert!(starts_with_list_marker("• First"));
        assert!(starts_with_list_marker("- First"));
        assert!(!starts_with_list_marker("-5 degrees"));
        assert!(!starts_with_list_marker("1996 was"));
        assert!(!starts_with_list_marker(""));
    }
}
