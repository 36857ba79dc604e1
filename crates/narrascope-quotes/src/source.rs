//! Repairing the words the tagger gives an attribution for its source: slips that
//! name nobody, relative clauses, prepositional objects, sources from another
//! sentence, and the subject of a cue that has none.

use narrascope_core::{Document, EntityType, MentionKind, Span};

use crate::group::Attribution;
use crate::marks::Quoted;
use crate::spans::slice;
use crate::token::{TokKind, Token};

/// Mends `a.source` in place. `s0` is the first token of the sentence of the
/// attribution's anchor (its cue, else its source or content).
pub(crate) fn repair_source(
    doc: &Document,
    tokens: &[Token],
    ends: &[bool],
    s0: usize,
    a: &mut Attribution,
) {
    let text = &doc.text;
    // "Those shifts were criticized as …", "which were described by an administration
    // official as …": the subject of a passive cue is what is talked about; the
    // speaker is the agent after "by", if any.
    if let Some(agent) = a.cue.and_then(|c| passive_agent(doc, tokens, c)) {
        a.source = agent;
        return;
    }
    // "refuted by Kyiv who said that …": the subject of the cue is the relative
    // pronoun's antecedent.
    if let Some(c) = a.cue {
        let k = tokens.partition_point(|t| t.span.start < c.start);
        if k > 0 && tokens[k - 1].lower == "who" {
            if let Some(m) = named_before(doc, tokens[k - 1].span) {
                a.source = Some(m);
            }
        }
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
            let closed = w.trim_end().ends_with(',') || text[s.end..].trim_start().starts_with(',');
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
}

/// "On June 21 she made a claim on Twitter, stating that …": the subject of the
/// sentence a continuing participle (`…, stating that`) ends, when no earlier speaker
/// shares it: the first person in the sentence before the cue (a pronoun too), else
/// the first organisation, outside quotation marks.
pub(crate) fn participle_subject(
    doc: &Document,
    tokens: &[Token],
    quoted: &[Quoted],
    s0: usize,
    c: Span,
) -> Option<Span> {
    let k = tokens.partition_point(|t| t.span.start < c.start);
    let continuing = k > 0
        && tokens[k - 1].lower == ","
        && tokens
            .get(k)
            .is_some_and(|t| crate::rules::is_continuing(&t.lower));
    if !continuing {
        return None;
    }
    let from = tokens.get(s0).map_or(0, |t| t.span.start).min(c.start);
    let first = |t: EntityType| {
        doc.mentions
            .iter()
            .filter(|m| m.span.start >= from && m.span.end <= c.start && m.etype == t)
            .find(|m| !quoted.iter().any(|q| q.span(tokens).contains(m.span)))
            .map(|m| m.span)
    };
    first(EntityType::Person).or_else(|| first(EntityType::Org))
}

/// "X said that …, and accused Y of …" and "X said …, noting that …": whether the
/// cue `c` (in the sentence starting at token `s0`) is a coordinated verb or a speech
/// participle whose subject is the last speaker's words, `last_mention`.
pub(crate) fn shares_subject(
    text: &str,
    tokens: &[Token],
    s0: usize,
    c: Span,
    last_mention: Option<Span>,
) -> bool {
    let k = tokens.partition_point(|t| t.span.start < c.start);
    let sentence_start = tokens.get(s0).map_or(0, |t| t.span.start);
    let participle = slice(text, c)
        .split_whitespace()
        .next()
        .is_some_and(|w| SPEECH_PARTICIPLES.contains(&w.to_lowercase().as_str()));
    k > 0
        && (matches!(slice(text, tokens[k - 1].span), "and" | "but")
            || (participle && slice(text, tokens[k - 1].span) == ","))
        && last_mention.is_some_and(|m| m.start >= sentence_start && m.end <= c.start)
}

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
    "much",
    "most",
    "least",
    "enough",
    "any",
    "anything",
    "something",
    "nothing",
    "everything",
    // Read off lone sources of the SemEval EN *training* articles ("before", "to").
    "before",
    "after",
    "to",
    "about",
    "per",
    "has",
    "have",
    "had",
    "does",
    "do",
    "did",
];

/// Whether the words naming a source cannot name a speaker.
fn names_nobody(words: &str) -> bool {
    let w = words
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NOBODY.contains(&w.as_str())
        // ("single-handedly" too.)
        || (w.len() > 4
            && w.ends_with("ly")
            && w.chars().all(|c| c.is_alphabetic() || c == '-'))
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
pub(crate) fn subject_before(
    doc: &Document,
    tokens: &[Token],
    ends: &[bool],
    c: Span,
) -> Option<Span> {
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

/// Words between a form of "be" and a passive participle ("were however refuted").
const PASSIVE_BETWEEN: &[&str] = &[
    "also",
    "however",
    "widely",
    "previously",
    "later",
    "often",
    "repeatedly",
    "already",
    "since",
    "then",
    "not",
    "never",
    "once",
    "again",
    "publicly",
    "sharply",
    "heavily",
];

/// Participles that read as adjectives of their subject's state of mind.
const STATIVE: &[&str] = &[
    "concerned",
    "worried",
    "convinced",
    "alarmed",
    "pleased",
    "disappointed",
    "surprised",
    "determined",
    "satisfied",
    "interested",
    "committed",
    "prepared",
    "scared",
    "frightened",
    "shocked",
    "troubled",
    "amazed",
    "excited",
    "delighted",
    "relieved",
    "puzzled",
    "confused",
    "annoyed",
    "unconvinced",
    "unimpressed",
    "dismayed",
    "outraged",
    "angered",
    "saddened",
    "horrified",
    "baffled",
    "encouraged",
    "heartened",
    "perplexed",
];

/// When the cue `c` is a passive participle ("were criticized", "has been described"):
/// `Some(agent)`, the words after a following "by" (`None` when no agent is named).
/// `None` when the cue is not passive.
fn passive_agent(doc: &Document, tokens: &[Token], c: Span) -> Option<Option<Span>> {
    // The participle: the cue's last word but "by" or "as" ("were described by").
    let first = tokens.partition_point(|t| t.span.start < c.start);
    let past = tokens.partition_point(|t| t.span.start < c.end);
    let k = (first..past)
        .rev()
        .find(|&i| !matches!(tokens[i].lower.as_str(), "by" | "as"))?;
    let cue = tokens.get(k)?;
    if !(cue.lower.ends_with("ed") || matches!(cue.lower.as_str(), "told" | "said" | "quoted")) {
        return None;
    }
    // "are concerned that", "is convinced that": a state of the subject, who is the
    // source, not a passive.
    if STATIVE.contains(&cue.lower.as_str()) {
        return None;
    }
    let mut j = k;
    while j > 0 && PASSIVE_BETWEEN.contains(&tokens[j - 1].lower.as_str()) && k - j < 2 {
        j -= 1;
    }
    let be = j.checked_sub(1).map(|j| tokens[j].lower.as_str());
    if !matches!(
        be,
        Some("was" | "were" | "is" | "are" | "been" | "being" | "be")
    ) {
        return None;
    }
    // The agent: "by" within a few words after the cue, then up to the next comma,
    // "as", quotation mark or sentence end.
    let by = (k + 1..tokens.len().min(k + 5)).find(|&i| tokens[i].lower == "by");
    let Some(by) = by else {
        return Some(None);
    };
    let mut end = by + 1;
    while end < tokens.len()
        && end - by <= 6
        && tokens[end].kind == TokKind::Word
        && !matches!(
            tokens[end].lower.as_str(),
            "as" | "that" | "to" | "for" | "of"
        )
    {
        end += 1;
    }
    if end == by + 1 {
        return Some(None);
    }
    let agent = Span::new(tokens[by + 1].span.start, tokens[end - 1].span.end);
    // A name in the agent words is the agent.
    let named = doc.mentions.iter().find(|m| {
        agent.start <= m.span.start && m.span.end <= agent.end && m.kind == MentionKind::Name
    });
    Some(Some(named.map_or(agent, |m| m.span)))
}

/// The name right before `s`, a comma apart at most ("Kyiv who …", "Like Pete
/// Buttigieg, who urged …").
fn named_before(doc: &Document, s: Span) -> Option<Span> {
    let m = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && m.span.end <= s.start)
        .rfind(|m| {
            let between = doc.text[m.span.end..s.start].trim();
            between.is_empty() || between == ","
        })?;
    if m.etype == EntityType::Person || doc.text[m.span.end..s.start].trim().is_empty() {
        return Some(m.span);
    }
    // "Antonio Guterres, the Secretary-General of the United Nations, who said": after
    // a comma, an organisation or place closes an apposition; the person it
    // describes, right before the apposition's comma, is the antecedent.
    doc.mentions
        .iter()
        .filter(|p| p.etype == EntityType::Person && p.kind == MentionKind::Name)
        .filter(|p| p.span.end <= m.span.start)
        .rfind(|p| !doc.text[p.span.end..m.span.start].contains(['.', '\n', '“', '"']))
        .filter(|p| doc.text[p.span.end..m.span.start].starts_with(','))
        .map_or(Some(m.span), |p| Some(p.span))
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

#[cfg(test)]
mod tests {
    use super::names_nobody;

    #[test]
    fn lone_function_words_and_adverbs_name_nobody() {
        for w in [
            "single-handedly",
            "before",
            "Before,",
            "per",
            "clearly",
            "As",
        ] {
            assert!(names_nobody(w), "{w}");
        }
        for w in ["Piers Morgan", "it", "officials", "Ally", "the ministry"] {
            assert!(!names_nobody(w), "{w}");
        }
    }
}
