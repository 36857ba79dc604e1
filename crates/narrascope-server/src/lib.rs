//! The narrascope HTTP API: a JSON view of a [`Corpus`] (articles, search with
//! facets, speakers and their quotes, entities, narratives with evidence, corpus
//! statistics), read-only unless a write token is configured.
//!
//! [`app`] builds the axum [`Router`]; tests drive it in-process with
//! `tower::ServiceExt::oneshot`, and [`serve`] runs it on a socket. `docs/api.md`
//! and `docs/openapi.yaml` document every route.
//!
//! The analyst UI (`assets/`: a single-page app in plain JS with vendored Chart.js)
//! is compiled into the binary and served at `/` ([`Ui`]).
//!
//! Security: API responses are JSON (article text is data, never markup) and the UI
//! builds its DOM with `textContent`, under a strict Content-Security-Policy (no
//! inline scripts or styles, same-origin only); request bodies are capped ([`ServerConfig::max_body_bytes`], 413 beyond); writes need
//! `Authorization: Bearer TOKEN`, compared in constant time; errors never carry
//! internal details.
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use narrascope_server::{app, AppState, ServerConfig};
//! use narrascope_store::Corpus;
//! use tower::ServiceExt;
//!
//! let state = AppState::new(Corpus::in_memory().unwrap(), ServerConfig::default());
//! let request = Request::get("/api/health").body(Body::empty()).unwrap();
//! let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
//! let response = runtime.block_on(app(state).oneshot(request)).unwrap();
//! assert_eq!(response.status(), StatusCode::OK);
//! ```

mod assets;
mod auth;
mod conflicts;
mod error;
mod params;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use narrascope_store::Corpus;

pub use assets::Ui;
pub use error::ApiError;

/// The Content-Security-Policy sent with every response: scripts, styles, images
/// and connections from this origin only, no plugins, no `<base>`, no framing. The UI
/// needs no inline script or style, so an article that smuggled markup into the page
/// still could not run anything.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Server settings.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Bearer token that allows writes (`POST /api/ingest`); `None` (or empty) keeps
    /// the server read-only.
    pub token: Option<String>,
    /// Where the UI comes from (compiled in by default).
    pub ui: Ui,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl ServerConfig {
    /// Default request body limit: 16 MiB (a few thousand analysed records).
    pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

    /// The UI directory of a source checkout (`crates/narrascope-server/assets`), for
    /// [`Ui::Dir`] while working on the UI.
    pub fn default_assets() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets")
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            token: None,
            ui: Ui::Embedded,
            max_body_bytes: Self::DEFAULT_MAX_BODY,
        }
    }
}

struct Inner {
    corpus: Mutex<Corpus>,
    token: Option<String>,
    ui: Ui,
    max_body_bytes: usize,
}

/// What every handler shares: the corpus and the settings.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

impl AppState {
    /// State over `corpus` with `config`.
    pub fn new(corpus: Corpus, config: ServerConfig) -> Self {
        AppState {
            inner: Arc::new(Inner {
                corpus: Mutex::new(corpus),
                token: config.token.filter(|t| !t.is_empty()),
                ui: config.ui,
                max_body_bytes: config.max_body_bytes,
            }),
        }
    }

    /// Whether writes are enabled (a token is configured).
    pub fn writable(&self) -> bool {
        self.inner.token.is_some()
    }
}

/// Adds headers that keep browsers from reinterpreting responses: no MIME sniffing
/// (a JSON string holding `<script>` stays JSON), no framing, no referrer leaks.
async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    response
}

/// The API and the UI page.
pub fn app(state: AppState) -> Router {
    let limit = state.inner.max_body_bytes;
    Router::new()
        .route("/", get(routes::index_page))
        .route("/assets/{*path}", get(routes::asset))
        .route("/api/health", get(routes::health))
        .route("/api/articles", get(routes::articles))
        // `{*id}`: JSON Lines ids (`FILE:LINE`) may contain slashes.
        .route("/api/articles/{*id}", get(routes::article))
        .route("/api/search", get(routes::search))
        .route("/api/speakers", get(routes::speakers))
        .route("/api/speakers/{id}/quotes", get(routes::speaker_quotes))
        .route("/api/entities", get(routes::entities))
        .route("/api/entities/{id}", get(routes::entity))
        .route("/api/narratives", get(routes::narratives))
        .route("/api/narratives/articles", get(routes::narrative_articles))
        .route("/api/stats", get(routes::stats))
        .route(
            "/api/stats/outlet-narratives",
            get(routes::outlet_narratives),
        )
        .route("/api/stats/roles-by-outlet", get(routes::roles_by_outlet))
        .route("/api/quotes/shared", get(routes::shared_quotes))
        .route("/api/duplicates", get(routes::duplicates))
        .route("/api/conflicts", get(routes::conflicts))
        .route("/api/ingest", post(routes::ingest))
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Whether `addr` is reachable only from this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Serves [`app`] on `addr` until Ctrl-C. Builds its own runtime, so callers need
/// no async code.
pub fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        axum::serve(listener, app(state))
            .with_graceful_shutdown(async {
                tokio::signal::ctrl_c().await.ok();
            })
            .await
    })
}
