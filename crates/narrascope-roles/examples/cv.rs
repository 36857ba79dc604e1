//! Cross-validation of role models on the SemEval training release.
//!
//! `cargo run --release -p narrascope-roles --example cv -- DATA_DIR [CONFIG_JSON]
//! [--langs EN,BG] [--separate] [--k 5] [--seeds 1,2,3] [--grid]`
//!
//! Prints mean ± std over folds (and over seeds) of main-role accuracy and exact-match
//! ratio per language, with the majority baseline. `--separate` trains one model per
//! language; `--grid` also scores a grid of decision rules on the same folds.

use std::collections::BTreeMap;
use std::path::PathBuf;

use narrascope_narratives::scorer::MeanStd;
use narrascope_roles::cv::{cross_validate, CvReport, FoldScores};
use narrascope_roles::semeval::{load, Corpus, LANGUAGES};
use narrascope_roles::{decide, raw_features, DecisionConfig, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().ok_or("usage: cv DATA_DIR [CONFIG_JSON] …")?);
    let mut cfg = TrainConfig::default();
    let mut langs: Vec<String> = LANGUAGES.iter().map(|s| s.to_string()).collect();
    let (mut separate, mut grid, mut k) = (false, false, 5usize);
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
                    "{l}: main {} emr {} (n={})",
                    fmt(a),
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

fn fmt(m: MeanStd) -> String {
    format!("{:.3}±{:.3}", m.mean, m.std)
}

fn merge(
    into: &mut BTreeMap<String, FoldScores>,
    from: BTreeMap<String, FoldScores>,
    separate: bool,
) {
    for (l, s) in from {
        // With one model per language, "all" of each run is that language again.
        if separate && l == "all" {
            continue;
        }
        let e = into.entry(l).or_default();
        e.exact.extend(s.exact);
        e.main.extend(s.main);
        e.mentions += s.mentions;
    }
}
