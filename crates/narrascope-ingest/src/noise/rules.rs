//! Rule types shared by the rule families, and their compiled form.
//!
//! Each family module (`ads`, `chrome`, `related`, `promo`, `attribution`) lists
//! plain data: a whole-line pattern, the kind it implies, how sure it is on its
//! own, and what it says about the lines around it. All patterns are compiled
//! once into a single [`RegexSet`] so a line is tested against every rule in one
//! pass, which keeps `find` linear in the text.

use narrascope_core::NoiseKind;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// How much evidence one matching line is on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Strength {
    /// Removed on its own: the phrase never occurs as article prose.
    Strong,
    /// Removed only when it sits in a run of adjacent noise lines (for example a
    /// bare "Email" or "Share"), because on its own it could be a body line.
    Weak,
}

/// What a matching line says about the lines that follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// Just this line.
    Plain,
    /// A list header ("Related:", "Read more:"): following headline-shaped lines
    /// are the list's items.
    ListHeader,
    /// A header of source links ("Sources include:"): following bare URLs are items.
    UrlListHeader,
    /// A trailing promo ("This video is from the … channel"): if everything after it
    /// is short headline-shaped lines, those are the site's other stories.
    TailAnchor,
    /// Outlet chrome that only ever follows the article ("(Excerpt) Read more at …",
    /// a citizen-journalism site's sign-up blurb): every line after it is reader
    /// comments or store plugs, not body, and is marked with the given kind.
    EndOfArticle(NoiseKind),
    /// A comment-section header: the rest of the text is reader comments when
    /// "<name> says" lines follow.
    CommentHeader,
    /// "About the author": the following bio lines are byline.
    AboutAuthor,
}

/// A whole-line rule: `pattern` must match the trimmed line (it is anchored
/// automatically) and is case-insensitive unless it opts out with `(?-i:…)`.
#[derive(Clone, Copy, Debug)]
pub(super) struct LineRule {
    pub kind: NoiseKind,
    pub strength: Strength,
    pub role: Role,
    pub pattern: &'static str,
}

/// Shorthand constructors so the family tables stay readable.
pub(super) const fn strong(kind: NoiseKind, pattern: &'static str) -> LineRule {
    LineRule {
        kind,
        strength: Strength::Strong,
        role: Role::Plain,
        pattern,
    }
}

pub(super) const fn weak(kind: NoiseKind, pattern: &'static str) -> LineRule {
    LineRule {
        kind,
        strength: Strength::Weak,
        role: Role::Plain,
        pattern,
    }
}

pub(super) const fn with_role(kind: NoiseKind, role: Role, pattern: &'static str) -> LineRule {
    LineRule {
        kind,
        strength: Strength::Strong,
        role,
        pattern,
    }
}

/// A rule for noise embedded in a line (an inline `[ad_1]`, a trailing photo
/// credit): only the matched text is removed.
#[derive(Clone, Copy, Debug)]
pub(super) struct InlineRule {
    pub kind: NoiseKind,
    pub pattern: &'static str,
}

/// Every rule, compiled.
#[derive(Debug)]
pub(super) struct Compiled {
    pub line_rules: Vec<LineRule>,
    pub line_set: RegexSet,
    pub inline_kinds: Vec<NoiseKind>,
    pub inline_set: RegexSet,
    pub inline_res: Vec<Regex>,
}

/// Compiled patterns are small; this bound only guards against a pattern typo
/// producing a huge automaton.
const SIZE_LIMIT: usize = 64 << 20;

impl Compiled {
    /// Compiles the rule tables. The tables are constants checked by the unit
    /// tests, so a failure here is a programming error reported as `Err`.
    pub fn new(line_rules: Vec<LineRule>, inline: Vec<InlineRule>) -> Result<Self, regex::Error> {
        let anchored: Vec<String> = line_rules
            .iter()
            .map(|r| format!(r"^(?:{})$", r.pattern))
            .collect();
        let line_set = RegexSetBuilder::new(&anchored)
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .build()?;
        let inline_set = RegexSetBuilder::new(inline.iter().map(|r| r.pattern))
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .build()?;
        let inline_res = inline
            .iter()
            .map(|r| RegexBuilder::new(r.pattern).case_insensitive(true).build())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Compiled {
            line_rules,
            line_set,
            inline_kinds: inline.iter().map(|r| r.kind).collect(),
            inline_set,
            inline_res,
        })
    }

    /// The first rule (in table order, which is priority order) matching `line`.
    pub fn classify(&self, line: &str) -> Option<LineRule> {
        // Most lines are body and match nothing. `is_match` runs on the lazy DFA;
        // `matches` (all rules at once) needs the much slower PikeVM, so it is only
        // worth running on the few lines that match something (a third of all
        // `analyze` time before this check; see bench/throughput).
        if !self.line_set.is_match(line) {
            return None;
        }
        self.line_set
            .matches(line)
            .iter()
            .next()
            .map(|i| self.line_rules[i])
    }
}
