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
use crate::token::{TokKind, Token};

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

/// Words of a partial quote up to which one with no cue is a scare quote or a name.
const SCARE_QUOTE_WORDS: usize = 5;

/// How many tokens after the cue its complementiser may come ("заявил журналистам,
/// что", "disse esta terça-feira à Lusa que").
const COMPLEMENTISER_REACH: usize = 10;

/// Adverbs and conjunctions that may stand before a cue without being its subject
/// ("Также заявил …", "Ainda disse …").
const NOT_SUBJECT: &[&str] = &[
    "также",
    "ранее",
    "вчера",
    "сегодня",
    "тогда",
    "еще",
    "ещё",
    "уже",
    "однако",
    "но",
    "и",
    "а",
    "позже",
    "затем",
    "потом",
    "впрочем",
    "кроме",
    "того",
    "при",
    "этом",
    "между",
    "тем",
    "също",
    "така",
    "вчера",
    "днес",
    "още",
    "вече",
    "обаче",
    "но",
    "и",
    "а",
    "после",
    "по-рано",
    "по-късно",
    "освен",
    "това",
    "também",
    "ainda",
    "ontem",
    "hoje",
    "já",
    "mas",
    "e",
    "depois",
    "entretanto",
    "mais",
    "tarde",
    "antes",
    "assim",
    "porém",
    "contudo",
    "no",
    "entanto",
    "é",
    "foi",
    "o",
    "que",
    "същото",
    "време",
    "сега",
    "който",
    "която",
    "което",
    "които",
    "котором",
    "которой",
    "которых",
    "который",
    "которая",
    "которое",
    "qual",
    "onde",
];

fn is_mark(t: &Token) -> bool {
    matches!(
        t.kind,
        TokKind::OpenDouble | TokKind::CloseDouble | TokKind::StraightDouble
    )
}

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

fn span(tokens: &[Token], a: usize, b: usize) -> Span {
    Span::new(tokens[a].span.start, tokens[b].span.end)
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
    while a <= b && (is_boundary(&tokens[a]) || is_dash(&tokens[a])) {
        a += 1;
    }
    while b > a && (is_boundary(&tokens[b]) || is_dash(&tokens[b])) {
        b -= 1;
    }
    (a <= b && b - a >= 2).then(|| span(tokens, a, b))
}

/// Words that may stand between a cue and its subject without naming anyone ("сказал
/// сегодня …", "informou hoje …", "каза днес …").
const TIME_WORDS: &[&str] = &[
    "сегодня",
    "вчера",
    "ранее",
    "также",
    "тогда",
    "днес",
    "вчера",
    "също",
    "още",
    "hoje",
    "ontem",
    "ainda",
    "também",
    "esta",
    "este",
    "nesta",
    "neste",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
];

/// The listener named right after a cue ("сказал журналистам Песков"), skipped.
const LISTENERS: &[&str] = &[
    "журналистам",
    "изданию",
    "агентству",
    "телеканалу",
    "газете",
    "корреспонденту",
    "репортерам",
    "репортёрам",
];

/// Portuguese determiners that open a subject after a prepositional phrase ("disse à
/// Agência Brasil o membro do instituto").
const DETERMINERS: &[&str] = &["o", "a", "os", "as"];

/// The phrase naming the speaker after a cue or an "according to" phrase: tokens from
/// `a` up to the next boundary, quotation mark or complementiser. Time words and a
/// bracket right after the cue are skipped, and so is a Portuguese prepositional
/// phrase naming the listener ("disse à Agência Brasil o …").
/// A short capitalised apposition after a comma joins the phrase ("o membro do
/// instituto, Ayan Fleischmann").
fn phrase_after(tokens: &[Token], lex: &Lexicon, a: usize, last: usize) -> Option<(usize, usize)> {
    let mut a = a;
    loop {
        if a <= last
            && (TIME_WORDS.contains(&tokens[a].lower.as_str())
                || LISTENERS.contains(&tokens[a].lower.as_str()))
        {
            a += 1;
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
                && !is_mark(&tokens[b])
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
        if let Some(k) = (a + 1..b).find(|&i| DETERMINERS.contains(&tokens[i].lower.as_str())) {
            a = k;
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
        let outside = |i: usize| depth[i] == 0 && !is_mark(&tokens[i]);
        let quotes: Vec<&Quoted> = quoted
            .iter()
            .filter(|q| q.open >= s && q.open <= e)
            .collect();
        let qspan = |q: &Quoted| q.span(tokens);
        let clause = according(tokens, lex, s, e, &outside)
            .or_else(|| according_after(tokens, lex, s, e, &outside))
            .or_else(|| by_cue(tokens, lex, s, e, &outside, &quotes, quoted))
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
                Some(Clause {
                    attribution: Attribution {
                        source,
                        cue: Some(span(tokens, s, c)),
                        content: vec![content],
                    },
                    continues: false,
                    according: false,
                })
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
                    attribution: Attribution {
                        source: None,
                        cue: None,
                        content: quotes.iter().map(|q| qspan(q)).collect(),
                    },
                    continues: true,
                    according: false,
                })
            });
        if let Some(c) = clause {
            made[u] = Some(out.len());
            out.push(c);
        }
    }
    out
}

/// `X के अनुसार, …`: the source before the phrase, from the start of the sentence.
fn according_after(
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
        let from = (s..p)
            .rev()
            .find(|&i| is_boundary(&tokens[i]) || is_mark(&tokens[i]))
            .map_or(s, |i| i + 1);
        if from >= p {
            continue;
        }
        let content = trimmed(tokens, p + words.len(), e)?;
        return Some(Clause {
            attribution: Attribution {
                source: Some(span(tokens, from, p - 1)),
                cue: Some(span(tokens, p, p + words.len() - 1)),
                content: vec![content],
            },
            continues: false,
            according: true,
        });
    }
    None
}

/// `По словам X, …`, `…, по словам X.`, `Как заявил X, …`.
fn according(
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
        let Some(n) = words else { continue };
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
        // "по его словам": the pronoun inside the phrase is the source.
        if let Some(k) = (p..after).find(|&k| OBLIQUE.contains(&tokens[k].lower.as_str())) {
            let content = trimmed(tokens, after, e)?;
            return Some(Clause {
                attribution: Attribution {
                    source: Some(tokens[k].span),
                    cue: Some(span(tokens, p, after - 1)),
                    content: vec![content],
                },
                continues: false,
                according: true,
            });
        }
        let (a, mut b) = phrase_after(tokens, lex, after, e)?;
        // "Според съветника Мария Иванова обаче …", "Според учените високите …": no
        // comma; the source ends with its first name, or is its first word.
        if b == e || (b + 1 == e && tokens[e].kind == TokKind::Final) {
            b = (a..e)
                .find(|&i| tokens[i].upper_initial && !tokens[i + 1].upper_initial)
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
            attribution: Attribution {
                source: Some(span(tokens, a, b)),
                cue: Some(cue),
                content: vec![content],
            },
            continues: false,
            according: true,
        });
    }
    None
}

/// A sentence with a verb of saying outside quotation marks.
fn by_cue(
    tokens: &[Token],
    lex: &Lexicon,
    s: usize,
    e: usize,
    outside: &dyn Fn(usize) -> bool,
    quotes: &[&Quoted],
    all: &[Quoted],
) -> Option<Clause> {
    let is_cue = |i: usize| {
        outside(i)
            && (lex.is_cue(&tokens[i].lower)
                || (lex.is_impersonal(&tokens[i].lower)
                    && (lex.code != "bg" || i > s && tokens[i - 1].lower == "се")))
    };
    let mut c = (s..=e).find(|&i| is_cue(i))?;
    // "Apontando o dedo …, Putin acusou …": a cue opening the sentence gives way to a
    // later one.
    if c == s {
        if let Some(k) = (s + 1..=e).find(|&i| is_cue(i)) {
            c = k;
        }
    }
    // This-was-said openers are read by the caller.
    if this_was_said(tokens, lex, s, e) == Some(c) {
        return None;
    }
    // Bulgarian impersonal forms count only after "се" ("се казва").
    let impersonal = lex.is_impersonal(&tokens[c].lower)
        && (lex.code != "bg" || (c > s && tokens[c - 1].lower == "се"));
    // Clause start: after the last boundary or closing mark before the cue.
    let mut cs = s;
    for i in (s..c).rev() {
        if (is_boundary(&tokens[i]) || is_mark(&tokens[i]) || is_dash(&tokens[i]))
            && outside_or_mark(i, tokens, all)
        {
            cs = i + 1;
            break;
        }
    }
    let subject_words = |from: usize, to: usize| -> Vec<usize> {
        (from..to)
            .filter(|&i| !NOT_SUBJECT.contains(&tokens[i].lower.as_str()))
            .filter(|&i| !(lex.code == "bg" && tokens[i].lower == "се"))
            .filter(|&i| !is_boundary(&tokens[i]) && !is_dash(&tokens[i]))
            .collect()
    };
    let mut before = subject_words(cs, c);
    // "X ने (एक्स पर) लिखा कि": the subject ends at its marker, whatever follows it.
    let marker = if lex.caseless {
        before
            .iter()
            .rposition(|&i| tokens[i].lower == "ने")
            .or_else(|| {
                // "X का कहना है": a genitive marker counts only right before the cue.
                let last = before.len().checked_sub(1)?;
                (before[last] + 1 == c
                    && lex
                        .subject_markers
                        .contains(&tokens[before[last]].lower.as_str()))
                .then_some(last)
            })
    } else {
        None
    };
    if let Some(k) = marker {
        before.truncate(k + 1);
    }
    let quote_before: Vec<&&Quoted> = quotes
        .iter()
        .filter(|q| q.close.is_some_and(|k| k < c))
        .collect();
    let quote_after: Vec<&&Quoted> = quotes.iter().filter(|q| q.open > c).collect();
    let comp = (c + 1..=e.min(c + COMPLEMENTISER_REACH))
        .take_while(|&i| !is_mark(&tokens[i]) && tokens[i].kind != TokKind::Final)
        .find(|&i| lex.complementisers.contains(&tokens[i].lower.as_str()));
    // "O presidente russo, Vladimir Putin, garantiu … que": an apposition between
    // the subject and its cue. The nearest of the three comma-separated stretches
    // before the cue that holds a capitalised word is the subject.
    if before.is_empty()
        && cs > s
        && tokens[cs - 1].lower == ","
        && (comp.is_some() || !quote_after.is_empty())
        && quote_before.is_empty()
    {
        let mut end = cs - 1;
        for _ in 0..3 {
            let start = (s..end)
                .rev()
                .find(|&i| is_boundary(&tokens[i]) || is_mark(&tokens[i]))
                .map_or(s, |i| i + 1);
            let words = subject_words(start, end);
            // "Ao mesmo tempo, afirmou que": an adverbial opened by a preposition, with
            // no name after it, is no subject.
            // A name right after a preposition is its object ("в Узбекистан").
            let capital = words.iter().any(|&i| {
                i > start
                    && tokens[i].upper_initial
                    && !lex.prepositions.contains(&tokens[i - 1].lower.as_str())
            });
            let adverbial = lex.prepositions.contains(&tokens[start].lower.as_str()) && !capital;
            if !adverbial && words.len() <= 8 && words.iter().any(|&i| tokens[i].upper_initial) {
                before = words;
                break;
            }
            if start == s || start < 1 || tokens[start - 1].lower != "," {
                break;
            }
            end = start - 1;
        }
    }
    // "…, пишет «Пятый канал».": a name in quotation marks right after the cue is the
    // source, not a quote.
    let named_quote = quote_after.first().filter(|q| {
        q.open == c + 1
            && q.close.is_some_and(|k| {
                k - q.open <= 4 && (k == e || (k + 1 == e && tokens[e].kind == TokKind::Final))
            })
            && tokens.get(q.open + 1).is_some_and(|t| t.upper_initial)
    });
    if let (Some(q), true) = (named_quote, before.is_empty() && cs > s) {
        let content = trimmed(tokens, s, cs - 1)?;
        return Some(Clause {
            attribution: Attribution {
                source: Some(q.span(tokens)),
                cue: Some(tokens[c].span),
                content: vec![content],
            },
            continues: false,
            according: false,
        });
    }
    // The subject: before the cue unless the cue follows a quote or a comma.
    let inverted = before.is_empty() || impersonal;
    let mut continues = false;
    let source = if inverted {
        // "говорится в заявлении МИД": the document and its author, after the cue.
        // (Hindi names its subjects before the cue: "बताया जा रहा है कि" has none.)
        let after = if lex.caseless {
            None
        } else {
            phrase_after(tokens, lex, c + 1, e).map(|(a, b)| span(tokens, a, b))
        };
        // "No relatório aponta-se que": an impersonal cue's source may come before it.
        let after = after.or_else(|| {
            let named: Vec<usize> = before
                .iter()
                .copied()
                .filter(|&i| !lex.prepositions.contains(&tokens[i].lower.as_str()))
                .collect();
            (impersonal && !named.is_empty())
                .then(|| span(tokens, before[0], *before.last().unwrap_or(&before[0])))
        });
        // "“…”, apontou.", "salienta-se que": the subject is dropped; the speaker
        // (or the document) goes on.
        continues = after.is_none() && !lex.caseless;
        after
    } else if before.len() > MAX_SUBJECT_WORDS && marker.is_none() {
        // A long stretch before the cue is a clause, not a subject: keep its last
        // capitalised word or pronoun, if any.
        let k = before.iter().rev().find(|&&i| {
            tokens[i].upper_initial || lex.pronouns.contains(&tokens[i].lower.as_str())
        });
        continues = k.is_none();
        k.map(|&i| tokens[i].span)
    } else {
        Some(span(tokens, before[0], *before.last()?))
    };
    let mut content = Vec::new();
    if let Some(k) = comp {
        content.extend(trimmed(tokens, k + 1, e));
    } else if !quote_after.is_empty() {
        // "X сказал: «…»" quotes; "X назвал это «…»" reports a clause with a quote.
        if quote_after[0].open <= c + 3 {
            content.extend(quote_after.iter().map(|q| q.span(tokens)));
        } else {
            content.extend(trimmed(tokens, c + 1, e));
        }
    } else if !quote_before.is_empty() {
        let first = quote_before[0].open;
        if first == s || (first == s + 1 && is_dash(&tokens[s])) {
            content.extend(quote_before.iter().map(|q| q.span(tokens)));
        } else {
            content.extend(trimmed(tokens, s, cs.saturating_sub(1).max(s)));
        }
    } else if inverted && cs > s {
        // "…, заявил X.": the clause before the comma.
        content.extend(trimmed(tokens, s, cs - 1));
    } else if !inverted
        && lex
            .object_cues
            .iter()
            .any(|p| tokens[c].lower.starts_with(p))
    {
        // "обвинил Киев в …": the object is what was said.
        content.extend(trimmed(tokens, c + 1, e));
    }
    if content.is_empty() {
        return None;
    }
    Some(Clause {
        attribution: Attribution {
            source,
            cue: Some(tokens[c].span),
            content,
        },
        continues,
        according: false,
    })
}

/// Oblique personal pronouns that name the source inside an "according to" phrase
/// ("по его словам") or as its whole object ("Според нея", "segundo ele").
pub const OBLIQUE: &[&str] = &[
    "его", "ее", "её", "их", "него", "нея", "тях", "ele", "ela", "eles", "elas",
];

/// Words before a cue up to which they are read as its subject.
const MAX_SUBJECT_WORDS: usize = 8;

/// The cue of a sentence that opens on "Об этом (в интервью Reuters) заявил",
/// "Това заяви": no comma between the opener and the cue.
fn this_was_said(tokens: &[Token], lex: &Lexicon, s: usize, e: usize) -> Option<usize> {
    let words = lex
        .this_was_said
        .iter()
        .find(|w| starts_with(tokens, s, w))?;
    let from = s + words.len();
    (from..=e.min(from + 6))
        .take_while(|&i| !is_boundary(&tokens[i]) && !is_mark(&tokens[i]))
        .find(|&i| lex.is_cue(&tokens[i].lower))
}

/// Whether token `i` is outside every quoted stretch or is one of their marks.
fn outside_or_mark(i: usize, tokens: &[Token], all: &[Quoted]) -> bool {
    is_mark(&tokens[i])
        || !all
            .iter()
            .any(|q| q.open < i && q.close.unwrap_or(q.last) >= i)
}
