//! Records for the store tests.

#![allow(dead_code)]

use narrascope_store::PreparedArticle;
use serde_json::{json, Value};

/// A valid article record. `quotes` quotes alternate between a resolved speaker
/// (`person:ana-lopez`) and an unresolved one ("a ministry spokesman").
pub fn record(id: &str, hash: &str, title: &str, quotes: usize) -> Value {
    let body = format!("{title} body. The minister said the talks would resume. Ana Lopez spoke.");
    let text = format!("{title}\n\n{body}");
    let body_start = title.len() + 2;
    let quote_start = body_start + title.len() + 7 + "The minister said ".len();
    let quote_end = quote_start + "the talks would resume".len();
    let quotes: Vec<Value> = (0..quotes)
        .map(|i| {
            let speaker = if i % 2 == 0 {
                json!({"name": "Ana Lopez", "entity": "person:ana-lopez", "mention": null})
            } else {
                json!({"name": "a ministry spokesman", "entity": null, "mention": null})
            };
            json!({"start": quote_start, "end": quote_end, "text": "the talks would resume",
                   "kind": "indirect", "cue": null, "speaker": speaker, "channel": null})
        })
        .collect();
    json!({
        "schema_version": 2, "status": "ok", "id": id, "path": format!("{id}.txt"),
        "format": "text", "url": null, "title": title,
        "title_span": {"start": 0, "end": title.len()},
        "outlet": "Daily Planet", "date": "2024-03-05", "language": "en",
        "meta": {"outlet": null, "date": null, "language": null},
        "body": body, "text": text, "content_hash": hash,
        "body_spans": [{"start": body_start, "end": text.len()}], "noise": [],
        "paragraphs": [], "sentences": [], "duplicate_of": null,
        "entities": [{"id": "person:ana-lopez", "name": "Ana Lopez", "type": "person",
                      "titles": ["Minister"], "aliases": ["Lopez"],
                      "mentions": [{"start": 0, "end": 1, "kind": "name"}],
                      "conflicts": []}],
        "quotes": quotes, "warnings": []
    })
}

/// [`record`] prepared.
pub fn prepared(id: &str, hash: &str, quotes: usize) -> PreparedArticle {
    PreparedArticle::from_json(record(id, hash, &format!("Title of {id}"), quotes)).unwrap()
}

/// Sets a field of a record.
pub fn with(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}
