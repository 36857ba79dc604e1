//! `docs/api.md` and `docs/openapi.yaml` name every route the router serves.

const ROUTES: &[&str] = &[
    "/api/health",
    "/api/articles",
    "/api/articles/{id}",
    "/api/search",
    "/api/speakers",
    "/api/speakers/{id}/quotes",
    "/api/entities",
    "/api/entities/{id}",
    "/api/narratives",
    "/api/narratives/articles",
    "/api/stats",
    "/api/stats/outlet-narratives",
    "/api/stats/roles-by-outlet",
    "/api/quotes/shared",
    "/api/duplicates",
    "/api/conflicts",
    "/api/ingest",
];

fn doc(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_route_is_documented() {
    let (md, yaml) = (doc("api.md"), doc("openapi.yaml"));
    for route in ROUTES {
        assert!(md.contains(route), "docs/api.md lacks {route}");
        assert!(
            yaml.contains(&format!("  {route}:")),
            "docs/openapi.yaml lacks {route}"
        );
    }
}
