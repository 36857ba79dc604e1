//! The SemEval-2025 Task 10 taxonomy as code: 2 domains, 21 narratives, 96
//! sub-narratives (the 91 of the official class file plus the 5 it misses, all used in
//! the gold data) and the 22 fine entity roles under 3 main roles.
//!
//! The tables in `taxonomy/*.tsv` are generated from the organisers' taxonomy by
//! `scripts/gen_taxonomy.py`; they hold names, the hierarchy and short keyword lists
//! derived from the definitions (never the definitions themselves).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The label of documents that advance none of the narratives.
pub const OTHER: &str = "Other";

const LABELS_TSV: &str = include_str!("../taxonomy/labels.tsv");
const ROLES_TSV: &str = include_str!("../taxonomy/roles.tsv");

/// The two topical domains of the taxonomy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    /// Ukraine–Russia war.
    Urw,
    /// Climate change.
    Cc,
}

impl Domain {
    /// Both domains, in a fixed order.
    pub const ALL: [Domain; 2] = [Domain::Urw, Domain::Cc];

    /// The prefix the labels use (`"URW"`, `"CC"`).
    pub fn prefix(self) -> &'static str {
        match self {
            Domain::Urw => "URW",
            Domain::Cc => "CC",
        }
    }

    /// The domain a label belongs to (`None` for `"Other"` and unknown prefixes).
    pub fn of_label(label: &str) -> Option<Domain> {
        match label.split(':').next()? {
            "URW" => Some(Domain::Urw),
            "CC" => Some(Domain::Cc),
            _ => None,
        }
    }
}

/// A narrative or sub-narrative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Its full name as the SemEval files spell it.
    pub name: &'static str,
    /// Its domain.
    pub domain: Domain,
    /// For a sub-narrative: the index of its narrative in [`Taxonomy::narratives`].
    pub parent: Option<usize>,
    /// Whether the official sub-narrative class file lists it (narratives: always).
    pub official: bool,
    /// Keywords derived from the label's definition and examples.
    pub keywords: Vec<&'static str>,
}

impl Label {
    /// Whether this is a catch-all `"<narrative>: Other"` sub-narrative.
    pub fn is_other(&self) -> bool {
        self.name.ends_with(": Other")
    }
}

/// A fine entity role under its main role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// `Protagonist`, `Antagonist` or `Innocent`.
    pub main: &'static str,
    /// The fine role (`Guardian`, `Foreign Adversary`, …).
    pub fine: &'static str,
    /// Keywords derived from the role description.
    pub keywords: Vec<&'static str>,
}

/// The whole taxonomy, parsed once from the embedded tables.
#[derive(Debug)]
pub struct Taxonomy {
    /// The 21 narratives (without `"Other"`).
    pub narratives: Vec<Label>,
    /// The 95 sub-narratives (without `"Other"`); with `"Other"` they are the 96 labels
    /// of the complete class list.
    pub subnarratives: Vec<Label>,
    /// The 22 fine entity roles.
    pub roles: Vec<Role>,
    narrative_index: HashMap<&'static str, usize>,
    subnarrative_index: HashMap<&'static str, usize>,
}

impl Taxonomy {
    /// The taxonomy (parsed on first use).
    pub fn get() -> &'static Taxonomy {
        static T: OnceLock<Taxonomy> = OnceLock::new();
        T.get_or_init(Taxonomy::parse)
    }

    fn parse() -> Taxonomy {
        let mut narratives = Vec::new();
        let mut subnarratives = Vec::new();
        let mut narrative_index = HashMap::new();
        let mut subnarrative_index = HashMap::new();
        // The tables are generated and embedded, so a malformed row is a build bug:
        // the unit tests below parse them.
        for line in LABELS_TSV.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let (kind, name, parent, official, kw) = (f[0], f[2], f[3], f[4], f[5]);
            let domain = Domain::of_label(name).expect("label with a domain prefix");
            let keywords = kw.split_whitespace().collect();
            if kind == "narrative" {
                narrative_index.insert(name, narratives.len());
                narratives.push(Label {
                    name,
                    domain,
                    parent: None,
                    official: true,
                    keywords,
                });
            } else {
                subnarrative_index.insert(name, subnarratives.len());
                subnarratives.push(Label {
                    name,
                    domain,
                    parent: Some(narrative_index[parent]),
                    official: official == "1",
                    keywords,
                });
            }
        }
        let roles = ROLES_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                Role {
                    main: f[0],
                    fine: f[1],
                    keywords: f[2].split_whitespace().collect(),
                }
            })
            .collect();
        Taxonomy {
            narratives,
            subnarratives,
            roles,
            narrative_index,
            subnarrative_index,
        }
    }

    /// Index of a narrative by name.
    pub fn narrative(&self, name: &str) -> Option<usize> {
        self.narrative_index.get(name).copied()
    }

    /// Index of a sub-narrative by name.
    pub fn subnarrative(&self, name: &str) -> Option<usize> {
        self.subnarrative_index.get(name).copied()
    }

    /// The coarse class list the official scorer uses: the narratives and `"Other"`.
    pub fn coarse_classes(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.narratives.iter().map(|l| l.name).collect();
        v.push(OTHER);
        v
    }

    /// The fine class list: the official 91 labels, or all 96 when `complete`.
    pub fn fine_classes(&self, complete: bool) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self
            .subnarratives
            .iter()
            .filter(|l| complete || l.official)
            .map(|l| l.name)
            .collect();
        v.push(OTHER);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_task() {
        let t = Taxonomy::get();
        assert_eq!(t.narratives.len(), 21);
        assert_eq!(t.subnarratives.len(), 95);
        assert_eq!(t.fine_classes(true).len(), 96);
        assert_eq!(t.fine_classes(false).len(), 91);
        assert_eq!(t.coarse_classes().len(), 22);
        assert_eq!(t.roles.len(), 22);
        let mains: std::collections::BTreeSet<_> = t.roles.iter().map(|r| r.main).collect();
        assert_eq!(mains.len(), 3);
    }

    #[test]
    fn every_subnarrative_sits_under_its_narrative() {
        let t = Taxonomy::get();
        for s in &t.subnarratives {
            let p = &t.narratives[s.parent.unwrap()];
            assert!(s.name.starts_with(&format!("{}: ", p.name)), "{}", s.name);
            assert_eq!(s.domain, p.domain);
        }
        // Every narrative has its catch-all.
        for n in &t.narratives {
            assert!(t.subnarrative(&format!("{}: Other", n.name)).is_some());
        }
    }
}
