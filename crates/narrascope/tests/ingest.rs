//! `narrascope ingest` and `narrascope serve` from the command line: the sample corpus
//! goes into a database once, a re-run skips it, a changed file is replaced, and
//! `serve` refuses a database that does not exist.

use std::path::Path;
use std::process::{Command, Output};

use narrascope_store::{Corpus, Page, SearchQuery};

fn narrascope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(args)
        .output()
        .expect("run narrascope")
}

fn summary(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .rfind(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary in: {stderr}"))
        .to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn ingest_is_incremental_and_serve_needs_a_database() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus"),
        &corpus,
    );
    let db = tmp.path().join("n.db");
    let (db_s, corpus_s) = (db.to_str().unwrap(), corpus.to_str().unwrap());

    let first = narrascope(&["ingest", corpus_s, "--db", db_s, "--quiet"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stored = {
        let c = Corpus::open(db_s).unwrap();
        let n = c.store().articles(Page::default()).unwrap().total;
        assert!(n >= 10, "{n} articles");
        assert!(c.index_is_current().unwrap());
        assert_eq!(c.search(&SearchQuery::default()).unwrap().total, n);
        n
    };
    assert_eq!(
        summary(&first),
        format!("narrascope: {stored} added, 0 updated, 0 unchanged, 0 failed; {db_s} holds {stored} articles")
    );

    let again = narrascope(&["ingest", corpus_s, "--db", db_s, "--quiet"]);
    assert!(summary(&again).contains(&format!(" 0 added, 0 updated, {stored} unchanged")));

    let file = corpus.join("06-riverside-library.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        format!("{text}\nA late paragraph about the library.\n"),
    )
    .unwrap();
    let changed = narrascope(&["ingest", corpus_s, "--db", db_s, "--quiet"]);
    assert!(
        summary(&changed).contains(&format!(" 0 added, 1 updated, {} unchanged", stored - 1)),
        "{}",
        summary(&changed)
    );

    let reindex = narrascope(&["ingest", "--reindex", "--db", db_s]);
    assert!(reindex.status.success());
    assert!(String::from_utf8_lossy(&reindex.stderr).contains(&format!("({stored} articles)")));

    let missing = tmp.path().join("missing.db");
    let serve = narrascope(&["serve", "--db", missing.to_str().unwrap()]);
    assert!(!serve.status.success());
    assert!(String::from_utf8_lossy(&serve.stderr).contains("narrascope ingest"));
    assert!(!missing.exists(), "serve must not create a database");
}
