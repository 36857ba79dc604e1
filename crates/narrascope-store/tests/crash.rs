//! `kill -9` in the middle of an ingest loses nothing that was committed, leaves no
//! half-written batch, and re-running the ingest adds exactly what is missing.
//!
//! The test re-runs its own binary as a child (`crash_child`, inert unless
//! `NARRASCOPE_CRASH_DB` is set) that ingests batch after batch; the parent kills it
//! with SIGKILL once a few batches are in, twice, then finishes the ingest itself.
//! SQLite always; PostgreSQL too when `NARRASCOPE_TEST_PG` names a server.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::prepared;
use narrascope_store::{
    BatchOutcome, Corpus, PreparedArticle, SearchIndex, SearchQuery, SqliteStore, Store,
};

const BATCHES: usize = 60;
const BATCH: usize = 10;
const QUOTES: usize = 2;

fn batch(n: usize) -> Vec<PreparedArticle> {
    (0..BATCH)
        .map(|i| prepared(&format!("b{n:03}-{i:02}"), "h", QUOTES))
        .collect()
}

fn open_store(db: &str) -> Box<dyn Store> {
    #[cfg(feature = "postgres")]
    if db.starts_with("postgres") {
        return Box::new(narrascope_store::PostgresStore::connect(db).unwrap());
    }
    Box::new(SqliteStore::open(Path::new(db)).unwrap())
}

fn open_corpus(db: &str, index: &Path) -> Corpus {
    Corpus::from_parts(open_store(db), SearchIndex::open(index).unwrap())
}

fn ingest_all(db: &str, index: &Path, pause: Duration, progress: Option<&Path>) -> BatchOutcome {
    let mut corpus = open_corpus(db, index);
    let mut total = BatchOutcome::default();
    for n in 0..BATCHES {
        total.absorb(&corpus.ingest(&batch(n)).unwrap());
        if let Some(p) = progress {
            // Written after the commit returned, renamed into place so the parent never
            // reads half a number.
            let tmp = p.with_extension("tmp");
            std::fs::write(&tmp, ((n + 1) * BATCH).to_string()).unwrap();
            std::fs::rename(&tmp, p).unwrap();
        }
        std::thread::sleep(pause);
    }
    total
}

/// Pause of the child between batches: long enough that the parent, polling the
/// child's progress file every 5 ms, kills it mid-ingest even on a loaded machine,
/// short enough that a batch may still be in flight when the kill lands. (Polling the
/// store itself was flaky on CI's 2 cores: opening it can take longer than a batch.)
const CHILD_PAUSE: Duration = Duration::from_millis(25);

#[test]
fn crash_child() {
    if let (Some(db), Some(index), Some(progress)) = (
        std::env::var_os("NARRASCOPE_CRASH_DB"),
        std::env::var_os("NARRASCOPE_CRASH_INDEX"),
        std::env::var_os("NARRASCOPE_CRASH_PROGRESS"),
    ) {
        ingest_all(
            db.to_str().unwrap(),
            Path::new(&index),
            CHILD_PAUSE,
            Some(Path::new(&progress)),
        );
        // Reaching the end means the parent did not kill us in time; it checks that.
    }
}

/// Articles the child has committed in this run, by its own count (0 until it has
/// written one).
fn progress(file: &Path) -> u64 {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// Starts the child and kills it with SIGKILL once it has committed more than `after`
/// articles in this run. Returns whether the kill came before the child finished.
fn run_and_kill(db: &str, index: &Path, after: u64) -> bool {
    let progress_dir = tempfile::tempdir().unwrap();
    let progress_file = progress_dir.path().join("progress");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--test-threads=1", "--nocapture"])
        .env("NARRASCOPE_CRASH_DB", db)
        .env("NARRASCOPE_CRASH_INDEX", index)
        .env("NARRASCOPE_CRASH_PROGRESS", &progress_file)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(progress_dir.path().join("stderr")).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while progress(&progress_file) <= after && Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            let err =
                std::fs::read_to_string(progress_dir.path().join("stderr")).unwrap_or_default();
            eprintln!(
                "child exited ({status}) at {} articles:\n{err}",
                progress(&progress_file)
            );
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

fn check_consistent(db: &str) -> u64 {
    if !db.starts_with("postgres") {
        let conn = rusqlite::Connection::open(db).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
    let stats = open_store(db).stats().unwrap();
    assert_eq!(stats.articles % BATCH as u64, 0, "a batch was half-written");
    assert_eq!(
        stats.quotes,
        stats.articles * QUOTES as u64,
        "quotes out of step"
    );
    stats.articles
}

fn kill_twice_then_resume(db: &str, index: &Path) {
    let killed_first = run_and_kill(db, index, 2 * BATCH as u64);
    let after_first = check_consistent(db);
    // The second child re-ingests the committed batches (unchanged) before it adds new
    // ones; kill it two batches past where the first one stopped.
    let killed_second = run_and_kill(db, index, after_first + 2 * BATCH as u64);
    let after_second = check_consistent(db);
    assert!(
        killed_first && killed_second,
        "the child finished before it was killed"
    );
    assert!(after_second >= after_first && after_second < (BATCHES * BATCH) as u64);

    let resumed = ingest_all(db, index, Duration::ZERO, None);
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
    assert_eq!(check_consistent(db), total);

    let corpus = open_corpus(db, index);
    assert!(corpus.index_is_current().unwrap());
    let all = corpus.search(&SearchQuery::default()).unwrap();
    assert_eq!(all.total, total, "the index holds every article once");
    eprintln!(
        "crash test ({}): killed at {after_first} and {after_second} of {total} articles; \
         resume added {} and skipped {}",
        corpus.store().backend(),
        resumed.added,
        resumed.unchanged
    );
}

#[test]
fn kill_9_mid_ingest_then_resume_stores_everything_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    kill_twice_then_resume(db.to_str().unwrap(), &dir.path().join("crash.db.index"));
}

#[cfg(feature = "postgres")]
#[test]
fn kill_9_mid_ingest_then_resume_on_postgres() {
    let Ok(url) = std::env::var("NARRASCOPE_TEST_PG") else {
        eprintln!("PostgreSQL crash test skipped: set NARRASCOPE_TEST_PG=postgres://… to run it");
        return;
    };
    let schema = format!("narrascope_crash_{}", std::process::id());
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-csearch_path%3D{schema}");
    let dir = tempfile::tempdir().unwrap();
    let result = std::panic::catch_unwind(|| kill_twice_then_resume(&scoped, dir.path()));
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
