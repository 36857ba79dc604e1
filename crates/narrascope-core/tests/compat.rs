//! Records written by earlier schema versions still parse (tantivy-style compat fixtures).

use narrascope_core::record::{Record, SCHEMA_VERSION};
use narrascope_core::{InputErrorKind, NoiseKind};

#[test]
fn v1_fixture_parses() {
    let data = include_str!("compat/v1.jsonl");
    let recs: Vec<Record> = data
        .lines()
        .map(|l| serde_json::from_str(l).expect("v1 record parses"))
        .collect();
    match &recs[0] {
        Record::Article(a) => {
            assert_eq!(a.schema_version, 1);
            assert!(a.entities.is_empty() && a.quotes.is_empty());
            assert!(a.roles.is_empty() && a.explanation.is_none());
            assert_eq!(a.noise[0].kind, NoiseKind::Ad);
            let t = &a.text;
            let s = a.sentences[1];
            assert_eq!(&t[s.start..s.end], "“It is safe,” she said.");
        }
        Record::Error(_) => panic!("first fixture record is an article"),
    }
    match &recs[1] {
        Record::Error(e) => assert_eq!(e.error_kind, InputErrorKind::InvalidUtf8),
        Record::Article(_) => panic!("second fixture record is an error"),
    }
}

#[test]
fn current_version_is_documented() {
    // Bumping the version needs a new fixture and a section in docs/schema.md.
    assert_eq!(SCHEMA_VERSION, 4);
    let doc = include_str!("../../../docs/schema.md");
    assert!(doc.contains(&format!("**version {SCHEMA_VERSION}**")));
}
