//! Attribution by sentence rules for languages the tagger was not trained on.
//!
//! Russian, Bulgarian, Portuguese and Hindi news report speech in a few fixed shapes,
//! which these rules read one sentence at a time (a quoted stretch never splits a
//! sentence; Hindi, which has no capitals, names its subjects before the cue, see
//! [`crate::names`]):
//! - `«…», — сказал Цеков.` / `„…“, каза Х.` / `"…", disse X.`: the quote, then the
//!   cue, then the speaker;
//! - `X заявил, что …` / `X заяви, че …` / `X afirmou que …`, and `X сказал: «…»`;
//! - `…, заявил X.`: the clause before the comma, spoken by the words after the cue;
//! - `По словам X, …` / `Според X …` / `Segundo X, …`, leading or trailing, and
//!   `Как заявил X, …`;
//! - `Об этом заявил X.` / `Това заяви X.`: the sentence before, spoken by X;
//! - a direct quote with no cue of its own continues the last direct speaker when it
//!   opens a paragraph or follows one that ends on a colon.
//!
//! Partial quotes of a few words with no cue in their sentence are scare quotes or
//! names and are left out, as in English.

use narrascope_core::Span;

use crate::group::Attribution;
use crate::lexicon::Lexicon;
use crate::marks::Quoted;
use crate::token::{span_between as span, TokKind, Token};

mod according;
mod cue;
mod phrase;

use according::{according, according_after, channel_after_cue};
use cue::{by_cue, this_was_said};
use phrase::phrase_after;

/// One attribution found by the rules, with how its speaker is to be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Source (the words naming the speaker), cue and content.
    pub attribution: Attribution,
    /// No speaker is named: the quote goes on with the last direct speaker.
    pub continues: bool,
    /// The source follows "according to" (in Russian, a genitive: "по словам Анны").
    pub according: bool,
}

impl Clause {
    /// An attribution with its speaker named (or not) in `source`.
    fn new(source: Option<Span>, cue: Option<Span>, content: Vec<Span>) -> Self {
        Clause {
            attribution: Attribution {
                source,
                cue,
                content,
            },
            continues: false,
            according: false,
        }
    }
}

/// Words of a partial quote up to which one with no cue is a scare quote or a name.
const SCARE_QUOTE_WORDS: usize = 5;

fn is_dash(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "—" | "–" | "-" | "--")
}

/// Punctuation that closes a phrase: commas, colons, semicolons, dashes, brackets and
/// sentence ends.
fn is_boundary(t: &Token) -> bool {
    matches!(t.kind, TokKind::Final)
        || (t.kind == TokKind::Punct
            && matches!(
                t.lower.as_str(),
                "," | ":" | ";" | "—" | "–" | "(" | ")" | "--" | "[" | "]"
            ))
}

/// Sentences as token ranges `(first, last)`, a quoted stretch never split. A line
/// break ends a sentence too: these corpora often break paragraphs with one newline
/// and leave headings without a full stop.
fn units(
    text: &str,
    tokens: &[Token],
    ends: &[bool],
    quoted: &[Quoted],
    caseless: bool,
) -> Vec<(usize, usize)> {
    let mut ends = ends.to_vec();
    // Without capitals, every full stop ends a sentence.
    if caseless {
        for (e, t) in ends.iter_mut().zip(tokens) {
            *e |= t.kind == TokKind::Final;
        }
    }
    let mut close_after_stop = vec![false; tokens.len()];
    if caseless {
        for q in quoted {
            // `…।"`: the sentence ends on the closing mark.
            if let Some(k) = q
                .close
                .filter(|&k| k > 0 && tokens[k - 1].kind == TokKind::Final)
            {
                close_after_stop[k] = true;
            }
        }
    }
    for i in 0..tokens.len().saturating_sub(1) {
        let gap = &text[tokens[i].span.end..tokens[i + 1].span.start];
        if gap.contains('\n') {
            ends[i] = true;
        }
    }
    for q in quoted {
        let stop = q.close.unwrap_or(q.last);
        for e in ends.iter_mut().take(stop).skip(q.open) {
            *e = false;
        }
    }
    for (e, c) in ends.iter_mut().zip(close_after_stop) {
        *e |= c;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate().take(tokens.len()) {
        if end || i + 1 == tokens.len() || tokens.get(i + 1).is_some_and(|t| t.para_start) {
            out.push((start, i));
            start = i + 1;
        }
    }
    out
}

/// Sentences a body must hold for marks around all of it to be a wrapper.
const WRAPPER_SENTENCES: usize = 3;

/// Takes away quotation marks that wrap a whole body: a straight `"` opening the
/// first region and another closing the last one right after a full stop. Scraped
/// copies of agency wires come so (33 of the 120 Russian training articles): read
/// as a quote, the article's every sentence would be inside it, and none of its
/// attributions would be seen.
pub fn unwrap_body(regions: &mut [Vec<Token>]) {
    let sentences: usize = regions
        .iter()
        .map(|r| r.iter().filter(|t| t.kind == TokKind::Final).count())
        .sum();
    if sentences < WRAPPER_SENTENCES {
        return;
    }
    let opens = regions
        .first()
        .and_then(|r| r.first())
        .is_some_and(|t| t.kind == TokKind::StraightDouble);
    let closes = regions.last().is_some_and(|r| {
        r.len() >= 2
            && r[r.len() - 1].kind == TokKind::StraightDouble
            && r[r.len() - 2].kind == TokKind::Final
    });
    if !(opens && closes) || regions.len() == 1 && regions[0].len() < 3 {
        return;
    }
    regions[0][0].kind = TokKind::Punct;
    if let Some(t) = regions.last_mut().and_then(|r| r.last_mut()) {
        t.kind = TokKind::Punct;
    }
    // Inside such a wrapper the copy escapes its own marks by doubling them
    // (`""будет падать""`, as in CSV): the second of two touching marks is no mark.
    for r in regions.iter_mut() {
        for i in 1..r.len() {
            if r[i - 1].kind == TokKind::StraightDouble
                && r[i].kind == TokKind::StraightDouble
                && r[i - 1].span.end == r[i].span.start
            {
                r[i].kind = TokKind::Punct;
            }
        }
    }
}

/// Where the stretch that ends before `end` begins: after the last boundary or
/// quotation mark in `s..end`, or at `s`.
fn stretch_start(tokens: &[Token], s: usize, end: usize) -> usize {
    (s..end)
        .rev()
        .find(|&i| is_boundary(&tokens[i]) || tokens[i].is_double_mark())
        .map_or(s, |i| i + 1)
}

/// Whether `tokens[i..]` starts with the word sequence `words`.
fn starts_with(tokens: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w))
}

/// The content of a unit between `a` and `b` (inclusive) without punctuation at
/// either end (quotation marks kept: they make a quote direct or partial).
fn trimmed(tokens: &[Token], mut a: usize, mut b: usize) -> Option<Span> {
    // (A wrapper's mark taken away by `unwrap_body` is trimmed too.)
    let edge =
        |t: &Token| is_boundary(t) || is_dash(t) || (t.kind == TokKind::Punct && t.lower == "\"");
    while a <= b && edge(&tokens[a]) {
        a += 1;
    }
    while b > a && edge(&tokens[b]) {
        b -= 1;
    }
    (a <= b && b - a >= 2).then(|| span(tokens, a, b))
}

/// Finds attributions in one region's tokens.
pub fn attribute(
    text: &str,
    tokens: &[Token],
    ends: &[bool],
    depth: &[u8],
    quoted: &[Quoted],
    lex: &Lexicon,
) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let units = units(text, tokens, ends, quoted, lex.caseless);
    // Index in `out` of the clause each unit produced.
    let mut made: Vec<Option<usize>> = vec![None; units.len()];
    for (u, &(s, e)) in units.iter().enumerate() {
        let outside = |i: usize| depth[i] == 0 && !tokens[i].is_double_mark();
        let quotes: Vec<&Quoted> = quoted
            .iter()
            .filter(|q| q.open >= s && q.open <= e)
            .collect();
        let qspan = |q: &Quoted| q.span(tokens);
        let clause = according(tokens, lex, s, e, &outside)
            .or_else(|| according_after(tokens, lex, s, e, &outside))
            .or_else(|| {
                // A trailing channel ("…, segundo a agência EFE") is left out of the
                // statement.
                let e = channel_after_cue(tokens, lex, s, e, &outside).map_or(e, |p| p - 2);
                by_cue(tokens, lex, s, e, &outside, &quotes, quoted)
            })
            .or_else(|| {
                // "Об этом заявил X": the sentence before, said by X.
                let c = this_was_said(tokens, lex, s, e)?;
                if u == 0 {
                    return None;
                }
                let (ps, pe) = units[u - 1];
                // "Об этом он сказал": a pronoun between the opener and the cue is the
                // subject; else the words after the cue.
                // (A name there is mostly the medium: "Об этом NewsInfo.Ru рассказал
                // директор …", "в интервью Reuters заявил глава …".)
                let pronoun = (s..c).find(|&i| lex.pronouns.contains(&tokens[i].lower.as_str()));
                let source = match pronoun {
                    Some(i) => Some(tokens[i].span),
                    None => phrase_after(tokens, lex, c + 1, e).map(|(a, b)| span(tokens, a, b)),
                };
                source?;
                let content = trimmed(tokens, ps, pe)?;
                if let Some(k) = made[u - 1] {
                    // The sentence before was a quote with nobody named: now it has X.
                    if out[k].attribution.source.is_none() {
                        out[k].attribution.source = source;
                        out[k].attribution.cue = Some(tokens[c].span);
                        out[k].continues = false;
                    }
                    return None;
                }
                Some(Clause::new(source, Some(span(tokens, s, c)), vec![content]))
            })
            .or_else(|| {
                // A direct quote with no cue: a paragraph of its own, or after a colon.
                let q = quotes.first()?;
                let opens = q.open == s
                    || (q.open == s + 1 && is_dash(&tokens[s]))
                    || tokens[..q.open].last().is_some_and(|t| t.lower == ":");
                if !opens {
                    return None;
                }
                let words: usize = quotes
                    .iter()
                    .map(|q| q.close.unwrap_or(q.last) - q.open)
                    .sum();
                (words > SCARE_QUOTE_WORDS).then(|| Clause {
                    continues: true,
                    ..Clause::new(None, None, quotes.iter().map(|q| qspan(q)).collect())
                })
            });
        if let Some(c) = clause {
            made[u] = Some(out.len());
            out.push(c);
        }
    }
    out
}
