//! The words naming the speaker after a cue or an "according to" phrase.

use crate::lexicon::{Lexicon, DETERMINERS, LISTENERS, TIME_WORDS};
use crate::token::{TokKind, Token};

use super::is_boundary;

/// Prepositions that introduce the listener or the medium of a statement, by language:
/// what follows them is not the speaker.
const LISTENER_PREPOSITIONS: &[(&str, &str)] = &[
    ("pt", "ao"),
    ("pt", "à"),
    ("pt", "aos"),
    ("pt", "às"),
    ("pt", "no"),
    ("pt", "na"),
    ("pt", "em"),
    ("bg", "пред"),
    ("ru", "перед"),
];

/// The phrase naming the speaker after a cue or an "according to" phrase: tokens from
/// `a` up to the next boundary, quotation mark or complementiser. Time words and a
/// bracket right after the cue are skipped, and so is a Portuguese prepositional
/// phrase naming the listener ("disse à Agência Brasil o …").
/// A short capitalised apposition after a comma joins the phrase ("o membro do
/// instituto, Ayan Fleischmann").
pub(super) fn phrase_after(
    tokens: &[Token],
    lex: &Lexicon,
    a: usize,
    last: usize,
) -> Option<(usize, usize)> {
    let mut a = a;
    loop {
        if a <= last
            && (TIME_WORDS.contains(&tokens[a].lower.as_str())
                || LISTENERS.contains(&tokens[a].lower.as_str()))
        {
            a += 1;
        } else if a < last
            && (tokens[a].lower == "de" || tokens[a].lower == "em")
            && tokens[a + 1].lower == "seguida"
        {
            // "disse de seguida que": "then", not a speaker.
            a += 2;
        } else if a <= last && tokens[a].lower == "(" {
            while a <= last && tokens[a].lower != ")" {
                a += 1;
            }
            a += 1;
        } else {
            break;
        }
    }
    let end = |from: usize| {
        let mut b = from;
        loop {
            while b <= last
                && !is_boundary(&tokens[b])
                && !tokens[b].is_double_mark()
                && !lex.complementisers.contains(&tokens[b].lower.as_str())
            {
                b += 1;
            }
            // "informou na segunda-feira (25) o Ministério": a bracket is skipped.
            let close = (b <= last && tokens[b].lower == "(")
                .then(|| (b + 1..=last).find(|&k| tokens[k].lower == ")"))
                .flatten();
            match close {
                Some(k) if b > from => b = k + 1,
                _ => break b,
            }
        }
    };
    let mut b = end(a);
    if b <= a {
        return None;
    }
    // Portuguese names the listener before the subject ("disse à Agência Brasil o
    // membro …"); in Russian and Bulgarian a prepositional phrase after the cue is
    // the source itself ("сообщили в министерстве обороны").
    if lex.code == "pt" && lex.prepositions.contains(&tokens[a].lower.as_str()) {
        // ("disse à EFE um habitante local": an indefinite subject too.)
        if let Some(k) = (a + 1..b).find(|&i| {
            DETERMINERS.contains(&tokens[i].lower.as_str())
                || matches!(tokens[i].lower.as_str(), "um" | "uma")
        }) {
            a = k;
        }
    }
    // "disse ao The Independent que", "казва пред Bloomberg:", "escreveu no Telegram.":
    // a phrase that holds only the listener or the medium names nobody (the subject was
    // dropped, the speaker goes on); "каза пред АФП Александър Тудор": a name after it
    // is the subject.
    if LISTENER_PREPOSITIONS
        .iter()
        .any(|(code, w)| *code == lex.code && tokens[a].lower == *w)
    {
        let run_end = (a + 1..b)
            .find(|&i| {
                !(tokens[i].upper_initial || lex.name_joiners.contains(&tokens[i].lower.as_str()))
            })
            .unwrap_or(b);
        // (A run of three words or more holds a name after the medium: "пред АФП
        // Александър Тудор".)
        // ("disse à Sputnik, Mark Sleboda, politólogo": a name after a comma too.)
        let name_after_comma = b < last && tokens[b].lower == "," && tokens[b + 1].upper_initial;
        if run_end > a + 1
            && run_end <= a + 3
            && !(run_end..b).any(|i| tokens[i].upper_initial)
            && !name_after_comma
        {
            return None;
        }
    }
    // "…, Ayan Fleischmann." joins.
    if b <= last && tokens[b].lower == "," {
        let next = end(b + 1);
        if next > b + 1
            && next - (b + 1) <= 4
            && tokens[b + 1..next]
                .iter()
                .all(|t| t.upper_initial || t.kind != TokKind::Word)
        {
            b = next;
        }
    }
    Some((a, b - 1))
}
