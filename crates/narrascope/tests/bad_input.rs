//! Bad input never panics, hangs or aborts a batch: each gets an error record naming
//! the file and the reason (or a documented recovery), and the batch goes on.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn narrascope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(args)
        .output()
        .expect("runs")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn analyze_one(path: &Path) -> (Output, Value) {
    let out = narrascope(&["analyze", "--format", "jsonl", path.to_str().unwrap()]);
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "one record for {}", path.display());
    (out, recs.into_iter().next().unwrap())
}

fn assert_error(rec: &Value, kind: &str, path: &Path) {
    assert_eq!(rec["status"], "error", "{rec}");
    assert_eq!(rec["error_kind"], kind, "{rec}");
    assert_eq!(rec["path"], path.to_str().unwrap());
    assert!(!rec["error"].as_str().unwrap().is_empty());
}

const GOOD: &str = "Council approves budget\n\nThe council approved the budget on Monday. \
    \"It is a fair plan,\" the mayor said.\n";

#[test]
fn binary_file_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("image.txt");
    std::fs::write(&p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let (out, rec) = analyze_one(&p);
    assert_error(&rec, "binary", &p);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn invalid_utf8_is_an_error_record_with_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.txt");
    std::fs::write(&p, b"Caf\xe9 opens\n\nThe caf\xe9 opened.").unwrap();
    let (_, rec) = analyze_one(&p);
    assert_error(&rec, "invalid_utf8", &p);
    assert!(rec["error"].as_str().unwrap().contains("offset 3"), "{rec}");
}

#[test]
fn empty_and_whitespace_files_are_error_records() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("empty.txt", ""), ("blank.txt", "  \n\r\n\t\n")] {
        let p = dir.path().join(name);
        std::fs::write(&p, content).unwrap();
        let (_, rec) = analyze_one(&p);
        assert_error(&rec, "empty", &p);
    }
}

#[test]
fn fifty_megabyte_file_is_refused_quickly_and_can_be_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let mut f = std::fs::File::create(&p).unwrap();
    f.write_all(b"A huge file\n\n").unwrap();
    let para = "The committee met again to discuss the report. ".repeat(20) + "\n\n";
    while f.metadata().unwrap().len() < 50 * 1024 * 1024 {
        f.write_all(para.as_bytes()).unwrap();
    }
    drop(f);
    let t = Instant::now();
    let (_, rec) = analyze_one(&p);
    assert_error(&rec, "too_large", &p);
    assert!(rec["error"].as_str().unwrap().contains("--max-size"));
    assert!(
        t.elapsed() < Duration::from_secs(10),
        "refusal must not read the file"
    );
}

#[test]
fn missing_path_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let missing = dir.path().join("nope.txt");
    let out = narrascope(&[
        "analyze",
        "--format",
        "jsonl",
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_error(&recs[0], "not_found", &missing);
    assert_eq!(recs[1]["status"], "ok");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 failed"), "{stderr}");
}

#[test]
fn one_bad_file_in_a_folder_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x00\x00").unwrap();
    std::fs::write(dir.path().join("c.txt"), GOOD.replace("budget", "plan")).unwrap();
    let out = narrascope(&["analyze", "--format", "jsonl", dir.path().to_str().unwrap()]);
    let recs = records(&out);
    let status: Vec<&str> = recs.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(status, ["ok", "error", "ok"]);
}

#[test]
fn deeply_nested_html_does_not_overflow_or_hang() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nested.html");
    let depth = 100_000;
    let mut html = String::from("<html><head><title>Deep</title></head><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>The article text sits at the bottom of a very deep tree of elements, as a hostile page might arrange.</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    std::fs::write(&p, html).unwrap();
    let t = Instant::now();
    let (out, rec) = analyze_one(&p);
    assert!(t.elapsed() < Duration::from_secs(60));
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "no crash: {out:?}"
    );
    assert!(
        rec["status"] == "ok" || rec["error_kind"] == "no_article",
        "{rec}"
    );
}

#[test]
fn malformed_html_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("broken.html");
    let html = "<html><title>Broken page</head><body><p>Unclosed paragraph about the \
        election results that were announced late on Sunday night by the commission.<p>Second \
        <b>bold <i>nested</b> text</i> that continues the report with more detail on turnout.\
        </div></span><table><tr><td>cell</table><script>var x = '<p>not text</p>';";
    std::fs::write(&p, html).unwrap();
    let (out, rec) = analyze_one(&p);
    assert_eq!(out.status.code(), Some(0), "{rec}");
    let body = rec["body"].as_str().unwrap();
    assert!(body.contains("election results"), "{body}");
    assert!(!body.contains("not text"), "script content leaked: {body}");
}

#[test]
fn html_without_text_is_a_no_article_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.html");
    std::fs::write(
        &p,
        "<html><body><script>1</script><nav><a href=x>Home</a></nav></body></html>",
    )
    .unwrap();
    let (_, rec) = analyze_one(&p);
    assert_error(&rec, "no_article", &p);
}

#[test]
fn corrupt_gzip_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.html.gz");
    std::fs::write(&p, b"\x1f\x8b\x08\x00garbage").unwrap();
    let (_, rec) = analyze_one(&p);
    assert_error(&rec, "bad_compression", &p);
}

#[test]
fn stdin_is_read_and_sniffed() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(["analyze", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(GOOD.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let recs = records(&out);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["title"], "Council approves budget");
}
