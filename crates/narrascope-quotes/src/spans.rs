//! Tagged spans around the quotation marks: what kind a content is, contents snapped
//! to their marks, rule spans for quotes the tagger missed, quotes running over
//! paragraphs, and the quote's own words inside its content.

use narrascope_core::{QuoteKind, Span};

use crate::cues::{cue_class, CueClass};
use crate::marks::Quoted;
use crate::rules;
use crate::tagger::{Role, RoleSpan};
use crate::token::{TokKind, Token};

pub(crate) fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

const OPEN: &[char] = &['“', '„', '«', '‹', '"', '‘', '\''];
const CLOSE: &[char] = &['”', '»', '›', '"', '’', '\'', '“'];

/// Whether quoted words end on a full stop inside their closing mark (“… credit.”).
pub(crate) fn ends_on_full_stop(content: &str) -> bool {
    content
        .trim_end()
        .trim_end_matches(CLOSE)
        .trim_end()
        .ends_with('.')
}

/// Direct when the content is wrapped in quotation marks, partial when marks appear
/// inside it, indirect otherwise.
pub(crate) fn kind_of(content: &str) -> QuoteKind {
    let t = content.trim();
    if t.starts_with(['“', '„', '«', '‹', '"']) {
        return QuoteKind::Direct;
    }
    // Single marks count only when they wrap the whole content (else apostrophes).
    let end = t.trim_end_matches([',', '.', ';', ':', '?', '!']);
    if t.starts_with(['‘', '\'']) && end.ends_with(['’', '\'']) {
        return QuoteKind::Direct;
    }
    if t.contains(['“', '”', '"', '«', '»', '„']) {
        QuoteKind::Partial
    } else {
        QuoteKind::Indirect
    }
}

/// Extends a tagged content that starts at an opening mark but stops inside the
/// quoted stretch to the stretch's closing mark.
pub(crate) fn snap_to_marks(tokens: &[Token], quoted: &[Quoted], spans: &mut [RoleSpan]) {
    for q in quoted {
        let Some(close) = q.close else { continue };
        let (open_at, close_end) = (tokens[q.open].span.start, tokens[close].span.end);
        let close_start = tokens[close].span.start;
        for s in spans.iter_mut() {
            if s.role == Role::Content && s.span.start == open_at && s.span.end < close_start {
                s.span.end = close_end;
            }
        }
    }
}

/// Adds rule spans for quoted stretches no tagged content touches.
pub(crate) fn add_rule_spans(
    tokens: &[Token],
    ends: &[bool],
    quoted: &[Quoted],
    spans: &mut Vec<RoleSpan>,
) {
    for q in quoted {
        let qs = q.span(tokens);
        if spans
            .iter()
            .any(|s| s.role == Role::Content && s.span.overlaps(qs))
        {
            continue;
        }
        let extra = rules::attribute(tokens, ends, q);
        if extra
            .iter()
            .any(|e| spans.iter().any(|s| s.span.overlaps(e.span)))
        {
            continue;
        }
        spans.extend(extra);
    }
}

/// First and last token of each sentence (`ends[i]`: token `i` ends one; the last
/// token always does).
fn sentence_ranges(ends: &[bool], n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for e in 0..n {
        if ends.get(e).copied().unwrap_or(false) || e + 1 == n {
            out.push((start, e));
            start = e + 1;
        }
    }
    out
}

/// Adds the reported clause of a sentence that ends on `…, he said (on Monday).` (or
/// opens or ends on `according to X`, see [`rules::according_attribution`]) where
/// the tagger left most of it out, with its speaker and cue; a content the tagger put
/// after the cue ("said during a visit to …") gives way to it, and so do a source and
/// a cue the tagger found inside the clause or the circumstance (it had read the
/// sentence otherwise).
pub(crate) fn add_trailing_attributions(
    tokens: &[Token],
    ends: &[bool],
    spans: &mut Vec<RoleSpan>,
) {
    let sentences = sentence_ranges(ends, tokens.len());
    let mut added = false;
    for &(s, e) in &sentences {
        let found = rules::trailing_attribution(tokens, s, e)
            .or_else(|| rules::according_attribution(tokens, s, e));
        let Some(rules::Clause {
            content: (c0, c1),
            source: (a, b),
            cue: (q0, q1),
        }) = found
        else {
            continue;
        };
        let content = Span::new(tokens[c0].span.start, tokens[c1].span.end);
        // Covered when the tagger's content opens the clause; content opening later
        // belongs to a cue of its own inside the clause, a reading the sentence-final
        // "he said" overrides.
        let opening = tokens[(c0 + 1).min(c1)].span.end;
        let covered: usize = spans
            .iter()
            .filter(|x| x.role == Role::Content && x.span.start <= opening)
            .map(|x| {
                x.span
                    .end
                    .min(content.end)
                    .saturating_sub(x.span.start.max(content.start))
            })
            .sum();
        // A reporting verb the tagger found inside the clause ("Sharif said that …,
        // the office said"): the clause holds its own attribution, left as it is.
        let inner_cue = spans.iter().any(|x| {
            x.role == Role::Cue && content.contains(x.span) && {
                let k = tokens.partition_point(|t| t.span.start < x.span.start);
                tokens.get(k).is_some_and(|t| {
                    matches!(
                        cue_class(&t.lower),
                        CueClass::Say | CueClass::Speech | CueClass::According
                    )
                })
            }
        });
        if covered * 2 >= content.len() || inner_cue {
            continue;
        }
        let source = Span::new(tokens[a].span.start, tokens[b].span.end);
        let cue = Span::new(tokens[q0].span.start, tokens[q1].span.end);
        // What follows the attribution in its sentence: the circumstance.
        let after = cue.end.max(source.end).max(content.end);
        let tail = Span::new(after, tokens[e].span.end.max(after));
        spans.retain(|x| match x.role {
            Role::Content => {
                !x.span.overlaps(content) && !x.span.overlaps(source) && !tail.contains(x.span)
            }
            Role::Source | Role::Cue => {
                !x.span.overlaps(source)
                    && !x.span.overlaps(cue)
                    && !x.span.overlaps(content)
                    && !tail.contains(x.span)
            }
        });
        spans.push(RoleSpan {
            span: content,
            role: Role::Content,
        });
        spans.push(RoleSpan {
            span: source,
            role: Role::Source,
        });
        spans.push(RoleSpan {
            span: cue,
            role: Role::Cue,
        });
        added = true;
    }
    // "…, adding that …": a participle's own clause the tagger left out.
    for &(s, e) in &sentences {
        let Some(((c0, c1), cue)) = rules::continuing_clause(tokens, s, e) else {
            continue;
        };
        let content = Span::new(tokens[c0].span.start, tokens[c1].span.end);
        let cue = tokens[cue].span;
        if spans
            .iter()
            .any(|x| x.span.overlaps(content) || x.span.overlaps(cue))
        {
            continue;
        }
        spans.push(RoleSpan {
            span: content,
            role: Role::Content,
        });
        spans.push(RoleSpan {
            span: cue,
            role: Role::Cue,
        });
        added = true;
    }
    if added {
        spans.sort();
    }
}

/// Joins a quote left open at a paragraph end with the quote opening the next
/// paragraph (the convention for quotes running over several paragraphs).
pub(crate) fn merge_run_ons(text: &str, tokens: &[Token], spans: &mut Vec<RoleSpan>) {
    let mut i = 0;
    while i < spans.len() {
        if spans[i].role != Role::Content {
            i += 1;
            continue;
        }
        let c = spans[i].span;
        let body = slice(text, c).trim_end();
        let opened = body.starts_with(['“', '"', '«', '„']);
        let closed = body.ends_with(['”', '"', '»']) || body.chars().skip(1).any(|c| c == '”');
        // The token after the content must start the next paragraph with a mark.
        let k = tokens.partition_point(|t| t.span.start < c.end);
        let next_ok = tokens.get(k).is_some_and(|t| {
            t.para_start && matches!(t.kind, TokKind::OpenDouble | TokKind::StraightDouble)
        });
        let j = spans[i + 1..]
            .iter()
            .position(|s| s.role == Role::Content)
            .map(|p| p + i + 1);
        match j {
            Some(j)
                if opened
                    && !closed
                    && next_ok
                    && tokens
                        .get(k)
                        .is_some_and(|t| t.span.start == spans[j].span.start) =>
            {
                spans[i].span.end = spans[j].span.end;
                spans.remove(j);
            }
            _ => i += 1,
        }
    }
}

/// The quote's words: marks and a trailing comma stripped from direct quotes, the
/// quoted words of a partial quote, the content of indirect speech.
pub(crate) fn quote_span(text: &str, c: Span, kind: QuoteKind) -> Span {
    let s = slice(text, c);
    let (mut a, mut b) = (0usize, s.len());
    match kind {
        QuoteKind::Direct => {
            let inner = s.trim_start_matches(|ch: char| OPEN.contains(&ch) || ch.is_whitespace());
            a = s.len() - inner.len();
            let t = s[a..].trim_end_matches(|ch: char| {
                CLOSE.contains(&ch) || ch.is_whitespace() || matches!(ch, ',' | ';' | ':')
            });
            b = a + t.len();
        }
        QuoteKind::Partial => {
            if let Some(o) = s.find(['“', '"', '«', '„']) {
                let after = o + s[o..].chars().next().map_or(1, char::len_utf8);
                let close = s[after..]
                    .find(['”', '"', '»', '“'])
                    .map_or(s.len(), |k| after + k);
                a = after;
                b = close;
            }
        }
        QuoteKind::Indirect => {
            let t = s.trim_end_matches(|ch: char| ch.is_whitespace() || ch == ',');
            b = t.len();
        }
    }
    if a >= b {
        return c;
    }
    Span::new(c.start + a, c.start + b)
}

/// Normalised words of a quote, for spotting repeats (captions, pull quotes).
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
