//! Corpus-wide ids: an article that only says "Putin" gives `person:putin`; when other
//! articles of the corpus name exactly one "… Putin" in full, that is who it means.
//! Collect every article's entities in a [`CorpusIds`], then ask [`CorpusIds::canonical`].

use std::collections::{BTreeSet, HashMap};

use narrascope_core::{Entity, EntityType};

use crate::resolve::entity_id;

/// Full names of people seen in a corpus, by surname.
#[derive(Clone, Debug, Default)]
pub struct CorpusIds {
    by_surname: HashMap<String, BTreeSet<String>>,
}

fn surname_key(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (words.len() > 1).then(|| words[words.len() - 1].to_lowercase())
}

impl CorpusIds {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one article's entities.
    pub fn add(&mut self, entities: &[Entity]) {
        for e in entities.iter().filter(|e| e.etype == EntityType::Person) {
            if let Some(k) = surname_key(&e.name) {
                self.by_surname.entry(k).or_default().insert(e.id.clone());
            }
        }
    }

    /// The corpus id of `e`: for a person known by one name only, the id of the single
    /// full name with that surname in the corpus; otherwise its own id.
    pub fn canonical(&self, e: &Entity) -> String {
        if e.etype == EntityType::Person && !e.name.contains(char::is_whitespace) {
            if let Some(ids) = self.by_surname.get(&e.name.to_lowercase()) {
                if ids.len() == 1 {
                    return ids.iter().next().cloned().unwrap_or_else(|| e.id.clone());
                }
            }
        }
        if e.id.is_empty() {
            entity_id(e.etype, &e.name)
        } else {
            e.id.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Entity {
        Entity {
            id: entity_id(EntityType::Person, name),
            name: name.into(),
            etype: EntityType::Person,
            titles: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    #[test]
    fn surname_only_people_join_the_unique_full_name() {
        let mut ids = CorpusIds::new();
        ids.add(&[person("Vladimir Putin"), person("Joe Biden")]);
        ids.add(&[person("Hunter Biden")]);
        assert_eq!(ids.canonical(&person("Putin")), "person:vladimir-putin");
        // Two Bidens: a bare "Biden" stays ambiguous.
        assert_eq!(ids.canonical(&person("Biden")), "person:biden");
        assert_eq!(ids.canonical(&person("Joe Biden")), "person:joe-biden");
    }
}
