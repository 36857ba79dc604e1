//! Names in a script without capitals (Hindi).

use narrascope_core::Span;

use crate::lexicon::Lexicon;
use crate::token::{TokKind, Token};

use super::Named;

/// The name in a subject phrase of a caseless script: the words before the subject
/// marker ("… ब्रह्म चेलानी ने"), after the last genitive postposition ("अंतरराष्ट्रीय
/// मामलों के जानकार …"), without the titles that open it while two words remain
/// ("प्रधानमंत्री नरेंद्र मोदी" → "नरेंद्र मोदी"; "विदेश मंत्रालय" stays), at most
/// three words.
pub(super) fn named_caseless(tokens: &[Token], lex: &Lexicon) -> Option<Named> {
    let words = |t: &Token| t.kind == TokKind::Word;
    let end = tokens
        .iter()
        .position(|t| t.lower == "ने")
        .or_else(|| {
            // "X का कहना है": only right before the cue.
            let last = tokens.len().checked_sub(1)?;
            lex.subject_markers
                .contains(&tokens[last].lower.as_str())
                .then_some(last)
        })
        .unwrap_or(tokens.len());
    let mut end = end;
    while end > 0 && lex.particles.contains(&tokens[end - 1].lower.as_str()) {
        end -= 1;
    }
    let a = tokens[..end]
        .iter()
        .rposition(|t| lex.postpositions.contains(&t.lower.as_str()) || !words(t))
        .map_or(0, |k| k + 1);
    let mut a = a.max(end.saturating_sub(4));
    // "रूसी रक्षा मंत्रालय", "रूस के रक्षा मंत्रालय": a body's name keeps the words that
    // look like titles, and the owner named before "के/की/का".
    if end > a && BODY_HEADS.contains(&tokens[end - 1].lower.as_str()) {
        if a >= 2 && ["के", "की", "का"].contains(&tokens[a - 1].lower.as_str()) {
            let gen = a - 1;
            let from = tokens[..gen]
                .iter()
                .rposition(|t| lex.postpositions.contains(&t.lower.as_str()) || !words(t))
                .map_or(0, |k| k + 1)
                .max(gen.saturating_sub(2));
            if from < gen {
                a = from;
            }
        }
        return Some(Named::Name(Span::new(
            tokens[a].span.start,
            tokens[end - 1].span.end,
        )));
    }
    while end.saturating_sub(a) > 2 && lex.titles.contains(&tokens[a].lower.as_str()) {
        a += 1;
    }
    if end.saturating_sub(a) == 2 && lex.titles.contains(&tokens[a].lower.as_str()) {
        // "राष्ट्रपति पुतिन": the title goes when a name remains.
        a += usize::from(!lex.titles.contains(&tokens[a + 1].lower.as_str()));
    }
    let a = a.max(end.saturating_sub(3));
    // "भारत के वक्तव्य में", "वायु सेना के बयान के अनुसार", "रॉयटर्स की एक रिपोर्ट": a
    // statement or report speaks for whoever it belongs to, named before "के/की/का".
    if end >= 1 && DOCUMENTS.contains(&tokens[end - 1].lower.as_str()) {
        let doc = end - 1;
        let k = if doc > a && tokens[doc - 1].lower == "एक" {
            doc - 1
        } else {
            doc
        };
        if k == a {
            if let Some(owner) = document_owner(tokens, k, lex) {
                return Some(Named::Name(owner));
            }
        }
    }
    (a < end).then(|| Named::Name(Span::new(tokens[a].span.start, tokens[end - 1].span.end)))
}

/// Whether `w` is a Hindi noun for a statement or report ("रिपोर्ट", "बयान").
pub(super) fn is_document(w: &str) -> bool {
    DOCUMENTS.contains(&w)
}

/// The owner of the document whose phrase starts at token `k` ("एक रिपोर्ट" or
/// "रिपोर्ट"): the words before the genitive "के/की/का" right before it, after the last
/// postposition, at most three ("रॉयटर्स की एक रिपोर्ट" → रॉयटर्स).
pub(super) fn document_owner(tokens: &[Token], k: usize, lex: &Lexicon) -> Option<Span> {
    let words = |t: &Token| t.kind == TokKind::Word;
    // ("एएफपी कि रिपोर्ट": "कि" is a common misspelling of "की" there.)
    let gen = k.checked_sub(1)?;
    if !["के", "की", "का", "कि"].contains(&tokens[gen].lower.as_str()) {
        return None;
    }
    let from = tokens[..gen]
        .iter()
        .rposition(|t| lex.postpositions.contains(&t.lower.as_str()) || !words(t))
        .map_or(0, |i| i + 1)
        .max(gen.saturating_sub(3));
    // (A time is no owner: "साल 2012 की एक रिपोर्ट".)
    let time = tokens[from..gen].iter().any(|t| {
        t.lower.chars().any(char::is_numeric) || ["साल", "वर्ष"].contains(&t.lower.as_str())
    });
    (from < gen && !time).then(|| Span::new(tokens[from].span.start, tokens[gen - 1].span.end))
}

/// Hindi head nouns of bodies' names ("रक्षा मंत्रालय", "रूसी सेना", "अमेरिकी दूतावास").
const BODY_HEADS: &[&str] = &[
    "मंत्रालय",
    "सेना",
    "सरकार",
    "विभाग",
    "दूतावास",
    "कार्यालय",
    "एजेंसी",
    "आयोग",
    "संगठन",
    "परिषद",
    "प्रशासन",
];

/// Hindi nouns for a statement, report or piece of information: their owner speaks.
const DOCUMENTS: &[&str] = &[
    "बयान",
    "वक्तव्य",
    "रिपोर्ट",
    "जानकारी",
    "अध्ययन",
    "घोषणा",
    "घोषणापत्र",
];
