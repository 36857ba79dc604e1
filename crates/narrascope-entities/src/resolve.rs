//! Merging mentions into the canonical entities of one article.
//!
//! Names first, longest first, so "Alexander Lukashenko" founds the entity that
//! "Lukashenko" then joins (surname), as "European Union" founds the one "EU" joins
//! (acronym). Then, in text order, descriptions join the recent person whose titles fit
//! ("the Belarusian leader" → the person titled "Belarusian President") and pronouns the
//! nearest preceding person of compatible gender. Every lookup is a hash probe or a scan
//! of a short recency list, so the cost is linear in the number of mentions.

use std::collections::HashMap;

use narrascope_core::{Entity, EntityType, Mention, MentionKind};

use crate::lexicon::{country_alias, is_leader_head, Gender};
use crate::mentions::{RawMention, Title};

/// How many recently mentioned people a description or pronoun may refer to.
const RECENT: usize = 16;
/// A pronoun refers to someone mentioned at most this many sentences earlier.
const PRONOUN_REACH: usize = 2;

struct Ent {
    etype: EntityType,
    name: String,
    titles: Vec<Title>,
    aliases: Vec<String>,
    mentions: Vec<usize>,
    gender: Gender,
    last_sentence: usize,
}

/// The id of an entity: type and a slug of its canonical name (`person:alexander-lukashenko`).
pub fn entity_id(etype: EntityType, name: &str) -> String {
    let prefix = match etype {
        EntityType::Person => "person",
        EntityType::Org => "org",
        EntityType::Loc => "loc",
        EntityType::Group => "group",
        EntityType::Misc => "misc",
    };
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("{prefix}:{slug}")
}

/// Acronym of a multi-word name ("European Union" → "eu"), or `None`.
fn acronym(words: &[String]) -> Option<String> {
    let sig: Vec<&String> = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "&" | "de"))
        .collect();
    if sig.len() < 2 {
        return None;
    }
    sig.iter().map(|w| w.chars().next()).collect()
}

/// Lowercased name key without dots ("u.s." and "us" meet) and with a leading "the" dropped.
fn key_of(words: &[String]) -> String {
    let start = usize::from(words.len() > 1 && words[0] == "the");
    words[start..].join(" ").replace('.', "")
}

/// Resolves raw mentions (any order) into mentions in text order and entities in order of
/// first mention.
pub(crate) fn resolve(
    mut raw: Vec<RawMention>,
    is_place: &dyn Fn(&str) -> bool,
) -> (Vec<Mention>, Vec<Entity>) {
    raw.sort_by_key(|m| (m.span.start, m.span.end));
    raw.dedup_by_key(|m| m.span);
    let mut ents: Vec<Ent> = Vec::new();
    let mut link: Vec<Option<usize>> = vec![None; raw.len()];

    // Names, longest first (ties in text order).
    let mut order: Vec<usize> = (0..raw.len())
        .filter(|i| raw[*i].kind == MentionKind::Name)
        .collect();
    order.sort_by_key(|i| (std::cmp::Reverse(raw[*i].words.len()), *i));
    let mut exact: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut surname: HashMap<String, usize> = HashMap::new();
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    // One-word names of listed places that the tagger calls a place more often than a
    // person ("Bakhmut" once a person in a run-on headline, five times a place) are
    // that place; a surname of a person named in full still joins the person below.
    let mut votes: HashMap<String, (usize, usize)> = HashMap::new();
    for m in raw
        .iter()
        .filter(|m| m.kind == MentionKind::Name && m.words.len() == 1)
    {
        let v = votes.entry(key_of(&m.words)).or_default();
        match m.etype {
            EntityType::Person => v.0 += 1,
            EntityType::Loc => v.1 += 1,
            _ => {}
        }
    }
    for i in order {
        let m = &raw[i];
        let mut key = key_of(&m.words);
        let mut etype = m.etype;
        if etype == EntityType::Person
            && m.words.len() == 1
            && !surname.contains_key(&key)
            && votes.get(&key).is_some_and(|&(per, loc)| loc > per)
            && is_place(&key)
        {
            etype = EntityType::Loc;
        }
        if etype == EntityType::Loc {
            if let Some(c) = country_alias(&m.words.join(" ")) {
                key = c.to_lowercase();
            }
        }
        // A name already known as a person is that person whatever the tagger said here.
        let found = exact
            .get(&(EntityType::Person, key.clone()))
            .or_else(|| (m.words.len() == 1).then(|| surname.get(&key)).flatten())
            .copied()
            .inspect(|_| etype = EntityType::Person)
            .or_else(|| exact.get(&(etype, key.clone())).copied())
            .or_else(|| {
                (etype == EntityType::Org && m.words.len() == 1)
                    .then(|| acronyms.get(&key))
                    .flatten()
                    .copied()
            });
        let e = match found {
            Some(e) => e,
            None => {
                let name = match (etype, country_alias(&m.words.join(" "))) {
                    (EntityType::Loc, Some(c)) => c.to_string(),
                    _ => m.text.clone(),
                };
                ents.push(Ent {
                    etype,
                    name,
                    titles: Vec::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    gender: Gender::Unknown,
                    last_sentence: 0,
                });
                let e = ents.len() - 1;
                exact.insert((etype, key.clone()), e);
                if etype == EntityType::Person && m.words.len() > 1 {
                    if let Some(last) = m.words.last() {
                        surname.entry(last.replace('.', "")).or_insert(e);
                    }
                }
                if etype == EntityType::Org {
                    if let Some(a) = acronym(&m.words) {
                        acronyms.entry(a).or_insert(e);
                    }
                }
                e
            }
        };
        // A short name that joins a longer one is remembered exactly too.
        exact.entry((ents[e].etype, key)).or_insert(e);
        link[i] = Some(e);
    }

    // Text order: record mentions, resolve descriptions and pronouns.
    let mut recent: Vec<usize> = Vec::new();
    let touch = |recent: &mut Vec<usize>, e: usize| {
        if let Some(p) = recent.iter().position(|x| *x == e) {
            recent.remove(p);
        }
        recent.insert(0, e);
        recent.truncate(RECENT);
    };
    for i in 0..raw.len() {
        let m = &raw[i];
        match m.kind {
            MentionKind::Name => {
                let Some(e) = link[i] else { continue };
                let ent = &mut ents[e];
                if ent.gender == Gender::Unknown {
                    ent.gender = m.gender;
                }
                for t in &m.titles {
                    if !ent
                        .titles
                        .iter()
                        .any(|x| x.text.eq_ignore_ascii_case(&t.text))
                    {
                        ent.titles.push(t.clone());
                    }
                }
                ent.last_sentence = m.sentence;
                if ent.etype == EntityType::Person {
                    touch(&mut recent, e);
                }
            }
            MentionKind::Nominal => {
                let head = m.head.as_deref().unwrap_or("");
                let mut best: Option<(f32, usize)> = None;
                for (rank, &e) in recent.iter().enumerate() {
                    let ent = &ents[e];
                    let ent_countries: Vec<&String> =
                        ent.titles.iter().flat_map(|t| t.countries.iter()).collect();
                    let mut score = 0f32;
                    if !m.countries.is_empty() && !ent_countries.is_empty() {
                        if m.countries.iter().any(|c| ent_countries.contains(&c)) {
                            score += 3.0;
                        } else {
                            continue; // "the Russian leader" is not the Belarusian one
                        }
                    }
                    if ent.titles.iter().any(|t| t.head == head) {
                        score += 2.0;
                    } else if is_leader_head(head)
                        && ent.titles.iter().any(|t| is_leader_head(&t.head))
                    {
                        score += 1.0;
                    }
                    score += match rank {
                        0 => 1.0,
                        1 => 0.5,
                        _ => 0.0,
                    };
                    if score >= 2.0 && best.is_none_or(|(b, _)| score > b) {
                        best = Some((score, e));
                    }
                }
                if let Some((_, e)) = best {
                    link[i] = Some(e);
                    let ent = &mut ents[e];
                    if !ent.aliases.iter().any(|a| a.eq_ignore_ascii_case(&m.text)) {
                        ent.aliases.push(m.text.clone());
                    }
                    ent.last_sentence = m.sentence;
                    touch(&mut recent, e);
                }
            }
            MentionKind::Pronoun => {
                let found = recent.iter().copied().find(|&e| {
                    let ent = &ents[e];
                    ent.last_sentence + PRONOUN_REACH >= m.sentence
                        && (ent.gender == Gender::Unknown || ent.gender == m.gender)
                });
                if let Some(e) = found {
                    link[i] = Some(e);
                    let ent = &mut ents[e];
                    if ent.gender == Gender::Unknown {
                        ent.gender = m.gender;
                    }
                    ent.last_sentence = m.sentence;
                    touch(&mut recent, e);
                }
            }
        }
    }

    // Aliases from names; entity order = first mention.
    let mut first: Vec<Option<usize>> = vec![None; ents.len()];
    for (i, l) in link.iter().enumerate() {
        if let Some(e) = *l {
            ents[e].mentions.push(i);
            first[e].get_or_insert(i);
            let m = &raw[i];
            if m.kind == MentionKind::Name
                && m.text != ents[e].name
                && !ents[e].aliases.contains(&m.text)
            {
                ents[e].aliases.push(m.text.clone());
            }
        }
    }
    let mut ent_order: Vec<usize> = (0..ents.len()).filter(|e| first[*e].is_some()).collect();
    ent_order.sort_by_key(|e| first[*e]);
    let mut new_index = vec![None; ents.len()];
    for (k, e) in ent_order.iter().enumerate() {
        new_index[*e] = Some(k);
    }
    let mentions = raw
        .iter()
        .zip(&link)
        .map(|(m, l)| Mention {
            span: m.span,
            etype: l.map_or(m.etype, |e| ents[e].etype),
            kind: m.kind,
            entity: l.and_then(|e| new_index[e]),
        })
        .collect();
    let entities = ent_order
        .into_iter()
        .map(|e| {
            let ent = &ents[e];
            Entity {
                id: entity_id(ent.etype, &ent.name),
                name: ent.name.clone(),
                etype: ent.etype,
                titles: ent.titles.iter().map(|t| t.text.clone()).collect(),
                aliases: ent.aliases.clone(),
                mentions: ent.mentions.clone(),
                conflicts: title_conflicts(&ent.titles),
            }
        })
        .collect();
    (mentions, entities)
}

/// Pairs of titles that give one person different countries for the same kind of office
/// ("Belarusian President" and "Russian President").
fn title_conflicts(titles: &[Title]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, a) in titles.iter().enumerate() {
        for b in &titles[i + 1..] {
            let same_office =
                a.head == b.head || (is_leader_head(&a.head) && is_leader_head(&b.head));
            let disjoint = !a.countries.is_empty()
                && !b.countries.is_empty()
                && !a.countries.iter().any(|c| b.countries.contains(c));
            if same_office && disjoint {
                out.push(format!("title conflict: '{}' vs '{}'", a.text, b.text));
            }
        }
    }
    out
}
