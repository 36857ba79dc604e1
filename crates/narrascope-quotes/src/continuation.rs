//! Quotes that continue the previous paragraph's speaker.
//!
//! Newspapers name a new speaker in the sentence that brings their words in, and let
//! an unattributed quote opening a paragraph run on from the speaker of the
//! paragraph before ("…, Mayor Ruiz told reporters." ¶ "“We owe this to the crews.”
//! The union, for its part, said …"). Grouping by distance alone hands such a quote
//! to the next cue of its own paragraph, in a later sentence, whose speaker did not
//! say it.

use narrascope_core::Span;

use crate::group::Attribution;

/// What the rule reads of the text around a region's attributions.
pub struct Layout<'a> {
    /// Byte offsets where paragraphs start.
    pub breaks: &'a [usize],
    /// Byte offsets where sentences end.
    pub sentence_ends: &'a [usize],
    /// Whether a content span is a direct quote.
    pub is_direct: &'a dyn Fn(Span) -> bool,
    /// Whether a quote ends on a full stop inside its closing mark.
    pub full_stop: &'a dyn Fn(Span) -> bool,
    /// Whether a span lies inside quoted words.
    pub in_quote: &'a dyn Fn(Span) -> bool,
}

/// Moves each direct quote that opens a paragraph and shares no sentence with its own
/// cue (a sentence end lies between them, and the quote ends on a full stop) to the
/// attribution of the last cue before it, when that cue is in the paragraph right
/// before, names a source, is not itself inside quoted words, and nothing else was
/// attributed in between. `atts` is in text order and stays so.
pub fn continue_quotes(atts: &mut Vec<Attribution>, layout: &Layout<'_>) {
    for i in 0..atts.len() {
        let mut k = 0;
        while k < atts[i].content.len() {
            let q = atts[i].content[k];
            match previous_speaker(atts, i, q, layout) {
                Some(p) => {
                    atts[i].content.remove(k);
                    atts[p].content.push(q);
                    atts[p].content.sort_by_key(|s| s.start);
                }
                None => k += 1,
            }
        }
    }
    // A quote that stood alone and moved leaves nothing behind.
    atts.retain(|a| a.cue.is_some() || a.source.is_some() || !a.content.is_empty());
}

/// The attribution that quote `q` of attribution `i` continues, if the rule applies.
fn previous_speaker(atts: &[Attribution], i: usize, q: Span, layout: &Layout<'_>) -> Option<usize> {
    let breaks = layout.breaks;
    if !breaks.contains(&q.start) || !(layout.is_direct)(q) {
        return None;
    }
    let own = &atts[i];
    // Its own cue is in a later sentence (or it has none), and the quote closes on a
    // full stop: a quote that a following cue brings in ends on a comma, or on "?"
    // or "!" (“Do you have a plan?” Varney asked.).
    if let Some(c) = own.cue {
        let later = c.start >= q.end
            && layout
                .sentence_ends
                .iter()
                .any(|&e| e >= q.end && e <= c.start);
        if !later || !(layout.full_stop)(q) {
            return None;
        }
    }
    // The last cue before the quote, in the paragraph right before it.
    let p = atts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.cue.is_some_and(|c| c.end <= q.start))
        .max_by_key(|(_, a)| a.cue.map_or(0, |c| c.start))
        .map(|(j, _)| j)?;
    let prev = &atts[p];
    let cue = prev.cue?;
    if p == i || prev.source.is_none() {
        return None;
    }
    let para_before = breaks
        .iter()
        .filter(|&&b| b > cue.end && b <= q.start)
        .count()
        == 1;
    // Nothing attributed between that cue and the quote.
    let between = |s: &Span| s.start >= cue.end && s.end <= q.start;
    let quiet = atts.iter().enumerate().all(|(j, a)| {
        j == p || !(a.cue.iter().chain(a.source.iter()).chain(a.content.iter())).any(between)
    });
    // A cue inside somebody's quoted words is not the paragraph's speaker.
    (para_before && quiet && !(layout.in_quote)(cue)).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(
        source: Option<(usize, usize)>,
        cue: Option<(usize, usize)>,
        content: &[(usize, usize)],
    ) -> Attribution {
        Attribution {
            source: source.map(|(a, b)| Span::new(a, b)),
            cue: cue.map(|(a, b)| Span::new(a, b)),
            content: content.iter().map(|&(a, b)| Span::new(a, b)).collect(),
        }
    }

    /// Every quote direct and ending on a full stop.
    fn layout<'a>(
        breaks: &'a [usize],
        sentence_ends: &'a [usize],
        in_quote: &'a dyn Fn(Span) -> bool,
    ) -> Layout<'a> {
        Layout {
            breaks,
            sentence_ends,
            is_direct: &|_| true,
            full_stop: &|_| true,
            in_quote,
        }
    }

    #[test]
    fn a_quote_opening_a_paragraph_continues_the_speaker_before() {
        // "Ruiz told reporters (0..30) that A (31..50)." ¶ "“Q.” (52..60) The union
        // (61..70) said (71..75) that B (76..90)."
        let mut atts = vec![
            att(Some((0, 4)), Some((5, 9)), &[(31, 50)]),
            att(Some((61, 70)), Some((71, 75)), &[(52, 60), (76, 90)]),
        ];
        continue_quotes(&mut atts, &layout(&[0, 52], &[51, 60, 91], &|_| false));
        assert_eq!(atts[0].content, vec![Span::new(31, 50), Span::new(52, 60)]);
        assert_eq!(atts[1].content, vec![Span::new(76, 90)]);
    }

    #[test]
    fn not_when_its_own_cue_shares_its_sentence_or_a_paragraph_intervenes() {
        // "“Q,” (52..60) the union (61..70) said (71..75)." — its own sentence.
        let mut atts = vec![
            att(Some((0, 4)), Some((5, 9)), &[(31, 50)]),
            att(Some((61, 70)), Some((71, 75)), &[(52, 60)]),
        ];
        let before = atts.clone();
        continue_quotes(&mut atts, &layout(&[0, 52], &[51, 76], &|_| false));
        assert_eq!(atts, before);
        // A paragraph without attribution between (break at 40).
        let mut atts = vec![
            att(Some((0, 4)), Some((5, 9)), &[(10, 30)]),
            att(Some((61, 70)), Some((71, 75)), &[(52, 60)]),
        ];
        let before = atts.clone();
        continue_quotes(
            &mut atts,
            &layout(&[0, 40, 52], &[31, 51, 60, 76], &|_| false),
        );
        assert_eq!(atts, before);
        // The cue before (25..29) is itself inside a quote left open (0..50).
        let mut atts = vec![
            att(Some((20, 24)), Some((25, 29)), &[(30, 45)]),
            att(Some((61, 70)), Some((71, 75)), &[(52, 60)]),
        ];
        let before = atts.clone();
        let open_quote = |s: Span| s.end <= 50;
        continue_quotes(&mut atts, &layout(&[0, 52], &[51, 60, 76], &open_quote));
        assert_eq!(atts, before);
    }
}
