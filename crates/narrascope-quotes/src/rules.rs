//! Rules over quotation marks: the direct and partial quotes the tagger missed, and
//! quotes that run on over several paragraphs.

use narrascope_core::Span;

use crate::cues::{cue_class, CueClass};
use crate::marks::Quoted;
use crate::tagger::{Role, RoleSpan};
use crate::token::{TokKind, Token};

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

fn span(tokens: &[Token], a: usize, b: usize) -> Span {
    Span::new(tokens[a].span.start, tokens[b].span.end)
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
