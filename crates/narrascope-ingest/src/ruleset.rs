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

use regex::{Captures, Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
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
    re: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn build(&self) -> Result<Regex, regex::Error> {
        RegexBuilder::new(&self.pattern)
            .case_insensitive(self.case_insensitive)
            .size_limit(SIZE_LIMIT)
            .build()
    }

    /// The regex, or `None` if it does not compile: the pattern parsed when the
    /// prefilter was built, so this can only be the size limit, which the unit
    /// tests rule out. A rule that cannot be compiled matches nothing.
    fn get(&self) -> Option<&Regex> {
        self.re.get_or_init(|| self.build().ok()).as_ref()
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
    pub fn exact(&self, i: usize) -> Option<&Regex> {
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
    pub fn check_exact(&self) -> Result<(), regex::Error> {
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
