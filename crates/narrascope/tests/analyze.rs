//! `narrascope analyze` end to end: formats, ordering, determinism, duplicates,
//! JSON Lines input and the span invariants every record must satisfy.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn narrascope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(args)
        .output()
        .expect("runs")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn article(i: usize) -> String {
    format!(
        "Town {i} votes on new budget\n\n[ad_1]\nResidents of town number {i} voted on Sunday on a \
         budget that, officials said, would fund {n} new classrooms and repair the old \
         bridge. \u{201c}We have waited long enough,\u{201d} said Mayor Ana Ruiz-{i}.\n\nThe vote \
         passed with {p}% support. Dr. Lee of the county board called it \u{201c}a fair plan.\u{201d}\n\n\
         Source link\n",
        n = i % 7 + 2,
        p = 50 + i % 40
    )
}

/// Checks the invariants of docs/schema.md on one article record.
pub fn check_spans(rec: &Value) {
    let text = rec["text"].as_str().unwrap();
    let span = |v: &Value| -> (usize, usize) {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert!(
            s <= e && e <= text.len(),
            "span {s}..{e} out of bounds in {}",
            rec["id"]
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span not on char boundary"
        );
        (s, e)
    };
    let body: Vec<_> = rec["body_spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(span)
        .collect();
    let paras: Vec<_> = rec["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(span)
        .collect();
    for p in &paras {
        assert!(
            body.iter().any(|b| b.0 <= p.0 && p.1 <= b.1),
            "paragraph outside body in {}",
            rec["id"]
        );
    }
    let mut last = 0;
    for s in rec["sentences"].as_array().unwrap().iter().map(span) {
        assert!(s.0 >= last, "sentences out of order in {}", rec["id"]);
        last = s.1;
        assert!(
            paras.iter().any(|p| p.0 <= s.0 && s.1 <= p.1),
            "sentence outside paragraphs in {}",
            rec["id"]
        );
        assert!(!text[s.0..s.1].trim().is_empty());
    }
    let mut last = 0;
    for n in rec["noise"].as_array().unwrap() {
        let (s, e) = span(n);
        assert!(s >= last, "noise overlaps in {}", rec["id"]);
        last = e;
        assert_eq!(&text[s..e], n["text"].as_str().unwrap());
        assert!(
            !body.iter().any(|b| b.0 < e && s < b.1),
            "noise overlaps body in {}",
            rec["id"]
        );
    }
    if let Some(t) = rec["title_span"].as_object() {
        let (s, e) = span(&Value::Object(t.clone()));
        assert_eq!(&text[s..e], rec["title"].as_str().unwrap());
    }
}

#[test]
fn records_keep_input_order_and_are_identical_across_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    // More than one chunk (64 inputs) so chunk boundaries are exercised.
    for i in 0..150 {
        std::fs::write(dir.path().join(format!("a{i:03}.txt")), article(i)).unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let one = narrascope(&["analyze", "-j", "1", "--format", "jsonl", d]);
    let two = narrascope(&["analyze", "-j", "2", "--format", "jsonl", d]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(
        one.stdout, two.stdout,
        "output must not depend on the thread count"
    );
    let recs = jsonl(&one);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    for r in &recs {
        check_spans(r);
        assert!(!r["body"].as_str().unwrap().contains("[ad_1]"));
        assert!(!r["body"].as_str().unwrap().contains("Source link"));
        assert!(r["body"]
            .as_str()
            .unwrap()
            .contains("We have waited long enough"));
    }
}

#[test]
fn near_duplicates_point_to_the_first_copy() {
    let dir = tempfile::tempdir().unwrap();
    let base = article(3);
    std::fs::write(dir.path().join("a.txt"), &base).unwrap();
    std::fs::write(dir.path().join("b.txt"), article(4)).unwrap();
    std::fs::write(dir.path().join("c.txt"), &base).unwrap();
    std::fs::write(
        dir.path().join("d.txt"),
        base.replace("Source link", "[ad_2]\nSource link"),
    )
    .unwrap();
    let recs = jsonl(&narrascope(&[
        "analyze",
        "--format",
        "jsonl",
        dir.path().to_str().unwrap(),
    ]));
    let dups: Vec<&Value> = recs.iter().map(|r| &r["duplicate_of"]).collect();
    assert_eq!(
        dups,
        [
            &Value::Null,
            &Value::Null,
            &Value::from("a"),
            &Value::from("a")
        ]
    );
    let none = jsonl(&narrascope(&[
        "analyze",
        "--no-dedup",
        "--format",
        "jsonl",
        dir.path().to_str().unwrap(),
    ]));
    assert!(none.iter().all(|r| r["duplicate_of"].is_null()));
}

#[test]
fn crlf_text_keeps_offsets_into_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crlf.txt");
    std::fs::write(&p, article(1).replace('\n', "\r\n")).unwrap();
    let recs = jsonl(&narrascope(&[
        "analyze",
        "--format",
        "jsonl",
        p.to_str().unwrap(),
    ]));
    assert_eq!(recs[0]["title"], "Town 1 votes on new budget");
    assert!(
        recs[0]["text"].as_str().unwrap().contains("\r\n"),
        "raw text is never rewritten"
    );
    assert!(!recs[0]["body"].as_str().unwrap().contains('\r'));
    check_spans(&recs[0]);
}

#[test]
fn json_lines_input_with_given_metadata_and_a_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("feed.jsonl");
    let good = serde_json::json!({"id": "x1", "text": article(2), "outlet": "Example Gazette",
        "date": "2024-03-01", "url": "https://www.example.org/a"});
    let html = serde_json::json!({"id": 7, "html": format!("<html><head><title>Page</title></head><body><article><p>{}</p></article></body></html>", "A paragraph long enough to be the body of a small test page, with a quote. ".repeat(3))});
    std::fs::write(&p, format!("{good}\n{{broken\n\n{html}\n")).unwrap();
    let out = narrascope(&["analyze", "--format", "jsonl", p.to_str().unwrap()]);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["outlet"], "Example Gazette");
    assert_eq!(recs[0]["meta"]["outlet"]["source"], "given");
    assert_eq!(recs[0]["date"], "2024-03-01");
    assert_eq!(recs[0]["url"], "https://www.example.org/a");
    assert_eq!(recs[1]["status"], "error");
    assert_eq!(recs[1]["path"], format!("{}:2", p.display()));
    assert_eq!(recs[2]["id"], "7");
    assert_eq!(recs[2]["format"], "html");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_and_csv_formats_and_out_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::write(dir.path().join(format!("{i}.txt")), article(i)).unwrap();
    }
    std::fs::write(dir.path().join("bad.txt"), "").unwrap();
    let d = dir.path().to_str().unwrap();
    let json = narrascope(&["analyze", "--format", "json", d]);
    let arr: Value = serde_json::from_slice(&json.stdout).expect("one JSON array");
    assert_eq!(arr.as_array().unwrap().len(), 4);
    let out = dir.path().join("out.csv");
    let csv = narrascope(&[
        "analyze",
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
        d,
    ]);
    assert!(csv.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    let mut lines = written.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("schema_version,status,id,path,title"));
    let error_row = format!("\n{},error,", narrascope_core::record::SCHEMA_VERSION);
    assert_eq!(written.matches(&error_row).count(), 1);
}

#[test]
fn unwritable_output_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), article(0)).unwrap();
    let out = narrascope(&[
        "analyze",
        "--out",
        "/nonexistent-dir/x.jsonl",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create output file"));
}

#[test]
fn sample_corpus_records_satisfy_the_schema_invariants() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let out = narrascope(&["analyze", "--format", "jsonl", corpus.to_str().unwrap()]);
    let recs = jsonl(&out);
    assert!(recs.len() >= 8, "the sample corpus has at least 8 articles");
    for r in &recs {
        assert_eq!(r["status"], "ok", "{r}");
        check_spans(r);
    }
}

#[test]
fn semeval_documents_satisfy_the_schema_invariants() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/semeval2025t10");
    if !data.is_dir() {
        eprintln!("skipped: {} is absent", data.display());
        return;
    }
    let out = narrascope(&["analyze", "--format", "jsonl", data.to_str().unwrap()]);
    let recs = jsonl(&out);
    assert!(recs.len() > 1000, "{} records", recs.len());
    for r in &recs {
        if r["status"] == "ok" {
            check_spans(r);
        }
    }
}
