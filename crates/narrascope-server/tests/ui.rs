//! The web UI: compiled in with a strict policy, or served from a directory.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use narrascope_server::{ServerConfig, Ui, CONTENT_SECURITY_POLICY};
use tower::ServiceExt;

use common::{get, read_only, server};

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
