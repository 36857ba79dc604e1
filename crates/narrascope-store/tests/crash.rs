//! `kill -9` in the middle of an ingest loses nothing that was committed, leaves no
//! half-written batch, and re-running the ingest adds exactly what is missing.
//!
//! The test re-runs its own binary as a child (`crash_child`, inert unless
//! `NARRASCOPE_CRASH_DB` is set) that ingests batch after batch; the parent kills it
//! with SIGKILL once a few batches are in, twice, then finishes the ingest itself.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::prepared;
use narrascope_store::{Corpus, Page, PreparedArticle, SearchQuery, SqliteStore, Store};

const BATCHES: usize = 60;
const BATCH: usize = 10;
const QUOTES: usize = 2;

fn batch(n: usize) -> Vec<PreparedArticle> {
    (0..BATCH)
        .map(|i| prepared(&format!("b{n:03}-{i:02}"), "h", QUOTES))
        .collect()
}

fn ingest_all(db: &str) -> narrascope_store::BatchOutcome {
    let mut corpus = Corpus::open(db).unwrap();
    let mut total = narrascope_store::BatchOutcome::default();
    for n in 0..BATCHES {
        total.absorb(&corpus.ingest(&batch(n)).unwrap());
    }
    total
}

#[test]
fn crash_child() {
    if let Some(db) = std::env::var_os("NARRASCOPE_CRASH_DB") {
        ingest_all(db.to_str().unwrap());
        // Reaching the end means the parent did not kill us in time; it checks that.
    }
}

fn articles(db: &std::path::Path) -> u64 {
    // The child may hold the write lock; reading in WAL mode does not wait for it.
    SqliteStore::open(db)
        .and_then(|s| s.articles(Page::default()))
        .map(|p| p.total)
        .unwrap_or(0)
}

/// Starts the child and kills it with SIGKILL once the store holds more than `after`
/// articles. Returns whether the kill came before the child finished.
fn run_and_kill(db: &std::path::Path, after: u64) -> bool {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--test-threads=1", "--nocapture"])
        .env("NARRASCOPE_CRASH_DB", db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while articles(db) <= after && Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no rollback, no flush runs.
    let killed = child.try_wait().unwrap().is_none();
    child.kill().ok();
    child.wait().unwrap();
    killed
}

fn check_consistent(db: &std::path::Path) -> u64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let store = SqliteStore::open(db).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles % BATCH as u64, 0, "a batch was half-written");
    assert_eq!(
        stats.quotes,
        stats.articles * QUOTES as u64,
        "quotes out of step"
    );
    stats.articles
}

#[test]
fn kill_9_mid_ingest_then_resume_stores_everything_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let url = db.to_str().unwrap().to_string();

    let killed_first = run_and_kill(&db, 2 * BATCH as u64);
    let after_first = check_consistent(&db);
    let killed_second = run_and_kill(&db, after_first + 2 * BATCH as u64);
    let after_second = check_consistent(&db);
    assert!(
        killed_first && killed_second,
        "the child finished before it was killed"
    );
    assert!(after_second >= after_first && after_second < (BATCHES * BATCH) as u64);

    let resumed = ingest_all(&url);
    let total = (BATCHES * BATCH) as u64;
    assert_eq!(
        resumed.unchanged as u64, after_second,
        "committed batches are kept"
    );
    assert_eq!(
        resumed.added as u64,
        total - after_second,
        "the rest is added once"
    );
    assert_eq!(resumed.updated, 0);
    assert_eq!(check_consistent(&db), total);

    let corpus = Corpus::open(&url).unwrap();
    assert!(corpus.index_is_current().unwrap());
    let all = corpus.search(&SearchQuery::default()).unwrap();
    assert_eq!(all.total, total, "the index holds every article once");
    eprintln!(
        "crash test: killed at {after_first} and {after_second} of {total} articles; \
         resume added {} and skipped {}",
        resumed.added, resumed.unchanged
    );
}
