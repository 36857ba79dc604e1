//! The read routes (health, articles, search, speakers, entities, narratives,
//! statistics) and the JSON errors of unknown routes, driven in-process.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;

use common::{get, read_only, send, IMG, SCRIPT};

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
