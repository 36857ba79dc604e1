//! Scrape-noise removal for plain text.
//!
//! Scraped articles carry the page around them: ad placeholders, "Source link",
//! comment forms, "Read more" widgets with other headlines, share bars,
//! subscription and newsletter prompts, photo credits, bylines and the outlet's
//! self-promotion. [`NoiseRemover::find`] marks such stretches so the cleaner can
//! cut them out of the body.
//!
//! How it decides, in three steps:
//!
//! 1. **Line rules.** Each non-empty line (trimmed) is matched against whole-line
//!    patterns, grouped by family in `ads`, `chrome`, `related`, `promo` and
//!    `attribution`, compiled once into one `RegexSet`. A rule is *strong* (the
//!    line is noise on its own) or *weak* (a bare "Email" or "Share", noise only
//!    next to other noise). Lines longer than [`MAX_RULE_LINE`] bytes are prose
//!    and skip this step. A paragraph with two or more distinct self-promotion
//!    phrases and no quotation marks is promo.
//! 2. **Block rules** (`blocks`). Some lines speak for their neighbours: a
//!    "Related:" header claims the headline-shaped lines below it, a "Comments"
//!    header followed by "<name> says" lines starts the reader comments, and so
//!    on.
//! 3. **Inline rules.** Body lines are searched for embedded noise (`[ad_1]`,
//!    "(Photo by Reuters)", a trailing "© AP / Jane Doe") and only that part is
//!    cut.
//!
//! The rules favour precision: losing a body sentence is worse than keeping a
//! scrap of chrome, so block rules never absorb a line that opens with a
//! quotation mark, and lone ambiguous words need corroboration.
//!
//! All work is linear in the input: one pass over the lines, regex matching
//! (which the `regex` crate guarantees to be linear), and block passes that walk
//! the line list a bounded number of times.

mod ads;
mod attribution;
mod blocks;
mod chrome;
mod promo;
mod related;
mod rules;
mod shape;

use std::sync::OnceLock;

use blocks::{BlockRegexes, LineInfo};
use narrascope_core::{lines, NoiseKind, NoiseSegment, Span};
use promo::PromoSignals;
use rules::Compiled;

/// Lines longer than this (in bytes) are never whole-line noise: chrome is short,
/// and the longest boilerplate paragraphs (a network's promo blurb) stay well
/// under it. Skipping them keeps a pathological 1 MB line cheap.
pub const MAX_RULE_LINE: usize = 2000;

/// Lines longer than this are not scanned for promo phrases.
const MAX_PROMO_LINE: usize = 3000;

/// Distinct self-promotion phrases a quote-free paragraph needs to be promo.
const PROMO_MIN_SIGNALS: usize = 2;

/// Why the built-in rules could not be compiled. The rules are constants covered
/// by unit tests, so this only surfaces after a bad edit to a rule table.
#[derive(Debug, thiserror::Error)]
pub enum NoiseRuleError {
    /// A rule pattern failed to compile.
    #[error("noise rule pattern does not compile: {0}")]
    Regex(#[from] regex::Error),
    /// A rule table does not compile.
    #[error("noise rules do not compile: {0}")]
    Rules(#[from] crate::RuleSetError),
    /// The promo phrase automaton failed to build.
    #[error("noise promo phrases do not compile: {0}")]
    Phrases(#[from] aho_corasick::BuildError),
}

/// Everything compiled from the rule tables.
#[derive(Debug)]
struct Rules {
    compiled: Compiled,
    promo: PromoSignals,
    blocks: BlockRegexes,
}

impl Rules {
    fn build() -> Result<Rules, NoiseRuleError> {
        // Priority is table order: the first matching rule names the kind.
        let line_rules = [
            ads::LINE_RULES,
            attribution::LINE_RULES,
            related::LINE_RULES,
            promo::LINE_RULES,
            chrome::LINE_RULES,
        ]
        .concat();
        let inline = [
            ads::INLINE_RULES,
            related::INLINE_RULES,
            promo::INLINE_RULES,
            attribution::INLINE_RULES,
        ]
        .concat();
        Ok(Rules {
            compiled: Compiled::new(line_rules, inline)?,
            promo: PromoSignals::new()?,
            blocks: BlockRegexes::new()?,
        })
    }
}

/// The compiled rules are shared by every remover: compiling takes milliseconds,
/// and pipelines create a remover per worker.
fn shared_rules() -> Result<&'static Rules, &'static NoiseRuleError> {
    static RULES: OnceLock<Result<Rules, NoiseRuleError>> = OnceLock::new();
    RULES.get_or_init(Rules::build).as_ref()
}

/// Finds scraping noise in article text. Build once; `find` is cheap and thread-safe.
#[derive(Debug, Clone)]
pub struct NoiseRemover {
    /// `None` only if the built-in rules failed to compile (see
    /// [`NoiseRemover::try_new`]); then nothing is removed.
    rules: Option<&'static Rules>,
}

impl Default for NoiseRemover {
    fn default() -> Self {
        Self::new()
    }
}

impl NoiseRemover {
    /// A remover with the built-in rules.
    ///
    /// If the rules cannot be compiled (a programming error the unit tests
    /// catch) the remover removes nothing rather than panicking; use
    /// [`NoiseRemover::try_new`] to see the error.
    pub fn new() -> Self {
        NoiseRemover {
            rules: shared_rules().ok(),
        }
    }

    /// A remover with the built-in rules, or the reason they do not compile.
    pub fn try_new() -> Result<Self, &'static NoiseRuleError> {
        Ok(NoiseRemover {
            rules: Some(shared_rules()?),
        })
    }

    /// Noise segments inside `region` of `text`: sorted, non-overlapping.
    ///
    /// `region` must lie on character boundaries of `text` (as every narrascope
    /// span does); a region outside `text` yields no segments.
    pub fn find(&self, text: &str, region: Span) -> Vec<NoiseSegment> {
        let Some(rules) = self.rules else {
            return Vec::new();
        };
        if region.end > text.len()
            || region.start > region.end
            || !text.is_char_boundary(region.start)
            || !text.is_char_boundary(region.end)
        {
            return Vec::new();
        }
        let mut infos: Vec<LineInfo> = lines(text, region)
            .into_iter()
            .map(|l| l.trim(text))
            .filter(|l| !l.is_empty())
            .map(|span| classify(rules, span.slice(text), span))
            .collect();
        blocks::apply(&mut infos, text, &rules.blocks);

        let mut out = Vec::new();
        for info in &infos {
            match info.mark {
                Some((kind, true)) => out.push(NoiseSegment {
                    span: info.span,
                    kind,
                }),
                _ => inline(rules, text, info.span, &mut out),
            }
        }
        // Lines are disjoint and visited in order, and `inline` emits sorted,
        // disjoint segments within its line, so `out` is already sorted.
        debug_assert!(out.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        out
    }
}

/// Whole-line classification of one trimmed line.
fn classify(rules: &Rules, t: &str, span: Span) -> LineInfo {
    let mut info = LineInfo {
        span,
        rule: None,
        mark: None,
    };
    if t.len() <= MAX_RULE_LINE {
        if let Some(rule) = rules.compiled.classify(t) {
            info.mark = Some(blocks::initial_mark(&rule));
            info.rule = Some(rule);
            return info;
        }
    }
    if t.len() <= MAX_PROMO_LINE
        && !shape::has_quote(t)
        && rules.promo.count(t) >= PROMO_MIN_SIGNALS
    {
        info.mark = Some((NoiseKind::Promo, true));
    }
    info
}

/// Embedded noise inside a body line: pushes the matched parts, trimmed, in
/// order and without overlaps.
fn inline(rules: &Rules, text: &str, line: Span, out: &mut Vec<NoiseSegment>) {
    let t = line.slice(text);
    let mut found: Vec<NoiseSegment> = Vec::new();
    for (kind, re) in rules.compiled.inline_candidates(t) {
        for m in re.find_iter(t) {
            let span = Span::new(line.start + m.start, line.start + m.end).trim(text);
            if !span.is_empty() {
                found.push(NoiseSegment { span, kind });
            }
        }
    }
    found.sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
    let mut end = line.start;
    for seg in found {
        if seg.span.start >= end {
            end = seg.span.end;
            out.push(seg);
        }
    }
}

#[cfg(test)]
mod tests;
