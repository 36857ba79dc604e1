//! Per-sentence features for ranking an article's sentences as evidence of a label.
//!
//! Every feature is language-independent except the definition-keyword overlap (the
//! keywords are English, so it is near zero elsewhere). The narrative model's
//! contribution comes from the caller (the model of the article's language).

use std::collections::HashMap;

use narrascope_core::Span;
use narrascope_narratives::definitions::Definitions;
use narrascope_narratives::Taxonomy;

use crate::rouge::tokens;

/// Names of the feature columns, in order.
pub const NAMES: [&str; 16] = [
    "bias",
    "relative_position",
    "first_sentence",
    "second_sentence",
    "absolute_position",
    "lead_three",
    "definition_overlap_label",
    "definition_overlap_narrative",
    "model_contribution_label",
    "model_top3_label",
    "model_contribution_narrative",
    "has_quote",
    "length",
    "short",
    "centrality",
    "evidence_similarity",
];

/// Number of feature columns.
pub const DIM: usize = NAMES.len();

/// The article, the label to explain and what the narrative model says about each
/// sentence.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// The article text.
    pub text: &'a str,
    /// Candidate sentences: spans into `text`, in text order.
    pub sentences: &'a [Span],
    /// The label (a sub-narrative or narrative name as the taxonomy spells it).
    pub label: &'a str,
    /// Language code (`EN`, `BG`, `HI`, `PT`, `RU`; any case), for budgets and lead-ins.
    pub lang: &'a str,
    /// Each sentence's share of the label's linear score (empty: unknown, all 0).
    pub contributions: &'a [f32],
    /// The same for the label's narrative when the label is a sub-narrative (empty:
    /// use `contributions`).
    pub narrative_contributions: &'a [f32],
}

/// Output columns of `label` and of its narrative in [`Definitions::overlaps`].
fn definition_columns(label: &str) -> (Option<usize>, Option<usize>) {
    let t = Taxonomy::get();
    let n = t.narratives.len();
    if let Some(s) = t.subnarrative(label) {
        (Some(n + s), t.subnarratives[s].parent)
    } else {
        let c = t.narrative(label);
        (c, c)
    }
}

fn normalise(xs: &[f32], n: usize) -> Vec<f32> {
    if xs.len() != n {
        return vec![0.0; n];
    }
    let m = xs.iter().fold(0f32, |m, x| m.max(x.abs()));
    if m > 0.0 {
        xs.iter().map(|x| x / m).collect()
    } else {
        vec![0.0; n]
    }
}

type Bag = HashMap<String, f32>;

fn cosine(a: &Bag, b: &Bag) -> f32 {
    let (s, l) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let dot: f32 = s.iter().filter_map(|(k, v)| l.get(k).map(|w| v * w)).sum();
    let na: f32 = a.values().map(|v| v * v).sum::<f32>().sqrt();
    let nb: f32 = b.values().map(|v| v * v).sum::<f32>().sqrt();
    if na > 0.0 && nb > 0.0 {
        dot / (na * nb)
    } else {
        0.0
    }
}

/// Whether a sentence contains quotation marks.
pub fn has_quote(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
        )
    })
}

/// The feature rows of every sentence of `a`, in sentence order.
pub fn sentence_features(a: &Article) -> Vec<[f32; DIM]> {
    let n = a.sentences.len();
    let texts: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| a.text.get(s.start..s.end).unwrap_or(""))
        .collect();
    let toks: Vec<Vec<String>> = texts.iter().map(|t| tokens(t)).collect();
    // Sentence-level idf inside the article: words in every sentence weigh little.
    let mut df: HashMap<&str, f32> = HashMap::new();
    for t in &toks {
        let mut seen: Vec<&str> = t.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1.0;
        }
    }
    let idf = |w: &str| (1.0 + n as f32 / df.get(w).copied().unwrap_or(1.0)).ln();
    let bags: Vec<Bag> = toks
        .iter()
        .map(|t| {
            let mut b = Bag::new();
            for w in t {
                *b.entry(w.clone()).or_default() += idf(w);
            }
            b
        })
        .collect();
    let mut doc = Bag::new();
    for b in &bags {
        for (k, v) in b {
            *doc.entry(k.clone()).or_default() += v;
        }
    }
    let contrib = normalise(a.contributions, n);
    let narr_contrib = if a.narrative_contributions.len() == n {
        normalise(a.narrative_contributions, n)
    } else {
        contrib.clone()
    };
    // The model's top three positive sentences for the label, and their centroid.
    let mut order: Vec<usize> = (0..n).filter(|&i| contrib[i] > 0.0).collect();
    order.sort_by(|&i, &j| contrib[j].total_cmp(&contrib[i]).then(i.cmp(&j)));
    order.truncate(3);
    let mut evidence = Bag::new();
    for &i in &order {
        for (k, v) in &bags[i] {
            *evidence.entry(k.clone()).or_default() += v;
        }
    }
    let (col, narr_col) = definition_columns(a.label);
    let defs = Definitions::get();
    (0..n)
        .map(|i| {
            let over = if col.is_some() || narr_col.is_some() {
                defs.overlaps(texts[i])
            } else {
                Vec::new()
            };
            let at = |c: Option<usize>| c.and_then(|c| over.get(c)).copied().unwrap_or(0.0);
            let words = toks[i].len() as f32;
            [
                1.0,
                if n > 1 {
                    i as f32 / (n - 1) as f32
                } else {
                    0.0
                },
                (i == 0) as u8 as f32,
                (i == 1) as u8 as f32,
                i.min(20) as f32 / 20.0,
                (i < 3) as u8 as f32,
                at(col),
                at(narr_col),
                contrib[i],
                order.contains(&i) as u8 as f32,
                narr_contrib[i],
                has_quote(texts[i]) as u8 as f32,
                words.min(60.0) / 30.0,
                (words < 8.0) as u8 as f32,
                cosine(&bags[i], &doc),
                cosine(&bags[i], &evidence),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_follow_position_contribution_and_definitions() {
        let text = "Title line here\nWind and solar subsidies raise energy bills for families. \
                    The weather was fine today in town. \"Renewable energy is costly,\" he said.";
        let sentences = narrascope_narratives::split_sentences(text);
        assert_eq!(sentences.len(), 4, "{sentences:?}");
        let contributions = [0.0, 2.0, -1.0, 1.0];
        let a = Article {
            text,
            sentences: &sentences,
            label: "CC: Controversy about green technologies: Renewable energy is costly",
            lang: "EN",
            contributions: &contributions,
            narrative_contributions: &[],
        };
        let f = sentence_features(&a);
        assert_eq!(f.len(), 4);
        let col = |name: &str| NAMES.iter().position(|n| *n == name).unwrap();
        let (first, second, lead) = (
            col("first_sentence"),
            col("second_sentence"),
            col("lead_three"),
        );
        assert_eq!(
            (f[0][first], f[1][first], f[1][second], f[3][lead]),
            (1.0, 0.0, 1.0, 0.0)
        );
        let c = col("model_contribution_label");
        assert_eq!((f[1][c], f[2][c], f[3][c]), (1.0, -0.5, 0.5));
        let t = col("model_top3_label");
        assert_eq!((f[1][t], f[2][t], f[3][t]), (1.0, 0.0, 1.0));
        let q = col("has_quote");
        assert_eq!((f[3][q], f[1][q]), (1.0, 0.0));
        // The sentence naming the label beats the weather on definition overlap.
        let d = col("definition_overlap_label");
        assert!(f[3][d] > f[2][d], "{} vs {}", f[3][d], f[2][d]);
        // An evidence sentence is closer to the evidence centroid than a non-evidence one.
        let e = col("evidence_similarity");
        assert!(f[1][e] > f[2][e]);
    }
}
