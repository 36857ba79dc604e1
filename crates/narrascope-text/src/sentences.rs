//! Sentence boundaries inside one paragraph.
//!
//! # How it works
//!
//! One forward pass over the bytes. Only a handful of bytes can start a decision
//! (`. ! ?`, line breaks and the lead bytes of `…`, `।`, `॥`, `。`, `！`, `？`, `؟`
//! and bullets); at each one the splitter looks back at most one or two words and
//! ahead at most three words, so the cost is linear in the paragraph length with no
//! backtracking, whatever the input.
//!
//! # Rules
//!
//! A *candidate* is a run of terminators (`.`, `!`, `?`, `…`, `।`, `॥`, `‼`, `。`, …)
//! plus any closing quotes and brackets glued to it (`."`, `?)`, `.”»`) and a
//! footnote marker like `[1]`. A candidate is a boundary only when whitespace
//! follows it, so `example.com`, `info@x.org`, `3.5%`, `$1.2 billion`, `2.0.1` and
//! `U.S.A` never split. (CJK `。！？` are the exception: they end a sentence even
//! when the next character is glued on.) The boundary then depends on what follows:
//!
//! * a lowercase letter, `, ; : ) % …`, or a dash and a lowercase word: never a
//!   boundary (`etc. and`, `?" he asked`, `Yahoo! is`, `... and then`,
//!   `«Нет!» — ответила она`).
//! * after `?` or `!` and a closing quote, one or two capitalised names and a
//!   speech verb (`"Stop!" John Smith said.`) are the attribution and stay in the
//!   sentence; a pronoun (`"Why?" He asked.`) or a quote closed after `.`
//!   (`"It is over." Roe said he agreed.`) starts a new sentence.
//! * `!`, `?`, `।`, `॥`: a boundary before anything else.
//! * an ellipsis (`...`, `…`, `. . .`): a boundary before a capital or a digit, so a
//!   trailing-off sentence ends but `and ... then` does not; a bracketed ellipsis
//!   (`[...]`, `(…)`), which marks omitted words, never is.
//! * a single `.`: it depends on the word before it:
//!   * titles and Latin connectives that are always followed by more text
//!     (`Mr. Dr. Gen. Lt. Col. Prof. Sen. vs. e.g. i.e. cf.`, Russian/Bulgarian
//!     `т.е. напр. см. ул.`, Hindi `डॉ.`): never a boundary;
//!   * abbreviations used only before a number (`No. 5`, `Fig. 3`, `p. 12`, `Art. 5`,
//!     `чл. 3`): not a boundary before a digit, otherwise an ordinary word;
//!   * abbreviations that often end a sentence (`Inc. Corp. Ltd. Co. Jr. etc. a.m.
//!     p.m. U.S. U.K. Jan. Sept. St.`, US state abbreviations, any dotted word made of
//!     one- or two-letter parts like `Ph.D.`), initials (`J. R. R. Tolkien`,
//!     `George W. Bush`) and Russian/Bulgarian `г. в. др. т.д. млн.`: a boundary only
//!     when the next word is a common sentence opener standing alone (`The`, `He`,
//!     `But`, `In`, …; not `Under-Secretary`, `No.1`), an opening quote follows, the
//!     next line starts (the candidate ends a line), or — for Cyrillic
//!     abbreviations, where the English opener list cannot help — the next word is
//!     capitalised and the abbreviation does not close a short opening phrase
//!     (`През 2020 г. Люксембург стана …` goes on). `г.`/`гр.` not after a number
//!     mean "city" and never end a sentence (`в г. Москве`);
//!   * a number of at most three digits, a single letter or a Roman numeral that
//!     starts the sentence or line is a list marker (`1. Jan Ullrich`, `II. Methods`);
//!   * any other word: a boundary before a capital, a digit, an uncased script
//!     (Devanagari, CJK), an opening quote or bracket, or a symbol.
//! * a line break inside the paragraph where the line does not end in terminal
//!   punctuation (a headline, dateline, byline or list item): a boundary unless the
//!   next line starts with a lowercase letter or the line ends in `, ; ( & / +` or a
//!   dash glued to a word (the text was hard-wrapped mid-sentence). A next line
//!   starting with a bullet or list marker (`•`, `-`, `*`, `1.`, `a)`) is always a
//!   boundary; one opening with `(` or `[` is a note or caption and starts a
//!   sentence even after a full stop (`Year to June 30.` / `(million NZ$)`).
//!   Hard-wrapped prose whose next line starts with a capitalised name is
//!   over-split; news scrapes rarely hard-wrap.
//! * a blank line inside the region is always a boundary; a bullet (`•`, `▪`, `●`,
//!   `►`, `■`, `◦`, `‣`) after whitespace starts a new sentence.
//! * a piece with no letter or digit (a `***` or `---` separator line, a lone bullet
//!   or quote mark) is not a sentence and is left out of the output; a sentence
//!   never starts with such a line either, so the spans need not cover the whole
//!   paragraph.
//!
//! # Quotations
//!
//! Sentences inside a quotation are sentences: `"I came. I saw," he said.` gives
//! `"I came.` and `I saw," he said.`. This follows the treebank convention (Penn
//! Treebank, Universal Dependencies) and stays bounded when quote marks are
//! unbalanced, which scraped news often is (a quote that runs over paragraphs has no
//! closing mark in the first). Whoever attributes quotes must join the sentences
//! of one quotation by its marks. What the splitter guarantees: it never splits
//! between a closing quote and its attribution (`," he said`, `?" she asked`,
//! `." he said`, `!" John Smith said`), and a sentence that ends inside quotes
//! (`… end."`) followed by a capitalised sentence is a boundary after the closing
//! mark — never between the final punctuation and the mark. All quote styles
//! (`"…"`, `“…”`, `‘…’`, `«…»`, `„…“`, `‚…‘`, `‹…›`) are treated alike.
//!
//! # Length cap
//!
//! A sentence longer than [`DEFAULT_MAX_SENTENCE_CHARS`] characters (a 1 MB run with
//! no punctuation, a table flattened into one line) is cut at the last whitespace
//! before the limit, or at the limit itself when the window has no whitespace, so
//! that later stages see bounded input. [`SentenceSplitter::with_max_chars`] changes
//! the limit.

mod marks;
mod rules;
mod scanner;
mod words;

use narrascope_core::Span;

use scanner::Scanner;

/// Longest sentence, in characters, before [`SentenceSplitter`] cuts it at the last
/// whitespace. Real sentences of news text stay far below it (long legal Russian
/// sentences reach 500–600 characters).
pub const DEFAULT_MAX_SENTENCE_CHARS: usize = 1000;

/// The smallest length cap accepted; a cap of a few characters would cut words.
const MIN_MAX_SENTENCE_CHARS: usize = 16;

/// Splits a paragraph into sentences. The [module docs](self) list the rules.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    max_chars: usize,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the built-in abbreviation lists and a length cap of
    /// [`DEFAULT_MAX_SENTENCE_CHARS`].
    pub fn new() -> Self {
        SentenceSplitter {
            max_chars: DEFAULT_MAX_SENTENCE_CHARS,
        }
    }

    /// The same splitter with another length cap (at least 16 characters).
    pub fn with_max_chars(mut self, max_chars: usize) -> Self {
        self.max_chars = max_chars.max(MIN_MAX_SENTENCE_CHARS);
        self
    }

    /// Sentence spans (trimmed, non-empty, in order, inside `region`) of `text`.
    /// A region past the end of `text` or inside a character is clamped first.
    pub fn split(&self, text: &str, region: Span) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_into(text, region, &mut out);
        out
    }

    /// Like [`split`](Self::split), but appends to `out`, so a caller splitting many
    /// paragraphs reuses one vector.
    pub fn split_into(&self, text: &str, region: Span, out: &mut Vec<Span>) {
        let Some(region) = crate::clamp_region(text, region) else {
            return;
        };
        let s = &text[region.start..region.end];
        let mut scan = Scanner::new(s);
        scan.run();
        let last = scan.sent_start;
        let last_kept = s[last..].chars().any(char::is_alphanumeric);
        let mut prev = 0;
        for (cut, keep) in scan.cuts.into_iter().chain([(s.len(), last_kept)]) {
            if keep {
                self.push_capped(s, prev, cut, region.start, out);
            }
            prev = cut;
        }
    }

    /// Pushes `s[start..end]`, trimmed, cutting it into pieces of at most
    /// `max_chars` characters at the last whitespace of each window.
    fn push_capped(&self, s: &str, start: usize, end: usize, base: usize, out: &mut Vec<Span>) {
        let mut start = start;
        loop {
            let piece = &s[start..end];
            let trimmed = piece.trim_start();
            start += piece.len() - trimmed.len();
            if start >= end {
                return;
            }
            // Fast path: a piece of at most `max_chars` bytes cannot have more chars.
            if end - start <= self.max_chars {
                let t = s[start..end].trim_end();
                out.push(Span::new(base + start, base + start + t.len()));
                return;
            }
            // Find the byte where the window of `max_chars` characters ends, and the
            // last whitespace inside it.
            let mut window_end = None;
            let mut last_ws = None;
            for (n, (off, ch)) in s[start..end].char_indices().enumerate() {
                if n == self.max_chars {
                    window_end = Some(start + off);
                    break;
                }
                if ch.is_whitespace() {
                    last_ws = Some(start + off);
                }
            }
            let Some(limit) = window_end else {
                let t = s[start..end].trim_end();
                out.push(Span::new(base + start, base + start + t.len()));
                return;
            };
            let cut = last_ws.unwrap_or(limit);
            let t = s[start..cut].trim_end();
            out.push(Span::new(base + start, base + start + t.len()));
            start = cut;
        }
    }
}

#[cfg(test)]
mod tests;
