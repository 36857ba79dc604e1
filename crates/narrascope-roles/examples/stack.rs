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

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use narrascope_narratives::scorer::MeanStd;
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
        let doc_fold = document_folds(&corpus, k, seed);
        let fold: Vec<usize> = corpus.examples.iter().map(|e| doc_fold[e.doc]).collect();
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
        merge(&mut base, scores(&corpus, &fold, k, &pred_base));
        merge(&mut stacked, scores(&corpus, &fold, k, &pred_stack));
        eprintln!("seed {seed} done, {:.0} s", started.elapsed().as_secs_f64());
    }
    show("role model (shipped rule)", &base);
    show(&format!("stacked {mlp:?}"), &stacked);
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

fn merge(into: &mut BTreeMap<String, FoldScores>, from: BTreeMap<String, FoldScores>) {
    for (l, s) in from {
        let e = into.entry(l).or_default();
        e.exact.extend(s.exact);
        e.main.extend(s.main);
        e.macro_f1.extend(s.macro_f1);
        e.mentions += s.mentions;
    }
}

fn show(title: &str, m: &BTreeMap<String, FoldScores>) {
    println!("{title}:");
    let f = |x: MeanStd| format!("{:.3}±{:.3}", x.mean, x.std);
    for (l, s) in m {
        let (e, a) = s.summary();
        println!(
            "  {l:<4} main {} macroF1 {} exact {}",
            f(a),
            f(MeanStd::of(&s.macro_f1)),
            f(e)
        );
    }
}

/// The article neighbourhood of every mention.
struct Context {
    /// Per mention: the other mentions of its article with the same text.
    same: Vec<Vec<usize>>,
    /// Per mention: the article's mentions with another text.
    other: Vec<Vec<usize>>,
    lang: Vec<usize>,
}

impl Context {
    fn new(corpus: &Corpus) -> Context {
        let n = corpus.examples.len();
        let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, e) in corpus.examples.iter().enumerate() {
            by_doc.entry(e.doc).or_default().push(i);
        }
        let text = |i: usize| corpus.examples[i].row.mention.trim().to_lowercase();
        let (mut same, mut other) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (i, e) in corpus.examples.iter().enumerate() {
            for &j in &by_doc[&e.doc] {
                if j == i {
                    continue;
                }
                if text(j) == text(i) {
                    same[i].push(j);
                } else {
                    other[i].push(j);
                }
            }
        }
        let lang = corpus
            .examples
            .iter()
            .map(|e| {
                LANGUAGES
                    .iter()
                    .position(|&l| l == corpus.docs[e.doc].lang)
                    .unwrap_or(0)
            })
            .collect();
        Context { same, other, lang }
    }

    /// Dense second-stage inputs of mention `i` from the scores `p` (only mentions of
    /// `i`'s fold are read: neighbours share the article, hence the fold).
    fn dense(&self, i: usize, p: &[Probs], fold: &[usize]) -> Vec<f32> {
        let mut x = Vec::with_capacity(80);
        x.extend(&p[i].0);
        x.extend(&p[i].1);
        for group in [&self.same[i], &self.other[i]] {
            debug_assert!(group.iter().all(|&j| fold[j] == fold[i]));
            let n = group.len().max(1) as f32;
            let mut m = [0f32; 3];
            let mut mx = [0f32; 3];
            for &j in group {
                for r in 0..3 {
                    m[r] += p[j].0[r] / n;
                    mx[r] = mx[r].max(p[j].0[r]);
                }
            }
            x.extend(m);
            x.extend(mx);
            x.push((1.0 + group.len() as f32).ln());
        }
        let own = [p[i].0[0], p[i].0[1], p[i].0[2]];
        let same_mean = [x[25], x[26], x[27]];
        for a in own {
            for b in same_mean {
                x.push(a * b);
            }
        }
        for l in 0..LANGUAGES.len() {
            x.push(if self.lang[i] == l { 1.0 } else { 0.0 });
        }
        x
    }
}

#[derive(Clone, Debug)]
struct MlpConfig {
    hidden: usize,
    epochs: usize,
    l2: f32,
    lr: f32,
}

impl Default for MlpConfig {
    fn default() -> Self {
        MlpConfig {
            hidden: 16,
            epochs: 400,
            l2: 1e-4,
            lr: 0.01,
        }
    }
}

/// Inputs → `hidden` tanh units (none: linear) → 3 softmax main-role outputs and 22
/// sigmoid fine-role outputs; full-batch Adam on the summed log-losses, fixed init.
struct Mlp {
    d: usize,
    h: usize,
    /// Hidden layer, `h × (d + 1)` (empty when linear).
    w1: Vec<f32>,
    /// Output layer, `25 × (in + 1)`.
    w2: Vec<f32>,
    mean: Vec<f32>,
    sd: Vec<f32>,
}

const OUT: usize = 25;

impl Mlp {
    fn inputs(&self) -> usize {
        if self.h == 0 {
            self.d
        } else {
            self.h
        }
    }

    fn forward(&self, x: &[f32]) -> (Vec<f32>, Vec<f32>) {
        let z: Vec<f32> = x
            .iter()
            .zip(self.mean.iter().zip(&self.sd))
            .map(|(v, (m, s))| (v - m) / s)
            .collect();
        let hid: Vec<f32> = if self.h == 0 {
            z
        } else {
            (0..self.h)
                .map(|u| {
                    let row = &self.w1[u * (self.d + 1)..(u + 1) * (self.d + 1)];
                    (row[self.d] + row.iter().zip(&z).map(|(a, b)| a * b).sum::<f32>()).tanh()
                })
                .collect()
        };
        let n = self.inputs();
        let out: Vec<f32> = (0..OUT)
            .map(|o| {
                let row = &self.w2[o * (n + 1)..(o + 1) * (n + 1)];
                row[n] + row.iter().zip(&hid).map(|(a, b)| a * b).sum::<f32>()
            })
            .collect();
        (hid, out)
    }

    fn probs(out: &[f32]) -> Probs {
        let mx = out[..3].iter().cloned().fold(f32::MIN, f32::max);
        let e: Vec<f32> = out[..3].iter().map(|v| (v - mx).exp()).collect();
        let s: f32 = e.iter().sum();
        let pm = e.iter().map(|v| v / s).collect();
        let pf = out[3..].iter().map(|v| 1.0 / (1.0 + (-v).exp())).collect();
        (pm, pf)
    }

    fn predict(&self, x: &[f32]) -> Probs {
        Mlp::probs(&self.forward(x).1)
    }

    fn train(xs: &[Vec<f32>], ys: &[(usize, Vec<usize>)], cfg: &MlpConfig) -> Mlp {
        let d = xs[0].len();
        let n = xs.len() as f32;
        let mut mean = vec![0f32; d];
        let mut sd = vec![0f32; d];
        for x in xs {
            for (m, v) in mean.iter_mut().zip(x) {
                *m += v / n;
            }
        }
        for x in xs {
            for ((s, v), m) in sd.iter_mut().zip(x).zip(&mean) {
                *s += (v - m).powi(2) / n;
            }
        }
        for s in &mut sd {
            *s = s.sqrt().max(1e-3);
        }
        let h = cfg.hidden;
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 2.0
        };
        let w1: Vec<f32> = (0..h * (d + 1))
            .map(|_| rnd() / (d as f32).sqrt())
            .collect();
        let nin = if h == 0 { d } else { h };
        let w2: Vec<f32> = (0..OUT * (nin + 1))
            .map(|_| {
                if h == 0 {
                    0.0
                } else {
                    rnd() / (nin as f32).sqrt()
                }
            })
            .collect();
        let mut net = Mlp {
            d,
            h,
            w1,
            w2,
            mean,
            sd,
        };
        let mut adam1 = Adam::new(net.w1.len());
        let mut adam2 = Adam::new(net.w2.len());
        for _ in 0..cfg.epochs {
            let mut g1 = vec![0f32; net.w1.len()];
            let mut g2 = vec![0f32; net.w2.len()];
            for (x, y) in xs.iter().zip(ys) {
                let z: Vec<f32> = x
                    .iter()
                    .zip(net.mean.iter().zip(&net.sd))
                    .map(|(v, (m, s))| (v - m) / s)
                    .collect();
                let (hid, out) = net.forward(x);
                let (pm, pf) = Mlp::probs(&out);
                let mut dout = [0f32; OUT];
                for r in 0..3 {
                    dout[r] = pm[r] - if y.0 == r { 1.0 } else { 0.0 };
                }
                for r in 0..22 {
                    dout[3 + r] = pf[r] - if y.1.contains(&r) { 1.0 } else { 0.0 };
                }
                let mut dhid = vec![0f32; nin];
                for (o, g) in dout.iter().enumerate() {
                    let base = o * (nin + 1);
                    for u in 0..nin {
                        g2[base + u] += g * hid[u] / n;
                        dhid[u] += g * net.w2[base + u];
                    }
                    g2[base + nin] += g / n;
                }
                if h > 0 {
                    for u in 0..h {
                        let dz = dhid[u] * (1.0 - hid[u] * hid[u]) / n;
                        let base = u * (d + 1);
                        for (k, zk) in z.iter().enumerate() {
                            g1[base + k] += dz * zk;
                        }
                        g1[base + d] += dz;
                    }
                }
            }
            for (g, w) in g1.iter_mut().zip(&net.w1) {
                *g += cfg.l2 * w;
            }
            for (g, w) in g2.iter_mut().zip(&net.w2) {
                *g += cfg.l2 * w;
            }
            adam1.step(&mut net.w1, &g1, cfg.lr);
            adam2.step(&mut net.w2, &g2, cfg.lr);
        }
        net
    }
}

struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
    t: i32,
}

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
            t: 0,
        }
    }

    fn step(&mut self, w: &mut [f32], g: &[f32], lr: f32) {
        self.t += 1;
        let (b1, b2) = (0.9f32, 0.999f32);
        let c1 = 1.0 - b1.powi(self.t);
        let c2 = 1.0 - b2.powi(self.t);
        for i in 0..w.len() {
            self.m[i] = b1 * self.m[i] + (1.0 - b1) * g[i];
            self.v[i] = b2 * self.v[i] + (1.0 - b2) * g[i] * g[i];
            w[i] -= lr * (self.m[i] / c1) / ((self.v[i] / c2).sqrt() + 1e-8);
        }
    }
}

/// Adds the article's gold narratives (coarse and fine labels, each) conjoined with the
/// mention's lower-cased text to the entity block.
fn add_gold_narratives(
    root: &std::path::Path,
    corpus: &Corpus,
    raws: &mut [Raw],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut narr: HashMap<String, Vec<String>> = HashMap::new();
    for l in LANGUAGES {
        let t = std::fs::read_to_string(root.join(l).join("subtask-2-annotations.txt"))?;
        for line in t.lines() {
            let p: Vec<&str> = line.split('\t').collect();
            let mut labels: Vec<String> = Vec::new();
            for col in p.iter().skip(1) {
                labels.extend(col.split(';').map(|s| s.trim().to_string()));
            }
            narr.insert(p[0].trim().to_string(), labels);
        }
    }
    for (i, e) in corpus.examples.iter().enumerate() {
        let name = e.row.mention.trim().to_lowercase();
        for lab in narr.get(&corpus.docs[e.doc].id).into_iter().flatten() {
            let h = xxh3_64_with_seed(format!("{name}\u{1}{lab}").as_bytes(), 99);
            raws[i].push(((h >> 43) as u32, 1.0, 0));
        }
    }
    Ok(())
}

/// kNN blend: each test mention's probabilities mixed with the role distribution of its
/// `k` most cosine-similar training mentions (similarity^2 weighted), weight `a`; the
/// (k, a) with the best pooled exact match + main accuracy on the first seed is then
/// reported on the other seeds.
fn knn_blend(
    corpus: &Corpus,
    raws: &[Raw],
    labs: &[(usize, Vec<usize>)],
    seeds: &[u64],
    cfg: &TrainConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    let ks = [5usize, 10, 20, 40];
    let as_ = [0.0f32, 0.2, 0.35, 0.5, 0.7];
    let n = corpus.examples.len();
    let mut acc: Vec<BTreeMap<String, FoldScores>> = vec![BTreeMap::new(); ks.len() * as_.len()];
    for &seed in seeds {
        let doc_fold = document_folds(corpus, 5, seed);
        let fold: Vec<usize> = corpus.examples.iter().map(|e| doc_fold[e.doc]).collect();
        // per (k, a): predictions
        let mut preds = vec![Vec::new(); ks.len() * as_.len()];
        for p in preds.iter_mut() {
            *p = corpus
                .examples
                .iter()
                .map(|e| e.row.clone())
                .collect::<Vec<_>>();
        }
        for f in 0..5 {
            let tr: Vec<usize> = (0..n).filter(|&i| fold[i] != f).collect();
            let refs: Vec<&Raw> = tr.iter().map(|&i| &raws[i]).collect();
            let l: Vec<_> = tr.iter().map(|&i| labs[i].clone()).collect();
            let m = train_raw(&refs, &l, vec![], cfg, &mut |_| {})?;
            let unit = |i: usize| {
                let mut v = m.vectorise_raw(&raws[i]);
                let norm = v.val.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                v.val.iter_mut().for_each(|x| *x /= norm);
                v
            };
            let mut post: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
            for (t, &i) in tr.iter().enumerate() {
                let v = unit(i);
                for (c, x) in v.idx.iter().zip(&v.val) {
                    post.entry(*c).or_default().push((t as u32, *x));
                }
            }
            let mut sim = vec![0f32; tr.len()];
            for i in (0..n).filter(|&i| fold[i] == f) {
                sim.iter_mut().for_each(|s| *s = 0.0);
                let v = unit(i);
                for (c, x) in v.idx.iter().zip(&v.val) {
                    if let Some(p) = post.get(c) {
                        for &(t, y) in p {
                            sim[t as usize] += x * y;
                        }
                    }
                }
                let mut order: Vec<usize> = (0..tr.len()).collect();
                order.sort_unstable_by(|&a, &b| sim[b].total_cmp(&sim[a]).then(a.cmp(&b)));
                let (pm0, pf0) = m.probabilities(&m.vectorise_raw(&raws[i]));
                for (ki, &k) in ks.iter().enumerate() {
                    let mut km = [0f32; 3];
                    let mut kf = [0f32; 22];
                    let mut tot = 0f32;
                    for &t in order.iter().take(k) {
                        let w = sim[t].max(0.0).powi(2);
                        tot += w;
                        km[l[t].0] += w;
                        for &r in &l[t].1 {
                            kf[r] += w;
                        }
                    }
                    let tot = tot.max(1e-9);
                    for (ai, &a) in as_.iter().enumerate() {
                        let pm: Vec<f32> = (0..3)
                            .map(|r| (1.0 - a) * pm0[r] + a * km[r] / tot)
                            .collect();
                        let pf: Vec<f32> = (0..22)
                            .map(|r| (1.0 - a) * pf0[r] + a * kf[r] / tot)
                            .collect();
                        let d = decide(&pm, &pf, &cfg.decision);
                        preds[ki * as_.len() + ai][i] = predicted_row(&corpus.examples[i].row, &d);
                    }
                }
            }
        }
        for (p, a) in preds.iter().zip(acc.iter_mut()) {
            merge(a, scores(corpus, &fold, 5, p));
        }
        eprintln!("seed {seed} done");
    }
    for (ki, k) in ks.iter().enumerate() {
        for (ai, a) in as_.iter().enumerate() {
            show(&format!("knn k={k} a={a}"), &acc[ki * as_.len() + ai]);
        }
    }
    Ok(())
}

/// Adds, for every other mention of the article with another text, the mention's text ×
/// that mention's text × its GOLD main role, and the mention's text × that gold main role
/// (an upper bound for "who is on which side" read from the other entities).
fn add_gold_cooccurring_roles(corpus: &Corpus, raws: &mut [Raw]) {
    let name = |i: usize| corpus.examples[i].row.mention.trim().to_lowercase();
    let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in corpus.examples.iter().enumerate() {
        by_doc.entry(e.doc).or_default().push(i);
    }
    for (i, e) in corpus.examples.iter().enumerate() {
        let me = name(i);
        for &j in &by_doc[&e.doc] {
            let other = name(j);
            if other == me {
                continue;
            }
            let role = corpus.examples[j].row.main.clone().unwrap_or_default();
            for key in [
                format!("{me}\u{1}{other}\u{1}{role}"),
                format!("{me}\u{1}{role}"),
            ] {
                let h = xxh3_64_with_seed(key.as_bytes(), 98);
                raws[i].push(((h >> 43) as u32, 1.0, 0));
            }
        }
    }
}

/// The main role from one multinomial (softmax) logistic regression over the role
/// model's columns instead of three one-vs-rest ones (seeded SGD with the one-vs-rest
/// models' schedule and λ); fine roles unchanged; the shipped decision rule.
fn softmax_main(
    corpus: &Corpus,
    raws: &[Raw],
    labs: &[(usize, Vec<usize>)],
    seeds: &[u64],
    cfg: &TrainConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = corpus.examples.len();
    let (mut base, mut soft) = (BTreeMap::new(), BTreeMap::new());
    for &seed in seeds {
        let doc_fold = document_folds(corpus, 5, seed);
        let fold: Vec<usize> = corpus.examples.iter().map(|e| doc_fold[e.doc]).collect();
        let mut pb: Vec<_> = corpus.examples.iter().map(|e| e.row.clone()).collect();
        let mut ps = pb.clone();
        for f in 0..5 {
            let tr: Vec<usize> = (0..n).filter(|&i| fold[i] != f).collect();
            let refs: Vec<&Raw> = tr.iter().map(|&i| &raws[i]).collect();
            let l: Vec<_> = tr.iter().map(|&i| labs[i].clone()).collect();
            let m = train_raw(&refs, &l, vec![], cfg, &mut |_| {})?;
            let xs: Vec<_> = tr.iter().map(|&i| m.vectorise_raw(&raws[i])).collect();
            let cols = xs
                .iter()
                .flat_map(|x| x.idx.iter())
                .max()
                .map_or(0, |&c| c as usize + 1);
            let sgd = &cfg.main_sgd;
            let mut w = vec![0f32; cols * 3];
            let mut b = [0f32; 3];
            let mut order: Vec<usize> = (0..xs.len()).collect();
            let mut state = sgd.seed.max(1);
            let t0 = 1.0 / (sgd.lambda * sgd.eta0);
            let mut t = 0f32;
            let mut scale = 1f32;
            for _ in 0..sgd.epochs {
                for k in (1..order.len()).rev() {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    order.swap(k, (state % (k as u64 + 1)) as usize);
                }
                for &i in &order {
                    let eta = 1.0 / (sgd.lambda * (t + t0));
                    t += 1.0;
                    let x = &xs[i];
                    let mut z = b;
                    for (&c, &v) in x.idx.iter().zip(&x.val) {
                        for r in 0..3 {
                            z[r] += scale * v * w[c as usize * 3 + r];
                        }
                    }
                    let mx = z.iter().cloned().fold(f32::MIN, f32::max);
                    let e: Vec<f32> = z.iter().map(|v| (v - mx).exp()).collect();
                    let s: f32 = e.iter().sum();
                    let g: Vec<f32> = (0..3)
                        .map(|r| e[r] / s - if l[i].0 == r { 1.0 } else { 0.0 })
                        .collect();
                    scale *= 1.0 - eta * sgd.lambda;
                    for (&c, &v) in x.idx.iter().zip(&x.val) {
                        for r in 0..3 {
                            w[c as usize * 3 + r] -= eta / scale * v * g[r];
                        }
                    }
                    for r in 0..3 {
                        b[r] -= eta * 0.1 * g[r];
                    }
                }
            }
            for i in (0..n).filter(|&i| fold[i] == f) {
                let x = m.vectorise_raw(&raws[i]);
                let (pm, pf) = m.probabilities(&x);
                pb[i] = predicted_row(&corpus.examples[i].row, &decide(&pm, &pf, &cfg.decision));
                let mut z = b;
                for (&c, &v) in x.idx.iter().zip(&x.val) {
                    if (c as usize) < cols {
                        for r in 0..3 {
                            z[r] += scale * v * w[c as usize * 3 + r];
                        }
                    }
                }
                let mx = z.iter().cloned().fold(f32::MIN, f32::max);
                let e: Vec<f32> = z.iter().map(|v| (v - mx).exp()).collect();
                let s: f32 = e.iter().sum();
                let sm: Vec<f32> = e.iter().map(|v| v / s).collect();
                ps[i] = predicted_row(&corpus.examples[i].row, &decide(&sm, &pf, &cfg.decision));
            }
        }
        merge(&mut base, scores(corpus, &fold, 5, &pb));
        merge(&mut soft, scores(corpus, &fold, 5, &ps));
    }
    show("one-vs-rest main (shipped)", &base);
    show("softmax main", &soft);
    Ok(())
}
