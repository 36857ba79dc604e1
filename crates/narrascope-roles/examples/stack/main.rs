//! Experiments on top of the role model, on the folds of the shipped numbers.
//!
//! `cargo run --release -p narrascope-roles --example stack -- DATA_DIR [--seeds 1]
//! [--hidden 16] [--epochs 400] [--l2 1e-4] [--lr 0.01] [--knn] [--softmax] [--narr-oracle]
//! [--roles-oracle] [CONFIG_JSON]`
//!
//! Results and their reading: `models/roles/README.md`, "Entity × stance".
//!
//! - Stacking: a second stage (a tiny MLP, or logistic regression with `--hidden 0`)
//!   over dense scores — the role model's main and fine probabilities of the mention,
//!   their mean over the article's other mentions of the same text and of other texts,
//!   the language — trained on nested out-of-fold scores: for outer fold `f`, the
//!   training mentions' scores come from role models trained without `f` and without
//!   their own fold, the test mentions' from the model trained without `f` (as in the
//!   shipped cross-validation). Both are decided by the shipped decision rule.
//! - `--narr-oracle`: the article's GOLD narratives conjoined with the mention's text
//!   added to the entity block (an upper bound for name × stance conjunctions; not a
//!   fair score).
//! - `--roles-oracle`: the GOLD main roles of the article's other mentions conjoined with
//!   the mention's text (an upper bound for "who is on which side"; not a fair score).
//! - `--softmax`: the main role from one multinomial logistic regression.
//! - `--knn`: the role model's probabilities blended with a k-nearest-neighbour vote
//!   over the training mentions, on a grid of k and blend weights.

#[path = "../common/report.rs"]
mod report;

mod context;
mod knn;
mod mlp;
mod oracles;
mod softmax;

use context::Context;
use knn::knn_blend;
use mlp::{Mlp, MlpConfig};
use oracles::{add_gold_cooccurring_roles, add_gold_narratives};
use report::{merge, print_per_language};
use softmax::softmax_main;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use narrascope_roles::cv::{document_folds, predicted_row, FoldScores};
use narrascope_roles::semeval::{load, Corpus, LANGUAGES};
use narrascope_roles::{decide, raw_features, Raw, TrainConfig};
use narrascope_roles::{labels, train_raw};
use xxhash_rust::xxh3::xxh3_64_with_seed;

type Probs = (Vec<f32>, Vec<f32>);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().ok_or("usage: stack DATA_DIR …")?);
    let mut seeds = vec![1u64];
    let mut mlp = MlpConfig::default();
    let mut oracle = false;
    let mut knn = false;
    let mut softmax = false;
    let mut roles_oracle = false;
    let mut cfg = TrainConfig::default();
    let mut i = 1;
    while i < args.len() {
        let next = |i: &mut usize| -> String {
            *i += 1;
            args[*i].clone()
        };
        match args[i].as_str() {
            "--seeds" => {
                seeds = next(&mut i)
                    .split(',')
                    .map(|s| s.parse())
                    .collect::<Result<_, _>>()?
            }
            "--hidden" => mlp.hidden = next(&mut i).parse()?,
            "--epochs" => mlp.epochs = next(&mut i).parse()?,
            "--l2" => mlp.l2 = next(&mut i).parse()?,
            "--lr" => mlp.lr = next(&mut i).parse()?,
            "--narr-oracle" => oracle = true,
            "--knn" => knn = true,
            "--softmax" => softmax = true,
            "--roles-oracle" => roles_oracle = true,
            s => cfg = serde_json::from_str(s)?,
        }
        i += 1;
    }
    let root = data.join("train");
    let corpus: Corpus = load(&root, &LANGUAGES)?;
    let mut raws = raw_features(&corpus, &cfg.features);
    if oracle {
        add_gold_narratives(&root, &corpus, &mut raws)?;
    }
    if roles_oracle {
        add_gold_cooccurring_roles(&corpus, &mut raws);
    }
    let labs: Vec<_> = corpus
        .examples
        .iter()
        .map(|e| labels(&e.row))
        .collect::<Result<_, _>>()?;
    if softmax {
        return softmax_main(&corpus, &raws, &labs, &seeds, &cfg);
    }
    if knn {
        return knn_blend(&corpus, &raws, &labs, &seeds, &cfg);
    }
    let ctx = Context::new(&corpus);
    let k = 5;
    let mut base: BTreeMap<String, FoldScores> = BTreeMap::new();
    let mut stacked: BTreeMap<String, FoldScores> = BTreeMap::new();
    let started = std::time::Instant::now();
    for &seed in &seeds {
        let fold = mention_folds(&corpus, k, seed);
        let n = fold.len();
        let fit =
            |skip: &[usize], on: &[usize]| -> Result<Vec<Probs>, Box<dyn std::error::Error>> {
                let tr: Vec<usize> = (0..n).filter(|&i| !skip.contains(&fold[i])).collect();
                let refs: Vec<&Raw> = tr.iter().map(|&i| &raws[i]).collect();
                let l: Vec<_> = tr.iter().map(|&i| labs[i].clone()).collect();
                let m = train_raw(&refs, &l, vec![], &cfg, &mut |_| {})?;
                Ok(on
                    .iter()
                    .map(|&i| m.probabilities(&m.vectorise_raw(&raws[i])))
                    .collect())
            };
        let mut outer: Vec<Probs> = vec![Default::default(); n];
        for f in 0..k {
            let on: Vec<usize> = (0..n).filter(|&i| fold[i] == f).collect();
            for (i, p) in on.iter().zip(fit(&[f], &on)?) {
                outer[*i] = p;
            }
        }
        let mut pred_base = Vec::with_capacity(n);
        for (i, e) in corpus.examples.iter().enumerate() {
            let d = decide(&outer[i].0, &outer[i].1, &cfg.decision);
            pred_base.push(predicted_row(&e.row, &d));
        }
        let mut pred_stack = pred_base.clone();
        for f in 0..k {
            let mut inner: Vec<Probs> = vec![Default::default(); n];
            for g in (0..k).filter(|&g| g != f) {
                let on: Vec<usize> = (0..n).filter(|&i| fold[i] == g).collect();
                for (i, p) in on.iter().zip(fit(&[f, g], &on)?) {
                    inner[*i] = p;
                }
            }
            let tr: Vec<usize> = (0..n).filter(|&i| fold[i] != f).collect();
            let te: Vec<usize> = (0..n).filter(|&i| fold[i] == f).collect();
            let xtr: Vec<Vec<f32>> = tr.iter().map(|&i| ctx.dense(i, &inner, &fold)).collect();
            let ytr: Vec<(usize, Vec<usize>)> = tr.iter().map(|&i| labs[i].clone()).collect();
            let net = Mlp::train(&xtr, &ytr, &mlp);
            for &i in &te {
                let (pm, pf) = net.predict(&ctx.dense(i, &outer, &fold));
                let d = decide(&pm, &pf, &cfg.decision);
                pred_stack[i] = predicted_row(&corpus.examples[i].row, &d);
            }
        }
        merge(&mut base, scores(&corpus, &fold, k, &pred_base), false);
        merge(&mut stacked, scores(&corpus, &fold, k, &pred_stack), false);
        eprintln!("seed {seed} done, {:.0} s", started.elapsed().as_secs_f64());
    }
    print_per_language("role model (shipped rule)", &base);
    print_per_language(&format!("stacked {mlp:?}"), &stacked);
    Ok(())
}

/// Per-fold scores, as `CvReport::fold_scores` computes them.
fn scores(
    corpus: &Corpus,
    fold: &[usize],
    k: usize,
    pred: &[narrascope_roles::semeval::Row],
) -> BTreeMap<String, FoldScores> {
    let rep = narrascope_roles::cv::CvReport {
        k,
        fold: fold.to_vec(),
        ..Default::default()
    };
    rep.fold_scores(corpus, pred)
}

/// The cross-validation fold of every mention: its document's fold.
fn mention_folds(corpus: &Corpus, k: usize, seed: u64) -> Vec<usize> {
    let doc_fold = document_folds(corpus, k, seed);
    corpus.examples.iter().map(|e| doc_fold[e.doc]).collect()
}
