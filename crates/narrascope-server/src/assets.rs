//! The analyst UI: static files compiled into the binary (no separate server, no
//! network), served under `/` and `/assets/…` with their content types and
//! revalidation headers. A directory may replace them for UI development.

use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Where the UI comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Ui {
    /// No UI: `GET /` is a 404 (API only).
    None,
    /// The files compiled into the binary.
    #[default]
    Embedded,
    /// Files read from this directory on every request (edit and reload while
    /// working on the UI); same layout as `crates/narrascope-server/assets`.
    Dir(PathBuf),
}

/// One embedded file: path under `assets/`, bytes.
type File = (&'static str, &'static [u8]);

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../assets/", $path)) as &[u8])),*]
    };
}

/// Every file of the UI, by path under `assets/`.
const FILES: &[File] = embed!(
    "index.html",
    "app.js",
    "text.js",
    "style.css",
    "favicon.svg",
    "vendor/chart.umd.min.js",
    "vendor/chartjs-chart-matrix.min.js",
    "vendor/chart.js.LICENSE.md",
    "vendor/chartjs-chart-matrix.LICENSE",
);

/// The content type of a file name.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("md") | Some("txt") | Some("LICENSE") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Strong validator of a body (stable within one build).
fn etag(bytes: &[u8]) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("\"{:016x}-{}\"", h.finish(), bytes.len())
}

/// ETags of the embedded files, computed once.
fn embedded_etags() -> &'static Vec<String> {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    TAGS.get_or_init(|| FILES.iter().map(|(_, b)| etag(b)).collect())
}

/// A relative path that stays inside the assets directory (no `..`, no root).
fn safe_relative(path: &str) -> Option<&Path> {
    let p = Path::new(path);
    (!path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))).then_some(p)
}

/// Answers one UI file: 200 with the body, or 304 when the client's copy is current.
/// Files are revalidated on every use (`no-cache`), which on loopback costs a 304 and
/// never leaves a stale UI after an upgrade.
fn reply(path: &str, body: Vec<u8>, tag: String, request: &HeaderMap) -> Response {
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = body.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(path)),
        );
        r
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    response
}

/// Serves `path` (relative to `assets/`) from `ui`.
pub async fn serve(ui: &Ui, path: &str, request: &HeaderMap) -> Result<Response, ApiError> {
    let missing = || ApiError::not_found(format!("no UI file `{path}`"));
    match ui {
        Ui::None => Err(ApiError::not_found("the UI is not installed")),
        Ui::Embedded => {
            let i = FILES
                .iter()
                .position(|(p, _)| *p == path)
                .ok_or_else(missing)?;
            Ok(reply(
                path,
                FILES[i].1.to_vec(),
                embedded_etags()[i].clone(),
                request,
            ))
        }
        Ui::Dir(dir) => {
            let rel = safe_relative(path).ok_or_else(missing)?;
            let full = dir.join(rel);
            let bytes = tokio::task::spawn_blocking(move || std::fs::read(full))
                .await
                .map_err(|e| ApiError::internal(&e))?
                .map_err(|_| missing())?;
            let tag = etag(&bytes);
            Ok(reply(path, bytes, tag, request))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_has_a_known_type_and_a_body() {
        for (path, bytes) in FILES {
            assert!(!bytes.is_empty(), "{path}");
            assert_ne!(content_type(path), "application/octet-stream", "{path}");
        }
    }

    #[test]
    fn paths_cannot_leave_the_directory() {
        assert!(safe_relative("vendor/chart.umd.min.js").is_some());
        for bad in ["../secret", "/etc/passwd", "vendor/../../x", "./x", ""] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
