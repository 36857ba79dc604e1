//! Grouping tagged spans into attributions: each cue with its source and content.

use narrascope_core::Span;

use crate::tagger::{Role, RoleSpan};

/// One attribution relation found in the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Who (the words naming the source).
    pub source: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// What, possibly in several pieces ("“The economy,” he said, “is strong.”").
    pub content: Vec<Span>,
}

/// How far (bytes) a source or content may sit from its cue.
const MAX_GAP: usize = 600;

fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// How far (bytes) a cue's own content may start after it for the cue to count as
/// taking content on its right.
const RIGHT_CONTENT_GAP: usize = 40;

/// Groups spans (in text order) into attributions. Every cue makes one; a source or
/// content joins the nearest cue not separated from it by a sentence-ending gap in
/// `breaks` (byte offsets where paragraphs start). Content with no cue near it stands
/// alone (a quote continuing from an earlier paragraph).
///
/// A cue in the span's own sentence is preferred to a nearer one across a sentence
/// boundary. One more exception to "nearest": content that follows a cue in the same sentence
/// (`sentences` holds sentence boundaries: byte offsets where one sentence ends) stays with that cue
/// when the next cue takes content of its own on its right — in "X said that A, and
/// accused the West of B", A belongs to "said" even though "accused" is closer.
pub fn group(spans: &[RoleSpan], breaks: &[usize], sentences: &[usize]) -> Vec<Attribution> {
    let cues: Vec<Span> = spans
        .iter()
        .filter(|s| s.role == Role::Cue)
        .map(|s| s.span)
        .collect();
    let mut out: Vec<Attribution> = cues
        .iter()
        .map(|&c| Attribution {
            source: None,
            cue: Some(c),
            content: Vec::new(),
        })
        .collect();
    let crosses = |a: Span, b: Span| {
        let (lo, hi) = if a.start < b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        breaks.iter().any(|&p| p > lo && p <= hi)
    };
    let new_sentence = |lo: usize, hi: usize| sentences.iter().any(|&p| p > lo && p <= hi);
    // Whether a sentence boundary separates two spans: a cue in the span's own
    // sentence wins over a nearer one in the next or previous sentence.
    let splits = |a: Span, b: Span| {
        let (lo, hi) = if a.start < b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        new_sentence(lo, hi)
    };
    let nearest = |s: Span, same_para: bool| -> Option<usize> {
        // Cues are sorted: find the insertion point and look at both neighbours.
        let k = cues.partition_point(|c| c.start < s.start);
        [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter(|&j| j < cues.len())
            .filter(|&j| gap(s, cues[j]) <= MAX_GAP)
            // Sources stay in their paragraph; content may reach back to a cue in
            // an earlier paragraph ("He said:" ¶ "…") but never forward to one in
            // a later paragraph (that cue has its own speaker).
            .filter(|&j| !crosses(s, cues[j]) || (!same_para && cues[j].start < s.start))
            .min_by_key(|&j| (splits(s, cues[j]), gap(s, cues[j])))
    };
    let contents: Vec<Span> = spans
        .iter()
        .filter(|s| s.role == Role::Content)
        .map(|s| s.span)
        .collect();
    // Whether cue `j` has content starting just after it, in its sentence.
    let takes_right = |j: usize| {
        let c = cues[j];
        let limit = cues.get(j + 1).map_or(usize::MAX, |n| n.start);
        contents.iter().any(|t| {
            t.start >= c.end
                && t.start < limit
                && t.start - c.end <= RIGHT_CONTENT_GAP
                && !new_sentence(c.end, t.start)
        })
    };
    let preceding = |s: Span| -> Option<usize> {
        let k = cues.partition_point(|c| c.start < s.start);
        let p = k.checked_sub(1)?;
        let n = *cues.get(k).as_ref()?;
        let ok = cues[p].end <= s.start
            && gap(s, cues[p]) <= MAX_GAP
            && !new_sentence(cues[p].end, s.start)
            && n.start >= s.end
            && takes_right(k);
        ok.then_some(p)
    };
    let mut alone: Vec<Attribution> = Vec::new();
    for s in spans {
        match s.role {
            Role::Cue => {}
            Role::Source => {
                if let Some(j) = nearest(s.span, true) {
                    if out[j].source.is_none() {
                        out[j].source = Some(s.span);
                    }
                }
            }
            Role::Content => match preceding(s.span).or_else(|| nearest(s.span, false)) {
                Some(j) => out[j].content.push(s.span),
                None => alone.push(Attribution {
                    source: None,
                    cue: None,
                    content: vec![s.span],
                }),
            },
        }
    }
    out.extend(alone);
    out.sort_by_key(|a| a.content.first().or(a.cue.as_ref()).map_or(0, |s| s.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(role: Role, start: usize, end: usize) -> RoleSpan {
        RoleSpan {
            role,
            span: Span::new(start, end),
        }
    }

    #[test]
    fn content_stays_with_its_cue_when_the_next_cue_has_its_own() {
        // "Lukashenko said on Tuesday that A, and accused the West of B."
        //  0..10       11..15            24..60     66..73 74..90
        let spans = [
            span(Role::Source, 0, 10),
            span(Role::Cue, 11, 15),
            span(Role::Content, 24, 60),
            span(Role::Cue, 66, 73),
            span(Role::Content, 74, 90),
        ];
        let g = group(&spans, &[], &[0]);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].cue, Some(Span::new(11, 15)));
        assert_eq!(g[0].content, vec![Span::new(24, 60)]);
        assert_eq!(g[1].content, vec![Span::new(74, 90)]);
    }

    #[test]
    fn a_quote_before_its_cue_in_a_new_sentence_goes_to_the_nearest() {
        // "“A,” he said. “B,” she said, “C.”"
        let spans = [
            span(Role::Content, 0, 6),
            span(Role::Source, 7, 9),
            span(Role::Cue, 10, 14),
            span(Role::Content, 16, 22),
            span(Role::Source, 23, 26),
            span(Role::Cue, 27, 31),
            span(Role::Content, 33, 39),
        ];
        let g = group(&spans, &[], &[0, 16]);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].content, vec![Span::new(0, 6)]);
        assert_eq!(g[1].content, vec![Span::new(16, 22), Span::new(33, 39)]);
        assert_eq!(g[1].source, Some(Span::new(23, 26)));
    }
}

#[cfg(test)]
mod paragraph_tests {
    use super::*;

    #[test]
    fn a_quote_never_joins_a_cue_in_the_next_paragraph() {
        // "‘A,’ she said. ‘B.’" ¶ "Meteorologists said that C."
        let spans = [
            RoleSpan {
                role: Role::Content,
                span: Span::new(0, 5),
            },
            RoleSpan {
                role: Role::Source,
                span: Span::new(6, 9),
            },
            RoleSpan {
                role: Role::Cue,
                span: Span::new(10, 14),
            },
            RoleSpan {
                role: Role::Content,
                span: Span::new(16, 22),
            },
            RoleSpan {
                role: Role::Source,
                span: Span::new(24, 38),
            },
            RoleSpan {
                role: Role::Cue,
                span: Span::new(39, 43),
            },
            RoleSpan {
                role: Role::Content,
                span: Span::new(44, 60),
            },
        ];
        let g = group(&spans, &[24], &[15, 22, 61]);
        let met = g.iter().find(|a| a.cue == Some(Span::new(39, 43))).unwrap();
        assert_eq!(met.content, vec![Span::new(44, 60)]);
        // B continues the quote of the cue before it.
        let she = g.iter().find(|a| a.cue == Some(Span::new(10, 14))).unwrap();
        assert_eq!(she.content, vec![Span::new(0, 5), Span::new(16, 22)]);
    }
}
