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

/// Groups spans (in text order) into attributions. Every cue makes one; a source or
/// content joins the nearest cue not separated from it by a sentence-ending gap in
/// `breaks` (byte offsets where paragraphs start). Content with no cue near it stands
/// alone (a quote continuing from an earlier paragraph).
pub fn group(spans: &[RoleSpan], breaks: &[usize]) -> Vec<Attribution> {
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
    let nearest = |s: Span, same_para: bool| -> Option<usize> {
        // Cues are sorted: find the insertion point and look at both neighbours.
        let k = cues.partition_point(|c| c.start < s.start);
        [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter(|&j| j < cues.len())
            .filter(|&j| gap(s, cues[j]) <= MAX_GAP && !(same_para && crosses(s, cues[j])))
            .min_by_key(|&j| gap(s, cues[j]))
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
            Role::Content => match nearest(s.span, false) {
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
