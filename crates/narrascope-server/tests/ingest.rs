//! `POST /api/ingest`: the token, storing and indexing, the body limit.

mod common;

use axum::http::StatusCode;
use serde_json::{json, Value};

use common::{get, post_ingest, read_only, record, writable, TOKEN};

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[tokio::test]
async fn ingest_needs_the_token() {
    let app = writable(1 << 20);
    let body = jsonl(&[record("new", "New", "New body.", "Hi")]);
    let none = post_ingest(&app, None, body.clone()).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.error_code(), "unauthorized");
    let wrong = post_ingest(
        &app,
        Some("Bearer correct-horse-battery-stapl"),
        body.clone(),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(&app, "/api/articles/new").await.status,
        StatusCode::NOT_FOUND
    );
    let ro = post_ingest(&read_only(), Some(&format!("Bearer {TOKEN}")), body).await;
    assert_eq!(ro.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn ingest_with_the_token_stores_and_indexes() {
    let app = writable(1 << 20);
    let auth = format!("Bearer {TOKEN}");
    let body = format!(
        "{}\nnot json\n\n{}\n",
        record(
            "new",
            "Lighthouse restored",
            "The lighthouse shines.",
            "At last"
        ),
        json!({"schema_version": 2, "status": "error", "id": null, "path": "x.txt",
               "error_kind": "empty", "error": "empty"})
    );
    let r = post_ingest(&app, Some(&auth), body.clone()).await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(
        (v["added"].as_u64(), v["failed"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(v["errors"][0]["line"], 2);
    assert_eq!(get(&app, "/api/articles/new").await.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/api/search?q=lighthouse").await.json()["total"],
        1
    );
    let again = post_ingest(&app, Some(&auth), body).await.json();
    assert_eq!(again["unchanged"], 1);
    let array = format!("[{}]", record("arr", "Array", "Array body.", "Yes"));
    assert_eq!(
        post_ingest(&app, Some(&auth), array).await.json()["added"],
        1
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413() {
    let app = writable(4096);
    let big = jsonl(&[record("big", "Big", &"word ".repeat(2000), "Hi")]);
    let r = post_ingest(&app, Some(&format!("Bearer {TOKEN}")), big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.error_code(), "too_large");
}
