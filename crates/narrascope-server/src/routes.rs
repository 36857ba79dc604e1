//! The handlers. Each one runs its store or index work on the blocking pool and
//! answers JSON (`docs/api.md` documents every route).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use narrascope_store::{
    BatchOutcome, Corpus, Matrix, Page, Paged, PreparedArticle, SearchQuery, FACETS,
};
use serde::Serialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::{Id, Params};
use crate::{assets, auth, AppState};

/// Records stored per transaction by `POST /api/ingest`.
const INGEST_BATCH: usize = 64;
/// Per-record errors listed in an ingest answer (the count is always complete).
const MAX_LISTED_ERRORS: usize = 100;

type ApiResult<T = Response> = Result<T, ApiError>;

/// Runs `f` on the corpus on the blocking pool (SQLite and tantivy calls block).
async fn with_corpus<T, F>(state: &AppState, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Corpus) -> ApiResult<T> + Send + 'static,
{
    let inner = state.inner.clone();
    tokio::task::spawn_blocking(move || {
        // A panic while holding the lock leaves nothing half-done (writes are
        // transactions), so a poisoned lock is safe to take over.
        let mut corpus = inner.corpus.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut corpus)
    })
    .await
    .map_err(|e| ApiError::internal(&e))?
}

fn json<T: Serialize>(value: T) -> ApiResult {
    Ok(Json(value).into_response())
}

pub async fn health(State(state): State<AppState>) -> ApiResult {
    let writable = state.writable();
    json(
        with_corpus(&state, move |c| {
            Ok(json!({
                "status": "ok",
                "version": env!("CARGO_PKG_VERSION"),
                "backend": c.store().backend(),
                "schema_version": c.store().schema_version()?,
                "generation": c.store().generation()?,
                "index_current": c.index_is_current()?,
                "writable": writable,
            }))
        })
        .await?,
    )
}

pub async fn articles(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    json(with_corpus(&state, move |c| Ok(c.store().articles(page)?)).await?)
}

pub async fn article(State(state): State<AppState>, Id(id): Id) -> ApiResult {
    let found = with_corpus(&state, {
        let id = id.clone();
        move |c| Ok(c.store().article_json(&id)?)
    })
    .await?;
    match found {
        // The stored record is already JSON: send it as it is.
        Some(record) => Ok(([(header::CONTENT_TYPE, "application/json")], record).into_response()),
        None => Err(ApiError::not_found(format!("no article `{id}`"))),
    }
}

pub async fn search(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let mut filters = Vec::new();
    for (key, value) in &params.0 {
        match key.as_str() {
            "q" | "limit" | "offset" => {}
            k if FACETS.contains(&k) => {
                if !value.trim().is_empty() {
                    filters.push((key.clone(), value.clone()));
                }
            }
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter `{other}` (facets: {})",
                    FACETS.join(", ")
                )))
            }
        }
    }
    filters.sort();
    let query = SearchQuery {
        text: params.get("q").unwrap_or("").to_string(),
        filters,
        page,
    };
    json(with_corpus(&state, move |c| Ok(c.search(&query)?)).await?)
}

pub async fn speakers(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    json(with_corpus(&state, move |c| Ok(c.store().speakers(page)?)).await?)
}

pub async fn speaker_quotes(
    State(state): State<AppState>,
    Id(id): Id,
    params: Params,
) -> ApiResult {
    let page = params.page()?;
    let found = with_corpus(&state, {
        let id = id.clone();
        move |c| Ok(c.store().speaker_quotes(&id, page)?)
    })
    .await?;
    found
        .map(json)
        .unwrap_or_else(|| Err(ApiError::not_found(format!("no speaker `{id}`"))))
}

pub async fn entities(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let etype = params
        .get("type")
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    json(
        with_corpus(&state, move |c| {
            Ok(c.store().entities(etype.as_deref(), page)?)
        })
        .await?,
    )
}

pub async fn entity(State(state): State<AppState>, Id(id): Id) -> ApiResult {
    let found = with_corpus(&state, {
        let id = id.clone();
        move |c| Ok(c.store().entity(&id)?)
    })
    .await?;
    found
        .map(json)
        .unwrap_or_else(|| Err(ApiError::not_found(format!("no entity `{id}`"))))
}

pub async fn narratives(State(state): State<AppState>) -> ApiResult {
    let items = with_corpus(&state, |c| Ok(c.store().narratives()?)).await?;
    json(json!({ "items": items }))
}

pub async fn narrative_articles(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let label = params
        .get("label")
        .filter(|l| !l.is_empty())
        .ok_or_else(|| ApiError::bad_request("`label` is required"))?
        .to_string();
    let found = with_corpus(&state, {
        let label = label.clone();
        move |c| Ok(c.store().narrative_articles(&label, page)?)
    })
    .await?;
    found
        .map(json)
        .unwrap_or_else(|| Err(ApiError::not_found(format!("no article carries `{label}`"))))
}

pub async fn stats(State(state): State<AppState>) -> ApiResult {
    json(with_corpus(&state, |c| Ok(c.store().stats()?)).await?)
}

#[derive(Serialize)]
struct RecordError {
    /// 1-based line (JSON Lines) or array position.
    line: usize,
    error: String,
}

/// `POST /api/ingest`: analysed records (JSON Lines, or one JSON array), as written
/// by `narrascope analyze --format jsonl`.
pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    // Authenticate before looking at the body.
    auth::check(&headers, state.inner.token.as_deref())?;
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!("request body over {} bytes", state.inner.max_body_bytes),
            )
        } else {
            ApiError::bad_request("unreadable request body")
        }
    })?;
    let text =
        std::str::from_utf8(&body).map_err(|_| ApiError::bad_request("body is not UTF-8"))?;
    let (values, mut errors) = parse_records(text)?;
    let mut failed = errors.len();
    let mut prepared = Vec::with_capacity(values.len());
    for (line, value) in values {
        match PreparedArticle::from_json(value) {
            Ok(p) => prepared.push(p),
            Err(e) => {
                failed += 1;
                errors.push(RecordError {
                    line,
                    error: e.to_string(),
                });
            }
        }
    }
    let outcome = with_corpus(&state, move |c| {
        let mut total = BatchOutcome::default();
        for batch in prepared.chunks(INGEST_BATCH) {
            total.absorb(&c.ingest(batch)?);
        }
        Ok(total)
    })
    .await?;
    errors.truncate(MAX_LISTED_ERRORS);
    json(json!({
        "added": outcome.added,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "failed": failed,
        "generation": outcome.generation,
        "errors": errors,
    }))
}

type Parsed = (Vec<(usize, Value)>, Vec<RecordError>);

/// A JSON array, or JSON Lines (blank lines skipped; a bad line is an error for that
/// line, not for the request).
fn parse_records(text: &str) -> ApiResult<Parsed> {
    if text.trim_start().starts_with('[') {
        let array: Vec<Value> = serde_json::from_str(text)
            .map_err(|e| ApiError::bad_request(format!("body is not a JSON array: {e}")))?;
        return Ok((
            array
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i + 1, v))
                .collect(),
            Vec::new(),
        ));
    }
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => values.push((i + 1, v)),
            Err(e) => errors.push(RecordError {
                line: i + 1,
                error: format!("not JSON: {e}"),
            }),
        }
    }
    Ok((values, errors))
}

/// `GET /`: the UI's `index.html`.
pub async fn index_page(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    assets::serve(&state.inner.ui, "index.html", &headers).await
}

/// `GET /assets/{*path}`: the UI's scripts, styles and vendored libraries.
pub async fn asset(State(state): State<AppState>, Id(path): Id, headers: HeaderMap) -> ApiResult {
    assets::serve(&state.inner.ui, &path, &headers).await
}

/// A page of a [`Matrix`]'s rows (outlets), keeping only their cells.
fn matrix_page(m: Matrix, page: Page) -> Value {
    let total_rows = m.rows.len();
    let rows: Vec<_> = m
        .rows
        .into_iter()
        .skip(page.offset)
        .take(page.limit)
        .collect();
    let cells: Vec<_> = m
        .cells
        .into_iter()
        .filter(|c| rows.iter().any(|r| r.value == c.row))
        .collect();
    json!({
        "total_rows": total_rows,
        "limit": page.limit,
        "offset": page.offset,
        "rows": rows,
        "columns": m.columns,
        "cells": cells,
    })
}

/// `GET /api/stats/outlet-narratives?level`: articles per outlet × narrative.
pub async fn outlet_narratives(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let level = match params.get("level").filter(|l| !l.is_empty()) {
        None | Some("narrative") => "narrative",
        Some("subnarrative") => "subnarrative",
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "`level` is `narrative` or `subnarrative`, not `{other}`"
            )))
        }
    };
    let m = with_corpus(&state, move |c| Ok(c.store().outlet_narratives(level)?)).await?;
    let mut v = matrix_page(m, page);
    v["level"] = json!(level);
    json(v)
}

/// `GET /api/stats/roles-by-outlet?entity`: role assignments per outlet × main role.
pub async fn roles_by_outlet(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let entity = params
        .get("entity")
        .filter(|e| !e.is_empty())
        .map(str::to_string);
    let m = with_corpus(&state, {
        let entity = entity.clone();
        move |c| Ok(c.store().roles_by_outlet(entity.as_deref())?)
    })
    .await?;
    let mut v = matrix_page(m, page);
    v["entity"] = json!(entity);
    json(v)
}

/// `GET /api/quotes/shared?min_outlets`: the same quote carried by several outlets.
pub async fn shared_quotes(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let min_outlets = match params.get("min_outlets").filter(|v| !v.is_empty()) {
        None => 2,
        Some(v) => v
            .parse::<u64>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| ApiError::bad_request("`min_outlets` must be a positive integer"))?,
    };
    json(
        with_corpus(&state, move |c| {
            Ok(c.store().shared_quotes(min_outlets, page)?)
        })
        .await?,
    )
}

/// `GET /api/duplicates`: articles with their stored near-duplicates.
pub async fn duplicates(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    json(with_corpus(&state, move |c| Ok(c.store().duplicates(page)?)).await?)
}

/// `GET /api/conflicts?entity`: contradictory titles, within articles and across
/// sources.
pub async fn conflicts(State(state): State<AppState>, params: Params) -> ApiResult {
    let page = params.page()?;
    let entity = params
        .get("entity")
        .filter(|e| !e.is_empty())
        .map(str::to_string);
    let rows = with_corpus(&state, |c| Ok(c.store().entity_titles()?)).await?;
    let mut all = crate::conflicts::find(&rows);
    if let Some(e) = &entity {
        all.retain(|c| &c.entity == e);
    }
    let total = all.len() as u64;
    let items: Vec<_> = all.into_iter().skip(page.offset).take(page.limit).collect();
    json(Paged {
        total,
        limit: page.limit,
        offset: page.offset,
        items,
    })
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such route")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed on this route",
    )
}
