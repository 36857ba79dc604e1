//! Compares the explanation approaches by grouped 5-fold cross-validation on the
//! SemEval-2025 Task 10 training release (subtask 3, five languages).
//!
//! Settings are chosen on the tuning fold seed only (best pooled ROUGE-L F1); the chosen
//! settings are then reported on the tuning seed and on fresh seeds. Out-of-fold
//! predictions of the reported configurations are written for the embedding bench
//! (`bench/explain/embed_eval.py`).
//!
//! ```text
//! cargo run --release -p narrascope-explain --example cv -- \
//!     [--data ../shared/data/semeval2025t10/train] [--out bench/explain/out] \
//!     [--tune-seed 11] [--seeds 23,37]
//! ```

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use narrascope_explain::cv::{evaluate, prepare, CvResult, Doc, Ranking};
use narrascope_explain::files::{write_explanations, Explained};
use narrascope_explain::{Approach, Settings};

const K: usize = 5;
const LANGS: [&str; 5] = ["EN", "BG", "HI", "PT", "RU"];

fn arg(name: &str) -> Option<String> {
    let a: Vec<String> = std::env::args().collect();
    a.iter()
        .position(|x| x == name)
        .and_then(|i| a.get(i + 1).cloned())
}

fn line(name: &str, r: &CvResult) -> String {
    let s = r.summary();
    let mut out = format!("{name:<44}");
    for l in LANGS.iter().copied().chain(["ALL"]) {
        match s.get(l) {
            Some((m, f)) => out.push_str(&format!(" {m:.3}±{:.3}", f.std)),
            None => out.push_str("      —     "),
        }
    }
    out.push_str(&format!(
        "  {:>5.1}w  train {:.2}s explain {:.2}s",
        r.mean_words, r.train_seconds, r.explain_seconds
    ));
    out
}

fn header() -> String {
    format!(
        "{:<44} {}",
        "config",
        LANGS
            .iter()
            .chain(&["ALL"])
            .map(|l| format!("{l:^12}"))
            .collect::<Vec<_>>()
            .join("")
    )
}

fn settings(approach: Approach, factor: f32) -> Settings {
    Settings {
        approach,
        budget_factor: factor,
        ..Settings::default()
    }
}

fn pooled(r: &CvResult) -> f64 {
    r.summary()["ALL"].0
}

fn write_preds(dir: &PathBuf, name: &str, docs: &[Doc], r: &CvResult) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let rows: Vec<Explained> = r
        .predictions
        .iter()
        .map(|(i, t)| Explained {
            id: docs[*i].id.clone(),
            text: t.clone(),
        })
        .collect();
    write_explanations(
        std::fs::File::create(dir.join(format!("{name}.txt")))?,
        &rows,
    )
}

fn write_gold(dir: &PathBuf, docs: &[Doc]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let rows: Vec<Explained> = docs
        .iter()
        .map(|d| Explained {
            id: d.id.clone(),
            text: d.gold.clone(),
        })
        .collect();
    write_explanations(std::fs::File::create(dir.join("gold.txt"))?, &rows)?;
    let mut f = std::fs::File::create(dir.join("folds.tsv"))?;
    for d in docs {
        writeln!(f, "{}\t{}", d.id, d.fold)?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = PathBuf::from(
        arg("--data").unwrap_or_else(|| "../shared/data/semeval2025t10/train".into()),
    );
    if !data.exists() {
        eprintln!("skipped: {} not found", data.display());
        return Ok(());
    }
    let out = PathBuf::from(arg("--out").unwrap_or_else(|| "bench/explain/out".into()));
    let tune_seed: u64 = arg("--tune-seed").map_or(Ok(11), |s| s.parse())?;
    let seeds: Vec<u64> = arg("--seeds")
        .unwrap_or_else(|| "23,37".into())
        .split(',')
        .map(|s| s.parse())
        .collect::<Result<_, _>>()?;
    let mut quiet = |m: &str| eprintln!("  {m}");

    // ---- Tuning seed: choose settings.
    let t = Instant::now();
    let docs = prepare(&data, &LANGS, K, tune_seed, &mut quiet)?;
    println!(
        "seed {tune_seed}: {} documents prepared in {:.1}s (5 out-of-fold narrative models per language)",
        docs.len(),
        t.elapsed().as_secs_f64()
    );
    println!(
        "\n## Tuning (seed {tune_seed}): ROUGE-L F1, mean over documents ± std over folds\n{}",
        header()
    );
    let lambdas = [1e-4, 1e-2, 1.0];
    let factors = [0.35f32, 0.5, 0.75, 1.0, 1.5];
    let mut best: BTreeMap<&str, (f64, Settings, f64)> = BTreeMap::new();
    for approach in Approach::ALL {
        let ls: &[f64] = if approach == Approach::Learned {
            &lambdas
        } else {
            &[0.0]
        };
        for &lambda in ls {
            for &f in &factors {
                let s = settings(approach, f);
                let r = evaluate(&docs, K, &s, lambda, Ranking::Model)?;
                let name = format!("{} ×{f} λ={lambda}", approach.name());
                println!("{}", line(&name, &r));
                let p = pooled(&r);
                let e = best
                    .entry(approach.name())
                    .or_insert((f64::MIN, s.clone(), lambda));
                if p > e.0 {
                    *e = (p, s, lambda);
                }
            }
        }
    }
    for (name, (p, s, l)) in &best {
        println!("chosen {name}: ×{} λ={l} (pooled {p:.3})", s.budget_factor);
    }
    // Variants on top of the best lead and learned settings (chosen on this seed too).
    let mut variants: Vec<(String, Settings, f64)> = Vec::new();
    for base_name in ["lead", "learned"] {
        let (_, base, lambda) = best[base_name].clone();
        let mut add = |name: &str, f: &dyn Fn(&mut Settings)| {
            let mut s = base.clone();
            f(&mut s);
            variants.push((format!("{base_name}{name}"), s, lambda));
        };
        add("+compress", &|s| s.compress = true);
        add("+lead-in", &|s| s.lead_in = true);
        add("+compress+lead-in", &|s| {
            s.compress = true;
            s.lead_in = true
        });
        if base_name == "learned" {
            add("+trim", &|s| s.trim = true);
            add("+per-language", &|s| s.per_language = true);
            add("+per-language+lead-in", &|s| {
                s.per_language = true;
                s.lead_in = true
            });
        }
    }
    let mut product = (String::new(), Settings::default(), 0.0, f64::MIN);
    for (name, (p, s, l)) in &best {
        if *p > product.3 {
            product = (name.to_string(), s.clone(), *l, *p);
        }
    }
    for (name, s, l) in &variants {
        let r = evaluate(&docs, K, s, *l, Ranking::Model)?;
        println!("{}", line(name, &r));
        if pooled(&r) > product.3 {
            product = (name.clone(), s.clone(), *l, pooled(&r));
        }
    }
    println!(
        "chosen for the product: {} {:?} λ={} (pooled {:.3} on the tuning seed)",
        product.0, product.1, product.2, product.3
    );
    let base = best["learned"].1.clone();
    let lambda = best["learned"].2;

    // ---- Report: chosen settings on the tuning seed and fresh seeds.
    let mut configs: Vec<(String, Settings, f64)> = best
        .iter()
        .map(|(n, (_, s, l))| (n.to_string(), s.clone(), *l))
        .collect();
    configs.extend(variants);
    for seed in std::iter::once(tune_seed).chain(seeds) {
        let docs = if seed == tune_seed {
            docs.clone()
        } else {
            let t = Instant::now();
            let d = prepare(&data, &LANGS, K, seed, &mut quiet)?;
            println!(
                "\nseed {seed}: prepared in {:.1}s",
                t.elapsed().as_secs_f64()
            );
            d
        };
        let dir = out.join(format!("seed{seed}"));
        write_gold(&dir, &docs)?;
        println!(
            "\n## Report (seed {seed}{}): ROUGE-L F1, mean over documents ± std over folds\n{}",
            if seed == tune_seed {
                ", the tuning seed"
            } else {
                ", fresh"
            },
            header()
        );
        for (name, s, l) in &configs {
            let r = evaluate(&docs, K, s, *l, Ranking::Model)?;
            println!("{}", line(name, &r));
            write_preds(&dir, name, &docs, &r)?;
        }
        let s = settings(Approach::Learned, base.budget_factor);
        let r = evaluate(&docs, K, &s, lambda, Ranking::Oracle)?;
        println!("{}", line("oracle (reads gold; upper bound)", &r));
        write_preds(&dir, "oracle", &docs, &r)?;
        let r = evaluate(
            &docs,
            K,
            &settings(Approach::Lead, 1000.0),
            0.0,
            Ranking::Model,
        )?;
        println!("{}", line("lead, up to 80 words", &r));
        write_preds(&dir, "lead80", &docs, &r)?;
    }
    Ok(())
}
