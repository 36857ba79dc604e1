//! Pairing quotation marks into quoted stretches, tolerant of broken text.
//!
//! Marks are paired within a paragraph. An opening mark with no closing mark before
//! the paragraph ends quotes to the paragraph end (the English convention for a quote
//! running on into the next paragraph, and the only safe reading of a missing mark);
//! a closing mark with nothing open is ignored. One pass, no backtracking.

use narrascope_core::Span;

use crate::token::{TokKind, Token};

/// A quoted stretch of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark, or `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// Index of the last token inside the stretch (before the closing mark).
    pub last: usize,
}

impl Quoted {
    /// The stretch's bytes, from its opening mark to its closing mark (or its last
    /// token when the paragraph ended first).
    pub fn span(&self, tokens: &[Token]) -> Span {
        let last = self.close.unwrap_or(self.last).min(tokens.len() - 1);
        Span::new(tokens[self.open].span.start, tokens[last].span.end)
    }
}

/// Per-token quote depth (0 outside, 1 inside double quotes, 2 inside a single quote
/// nested in a double one) and the top-level quoted stretches.
pub fn pair(tokens: &[Token]) -> (Vec<u8>, Vec<Quoted>) {
    let n = tokens.len();
    let mut depth = vec![0u8; n];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut single_open = false;
    // The open stretch was opened by a single mark (closed only by a single mark).
    let mut outer_single = false;
    let finish = |out: &mut Vec<Quoted>, o: usize, close: Option<usize>, last: usize| {
        out.push(Quoted {
            open: o,
            close,
            last,
        });
    };
    for i in 0..n {
        let t = &tokens[i];
        if t.para_start {
            if let Some(o) = open.take() {
                finish(&mut out, o, None, i.saturating_sub(1).max(o));
            }
            single_open = false;
            outer_single = false;
        }
        // «… „…“ …» and «… "…" …»: inside guillemets, other double marks nest
        // (the Russian convention); only » closes.
        let guillemet = open.is_some_and(|o| matches!(tokens[o].lower.as_str(), "«" | "‹"));
        if guillemet {
            let closes_outer = matches!(t.lower.as_str(), "»" | "›");
            match t.kind {
                TokKind::OpenDouble if !closes_outer && t.lower != "«" => {
                    single_open = true;
                    depth[i] = 2;
                    continue;
                }
                TokKind::CloseDouble | TokKind::StraightDouble if !closes_outer => {
                    depth[i] = 2;
                    // A straight mark opens the nested quote when none is open.
                    single_open = t.kind == TokKind::StraightDouble && !single_open;
                    continue;
                }
                _ => {}
            }
        }
        match t.kind {
            TokKind::OpenDouble => {
                outer_single = false;
                if let Some(o) = open.take() {
                    // A second opener: the first was never closed.
                    finish(&mut out, o, None, i.saturating_sub(1).max(o));
                }
                open = Some(i);
                single_open = false;
            }
            TokKind::CloseDouble if !outer_single => {
                if let Some(o) = open.take() {
                    finish(&mut out, o, Some(i), i.saturating_sub(1).max(o));
                    depth[i] = 1;
                    single_open = false;
                    continue;
                }
            }
            TokKind::StraightDouble if !outer_single => {
                if let Some(o) = open.take() {
                    finish(&mut out, o, Some(i), i.saturating_sub(1).max(o));
                    depth[i] = 1;
                    single_open = false;
                    continue;
                }
                open = Some(i);
            }
            TokKind::OpenSingle if open.is_some() => single_open = true,
            TokKind::CloseSingle if single_open => {
                depth[i] = 2;
                single_open = false;
                continue;
            }
            // Single marks used as the outer quotes (British style).
            TokKind::OpenSingle => {
                open = Some(i);
                outer_single = true;
            }
            TokKind::CloseSingle if outer_single => {
                if let Some(o) = open.take() {
                    finish(&mut out, o, Some(i), i.saturating_sub(1).max(o));
                    depth[i] = 1;
                    outer_single = false;
                    continue;
                }
            }
            _ => {}
        }
        if open.is_some() {
            depth[i] = if single_open { 2 } else { 1 };
        }
    }
    if let Some(o) = open {
        finish(&mut out, o, None, n.saturating_sub(1).max(o));
    }
    (depth, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;
    use narrascope_core::Span;

    #[test]
    fn marks_nest_inside_guillemets() {
        let s = "Он сказал: «Это „таран“ и \"ложь\", а не мир». Потом ушёл.";
        let t = tokenize(s, Span::new(0, s.len()));
        let (_, q) = pair(&t);
        assert_eq!(q.len(), 1, "{q:?}");
        let span = q[0].span(&t);
        assert!(
            s[span.start..span.end].ends_with('»'),
            "{:?}",
            &s[span.start..span.end]
        );
    }

    #[test]
    fn pairs_and_survives_unbalanced_marks() {
        let s = "He said “yes ‘no’ maybe” and \"ok\" then “never closed.\n\nNext ” here.";
        let t = tokenize(s, Span::new(0, s.len()));
        let (_, q) = pair(&t);
        assert_eq!(q.len(), 3);
        assert!(q[0].close.is_some() && q[1].close.is_some() && q[2].close.is_none());
    }
}
