//! Contradictory titles for the same entity: within one article (the entity stage's
//! `conflicts`), and between sources (one outlet's "Belarusian President" against
//! another's "Russian President", found by [`CorpusTitles`]).

use std::collections::BTreeMap;

use narrascope_core::{Entity, EntityType};
use narrascope_entities::CorpusTitles;
use narrascope_store::{ArticleRef, EntityTitles, TitleConflictView};

/// The source of an article for cross-source checks: its outlet, else the article.
fn source(a: &ArticleRef) -> String {
    a.outlet
        .clone()
        .unwrap_or_else(|| format!("article:{}", a.id))
}

/// Every conflict in `rows` (as [`narrascope_store::Store::entity_titles`] lists
/// them): first those within articles, then those between sources, each by entity.
pub fn find(rows: &[EntityTitles]) -> Vec<TitleConflictView> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| !r.conflicts.is_empty()) {
        out.push(TitleConflictView {
            kind: "article".into(),
            entity: r.entity.clone(),
            name: r.name.clone(),
            titles: r.conflicts.clone(),
            articles: vec![r.article.clone()],
        });
    }
    let mut corpus = CorpusTitles::new();
    // (source, title) of each entity → the first article that gave it.
    let mut first: BTreeMap<(&str, String, &str), &ArticleRef> = BTreeMap::new();
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.titles.is_empty()) {
        let src = source(&r.article);
        for t in &r.titles {
            first
                .entry((r.entity.as_str(), src.clone(), t.as_str()))
                .or_insert(&r.article);
        }
        names.entry(r.entity.as_str()).or_insert(r.name.as_str());
        let entity = Entity {
            id: r.entity.clone(),
            name: r.name.clone(),
            // The type plays no part in title checks.
            etype: EntityType::Person,
            titles: r.titles.clone(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            conflicts: Vec::new(),
        };
        corpus.add(&src, std::slice::from_ref(&entity));
    }
    for c in corpus.conflicts() {
        let article = |(src, title): &(String, String)| {
            first
                .get(&(c.entity.as_str(), src.clone(), title.as_str()))
                .map(|a| (*a).clone())
        };
        let (Some(a), Some(b)) = (article(&c.first), article(&c.second)) else {
            continue;
        };
        out.push(TitleConflictView {
            kind: "sources".into(),
            name: names
                .get(c.entity.as_str())
                .copied()
                .unwrap_or("")
                .to_string(),
            entity: c.entity,
            titles: vec![c.first.1, c.second.1],
            articles: vec![a, b],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(article: &str, outlet: &str, titles: &[&str], conflicts: &[&str]) -> EntityTitles {
        EntityTitles {
            entity: "person:alexander-lukashenko".into(),
            name: "Alexander Lukashenko".into(),
            etype: "person".into(),
            article: ArticleRef {
                id: article.into(),
                title: None,
                outlet: Some(outlet.into()),
                date: None,
            },
            titles: titles.iter().map(|t| t.to_string()).collect(),
            conflicts: conflicts.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn flags_conflicts_within_articles_and_between_sources() {
        let rows = [
            row("a", "BelTA", &["Belarusian President"], &[]),
            row("b", "Other", &["Russian President"], &[]),
            row("c", "Third", &["President"], &[]),
            row(
                "d",
                "Fourth",
                &["Belarusian President", "Russian President"],
                &["Belarusian President", "Russian President"],
            ),
        ];
        let found = find(&rows);
        let within: Vec<_> = found.iter().filter(|c| c.kind == "article").collect();
        assert_eq!(within.len(), 1);
        assert_eq!(within[0].articles[0].id, "d");
        let between: Vec<_> = found.iter().filter(|c| c.kind == "sources").collect();
        assert!(between
            .iter()
            .any(|c| c.articles[0].id == "a" && c.articles[1].id == "b"));
        // "President" names no country: it contradicts nothing.
        assert!(between
            .iter()
            .all(|c| c.articles.iter().all(|a| a.id != "c")));
    }

    #[test]
    fn agreeing_sources_are_no_conflict() {
        let rows = [
            row("a", "BelTA", &["Belarusian President"], &[]),
            row("b", "Other", &["President of Belarus"], &[]),
        ];
        assert!(find(&rows).is_empty());
    }
}
