//! Lines, headlines, lists and separators.

use super::check;

#[test]
fn headline_line_without_punctuation() {
    check(
        "Pentagon plans new base\nThe Pentagon said on Monday it would build a base.",
        &[
            "Pentagon plans new base",
            "The Pentagon said on Monday it would build a base.",
        ],
    );
}

#[test]
fn dateline_and_byline() {
    check(
        "By Peter Blackburn\nBRUSSELS 1996-08-22\nThe Commission said it disagreed.",
        &[
            "By Peter Blackburn",
            "BRUSSELS 1996-08-22",
            "The Commission said it disagreed.",
        ],
    );
}

#[test]
fn hard_wrapped_line_continues() {
    check(
        "The minister, who spoke\nto reporters, said nothing,\nThen he left.",
        &["The minister, who spoke\nto reporters, said nothing,\nThen he left."],
    );
}

#[test]
fn bullets_on_lines() {
    check(
        "Key points:\n• Prices rose\n• Wages fell\n- Rents doubled",
        &[
            "Key points:",
            "• Prices rose",
            "• Wages fell",
            "- Rents doubled",
        ],
    );
}

#[test]
fn inline_bullets() {
    check(
        "Topics • Economy • Politics",
        &["Topics", "• Economy", "• Politics"],
    );
}

#[test]
fn numbered_list() {
    check(
        "Results:\n1. Jan Ullrich (Germany) 3:45:22\n2. Bjarne Riis (Denmark)\n10. Marco Pantani",
        &[
            "Results:",
            "1. Jan Ullrich (Germany) 3:45:22",
            "2. Bjarne Riis (Denmark)",
            "10. Marco Pantani",
        ],
    );
}

#[test]
fn numbered_list_on_one_line() {
    check(
        "1. Buy milk. 2. Call Mom. 3. Pay rent.",
        &["1. Buy milk.", "2. Call Mom.", "3. Pay rent."],
    );
}

#[test]
fn roman_numeral_heading() {
    check(
        "II. Methods We used surveys.",
        &["II. Methods We used surveys."],
    );
}

#[test]
fn blank_line_inside_region() {
    check("First part\n\nSecond part", &["First part", "Second part"]);
}

#[test]
fn punctuation_only_pieces_are_dropped() {
    check(
        "***\nThe story begins.\n---\nIt ends.\n•\nA bullet.\n* * *",
        &["The story begins.", "It ends.", "A bullet."],
    );
    check("... ---", &[]);
}
