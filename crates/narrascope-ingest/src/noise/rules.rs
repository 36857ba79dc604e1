//! Rule types shared by the rule families, and their compiled form.
//!
//! Each family module (`ads`, `chrome`, `related`, `promo`, `attribution`) lists
//! plain data: a whole-line pattern, the kind it implies, how sure it is on its
//! own, and what it says about the lines around it. All patterns are compiled
//! once into a single set so a line is tested against every rule in one pass,
//! which keeps `find` linear in the text.

use narrascope_core::NoiseKind;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet};
use regex_syntax::hir::{Hir, HirKind, Look};

use super::NoiseRuleError;

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
///
/// Compiling the exact patterns is what made start-up slow: counted repetitions
/// such as `.{0,800}` or `(?: \p{Lu}…){0,4}` are compiled as one copy of their
/// sub-pattern per count, so compiling the exact sets took 59% of the instructions
/// of `analyze` on a one-line article. So each set is split in two:
///
/// * a *prefilter* set, compiled up front, whose patterns are the rules widened
///   (see [`widen`]): upper bounds `{m,n}` dropped to `{m,}`, `\b` dropped. It
///   matches a superset of what the exact rule matches, and is a small automaton
///   the lazy DFA runs on any text;
/// * the exact per-rule regexes, compiled lazily the first time the prefilter
///   proposes that rule (most rules never fire on a given corpus).
///
/// A rule matches exactly when its exact regex does, so results are unchanged.
#[derive(Debug)]
pub(super) struct Compiled {
    pub line_rules: Vec<LineRule>,
    line_filter: meta::Regex,
    line_exact: Vec<Lazy>,
    inline_kinds: Vec<NoiseKind>,
    inline_filter: meta::Regex,
    inline_exact: Vec<Lazy>,
}

/// Compiled patterns are small; this bound only guards against a pattern typo
/// producing a huge automaton.
const SIZE_LIMIT: usize = 64 << 20;

/// An exact, case-insensitive regex compiled on first use.
#[derive(Debug)]
struct Lazy {
    pattern: String,
    re: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn new(pattern: String) -> Self {
        Lazy {
            pattern,
            re: OnceLock::new(),
        }
    }

    fn build(&self) -> Result<Regex, regex::Error> {
        RegexBuilder::new(&self.pattern)
            .case_insensitive(true)
            .size_limit(SIZE_LIMIT)
            .build()
    }

    /// The regex, or `None` if it does not compile: the pattern parsed when the
    /// prefilter was built, so this can only be the size limit, which the unit
    /// tests rule out. A rule that cannot be compiled matches nothing, as the
    /// remover does when the whole table fails.
    fn get(&self) -> Option<&Regex> {
        self.re.get_or_init(|| self.build().ok()).as_ref()
    }
}

/// A pattern matching everything `hir` matches, that is cheap to compile and to run:
///
/// * every bounded repetition `{m,n}` (`n > 1`) becomes `{m,}`, so the automaton no
///   longer holds `n` copies of the repeated part;
/// * word-boundary assertions (`\b`) are dropped: the lazy DFA cannot evaluate a
///   Unicode `\b` on non-ASCII text (any line with a curly quote or a dash) and
///   gives the whole set to the PikeVM, which cost ~300k instructions a line.
///
/// Line anchors (`^`, `$`) stay: the DFA handles them.
fn widen(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Repetition(mut rep) => {
            rep.sub = Box::new(widen(*rep.sub));
            if rep.max.is_some_and(|n| n > 1 && n > rep.min) {
                rep.max = None;
            }
            Hir::repetition(rep)
        }
        HirKind::Capture(mut cap) => {
            cap.sub = Box::new(widen(*cap.sub));
            Hir::capture(cap)
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(widen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(widen).collect()),
        HirKind::Look(
            look @ (Look::Start
            | Look::End
            | Look::StartLF
            | Look::EndLF
            | Look::StartCRLF
            | Look::EndCRLF),
        ) => Hir::look(look),
        HirKind::Look(_) | HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

/// The prefilter set of `patterns` (see [`Compiled`]) and their lazy exact forms.
/// The syntax and matching options are the ones `regex::RegexSetBuilder` uses,
/// plus case-insensitivity, so the exact regexes and the old set agree.
fn split(patterns: Vec<String>) -> Result<(meta::Regex, Vec<Lazy>), NoiseRuleError> {
    let syntax = syntax::Config::new().case_insensitive(true);
    let hirs = patterns
        .iter()
        .map(|p| {
            syntax::parse_with(p, &syntax)
                .map(widen)
                .map_err(|e| NoiseRuleError::Syntax(e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let filter = meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::All)
                .utf8_empty(true)
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .build_many_from_hir(&hirs)
        .map_err(|e| NoiseRuleError::Prefilter(e.to_string()))?;
    Ok((filter, patterns.into_iter().map(Lazy::new).collect()))
}

/// The ids of the prefilter patterns that match `hay`, ascending.
fn candidates(filter: &meta::Regex, hay: &str) -> PatternSet {
    let mut set = PatternSet::new(filter.pattern_len());
    filter.which_overlapping_matches(&Input::new(hay), &mut set);
    set
}

impl Compiled {
    /// Compiles the rule tables. The tables are constants checked by the unit
    /// tests, so a failure here is a programming error reported as `Err`.
    pub fn new(line_rules: Vec<LineRule>, inline: Vec<InlineRule>) -> Result<Self, NoiseRuleError> {
        let anchored = line_rules
            .iter()
            .map(|r| format!(r"^(?:{})$", r.pattern))
            .collect();
        let (line_filter, line_exact) = split(anchored)?;
        let (inline_filter, inline_exact) =
            split(inline.iter().map(|r| r.pattern.to_string()).collect())?;
        Ok(Compiled {
            line_rules,
            line_filter,
            line_exact,
            inline_kinds: inline.iter().map(|r| r.kind).collect(),
            inline_filter,
            inline_exact,
        })
    }

    /// The first rule (in table order, which is priority order) matching `line`.
    pub fn classify(&self, line: &str) -> Option<LineRule> {
        // Most lines are body and match nothing. `is_match` runs on the lazy DFA;
        // `which_overlapping_matches` (all rules at once) needs the much slower
        // PikeVM, so it is only worth running on the few lines that match something
        // (a third of all `analyze` time before this check; see bench/throughput).
        if !self.line_filter.is_match(line) {
            return None;
        }
        candidates(&self.line_filter, line)
            .iter()
            .map(|id| id.as_usize())
            .find(|&i| self.line_exact[i].get().is_some_and(|re| re.is_match(line)))
            .map(|i| self.line_rules[i])
    }

    /// The inline rules that may match in `line`, as kind and exact regex, in table
    /// order.
    pub fn inline_candidates(&self, line: &str) -> Vec<(NoiseKind, &Regex)> {
        if !self.inline_filter.is_match(line) {
            return Vec::new();
        }
        candidates(&self.inline_filter, line)
            .iter()
            .map(|id| id.as_usize())
            .filter_map(|i| Some((self.inline_kinds[i], self.inline_exact[i].get()?)))
            .collect()
    }

    /// Compiles every exact regex now, so a test can show none hits the size limit.
    #[cfg(test)]
    pub fn check_exact(&self) -> Result<(), regex::Error> {
        for lazy in self.line_exact.iter().chain(&self.inline_exact) {
            lazy.build()?;
        }
        Ok(())
    }
}
