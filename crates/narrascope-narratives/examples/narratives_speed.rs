//! Load time and single-thread throughput of the embedded model:
//!
//! ```text
//! cargo run --release -p narrascope-narratives --example narratives_speed -- \
//!     ../shared/data/semeval2025t10/test/EN/subtask-2-documents
//! ```

use std::path::Path;
use std::time::Instant;

use narrascope_narratives::semeval::read_documents;
use narrascope_narratives::{split_sentences, Narratives};

fn main() {
    let dir = std::env::args().nth(1).expect("a folder of .txt documents");
    let start = Instant::now();
    let models = Narratives::embedded().expect("models");
    let load = start.elapsed();
    let docs = read_documents(Path::new(&dir)).expect("documents");
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let start = Instant::now();
    let mut labels = 0;
    for (id, text) in &docs {
        labels += models.annotate(id, text, None).subnarratives.len();
    }
    let plain = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for (_, text) in &docs {
        labels += models
            .label(text, &split_sentences(text), None)
            .subnarratives
            .len();
    }
    let evid = start.elapsed().as_secs_f64();
    println!(
        "load {:.0} ms; {} docs ({:.1} MB): labels only {:.0} docs/s, with sentence split + evidence {:.0} docs/s (1 thread; {labels} labels)",
        load.as_secs_f64() * 1e3,
        docs.len(),
        bytes as f64 / 1e6,
        docs.len() as f64 / plain,
        docs.len() as f64 / evid
    );
}
