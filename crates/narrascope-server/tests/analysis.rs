//! The analyst routes: matrices, shared quotes, near-duplicates, title conflicts.

mod common;

use axum::http::StatusCode;
use axum::Router;
use serde_json::{json, Value};

use common::{corpus_of, get, read_only, read_only_over};

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
    read_only_over(corpus_of([
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
    ]))
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
