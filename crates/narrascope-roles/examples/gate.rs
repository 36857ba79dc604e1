//! Cross-validation of the salience gate (does an entity found by the entity stage
//! have a role?) against the older "score ≥ 0.6 and named twice" rule.
//!
//! `gate DATA_DIR RECORDS.jsonl[,MORE.jsonl] [GATE_CONFIG_JSON] [--seeds 1] [--drop 21,22]`
//!
//! `RECORDS` are `narrascope analyze` records (JSON Lines) of the training articles
//! (`…/train/{EN,BG,HI,PT,RU}/raw-documents`); only the annotated ones are used. The
//! role model's scores are out-of-fold (a role model trained without the article's
//! fold), and so are the gate's. `--drop` zeroes dense gate features (ablation).
//! Prints precision / recall / F1 of "entity is annotated" per rule, pooled over the
//! folds of each seed, and mean ± sd over folds.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::PathBuf;

use narrascope_core::{
    record::ArticleRecord, Article, Document, Entity, GivenMeta, Mention, Quote, Span, Speaker,
};
use narrascope_narratives::scorer::MeanStd;
use narrascope_roles::gate::{cross_validate, out_of_fold, precision_recall as prf, GateConfig};
use narrascope_roles::semeval::{load, LANGUAGES};
use narrascope_roles::{raw_features, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(&args[0]);
    let files: Vec<PathBuf> = args[1].split(',').map(PathBuf::from).collect();
    let mut gcfg = GateConfig::default();
    let mut seeds = vec![1u64];
    let mut drop: Vec<usize> = Vec::new();
    let mut i = 2;
    while i < args.len() {
        match args[i].as_str() {
            "--seeds" => {
                i += 1;
                seeds = args[i]
                    .split(',')
                    .map(|s| s.parse())
                    .collect::<Result<_, _>>()?;
            }
            "--drop" => {
                i += 1;
                drop = args[i]
                    .split(',')
                    .map(|s| s.parse())
                    .collect::<Result<_, _>>()?;
            }
            s => gcfg = serde_json::from_str(s)?,
        }
        i += 1;
    }
    eprintln!("gate config: {}", serde_json::to_string(&gcfg)?);
    let corpus = load(&data.join("train"), &LANGUAGES)?;
    let mut records: HashMap<String, Document> = HashMap::new();
    for p in &files {
        for line in std::io::BufReader::new(std::fs::File::open(p)?).lines() {
            let line = line?;
            if let Ok(r) = serde_json::from_str::<ArticleRecord>(&line) {
                records.insert(r.id.clone(), document(&r));
            }
        }
    }
    let missing = corpus
        .docs
        .iter()
        .filter(|d| !records.contains_key(d.id.trim_end_matches(".txt")))
        .count();
    eprintln!(
        "{} annotated documents, {} without a record",
        corpus.docs.len(),
        missing
    );
    let cfg = TrainConfig::default();
    let raws = raw_features(&corpus, &cfg.features);
    let docs: Vec<Option<Document>> = corpus
        .docs
        .iter()
        .map(|d| records.remove(d.id.trim_end_matches(".txt")))
        .collect();
    let k = 5;
    for &seed in &seeds {
        let mut cands = out_of_fold(&corpus, &docs, &raws, &cfg, k, seed, &mut |_| {})?;
        for c in &mut cands {
            for &j in &drop {
                c.raw.dense[j] = 0.0;
            }
        }
        let prob = cross_validate(&cands, k, &gcfg);
        let pos = cands.iter().filter(|c| c.gold.is_some()).count();
        println!(
            "seed {seed}: {} candidate entities, {} annotated ({:.1} %)",
            cands.len(),
            pos,
            100.0 * pos as f64 / cands.len() as f64
        );
        let mut rules: Vec<(String, Vec<bool>)> = vec![
            (
                "score>=0.6 & named>=2 (old)".into(),
                cands
                    .iter()
                    .map(|c| c.best_main() >= 0.6 && c.named >= 2)
                    .collect(),
            ),
            (
                "score>=0.6".into(),
                cands.iter().map(|c| c.best_main() >= 0.6).collect(),
            ),
            (
                "named>=2".into(),
                cands.iter().map(|c| c.named >= 2).collect(),
            ),
            (
                "named>=3".into(),
                cands.iter().map(|c| c.named >= 3).collect(),
            ),
        ];
        for t in [0.1f32, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6] {
            rules.push((
                format!("gate p>={t:.2}"),
                prob.iter().map(|&p| p >= t).collect(),
            ));
        }
        // The gate at the old rule's recall.
        let old_tp = cands
            .iter()
            .zip(&rules[0].1)
            .filter(|(c, &e)| c.gold.is_some() && e)
            .count();
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| prob[b].total_cmp(&prob[a]));
        let mut tp = 0;
        let mut at = 0f32;
        for &i in &order {
            if tp >= old_tp {
                break;
            }
            tp += cands[i].gold.is_some() as usize;
            at = prob[i];
        }
        rules.push((
            format!("gate at old recall (p>={at:.3})"),
            prob.iter().map(|&p| p >= at).collect(),
        ));
        // Main roles of the emitted, annotated entities (entity level, as in the
        // pipeline): gold against predicted, per language, without and with a bias.
        let biases: [(&str, [[f32; 3]; 5]); 2] = [
            ("no bias", [[0.0; 3]; 5]),
            (
                "per-language bias",
                [
                    [0.25, 0.0, 0.25],
                    [0.25, 0.0, 0.1],
                    [0.05, 0.0, 0.1],
                    [0.05, 0.0, -0.05],
                    [0.3, 0.0, 0.3],
                ],
            ),
        ];
        for (bname, bias) in &biases {
            for (li, l) in LANGUAGES.iter().enumerate() {
                let (mut gold, mut pred, mut emitted, mut ok) =
                    ([0usize; 3], [0usize; 3], [0usize; 3], 0);
                let mut n = 0;
                for (c, &p) in cands.iter().zip(&prob) {
                    if corpus.docs[c.doc].lang != *l || p < gcfg.threshold {
                        continue;
                    }
                    let s = |k: usize| c.avg[k] + bias[li][k];
                    let m = (0..3)
                        .max_by(|&a, &b| s(a).total_cmp(&s(b)).then(b.cmp(&a)))
                        .unwrap_or(0);
                    emitted[m] += 1;
                    if let Some(g) = c.gold {
                        n += 1;
                        gold[g] += 1;
                        pred[m] += 1;
                        ok += (g == m) as usize;
                    }
                }
                println!(
                    "{bname:<18} {l}: emitted P/A/I {emitted:?}; annotated among them: gold {gold:?} predicted {pred:?} main acc {:.3}",
                    ok as f64 / n.max(1) as f64
                );
            }
        }
        for (name, emit) in &rules {
            let mut per_fold = Vec::new();
            for f in 0..k {
                per_fold.push(prf(cands
                    .iter()
                    .zip(emit.iter().copied())
                    .filter(|(c, _)| c.fold == f)));
            }
            let all = prf(cands.iter().zip(emit.iter().copied()));
            let ms = |j: usize| MeanStd::of(&per_fold.iter().map(|p| p[j]).collect::<Vec<_>>());
            let mut by_lang: BTreeMap<&str, [f64; 4]> = BTreeMap::new();
            for l in LANGUAGES {
                by_lang.insert(
                    l,
                    prf(cands
                        .iter()
                        .zip(emit.iter().copied())
                        .filter(|(c, _)| corpus.docs[c.doc].lang == l)),
                );
            }
            println!(
                "{name:<34} emitted {:>5}  P {:.3} R {:.3} F1 {:.3}  (folds: P {:.3}±{:.3} R {:.3}±{:.3} F1 {:.3}±{:.3})  EN P/R {:.3}/{:.3}",
                all[3] as usize,
                all[0],
                all[1],
                all[2],
                ms(0).mean,
                ms(0).std,
                ms(1).mean,
                ms(1).std,
                ms(2).mean,
                ms(2).std,
                by_lang["EN"][0],
                by_lang["EN"][1],
            );
        }
    }
    Ok(())
}

/// The document layers the gate reads, rebuilt from an `analyze` record.
fn document(r: &ArticleRecord) -> Document {
    let article = Article {
        id: r.id.clone(),
        path: r.path.clone(),
        format: r.format,
        raw: r.text.clone(),
        given: GivenMeta::default(),
    };
    let mut d = Document::with_text(article, r.text.clone());
    d.title = r.title_span;
    d.sentences = r.sentences.clone();
    let ids: HashMap<&str, usize> = r
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    for (ei, e) in r.entities.iter().enumerate() {
        let mut mentions = Vec::new();
        for m in &e.mentions {
            mentions.push(d.mentions.len());
            d.mentions.push(Mention {
                span: Span::new(m.start, m.end),
                etype: e.etype,
                kind: m.kind,
                entity: Some(ei),
            });
        }
        d.entities.push(Entity {
            id: e.id.clone(),
            name: e.name.clone(),
            etype: e.etype,
            titles: e.titles.clone(),
            aliases: e.aliases.clone(),
            mentions,
            conflicts: e.conflicts.clone(),
        });
    }
    for q in &r.quotes {
        let span = Span::new(q.start, q.end);
        d.quotes.push(Quote {
            span,
            content: q.content.unwrap_or(span),
            kind: q.kind,
            cue: q.cue,
            speaker: q.speaker.as_ref().map(|s| Speaker {
                mention: s.mention,
                name: s.name.clone(),
                entity: s.entity.as_deref().and_then(|id| ids.get(id).copied()),
            }),
            channel: None,
        });
    }
    d
}
