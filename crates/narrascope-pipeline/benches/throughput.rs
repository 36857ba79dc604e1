//! Read + clean + segment (+ metadata) throughput in MB/s, single thread.
//!
//! Runs over every SemEval-2025 T10 raw document in `../shared/data` (all five
//! languages) when present, else over the bundled sample corpus. Rerun with
//! `cargo bench -p narrascope-pipeline --bench throughput`.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use narrascope_core::Article;
use narrascope_ingest::{collect_inputs, read_input, ReadOptions};
use narrascope_pipeline::{Pipeline, PipelineConfig, StageConfig};

fn corpus() -> (String, Vec<Article>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data/semeval2025t10/train");
    let (name, paths): (String, Vec<PathBuf>) = if shared.is_dir() {
        let langs = ["EN", "BG", "HI", "PT", "RU"];
        (
            "semeval-train".into(),
            langs
                .iter()
                .map(|l| shared.join(l).join("raw-documents"))
                .collect(),
        )
    } else {
        eprintln!("../shared/data absent: benchmarking the bundled sample corpus instead");
        ("sample-corpus".into(), vec![root.join("examples/corpus")])
    };
    let opts = ReadOptions::default();
    let articles = collect_inputs(&paths)
        .into_iter()
        .filter_map(Result::ok)
        .flat_map(|input| read_input(&input, &opts))
        .filter_map(Result::ok)
        .collect();
    (name, articles)
}

fn bench(c: &mut Criterion) {
    let (name, articles) = corpus();
    let bytes: u64 = articles.iter().map(|a| a.raw.len() as u64).sum();
    let mut group = c.benchmark_group(format!("analyze/{name}"));
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    let clean_segment = PipelineConfig {
        stages: vec![StageConfig::Html, StageConfig::Clean, StageConfig::Segment],
    };
    for (label, config) in [
        ("clean+segment", clean_segment),
        ("full", PipelineConfig::default()),
    ] {
        let pipeline = Pipeline::build(&config).expect("pipeline builds");
        group.bench_function(label, |b| {
            b.iter(|| {
                for a in &articles {
                    let doc = pipeline.analyze(a.clone()).expect("analyses");
                    std::hint::black_box(doc.sentences.len());
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
