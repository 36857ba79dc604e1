//! Training: an averaged structured perceptron over the hashed features, decoded with
//! Viterbi (Collins 2002). Deterministic: sentences are visited in an order drawn from a
//! fixed seed, and every table is built in input order.

use std::collections::HashMap;

use serde::Serialize;

use crate::data::Sentence;
use crate::error::EntityError;
use crate::features::{extract, normalize, LexMap, Lexicons, SentenceFeatures, GAZ_MAX_LEN};
use crate::metric::NerScores;
use crate::model::{key, viterbi, Model};
use crate::tags::{spans, NerClass, N_TAGS};

/// Training settings.
#[derive(Clone, Debug, Serialize)]
pub struct TrainConfig {
    /// Passes over the training data; the best one on the development set is kept.
    pub epochs: usize,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Weight rows whose largest absolute averaged weight is below this are dropped.
    pub prune: f32,
    /// Training documents are split into this many folds by document index; a sentence's
    /// lexicon features (gazetteer, case statistics) come from the other folds only.
    pub gazetteer_folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            seed: 0x5eed_2003,
            prune: 0.05,
            gazetteer_folds: 3,
        }
    }
}

/// What happened in one epoch.
#[derive(Clone, Debug, Serialize)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Sentences the perceptron got wrong (and so updated on).
    pub mistakes: usize,
    /// Entity F1 of the averaged weights on the development set.
    pub dev_f1: f64,
}

/// Summary of a training run.
#[derive(Clone, Debug, Serialize)]
pub struct TrainReport {
    /// Settings used.
    pub config: TrainConfig,
    /// Training sentences.
    pub train_sentences: usize,
    /// Development sentences.
    pub dev_sentences: usize,
    /// Distinct features seen in training.
    pub features_seen: usize,
    /// Weight rows kept after pruning.
    pub features_kept: usize,
    /// Per-epoch results.
    pub epochs: Vec<EpochReport>,
    /// The epoch whose weights were kept.
    pub best_epoch: usize,
    /// Development scores of the kept model (after pruning and quantisation).
    pub dev: NerScores,
}

/// Builds the lexicons the features use from training sentences: a gazetteer of every
/// entity string, and case statistics of every word.
pub fn build_lexicons(train: &[Sentence]) -> Lexicons {
    build_lexicons_from(train.iter(), &Outside::default())
}

/// What training uses besides the tagged sentences.
#[derive(Clone, Debug, Default)]
pub struct Outside {
    /// Capitalisation counts from untagged text ([`count_case`]).
    pub case: CaseCounts,
    /// Place names for the gazetteer ([`parse_places`]).
    pub places: Vec<String>,
    /// Word classes ([`parse_clusters`]).
    pub clusters: LexMap<(u16, u16)>,
}

/// Reads a cluster file (`word<TAB>coarse<TAB>fine` lines, `#` comments).
pub fn parse_clusters(text: &str) -> LexMap<(u16, u16)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let w = it.next()?;
            let a = it.next()?.trim().parse().ok()?;
            let b = it.next()?.trim().parse().ok()?;
            Some((normalize(w), (a, b)))
        })
        .collect()
}

/// Reads a place list (one name a line, `#` comments) into gazetteer keys.
pub fn parse_places(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let toks = crate::tokenize::tokenize(l);
            toks.iter()
                .map(|t| normalize(t.text(l)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Per lowercased word: (capitalised, lowercase) occurrences away from sentence starts.
pub type CaseCounts = HashMap<String, (u32, u32)>;

/// Case counts of running text (news articles without tags): more words, from newer text
/// than CoNLL-2003, so the case features know words the tagged data never saw.
pub fn count_case(texts: &[String]) -> CaseCounts {
    let mut counts = CaseCounts::new();
    for text in texts {
        for line in text.lines() {
            let toks = crate::tokenize::tokenize(line);
            let words: Vec<&str> = toks.iter().map(|t| t.text(line)).collect();
            if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
                continue;
            }
            for i in 1..words.len() {
                let prev = words[i - 1];
                if matches!(
                    prev,
                    "." | "!" | "?" | "\"" | "“" | "”" | ":" | "-" | "—" | "(" | "‘" | "'"
                ) {
                    continue;
                }
                count_word(&mut counts, words[i]);
            }
        }
    }
    counts
}

fn count_word(counts: &mut CaseCounts, w: &str) {
    let Some(first) = w.chars().next() else {
        return;
    };
    if !first.is_alphabetic() {
        return;
    }
    // Acronyms ("NATO", "ВСУ") say nothing about how the word is written in running
    // text, and counted as capitalised they told the tagger "always capitalised, all
    // capitals", which in CoNLL is mostly the pronoun "I".
    if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
        return;
    }
    let e = counts.entry(normalize(w)).or_default();
    if first.is_uppercase() {
        e.0 += 1;
    } else {
        e.1 += 1;
    }
}

fn build_lexicons_from<'a>(
    train: impl Iterator<Item = &'a Sentence> + Clone,
    outside: &Outside,
) -> Lexicons {
    let mut lex = Lexicons {
        gazetteer: gazetteer(train.clone()),
        clusters: outside.clusters.clone(),
        ..Lexicons::default()
    };
    for p in &outside.places {
        *lex.gazetteer.entry(p.clone()).or_default() |= 1 << crate::features::PLACE_BIT;
    }
    let mut counts = outside.case.clone();
    for s in train {
        if s.words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
            continue; // headline in capitals: says nothing about case
        }
        for w in s.words.iter().skip(1) {
            count_word(&mut counts, w);
        }
    }
    for (w, (cap, low)) in counts {
        let frac = f64::from(cap) / f64::from(cap + low);
        let bucket = if frac < 0.1 {
            0
        } else if frac < 0.5 {
            1
        } else if frac < 0.9 {
            2
        } else {
            3
        };
        lex.case.insert(w, bucket);
    }
    lex
}

fn gazetteer<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> LexMap<u8> {
    let mut gaz = LexMap::default();
    for s in sentences {
        for sp in spans(&s.tags) {
            if sp.end - sp.start > GAZ_MAX_LEN {
                continue;
            }
            let name: Vec<String> = s.words[sp.start..sp.end]
                .iter()
                .map(|w| normalize(w))
                .collect();
            *gaz.entry(name.join(" ")).or_default() |= 1 << (sp.class as u8);
        }
    }
    gaz
}

/// SplitMix64: a tiny, fixed random sequence for the visiting order.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Scores a model on tagged sentences.
pub fn score(model: &Model, data: &[Sentence], keep: &[NerClass]) -> NerScores {
    let mut s = NerScores::default();
    for sent in data {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let pred = model.tag(&words);
        s.add(&sent.tags, &pred, keep);
    }
    s
}

/// Trains a model on `train`, choosing the epoch by entity F1 on `dev`. `progress` is
/// called after each epoch.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    outside: &Outside,
    cfg: &TrainConfig,
    mut progress: impl FnMut(&EpochReport),
) -> Result<(Model, TrainReport), EntityError> {
    if train.is_empty() {
        return Err(EntityError::NoData("the training set is empty".into()));
    }
    let lexicons = build_lexicons_from(train.iter(), outside);
    let folds = cfg.gazetteer_folds.max(1);
    let fold_lex: Vec<Lexicons> = if folds > 1 {
        (0..folds)
            .map(|k| build_lexicons_from(train.iter().filter(|s| s.doc % folds != k), outside))
            .collect()
    } else {
        vec![lexicons.clone()]
    };

    // Feature rows, numbered in order of first appearance.
    let mut row_of: HashMap<u32, u32> = HashMap::new();
    let mut row_keys: Vec<u32> = Vec::new();
    let mut data: Vec<(Vec<u32>, Vec<usize>)> = Vec::with_capacity(train.len());
    let mut feats = SentenceFeatures::default();
    for s in train {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let lex = &fold_lex[if folds > 1 { s.doc % folds } else { 0 }];
        extract(&words, lex, &mut feats);
        let rows = feats
            .ids
            .iter()
            .map(|f| {
                let k = key(*f);
                *row_of.entry(k).or_insert_with(|| {
                    row_keys.push(k);
                    (row_keys.len() - 1) as u32
                })
            })
            .collect();
        data.push((rows, feats.offsets.clone()));
    }
    let n_rows = row_keys.len();
    let n_trans = (N_TAGS + 1) * N_TAGS;
    let mut w = vec![0f32; n_rows * N_TAGS];
    let mut u = vec![0f32; n_rows * N_TAGS];
    let mut tw = vec![0f32; n_trans];
    let mut tu = vec![0f32; n_trans];
    let mut c = 1f32;

    let averaged = |w: &[f32], u: &[f32], tw: &[f32], tu: &[f32], c: f32, prune: f32| {
        let rows = row_keys
            .iter()
            .enumerate()
            .map(|(r, k)| {
                let mut a = [0f32; N_TAGS];
                for (y, x) in a.iter_mut().enumerate() {
                    *x = w[r * N_TAGS + y] - u[r * N_TAGS + y] / c;
                }
                (*k, a)
            })
            .collect();
        let trans = tw.iter().zip(tu).map(|(w, u)| w - u / c).collect();
        Model::from_weights(rows, trans, lexicons.clone(), prune)
    };

    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = SplitMix(cfg.seed);
    let mut epochs = Vec::new();
    let mut best: Option<(f64, usize, Model)> = None;
    let keep = NerClass::ALL;
    let mut em = Vec::new();
    for epoch in 1..=cfg.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0;
        for &si in &order {
            let (rows, offs) = &data[si];
            let gold = &train[si].tags;
            let n = gold.len();
            em.clear();
            em.resize(n * N_TAGS, 0f32);
            for i in 0..n {
                for r in &rows[offs[i]..offs[i + 1]] {
                    let base = *r as usize * N_TAGS;
                    for y in 0..N_TAGS {
                        em[i * N_TAGS + y] += w[base + y];
                    }
                }
            }
            let pred = viterbi(&em, &tw, n);
            if pred != *gold {
                mistakes += 1;
                let mut prev_g = 0usize;
                let mut prev_p = 0usize;
                for i in 0..n {
                    let (g, p) = (gold[i].index(), pred[i].index());
                    if g != p {
                        for r in &rows[offs[i]..offs[i + 1]] {
                            let base = *r as usize * N_TAGS;
                            w[base + g] += 1.0;
                            u[base + g] += c;
                            w[base + p] -= 1.0;
                            u[base + p] -= c;
                        }
                    }
                    let (tg, tp) = (prev_g * N_TAGS + g, prev_p * N_TAGS + p);
                    if tg != tp {
                        tw[tg] += 1.0;
                        tu[tg] += c;
                        tw[tp] -= 1.0;
                        tu[tp] -= c;
                    }
                    prev_g = g + 1;
                    prev_p = p + 1;
                }
            }
            c += 1.0;
        }
        let model = averaged(&w, &u, &tw, &tu, c, 0.0);
        let dev_f1 = if dev.is_empty() {
            0.0
        } else {
            score(&model, dev, &keep).overall.f1()
        };
        let rep = EpochReport {
            epoch,
            mistakes,
            dev_f1,
        };
        progress(&rep);
        epochs.push(rep);
        // Ties keep the earlier epoch; without dev data the last epoch wins.
        let better = match &best {
            None => true,
            Some((f, _, _)) => dev_f1 > *f || dev.is_empty(),
        };
        if better {
            best = Some((dev_f1, epoch, averaged(&w, &u, &tw, &tu, c, cfg.prune)));
        }
    }
    let (_, best_epoch, model) = best.expect("at least one epoch");
    let dev_scores = score(&model, dev, &keep);
    let report = TrainReport {
        config: cfg.clone(),
        train_sentences: train.len(),
        dev_sentences: dev.len(),
        features_seen: n_rows,
        features_kept: model.n_features(),
        epochs,
        best_epoch,
        dev: dev_scores,
    };
    Ok((model, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_tagged;
    use crate::tags::Tag;

    const TOY: &str = "Alexander NNP x B-PER\nLukashenko NNP x I-PER\nvisited VBD x O\nMinsk NNP x B-LOC\n. . x O\n\n\
Angela NNP x B-PER\nMerkel NNP x I-PER\nvisited VBD x O\nBerlin NNP x B-LOC\n. . x O\n\n\
-DOCSTART- -X- O O\n\n\
Reuters NNP x B-ORG\nreported VBD x O\nfrom IN x O\nMinsk NNP x B-LOC\n. . x O\n";

    #[test]
    fn learns_a_toy_set_deterministically() {
        let data = parse_tagged(TOY, false).unwrap();
        let cfg = TrainConfig {
            epochs: 5,
            prune: 0.0,
            gazetteer_folds: 1,
            ..TrainConfig::default()
        };
        let (m1, r1) = train(&data, &data, &Outside::default(), &cfg, |_| {}).unwrap();
        let (m2, _) = train(&data, &data, &Outside::default(), &cfg, |_| {}).unwrap();
        assert_eq!(m1.to_bytes(), m2.to_bytes());
        assert!(r1.dev.overall.f1() > 0.99, "{:?}", r1.dev);
        let tags = m1.tag(&["Angela", "Merkel", "visited", "Minsk", "."]);
        assert_eq!(tags[0], Tag::begin(NerClass::Per));
        assert_eq!(tags[3], Tag::begin(NerClass::Loc));
        assert!(train(&[], &data, &Outside::default(), &cfg, |_| {}).is_err());
    }

    #[test]
    fn case_lexicon_buckets() {
        let data = parse_tagged(TOY, false).unwrap();
        let lex = build_lexicons(&data);
        assert_eq!(lex.case.get("visited"), Some(&0));
        assert_eq!(lex.case.get("minsk"), Some(&3));
        assert_eq!(lex.gazetteer.get("alexander lukashenko"), Some(&1));
    }
}
