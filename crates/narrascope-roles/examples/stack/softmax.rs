//! The main role from one multinomial logistic regression.

use super::*;

/// The main role from one multinomial (softmax) logistic regression over the role
/// model's columns instead of three one-vs-rest ones (seeded SGD with the one-vs-rest
/// models' schedule and λ); fine roles unchanged; the shipped decision rule.
pub(crate) fn softmax_main(
    corpus: &Corpus,
    raws: &[Raw],
    labs: &[(usize, Vec<usize>)],
    seeds: &[u64],
    cfg: &TrainConfig,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = corpus.examples.len();
    let (mut base, mut soft) = (BTreeMap::new(), BTreeMap::new());
    for &seed in seeds {
        let fold = mention_folds(corpus, 5, seed);
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
        merge(&mut base, scores(corpus, &fold, 5, &pb), false);
        merge(&mut soft, scores(corpus, &fold, 5, &ps), false);
    }
    print_per_language("one-vs-rest main (shipped)", &base);
    print_per_language("softmax main", &soft);
    Ok(())
}
