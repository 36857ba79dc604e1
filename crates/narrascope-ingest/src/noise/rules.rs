//! Rule types shared by the rule families, and their compiled form.
//!
//! Each family module (`ads`, `chrome`, `related`, `promo`, `attribution`) lists
//! plain data: a whole-line pattern, the kind it implies, how sure it is on its
//! own, and what it says about the lines around it. All patterns are tested
//! together through one prefilter automaton so a line is tested against every rule
//! in one pass, which keeps `find` linear in the text.

use crate::ruleset::{Exact, RuleSet, RuleSetError};
use narrascope_core::NoiseKind;

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

/// Every rule, compiled: each table is a [`RuleSet`] (a small prefilter compiled
/// up front, the exact patterns on first use), because compiling the exact tables
/// eagerly took 59% of the instructions of `analyze` on a one-line article.
#[derive(Debug)]
pub(super) struct Compiled {
    pub line_rules: Vec<LineRule>,
    lines: RuleSet,
    inline_kinds: Vec<NoiseKind>,
    inline: RuleSet,
}

impl Compiled {
    /// Compiles the rule tables. The tables are constants checked by the unit
    /// tests, so a failure here is a programming error reported as `Err`.
    pub fn new(line_rules: Vec<LineRule>, inline: Vec<InlineRule>) -> Result<Self, RuleSetError> {
        let anchored = line_rules
            .iter()
            .map(|r| format!(r"^(?:{})$", r.pattern))
            .collect();
        Ok(Compiled {
            line_rules,
            lines: RuleSet::new(anchored, true)?,
            inline_kinds: inline.iter().map(|r| r.kind).collect(),
            inline: RuleSet::new(inline.iter().map(|r| r.pattern.to_string()).collect(), true)?,
        })
    }

    /// The first rule (in table order, which is priority order) matching `line`.
    pub fn classify(&self, line: &str) -> Option<LineRule> {
        self.lines
            .candidates(line)
            .into_iter()
            .find(|&i| self.lines.exact(i).is_some_and(|re| re.is_match(line)))
            .map(|i| self.line_rules[i])
    }

    /// The inline rules that may match in `line`, as kind and exact regex, in table
    /// order.
    pub fn inline_candidates(&self, line: &str) -> Vec<(NoiseKind, &Exact)> {
        self.inline
            .candidates(line)
            .into_iter()
            .filter_map(|i| Some((self.inline_kinds[i], self.inline.exact(i)?)))
            .collect()
    }

    /// Compiles every exact regex now, so a test can show none fails.
    #[cfg(test)]
    pub fn check_exact(&self) -> Result<(), Box<regex_automata::meta::BuildError>> {
        self.lines.check_exact()?;
        self.inline.check_exact()
    }
}
