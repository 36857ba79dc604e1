//! `narrascope train roles`: cross-validate and train the entity-role classifier on the
//! SemEval-2025 Task 10 subtask-1 training release (all logic in `narrascope-roles`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::train_data::TrainData;
use anyhow::Context;
use narrascope_core::Document;
use narrascope_ingest::{collect_inputs, read_input, ReadOptions};
use narrascope_narratives::scorer::MeanStd;
use narrascope_pipeline::{Pipeline, PipelineConfig, StageConfig};
use narrascope_roles::cv::{cross_validate, FoldScores};
use narrascope_roles::gate::{self, Candidate};
use narrascope_roles::semeval::{load, Corpus};
use narrascope_roles::{
    raw_features, train, RoleModel, TrainConfig, DEFAULT_MIN_MENTIONS, DEFAULT_MIN_SCORE,
};
use rayon::prelude::*;
use serde_json::{json, Map, Value};

/// Arguments of `narrascope train roles`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The training release and its languages.
    #[command(flatten)]
    pub train: TrainData,
    /// The model file to write; `metrics.json` is written beside it. The product embeds
    /// `models/roles/roles.bin` at build time: rebuild after replacing it.
    #[arg(long, value_name = "FILE", default_value = "models/roles/roles.bin")]
    pub out: PathBuf,
    /// Cross-validation folds reported before the final fit (0: skip).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub cv_folds: usize,
    /// Fold-assignment seeds of the cross-validation, comma-separated (each seed is a
    /// full k-fold run; the report pools their folds). The settings were chosen on
    /// seed 1, so the default reports on other seeds.
    #[arg(
        long,
        value_name = "SEEDS",
        default_value = "101,102,103",
        value_delimiter = ','
    )]
    pub cv_seeds: Vec<u64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn summary(s: &FoldScores) -> Value {
    let (e, m) = s.summary();
    let f = MeanStd::of(&s.macro_f1);
    json!({
        "mentions": s.mentions,
        "main_role_accuracy": {"mean": m.mean, "std": m.std},
        "main_role_macro_f1": {"mean": f.mean, "std": f.std},
        "exact_match_ratio": {"mean": e.mean, "std": e.std},
    })
}

/// Adds one seed's folds to the pooled scores (mentions counted once, not per seed).
fn pooled(
    into: &mut std::collections::BTreeMap<String, FoldScores>,
    from: std::collections::BTreeMap<String, FoldScores>,
) {
    for (l, s) in from {
        let e = into.entry(l).or_default();
        e.exact.extend(s.exact);
        e.main.extend(s.main);
        e.macro_f1.extend(s.macro_f1);
        e.mentions = s.mentions;
    }
}

/// The annotated articles as the role stage sees them: read like `analyze` reads them
/// and run through the pipeline up to the quote stage (`None` where that fails).
fn analysed(corpus: &Corpus, root: &std::path::Path) -> anyhow::Result<Vec<Option<Document>>> {
    let pipeline = Pipeline::build(&PipelineConfig {
        stages: StageConfig::through(StageConfig::Quotes),
    })?;
    Ok(corpus
        .docs
        .par_iter()
        .map(|d| {
            let path = root.join(&d.lang).join("raw-documents").join(&d.id);
            let input = collect_inputs(&[path]).into_iter().next()?.ok()?;
            let article = read_input(&input, &ReadOptions::default())
                .into_iter()
                .next()?
                .ok()?;
            pipeline.analyze(article).ok()
        })
        .collect())
}

/// Precision, recall and F1 of "entity is annotated" for one emission rule: mean ± std
/// over folds, and pooled.
fn gate_summary(cands: &[Candidate], k: usize, emit: &[bool]) -> Value {
    let folds: Vec<[f64; 4]> = (0..k)
        .map(|f| {
            gate::precision_recall(
                cands
                    .iter()
                    .zip(emit.iter().copied())
                    .filter(|(c, _)| c.fold == f),
            )
        })
        .collect();
    let ms = |j: usize| {
        let m = MeanStd::of(&folds.iter().map(|p| p[j]).collect::<Vec<_>>());
        json!({"mean": m.mean, "std": m.std})
    };
    let all = gate::precision_recall(cands.iter().zip(emit.iter().copied()));
    json!({
        "precision": ms(0),
        "recall": ms(1),
        "f1": ms(2),
        "pooled": {"precision": all[0], "recall": all[1], "f1": all[2], "emitted": all[3] as usize},
    })
}

/// Cross-validates, trains, writes the model and its metrics, prints the report.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let cfg = TrainConfig::default();
    let langs = args.train.languages()?;
    let refs: Vec<&str> = langs.iter().map(String::as_str).collect();
    let corpus = load(&args.train.data, &refs)
        .with_context(|| format!("loading {}", args.train.data.display()))?;
    eprintln!(
        "{} mentions in {} documents ({})",
        corpus.examples.len(),
        corpus.docs.len(),
        langs.join(",")
    );
    let mut progress = |m: &str| eprint!("\r\x1b[2K{m}");
    let mut report = Map::new();
    if args.cv_folds >= 2 {
        let t = Instant::now();
        let raws = raw_features(&corpus, &cfg.features);
        let mut model = std::collections::BTreeMap::new();
        let mut majority = std::collections::BTreeMap::new();
        for &seed in &args.cv_seeds {
            let rep = cross_validate(&corpus, &raws, args.cv_folds, seed, &cfg, &mut |m| {
                progress(&format!("cv seed {seed}: {m}"))
            })?;
            pooled(&mut model, rep.rescore(&corpus, &cfg.decision));
            pooled(&mut majority, rep.fold_scores(&corpus, &rep.majority));
        }
        eprintln!(
            "\r\x1b[2Kcross-validation: {:.1} s",
            t.elapsed().as_secs_f64()
        );
        let per = |m: &std::collections::BTreeMap<String, FoldScores>| {
            Value::Object(m.iter().map(|(l, s)| (l.clone(), summary(s))).collect())
        };
        report.insert(
            "cross_validation".into(),
            json!({
                "folds": args.cv_folds,
                "fold_seeds": args.cv_seeds,
                "grouping": "documents with identical whitespace-collapsed text share a fold; folds dealt per language",
                "model": per(&model),
                "majority_baseline": per(&majority),
            }),
        );
    }
    let t = Instant::now();
    let docs = analysed(&corpus, &args.train.data)?;
    let found = docs.iter().filter(|d| d.is_some()).count();
    eprintln!(
        "\r\x1b[2K{found} of {} annotated articles analysed up to the quote stage in {:.1} s",
        docs.len(),
        t.elapsed().as_secs_f64()
    );
    let raws = raw_features(&corpus, &cfg.features);
    if args.cv_folds >= 2 {
        let t = Instant::now();
        let (mut gated, mut old, mut entities) = (Vec::new(), Vec::new(), 0);
        for (si, &seed) in args.cv_seeds.iter().enumerate() {
            let k = args.cv_folds;
            let mut cands = gate::out_of_fold(&corpus, &docs, &raws, &cfg, k, seed, &mut |m| {
                progress(&format!("gate cv seed {seed}: {m}"))
            })?;
            let prob = gate::cross_validate(&cands, k, &cfg.gate);
            // The folds of all seeds are pooled, as in the role report.
            for c in &mut cands {
                c.fold += si * k;
            }
            entities = cands.len();
            let emit: Vec<bool> = prob.iter().map(|&p| p >= cfg.gate.threshold).collect();
            let rule: Vec<bool> = cands
                .iter()
                .map(|c| c.best_main() >= DEFAULT_MIN_SCORE && c.named >= DEFAULT_MIN_MENTIONS)
                .collect();
            gated.extend(cands.iter().cloned().zip(emit));
            old.extend(cands.into_iter().zip(rule));
        }
        let folds = args.cv_folds * args.cv_seeds.len();
        let split =
            |v: Vec<(Candidate, bool)>| -> (Vec<Candidate>, Vec<bool>) { v.into_iter().unzip() };
        let (gc, ge) = split(gated);
        let (oc, oe) = split(old);
        let annotated = gc.iter().filter(|c| c.gold.is_some()).count() / args.cv_seeds.len().max(1);
        eprintln!(
            "\r\x1b[2Kgate cross-validation: {:.1} s",
            t.elapsed().as_secs_f64()
        );
        report.insert(
            "gate_cross_validation".into(),
            json!({
                "folds": args.cv_folds,
                "fold_seeds": args.cv_seeds,
                "candidate_entities": entities,
                "annotated_entities": annotated,
                "threshold": cfg.gate.threshold,
                "gate": gate_summary(&gc, folds, &ge),
                "score_and_mentions_rule": gate_summary(&oc, folds, &oe),
            }),
        );
    }
    let t = Instant::now();
    let mut model: RoleModel = train(&corpus, &cfg, &mut progress)?;
    model.gate = Some(gate::train_gate(
        &corpus,
        &docs,
        &raws,
        &cfg,
        &cfg.gate,
        &mut progress,
    )?);
    eprintln!("\r\x1b[2Ktrained in {:.1} s", t.elapsed().as_secs_f64());
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    report.insert(
        "model".into(),
        json!({
            "file": args.out.file_name().map(|f| f.to_string_lossy().into_owned()),
            "bytes": bytes.len(),
            "feature_columns": model.columns(),
            "languages": langs,
            "mentions": corpus.examples.len(),
            "config": cfg,
        }),
    );
    let metrics = args.out.with_file_name("metrics.json");
    let text = serde_json::to_string_pretty(&Value::Object(report.clone()))? + "\n";
    std::fs::write(&metrics, &text).with_context(|| format!("writing {}", metrics.display()))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        out.write_all(text.as_bytes())?;
    } else {
        if let Some(cv) = report.get("cross_validation") {
            writeln!(
                out,
                "{}-fold cross-validation, fold seeds {:?} (mean ± std over folds):",
                args.cv_folds, args.cv_seeds
            )?;
            writeln!(
                out,
                "{:<5} {:>8}  {:<15} {:<15} {:<15} {:<15}",
                "lang", "mentions", "main acc", "exact match", "majority main", "majority exact"
            )?;
            let ms = |v: &Value, k: &str| {
                format!(
                    "{:.3} ± {:.3}",
                    v[k]["mean"].as_f64().unwrap_or(0.0),
                    v[k]["std"].as_f64().unwrap_or(0.0)
                )
            };
            if let Some(m) = cv["model"].as_object() {
                for (l, v) in m {
                    let b = &cv["majority_baseline"][l];
                    writeln!(
                        out,
                        "{:<5} {:>8}  {:<15} {:<15} {:<15} {:<15}",
                        l,
                        v["mentions"],
                        ms(v, "main_role_accuracy"),
                        ms(v, "exact_match_ratio"),
                        ms(b, "main_role_accuracy"),
                        ms(b, "exact_match_ratio")
                    )?;
                }
            }
        }
        if let Some(g) = report.get("gate_cross_validation") {
            let prf = |v: &Value| {
                format!(
                    "precision {:.3} ± {:.3}, recall {:.3} ± {:.3}, F1 {:.3} ± {:.3}",
                    v["precision"]["mean"].as_f64().unwrap_or(0.0),
                    v["precision"]["std"].as_f64().unwrap_or(0.0),
                    v["recall"]["mean"].as_f64().unwrap_or(0.0),
                    v["recall"]["std"].as_f64().unwrap_or(0.0),
                    v["f1"]["mean"].as_f64().unwrap_or(0.0),
                    v["f1"]["std"].as_f64().unwrap_or(0.0)
                )
            };
            writeln!(
                out,
                "which entities get a role ({} found in the annotated articles, {} annotated):",
                g["candidate_entities"], g["annotated_entities"]
            )?;
            writeln!(out, "  gate (p >= {}): {}", g["threshold"], prf(&g["gate"]))?;
            writeln!(
                out,
                "  score >= {DEFAULT_MIN_SCORE} and named >= {DEFAULT_MIN_MENTIONS}: {}",
                prf(&g["score_and_mentions_rule"])
            )?;
        }
        writeln!(
            out,
            "model: {} ({} bytes, {} feature columns); metrics: {}",
            args.out.display(),
            bytes.len(),
            model.columns(),
            metrics.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
