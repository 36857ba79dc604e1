//! Features derived from the label definitions: for each narrative and sub-narrative,
//! the share of its keywords (from `taxonomy/labels.tsv`: the words of its name and
//! the keywords generated from its definition) that occur in a text. Matching is on
//! six-character stems, so "sanctions" meets "sanctioned".

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::features::words;
use crate::Taxonomy;

const STEM: usize = 6;
const STOP: &[&str] = &[
    "the", "and", "for", "are", "its", "with", "from", "that", "this", "other", "about", "not",
    "will", "have", "has", "into", "only", "their", "than", "urw", "is", "of", "to", "in", "a",
    "be", "on", "by", "as", "it", "do",
];

fn stem(w: &str) -> String {
    w.chars().take(STEM).collect()
}

/// Keyword stems per label, in output order (narratives, then sub-narratives).
#[derive(Debug)]
pub struct Definitions {
    labels: Vec<Vec<String>>,
}

impl Definitions {
    /// The table (built on first use).
    pub fn get() -> &'static Definitions {
        static D: OnceLock<Definitions> = OnceLock::new();
        D.get_or_init(|| {
            let t = Taxonomy::get();
            let labels = t
                .narratives
                .iter()
                .chain(&t.subnarratives)
                .map(|l| {
                    // The part of the name after the domain prefix, plus the keywords.
                    let name = l.name.split_once(": ").map_or(l.name, |x| x.1);
                    let mut v: Vec<String> = words(name)
                        .into_iter()
                        .chain(l.keywords.iter().map(|k| k.to_string()))
                        .filter(|w| w.chars().count() > 2 && !STOP.contains(&w.as_str()))
                        .map(|w| stem(&w))
                        .collect();
                    v.sort();
                    v.dedup();
                    v
                })
                .collect();
            Definitions { labels }
        })
    }

    /// Number of labels (columns).
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no labels.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Share of each label's keyword stems present in `text`.
    pub fn overlaps(&self, text: &str) -> Vec<f32> {
        let stems: HashSet<String> = words(text).iter().map(|w| stem(w)).collect();
        self.labels
            .iter()
            .map(|k| {
                if k.is_empty() {
                    0.0
                } else {
                    k.iter().filter(|s| stems.contains(*s)).count() as f32 / k.len() as f32
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_name_in_the_text_scores_high() {
        let d = Definitions::get();
        let t = Taxonomy::get();
        let i = t.narratives.len()
            + t.subnarrative(
                "CC: Controversy about green technologies: Renewable energy is costly",
            )
            .unwrap();
        let o = d.overlaps("Renewable energy is costly: wind and solar subsidies raise bills.");
        let best = o.iter().cloned().fold(0.0f32, f32::max);
        assert!(o[i] > 0.0 && o[i] >= best * 0.5, "{} vs best {best}", o[i]);
    }
}
