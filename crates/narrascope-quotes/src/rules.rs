//! Rules over quotation marks: the direct and partial quotes the tagger missed, and
//! quotes that run on over several paragraphs.

use crate::cues::{cue_class, CueClass};
use crate::marks::Quoted;
use crate::tagger::{Role, RoleSpan};
use crate::token::{span_between as span, TokKind, Token};

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];
const CONNECT: &[&str] = &[
    "the", "of", "de", "van", "von", "al", "bin", "la", "del", "da",
];

fn is_say(t: &Token) -> bool {
    t.kind == TokKind::Word && cue_class(&t.lower) == CueClass::Say
}

fn is_speech(t: &Token) -> bool {
    t.kind == TokKind::Word && matches!(cue_class(&t.lower), CueClass::Say | CueClass::Speech)
}

/// A noun phrase naming a speaker, read backwards from token `end` (inclusive).
fn np_before(tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let t = tokens.get(end)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if PRONOUNS.contains(&t.lower.as_str()) {
        return Some((end, end));
    }
    if !t.upper_initial {
        return None;
    }
    let mut start = end;
    while start > 0 && end - start < 6 {
        let p = &tokens[start - 1];
        if p.kind != TokKind::Word || p.para_start && start - 1 != end {
            break;
        }
        if p.upper_initial || (CONNECT.contains(&p.lower.as_str()) && start >= 2) {
            start -= 1;
        } else {
            break;
        }
    }
    // Never start on a connector.
    while start < end && CONNECT.contains(&tokens[start].lower.as_str()) {
        start += 1;
    }
    Some((start, end))
}

/// A noun phrase naming a speaker, read forwards from token `start`.
fn np_after(tokens: &[Token], start: usize) -> Option<(usize, usize)> {
    let t = tokens.get(start)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if PRONOUNS.contains(&t.lower.as_str()) {
        return Some((start, start));
    }
    let mut end = start;
    // "the union leader" / "Maria Lopez"
    if !t.upper_initial && t.lower != "the" {
        return None;
    }
    while end + 1 < tokens.len() && end - start < 6 {
        let n = &tokens[end + 1];
        if n.kind != TokKind::Word || n.para_start {
            break;
        }
        if n.upper_initial || CONNECT.contains(&n.lower.as_str()) || t.lower == "the" {
            if is_say(n) {
                break;
            }
            end += 1;
        } else {
            break;
        }
    }
    Some((start, end))
}

/// Spans for a quoted stretch the tagger did not cover, or nothing when it looks
/// like scare quotes. The content follows PolNeAR's convention: marks included.
pub fn attribute(tokens: &[Token], ends: &[bool], q: &Quoted) -> Vec<RoleSpan> {
    let n = tokens.len();
    let inner_words = (q.open + 1..=q.last.min(n.saturating_sub(1)))
        .filter(|&i| tokens[i].kind == TokKind::Word)
        .count();
    if inner_words == 0 {
        return Vec::new();
    }
    let close = q.close.unwrap_or(q.last);
    let mut content_end = close;
    let mut out = Vec::new();
    let content = |e: usize| RoleSpan {
        span: span(tokens, q.open, e),
        role: Role::Content,
    };
    // After the closing mark: `,” said Maria Lopez` / `,” Lopez said` / `,” he told`.
    let mut j = close + 1;
    if q.close.is_some() {
        // A comma inside or outside the closing mark belongs to the quote.
        while j < n && matches!(tokens[j].lower.as_str(), "," | "—" | "–" | "-") {
            j += 1;
        }
        if j < n && is_say(&tokens[j]) {
            if let Some((a, b)) = np_after(tokens, j + 1) {
                out.push(content(content_end));
                out.push(RoleSpan {
                    span: tokens[j].span,
                    role: Role::Cue,
                });
                out.push(RoleSpan {
                    span: span(tokens, a, b),
                    role: Role::Source,
                });
                return out;
            }
        }
        if let Some((a, b)) = np_after(tokens, j) {
            if b + 1 < n && is_say(&tokens[b + 1]) && a > close {
                out.push(content(content_end));
                out.push(RoleSpan {
                    span: span(tokens, a, b),
                    role: Role::Source,
                });
                out.push(RoleSpan {
                    span: tokens[b + 1].span,
                    role: Role::Cue,
                });
                return out;
            }
        }
    }
    // Before the opening mark: `Lopez said: “…”` / `according to Lopez, “…”`.
    let mut k = q.open;
    while k > 0 && matches!(tokens[k - 1].lower.as_str(), ":" | ",") {
        k -= 1;
    }
    if k >= 2 && k < q.open + 1 && !tokens[q.open].para_start {
        let c = k - 1;
        if is_say(&tokens[c]) {
            if let Some((a, b)) = np_before(tokens, c - 1) {
                out.push(content(content_end));
                out.push(RoleSpan {
                    span: span(tokens, a, b),
                    role: Role::Source,
                });
                out.push(RoleSpan {
                    span: tokens[c].span,
                    role: Role::Cue,
                });
                return out;
            }
        }
        if let Some((a, b)) = np_before(tokens, c) {
            if a >= 2 && tokens[a - 1].lower == "to" && tokens[a - 2].lower == "according" {
                out.push(content(content_end));
                out.push(RoleSpan {
                    span: span(tokens, a - 2, a - 1),
                    role: Role::Cue,
                });
                out.push(RoleSpan {
                    span: span(tokens, a, b),
                    role: Role::Source,
                });
                return out;
            }
        }
    }
    // A partial quote: a speech verb earlier in the same sentence, its subject before.
    let mut s = q.open;
    while s > 0 && !ends[s - 1] {
        s -= 1;
    }
    if s < q.open {
        if let Some(c) = (s..q.open).rev().find(|&i| is_speech(&tokens[i])) {
            let subj = (s..c).rev().take(3).find_map(|i| np_before(tokens, i));
            if let Some((a, b)) = subj {
                out.push(RoleSpan {
                    span: span(tokens, a, b),
                    role: Role::Source,
                });
                out.push(RoleSpan {
                    span: tokens[c].span,
                    role: Role::Cue,
                });
                out.push(RoleSpan {
                    span: span(tokens, c + 1, content_end.max(c + 1)),
                    role: Role::Content,
                });
                return out;
            }
        }
        return Vec::new();
    }
    // A quote that opens its sentence with no speaker nearby: content alone when it
    // is a whole sentence (the speaker is whoever spoke last).
    if inner_words >= 3 {
        if q.close.is_none() {
            content_end = q.last;
        }
        out.push(content(content_end));
    }
    out
}

/// The last token of the sentence `s..=e` before its final punctuation, if the
/// sentence has more than one token.
fn last_word(tokens: &[Token], s: usize, e: usize) -> Option<usize> {
    if e <= s || e >= tokens.len() {
        return None;
    }
    Some(if tokens[e].kind == TokKind::Word {
        e
    } else {
        e - 1
    })
}

/// A reported clause found by the sentence rules: first and last token of each part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clause {
    /// What is said.
    pub content: (usize, usize),
    /// Who says it.
    pub source: (usize, usize),
    /// The verb of saying or `according to`.
    pub cue: (usize, usize),
}

/// Words that may open what follows a sentence-final `…, he said` without being the
/// content: when, where or to whom it was said ("said on Monday", "said during a
/// visit", "told reporters"), or a further cue ("said, adding that …").
const CIRCUMSTANCE: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "last",
    "earlier",
    "this",
    "yesterday",
    "today",
    "tonight",
    "when",
    "from",
    "via",
    "through",
    "to",
    "as",
    "adding",
    "noting",
    "citing",
    "according",
    "late",
    "early",
];

/// A lowercase plural naming speakers: "officials", "analysts", "experts".
fn plural_noun(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let t = tokens.get(i)?;
    (t.kind == TokKind::Word && !t.upper_initial && t.lower.len() > 3 && t.lower.ends_with('s'))
        .then_some((i, i))
}

/// Whether the tokens after a trailing cue leave the sentence's content before it:
/// nothing but the sentence end, or a circumstance of the saying with no clause of
/// its own ("that …") and no quotation marks.
fn circumstance_only(tokens: &[Token], cue: usize, from: usize, to: usize) -> bool {
    if from > to {
        return true;
    }
    // `said, adding …`: a comma may come first.
    let Some(first) = tokens[from..=to].iter().find(|t| t.lower != ",") else {
        return true;
    };
    let told = matches!(tokens[cue].lower.as_str(), "told" | "tells" | "tell");
    let opens_circumstance = first.kind == TokKind::Word
        && (CIRCUMSTANCE.contains(&first.lower.as_str()) || (told && tokens[from].lower != ","));
    opens_circumstance
        && tokens[from..=to]
            .iter()
            .all(|t| !t.is_double_mark() && !matches!(t.lower.as_str(), "that" | "whether"))
}

/// Words that cannot stand in a phrase naming a speaker: verbs and negations ("said
/// the plan would fail" has a clause after the verb, not a speaker).
const NOT_IN_SPEAKER: &[&str] = &[
    "that", "who", "which", "whose", "had", "has", "have", "was", "were", "is", "are", "be",
    "been", "would", "will", "could", "can", "should", "may", "might", "did", "does", "do", "not",
    "never", "it", "there",
];

/// Verbs of saying that may come before their speaker: `…, said Mr Lee.`
const INVERTED: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "explains",
    "continued",
    "wrote",
    "writes",
    "argued",
    "argues",
    "warned",
    "warns",
    "insisted",
    "replied",
    "recalled",
    "concluded",
    "claimed",
    "claims",
    "stated",
    "remarked",
    "observed",
];

/// Words a description of a speaker may open with ("the engineers", "a spokesman").
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our"];

/// Whether tokens `a..=b` can name a speaker: at most six words, no verb or relative
/// pronoun, and a name (capitalised last word), a pronoun, a description opened by a
/// determiner, or one plural noun ("officials").
fn speaker_phrase(tokens: &[Token], a: usize, b: usize) -> bool {
    if b < a || b - a > 5 {
        return false;
    }
    let words = &tokens[a..=b];
    if words.iter().any(|t| {
        !matches!(t.kind, TokKind::Word | TokKind::CloseSingle)
            && !matches!(t.lower.as_str(), "." | "-")
            || NOT_IN_SPEAKER.contains(&t.lower.as_str())
    }) {
        return false;
    }
    let (first, last) = (&tokens[a], &tokens[b]);
    if a == b && PRONOUNS.contains(&first.lower.as_str()) {
        return first.lower != "it";
    }
    last.upper_initial
        || DETERMINERS.contains(&first.lower.as_str()) && b > a
        || a == b && plural_noun(tokens, a).is_some()
}

/// The reported clause of `Russia will win …, President Vladimir Putin said during a
/// visit …` / `…, he said.` / `…, said Mr Lee.`: a sentence with no quotation marks
/// that ends on a comma, a speaker and a verb of saying. PolNeAR's convention: the
/// content stops before the comma.
pub fn trailing_attribution(tokens: &[Token], s: usize, e: usize) -> Option<Clause> {
    if tokens[s..=e].iter().any(Token::is_double_mark) {
        return None;
    }
    let last = last_word(tokens, s, e)?;
    // The last comma of the sentence followed by `SOURCE said` or `said SOURCE`.
    for k in (s + 4..e).rev() {
        if tokens[k].lower != "," {
            continue;
        }
        // `…, said Mr Lee` but not `…, tells the whole story` or `…, stressed the
        // role of …`: only verbs that take no object here come before their speaker. The speaker then runs to the end of the sentence or to a
        // circumstance ("said Mr Lee on Monday").
        let inverted = INVERTED.contains(&tokens[k + 1].lower.as_str());
        let found = if inverted {
            let end = (k + 2..=last)
                .find(|&i| {
                    tokens[i].lower == "," || CIRCUMSTANCE.contains(&tokens[i].lower.as_str())
                })
                .map_or(last, |i| i - 1);
            speaker_phrase(tokens, k + 2, end).then_some(((k + 2, end), k + 1, end + 1))
        } else {
            // `…, as Zelensky says`: the writer borrows the words, Zelensky said them.
            let a = if tokens[k + 1].lower == "as" {
                k + 2
            } else {
                k + 1
            };
            (a + 1..=last.min(a + 6))
                .find(|&c| is_say(&tokens[c]))
                .filter(|&c| speaker_phrase(tokens, a, c - 1))
                .map(|c| ((a, c - 1), c, c + 1))
        };
        let Some((src, cue, rest)) = found else {
            continue;
        };
        if !circumstance_only(tokens, cue, rest, last) {
            continue;
        }
        let words: Vec<&Token> = tokens[s..k]
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .collect();
        // A headline in Title Case repeats the article, it reports nothing new; a
        // subject with a relative clause ("Kessler, who wrote …, said") is no content.
        let capitalised = words.iter().filter(|t| t.upper_initial).count();
        let relative = tokens[s..k]
            .windows(2)
            .any(|w| w[0].lower == "," && matches!(w[1].lower.as_str(), "who" | "whose"));
        if words.len() < 4 || capitalised * 5 >= words.len() * 3 || relative {
            return None;
        }
        return Some(Clause {
            content: (s, k - 1),
            source: src,
            cue: (cue, cue),
        });
    }
    None
}

/// The reported clause of `According to him, many of the problems began …` and
/// `The army is redeploying …, according to the Russian side.`, the cue being
/// `according to`. The content stops before the final
/// punctuation (PolNeAR's convention).
pub fn according_attribution(tokens: &[Token], s: usize, e: usize) -> Option<Clause> {
    if tokens[s..=e].iter().any(Token::is_double_mark) {
        return None;
    }
    let last = last_word(tokens, s, e)?;
    let is_according = |i: usize| {
        tokens[i].lower == "according" && tokens.get(i + 1).is_some_and(|t| t.lower == "to")
    };
    let words = |a: usize, b: usize| (a..=b).filter(|&i| tokens[i].kind == TokKind::Word).count();
    // A source: up to eight words with no verb, no quotation marks.
    let source_ok = |a: usize, b: usize| {
        b >= a
            && b - a < 8
            && tokens[a..=b].iter().all(|t| {
                !t.is_double_mark() && !NOT_IN_SPEAKER.contains(&t.lower.as_str())
                    || t.lower == "it"
            })
    };
    // Opening the sentence, after at most one connective: "But according to …, …".
    let open = if is_according(s) {
        Some(s)
    } else if matches!(
        tokens[s].lower.as_str(),
        "but" | "and" | "yet" | "however" | "also"
    ) && is_according(s + 1)
    {
        Some(s + 1)
    } else {
        None
    };
    if let Some(a) = open {
        let comma = (a + 3..last.min(a + 11)).find(|&i| tokens[i].lower == ",")?;
        // "According to Gates, who was speaking to …, wind …": past the relative clause.
        let from = if matches!(tokens[comma + 1].lower.as_str(), "who" | "whose" | "which") {
            (comma + 2..last).find(|&i| tokens[i].lower == ",")? + 1
        } else {
            comma + 1
        };
        if !source_ok(a + 2, comma - 1) || words(from, last) < 4 {
            return None;
        }
        return Some(Clause {
            content: (from, last),
            source: (a + 2, comma - 1),
            cue: (a, a + 1),
        });
    }
    // Closing the sentence: `…, according to X.`
    let k = (s + 4..last)
        .rev()
        .find(|&i| tokens[i].lower == "," && is_according(i + 1))?;
    let end = (k + 3..=last)
        .find(|&i| tokens[i].lower == "," || tokens[i].lower == "which")
        .map_or(last, |i| i - 1);
    if !source_ok(k + 3, end) || words(s, k - 1) < 4 {
        return None;
    }
    Some(Clause {
        content: (s, k - 1),
        source: (k + 3, end),
        cue: (k + 1, k + 2),
    })
}

/// Participles that continue a statement with a clause of their own: "…, adding that
/// …", "…, noting that …".
const CONTINUING: &[&str] = &[
    "adding",
    "noting",
    "saying",
    "warning",
    "arguing",
    "insisting",
    "stressing",
    "explaining",
    "claiming",
    "stating",
    "suggesting",
    "pointing",
    "emphasizing",
    "emphasising",
    "acknowledging",
    "admitting",
    "telling",
];

/// Whether a lowercased word is one of the [`CONTINUING`] participles.
pub fn is_continuing(lower: &str) -> bool {
    CONTINUING.contains(&lower)
}

/// `…, adding that CLAUSE.`: the participle's cue and content (to the sentence end,
/// PolNeAR's convention); its speaker is the subject of the clause before, which the
/// stage resolves as a shared subject.
pub fn continuing_clause(tokens: &[Token], s: usize, e: usize) -> Option<((usize, usize), usize)> {
    let last = last_word(tokens, s, e)?;
    let c = (s + 2..last).find(|&i| {
        tokens[i - 1].lower == ","
            && CONTINUING.contains(&tokens[i].lower.as_str())
            && tokens[i + 1..=last.min(i + 3)]
                .iter()
                .any(|t| t.lower == "that")
    })?;
    let that = (c + 1..=last.min(c + 3)).find(|&i| tokens[i].lower == "that")?;
    let from = that + 1;
    let words = (from..=last)
        .filter(|&i| tokens[i].kind == TokKind::Word)
        .count();
    (words >= 3).then_some(((from, last), c))
}
