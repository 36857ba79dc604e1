//! Single-thread throughput of the quote stage on a folder of plain-text articles
//! (title on the first line): `cargo run --release -p narrascope-quotes --example
//! quote_speed -- ../shared/data/polnear/dev/text`.

use std::time::Instant;

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span, Stage};
use narrascope_quotes::QuoteStage;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: quote_speed DIR")?;
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(p)?);
        }
    }
    let stage = QuoteStage::new()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let mut quotes = 0;
    for t in &texts {
        let mut doc = Document::from_text(Article {
            id: "a".into(),
            path: "a".into(),
            format: SourceFormat::Text,
            raw: t.clone(),
            given: GivenMeta::default(),
        });
        let title_end = t.find('\n').unwrap_or(t.len());
        doc.title = Some(Span::new(0, title_end));
        doc.body = vec![Span::new(title_end, t.len())];
        stage.run(&mut doc)?;
        quotes += doc.quotes.len();
    }
    let s = t0.elapsed().as_secs_f64();
    println!(
        "{} articles, {:.2} MB, {quotes} quotes in {s:.2} s: {:.0} articles/s, {:.2} MB/s (1 thread)",
        texts.len(),
        bytes as f64 / 1e6,
        texts.len() as f64 / s,
        bytes as f64 / 1e6 / s
    );
    Ok(())
}
