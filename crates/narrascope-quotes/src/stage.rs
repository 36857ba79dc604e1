//! `QuoteStage`: tagger + rules → attributions → `Document::quotes`.

use std::collections::HashSet;

use narrascope_core::{
    Document, EntityType, MentionKind, Quote, QuoteKind, Span, Speaker, Stage, StageError,
};

use crate::continuation::{continue_quotes, Layout};
use crate::error::QuoteError;
use crate::group::{group, Attribution};
use crate::marks::{pair, Quoted};
use crate::rules;
use crate::speaker::{channel, Resolver};
use crate::speech::{cue_reports_speech, reports_speech};
use crate::tagger::{Role, RoleSpan, Tagger};
use crate::token::{sentence_ends, tokenize, TokKind, Token};

/// One attribution with everything resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Source / cue / content spans, content with its quotation marks (PolNeAR's
    /// convention, which the evaluation scores).
    pub attribution: Attribution,
    /// Direct, partial or indirect (from the first content piece).
    pub kind: QuoteKind,
    /// The speaker, when known.
    pub speaker: Option<Speaker>,
    /// The relaying medium, when named.
    pub channel: Option<Speaker>,
}

/// Finds quotes in a document's body and attributes them.
#[derive(Clone, Debug)]
pub struct QuoteStage {
    tagger: Option<Tagger>,
    rules: bool,
    speech_only: bool,
}

impl QuoteStage {
    /// The stage with the embedded model (rules only if the crate was built without).
    pub fn new() -> Result<Self, QuoteError> {
        Ok(QuoteStage {
            tagger: Tagger::embedded()?,
            rules: true,
            speech_only: true,
        })
    }

    /// The stage with a given tagger (or none: rules only).
    pub fn with_tagger(tagger: Option<Tagger>) -> Self {
        QuoteStage {
            tagger,
            rules: true,
            speech_only: true,
        }
    }

    /// Turns the quotation-mark rules on or off (for evaluation).
    pub fn with_rules(mut self, on: bool) -> Self {
        self.rules = on;
        self
    }

    /// Keeps (on, the default) only indirect attributions that report speech or a
    /// stated claim, or every attribution the tagger finds (off: PolNeAR's broader
    /// notion, which also counts wishes and plans).
    pub fn with_speech_only(mut self, on: bool) -> Self {
        self.speech_only = on;
        self
    }

    /// Whether an attribution is kept: a partial quote of a few words only with a cue
    /// of speech; otherwise always when any of its content carries quotation marks,
    /// else when its cue reports speech (see [`reports_speech`]).
    fn keeps(&self, text: &str, tokens: &[Token], a: &Attribution) -> bool {
        // A few quoted words inside the writer's sentence with no cue of speech
        // ("the so-called “climate emergency”", "hellbent on “saving the planet”")
        // are scare quotes or names: somebody's wording, not somebody's statement.
        // (On the SemEval EN training articles this drops 43 rows, about 37 of them
        // scare quotes; PolNeAR cross-validation is unchanged.)
        if self.speech_only && !a.content.is_empty() {
            let partial = a
                .content
                .iter()
                .all(|&c| kind_of(slice(text, c)) == QuoteKind::Partial);
            let quoted_words: usize = a
                .content
                .iter()
                .map(|&c| slice(text, c).split_whitespace().count())
                .sum();
            if partial
                && quoted_words <= SCARE_QUOTE_WORDS
                && !a.cue.is_some_and(|c| cue_reports_speech(slice(text, c)))
            {
                return false;
            }
        }
        if !self.speech_only
            || a.content
                .iter()
                .any(|&c| kind_of(slice(text, c)) != QuoteKind::Indirect)
        {
            return true;
        }
        let first = a.content.first().map_or("", |&c| slice(text, c));
        // The subject: the source's words, else the word right before the cue.
        let subject = a.source.map(|s| slice(text, s)).or_else(|| {
            let c = a.cue?;
            let k = tokens.partition_point(|t| t.span.start < c.start);
            k.checked_sub(1).map(|k| slice(text, tokens[k].span))
        });
        reports_speech(a.cue.map(|c| slice(text, c)), first, subject)
    }

    /// The regions analysed: the body, or everything after the title when the clean
    /// stage has not run. Clipped to the text.
    fn regions(doc: &Document) -> Vec<Span> {
        let len = doc.text.len();
        let clip = |s: Span| Span {
            start: s.start.min(len),
            end: s.end.min(len),
        };
        if !doc.body.is_empty() {
            return doc.body.iter().map(|&s| clip(s)).collect();
        }
        let start = doc.title.map_or(0, |t| t.end.min(len));
        vec![Span { start, end: len }]
    }

    /// All attributions in the document, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Found> {
        let mut resolver = Resolver::new(doc);
        let mut out = Vec::new();
        for region in Self::regions(doc) {
            if region.start >= region.end {
                continue;
            }
            let tokens = tokenize(&doc.text, region);
            if tokens.is_empty() {
                continue;
            }
            let ends = sentence_ends(&tokens);
            let (_, quoted) = pair(&tokens);
            let mut spans = match &self.tagger {
                Some(t) => t.tag_tokens(&tokens),
                None => Vec::new(),
            };
            if self.rules {
                snap_to_marks(&tokens, &quoted, &mut spans);
                add_rule_spans(&tokens, &ends, &quoted, &mut spans);
                spans.sort();
                merge_run_ons(&doc.text, &tokens, &mut spans);
            }
            let breaks: Vec<usize> = tokens
                .iter()
                .filter(|t| t.para_start)
                .map(|t| t.span.start)
                .collect();
            let starts: Vec<usize> = tokens
                .iter()
                .zip(ends.iter())
                .filter(|(_, &e)| e)
                .map(|(t, _)| t.span.end)
                .collect();
            // Attributions that report no speech are resolved all the same, in text
            // order, so that the speakers of the others are what they were ("Mr
            // Williams is concerned about …, and says …" still gives "says" its
            // subject), but they are not returned.
            let (mut kept, dropped): (Vec<Attribution>, Vec<Attribution>) =
                group(&spans, &breaks, &starts)
                    .into_iter()
                    .partition(|a| self.keeps(&doc.text, &tokens, a));
            if self.rules {
                let text = doc.text.as_str();
                let in_quote = |c: Span| {
                    quoted.iter().any(|q| {
                        let last = q.close.unwrap_or(q.last).min(tokens.len() - 1);
                        tokens[q.open].span.start <= c.start && tokens[last].span.end >= c.end
                    })
                };
                let layout = Layout {
                    breaks: &breaks,
                    sentence_ends: &starts,
                    is_direct: &|q| kind_of(slice(text, q)) == QuoteKind::Direct,
                    full_stop: &|q| ends_on_full_stop(slice(text, q)),
                    in_quote: &in_quote,
                };
                continue_quotes(&mut kept, &layout);
            }
            let mut atts: Vec<(Attribution, bool)> = kept
                .into_iter()
                .map(|a| (a, true))
                .chain(dropped.into_iter().map(|a| (a, false)))
                .collect();
            atts.sort_by_key(|(a, _)| a.content.first().or(a.cue.as_ref()).map_or(0, |s| s.start));
            for (a, keep) in atts {
                let found = self.resolve(doc, &tokens, &ends, a, &mut resolver);
                if keep {
                    out.push(found);
                }
            }
        }
        out
    }

    fn resolve(
        &self,
        doc: &Document,
        tokens: &[Token],
        ends: &[bool],
        mut a: Attribution,
        resolver: &mut Resolver<'_>,
    ) -> Found {
        let text = &doc.text;
        let kind = a
            .content
            .first()
            .map_or(QuoteKind::Indirect, |&c| kind_of(slice(text, c)));
        let anchor = a
            .cue
            .or(a.source)
            .or(a.content.first().copied())
            .unwrap_or_default();
        // "TASS cited him as saying": the channel named, the speaker after the verb.
        let at = tokens.partition_point(|t| t.span.start < anchor.start);
        let mut s0 = at.min(tokens.len().saturating_sub(1));
        while s0 > 0 && !ends[s0 - 1] {
            s0 -= 1;
        }
        let mut chan = None;
        if let Some((c, spk)) = channel(tokens, s0, at + 8) {
            if a.source.is_none_or(|s| s.overlaps(c) || s.overlaps(spk)) {
                a.source = Some(spk);
            }
            chan = Some(Speaker {
                mention: Some(c),
                name: slice(text, c).to_string(),
                entity: doc
                    .mentions
                    .iter()
                    .find(|m| m.span.overlaps(c))
                    .and_then(|m| m.entity),
            });
        }
        // A source without a single letter or digit is a tagging slip, and so is one
        // that cannot name anybody ("this", "which", "itself").
        if a.source.is_some_and(|s| {
            let w = slice(text, s);
            !w.chars().any(char::is_alphanumeric) || names_nobody(w)
        }) {
            a.source = None;
        }
        // "Kennedy, who wrote a book on it, said": a relative clause that the tagger
        // took for the source stands for the name before it. After "which" a noun
        // may follow: in "…, which experts say is …" the words after the pronoun
        // are the source.
        if let Some(s) = a.source {
            let w = slice(text, s);
            if w.starts_with("who ") {
                a.source = antecedent(doc, tokens, s);
            } else if let Some(rest) = w.strip_prefix("which ") {
                let closed =
                    w.trim_end().ends_with(',') || text[s.end..].trim_start().starts_with(',');
                // "according to which Israel's policy …": a name after the pronoun
                // is the content's subject, not a speaker.
                let noun = rest.starts_with(|c: char| c.is_lowercase());
                a.source = if closed || !noun {
                    antecedent(doc, tokens, s)
                } else {
                    Some(Span::new(s.end - rest.len(), s.end))
                };
            }
        }
        // "Delaney continues with his threats to Tehran: “…”": words right after a
        // preposition and right before the colon that opens the quote are the
        // preposition's object; the clause's subject speaks.
        if let Some(s) = a.source {
            if object_before_colon(text, tokens, s) {
                a.source = clause_subject(doc, tokens, s0, s);
            }
        }
        // A source from an earlier sentence than its cue while a name stands right
        // before the cue ("… a slight decrease. China considers Taiwan …"): the
        // name is the cue's subject.
        if let (Some(s), Some(c)) = (a.source, a.cue) {
            let sentence = tokens.get(s0).map_or(0, |t| t.span.start);
            if s.end <= sentence && c.start >= sentence {
                if let Some(subject) = subject_before(doc, tokens, ends, c) {
                    a.source = Some(subject);
                }
            }
        }
        // Reported speech whose subject the tagger missed ("Lukashenko also told the
        // governors to …"): the name just before the cue, in its sentence.
        if a.source.is_none() {
            if let Some(c) = a.cue {
                a.source = subject_before(doc, tokens, ends, c);
            }
        }
        // "X said that …, and accused Y of …" and "X said …, noting that …": the
        // coordinated verb and the participle share X.
        let shares_subject = a.source.is_none()
            && a.cue.is_some_and(|c| {
                let k = tokens.partition_point(|t| t.span.start < c.start);
                let sentence_start = tokens.get(s0).map_or(0, |t| t.span.start);
                let participle = slice(text, c)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| SPEECH_PARTICIPLES.contains(&w.to_lowercase().as_str()));
                k > 0
                    && (matches!(slice(text, tokens[k - 1].span), "and" | "but")
                        || (participle && slice(text, tokens[k - 1].span) == ","))
                    && resolver
                        .last_mention()
                        .is_some_and(|m| m.start >= sentence_start && m.end <= c.start)
            });
        let speaker = match a.source {
            Some(_) => resolver.resolve(a.source, anchor.start, &a.content),
            None if shares_subject => resolver.resolve(None, anchor.start, &a.content),
            None if kind != QuoteKind::Indirect => resolver.resolve(None, anchor.start, &a.content),
            None => None,
        };
        Found {
            attribution: a,
            kind,
            speaker,
            channel: chan,
        }
    }
}

/// Quoted words in a partial quote up to which a quote without a cue of speech is
/// taken for a scare quote.
const SCARE_QUOTE_WORDS: usize = 5;

/// Participles that continue the speech of their clause's subject ("Milley said, noting
/// that …"); other participles after a comma ("signaling", "regarding") do not report
/// speech of their own.
const SPEECH_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "citing",
    "quoting",
    "calling",
    "stressing",
    "warning",
    "pointing",
    "insisting",
    "arguing",
    "claiming",
    "alleging",
    "explaining",
    "emphasizing",
    "emphasising",
    "referring",
    "suggesting",
    "telling",
    "asking",
    "accusing",
    "urging",
    "acknowledging",
    "admitting",
    "denying",
    "writing",
    "recalling",
    "underlining",
    "describing",
];

/// Words that, alone as a source, name nobody: demonstratives, relatives,
/// reflexives, possessives, articles, prepositions, conjunctions, auxiliaries and
/// adverbs the tagger took for a speaker ("As noted by Money" → "As"; "TLEs,
/// sometimes called “sprites”" → "sometimes"). ("It" stays: "the ministry said
/// it …".) Adverbs in "-ly" are caught by their ending (`names_nobody`).
const NOBODY: &[&str] = &[
    "this",
    "that",
    "these",
    "those",
    "which",
    "what",
    "itself",
    "themselves",
    "here",
    "there",
    "such",
    "links",
    "link",
    "its",
    "their",
    "the",
    "a",
    "an",
    "as",
    "for",
    "of",
    "with",
    "by",
    "and",
    "but",
    "or",
    "if",
    "despite",
    "although",
    "while",
    "when",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "sometimes",
    "never",
    "often",
    "also",
    "less",
    "more",
    "even",
    "only",
    "just",
    "still",
    "not",
    "furthermore",
    "moreover",
    "however",
    "meanwhile",
    "therefore",
    "thus",
    "hence",
    "indeed",
    "instead",
    "nevertheless",
    "nonetheless",
    "yet",
    "so",
    "then",
    "now",
    "besides",
    "additionally",
    "likewise",
    "otherwise",
    "perhaps",
    "maybe",
];

/// Whether the words naming a source cannot name a speaker.
fn names_nobody(words: &str) -> bool {
    let w = words
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NOBODY.contains(&w.as_str())
        || (w.len() > 4 && w.ends_with("ly") && w.chars().all(char::is_alphabetic))
}

/// Words that may stand between a subject and its verb ("Lukashenko also told").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "separately",
    "previously",
    "earlier",
    "has",
    "had",
    "have",
    "would",
    "will",
    "reportedly",
    "recently",
    "once",
    "repeatedly",
];

/// A name or pronoun mention ending right before the cue `c` (at most two adverbs or
/// auxiliaries between), in the same sentence: the subject of a reporting verb.
fn subject_before(doc: &Document, tokens: &[Token], ends: &[bool], c: Span) -> Option<Span> {
    let at = tokens.partition_point(|t| t.span.start < c.start);
    let mut k = at;
    let mut skipped = 0;
    while k > 0 && skipped <= 2 {
        let t = &tokens[k - 1];
        if ends[k - 1] {
            return None;
        }
        let words = slice(&doc.text, t.span);
        let m = doc
            .mentions
            .iter()
            .find(|m| m.span.end == t.span.end && m.kind != MentionKind::Nominal);
        if let Some(m) = m {
            return Some(m.span);
        }
        if !BETWEEN.contains(&words.to_lowercase().as_str()) {
            return None;
        }
        skipped += 1;
        k -= 1;
    }
    None
}

/// The name a relative clause starting at `s` refers to: the person or organisation
/// named right before the comma that opens the clause.
fn antecedent(doc: &Document, tokens: &[Token], s: Span) -> Option<Span> {
    let k = tokens.partition_point(|t| t.span.start < s.start);
    let comma = tokens.get(k.checked_sub(1)?)?;
    if slice(&doc.text, comma.span) != "," {
        return None;
    }
    doc.mentions
        .iter()
        .filter(|m| matches!(m.etype, EntityType::Person | EntityType::Org))
        .filter(|m| m.span.end <= comma.span.start)
        .filter(|m| doc.text[m.span.end..comma.span.start].trim().is_empty())
        .map(|m| m.span)
        .next()
}

/// Prepositions whose object can stand right before a colon that opens a quote.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "to", "on", "at", "against", "for", "with", "about", "toward", "towards", "over",
];

/// Whether `s` follows a preposition and is followed by the colon opening a quote.
fn object_before_colon(text: &str, tokens: &[Token], s: Span) -> bool {
    let k = tokens.partition_point(|t| t.span.start < s.start);
    k > 0
        && OBJECT_PREPOSITIONS.contains(&tokens[k - 1].lower.as_str())
        && text
            .get(s.end..)
            .is_some_and(|r| r.trim_start().starts_with(':'))
}

/// The first person or organisation named (not described) in the sentence starting at
/// token `s0`, before `s`: the subject of the clause `s` belongs to.
fn clause_subject(doc: &Document, tokens: &[Token], s0: usize, s: Span) -> Option<Span> {
    let from = tokens.get(s0).map_or(0, |t| t.span.start);
    doc.mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= s.start)
        .filter(|m| matches!(m.etype, EntityType::Person | EntityType::Org))
        .filter(|m| m.kind == MentionKind::Name)
        .min_by_key(|m| m.span.start)
        .map(|m| m.span)
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

const OPEN: &[char] = &['“', '„', '«', '‹', '"', '‘', '\''];
const CLOSE: &[char] = &['”', '»', '›', '"', '’', '\'', '“'];

/// Whether quoted words end on a full stop inside their closing mark (“… credit.”).
fn ends_on_full_stop(content: &str) -> bool {
    content
        .trim_end()
        .trim_end_matches(CLOSE)
        .trim_end()
        .ends_with('.')
}

/// Direct when the content is wrapped in quotation marks, partial when marks appear
/// inside it, indirect otherwise.
fn kind_of(content: &str) -> QuoteKind {
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
fn snap_to_marks(tokens: &[Token], quoted: &[Quoted], spans: &mut [RoleSpan]) {
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
fn add_rule_spans(tokens: &[Token], ends: &[bool], quoted: &[Quoted], spans: &mut Vec<RoleSpan>) {
    for q in quoted {
        let last = q.close.unwrap_or(q.last).min(tokens.len() - 1);
        let qs = Span::new(tokens[q.open].span.start, tokens[last].span.end);
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

/// Joins a quote left open at a paragraph end with the quote opening the next
/// paragraph (the convention for quotes running over several paragraphs).
fn merge_run_ons(text: &str, tokens: &[Token], spans: &mut Vec<RoleSpan>) {
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
fn quote_span(text: &str, c: Span, kind: QuoteKind) -> Span {
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
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let found = self.find(doc);
        let mut quotes: Vec<Quote> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for f in found {
            for &c in &f.attribution.content {
                let kind = kind_of(slice(&doc.text, c));
                let span = quote_span(&doc.text, c, kind);
                let key = norm(slice(&doc.text, span));
                if key.is_empty() {
                    continue;
                }
                // A repeat of an earlier quote (a caption or pull quote) is not new.
                if kind != QuoteKind::Indirect && seen.contains(&key) {
                    continue;
                }
                seen.insert(key);
                quotes.push(Quote {
                    span,
                    content: c,
                    kind,
                    cue: f.attribution.cue,
                    speaker: f.speaker.clone(),
                    channel: f.channel.clone(),
                });
            }
        }
        doc.quotes = quotes;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use narrascope_core::{Article, GivenMeta, Mention, SourceFormat};

    use super::*;

    fn span_of(text: &str, words: &str) -> Span {
        let k = text.find(words).unwrap();
        Span::new(k, k + words.len())
    }

    #[test]
    fn a_name_right_before_the_cue_beats_a_source_from_an_earlier_sentence() {
        let text = "Exports showed a slight decrease. China considers Taiwan a province.";
        let mut doc = Document::from_text(Article {
            id: "t".into(),
            path: "t.txt".into(),
            format: SourceFormat::Text,
            raw: text.into(),
            given: GivenMeta::default(),
        });
        doc.mentions.push(Mention {
            span: span_of(text, "China"),
            etype: EntityType::Loc,
            kind: MentionKind::Name,
            entity: None,
        });
        let tokens = tokenize(text, Span::new(0, text.len()));
        let ends = sentence_ends(&tokens);
        let a = Attribution {
            source: Some(span_of(text, "a slight decrease")),
            cue: Some(span_of(text, "considers")),
            content: vec![span_of(text, "Taiwan a province")],
        };
        let stage = QuoteStage::new().unwrap();
        let mut resolver = Resolver::new(&doc);
        let found = stage.resolve(&doc, &tokens, &ends, a, &mut resolver);
        assert_eq!(found.attribution.source, Some(span_of(text, "China")));
        assert_eq!(found.speaker.map(|s| s.name).as_deref(), Some("China"));
    }
}
