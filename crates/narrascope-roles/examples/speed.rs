//! Load time of the embedded model and role-prediction speed on a SemEval mention file.
//!
//! `cargo run --release -p narrascope-roles --example speed -- DOCS_DIR MENTIONS_FILE`
//! (for example the test release's `EN/subtask-1-documents` and
//! `EN/subtask-1-entity-mentions.txt`). One thread; document preparation included.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use narrascope_roles::features::DocContext;
use narrascope_roles::semeval::{align, read_documents, read_rows};
use narrascope_roles::{occurrences, RoleModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [docs, mentions] = &args[..] else {
        return Err("usage: speed DOCS_DIR MENTIONS_FILE".into());
    };
    let t = Instant::now();
    let model = RoleModel::embedded()?;
    let load = t.elapsed().as_secs_f64();
    let docs = read_documents(docs)?;
    let rows = read_rows(mentions)?;
    let rounds = 20;
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        let mut ctxs: HashMap<&str, DocContext> = HashMap::new();
        for r in &rows {
            let Some(text) = docs.get(&r.id) else {
                continue;
            };
            let ctx = ctxs
                .entry(&r.id)
                .or_insert_with(|| DocContext::new(text, &[]));
            let span = align(text, &r.mention, r.start, r.end);
            let p = model.predict(ctx, span, &occurrences(text, span.slice(text)));
            n += p.fine.len().min(1);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let articles = rows
        .iter()
        .map(|r| &r.id)
        .collect::<std::collections::HashSet<_>>()
        .len();
    println!(
        "load {:.3} s; {} mentions in {} articles × {rounds}: {:.0} mentions/s, {:.0} articles/s (one thread)",
        load,
        rows.len(),
        articles,
        n as f64 / secs,
        (articles * rounds) as f64 / secs
    );
    Ok(())
}
