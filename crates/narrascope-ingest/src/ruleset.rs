//! A table of regexes tested together, cheap to build.
//!
//! Rule tables (noise lines, outlet signatures) hold dozens of patterns, and their
//! counted repetitions (`.{0,800}`, a name of `[^,;:…]{0,58}`) are compiled as one
//! copy of the repeated part per count: compiling the tables eagerly was most of
//! `analyze`'s start-up. A [`RuleSet`] compiles instead
//!
//! * one *prefilter* per pattern, from the pattern widened by [`widen`]: it matches a
//!   superset of what the pattern matches and is small;
//! * each exact pattern as a [`Regex`], on first use, once its prefilter has matched
//!   (most rules never fire on a given corpus).
//!
//! A rule matches exactly when its exact regex does, so callers that confirm every
//! candidate with [`RuleSet::exact`] get the results of testing every regex.
//!
//! The prefilters are separate automata, not one for the whole table: one lazy DFA
//! for a table of unanchored patterns with open gaps (`.+`, a name) has a state for
//! every combination of partly matched patterns, and new lines kept adding states
//! (~11k instructions each): 0.29 G of the 3.0 G instructions of `narrascope quotes`
//! on the 84 PolNeAR dev articles (callgrind). Apart, each pattern's automaton stays
//! small, and one that starts with a literal is skipped over by a literal search.

use std::sync::OnceLock;

use std::ops::Range;

use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::{captures, syntax};
use regex_automata::MatchKind;
use regex_syntax::hir::{Class, ClassBytes, ClassBytesRange, Hir, HirKind, Look, Repetition};

/// Compiled patterns are small; this bound only guards against a pattern typo
/// producing a huge automaton.
const SIZE_LIMIT: usize = 64 << 20;

/// Unicode classes with at most this many non-ASCII characters (a case-folded
/// letter, `\s`) stay exact in the prefilter; larger ones (`[^,;:]`, `\w`, `.`,
/// `\p{Lu}`) become byte classes (see [`widen`]).
const SMALL_CLASS: u32 = 100;

/// Why a rule table does not compile (a programming error the unit tests catch).
#[derive(Debug, thiserror::Error)]
pub enum RuleSetError {
    /// A pattern does not parse.
    #[error("rule pattern does not parse: {0}")]
    Syntax(String),
    /// The prefilter automaton failed to build.
    #[error("rule prefilter does not compile: {0}")]
    Prefilter(String),
}

/// Patterns tested through their prefilters, each confirmed by its exact regex.
#[derive(Debug)]
pub(crate) struct RuleSet {
    filters: Vec<meta::Regex>,
    exact: Vec<Lazy>,
}

/// An exact regex compiled on first use.
#[derive(Debug)]
struct Lazy {
    pattern: String,
    case_insensitive: bool,
    re: OnceLock<Option<Exact>>,
}

impl Lazy {
    /// The pattern with `regex::Regex`'s syntax and match semantics (leftmost-first,
    /// no empty match inside a UTF-8 character), run without the lazy DFA.
    ///
    /// The lazy DFA needs a second, reversed NFA, and the NFAs of these patterns are
    /// large (`.{0,800}` is 800 copies of a UTF-8 "any character"). Compiled the way
    /// `regex::Regex` compiles them, the five exact patterns `narrascope quotes`
    /// needs on the 84 PolNeAR dev articles took 0.13 G of its 2.45 G instructions
    /// (callgrind); without the lazy DFA, 0.06 G. Their searches then run on the
    /// bounded backtracker (0.04 G more), which is fast enough for the few lines a
    /// prefilter lets through: 2.37 G in all, same output.
    fn build(&self) -> Result<Exact, Box<meta::BuildError>> {
        meta::Builder::new()
            .configure(
                meta::Config::new()
                    .match_kind(MatchKind::LeftmostFirst)
                    .utf8_empty(true)
                    .nfa_size_limit(Some(SIZE_LIMIT))
                    .hybrid(false)
                    .dfa(false),
            )
            .syntax(
                syntax::Config::new()
                    .utf8(true)
                    .case_insensitive(self.case_insensitive),
            )
            .build(&self.pattern)
            .map(Exact)
            .map_err(Box::new)
    }

    /// The regex, or `None` if it does not compile: the pattern parsed when the
    /// prefilter was built, so this can only be the size limit, which the unit
    /// tests rule out. A rule that cannot be compiled matches nothing.
    fn get(&self) -> Option<&Exact> {
        self.re.get_or_init(|| self.build().ok()).as_ref()
    }
}

/// One exact pattern of a [`RuleSet`], with the part of `regex::Regex`'s interface
/// the rule tables use.
#[derive(Debug)]
pub(crate) struct Exact(meta::Regex);

impl Exact {
    /// Whether the pattern matches somewhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.0.is_match(hay)
    }

    /// The byte ranges of the successive non-overlapping matches in `hay`.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.0.find_iter(hay).map(|m| m.range())
    }

    /// The groups of the first match in `hay`.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.0.create_captures();
        self.0.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }
}

/// The groups of one match of an [`Exact`] pattern.
#[derive(Debug)]
pub(crate) struct Captures<'h> {
    hay: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'h>> {
        self.caps.get_group(i).map(|s| Group {
            hay: self.hay,
            range: s.range(),
        })
    }

    /// The named group `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        self.caps.get_group_by_name(name).map(|s| Group {
            hay: self.hay,
            range: s.range(),
        })
    }
}

/// One matched group: a byte range of the searched text.
#[derive(Clone, Debug)]
pub(crate) struct Group<'h> {
    hay: &'h str,
    range: Range<usize>,
}

impl<'h> Group<'h> {
    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.range.clone()]
    }

    /// Its byte range in the searched text.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

impl RuleSet {
    /// The set of `patterns`, with the syntax and matching options of
    /// `regex::RegexBuilder` (case-insensitive if asked).
    pub fn new(patterns: Vec<String>, case_insensitive: bool) -> Result<Self, RuleSetError> {
        let syntax = syntax::Config::new().case_insensitive(case_insensitive);
        let hirs = patterns
            .iter()
            .map(|p| {
                syntax::parse_with(p, &syntax)
                    .map(widen)
                    .map_err(|e| RuleSetError::Syntax(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let builder = {
            let mut b = meta::Builder::new();
            b.configure(
                meta::Config::new()
                    .utf8_empty(true)
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(SIZE_LIMIT)),
            );
            b
        };
        let filters = hirs
            .iter()
            .map(|hir| {
                builder
                    .build_from_hir(hir)
                    .map_err(|e| RuleSetError::Prefilter(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let exact = patterns
            .into_iter()
            .map(|pattern| Lazy {
                pattern,
                case_insensitive,
                re: OnceLock::new(),
            })
            .collect();
        Ok(RuleSet { filters, exact })
    }

    /// The indices of the patterns that may match somewhere in `hay`, ascending: a
    /// superset of those that do.
    pub fn candidates(&self, hay: &str) -> Vec<usize> {
        self.filters
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_match(hay))
            .map(|(i, _)| i)
            .collect()
    }

    /// Pattern `i`, compiled (on first use); `None` if it cannot be compiled.
    pub fn exact(&self, i: usize) -> Option<&Exact> {
        self.exact.get(i)?.get()
    }

    /// The captures of the first pattern, in table order, that matches in `hay`.
    pub fn first_captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.candidates(hay)
            .into_iter()
            .find_map(|i| self.exact(i)?.captures(hay))
    }

    /// Compiles every exact regex now, so a test can show none fails.
    #[cfg(test)]
    pub fn check_exact(&self) -> Result<(), Box<meta::BuildError>> {
        for lazy in &self.exact {
            lazy.build()?;
        }
        Ok(())
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
/// * every large Unicode class becomes a byte class: its ASCII members, or one or
///   more bytes `\x80-\xFF` (which every non-ASCII character is in UTF-8). A class
///   such as `[^,;:!?|()\n]` is otherwise dozens of UTF-8 states, which the lazy DFA
///   multiplies across the table's patterns. Small classes (a case-folded Cyrillic
///   letter) stay exact: as "any non-ASCII bytes" they would let every line with a
///   curly quote through to the slow overlapping search. Measured on the 84 PolNeAR
///   dev articles (callgrind): building the tables 0.26 G -> 0.16 G instructions,
///   searching them about the same (the lazy DFA's cost is its number of states).
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
        HirKind::Class(Class::Unicode(class)) => {
            let ascii = ClassBytes::new(
                class
                    .ranges()
                    .iter()
                    .filter(|r| r.start().is_ascii())
                    .map(|r| ClassBytesRange::new(r.start() as u8, r.end().min('\x7f') as u8)),
            );
            let non_ascii: u32 = class
                .ranges()
                .iter()
                .filter(|r| !r.end().is_ascii())
                .map(|r| u32::from(r.end()) - u32::from(r.start().max('\u{80}')) + 1)
                .sum();
            if non_ascii > 0 && non_ascii <= SMALL_CLASS {
                return Hir::class(Class::Unicode(class));
            }
            let non_ascii = non_ascii > 0;
            let high = Hir::repetition(Repetition {
                min: 1,
                max: None,
                greedy: true,
                sub: Box::new(Hir::class(Class::Bytes(ClassBytes::new([
                    ClassBytesRange::new(0x80, 0xFF),
                ])))),
            });
            match (ascii.ranges().is_empty(), non_ascii) {
                (_, false) => Hir::class(Class::Bytes(ascii)),
                (true, true) => high,
                (false, true) => Hir::alternation(vec![Hir::class(Class::Bytes(ascii)), high]),
            }
        }
        HirKind::Class(class) => Hir::class(class),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_confirmed_by_the_exact_pattern() {
        let set = RuleSet::new(
            vec![
                r"^note:.{0,5}$".into(),
                r"\bcat\b".into(),
                r"(?-i:Dog)".into(),
            ],
            true,
        )
        .unwrap();
        // Widened, the first pattern accepts any length and the second any "cat".
        assert_eq!(set.candidates("Note: far too long"), vec![0]);
        assert!(!set.exact(0).unwrap().is_match("Note: far too long"));
        assert!(set.exact(0).unwrap().is_match("NOTE: ok"));
        assert_eq!(set.candidates("concatenate"), vec![1]);
        assert!(!set.exact(1).unwrap().is_match("concatenate"));
        assert_eq!(set.candidates("a dog"), Vec::<usize>::new());
        assert_eq!(set.candidates("a Dog"), vec![2]);
        assert!(set.exact(3).is_none());
    }

    #[test]
    fn large_unicode_classes_still_match_non_ascii_text() {
        let set = RuleSet::new(
            vec![
                r"^\s*(?:источник)\s*:\s*(?P<n>[^\s.,;:!?|(][^,;:!?|()\n]{0,58}?)\s*$".into(),
                r"^(?P<n>[\p{Lu}][\p{L}.'’ -]{1,40}),\s*$".into(),
                r"\w+ь".into(),
            ],
            true,
        )
        .unwrap();
        assert_eq!(set.candidates("ИСТОЧНИК: РИА Новости"), vec![0]);
        assert_eq!(set.candidates("Éire Ó’Brien,"), vec![1]);
        assert_eq!(set.candidates("Сибирь"), vec![2]);
        assert_eq!(set.candidates("Sibir"), Vec::<usize>::new());
    }
}
