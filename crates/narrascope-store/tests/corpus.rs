//! Store + search index: facets, snippets, and an index kept in step (or repaired).

mod common;

use common::{prepared, record};
use narrascope_store::{
    Corpus, Page, PreparedArticle, SearchQuery, SqliteStore, Store, StoreError,
};
use serde_json::json;

fn query(text: &str, filters: &[(&str, &str)]) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        filters: filters
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        page: Page::default(),
    }
}

fn corpus_with_three() -> Corpus {
    let mut c = Corpus::in_memory().unwrap();
    let mut a = record("a", "h", "Grain corridor talks in Minsk", 2);
    a["narratives"] =
        json!([{"label": "URW: Blaming the war on others", "score": 0.7, "evidence": []}]);
    a["entities"][0]["main_role"] = json!("Protagonist");
    let mut b = record("b", "h", "Arctic ice at record low", 0);
    b["outlet"] = json!("Polar Times");
    b["date"] = json!("2023-12-01");
    b["language"] = json!("pt");
    let c3 = record("c", "h", "Grain prices fall", 1);
    let batch: Vec<_> = [a, b, c3]
        .into_iter()
        .map(|v| PreparedArticle::from_json(v).unwrap())
        .collect();
    c.ingest(&batch).unwrap();
    c
}

#[test]
fn full_text_search_ranks_and_highlights() {
    let c = corpus_with_three();
    let r = c.search(&query("grain", &[])).unwrap();
    assert_eq!(r.total, 2);
    let ids: Vec<_> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert!(ids.contains(&"a") && ids.contains(&"c"));
    let snip = r.hits[0].snippet.as_ref().unwrap();
    let [s, e] = snip.highlights[0];
    assert_eq!(snip.text[s..e].to_lowercase(), "grain");
    assert_eq!(r.hits[0].outlet.as_deref(), Some("Daily Planet"));
}

#[test]
fn words_are_and_ed_and_bad_syntax_is_tolerated() {
    let c = corpus_with_three();
    assert_eq!(c.search(&query("grain minsk", &[])).unwrap().total, 1);
    assert!(c.search(&query("\"unclosed title:", &[])).is_ok());
}

#[test]
fn facets_filter_and_count() {
    let c = corpus_with_three();
    let all = c.search(&query("", &[])).unwrap();
    assert_eq!(all.total, 3);
    let outlets = &all.facets["outlet"];
    assert_eq!(
        (outlets[0].value.as_str(), outlets[0].count),
        ("Daily Planet", 2)
    );
    assert_eq!(
        c.search(&query("", &[("outlet", "Polar Times")]))
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        c.search(&query("", &[("language", "pt")])).unwrap().total,
        1
    );
    assert_eq!(c.search(&query("", &[("date", "2024")])).unwrap().total, 2);
    assert_eq!(
        c.search(&query("", &[("date", "2024-03")])).unwrap().total,
        2
    );
    assert_eq!(
        c.search(&query("", &[("date", "2023-12-01")]))
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        c.search(&query("", &[("speaker", "person:ana-lopez")]))
            .unwrap()
            .total,
        2
    );
    assert_eq!(
        c.search(&query("", &[("speaker", "name:a-ministry-spokesman")]))
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        c.search(&query("", &[("entity", "person:ana-lopez")]))
            .unwrap()
            .total,
        3
    );
    assert_eq!(
        c.search(&query(
            "grain",
            &[("narrative", "URW: Blaming the war on others")]
        ))
        .unwrap()
        .total,
        1
    );
    assert_eq!(
        c.search(&query("", &[("role", "Protagonist")]))
            .unwrap()
            .total,
        1
    );
    let years = &all.facets["date"];
    assert_eq!((years[0].value.as_str(), years[0].count), ("2024", 2));
}

#[test]
fn unknown_facets_are_refused() {
    let c = corpus_with_three();
    assert!(matches!(
        c.search(&query("", &[("colour", "red")])),
        Err(StoreError::BadQuery(_))
    ));
}

#[test]
fn search_pages() {
    let c = corpus_with_three();
    let mut q = query("", &[]);
    q.page = Page::new(Some(2), Some(2));
    let r = c.search(&q).unwrap();
    assert_eq!((r.total, r.hits.len()), (3, 1));
    q.page = Page::new(Some(200), Some(usize::MAX));
    assert!(matches!(c.search(&q), Err(StoreError::BadQuery(_))));
}

#[test]
fn updates_replace_index_documents() {
    let mut c = corpus_with_three();
    let changed =
        PreparedArticle::from_json(record("b", "h2", "Arctic grain shipments", 0)).unwrap();
    c.ingest(&[changed]).unwrap();
    assert_eq!(c.search(&query("grain", &[])).unwrap().total, 3);
    assert_eq!(
        c.search(&query("", &[])).unwrap().total,
        3,
        "no duplicate document"
    );
    assert!(c.index_is_current().unwrap());
}

#[test]
fn a_stale_index_is_rebuilt_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let url = db.to_str().unwrap();
    {
        let mut c = Corpus::open(url).unwrap();
        c.ingest(&[prepared("a", "h", 0)]).unwrap();
        assert!(c.index_is_current().unwrap());
    }
    // As if the process died after the database commit, before the index commit.
    SqliteStore::open(&db)
        .unwrap()
        .ingest(&[prepared("b", "h", 0)])
        .unwrap();
    let mut c = Corpus::open(url).unwrap();
    assert!(!c.index_is_current().unwrap());
    assert_eq!(c.search(&query("", &[])).unwrap().total, 1);
    // The next ingest notices and rebuilds rather than patching a stale index.
    c.ingest(&[prepared("c", "h", 0)]).unwrap();
    assert!(c.index_is_current().unwrap());
    assert_eq!(c.search(&query("", &[])).unwrap().total, 3);
    assert_eq!(c.reindex().unwrap(), 3);
    assert!(!c.repair_index().unwrap());
}

#[test]
fn a_corrupt_or_foreign_index_directory_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    std::fs::create_dir_all(dir.path().join("n.db.index")).unwrap();
    std::fs::write(dir.path().join("n.db.index/meta.json"), "not json").unwrap();
    let mut c = Corpus::open(db.to_str().unwrap()).unwrap();
    c.ingest(&[prepared("a", "h", 0)]).unwrap();
    assert_eq!(c.search(&query("", &[])).unwrap().total, 1);
    assert_eq!(c.store().articles(Page::default()).unwrap().total, 1);
}

#[test]
fn unreachable_postgres_is_an_error_not_a_panic() {
    // Port 1 on loopback: nothing listens there.
    let err = Corpus::open("postgres://nobody@127.0.0.1:1/none")
        .err()
        .unwrap();
    assert!(err.to_string().contains("postgres"), "{err}");
}

#[test]
fn a_second_writer_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let url = dir.path().join("w.db");
    let url = url.to_str().unwrap().to_string();
    let mut first = Corpus::open(&url).unwrap();
    first.ingest(&[prepared("a", "h", 0)]).unwrap();
    // Hold the index writer lock from another "process" for a moment.
    let held = tantivy_lock_holder(&dir.path().join("w.db.index"));
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(held);
    });
    let mut second = Corpus::open(&url).unwrap();
    second.ingest(&[prepared("b", "h", 0)]).unwrap();
    release.join().unwrap();
    assert!(second.index_is_current().unwrap());
    assert_eq!(second.search(&query("", &[])).unwrap().total, 2);
}

/// Takes the index's writer lock the way another process would.
fn tantivy_lock_holder(dir: &std::path::Path) -> impl Send {
    tantivy::Index::open_in_dir(dir)
        .unwrap()
        .writer::<tantivy::TantivyDocument>(15_000_000)
        .unwrap()
}
