//! Speed of [`ExplainStage`] alone, one thread: articles per second on a folder of
//! SemEval-style `.txt` documents (default: the English test documents). The narratives
//! stage runs first (untimed) so that each document has its dominant label; the
//! embedded explanation model is timed, then the learned approach (which also computes
//! the narrative model's sentence contributions) for comparison.
//!
//! ```text
//! cargo run --release -p narrascope-explain --example speed -- [DIR] [--model FILE]
//! ```

use std::sync::Arc;
use std::time::Instant;

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Stage};
use narrascope_explain::{ExplainStage, Explainer};
use narrascope_narratives::semeval::read_documents;
use narrascope_narratives::{split_sentences, NarrativeStage, Narratives};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/data/semeval2025t10/test/EN/subtask-2-documents".into());
    let dir = std::path::PathBuf::from(dir);
    if !dir.exists() {
        eprintln!("skipped: {} not found", dir.display());
        return Ok(());
    }
    let narratives = Arc::new(Narratives::embedded()?);
    let nstage = NarrativeStage::new(narratives.clone());
    let mut docs: Vec<Document> = read_documents(&dir)?
        .into_iter()
        .map(|(id, text)| {
            let mut d = Document::from_text(Article {
                id,
                path: String::new(),
                format: SourceFormat::Text,
                raw: text,
                given: GivenMeta::default(),
            });
            d.sentences = split_sentences(&d.text);
            d
        })
        .collect();
    for d in &mut docs {
        nstage.run(d)?;
    }
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let mut explainers = vec![("embedded".to_string(), Explainer::embedded()?)];
    if let Some(i) = args.iter().position(|a| a == "--model") {
        explainers.push((args[i + 1].clone(), Explainer::load(args[i + 1].as_ref())?));
    }
    for (name, e) in explainers {
        let stage = ExplainStage::new(narratives.clone(), Arc::new(e.clone()));
        let mut n = 0;
        let start = Instant::now();
        for d in &mut docs {
            stage.run(d)?;
            n += d.explanation.is_some() as usize;
        }
        let s = start.elapsed().as_secs_f64();
        println!(
            "{name} ({:?}): {} articles ({} explained, {words} words) in {s:.3}s: {:.0} articles/s on one core",
            e.model().settings.approach,
            docs.len(),
            n,
            docs.len() as f64 / s
        );
    }
    Ok(())
}
