//! The conformance suite of the `Store` trait, run against every back end: SQLite in
//! memory and on disk always; PostgreSQL when `NARRASCOPE_TEST_PG=postgres://…` names
//! a server (each test then works in a schema of its own, dropped afterwards);
//! `scripts/with-postgres.sh cargo test -p narrascope-store` starts a throwaway one.

mod common;

use common::{prepared, record, with};
use narrascope_store::{migrations, Page, PreparedArticle, SqliteStore, Store, StoreError};
use serde_json::json;

/// Runs `check` on a fresh store of every available back end.
fn each_store(check: impl Fn(&mut dyn Store)) {
    let mut memory = SqliteStore::in_memory().unwrap();
    check(&mut memory);
    let dir = tempfile::tempdir().unwrap();
    let mut file = SqliteStore::open(&dir.path().join("c.db")).unwrap();
    check(&mut file);
    postgres_store(check);
}

#[cfg(feature = "postgres")]
fn postgres_store(check: impl Fn(&mut dyn Store)) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SCHEMA: AtomicUsize = AtomicUsize::new(0);
    let Ok(url) = std::env::var("NARRASCOPE_TEST_PG") else {
        eprintln!("PostgreSQL conformance skipped: set NARRASCOPE_TEST_PG=postgres://… to run it");
        return;
    };
    let schema = format!(
        "narrascope_test_{}_{}",
        std::process::id(),
        SCHEMA.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("NARRASCOPE_TEST_PG is set but {url} is unreachable: {e}"));
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-csearch_path%3D{schema}");
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut store = narrascope_store::PostgresStore::connect(&scoped).unwrap();
        check(&mut store);
    }));
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[cfg(not(feature = "postgres"))]
fn postgres_store(_check: impl Fn(&mut dyn Store)) {
    eprintln!("PostgreSQL conformance skipped: built without the `postgres` feature");
}

#[test]
fn fresh_store_is_fully_migrated() {
    each_store(|s| {
        assert_eq!(s.schema_version().unwrap(), migrations::latest());
        assert_eq!(s.generation().unwrap(), 0);
        assert_eq!(s.articles(Page::default()).unwrap().total, 0);
    });
}

#[test]
fn unchanged_articles_are_skipped_by_content_hash() {
    each_store(|s| {
        let batch = [
            prepared("a", "h1", 2),
            prepared("b", "h2", 0),
            prepared("c", "h3", 1),
        ];
        let first = s.ingest(&batch).unwrap();
        assert_eq!((first.added, first.updated, first.unchanged), (3, 0, 0));
        assert_eq!(first.generation, 1);
        let again = s.ingest(&batch).unwrap();
        assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
        assert!(again.written.is_empty());
        assert_eq!(
            again.generation, 1,
            "a batch that changed nothing keeps the generation"
        );
        assert_eq!(s.stats().unwrap().quotes, 3);
    });
}

#[test]
fn changed_articles_are_replaced_not_duplicated() {
    each_store(|s| {
        s.ingest(&[prepared("a", "h1", 3)]).unwrap();
        let changed = PreparedArticle::from_json(record("a", "h9", "New title", 1)).unwrap();
        let out = s.ingest(&[changed]).unwrap();
        assert_eq!((out.added, out.updated, out.unchanged), (0, 1, 0));
        let json: serde_json::Value =
            serde_json::from_str(&s.article_json("a").unwrap().unwrap()).unwrap();
        assert_eq!(json["title"], "New title");
        let stats = s.stats().unwrap();
        assert_eq!((stats.articles, stats.quotes), (1, 1));
    });
}

#[test]
fn the_same_input_analysed_differently_is_an_update() {
    each_store(|s| {
        s.ingest(&[prepared("a", "h1", 1)]).unwrap();
        // Same content hash, but newer models found narratives in it.
        let mut v = record("a", "h1", "Title of a", 1);
        v["narratives"] = json!([{"label": "Other", "score": 1.0, "evidence": []}]);
        let out = s.ingest(&[PreparedArticle::from_json(v).unwrap()]).unwrap();
        assert_eq!((out.updated, out.unchanged), (1, 0));
        assert_eq!(s.narratives().unwrap().len(), 1);
    });
}

#[test]
fn the_stored_json_keeps_fields_this_build_does_not_know() {
    each_store(|s| {
        let v = with(
            record("a", "h", "T", 0),
            "future_field",
            json!({"x": [1, 2]}),
        );
        s.ingest(&[PreparedArticle::from_json(v).unwrap()]).unwrap();
        let back: serde_json::Value =
            serde_json::from_str(&s.article_json("a").unwrap().unwrap()).unwrap();
        assert_eq!(back["future_field"]["x"][1], 2);
        assert!(s.article_json("missing").unwrap().is_none());
    });
}

#[test]
fn articles_are_paginated_in_id_order() {
    each_store(|s| {
        let batch: Vec<_> = (0..7)
            .rev()
            .map(|i| prepared(&format!("id{i}"), "h", 0))
            .collect();
        s.ingest(&batch).unwrap();
        let ids = |p: Page| -> Vec<String> {
            s.articles(p)
                .unwrap()
                .items
                .into_iter()
                .map(|a| a.id)
                .collect()
        };
        assert_eq!(ids(Page::new(Some(3), Some(0))), ["id0", "id1", "id2"]);
        assert_eq!(ids(Page::new(Some(3), Some(3))), ["id3", "id4", "id5"]);
        assert_eq!(ids(Page::new(Some(3), Some(6))), ["id6"]);
        assert!(ids(Page::new(Some(3), Some(60))).is_empty());
        let page = s.articles(Page::new(Some(3), Some(6))).unwrap();
        assert_eq!((page.total, page.limit, page.offset), (7, 3, 6));
    });
}

#[test]
fn page_limits_are_clamped() {
    assert_eq!(Page::new(Some(100_000), None).limit, Page::MAX_LIMIT);
    assert_eq!(Page::new(Some(0), None).limit, 1);
    assert_eq!(Page::new(None, None).limit, Page::DEFAULT_LIMIT);
}

#[test]
fn speakers_group_resolved_and_unresolved_names() {
    each_store(|s| {
        s.ingest(&[prepared("a", "h", 3), prepared("b", "h", 1)])
            .unwrap();
        let speakers = s.speakers(Page::default()).unwrap();
        assert_eq!(speakers.total, 2);
        let top = &speakers.items[0];
        assert_eq!(
            (top.id.as_str(), top.quotes, top.articles),
            ("person:ana-lopez", 3, 2)
        );
        assert_eq!(top.entity.as_deref(), Some("person:ana-lopez"));
        assert_eq!(speakers.items[1].id, "name:a-ministry-spokesman");
        let quotes = s
            .speaker_quotes("person:ana-lopez", Page::new(Some(2), None))
            .unwrap()
            .unwrap();
        assert_eq!((quotes.total, quotes.items.len()), (3, 2));
        let q = &quotes.items[0];
        assert_eq!(q.text, "the talks would resume");
        let text: serde_json::Value =
            serde_json::from_str(&s.article_json(&q.article_id).unwrap().unwrap()).unwrap();
        assert_eq!(
            &text["text"].as_str().unwrap()[q.start..q.end],
            q.text,
            "offsets trace back"
        );
        assert!(s
            .speaker_quotes("nobody", Page::default())
            .unwrap()
            .is_none());
    });
}

#[test]
fn entities_collect_articles_titles_and_roles() {
    each_store(|s| {
        let mut v = record("a", "h", "T", 1);
        v["entities"][0]["main_role"] = json!("Protagonist");
        s.ingest(&[
            PreparedArticle::from_json(v).unwrap(),
            prepared("b", "h", 0),
        ])
        .unwrap();
        let list = s.entities(None, Page::default()).unwrap();
        assert_eq!(list.total, 1);
        assert_eq!(
            (list.items[0].articles, list.items[0].etype.as_str()),
            (2, "person")
        );
        assert_eq!(s.entities(Some("org"), Page::default()).unwrap().total, 0);
        let e = s.entity("person:ana-lopez").unwrap().unwrap();
        assert_eq!(e.quotes, 1);
        assert_eq!(e.in_articles.len(), 2);
        let in_a = e.in_articles.iter().find(|x| x.article_id == "a").unwrap();
        assert_eq!(in_a.roles, ["Protagonist"]);
        assert_eq!(in_a.titles, ["Minister"]);
        assert!(s.entity("person:nobody").unwrap().is_none());
    });
}

#[test]
fn narratives_are_read_when_present_with_evidence() {
    each_store(|s| {
        let mut v = record("a", "h", "Grain", 0);
        let text = v["text"].as_str().unwrap().to_string();
        v["narratives"] = json!([{"label": "URW: Blaming the war on others", "score": 0.8,
                                   "evidence": [{"start": 0, "end": 5}, {"start": 0, "end": 9999}]}]);
        v["subnarratives"] = json!([{"label": "URW: Blaming the war on others: The West", "score": 0.6, "evidence": []}]);
        s.ingest(&[
            PreparedArticle::from_json(v).unwrap(),
            prepared("b", "h", 0),
        ])
        .unwrap();
        let all = s.narratives().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].level.as_str(), all[0].articles), ("narrative", 1));
        let hits = s
            .narrative_articles("URW: Blaming the war on others", Page::default())
            .unwrap()
            .unwrap();
        let ev = &hits.items[0].evidence;
        assert_eq!(ev.len(), 1, "a span outside the text is dropped");
        assert_eq!(ev[0].text, &text[0..5]);
        assert!(s
            .narrative_articles("nothing", Page::default())
            .unwrap()
            .is_none());
        let stats = s.stats().unwrap();
        assert_eq!(stats.by_narrative[0].count, 1);
    });
}

#[test]
fn stats_count_by_outlet_language_and_month() {
    each_store(|s| {
        let v = with(record("x", "h", "T", 0), "outlet", json!(null));
        s.ingest(&[
            prepared("a", "h", 1),
            prepared("b", "h", 0),
            PreparedArticle::from_json(v).unwrap(),
        ])
        .unwrap();
        let st = s.stats().unwrap();
        assert_eq!(
            (st.articles, st.quotes, st.entities, st.speakers),
            (3, 1, 1, 1)
        );
        assert_eq!(st.by_outlet[0].value, "Daily Planet");
        assert_eq!(st.by_outlet[0].count, 2);
        assert_eq!(st.by_outlet[1].value, "unknown");
        assert_eq!(st.by_month[0].value, "2024-03");
        assert_eq!(st.by_language[0].count, 3);
        assert_eq!(st.generation, 1);
    });
}

#[test]
fn settings_round_trip() {
    each_store(|s| {
        assert!(s.get_setting("k").unwrap().is_none());
        s.set_setting("k", "1").unwrap();
        s.set_setting("k", "2").unwrap();
        assert_eq!(s.get_setting("k").unwrap().as_deref(), Some("2"));
    });
}

#[test]
fn error_records_and_malformed_records_are_refused() {
    let err = json!({"schema_version": 2, "status": "error", "id": null, "path": "x",
                     "error_kind": "empty", "error": "empty"});
    assert!(matches!(
        PreparedArticle::from_json(err),
        Err(StoreError::BadRecord(_))
    ));
    let broken = with(record("a", "h", "T", 0), "text", json!(5));
    assert!(matches!(
        PreparedArticle::from_json(broken),
        Err(StoreError::BadRecord(_))
    ));
    assert!(PreparedArticle::from_json(json!([1])).is_err());
}

#[test]
fn a_v1_record_without_entities_and_quotes_is_stored() {
    each_store(|s| {
        let mut v = record("old", "h", "T", 0);
        let o = v.as_object_mut().unwrap();
        o.remove("entities");
        o.remove("quotes");
        o.insert("schema_version".into(), json!(1));
        s.ingest(&[PreparedArticle::from_json(v).unwrap()]).unwrap();
        assert_eq!(s.articles(Page::default()).unwrap().items[0].entities, 0);
    });
}

#[test]
fn reopening_applies_no_migration_twice_and_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    drop(SqliteStore::open(&path).unwrap());
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrations::latest());
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let applied: i64 = conn
        .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(applied as usize, migrations::MIGRATIONS.len());
    conn.execute(
        "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')",
        [],
    )
    .unwrap();
    drop(conn);
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::SchemaTooNew { found: 999, .. })
    ));
}

#[test]
fn committed_record_fixtures_of_every_schema_version_load() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../narrascope-core/tests/compat");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    each_store(|s| {
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let batch: Vec<_> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .filter(|v| v["status"] == "ok")
                .map(|v| PreparedArticle::from_json(v).unwrap())
                .collect();
            let out = s.ingest(&batch).unwrap();
            assert_eq!(
                out.added + out.updated + out.unchanged,
                batch.len(),
                "{}",
                file.display()
            );
        }
        assert!(s.articles(Page::default()).unwrap().total >= 1);
    });
}

#[test]
fn a_database_at_migration_1_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // What a build that knew only migration 1 left behind, with one article.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                 applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .unwrap();
        conn.execute_batch(migrations::MIGRATIONS[0].sql).unwrap();
        conn.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')",
            [],
        )
        .unwrap();
        let a = prepared("kept", "h", 0);
        conn.execute(
            "INSERT INTO articles (id, path, content_hash, schema_version, record, generation)
             VALUES (?1, ?2, ?3, 2, ?4, 1)",
            rusqlite::params![a.id, a.path, a.content_hash, a.json],
        )
        .unwrap();
    }
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrations::latest());
    assert!(s.article_json("kept").unwrap().is_some());
    assert_eq!(s.ingest(&[prepared("kept", "h", 0)]).unwrap().unchanged, 1);
    assert!(
        s.narratives().unwrap().is_empty(),
        "migration 2 created `labels`"
    );
}

/// A record of `outlet` whose quote says `quote`, casting Ana Lopez as `role`, with
/// `titles` (and `conflicts`) for her and one narrative.
fn analyst_record(
    id: &str,
    outlet: &str,
    quote: &str,
    role: &str,
    titles: &[&str],
    conflicts: &[&str],
) -> PreparedArticle {
    let mut v = with(
        record(id, &format!("h{id}"), id, 1),
        "outlet",
        json!(outlet),
    );
    v["schema_version"] = json!(4);
    v["quotes"][0]["text"] = json!(quote);
    v["entities"][0]["titles"] = json!(titles);
    v["entities"][0]["conflicts"] = json!(conflicts);
    v["roles"] = json!([{"entity": "person:ana-lopez", "name": "Ana Lopez",
        "mention": {"start": 0, "end": 1}, "main_role": role,
        "fine_roles": ["Guardian"], "score": 0.7, "evidence": []}]);
    v["narratives"] = json!([{"label": "URW: Praise of Russia", "score": 0.7, "evidence": []}]);
    PreparedArticle::from_json(v).unwrap()
}

#[test]
fn roles_from_v4_records_feed_entities_and_the_outlet_matrix() {
    each_store(|s| {
        s.ingest(&[
            analyst_record("a", "BelTA", "x", "Protagonist", &[], &[]),
            analyst_record("b", "Wire", "x", "Antagonist", &[], &[]),
            analyst_record("c", "Wire", "x", "Antagonist", &[], &[]),
            prepared("d", "h", 0),
        ])
        .unwrap();
        let e = s.entity("person:ana-lopez").unwrap().unwrap();
        let in_b = e.in_articles.iter().find(|x| x.article_id == "b").unwrap();
        assert_eq!(in_b.roles, ["Antagonist", "Guardian"]);
        let m = s.roles_by_outlet(None).unwrap();
        let counts: Vec<_> = m
            .cells
            .iter()
            .map(|c| (c.row.as_str(), c.column.as_str(), c.count))
            .collect();
        assert_eq!(
            counts,
            [("BelTA", "Protagonist", 1), ("Wire", "Antagonist", 2)]
        );
        assert_eq!(m.rows[0].value, "Wire");
        assert_eq!(m.columns[0].value, "Antagonist");
        assert_eq!(s.roles_by_outlet(Some("person:ana-lopez")).unwrap(), m);
        assert!(s
            .roles_by_outlet(Some("person:nobody"))
            .unwrap()
            .cells
            .is_empty());
        let n = s.outlet_narratives("narrative").unwrap();
        assert_eq!(
            n.rows.len(),
            2,
            "the article without narratives counts nowhere"
        );
        assert_eq!(n.cells.iter().map(|c| c.count).sum::<u64>(), 3);
        assert!(s
            .outlet_narratives("subnarrative")
            .unwrap()
            .cells
            .is_empty());
    });
}

#[test]
fn the_same_quote_is_found_across_outlets() {
    each_store(|s| {
        s.ingest(&[
            analyst_record(
                "a",
                "BelTA",
                "«Мы готовы к переговорам»",
                "Innocent",
                &[],
                &[],
            ),
            analyst_record(
                "b",
                "Wire",
                "мы ГОТОВЫ к переговорам!",
                "Innocent",
                &[],
                &[],
            ),
            analyst_record(
                "c",
                "Wire",
                "Мы готовы к переговорам.",
                "Innocent",
                &[],
                &[],
            ),
            analyst_record("d", "Other", "Yes", "Innocent", &[], &[]),
            analyst_record("e", "Third", "Yes", "Innocent", &[], &[]),
        ])
        .unwrap();
        let shared = s.shared_quotes(2, Page::default()).unwrap();
        assert_eq!(shared.total, 1, "one-word quotes are not matched");
        let g = &shared.items[0];
        assert_eq!(
            (g.key.as_str(), g.outlets, g.occurrences),
            ("мы готовы к переговорам", 2, 3)
        );
        assert_eq!(g.quotes.len(), 3);
        assert_eq!(s.shared_quotes(3, Page::default()).unwrap().total, 0);
        assert_eq!(s.shared_quotes(1, Page::default()).unwrap().total, 1);
    });
}

#[test]
fn a_near_duplicate_without_outlet_is_not_a_second_source() {
    each_store(|s| {
        let quote = |v: serde_json::Value| {
            let mut v = with(v, "outlet", json!(null));
            v["quotes"][0]["text"] = json!("the talks would resume soon");
            PreparedArticle::from_json(v).unwrap()
        };
        s.ingest(&[
            quote(record("a", "h1", "A", 1)),
            quote(with(record("b", "h2", "B", 1), "duplicate_of", json!("a"))),
        ])
        .unwrap();
        assert_eq!(s.shared_quotes(2, Page::default()).unwrap().total, 0);
        s.ingest(&[quote(record("c", "h3", "C", 1))]).unwrap();
        let g = &s.shared_quotes(2, Page::default()).unwrap().items[0];
        assert_eq!((g.outlets, g.occurrences), (2, 3), "c is another source");
    });
}

#[test]
fn near_duplicates_are_grouped_by_original() {
    each_store(|s| {
        s.ingest(&[
            prepared("a", "h1", 0),
            PreparedArticle::from_json(with(record("b", "h2", "B", 0), "duplicate_of", json!("a")))
                .unwrap(),
            PreparedArticle::from_json(with(record("c", "h3", "C", 0), "duplicate_of", json!("a")))
                .unwrap(),
            PreparedArticle::from_json(with(
                record("d", "h4", "D", 0),
                "duplicate_of",
                json!("gone"),
            ))
            .unwrap(),
        ])
        .unwrap();
        let d = s.duplicates(Page::default()).unwrap();
        assert_eq!(d.total, 2);
        assert_eq!(d.items[0].original.id, "a");
        assert_eq!(d.items[0].original.title.as_deref(), Some("Title of a"));
        let copies: Vec<_> = d.items[0].copies.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(copies, ["b", "c"]);
        assert_eq!(d.items[1].original.id, "gone");
        assert!(d.items[1].original.title.is_none(), "original not stored");
        let second = s.duplicates(Page::new(Some(1), Some(1))).unwrap();
        assert_eq!(second.items.len(), 1);
        assert_eq!(second.items[0].original.id, "gone");
    });
}

#[test]
fn entity_titles_and_conflicts_are_listed() {
    each_store(|s| {
        s.ingest(&[
            analyst_record(
                "a",
                "BelTA",
                "x",
                "Innocent",
                &["Belarusian President"],
                &[],
            ),
            analyst_record(
                "b",
                "Wire",
                "x",
                "Innocent",
                &["Belarusian President", "Russian President"],
                &["Belarusian President", "Russian President"],
            ),
            analyst_record("c", "Wire", "x", "Innocent", &[], &[]),
        ])
        .unwrap();
        let rows = s.entity_titles().unwrap();
        let ids: Vec<_> = rows.iter().map(|r| r.article.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"], "entities without titles are left out");
        assert_eq!(rows[1].conflicts.len(), 2);
        assert_eq!(rows[0].article.outlet.as_deref(), Some("BelTA"));
        assert_eq!(rows[0].titles, ["Belarusian President"]);
    });
}

#[test]
fn a_database_at_migration_2_is_rederived_by_migration_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let a = analyst_record(
        "kept",
        "BelTA",
        "We are ready to talk",
        "Protagonist",
        &["Minister"],
        &["Minister", "Mayor"],
    );
    {
        // What a build that knew migrations 1 and 2 left behind: the article and its
        // quote row, without the columns and table migration 3 adds.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                 applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .unwrap();
        for m in &migrations::MIGRATIONS[..2] {
            conn.execute_batch(m.sql).unwrap();
            conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                rusqlite::params![m.version, m.name],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO articles (id, path, content_hash, schema_version, outlet, record,
                 generation) VALUES (?1, ?2, ?3, 4, 'BelTA', ?4, 1)",
            rusqlite::params![a.id, a.path, a.content_hash, a.json],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO quotes (article_id, idx, start_byte, end_byte, text, kind)
             VALUES ('kept', 0, 0, 1, 'We are ready to talk', 'direct')",
            [],
        )
        .unwrap();
    }
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), migrations::latest());
    // Derived again from the stored record: roles, conflicts, normalised quotes.
    let m = s.roles_by_outlet(None).unwrap();
    assert_eq!(m.cells.len(), 1);
    assert_eq!(m.cells[0].column, "Protagonist");
    let rows = s.entity_titles().unwrap();
    assert_eq!(rows[0].conflicts, ["Minister", "Mayor"]);
    assert_eq!(s.shared_quotes(1, Page::default()).unwrap().total, 1);
    assert_eq!(s.speakers(Page::default()).unwrap().total, 1);
    assert_eq!(
        s.ingest(&[a]).unwrap().unchanged,
        1,
        "the article itself is unchanged"
    );
}
