//! The role model blended with a k-nearest-neighbour vote.

use super::*;

/// kNN blend: each test mention's probabilities mixed with the role distribution of its
/// `k` most cosine-similar training mentions (similarity^2 weighted), weight `a`; the
/// (k, a) with the best pooled exact match + main accuracy on the first seed is then
/// reported on the other seeds.
pub(crate) fn knn_blend(
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
        let fold = mention_folds(corpus, 5, seed);
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
            merge(a, scores(corpus, &fold, 5, p), false);
        }
        eprintln!("seed {seed} done");
    }
    for (ki, k) in ks.iter().enumerate() {
        for (ai, a) in as_.iter().enumerate() {
            print_per_language(&format!("knn k={k} a={a}"), &acc[ki * as_.len() + ai]);
        }
    }
    Ok(())
}
