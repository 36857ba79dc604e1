//! Paragraphs: runs of non-blank lines inside body regions.

use narrascope_core::{lines, Span};

/// Splits each region at blank lines; returns trimmed, non-empty paragraphs in order.
pub fn paragraphs(text: &str, regions: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for &region in regions {
        let mut current: Option<Span> = None;
        for line in lines(text, region) {
            if line.slice(text).trim().is_empty() {
                if let Some(p) = current.take() {
                    out.push(p.trim(text));
                }
            } else {
                current = Some(match current {
                    Some(p) => Span::new(p.start, line.end),
                    None => line,
                });
            }
        }
        if let Some(p) = current {
            out.push(p.trim(text));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}
