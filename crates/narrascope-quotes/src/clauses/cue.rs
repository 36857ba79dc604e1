//! A sentence with a verb of saying: its subject (before the cue, or after it when
//! the sentence is inverted) and its content (a clause, quotes, or the clause before
//! the comma).

use crate::lexicon::{Lexicon, CLITICS, NOT_SUBJECT, OBLIQUE, SUBORDINATORS};
use crate::marks::Quoted;
use crate::token::{span_between as span, TokKind, Token};

use super::phrase::phrase_after;
use super::{is_boundary, is_dash, starts_with, stretch_start, trimmed, Clause};

/// Relative pronouns that open a clause about the name before their comma ("Зеленски,
/// който заяви", "Zelensky, que afirmou").
const RELATIVES: &[&str] = &[
    "който",
    "която",
    "което",
    "които",
    "который",
    "которая",
    "которое",
    "которые",
    "que",
];

/// How many tokens after the cue its complementiser may come ("заявил журналистам,
/// что", "disse esta terça-feira à Lusa que").
const COMPLEMENTISER_REACH: usize = 10;

/// A sentence with a verb of saying outside quotation marks.
/// Portuguese words after which a cue word is a noun ("um alerta", "pelo anúncio"):
/// articles, demonstratives and contracted prepositions, none of which stands before a
/// finite verb.
const PT_NOUN_MARKERS: &[&str] = &[
    "um", "uma", "este", "esta", "esse", "essa", "do", "da", "no", "na", "pelo", "pela", "ao",
    "num", "numa",
];

pub(super) fn by_cue(
    tokens: &[Token],
    lex: &Lexicon,
    s: usize,
    e: usize,
    outside: &dyn Fn(usize) -> bool,
    quotes: &[&Quoted],
    all: &[Quoted],
) -> Option<Clause> {
    // "é somente um alerta", "no comunicado": after an article or a contracted
    // preposition a cue word is a noun.
    let noun = |i: usize| {
        lex.code == "pt" && i > s && PT_NOUN_MARKERS.contains(&tokens[i - 1].lower.as_str())
    };
    let is_cue = |i: usize| {
        outside(i)
            && !noun(i)
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
    // "Na terça-feira, quando reforçou os compromissos …, Putin anunciou que …": a cue
    // whose clause ends at a comma, with no complementiser of its own, gives way to a
    // later cue that has one.
    let complementiser_after = |k: usize| {
        (k + 1..=e.min(k + COMPLEMENTISER_REACH))
            .take_while(|&i| !tokens[i].is_double_mark() && tokens[i].kind != TokKind::Final)
            .find(|&i| lex.complementisers.contains(&tokens[i].lower.as_str()))
    };
    // (Not in Hindi, whose clauses end on their verb: "लिखा था, जिसमें कहा गया था कि"
    // is another clause's cue.)
    // (Nor when a quote before the first cue is its content: "“…”, disse X, e Y
    // acrescentou que …".)
    if !lex.caseless && !quotes.iter().any(|q| q.close.is_some_and(|k| k < c)) {
        let own = complementiser_after(c);
        // (A cue with no complementiser gives way only inside a subordinate clause,
        // "quando reforçou o apoio …, X anunciou que"; otherwise its content is
        // mostly the clause before it: "…, anunciou X, mostrando-os … e sublinhando
        // que".)
        let subordinate = (c.saturating_sub(2).max(s)..c)
            .any(|j| SUBORDINATORS.contains(&tokens[j].lower.as_str()));
        // (Its subject stands between the comma and it; "отбеляза още журналистът,
        // като добави, че" goes on with the first cue's subject.)
        let later = (c + 1..own.unwrap_or(e + 1)).find(|&k| {
            let comma = (c + 1..k).rev().find(|&j| tokens[j].lower == ",");
            is_cue(k)
                && comma.is_some_and(|j| {
                    j + 1 < k && !SUBORDINATORS.contains(&tokens[j + 1].lower.as_str())
                })
                && complementiser_after(k).is_some_and(|f| match own {
                    Some(o) => o == f,
                    None => subordinate,
                })
        });
        if let Some(k) = later {
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
    // Clause start: after the last boundary or closing mark before the cue. A
    // bracket right before the cue belongs to the subject ("Lula da Silva (PT) disse").
    let mut cs = s;
    let mut i = c;
    let mut bracket = None;
    while i > s {
        i -= 1;
        if i + 1 == c && tokens[i].lower == ")" {
            if let Some(open) = (s..i).rev().find(|&k| tokens[k].lower == "(") {
                bracket = Some((open, i));
                i = open;
                continue;
            }
        }
        if (is_boundary(&tokens[i]) || tokens[i].is_double_mark() || is_dash(&tokens[i]))
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
    let mut before = subject_words(cs, bracket.map_or(c, |(open, _)| open));
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
            .or_else(|| {
                // "व्हाइट हाउस की तरफ से कहा गया है": "on the part of X" before a passive
                // cue names its source; "X की" is read as the subject.
                let last = before.len().checked_sub(1)?;
                let w = |k: usize| tokens[before[k]].lower.as_str();
                let passive = last >= 3
                    && before[last] + 1 == c
                    && w(last) == "से"
                    && ["तरफ", "ओर"].contains(&w(last - 1))
                    && ["की", "के"].contains(&w(last - 2));
                if passive {
                    Some(last - 2)
                } else {
                    None
                }
            })
    } else {
        None
    };
    if let Some(k) = marker {
        before.truncate(k + 1);
    }
    // "В същото време той не изключи": a pronoun in the stretch is the subject, the
    // adverbial before it is not.
    if !lex.caseless {
        if let Some(&k) = before
            .iter()
            .rev()
            .find(|&&i| lex.pronouns.contains(&tokens[i].lower.as_str()))
        {
            before = vec![k];
        }
    }
    if !lex.caseless && !before.is_empty() && cs > s + 1 && tokens[cs - 1].lower == "," {
        let lowercase = |from: usize| (from..c).all(|i| !tokens[i].upper_initial);
        if RELATIVES.contains(&tokens[cs].lower.as_str()) && lowercase(cs + 1) {
            // "клоунът Зеленски, който изведнъж заяви": the relative pronoun's
            // antecedent, when it is a name.
            let end = cs - 2;
            if tokens[end].upper_initial && tokens[end].kind == TokKind::Word {
                let mut a = end;
                while a > s && tokens[a - 1].upper_initial && tokens[a - 1].kind == TokKind::Word {
                    a -= 1;
                }
                before = (a..=end).collect();
            }
        } else if tokens[before[0]].lower == "ao"
            && tokens
                .get(before[0] + 1)
                .is_some_and(|t| t.lower.ends_with('r'))
            && lowercase(before[0])
        {
            // "Nando Reis, ao comentar o projeto afirmou": "ao" and an infinitive are an
            // adverbial, not the subject; the stretches before the comma are read
            // below.
            before.clear();
        }
    }
    let quote_before: Vec<&&Quoted> = quotes
        .iter()
        .filter(|q| q.close.is_some_and(|k| k < c))
        .collect();
    let quote_after: Vec<&&Quoted> = quotes.iter().filter(|q| q.open > c).collect();
    let comp = (c + 1..=e.min(c + COMPLEMENTISER_REACH))
        .take_while(|&i| !tokens[i].is_double_mark() && tokens[i].kind != TokKind::Final)
        .find(|&i| lex.complementisers.contains(&tokens[i].lower.as_str()));
    // "O presidente russo, Vladimir Putin, garantiu … que": an apposition between
    // the subject and its cue. The nearest of the three comma-separated stretches
    // before the cue that holds a capitalised word is the subject.
    let object_cue = lex
        .object_cues
        .iter()
        .any(|p| tokens[c].lower.starts_with(p));
    if before.is_empty()
        && cs > s
        && tokens[cs - 1].lower == ","
        && (comp.is_some() || !quote_after.is_empty() || object_cue)
        && quote_before.is_empty()
    {
        let mut end = cs - 1;
        for _ in 0..3 {
            let start = stretch_start(tokens, s, end);
            let words = subject_words(start, end);
            // "Ao mesmo tempo, afirmou que": an adverbial opened by a preposition, with
            // no name after it, is no subject.
            // A name right after a preposition is its object ("в Узбекистан").
            // (A whole capitalised run after the preposition is its object: "от
            // Калифорнийския университет в Лос Анджелис".)
            let capital = words.iter().any(|&i| {
                if !tokens[i].upper_initial {
                    return false;
                }
                let mut r = i;
                while r > start && tokens[r - 1].upper_initial {
                    r -= 1;
                }
                r > start && !lex.prepositions.contains(&tokens[r - 1].lower.as_str())
            });
            let adverbial = lex.prepositions.contains(&tokens[start].lower.as_str()) && !capital;
            // "Дейвид Кийт, професор … в Харвардския университет, признава": a
            // stretch opening in lowercase with no name of its own describes the
            // subject before it, when that is a name; otherwise it is a predicate
            // ("…, na fronteira com a Ucrânia, vai estar fechado …, disse X") and
            // there is no apposition.
            let description = words
                .first()
                .is_some_and(|&i| !tokens[i].upper_initial && !capital);
            if description {
                let name = (start >= 2 && tokens[start - 1].lower == ",")
                    .then(|| subject_words(stretch_start(tokens, s, start - 1), start - 1))
                    .filter(|w| {
                        (1..=4).contains(&w.len()) && w.iter().all(|&i| tokens[i].upper_initial)
                    });
                if let Some(w) = name {
                    before = w;
                }
                break;
            }
            let clitics = (start..end)
                .filter(|&i| CLITICS.contains(&tokens[i].lower.as_str()))
                .count();
            if !adverbial
                && words.len() + clitics <= 8
                && words.iter().any(|&i| tokens[i].upper_initial)
            {
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
        return Some(Clause::new(
            Some(q.span(tokens)),
            Some(tokens[c].span),
            vec![content],
        ));
    }
    // The subject: before the cue unless the cue follows a quote or a comma.
    let inverted = before.is_empty() || impersonal;
    let mut continues = false;
    // "Смята се, че …" ("it is believed that"): nobody is named and nobody goes on.
    let reflexive = lex.code == "bg" && tokens.get(c + 1).is_some_and(|t| t.lower == "се");
    let source = if reflexive && before.is_empty() {
        None
    } else if inverted {
        // "говорится в заявлении МИД": the document and its author, after the cue.
        // (Hindi names its subjects before the cue: "बताया जा रहा है कि" has none.)
        // "…, — цитирует его РИА Новости": the pronoun object is the speaker, the
        // agency after it the channel.
        let object_pronoun = tokens
            .get(c + 1)
            .filter(|t| c < e && OBLIQUE.contains(&t.lower.as_str()))
            .map(|t| t.span);
        let after = if lex.caseless {
            None
        } else if object_pronoun.is_some() {
            object_pronoun
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
    } else if let Some(k) = (before.len() > MAX_SUBJECT_WORDS && marker.is_none())
        .then(|| medium_cut(tokens, lex, &before))
        .flatten()
    {
        // "Советник главы ДНР Игорь Кимаковский в эфире Первого канала заявил": the
        // subject ends where the medium's phrase begins.
        Some(span(tokens, before[0], before[k - 1]))
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
    // "…, disse o governador X, citando a situação “…”": in an inverted sentence a
    // quote well after the cue belongs to the speaker's phrase; the clause before
    // the comma is what was said.
    let said_before = inverted && cs > s && quote_before.is_empty();
    if let Some(k) = comp {
        // "“…”, prometeu Putin, sublinhando que …": the quote opening the sentence is
        // said too.
        if let Some(q) = quote_before.first() {
            if q.open == s || (q.open == s + 1 && is_dash(&tokens[s])) {
                content.extend(quote_before.iter().map(|q| q.span(tokens)));
            }
        }
        content.extend(trimmed(tokens, k + 1, e));
    } else if !quote_after.is_empty() && (quote_after[0].open <= c + 3 || !said_before) {
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
    } else if lex.caseless
        && !inverted
        && tokens
            .get(c + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "," | ":"))
    {
        // "उन्होंने कहा, युद्ध … पीड़ा महसूस करता है।": Hindi reports a statement after
        // the cue and a comma, without marks or "कि".
        content.extend(trimmed(tokens, c + 2, e));
    } else if !inverted && object_cue {
        // "обвинил Киев в …": the object is what was said.
        content.extend(trimmed(tokens, c + 1, e));
    }
    // "Освен това, отбеляза министър-председателят, някои „…“ вече …": the cue and
    // its speaker stand inside the statement; what follows them is said.
    if content.is_empty() && inverted && source.is_some() && cs > s {
        let discourse = (s..cs)
            .all(|i| NOT_SUBJECT.contains(&tokens[i].lower.as_str()) || is_boundary(&tokens[i]))
            // "Neste contexto, acrescentou Putin, está …", "Com isto, aponta o senador,
            // …": a short adverbial too, before a short source ("Entre estes, aponta o
            // reforço da autodefesa ucraniana, …" is no attribution).
            || (cs - s <= 5
                && lex.prepositions.contains(&tokens[s].lower.as_str())
                && (s + 1..cs).all(|i| !tokens[i].upper_initial)
                && source.is_some_and(|m| {
                    let n = (c + 1..=e)
                        .filter(|&i| tokens[i].span.start >= m.start && tokens[i].span.end <= m.end)
                        .count();
                    n <= 3
                        || (c + 1..=e).any(|i| {
                            tokens[i].span.start >= m.start
                                && tokens[i].span.end <= m.end
                                && tokens[i].upper_initial
                        })
                }));
        let after = source.and_then(|m| (c + 1..=e).find(|&i| tokens[i].span.start >= m.end));
        if let (true, Some(k)) = (discourse, after) {
            content.extend(trimmed(tokens, k, e));
        }
    }
    if content.is_empty() {
        return None;
    }
    Some(Clause {
        continues,
        ..Clause::new(source, Some(tokens[c].span), content)
    })
}

/// Words before a cue up to which they are read as its subject.
const MAX_SUBJECT_WORDS: usize = 8;

/// Where a long subject stretch ends before a phrase of place or medium: the first
/// preposition that ends a name ("в эфире …", "no Fórum …") after a person-shaped
/// pair of capitalised words, if the stretch up to it is short enough to be a subject.
fn medium_cut(tokens: &[Token], lex: &Lexicon, before: &[usize]) -> Option<usize> {
    let pair = (1..before.len())
        .find(|&k| tokens[before[k - 1]].upper_initial && tokens[before[k]].upper_initial)?;
    let k = (pair + 1..before.len()).find(|&k| {
        lex.stop_after_name
            .contains(&tokens[before[k]].lower.as_str())
    })?;
    (k <= MAX_SUBJECT_WORDS).then_some(k)
}

/// The cue of a sentence that opens on "Об этом (в интервью Reuters) заявил",
/// "Това заяви": no comma between the opener and the cue.
pub(super) fn this_was_said(tokens: &[Token], lex: &Lexicon, s: usize, e: usize) -> Option<usize> {
    let words = lex
        .this_was_said
        .iter()
        .find(|w| starts_with(tokens, s, w))?;
    let from = s + words.len();
    (from..=e.min(from + 6))
        .take_while(|&i| !is_boundary(&tokens[i]) && !tokens[i].is_double_mark())
        .find(|&i| lex.is_cue(&tokens[i].lower))
}

/// Whether token `i` is outside every quoted stretch or is one of their marks.
fn outside_or_mark(i: usize, tokens: &[Token], all: &[Quoted]) -> bool {
    tokens[i].is_double_mark()
        || !all
            .iter()
            .any(|q| q.open < i && q.close.unwrap_or(q.last) >= i)
}
