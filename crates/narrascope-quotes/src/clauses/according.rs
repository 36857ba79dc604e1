//! "According to" phrases: `По словам X, …`, `…, по словам X.`, `Как заявил X, …`,
//! `X के अनुसार, …`.

use crate::lexicon::{Lexicon, DETERMINERS, NOT_SUBJECT, OBLIQUE, SAME};
use crate::token::{span_between as span, TokKind, Token};

use super::phrase::phrase_after;
use super::{is_boundary, is_dash, starts_with, stretch_start, trimmed, Clause};

/// `X के अनुसार, …`: the source before the phrase, from the start of the sentence.
pub(super) fn according_after(
    tokens: &[Token],
    lex: &Lexicon,
    s: usize,
    e: usize,
    outside: &dyn Fn(usize) -> bool,
) -> Option<Clause> {
    for p in s + 1..=e {
        if !outside(p) {
            continue;
        }
        let Some(words) = lex
            .according_after
            .iter()
            .find(|w| starts_with(tokens, p, w))
        else {
            continue;
        };
        let from = stretch_start(tokens, s, p);
        if from >= p {
            continue;
        }
        let content = trimmed(tokens, p + words.len(), e)?;
        return Some(Clause {
            according: true,
            ..Clause::new(
                Some(span(tokens, from, p - 1)),
                Some(span(tokens, p, p + words.len() - 1)),
                vec![content],
            )
        });
    }
    None
}

/// Where a trailing "according to" phrase starts in a sentence whose own cue comes
/// before it ("Peskov referiu o “…”, segundo a agência EFE."): the phrase names the
/// channel, and the statement ends before its comma.
pub(super) fn channel_after_cue(
    tokens: &[Token],
    lex: &Lexicon,
    s: usize,
    e: usize,
    outside: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    (s + 1..=e).find(|&p| {
        outside(p)
            && tokens[p - 1].lower == ","
            && lex.according.iter().any(|w| starts_with(tokens, p, w))
            && tokens
                .get(p + 1)
                .is_some_and(|t| t.upper_initial || DETERMINERS.contains(&t.lower.as_str()))
            && (s..p).any(|i| outside(i) && lex.is_cue(&tokens[i].lower))
            // ("X afirma, segundo Y, que …": the clause after it is the statement.)
            && !(p..=e).any(|i| lex.complementisers.contains(&tokens[i].lower.as_str()))
    })
}

/// `По словам X, …`, `…, по словам X.`, `Как заявил X, …`.
pub(super) fn according(
    tokens: &[Token],
    lex: &Lexicon,
    s: usize,
    e: usize,
    outside: &dyn Fn(usize) -> bool,
) -> Option<Clause> {
    for p in s..=e {
        if !outside(p) {
            continue;
        }
        let mut words = lex
            .according
            .iter()
            .find(|w| starts_with(tokens, p, w))
            .map(|w| w.len());
        if words.is_none()
            && lex.as_said.contains(&tokens[p].lower.as_str())
            && tokens.get(p + 1).is_some_and(|t| lex.is_cue(&t.lower))
            && p < e
        {
            words = Some(2);
        }
        let Some(mut n) = words else { continue };
        // "segundo explica o FSB", "segundo recordou hoje a agência": a cue between the
        // phrase and its source.
        if lex.code == "pt"
            && tokens[p].lower == "segundo"
            && tokens.get(p + 1).is_some_and(|t| lex.is_cue(&t.lower))
        {
            n += 1;
            // (An adverb of time may follow: "recordou hoje".)
            if tokens
                .get(p + 2)
                .is_some_and(|t| ["hoje", "ontem", "ainda"].contains(&t.lower.as_str()))
            {
                n += 1;
            }
        }
        let after = p + n;
        if after > e {
            continue;
        }
        // Portuguese "o segundo dia", "segundo lugar": an ordinal, not "according to".
        if lex.code == "pt" && tokens[p].lower == "segundo" {
            let prev = p.checked_sub(1).map(|k| tokens[k].lower.as_str());
            let next = &tokens[after];
            let det = [
                "o", "a", "os", "as", "um", "uma", "fontes", "dados", "ele", "ela",
            ];
            if prev.is_some_and(|w| {
                [
                    "o", "a", "um", "uma", "no", "na", "do", "da", "pelo", "pela", "ao", "em",
                ]
                .contains(&w)
            }) || !(next.upper_initial || det.contains(&next.lower.as_str()))
            {
                continue;
            }
        }
        // "по его словам": the pronoun inside the phrase is the source; so is one right
        // after it, with or without a comma ("Според него САЩ …", "Segundo ele, …").
        let pronoun = (p..after)
            .find(|&k| OBLIQUE.contains(&tokens[k].lower.as_str()))
            .map(|k| (k, after))
            .or_else(|| {
                OBLIQUE
                    .contains(&tokens[after].lower.as_str())
                    .then_some((after, after + 1))
            })
            .or_else(|| {
                // "Segundo o próprio, …", "Segundo o mesmo, …": himself, after its
                // article; "segundo a mesma fonte": the same source as before.
                let k = after + 1;
                let same = k <= e && SAME.contains(&tokens[k].lower.as_str());
                let noun = same && tokens.get(k + 1).is_some_and(|t| t.kind == TokKind::Word);
                (k <= e
                    && DETERMINERS.contains(&tokens[after].lower.as_str())
                    && (OBLIQUE.contains(&tokens[k].lower.as_str()) || same))
                    .then_some((k, if noun { k + 2 } else { k + 1 }))
            });
        if let Some((k, from)) = pronoun {
            // ("…, segundo a mesma fonte.": trailing, it reports the clause before.)
            let content = trimmed(tokens, from, e).or_else(|| {
                (p > s && tokens[p - 1].lower == ",")
                    .then(|| trimmed(tokens, s, p - 1))
                    .flatten()
            })?;
            return Some(Clause {
                according: true,
                ..Clause::new(
                    Some(tokens[k].span),
                    Some(span(tokens, p, after - 1)),
                    vec![content],
                )
            });
        }
        let (a, mut b) = phrase_after(tokens, lex, after, e)?;
        // "Според съветника Мария Иванова обаче …", "Според учените високите …": no
        // comma; the source ends with its first name, or is its first word.
        if b == e || (b + 1 == e && tokens[e].kind == TokKind::Final) {
            b = (a..e)
                .find(|&i| tokens[i].upper_initial && !tokens[i + 1].upper_initial)
                .map(|i| body_name_end(tokens, i, e))
                .unwrap_or(
                    if DETERMINERS.contains(&tokens[a].lower.as_str()) && a < e {
                        a + 1
                    } else {
                        a
                    },
                );
        }
        let cue = span(tokens, p, after - 1);
        let leading = tokens[s..p]
            .iter()
            .all(|t| NOT_SUBJECT.contains(&t.lower.as_str()) || is_boundary(t) || is_dash(t));
        // "X afirma, segundo a agência Y, que …", "Peskov referiu o “…”, segundo a
        // agência EFE": the phrase names the channel of a statement whose cue comes
        // before it (see `channel_after_cue`).
        if !leading && (s..p).any(|i| outside(i) && lex.is_cue(&tokens[i].lower)) {
            continue;
        }
        let content = if leading {
            let mut from = b + 1;
            while from <= e && NOT_SUBJECT.contains(&tokens[from].lower.as_str()) {
                from += 1;
            }
            trimmed(tokens, from, e)
        } else {
            // Trailing: "…, по словам X." reports the clause before.
            if !tokens[p - 1].lower.eq(",") {
                continue;
            }
            trimmed(tokens, s, p - 1)
        };
        let content = content?;
        return Some(Clause {
            according: true,
            ..Clause::new(Some(span(tokens, a, b)), Some(cue), vec![content])
        });
    }
    None
}

/// Head nouns of bodies' names that Russian and Bulgarian write in lowercase after a
/// capitalised adjective ("Световната метеорологична организация", "Международное
/// энергетическое агентство").
const BODY_HEADS: &[&str] = &[
    "организация",
    "организацията",
    "агенция",
    "агенцията",
    "служба",
    "службата",
    "комисия",
    "комисията",
    "банка",
    "банк",
    "фонд",
    "фондът",
    "институт",
    "институтът",
    "университет",
    "университетът",
    "министерство",
    "министерството",
    "асоциация",
    "асоциацията",
    "агентство",
    "агентства",
    "организации",
    "комиссия",
    "комиссии",
    "службы",
    "совет",
    "совета",
];

/// Where a body's name that starts with the capitalised word `i` ends: at the first
/// head noun among the next four lowercase words ("Световната метеорологична
/// организация"), else at `i`.
fn body_name_end(tokens: &[Token], i: usize, e: usize) -> usize {
    (i + 1..=e.min(i + 4))
        .take_while(|&k| tokens[k].kind == TokKind::Word && !tokens[k].upper_initial)
        .find(|&k| BODY_HEADS.contains(&tokens[k].lower.as_str()))
        .unwrap_or(i)
}
