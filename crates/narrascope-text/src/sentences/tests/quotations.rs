//! Quotations and brackets.

use super::check;

// --- Quotations ------------------------------------------------------------------

#[test]
fn quote_internal_sentences_split_attribution_kept() {
    // Policy: sentences inside a quotation are sentences; `," he said` stays.
    check(
        "\"I came. I saw,\" he said.",
        &["\"I came.", "I saw,\" he said."],
    );
}

#[test]
fn question_in_quotes_with_lowercase_attribution() {
    check(
        "\"Why now?\" she asked. \"Because!\" he shouted.",
        &["\"Why now?\" she asked.", "\"Because!\" he shouted."],
    );
}

#[test]
fn quote_followed_by_name_and_speech_verb() {
    // After `?"`/`!"` a name and a speech verb are the attribution; after `."` the
    // quoted sentence is complete and `Roe said …` (or `He asked`) is a new one.
    check(
        "\"We won!\" John Smith said. \"Why?\" He asked. \"It is over.\" Roe said he agreed.",
        &[
            "\"We won!\" John Smith said.",
            "\"Why?\"",
            "He asked.",
            "\"It is over.\"",
            "Roe said he agreed.",
        ],
    );
}

#[test]
fn sentence_ending_inside_quotes() {
    check(
        "He called it \"a disgrace.\" The minister resigned.",
        &["He called it \"a disgrace.\"", "The minister resigned."],
    );
}

#[test]
fn curly_quotes() {
    check(
        "“We are ready,” she said. “The vote is today.” It passed.",
        &[
            "“We are ready,” she said.",
            "“The vote is today.”",
            "It passed.",
        ],
    );
}

#[test]
fn single_curly_quotes() {
    check(
        "He said ‘enough.’ Then he left.",
        &["He said ‘enough.’", "Then he left."],
    );
}

#[test]
fn guillemets() {
    check(
        "Он сказал: «Мы готовы.» Затем ушёл. «Нет!» — ответила она.",
        &[
            "Он сказал: «Мы готовы.»",
            "Затем ушёл.",
            "«Нет!» — ответила она.",
        ],
    );
}

#[test]
fn german_low_high_quotes() {
    check(
        "Er sagte: „Wir sind bereit.“ Dann ging er.",
        &["Er sagte: „Wir sind bereit.“", "Dann ging er."],
    );
}

#[test]
fn quote_opening_the_next_sentence() {
    check(
        "The minister left. \"This is a sad day,\" an aide said.",
        &["The minister left.", "\"This is a sad day,\" an aide said."],
    );
}

// --- Brackets ----------------------------------------------------------------------

#[test]
fn parenthesised_sentence() {
    check(
        "The deal closed. (Terms were not disclosed.) Shares rose.",
        &[
            "The deal closed.",
            "(Terms were not disclosed.)",
            "Shares rose.",
        ],
    );
}

#[test]
fn parenthesis_with_question_inside_a_sentence() {
    check(
        "He was angry (who wouldn't be?) and left at 5 p.m. (local time). It was late.",
        &[
            "He was angry (who wouldn't be?) and left at 5 p.m. (local time).",
            "It was late.",
        ],
    );
}

#[test]
fn footnote_marker_after_period() {
    check(
        "It grew fast.[3] Then it fell.",
        &["It grew fast.[3]", "Then it fell."],
    );
}
