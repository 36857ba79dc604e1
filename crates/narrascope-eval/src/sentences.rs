//! Sentence-boundary evaluation on pseudo-paragraphs built from sentence-split
//! corpora.
//!
//! No gold sentence segmentation of news text with its original spacing is at hand,
//! so one is built from corpora that come split into sentences:
//!
//! * **UNER English PUD** (`uner-english-pud/en_pud-ud-test.iob2`, 1,000 news and
//!   Wikipedia sentences): each sentence's original text is in its `# text = `
//!   comment, used as is. This is the **reported** set; nothing was tuned on it.
//! * **CoNLL-2003** (`ner/conll2003/eng.train`, 14,041 Reuters sentences): tokens
//!   only, so each sentence is detokenised (rules in [`detokenize`]). This is the
//!   **development** set the splitter's rules were checked against.
//!
//! Sentences are taken in file order, five at a time (document boundaries are
//! ignored: sentences are sentences), and joined into one pseudo-paragraph: with a
//! space between two sentences that end in terminal punctuation (`.!?…`, optionally
//! followed by closing quotes or brackets), and with a line break before and after
//! one that does not — a headline, byline, dateline or table row, which in the
//! source was a line of its own. One CoNLL artifact is undone: a "sentence" that starts with a lowercase
//! letter after one without terminal punctuation is a hard-wrapped line fragment
//! (`Australia will defend the Ashes in` / `a six-test series …`), not a sentence,
//! so it is merged into the previous one (joined by a line break) before scoring.
//!
//! The gold boundaries are the start offsets of the second to last sentence of each
//! pseudo-paragraph (the paragraph's own start and end are given to any splitter).
//! A predicted boundary is correct when it is at exactly the same byte. The report
//! gives boundary precision, recall and F1 and the share of gold sentences
//! recovered exactly (same start and end), for narrascope's [`SentenceSplitter`] and
//! for a baseline that splits after `[.!?]` + whitespace + an uppercase letter and
//! at every line break.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use narrascope_core::Span;
use narrascope_text::SentenceSplitter;
use serde::Serialize;

/// Sentences per pseudo-paragraph.
pub const GROUP_SIZE: usize = 5;

/// How many error examples the report keeps.
const MAX_EXAMPLES: usize = 30;

/// Characters of context shown on each side of an error.
const CONTEXT_CHARS: usize = 40;

/// The corpus to evaluate on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    /// UNER English PUD, original sentence texts (the reported set).
    Pud,
    /// CoNLL-2003 eng.train, detokenised (the development set).
    Conll,
}

impl Dataset {
    /// The file under the data directory.
    pub fn relative_path(self) -> &'static str {
        match self {
            Dataset::Pud => "uner-english-pud/en_pud-ud-test.iob2",
            Dataset::Conll => "ner/conll2003/eng.train",
        }
    }

    /// A human-readable name.
    pub fn title(self) -> &'static str {
        match self {
            Dataset::Pud => "UNER English PUD (test, original text)",
            Dataset::Conll => "CoNLL-2003 eng.train (dev, detokenised)",
        }
    }
}

impl FromStr for Dataset {
    type Err = EvalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "pud" => Ok(Dataset::Pud),
            "conll" => Ok(Dataset::Conll),
            _ => Err(EvalError::UnknownDataset(s.to_string())),
        }
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The data file is missing or unreadable.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file holds no sentences in the expected format.
    #[error("{path}: no sentences found (is this the right file?)")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A dataset name other than `pud` or `conll`.
    #[error("unknown dataset {0:?}: expected pud or conll")]
    UnknownDataset(String),
}

/// One pseudo-paragraph with its gold sentence spans (byte offsets into `text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldParagraph {
    /// The joined sentences.
    pub text: String,
    /// Gold sentences, in order, trimmed.
    pub sentences: Vec<Span>,
}

/// The scores of one splitter.
#[derive(Clone, Debug, Serialize)]
pub struct SystemScore {
    /// The splitter's name.
    pub name: String,
    /// Boundaries it predicted (inside paragraphs).
    pub predicted: usize,
    /// Predicted boundaries at a gold boundary.
    pub correct: usize,
    /// `correct / predicted`.
    pub precision: f64,
    /// `correct / gold boundaries`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold sentences predicted with exactly their start and end.
    pub exact_sentences: usize,
    /// `exact_sentences / gold sentences`.
    pub exact_share: f64,
}

/// A boundary the splitter missed or invented, with its context.
#[derive(Clone, Debug, Serialize)]
pub struct BoundaryError {
    /// `missed` (gold only) or `spurious` (predicted only).
    pub kind: &'static str,
    /// Text around the boundary, which is marked `⟦|⟧`.
    pub context: String,
}

/// The result of [`evaluate`].
#[derive(Clone, Debug, Serialize)]
pub struct SentenceReport {
    /// Which corpus.
    pub dataset: Dataset,
    /// The file read.
    pub source: PathBuf,
    /// Pseudo-paragraphs built.
    pub paragraphs: usize,
    /// Gold sentences.
    pub sentences: usize,
    /// Gold boundaries inside paragraphs.
    pub gold_boundaries: usize,
    /// Sentences per pseudo-paragraph.
    pub group_size: usize,
    /// narrascope's splitter.
    pub splitter: SystemScore,
    /// The punctuation + capital baseline.
    pub baseline: SystemScore,
    /// The first errors of narrascope's splitter, in file order.
    pub examples: Vec<BoundaryError>,
}

/// Reads `dataset` under `data_dir`, runs both splitters and scores them.
pub fn evaluate(data_dir: &Path, dataset: Dataset) -> Result<SentenceReport, EvalError> {
    let path = data_dir.join(dataset.relative_path());
    let raw = std::fs::read_to_string(&path).map_err(|source| EvalError::Io {
        path: path.clone(),
        source,
    })?;
    let sentences = match dataset {
        Dataset::Pud => pud_sentences(&raw),
        Dataset::Conll => conll_sentences(&raw),
    };
    let paras = build_paragraphs(&sentences, GROUP_SIZE);
    if paras.is_empty() {
        return Err(EvalError::Empty { path });
    }
    let splitter = SentenceSplitter::new();
    let mut examples = Vec::new();
    let ours = score(
        "narrascope",
        &paras,
        |t, r| splitter.split(t, r),
        Some(&mut examples),
    );
    let base = score("baseline", &paras, baseline_split, None);
    Ok(SentenceReport {
        dataset,
        source: path,
        paragraphs: paras.len(),
        sentences: paras.iter().map(|p| p.sentences.len()).sum(),
        gold_boundaries: paras
            .iter()
            .map(|p| p.sentences.len().saturating_sub(1))
            .sum(),
        group_size: GROUP_SIZE,
        splitter: ours,
        baseline: base,
        examples,
    })
}

/// The `# text = ` comments of a CoNLL-U-like file, in order.
pub fn pud_sentences(raw: &str) -> Vec<String> {
    raw.lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// CoNLL-2003 sentences (first column, blank-line separated, `-DOCSTART-` skipped),
/// detokenised. Quote parity is kept across a document, since quotations span
/// sentences.
pub fn conll_sentences(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    let mut quote_open = false;
    let mut flush = |tokens: &mut Vec<&str>, quote_open: &mut bool| {
        if !tokens.is_empty() {
            let s = detokenize(tokens, quote_open);
            if !s.is_empty() {
                out.push(s);
            }
            tokens.clear();
        }
    };
    for line in raw.lines() {
        let Some(tok) = line.split_whitespace().next() else {
            flush(&mut tokens, &mut quote_open);
            continue;
        };
        if tok == "-DOCSTART-" {
            flush(&mut tokens, &mut quote_open);
            quote_open = false;
            continue;
        }
        tokens.push(tok);
    }
    flush(&mut tokens, &mut quote_open);
    out
}

/// Joins Penn-Treebank-style tokens into text:
///
/// * no space before `, . ; : ! ? % ) ] }`, a lone `'`, clitics (`'s`, `n't`, `'re`,
///   `'ve`, `'ll`, `'d`, `'m`) or a closing `"`;
/// * no space after `( [ {`, `$` or an opening `"` (straight quotes alternate
///   open/close, with the state carried in `quote_open` across sentences);
/// * a `.` token right after a token ending in `.` (`U.S. .`) is dropped: the
///   abbreviation's period ends the sentence, as in running text.
pub fn detokenize(tokens: &[&str], quote_open: &mut bool) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    let last = tokens.len().saturating_sub(1);
    for (n, &tok) in tokens.iter().enumerate() {
        if tok == "." && out.ends_with('.') {
            continue;
        }
        let lower = tok.to_ascii_lowercase();
        let is_quote = tok == "\"";
        if is_quote && (n == 0 || n == last) && tokens.len() > 1 {
            // A quote first in a sentence opens, last closes, whatever the parity
            // says: parity drifts when a quotation's marks are unbalanced.
            *quote_open = n == last;
        }
        let closing_quote = is_quote && *quote_open;
        let glue_before = matches!(
            tok,
            "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "}" | "'"
        ) || matches!(
            lower.as_str(),
            "'s" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
        ) || closing_quote;
        if !out.is_empty() && !glue_next && !glue_before {
            out.push(' ');
        }
        out.push_str(tok);
        if is_quote {
            *quote_open = !*quote_open;
        }
        glue_next = matches!(tok, "(" | "[" | "{" | "$") || (is_quote && *quote_open);
    }
    out
}

/// True when `s` ends in terminal punctuation, possibly followed by closing quotes
/// or brackets.
fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// Groups sentences `group` at a time into pseudo-paragraphs (see the module docs
/// for the joining rules and the CoNLL line-fragment merge).
pub fn build_paragraphs(sentences: &[String], group: usize) -> Vec<GoldParagraph> {
    // Merge lowercase-initial fragments into the previous unterminated sentence.
    let mut merged: Vec<String> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let fragment = s.chars().next().is_some_and(char::is_lowercase);
        match merged.last_mut() {
            Some(prev) if fragment && !ends_terminal(prev) => {
                prev.push('\n');
                prev.push_str(s);
            }
            _ => merged.push(s.clone()),
        }
    }
    merged
        .chunks(group.max(1))
        .map(|chunk| {
            let mut text = String::new();
            let mut spans = Vec::with_capacity(chunk.len());
            for (n, s) in chunk.iter().enumerate() {
                if n > 0 {
                    let prev = &chunk[n - 1];
                    let own_line = !ends_terminal(prev) || !ends_terminal(s);
                    text.push(if own_line { '\n' } else { ' ' });
                }
                let start = text.len();
                text.push_str(s);
                spans.push(Span::new(start, text.len()));
            }
            GoldParagraph {
                text,
                sentences: spans,
            }
        })
        .collect()
}

/// The baseline: a boundary after `.`, `!` or `?` followed by whitespace and an
/// uppercase letter, and at every line break.
pub fn baseline_split(text: &str, region: Span) -> Vec<Span> {
    let s = &text[region.start..region.end];
    let mut cuts = Vec::new();
    for (i, c) in s.char_indices() {
        if c == '\n' {
            cuts.push(i);
        } else if matches!(c, '.' | '!' | '?') {
            let rest = &s[i + 1..];
            let trimmed = rest.trim_start();
            if trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
            {
                cuts.push(i + 1);
            }
        }
    }
    let mut out = Vec::new();
    let mut prev = 0;
    for cut in cuts.into_iter().chain([s.len()]) {
        let span = Span::new(region.start + prev, region.start + cut).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        prev = cut;
    }
    out
}

/// Scores one splitter over all paragraphs; records error examples when asked.
fn score(
    name: &str,
    paras: &[GoldParagraph],
    split: impl Fn(&str, Span) -> Vec<Span>,
    mut examples: Option<&mut Vec<BoundaryError>>,
) -> SystemScore {
    let (mut predicted, mut correct, mut gold_total, mut exact, mut sentences) = (0, 0, 0, 0, 0);
    for p in paras {
        let pred = split(&p.text, Span::new(0, p.text.len()));
        let gold_b: HashSet<usize> = p.sentences.iter().skip(1).map(|s| s.start).collect();
        let pred_b: HashSet<usize> = pred.iter().skip(1).map(|s| s.start).collect();
        gold_total += gold_b.len();
        predicted += pred_b.len();
        correct += gold_b.intersection(&pred_b).count();
        let pred_set: HashSet<Span> = pred.iter().copied().collect();
        sentences += p.sentences.len();
        exact += p.sentences.iter().filter(|s| pred_set.contains(s)).count();
        if let Some(ex) = examples.as_deref_mut() {
            let mut errs: Vec<(usize, &'static str)> = gold_b
                .difference(&pred_b)
                .map(|&b| (b, "missed"))
                .chain(pred_b.difference(&gold_b).map(|&b| (b, "spurious")))
                .collect();
            errs.sort_unstable();
            for (b, kind) in errs {
                if ex.len() < MAX_EXAMPLES {
                    ex.push(BoundaryError {
                        kind,
                        context: context(&p.text, b),
                    });
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(correct, predicted);
    let recall = ratio(correct, gold_total);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    SystemScore {
        name: name.to_string(),
        predicted,
        correct,
        precision,
        recall,
        f1,
        exact_sentences: exact,
        exact_share: ratio(exact, sentences),
    }
}

/// `CONTEXT_CHARS` characters either side of byte `at`, the boundary marked.
fn context(text: &str, at: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..at].chars().rev().take(CONTEXT_CHARS).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[at..].chars().take(CONTEXT_CHARS).collect();
    format!("{before}⟦|⟧{after}").replace('\n', "⏎")
}

impl fmt::Display for SentenceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Sentence boundaries — {}", self.dataset.title())?;
        writeln!(
            f,
            "{} sentences in {} pseudo-paragraphs of up to {}; {} gold boundaries ({})",
            self.sentences,
            self.paragraphs,
            self.group_size,
            self.gold_boundaries,
            self.source.display()
        )?;
        writeln!(
            f,
            "{:<11} {:>9} {:>8} {:>9} {:>7} {:>7} {:>15}",
            "system", "predicted", "correct", "precision", "recall", "F1", "exact sentences"
        )?;
        for s in [&self.splitter, &self.baseline] {
            writeln!(
                f,
                "{:<11} {:>9} {:>8} {:>9.4} {:>7.4} {:>7.4} {:>8} ({:.1}%)",
                s.name,
                s.predicted,
                s.correct,
                s.precision,
                s.recall,
                s.f1,
                s.exact_sentences,
                100.0 * s.exact_share
            )?;
        }
        if !self.examples.is_empty() {
            writeln!(f, "first errors of narrascope (boundary at ⟦|⟧):")?;
            for e in self.examples.iter().take(10) {
                writeln!(f, "  {:<8} {}", e.kind, e.context)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenize_follows_the_rules() {
        let mut q = false;
        let toks = [
            "\"", "We", "do", "n't", "know", ",", "\"", "he", "said", "(", "in", "the", "U.S.",
            ")", "of", "$", "5", "'s", "worth", ".",
        ];
        assert_eq!(
            detokenize(&toks, &mut q),
            "\"We don't know,\" he said (in the U.S.) of $5's worth."
        );
        assert!(!q);
        assert_eq!(
            detokenize(&["in", "the", "U.S.", "."], &mut q),
            "in the U.S."
        );
        // A quotation opened in one sentence closes in the next.
        assert_eq!(detokenize(&["\"", "Yes", "."], &mut q), "\"Yes.");
        assert_eq!(detokenize(&["No", ".", "\""], &mut q), "No.\"");
    }

    #[test]
    fn paragraphs_join_with_space_or_newline_and_merge_fragments() {
        let s: Vec<String> = [
            "HEADLINE HERE",
            "First one.",
            "Wrapped line in",
            "two parts",
            "\"Q?\"",
        ]
        .map(String::from)
        .to_vec();
        let p = build_paragraphs(&s, 5);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].text,
            "HEADLINE HERE\nFirst one.\nWrapped line in\ntwo parts\n\"Q?\""
        );
        let got: Vec<&str> = p[0].sentences.iter().map(|x| x.slice(&p[0].text)).collect();
        assert_eq!(
            got,
            [
                "HEADLINE HERE",
                "First one.",
                "Wrapped line in\ntwo parts",
                "\"Q?\""
            ]
        );
    }

    #[test]
    fn scoring_counts_boundaries_and_exact_sentences() {
        let s: Vec<String> = ["Mr. Smith came.", "He left."].map(String::from).to_vec();
        let paras = build_paragraphs(&s, 5);
        let ours = score(
            "n",
            &paras,
            |t, r| SentenceSplitter::new().split(t, r),
            None,
        );
        assert_eq!(
            (ours.predicted, ours.correct, ours.exact_sentences),
            (1, 1, 2)
        );
        assert!((ours.f1 - 1.0).abs() < 1e-9);
        let base = score("b", &paras, baseline_split, None);
        assert_eq!(
            (base.predicted, base.correct, base.exact_sentences),
            (2, 1, 1)
        );
        assert!((base.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn dataset_names_parse() {
        assert_eq!("PUD".parse::<Dataset>().ok(), Some(Dataset::Pud));
        assert_eq!("conll".parse::<Dataset>().ok(), Some(Dataset::Conll));
        assert!("x".parse::<Dataset>().is_err());
    }

    #[test]
    fn missing_data_is_a_typed_error() {
        let err = evaluate(Path::new("/nonexistent/narrascope"), Dataset::Pud);
        assert!(matches!(err, Err(EvalError::Io { .. })));
    }

    /// Runs on the real corpora when `../shared/data` is present; skips otherwise.
    #[test]
    fn real_corpora_beat_the_baseline() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        for dataset in [Dataset::Conll, Dataset::Pud] {
            if !dir.join(dataset.relative_path()).exists() {
                println!(
                    "skipping: {} not found under {}",
                    dataset.relative_path(),
                    dir.display()
                );
                continue;
            }
            let report = match evaluate(&dir, dataset) {
                Ok(r) => r,
                Err(e) => panic!("{e}"),
            };
            println!("{report}");
            assert!(report.splitter.f1 > report.baseline.f1, "{report}");
            assert!(report.splitter.f1 > 0.9, "{report}");
        }
    }
}
