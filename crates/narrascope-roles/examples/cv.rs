//! Cross-validation of role models on the SemEval training release.
//!
//! `cargo run --release -p narrascope-roles --example cv -- DATA_DIR [CONFIG_JSON]
//! [--langs EN,BG] [--separate] [--k 5] [--seeds 1,2,3] [--grid]`
//!
//! Prints mean ± std over folds (and over seeds) of main-role accuracy and exact-match
//! ratio per language, with the majority baseline. `--separate` trains one model per
//! language; `--grid` also scores a grid of decision rules on the same folds.
//! `--dump FILE` writes every mention's fold, gold main role and out-of-fold main-role
//! probabilities as JSON lines (with its text and ±600 bytes of context), so an outside
//! prototype can be scored, and blended, on exactly these folds
//! (`bench/roles/minilm/probe.py`).

#[path = "common/report.rs"]
mod report;

use std::collections::BTreeMap;
use std::path::PathBuf;

use narrascope_narratives::scorer::MeanStd;
use narrascope_roles::cv::{cross_validate, CvReport, FoldScores};
use narrascope_roles::semeval::{load, Corpus, LANGUAGES};
use narrascope_roles::{decide, raw_features, DecisionConfig, TrainConfig};
use report::{fmt, merge, print_per_language};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().ok_or("usage: cv DATA_DIR [CONFIG_JSON] …")?);
    let mut cfg = TrainConfig::default();
    let mut langs: Vec<String> = LANGUAGES.iter().map(|s| s.to_string()).collect();
    let (mut separate, mut grid, mut bias, mut k) = (false, false, false, 5usize);
    let mut propagate = false;
    let mut dump: Option<std::io::BufWriter<std::fs::File>> = None;
    let mut seeds = vec![1u64];
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--langs" => {
                i += 1;
                langs = args[i].split(',').map(String::from).collect();
            }
            "--separate" => separate = true,
            "--grid" => grid = true,
            "--bias" => bias = true,
            "--propagate" => propagate = true,
            "--dump" => {
                i += 1;
                dump = Some(std::io::BufWriter::new(std::fs::File::create(&args[i])?));
            }
            "--k" => {
                i += 1;
                k = args[i].parse()?;
            }
            "--seeds" => {
                i += 1;
                seeds = args[i]
                    .split(',')
                    .map(|s| s.parse())
                    .collect::<Result<_, _>>()?;
            }
            s => cfg = serde_json::from_str(s)?,
        }
        i += 1;
    }
    eprintln!("config: {}", serde_json::to_string(&cfg)?);
    let root = data.join("train");
    if bias {
        return bias_search(&root, &langs, k, &seeds, &cfg);
    }
    if propagate {
        return propagation(&root, &langs, k, &seeds, &cfg);
    }
    let groups: Vec<Vec<&str>> = if separate {
        langs.iter().map(|l| vec![l.as_str()]).collect()
    } else {
        vec![langs.iter().map(String::as_str).collect()]
    };
    let mut decisions = vec![cfg.decision.clone()];
    if grid {
        for joint in [0.0f32, 0.3, 0.5] {
            for ratio in [0.6f32, 0.8, 0.9, 2.0] {
                for min in [0.3f32, 0.5] {
                    decisions.push(DecisionConfig {
                        joint,
                        fine_ratio: ratio,
                        fine_min: min,
                        main_bias: [0.0; 3],
                    });
                }
            }
        }
    }
    // decision index → language → all fold scores over seeds
    let mut acc: Vec<BTreeMap<String, FoldScores>> = vec![BTreeMap::new(); decisions.len()];
    let mut base: BTreeMap<String, FoldScores> = BTreeMap::new();
    let mut secs = 0.0;
    let mut reliability: Vec<(f32, bool)> = Vec::new();
    for g in &groups {
        let corpus: Corpus = load(&root, g)?;
        let raws = raw_features(&corpus, &cfg.features);
        for &seed in &seeds {
            let rep: CvReport = cross_validate(&corpus, &raws, k, seed, &cfg, &mut |_| {})?;
            secs += rep.train_seconds;
            for (di, d) in decisions.iter().enumerate() {
                merge(&mut acc[di], rep.rescore(&corpus, d), separate);
            }
            merge(&mut base, rep.fold_scores(&corpus, &rep.majority), separate);
            if let Some(out) = dump.as_mut() {
                dump_rows(out, &corpus, &rep, seed, &cfg.decision)?;
            }
            for (i, e) in corpus.examples.iter().enumerate() {
                let p = decide(&rep.main_probs[i], &rep.fine_probs[i], &cfg.decision);
                let ok = e.row.main.as_deref() == Some(p.main_name());
                reliability.push((p.main_scores[p.main], ok));
            }
        }
    }
    let show = |m: &BTreeMap<String, FoldScores>| {
        m.iter()
            .map(|(l, s)| {
                let (e, a) = s.summary();
                format!(
                    "{l}: main {} macroF1 {} emr {} (n={})",
                    fmt(a),
                    fmt(MeanStd::of(&s.macro_f1)),
                    fmt(e),
                    s.mentions / seeds.len()
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    println!("majority   {}", show(&base));
    for (d, m) in decisions.iter().zip(&acc) {
        println!("{:?}  {}", (d.joint, d.fine_ratio, d.fine_min), show(m));
    }
    for t in [0.0f32, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let kept: Vec<bool> = reliability
            .iter()
            .filter(|r| r.0 >= t)
            .map(|r| r.1)
            .collect();
        let acc = kept.iter().filter(|&&k| k).count() as f64 / kept.len().max(1) as f64;
        println!(
            "main score >= {t:.1}: {:.1}% of mentions, main-role accuracy {acc:.3}",
            100.0 * kept.len() as f64 / reliability.len().max(1) as f64
        );
    }
    println!("train seconds (all folds and seeds): {secs:.1}");
    Ok(())
}

/// One JSON line per mention: what `--dump` writes.
fn dump_rows(
    out: &mut impl std::io::Write,
    corpus: &Corpus,
    rep: &CvReport,
    seed: u64,
    decision: &DecisionConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    // The largest char boundary at or below `i` (context windows are cut in bytes).
    let floor = |t: &str, mut i: usize| {
        while !t.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for (i, e) in corpus.examples.iter().enumerate() {
        let d = &corpus.docs[e.doc];
        let t = d.text.as_str();
        let (s, en) = (e.span.start, e.span.end);
        let left = floor(t, s.saturating_sub(600));
        let right = floor(t, (en + 600).min(t.len()));
        let p = decide(&rep.main_probs[i], &rep.fine_probs[i], decision);
        let row = serde_json::json!({
            "seed": seed, "lang": d.lang, "doc": d.id, "start": s, "end": en,
            "fold": rep.fold[i], "gold": e.row.main, "pred": p.main_name(),
            "probs": rep.main_probs[i], "left": &t[left..s], "mention": &t[s..en],
            "right": &t[en..right],
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}

/// The training mentions of `langs` and their raw features.
fn corpus_and_features(
    root: &std::path::Path,
    langs: &[String],
    cfg: &TrainConfig,
) -> Result<(Corpus, Vec<narrascope_roles::Raw>), Box<dyn std::error::Error>> {
    let refs: Vec<&str> = langs.iter().map(String::as_str).collect();
    let corpus: Corpus = load(root, &refs)?;
    let raws = raw_features(&corpus, &cfg.features);
    Ok((corpus, raws))
}

/// Main-role prior correction: a bias per main role (global, or per language) chosen
/// on fold seed 1 for the best main-role macro F1, then scored on `seeds` (other fold
/// seeds) against no bias.
fn bias_search(
    root: &std::path::Path,
    langs: &[String],
    k: usize,
    seeds: &[u64],
    cfg: &TrainConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    let (corpus, raws) = corpus_and_features(root, langs, cfg)?;
    let steps: Vec<f32> = (0..9).map(|i| -0.1 + 0.05 * i as f32).collect();
    let mut grid = Vec::new();
    for &p in &steps {
        for &n in &steps {
            grid.push(DecisionConfig {
                main_bias: [p, 0.0, n],
                ..cfg.decision.clone()
            });
        }
    }
    let rep = cross_validate(&corpus, &raws, k, 1, cfg, &mut |_| {})?;
    let scored: Vec<BTreeMap<String, FoldScores>> =
        grid.iter().map(|d| rep.rescore(&corpus, d)).collect();
    let best = |lang: &str| {
        (0..grid.len())
            .max_by(|&a, &b| {
                let m = |i: usize| MeanStd::of(&scored[i][lang].macro_f1).mean;
                m(a).total_cmp(&m(b)).then(b.cmp(&a))
            })
            .unwrap_or(0)
    };
    let global = grid[best("all")].clone();
    let per_lang: BTreeMap<String, DecisionConfig> = langs
        .iter()
        .map(|l| (l.clone(), grid[best(l)].clone()))
        .collect();
    println!("chosen on fold seed 1: global bias {:?}", global.main_bias);
    for (l, d) in &per_lang {
        println!("  {l}: {:?}", d.main_bias);
    }
    let mut acc: Vec<BTreeMap<String, FoldScores>> = vec![BTreeMap::new(); 3];
    for &seed in seeds {
        let rep = cross_validate(&corpus, &raws, k, seed, cfg, &mut |_| {})?;
        merge(&mut acc[0], rep.rescore(&corpus, &cfg.decision), false);
        merge(&mut acc[1], rep.rescore(&corpus, &global), false);
        let pred: Vec<_> = corpus
            .examples
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let d = &per_lang[&corpus.docs[e.doc].lang];
                narrascope_roles::cv::predicted_row(
                    &e.row,
                    &decide(&rep.main_probs[i], &rep.fine_probs[i], d),
                )
            })
            .collect();
        merge(&mut acc[2], rep.fold_scores(&corpus, &pred), false);
    }
    for (name, m) in ["no bias", "global bias", "per-language bias"]
        .iter()
        .zip(&acc)
    {
        print_per_language(&format!("{name} (fold seeds {seeds:?})"), m);
    }
    Ok(())
}

/// Role propagation within an article: each mention's probabilities mixed with the mean
/// over the mentions with the same text in the same article (weight w), then decided.
fn propagation(
    root: &std::path::Path,
    langs: &[String],
    k: usize,
    seeds: &[u64],
    cfg: &TrainConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    let (corpus, raws) = corpus_and_features(root, langs, cfg)?;
    let mut group: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (i, e) in corpus.examples.iter().enumerate() {
        group
            .entry((e.doc, e.row.mention.trim().to_lowercase()))
            .or_default()
            .push(i);
    }
    let ws = [0.0f32, 0.25, 0.5, 0.75, 1.0];
    let mut acc: Vec<BTreeMap<String, FoldScores>> = vec![BTreeMap::new(); ws.len()];
    for &seed in seeds {
        let rep = cross_validate(&corpus, &raws, k, seed, cfg, &mut |_| {})?;
        for (wi, &w) in ws.iter().enumerate() {
            let mut pm = rep.main_probs.clone();
            let mut pf = rep.fine_probs.clone();
            for idx in group.values() {
                let n = idx.len() as f32;
                let mean = |v: &Vec<Vec<f32>>| -> Vec<f32> {
                    let mut m = vec![0f32; v[idx[0]].len()];
                    for &i in idx {
                        for (a, b) in m.iter_mut().zip(&v[i]) {
                            *a += b / n;
                        }
                    }
                    m
                };
                let (mm, mf) = (mean(&rep.main_probs), mean(&rep.fine_probs));
                for &i in idx {
                    for (a, b) in pm[i].iter_mut().zip(&mm) {
                        *a = (1.0 - w) * *a + w * b;
                    }
                    for (a, b) in pf[i].iter_mut().zip(&mf) {
                        *a = (1.0 - w) * *a + w * b;
                    }
                }
            }
            let pred: Vec<_> = corpus
                .examples
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    narrascope_roles::cv::predicted_row(
                        &e.row,
                        &decide(&pm[i], &pf[i], &cfg.decision),
                    )
                })
                .collect();
            merge(&mut acc[wi], rep.fold_scores(&corpus, &pred), false);
        }
    }
    for (w, m) in ws.iter().zip(&acc) {
        print_per_language(&format!("propagation weight {w} (fold seeds {seeds:?})"), m);
    }
    Ok(())
}
