//! Every route, driven in-process with `oneshot` (no socket).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use narrascope_server::{app, AppState, ServerConfig, Ui, CONTENT_SECURITY_POLICY};
use narrascope_store::{Corpus, PreparedArticle};
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "correct-horse-battery-staple";
const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";

fn record(id: &str, title: &str, body: &str, quote: &str) -> Value {
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

fn corpus() -> Corpus {
    let mut c = Corpus::in_memory().unwrap();
    let records = [
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
    ];
    let batch: Vec<_> = records
        .into_iter()
        .map(|r| PreparedArticle::from_json(r).unwrap())
        .collect();
    c.ingest(&batch).unwrap();
    c
}

fn server(config: ServerConfig) -> Router {
    app(AppState::new(corpus(), config))
}

fn read_only() -> Router {
    server(ServerConfig {
        ui: Ui::None,
        ..ServerConfig::default()
    })
}

fn writable(max_body_bytes: usize) -> Router {
    server(ServerConfig {
        token: Some(TOKEN.into()),
        ui: Ui::None,
        max_body_bytes,
    })
}

struct Reply {
    status: StatusCode,
    content_type: String,
    nosniff: bool,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        assert!(
            self.content_type.starts_with("application/json"),
            "{}",
            self.content_type
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_string()
    }
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
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

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post_ingest(app: &Router, auth: Option<&str>, body: String) -> Reply {
    let mut req = Request::post("/api/ingest");
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    send(app, req.body(Body::from(body)).unwrap()).await
}

#[tokio::test]
async fn health_reports_the_store() {
    let r = get(&read_only(), "/api/health").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.nosniff);
    let v = r.json();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["backend"], "sqlite");
    assert_eq!(v["index_current"], true);
    assert_eq!(v["writable"], false);
}

#[tokio::test]
async fn articles_are_paginated() {
    let app = read_only();
    let v = get(&app, "/api/articles?limit=2&offset=1").await.json();
    assert_eq!(v["total"], 4);
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][0]["id"], "b");
    assert_eq!(
        get(&app, "/api/articles?limit=100000").await.json()["limit"],
        200
    );
    let bad = get(&app, "/api/articles?limit=-1").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.error_code(), "bad_request");
}

#[tokio::test]
async fn one_article_is_the_analyze_record() {
    let app = read_only();
    let v = get(&app, "/api/articles/a").await.json();
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["title"], "Grain talks resume");
    assert_eq!(v["narratives"][0]["label"], "CC: Criticism of institutions");
    let slash = get(&app, "/api/articles/dir/feed.jsonl:3").await;
    assert_eq!(slash.status, StatusCode::OK);
    assert_eq!(slash.json()["id"], "dir/feed.jsonl:3");
}

#[tokio::test]
async fn a_missing_article_is_a_json_404() {
    let r = get(&read_only(), "/api/articles/nope").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.error_code(), "not_found");
}

#[tokio::test]
async fn hostile_markup_comes_back_as_json_strings() {
    let app = read_only();
    let article = get(&app, "/api/articles/hostile").await;
    assert!(article.nosniff);
    let v = article.json();
    assert_eq!(v["title"], format!("Breaking {SCRIPT}"));
    assert_eq!(v["body"], format!("Body with {IMG} inside."));
    assert_eq!(v["quotes"][0]["text"], format!("quote {SCRIPT}"));

    let found = get(&app, "/api/search?q=breaking").await.json();
    assert_eq!(found["hits"][0]["title"], format!("Breaking {SCRIPT}"));
    let quotes = get(&app, "/api/speakers/person:ana-lopez/quotes?limit=200")
        .await
        .json();
    let texts: Vec<&str> = quotes["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&format!("quote {SCRIPT}").as_str()));
    let listed = get(&app, "/api/articles").await.json();
    assert!(listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["title"] == format!("Breaking {SCRIPT}")));
}

#[tokio::test]
async fn search_filters_by_facets_and_pages() {
    let app = read_only();
    let v = get(&app, "/api/search?q=harbour").await.json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["id"], "b");
    assert!(!v["hits"][0]["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .is_empty());
    let all = get(
        &app,
        "/api/search?outlet=Daily%20Planet&date=2024-03&limit=1",
    )
    .await
    .json();
    assert_eq!(
        (all["total"].as_u64(), all["hits"].as_array().unwrap().len()),
        (Some(4), 1)
    );
    assert_eq!(all["facets"]["outlet"][0]["value"], "Daily Planet");
    let by_speaker = get(&app, "/api/search?speaker=person:ana-lopez&q=grain")
        .await
        .json();
    assert_eq!(by_speaker["total"], 1);
    let by_narrative = get(
        &app,
        "/api/search?narrative=CC%3A%20Criticism%20of%20institutions",
    )
    .await
    .json();
    assert_eq!(by_narrative["total"], 4);
    let none = get(&app, "/api/search?outlet=Elsewhere").await.json();
    assert_eq!(none["total"], 0);
    let bad = get(&app, "/api/search?colour=red").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let deep = get(&app, "/api/search?offset=18446744073709551615").await;
    assert_eq!(deep.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn speakers_and_their_quotes() {
    let app = read_only();
    let v = get(&app, "/api/speakers").await.json();
    assert_eq!(v["items"][0]["id"], "person:ana-lopez");
    assert_eq!(v["items"][0]["quotes"], 4);
    let q = get(
        &app,
        "/api/speakers/person:ana-lopez/quotes?limit=1&offset=1",
    )
    .await
    .json();
    assert_eq!(
        (q["total"].as_u64(), q["items"].as_array().unwrap().len()),
        (Some(4), 1)
    );
    let item = &q["items"][0];
    let record = get(
        &app,
        &format!("/api/articles/{}", item["article_id"].as_str().unwrap()),
    )
    .await
    .json();
    let text = record["text"].as_str().unwrap();
    let (s, e) = (
        item["start"].as_u64().unwrap() as usize,
        item["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &text[s..e],
        item["text"].as_str().unwrap(),
        "quote offsets index the record text"
    );
    let missing = get(&app, "/api/speakers/name:nobody/quotes").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn entities_and_one_entity() {
    let app = read_only();
    let v = get(&app, "/api/entities?type=person").await.json();
    assert_eq!(v["items"][0]["id"], "person:ana-lopez");
    assert_eq!(v["items"][0]["articles"], 4);
    assert_eq!(get(&app, "/api/entities?type=org").await.json()["total"], 0);
    let e = get(&app, "/api/entities/person:ana-lopez").await.json();
    assert_eq!(e["type"], "person");
    assert_eq!(e["quotes"], 4);
    assert_eq!(e["in_articles"].as_array().unwrap().len(), 4);
    assert_eq!(
        get(&app, "/api/entities/org:none").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn narratives_with_evidence() {
    let app = read_only();
    let v = get(&app, "/api/narratives").await.json();
    assert_eq!(v["items"][0]["label"], "CC: Criticism of institutions");
    assert_eq!(v["items"][0]["articles"], 4);
    let hits = get(
        &app,
        "/api/narratives/articles?label=CC%3A%20Criticism%20of%20institutions&limit=10",
    )
    .await
    .json();
    assert_eq!(hits["total"], 4);
    let first = &hits["items"][0];
    assert_eq!(first["evidence"][0]["text"], first["title"]);
    assert_eq!(
        get(&app, "/api/narratives/articles").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/narratives/articles?label=none")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn corpus_statistics() {
    let v = get(&read_only(), "/api/stats").await.json();
    assert_eq!(v["articles"], 4);
    assert_eq!(v["quotes"], 4);
    assert_eq!(
        v["by_outlet"][0],
        json!({"value": "Daily Planet", "count": 4})
    );
    assert_eq!(v["by_language"][0]["value"], "en");
    assert_eq!(v["by_narrative"][0]["count"], 4);
}

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

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let app = read_only();
    let r = get(&app, "/api/nothing").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.error_code(), "not_found");
    let m = send(
        &app,
        Request::delete("/api/articles")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(m.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(m.error_code(), "method_not_allowed");
}

#[tokio::test]
async fn the_ui_is_compiled_in_with_a_strict_policy() {
    // Without a UI: a JSON 404.
    let r = get(&read_only(), "/").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.error_code(), "not_found");

    let app = server(ServerConfig::default());
    let res = app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert_eq!(csp, CONTENT_SECURITY_POLICY);
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(h[header::CACHE_CONTROL], "no-cache");
    let etag = h[header::ETAG].to_str().unwrap().to_string();
    let page =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    // No inline script or style: everything the page runs comes from /assets/.
    assert!(page.contains(r#"<script defer src="/assets/app.js"></script>"#));
    assert!(!page.contains("<script>") && !page.contains("<style") && !page.contains("style="));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no CDN"
    );

    // Revalidation answers 304 without a body.
    let again = app
        .clone()
        .oneshot(
            Request::get("/")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    for (path, ty) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/text.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/assets/vendor/chart.umd.min.js", "text/javascript"),
        (
            "/assets/vendor/chartjs-chart-matrix.min.js",
            "text/javascript",
        ),
    ] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.content_type.starts_with(ty), "{path}: {}", r.content_type);
        assert!(r.nosniff);
        assert!(!r.body.is_empty());
    }
    for missing in [
        "/assets/nope.js",
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
    ] {
        assert_eq!(
            get(&app, missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn the_ui_can_be_served_from_a_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>narrascope dev</title>",
    )
    .unwrap();
    std::fs::write(tmp.path().parent().unwrap().join("outside.js"), "x").ok();
    let app = server(ServerConfig {
        ui: Ui::Dir(dir.clone()),
        ..ServerConfig::default()
    });
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    assert!(String::from_utf8(page.body)
        .unwrap()
        .contains("narrascope dev"));
    assert_eq!(
        get(&app, "/assets/app.js").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/assets/..%2Foutside.js").await.status,
        StatusCode::NOT_FOUND
    );
}

/// A v4 record: `outlet`, a quote by `speaker`, entities with titles (and their
/// conflicts), roles, one narrative.
#[allow(clippy::too_many_arguments)]
fn v4_record(
    id: &str,
    outlet: &str,
    quote: &str,
    titles: &[&str],
    conflicts: &[&str],
    role: Option<&str>,
    narrative: &str,
    duplicate_of: Option<&str>,
) -> Value {
    let title = format!("Report {id}");
    let text = format!("{title}\n\nAlexander Lukashenko said: \u{ab}{quote}\u{bb}");
    let qs = text.find(quote).unwrap();
    let name = text.find("Alexander").unwrap();
    let roles: Vec<Value> = role
        .map(|r| {
            json!({"entity": "person:alexander-lukashenko", "name": "Alexander Lukashenko",
                   "mention": {"start": name, "end": name + 20}, "main_role": r,
                   "fine_roles": ["Guardian"], "score": 0.8, "evidence": []})
        })
        .into_iter()
        .collect();
    json!({
        "schema_version": 4, "status": "ok", "id": id, "path": format!("{id}.txt"),
        "format": "text", "url": null, "title": title,
        "title_span": {"start": 0, "end": title.len()},
        "outlet": outlet, "date": "2024-04-01", "language": "en",
        "meta": {"outlet": null, "date": null, "language": null},
        "body": "", "text": text, "content_hash": format!("{:016x}", id.len() + 99),
        "body_spans": [], "noise": [], "paragraphs": [], "sentences": [],
        "duplicate_of": duplicate_of,
        "entities": [{"id": "person:alexander-lukashenko", "name": "Alexander Lukashenko",
                      "type": "person", "titles": titles, "aliases": [],
                      "mentions": [{"start": name, "end": name + 20, "kind": "name"}],
                      "conflicts": conflicts}],
        "quotes": [{"start": qs, "end": qs + quote.len(), "text": quote, "kind": "direct",
                    "cue": null, "channel": null,
                    "speaker": {"name": "Alexander Lukashenko",
                                "entity": "person:alexander-lukashenko", "mention": null}}],
        "narratives": [{"label": narrative, "score": 0.7, "evidence": []}],
        "roles": roles, "explanation": null, "warnings": []
    })
}

fn analyst_server() -> Router {
    let mut c = Corpus::in_memory().unwrap();
    let records = [
        v4_record(
            "w1",
            "BelTA",
            "Мы готовы к переговорам, «сегодня».",
            &["Belarusian President"],
            &[],
            Some("Protagonist"),
            "URW: Praise of Russia",
            None,
        ),
        v4_record(
            "w2",
            "Wire <b>Two</b>",
            "мы ГОТОВЫ к переговорам — сегодня!",
            &["Russian President"],
            &[],
            Some("Antagonist"),
            "URW: Praise of Russia",
            Some("w1"),
        ),
        v4_record(
            "w3",
            "Third",
            "Nothing in common here at all",
            &["Belarusian President", "Russian President"],
            &["Belarusian President", "Russian President"],
            Some("Antagonist"),
            "URW: Discrediting Ukraine",
            Some("w1"),
        ),
        v4_record(
            "w4",
            "Third",
            "ok then",
            &[],
            &[],
            None,
            "URW: Discrediting Ukraine",
            None,
        ),
    ];
    let batch: Vec<_> = records
        .into_iter()
        .map(|r| PreparedArticle::from_json(r).unwrap())
        .collect();
    c.ingest(&batch).unwrap();
    app(AppState::new(
        c,
        ServerConfig {
            ui: Ui::None,
            ..ServerConfig::default()
        },
    ))
}

fn cell(m: &Value, row: &str, column: &str) -> u64 {
    m["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["row"] == row && c["column"] == column)
        .map_or(0, |c| c["count"].as_u64().unwrap())
}

#[tokio::test]
async fn outlet_by_narrative_matrix() {
    let app = analyst_server();
    let m = get(&app, "/api/stats/outlet-narratives").await.json();
    assert_eq!(m["level"], "narrative");
    assert_eq!(m["total_rows"], 3);
    assert_eq!(m["rows"][0]["value"], "Third", "most articles first");
    assert_eq!(m["rows"][0]["count"], 2);
    assert_eq!(cell(&m, "Third", "URW: Discrediting Ukraine"), 2);
    assert_eq!(cell(&m, "BelTA", "URW: Praise of Russia"), 1);
    assert_eq!(cell(&m, "BelTA", "URW: Discrediting Ukraine"), 0);
    // Rows page; the cells follow the rows.
    let p = get(&app, "/api/stats/outlet-narratives?limit=1&offset=1")
        .await
        .json();
    assert_eq!(p["rows"].as_array().unwrap().len(), 1);
    let row = p["rows"][0]["value"].clone();
    assert!(p["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["row"] == row));
    let sub = get(&app, "/api/stats/outlet-narratives?level=subnarrative")
        .await
        .json();
    assert_eq!(sub["cells"].as_array().unwrap().len(), 0);
    let bad = get(&app, "/api/stats/outlet-narratives?level=nope").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn roles_by_outlet_from_v4_roles() {
    let app = analyst_server();
    let m = get(&app, "/api/stats/roles-by-outlet").await.json();
    assert_eq!(cell(&m, "BelTA", "Protagonist"), 1);
    assert_eq!(cell(&m, "Wire <b>Two</b>", "Antagonist"), 1);
    assert_eq!(cell(&m, "Third", "Antagonist"), 1);
    assert_eq!(m["columns"][0]["value"], "Antagonist");
    let one = get(
        &app,
        "/api/stats/roles-by-outlet?entity=person%3Aalexander-lukashenko",
    )
    .await
    .json();
    assert_eq!(one["entity"], "person:alexander-lukashenko");
    assert_eq!(one["cells"], m["cells"]);
    let none = get(&app, "/api/stats/roles-by-outlet?entity=person%3Anobody")
        .await
        .json();
    assert_eq!(none["cells"].as_array().unwrap().len(), 0);
    // The role facet of search is fed from `roles[]` too.
    let s = get(&app, "/api/search?role=Antagonist").await.json();
    assert_eq!(s["total"], 2);
    let s = get(&app, "/api/search?role=Guardian").await.json();
    assert_eq!(s["total"], 3);
}

#[tokio::test]
async fn the_same_quote_in_several_outlets() {
    let app = analyst_server();
    let v = get(&app, "/api/quotes/shared").await.json();
    assert_eq!(v["total"], 1, "{v}");
    let g = &v["items"][0];
    assert_eq!(g["key"], "мы готовы к переговорам сегодня");
    assert_eq!(g["outlets"], 2);
    assert_eq!(g["occurrences"], 2);
    let ids: Vec<_> = g["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["w1", "w2"]);
    let three = get(&app, "/api/quotes/shared?min_outlets=3").await.json();
    assert_eq!(three["total"], 0);
    let bad = get(&app, "/api/quotes/shared?min_outlets=0").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn near_duplicate_groups() {
    let app = analyst_server();
    let v = get(&app, "/api/duplicates").await.json();
    assert_eq!(v["total"], 1);
    let g = &v["items"][0];
    assert_eq!(g["original"]["id"], "w1");
    assert_eq!(g["original"]["outlet"], "BelTA");
    let copies: Vec<_> = g["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(copies, ["w2", "w3"]);
    let empty = get(&read_only(), "/api/duplicates").await.json();
    assert_eq!(empty["total"], 0);
}

#[tokio::test]
async fn conflicting_titles_within_articles_and_between_sources() {
    let app = analyst_server();
    let v = get(&app, "/api/conflicts").await.json();
    let items = v["items"].as_array().unwrap();
    let within: Vec<_> = items.iter().filter(|c| c["kind"] == "article").collect();
    assert_eq!(within.len(), 1);
    assert_eq!(within[0]["articles"][0]["id"], "w3");
    assert_eq!(
        within[0]["titles"],
        json!(["Belarusian President", "Russian President"])
    );
    let between: Vec<_> = items.iter().filter(|c| c["kind"] == "sources").collect();
    assert!(
        between.iter().any(|c| c["articles"][0]["id"] == "w1"
            && c["articles"][1]["id"] == "w2"
            && c["titles"] == json!(["Belarusian President", "Russian President"])),
        "{v}"
    );
    assert!(between.iter().all(
        |c| c["entity"] == "person:alexander-lukashenko" && c["name"] == "Alexander Lukashenko"
    ));
    assert_eq!(v["total"].as_u64().unwrap() as usize, items.len());
    let page = get(&app, "/api/conflicts?limit=1&offset=1").await.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["total"], v["total"]);
    let other = get(&app, "/api/conflicts?entity=person%3Anobody")
        .await
        .json();
    assert_eq!(other["total"], 0);
}
