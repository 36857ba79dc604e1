//! The boundary rules: whether a candidate ends a sentence, given the word
//! before it and what follows (see the [module docs](super)).

use super::marks::is_opening;
use super::scanner::{Candidate, Next, NextKind, Scanner};
use super::words::{
    abbrev_kind, is_cyrillic, is_dotted_abbreviation, is_list_label, is_opener, is_pronoun,
    is_single_letter, is_speech_verb, Abbrev,
};

/// How far back (bytes) the word before a `.` is looked for. Abbreviations are
/// short, so a longer token is an ordinary word and needs no lookup.
const WORD_LOOKBACK: usize = 48;

impl<'a> Scanner<'a> {
    /// The decision at a candidate, given what follows it.
    pub(super) fn is_boundary(&self, cand: Candidate, next: Next<'a>) -> bool {
        let Candidate {
            i,
            line_start,
            strong,
            ellipsis,
            quote_closed,
            bracket_closed,
            line_break,
        } = cand;
        match next.kind {
            NextKind::Lower | NextKind::Continuation | NextKind::End => return false,
            NextKind::ListItem => return true,
            _ => {}
        }
        // `"Stop!" John Smith said.`: the attribution belongs to the quote. After
        // `."` the quoted sentence is complete and a capitalised `Roe said` or `He
        // added` starts a new one.
        if strong
            && quote_closed
            && next.kind == NextKind::Upper
            && !is_pronoun(next.word)
            && self.attribution_follows(next)
        {
            return false;
        }
        if strong {
            return true;
        }
        if ellipsis {
            // `[...]` marks omitted words, not an end.
            let bracketed =
                self.char_before(i).is_some_and(|c| matches!(c, '[' | '(')) && bracket_closed;
            return !bracketed && next.kind != NextKind::Other;
        }
        // A single dot: look at the word before it.
        let before = self.char_before(i);
        if quote_closed || !before.is_some_and(char::is_alphanumeric) {
            // `(see above).`, `"end."`: the dot ends the sentence, no abbreviation.
            // (A closing bracket is not enough: in `(U.S.) 10.03` the dot is the
            // abbreviation's, so the word before it still decides.)
            return true;
        }
        let (word, word_start) = self.word_before(i);
        let Some(word) = word else {
            // A token too long to be an abbreviation.
            return true;
        };
        // `1. Jan Ullrich`, `II. Methods`, `b. Item`: a list marker at the start.
        if is_list_label(word)
            && (self.only_openers(self.sent_start, word_start)
                || self.only_openers(line_start.min(word_start), word_start))
        {
            return false;
        }
        // A single capital is an initial (`W.`, `С.`), even where its lowercase form
        // is an abbreviation (`с.` "page", `p.`).
        let initial = is_single_letter(word) && word.chars().all(char::is_uppercase);
        let listed = if initial { None } else { abbrev_kind(word) };
        let kind = match listed {
            Some(Abbrev::BeforeNumber) if next.kind == NextKind::Digit => Some(Abbrev::Never),
            Some(Abbrev::BeforeNumber) => None,
            // `г.` after a year is "year" and may end a sentence; otherwise "city".
            Some(Abbrev::Ambiguous) if matches!(word, "г" | "гр") => {
                if self.number_before(word_start) {
                    Some(Abbrev::Ambiguous)
                } else {
                    Some(Abbrev::Never)
                }
            }
            Some(k) => Some(k),
            // Initials (`W.`) and dotted abbreviations (`U.S.`, `Ph.D.`).
            None if is_dotted_abbreviation(word) || is_single_letter(word) => {
                Some(Abbrev::Ambiguous)
            }
            None => None,
        };
        match kind {
            None => true,
            Some(Abbrev::Never) => false,
            Some(Abbrev::BeforeNumber) => true,
            Some(Abbrev::Ambiguous) => {
                if next.kind == NextKind::Upper && self.initial_follows(next) {
                    // `J. R. R. Tolkien`.
                    return false;
                }
                if line_break {
                    return true;
                }
                if next.quoted && next.kind == NextKind::Upper {
                    return true;
                }
                // Cyrillic abbreviations from the list (not initials) end a sentence
                // before any capital: the English opener list cannot judge them.
                let cyrillic = !initial
                    && word.chars().next().is_some_and(is_cyrillic)
                    && !self.short_opening_phrase(word_start);
                (next.kind == NextKind::Upper && is_opener(next.word) && self.word_ends(next))
                    || (cyrillic && next.kind == NextKind::Upper)
            }
        }
    }

    /// The token before the dot at `i`, without opening marks: `(Mr` → `Mr`. `None`
    /// when it is longer than any abbreviation. Also returns where it starts.
    fn word_before(&self, i: usize) -> (Option<&'a str>, usize) {
        let s = self.s;
        let mut lo = i.saturating_sub(WORD_LOOKBACK);
        while !s.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &s[lo..i];
        let start = match window.rfind(char::is_whitespace) {
            Some(w) => lo + w + window[w..].chars().next().map_or(1, char::len_utf8),
            None if lo == 0 => 0,
            None => return (None, i),
        };
        let mut t = &s[start..i];
        let mut st = start;
        while let Some(c) = t.chars().next().filter(|&c| is_opening(c) || c == '-') {
            t = &t[c.len_utf8()..];
            st += c.len_utf8();
        }
        if t.is_empty() {
            return (None, i);
        }
        (Some(t), st)
    }

    /// True when the token before `word_start` is a number (`1990 г.`).
    fn number_before(&self, word_start: usize) -> bool {
        let t = self.s[..word_start].trim_end();
        let digits = t
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .take(5)
            .count();
        digits > 0
    }

    /// `През 2020 г. Люксембург …`: at most three short words open the sentence
    /// before the abbreviation, so it is part of an opening date phrase, not the
    /// end of a sentence. Looks at no more than 48 bytes.
    fn short_opening_phrase(&self, word_start: usize) -> bool {
        let prefix = self.s[self.sent_start..word_start].trim();
        prefix.len() <= 48 && prefix.split_whitespace().count() <= 3
    }

    /// The next word stands alone: `Under` in `Under Rubin`, not in
    /// `Under-Secretary`; `No` in `No one`, not in `No.1`.
    fn word_ends(&self, next: Next<'a>) -> bool {
        !matches!(self.b.get(next.word_end), Some(b'-' | b'.'))
    }

    /// `J. R. R.`: the next word is one capital letter followed by a dot.
    fn initial_follows(&self, next: Next<'a>) -> bool {
        next.word.chars().count() == 1 && self.b.get(next.word_end) == Some(&b'.')
    }

    /// `John Smith said`: up to two capitalised words, then a speech verb.
    fn attribution_follows(&self, next: Next<'a>) -> bool {
        let (w2, e2) = self.word_after(next.word_end);
        if is_speech_verb(w2) {
            return true;
        }
        if w2.chars().next().is_some_and(char::is_uppercase) {
            let (w3, _) = self.word_after(e2);
            return is_speech_verb(w3);
        }
        false
    }
}
