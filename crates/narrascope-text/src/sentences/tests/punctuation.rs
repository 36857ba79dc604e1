//! Numbers, URLs, ellipses and runs of terminal punctuation.

use super::check;

// --- Numbers, URLs, emails ---------------------------------------------------------

#[test]
fn decimals_money_versions() {
    check(
        "Growth was 3.5% and debt hit $1.2 billion. Version 2.0 ships. It costs 4.99 euros.",
        &[
            "Growth was 3.5% and debt hit $1.2 billion.",
            "Version 2.0 ships.",
            "It costs 4.99 euros.",
        ],
    );
}

#[test]
fn version_number_ending_a_sentence() {
    check(
        "We upgraded to version 2.0. It works.",
        &["We upgraded to version 2.0.", "It works."],
    );
}

#[test]
fn number_ending_a_sentence_before_a_number() {
    check(
        "The score was 2. 30 people left.",
        &["The score was 2.", "30 people left."],
    );
}

#[test]
fn urls_and_emails() {
    check(
        "Visit example.com or www.news.co.uk/a.html today. Write to info@x.org. Thanks.",
        &[
            "Visit example.com or www.news.co.uk/a.html today.",
            "Write to info@x.org.",
            "Thanks.",
        ],
    );
}

#[test]
fn url_with_query_punctuation() {
    check(
        "See https://x.org/?q=a!b for details. Done.",
        &["See https://x.org/?q=a!b for details.", "Done."],
    );
}

// --- Ellipses ----------------------------------------------------------------------

#[test]
fn ellipsis_mid_sentence() {
    check(
        "He paused... and then he spoke. She waited … and left.",
        &["He paused... and then he spoke.", "She waited … and left."],
    );
}

#[test]
fn ellipsis_at_sentence_end() {
    check(
        "I wondered... Then it came. It was late… Nobody came.",
        &[
            "I wondered...",
            "Then it came.",
            "It was late…",
            "Nobody came.",
        ],
    );
}

#[test]
fn bracketed_ellipsis_marks_omission() {
    check(
        "\"We will [...] Decide later,\" he said.",
        &["\"We will [...] Decide later,\" he said."],
    );
}

#[test]
fn spaced_ellipsis() {
    check(
        "Well . . . and so on. . . . The end.",
        &["Well . . . and so on. . . .", "The end."],
    );
}

// --- Terminal punctuation ---------------------------------------------------------

#[test]
fn exclamation_and_question_runs() {
    check(
        "Really?! Yes!!! Who knows? nobody. Yahoo! is a company.",
        &[
            "Really?!",
            "Yes!!!",
            "Who knows? nobody.",
            "Yahoo! is a company.",
        ],
    );
}

#[test]
fn no_space_after_period_is_not_a_boundary() {
    check(
        "It costs 5.5 dollars.Next one is cheap.",
        &["It costs 5.5 dollars.Next one is cheap."],
    );
}

#[test]
fn trailing_text_without_punctuation() {
    check(
        "  One sentence. And a fragment  ",
        &["One sentence.", "And a fragment"],
    );
}
