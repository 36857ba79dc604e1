//! Prints the entities the stage finds in plain-text articles (title on the first line).
//!
//! `cargo run --release -p narrascope-entities --example annotate -- FILE...`

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span, Stage};
use narrascope_entities::EntityStage;
use narrascope_text::SentenceSplitter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stage = EntityStage::new()?;
    let splitter = SentenceSplitter::new();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path)?;
        let article = Article {
            id: path.clone(),
            path: path.clone(),
            format: SourceFormat::Text,
            raw,
            given: GivenMeta::default(),
        };
        let mut doc = Document::from_text(article);
        let title_end = doc.text.find('\n').unwrap_or(doc.text.len());
        doc.title = Some(Span::new(0, title_end));
        doc.sentences = splitter.split(&doc.text, Span::new(title_end, doc.text.len()));
        let t = std::time::Instant::now();
        stage.run(&mut doc)?;
        println!(
            "== {path} ({} sentences, {:?})",
            doc.sentences.len(),
            t.elapsed()
        );
        for e in &doc.entities {
            let mentions: Vec<String> = e
                .mentions
                .iter()
                .map(|m| {
                    format!(
                        "{:?}:{}",
                        doc.mentions[*m].kind,
                        doc.slice(doc.mentions[*m].span)
                    )
                })
                .collect();
            println!(
                "{:<40} titles {:?} conflicts {:?}\n    {}",
                e.id,
                e.titles,
                e.conflicts,
                mentions.join(" | ")
            );
        }
    }
    Ok(())
}
