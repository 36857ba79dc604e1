//! Setup shared by the API tests: a small corpus, routers over it, and a helper
//! that sends one request in-process with `oneshot` (no socket).

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use narrascope_server::{app, AppState, ServerConfig, Ui};
use narrascope_store::{Corpus, PreparedArticle};
use serde_json::{json, Value};
use tower::ServiceExt;

/// The bearer token of [`writable`] servers.
pub const TOKEN: &str = "correct-horse-battery-staple";
/// Hostile markup that must come back as an inert JSON string.
pub const SCRIPT: &str = "<script>alert(1)</script>";
/// Hostile markup that must come back as an inert JSON string.
pub const IMG: &str = "<img src=x onerror=alert(1)>";

/// A v2 record by `Ana Lopez` in `Daily Planet` with one direct quote and one
/// narrative label.
pub fn record(id: &str, title: &str, body: &str, quote: &str) -> Value {
    let text = format!("{title}\n\n{body} \u{201c}{quote}\u{201d} she said.");
    let qs = text.find(quote).unwrap();
    json!({
        "schema_version": 2, "status": "ok", "id": id, "path": format!("{id}.txt"),
        "format": "text", "url": null, "title": title,
        "title_span": {"start": 0, "end": title.len()},
        "outlet": "Daily Planet", "date": "2024-03-05", "language": "en",
        "meta": {"outlet": null, "date": null, "language": null},
        "body": body, "text": text, "content_hash": format!("{:016x}", id.len()),
        "body_spans": [], "noise": [], "paragraphs": [], "sentences": [],
        "duplicate_of": null,
        "entities": [{"id": "person:ana-lopez", "name": "Ana Lopez", "type": "person",
                      "titles": [], "aliases": [], "mentions": [], "conflicts": []}],
        "quotes": [{"start": qs, "end": qs + quote.len(), "text": quote, "kind": "direct",
                    "cue": null, "channel": null,
                    "speaker": {"name": "Ana Lopez", "entity": "person:ana-lopez", "mention": null}}],
        "narratives": [{"label": "CC: Criticism of institutions", "score": 0.9,
                        "evidence": [{"start": 0, "end": title.len()}]}],
        "warnings": []
    })
}

/// The corpus of the read tests: four articles, one with hostile markup and one
/// whose id has a slash.
pub fn corpus() -> Corpus {
    corpus_of([
        record(
            "a",
            "Grain talks resume",
            "Delegations met in Minsk.",
            "We are ready",
        ),
        record(
            "b",
            "Harbour reopens",
            "The harbour reopened on Monday.",
            "Trade will recover",
        ),
        record(
            "hostile",
            &format!("Breaking {SCRIPT}"),
            &format!("Body with {IMG} inside."),
            &format!("quote {SCRIPT}"),
        ),
        record(
            "dir/feed.jsonl:3",
            "Slash id",
            "A JSON Lines article.",
            "Fine",
        ),
    ])
}

/// An in-memory corpus holding `records`, ingested as one batch.
pub fn corpus_of(records: impl IntoIterator<Item = Value>) -> Corpus {
    let mut c = Corpus::in_memory().unwrap();
    let batch: Vec<_> = records
        .into_iter()
        .map(|r| PreparedArticle::from_json(r).unwrap())
        .collect();
    c.ingest(&batch).unwrap();
    c
}

/// The API over [`corpus`] with `config`.
pub fn server(config: ServerConfig) -> Router {
    app(AppState::new(corpus(), config))
}

/// The API over [`corpus`] without a token or a UI.
pub fn read_only() -> Router {
    read_only_over(corpus())
}

/// The API over `corpus` without a token or a UI.
pub fn read_only_over(corpus: Corpus) -> Router {
    app(AppState::new(
        corpus,
        ServerConfig {
            ui: Ui::None,
            ..ServerConfig::default()
        },
    ))
}

/// The API over [`corpus`] with ingest enabled under [`TOKEN`].
pub fn writable(max_body_bytes: usize) -> Router {
    server(ServerConfig {
        token: Some(TOKEN.into()),
        ui: Ui::None,
        max_body_bytes,
    })
}

/// What a request got back.
pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub nosniff: bool,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON; fails unless the content type says JSON.
    pub fn json(&self) -> Value {
        assert!(
            self.content_type.starts_with("application/json"),
            "{}",
            self.content_type
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    /// `error.code` of a JSON error body.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

/// Sends `req` to `app` in-process.
pub async fn send(app: &Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let nosniff = res.headers().get(header::X_CONTENT_TYPE_OPTIONS).is_some();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Reply {
        status,
        content_type,
        nosniff,
        body,
    }
}

/// `GET uri`.
pub async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// `POST /api/ingest` with `body` and an optional `Authorization` header.
pub async fn post_ingest(app: &Router, auth: Option<&str>, body: String) -> Reply {
    let mut req = Request::post("/api/ingest");
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    send(app, req.body(Body::from(body)).unwrap()).await
}
