//! Title conflicts across a corpus: one outlet calls Alexander Lukashenko "Belarusian
//! President", another "Russian President". Within one article the stage fills
//! `Entity::conflicts`; across articles, feed every article's entities to a
//! [`CorpusTitles`] and ask for its [`CorpusTitles::conflicts`].

use std::collections::BTreeMap;

use narrascope_core::Entity;
use serde::Serialize;

use crate::lexicon::{country_alias, demonym_country, is_leader_head, is_title_head};
use crate::tokenize::tokenize;

/// Two sources that disagree on a title of the same entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TitleConflict {
    /// The entity's corpus id.
    pub entity: String,
    /// (source, title) seen first.
    pub first: (String, String),
    /// (source, title) that contradicts it.
    pub second: (String, String),
}

/// The office a title names and the countries it ties it to.
fn parse_title(title: &str) -> (Option<String>, Vec<String>) {
    let toks = tokenize(title);
    let lower: Vec<String> = toks
        .iter()
        .map(|t| crate::features::normalize(t.text(title)))
        .collect();
    let head = lower.iter().rev().find(|w| is_title_head(w)).cloned();
    let mut countries: Vec<String> = lower
        .iter()
        .filter_map(|w| demonym_country(w).or_else(|| country_alias(w)))
        .map(str::to_string)
        .collect();
    countries.sort();
    countries.dedup();
    (head, countries)
}

/// Titles per entity id, per source, in the order added.
#[derive(Clone, Debug, Default)]
pub struct CorpusTitles {
    seen: BTreeMap<String, Vec<(String, String)>>,
}

impl CorpusTitles {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the titles of one article's entities; `source` names the outlet or article.
    pub fn add(&mut self, source: &str, entities: &[Entity]) {
        for e in entities {
            let list = self.seen.entry(e.id.clone()).or_default();
            for t in &e.titles {
                if !list.iter().any(|(s, x)| s == source && x == t) {
                    list.push((source.to_string(), t.clone()));
                }
            }
        }
    }

    /// Pairs of titles from different sources that tie the same office of the same entity
    /// to different countries, in entity-id order.
    pub fn conflicts(&self) -> Vec<TitleConflict> {
        let mut out = Vec::new();
        for (id, list) in &self.seen {
            let parsed: Vec<_> = list.iter().map(|(_, t)| parse_title(t)).collect();
            for i in 0..list.len() {
                for j in i + 1..list.len() {
                    if list[i].0 == list[j].0 {
                        continue; // within one source: the stage already reports it
                    }
                    let ((ha, ca), (hb, cb)) = (&parsed[i], &parsed[j]);
                    let (Some(ha), Some(hb)) = (ha, hb) else {
                        continue;
                    };
                    let same_office = ha == hb || (is_leader_head(ha) && is_leader_head(hb));
                    let disjoint =
                        !ca.is_empty() && !cb.is_empty() && !ca.iter().any(|c| cb.contains(c));
                    if same_office && disjoint {
                        out.push(TitleConflict {
                            entity: id.clone(),
                            first: list[i].clone(),
                            second: list[j].clone(),
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use narrascope_core::EntityType;

    fn person(titles: &[&str]) -> Entity {
        Entity {
            id: "person:alexander-lukashenko".into(),
            name: "Alexander Lukashenko".into(),
            etype: EntityType::Person,
            titles: titles.iter().map(|t| t.to_string()).collect(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    #[test]
    fn flags_sources_that_disagree() {
        let mut c = CorpusTitles::new();
        c.add("belta", &[person(&["Belarusian President"])]);
        c.add("other", &[person(&["President"])]); // no country: no conflict
        c.add("wrong", &[person(&["Russian President"])]);
        c.add("fine", &[person(&["Belarusian leader"])]);
        let got = c.conflicts();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].second, ("wrong".into(), "Russian President".into()));
        assert_eq!(got[1].first.0, "wrong");
        assert_eq!(parse_title("U.S. Secretary of State").1, ["United States"]);
    }
}
