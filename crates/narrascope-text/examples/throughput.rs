//! Measures segmentation throughput over a directory of plain-text documents.
//!
//! ```text
//! cargo run --release -p narrascope-text --example throughput -- DIR [--dump]
//! ```
//!
//! Reads every file in `DIR` into memory, then times paragraphs + sentences over
//! all of them (repeated until at least a second has passed) and prints MB/s.
//! `--dump` prints each document's sentences instead, one a line, for inspection.

use std::time::Instant;

use narrascope_core::Span;
use narrascope_text::{paragraphs, SentenceSplitter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: throughput DIR [--dump]")?;
    let dump = args.next().as_deref() == Some("--dump");
    let mut docs = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        if entry.file_type()?.is_file() {
            let bytes = std::fs::read(entry.path())?;
            docs.push((entry.path(), String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    let splitter = SentenceSplitter::new();
    if dump {
        for (path, text) in &docs {
            println!("=== {}", path.display());
            for p in paragraphs(text, &[Span::new(0, text.len())]) {
                for s in splitter.split(text, p) {
                    println!("{}", s.slice(text).replace('\n', "⏎"));
                }
                println!();
            }
        }
        return Ok(());
    }
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let (mut rounds, mut sentences) = (0usize, 0usize);
    let mut buf = Vec::new();
    let start = Instant::now();
    while rounds == 0 || start.elapsed().as_secs_f64() < 1.0 {
        for (_, text) in &docs {
            for p in paragraphs(text, &[Span::new(0, text.len())]) {
                buf.clear();
                splitter.split_into(text, p, &mut buf);
                sentences += buf.len();
            }
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (total * rounds) as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB, {} rounds, {} sentences/round: {:.1} MB/s",
        docs.len(),
        total as f64 / 1e6,
        rounds,
        sentences / rounds,
        mb / secs
    );
    Ok(())
}
