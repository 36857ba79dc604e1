//! Running the binary on a fixture and reading back its quotes.

use std::process::Command;

use serde_json::Value;

/// (quote text starts with, kind, speaker name) for every quote of an article.
pub(crate) fn quotes(file: &str) -> Vec<(String, String, Option<String>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    quotes_of(&format!("{root}/examples/corpus/{file}"))
}

/// The quotes of `text`, written to a fresh file `name` (our own fixture texts).
pub(crate) fn quotes_in(name: &str, text: &str) -> Vec<(String, String, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    quotes_of(path.to_str().unwrap())
}

pub(crate) fn quotes_of(path: &str) -> Vec<(String, String, Option<String>)> {
    let out = Command::new(env!("CARGO_BIN_EXE_narrascope"))
        .args(["quotes", "--format", "jsonl"])
        .arg(path)
        .output()
        .expect("narrascope runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let q = &v["quote"];
            (
                q["text"].as_str().unwrap().to_string(),
                q["kind"].as_str().unwrap().to_string(),
                q["speaker"]["name"].as_str().map(str::to_string),
            )
        })
        .collect()
}

pub(crate) fn speaker_of<'a>(
    qs: &'a [(String, String, Option<String>)],
    start: &str,
) -> Option<&'a str> {
    let q = qs
        .iter()
        .find(|q| q.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:#?}"));
    q.2.as_deref()
}

/// Asserts the speaker of the quote starting with `start`, showing every quote if not.
#[track_caller]
pub(crate) fn assert_speaker(
    qs: &[(String, String, Option<String>)],
    start: &str,
    want: Option<&str>,
) {
    assert_eq!(speaker_of(qs, start), want, "{qs:#?}");
}
