//! The curated suite: hand-written sentences, one test per phenomenon, each with
//! the exact expected split.

use super::*;

/// Splits the whole of `text` and returns the sentence strings.
fn split(text: &str) -> Vec<&str> {
    SentenceSplitter::new()
        .split(text, Span::new(0, text.len()))
        .iter()
        .map(|s| s.slice(text))
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    assert_eq!(split(text), expected, "input: {text:?}");
}

// --- Abbreviations ---------------------------------------------------------------

#[test]
fn titles_never_end_a_sentence() {
    check(
        "Mr. Smith met Dr. Jones and Prof. Lee. Mrs. Smith stayed home.",
        &[
            "Mr. Smith met Dr. Jones and Prof. Lee.",
            "Mrs. Smith stayed home.",
        ],
    );
}

#[test]
fn military_ranks() {
    check(
        "Lt. Col. Ann Ray briefed Gen. Mark Milley. Sgt. Ortiz listened.",
        &[
            "Lt. Col. Ann Ray briefed Gen. Mark Milley.",
            "Sgt. Ortiz listened.",
        ],
    );
}

#[test]
fn dotted_country_abbreviations_inside_a_sentence() {
    check(
        "The U.S. Army and the U.K. Ministry of Defence agreed. Talks end today.",
        &[
            "The U.S. Army and the U.K. Ministry of Defence agreed.",
            "Talks end today.",
        ],
    );
}

#[test]
fn dotted_abbreviation_ending_a_sentence() {
    check(
        "He moved to the U.S. The move was hard. She stayed in the U.K. He did not.",
        &[
            "He moved to the U.S.",
            "The move was hard.",
            "She stayed in the U.K.",
            "He did not.",
        ],
    );
}

#[test]
fn months_before_days_and_at_the_end() {
    check(
        "It opened on Jan. 5 and closed in Sept. The reopening is set for Oct. 12, 2025.",
        &[
            "It opened on Jan. 5 and closed in Sept.",
            "The reopening is set for Oct. 12, 2025.",
        ],
    );
}

#[test]
fn number_abbreviations() {
    check(
        "He wore No. 23 and ranked No. 1. No. The answer was no. Then he left.",
        &[
            "He wore No. 23 and ranked No. 1.",
            "No.",
            "The answer was no.",
            "Then he left.",
        ],
    );
}

#[test]
fn versus_and_latin_connectives() {
    check(
        "It was Roe v. Wade vs. Casey, e.g. Planned Parenthood, i.e. Pennsylvania. Fine.",
        &[
            "It was Roe v. Wade vs. Casey, e.g. Planned Parenthood, i.e. Pennsylvania.",
            "Fine.",
        ],
    );
}

#[test]
fn etc_mid_and_end() {
    check(
        "Bring apples, pears, etc. and some bread. We sold apples, pears, etc. The rest went.",
        &[
            "Bring apples, pears, etc. and some bread.",
            "We sold apples, pears, etc.",
            "The rest went.",
        ],
    );
}

#[test]
fn clock_times() {
    check(
        "Polls close at 8 p.m. Eastern time. They opened at 6 a.m. The turnout was high.",
        &[
            "Polls close at 8 p.m. Eastern time.",
            "They opened at 6 a.m.",
            "The turnout was high.",
        ],
    );
}

#[test]
fn company_suffixes() {
    check(
        "Apple Inc. said sales rose. Shares of Acme Corp. fell. It beat Foo Ltd. The end.",
        &[
            "Apple Inc. said sales rose.",
            "Shares of Acme Corp. fell.",
            "It beat Foo Ltd.",
            "The end.",
        ],
    );
}

#[test]
fn saint_and_street() {
    check(
        "They met at St. Peter's church on Main St. near the park. It rained.",
        &[
            "They met at St. Peter's church on Main St. near the park.",
            "It rained.",
        ],
    );
}

#[test]
fn us_state_abbreviations() {
    check(
        "He was born in Fresno, Calif. The family moved to Austin, Tex. in 1990.",
        &[
            "He was born in Fresno, Calif.",
            "The family moved to Austin, Tex. in 1990.",
        ],
    );
}

// --- Initials ---------------------------------------------------------------------

#[test]
fn chained_initials() {
    check(
        "J. R. R. Tolkien wrote it. George W. Bush read it.",
        &["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
    );
}

#[test]
fn initial_then_sentence() {
    check(
        "He served in World War I. The war changed him.",
        &["He served in World War I.", "The war changed him."],
    );
}

#[test]
fn cyrillic_initials() {
    check(
        "Стихи написал А. С. Пушкин. Он жил в Москве.",
        &["Стихи написал А. С. Пушкин.", "Он жил в Москве."],
    );
}

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

// --- Lines, headlines, lists -----------------------------------------------------

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

// --- Other languages --------------------------------------------------------------

#[test]
fn russian_abbreviations() {
    check(
        "Это было в 1990 г. Затем всё изменилось. Он жил в г. Москве, т.е. в столице, и др. городах.",
        &[
            "Это было в 1990 г.",
            "Затем всё изменилось.",
            "Он жил в г. Москве, т.е. в столице, и др. городах.",
        ],
    );
}

#[test]
fn cyrillic_date_phrase_opening_a_sentence() {
    check(
        "През 2020 г. Люксембург направи транспорта безплатен. С д-р инж. Светла Николова говорихме.",
        &[
            "През 2020 г. Люксембург направи транспорта безплатен.",
            "С д-р инж. Светла Николова говорихме.",
        ],
    );
}

#[test]
fn russian_list_ending_with_abbreviation() {
    check(
        "Там были яблоки, груши и т.д. Потом пришли гости.",
        &["Там были яблоки, груши и т.д.", "Потом пришли гости."],
    );
}

#[test]
fn bulgarian_sentences() {
    check(
        "Проф. Иванов говори пред 2 млн. души. Това е т.нар. реформа. Край.",
        &[
            "Проф. Иванов говори пред 2 млн. души.",
            "Това е т.нар. реформа.",
            "Край.",
        ],
    );
}

#[test]
fn hindi_danda() {
    check(
        "प्रधानमंत्री आज मॉस्को में हैं। वार्ता कल होगी। डॉ. शर्मा ने कहा।",
        &[
            "प्रधानमंत्री आज मॉस्को में हैं।",
            "वार्ता कल होगी।",
            "डॉ. शर्मा ने कहा।",
        ],
    );
}

#[test]
fn hindi_with_latin_full_stops() {
    check(
        "शिखर वार्ता होने वाली है. ऊर्जा क्षेत्र केंद्र में है.",
        &["शिखर वार्ता होने वाली है.", "ऊर्जा क्षेत्र केंद्र में है."],
    );
}

#[test]
fn portuguese() {
    check(
        "O Sr. Silva chegou às 10h. A reunião começou. Veja a pág. 5 do relatório.",
        &[
            "O Sr. Silva chegou às 10h.",
            "A reunião começou.",
            "Veja a pág. 5 do relatório.",
        ],
    );
}

#[test]
fn cjk_full_stops_without_spaces() {
    check(
        "我们来了。他们走了！真的吗？",
        &["我们来了。", "他们走了！", "真的吗？"],
    );
}

// --- Robustness ------------------------------------------------------------------

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
