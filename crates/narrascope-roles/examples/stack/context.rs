//! The article neighbourhood of every mention (the stacking features).

use super::*;

/// The article neighbourhood of every mention.
pub(crate) struct Context {
    /// Per mention: the other mentions of its article with the same text.
    pub(crate) same: Vec<Vec<usize>>,
    /// Per mention: the article's mentions with another text.
    pub(crate) other: Vec<Vec<usize>>,
    pub(crate) lang: Vec<usize>,
}

impl Context {
    pub(crate) fn new(corpus: &Corpus) -> Context {
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
    pub(crate) fn dense(&self, i: usize, p: &[Probs], fold: &[usize]) -> Vec<f32> {
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
