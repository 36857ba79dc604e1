//! Abbreviations and initials.

use super::check;

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
