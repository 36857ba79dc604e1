//! Runs the extractor over the article-extraction benchmark pages when they are
//! present (`../shared/data/article-extraction`, or `NARRASCOPE_EXTRACTION_DATA`),
//! checking invariants on every page: no error, raw ranges in bounds and on character
//! boundaries, and ranges that really contain their block's text. Scores are
//! measured by `narrascope eval extraction`, not here.

use std::io::Read;
use std::path::PathBuf;

use narrascope_html::HtmlExtractor;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NARRASCOPE_EXTRACTION_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/article-extraction")
        });
    dir.join("html").is_dir().then_some(dir)
}

#[test]
fn benchmark_pages_extract_with_sound_spans() {
    let Some(dir) = data_dir() else {
        println!("skipping: article-extraction benchmark data not found (../shared/data/article-extraction)");
        return;
    };
    let extractor = HtmlExtractor::new();
    let mut pages = 0;
    let (mut blocks, mut located) = (0usize, 0usize);
    for entry in std::fs::read_dir(dir.join("html")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".html.gz") {
            continue;
        }
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let ex = extractor
            .extract(&html, None)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!ex.blocks.is_empty());
        for b in &ex.blocks {
            assert!(b.raw.start <= b.raw.end && b.raw.end <= html.len());
            assert!(html.is_char_boundary(b.raw.start) && html.is_char_boundary(b.raw.end));
            blocks += 1;
            // The first ASCII word of the block must appear in its range.
            let word = b
                .text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| w.len() >= 3);
            match word {
                Some(w) if b.raw.slice(&html).contains(w) => located += 1,
                None => located += 1,
                _ => {}
            }
        }
        pages += 1;
    }
    let share = located as f64 / blocks.max(1) as f64;
    println!(
        "{pages} pages, {blocks} blocks, {:.1}% located",
        100.0 * share
    );
    assert!(pages > 0);
    assert!(share > 0.97, "only {:.1}% of blocks located", 100.0 * share);
}
