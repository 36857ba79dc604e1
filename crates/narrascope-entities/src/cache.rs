//! Emission scores with a per-thread cache of each word's feature weights.
//!
//! Most of a token's features read one word only: the token itself, or one neighbour
//! (`Source::Own`, `Source::Neighbour` in [`crate::features`]). Their summed weights
//! depend on the word (and the sentence's all-capitals flag) and not on the sentence, so
//! they are summed once per word and kept; only the features that read several tokens
//! are hashed and looked up for every token. Hashing and looking up the features was
//! most of the tagger's time: news text repeats its words, and a word seen before costs
//! one map lookup instead of some 30 hashes and weight lookups.
//!
//! The scores are exactly those of [`Model::emissions`]: weights are summed as integers,
//! whose sum does not depend on the order (a unit test compares the two on real text).

use std::cell::RefCell;

use crate::features::{all_caps, extract_into, FeatureSink, LexMap, Source, Word};
use crate::model::Model;
use crate::tags::N_TAGS;

/// Words kept per thread before the cache starts over: about 500 bytes each, so some
/// 8 MB per thread.
const MAX_WORDS: usize = 1 << 14;

/// The cached slots of a word: its own features as the first token of a sentence or
/// not, and its features as each neighbour of another token.
const SLOTS: usize = 6;

/// Slot of a feature of `token` read from `source`: the word it reads and the slot.
/// `None` for context features and for padding past the sentence's ends.
fn slot(token: usize, source: Source, n: usize) -> Option<(usize, usize)> {
    match source {
        Source::Own => Some((token, usize::from(token != 0))),
        Source::Neighbour(k) => {
            let word = token
                .checked_add_signed(isize::from(k))
                .filter(|w| *w < n)?;
            let slot = match k {
                -1 => 2,
                1 => 3,
                -2 => 4,
                2 => 5,
                _ => return None,
            };
            Some((word, slot))
        }
        Source::Context => None,
    }
}

/// Summed weights of a word's slots; bit `s` of `have` says slot `s` is filled.
#[derive(Clone, Copy, Default)]
struct Entry {
    have: u8,
    rows: [[i32; N_TAGS]; SLOTS],
}

/// What is kept of a word: its forms and lexicon entries, and the summed weights of
/// its slots in ordinary sentences and (rarely) in all-capitals ones.
struct Cached {
    word: Word,
    sums: Entry,
    caps_sums: Option<Box<Entry>>,
}

impl Cached {
    fn sums(&self, caps: bool) -> Entry {
        match (caps, &self.caps_sums) {
            (false, _) => self.sums,
            (true, Some(e)) => **e,
            (true, None) => Entry::default(),
        }
    }

    fn sums_mut(&mut self, caps: bool) -> &mut Entry {
        if caps {
            self.caps_sums.get_or_insert_with(Box::default)
        } else {
            &mut self.sums
        }
    }
}

/// One thread's words, for one model.
#[derive(Default)]
struct WordCache {
    /// The model the sums belong to ([`Model::id`]).
    model: u64,
    /// Word → its place in `entries`. The entries (some 500 bytes each) live apart
    /// from the map, so that growing the map moves a key and an index, not the entry.
    index: LexMap<u32>,
    entries: Vec<Cached>,
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// Adds one weight row to `acc`.
fn add(acc: &mut [i32; N_TAGS], w: &[i16]) {
    for (a, x) in acc.iter_mut().zip(w) {
        *a += i32::from(*x);
    }
}

/// The feature sink: sums the features it is sent, skips those the cache holds.
struct Sums<'a> {
    model: &'a Model,
    n: usize,
    cached: Vec<Entry>,
    fresh: Vec<Entry>,
    acc: Vec<[i32; N_TAGS]>,
}

impl FeatureSink for Sums<'_> {
    fn wants(&mut self, token: usize, source: Source) -> bool {
        let Some((word, s)) = slot(token, source, self.n) else {
            return true;
        };
        if self.cached[word].have & (1 << s) != 0 {
            return false;
        }
        self.fresh[word].have |= 1 << s;
        true
    }

    fn feature(&mut self, token: usize, source: Source, hash: u64) {
        let Some(w) = self.model.row(hash) else {
            return;
        };
        add(&mut self.acc[token], w);
        if let Some((word, s)) = slot(token, source, self.n) {
            add(&mut self.fresh[word].rows[s], w);
        }
    }

    fn end_token(&mut self, _: usize) {}
}

/// Emission scores of `words` under `model` (`n × N_TAGS`), equal to
/// [`Model::emissions`] of their [`crate::features::extract`]ed features.
pub(crate) fn emissions(model: &Model, words: &[&str]) -> Vec<f32> {
    let n = words.len();
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.model != model.id() || cache.entries.len() > MAX_WORDS {
            *cache = WordCache {
                model: model.id(),
                ..WordCache::default()
            };
        }
        let WordCache { index, entries, .. } = &mut *cache;
        // One map lookup per token; everything after goes by index.
        let at: Vec<usize> = words
            .iter()
            .map(|w| match index.get(*w) {
                Some(&i) => i as usize,
                None => {
                    let i = entries.len();
                    entries.push(Cached {
                        word: Word::new(w, &model.lexicons),
                        sums: Entry::default(),
                        caps_sums: None,
                    });
                    index.insert((*w).to_string(), i as u32);
                    i
                }
            })
            .collect();
        let caps = all_caps(at.iter().map(|&i| entries[i].word.raw()));
        let mut sums = Sums {
            model,
            n,
            cached: at.iter().map(|&i| entries[i].sums(caps)).collect(),
            fresh: vec![Entry::default(); n],
            acc: vec![[0; N_TAGS]; n],
        };
        let forms: Vec<&Word> = at.iter().map(|&i| &entries[i].word).collect();
        extract_into(&forms, &model.lexicons, &mut sums);
        // The slots the cache held were skipped: add them to the tokens that read them.
        for token in 0..n {
            for source in [
                Source::Own,
                Source::Neighbour(-1),
                Source::Neighbour(1),
                Source::Neighbour(-2),
                Source::Neighbour(2),
            ] {
                if let Some((word, s)) = slot(token, source, n) {
                    if sums.cached[word].have & (1 << s) != 0 {
                        let row = sums.cached[word].rows[s];
                        for (a, x) in sums.acc[token].iter_mut().zip(row) {
                            *a += x;
                        }
                    }
                }
            }
        }
        for (&i, fresh) in at.iter().zip(&sums.fresh) {
            if fresh.have == 0 {
                continue;
            }
            let entry = entries[i].sums_mut(caps);
            for s in 0..SLOTS {
                if fresh.have & (1 << s) != 0 && entry.have & (1 << s) == 0 {
                    entry.rows[s] = fresh.rows[s];
                    entry.have |= 1 << s;
                }
            }
        }
        let scale = model.scale();
        sums.acc
            .iter()
            .flat_map(|acc| acc.iter().map(move |a| *a as f32 * scale))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{extract, SentenceFeatures};
    use crate::tagger::Tagger;
    use crate::tokenize::tokenize;

    /// The cached scores equal the plain ones on text that repeats words in every
    /// position, in ordinary and all-capitals sentences, including on second sight.
    #[test]
    fn cached_emissions_equal_plain_ones() {
        let tagger = Tagger::embedded().expect("embedded model");
        let model = tagger.model();
        let text = "Belarusian President Alexander Lukashenko said on Tuesday that Minsk \
                    would not join the war. Lukashenko said the West was to blame, \
                    TASS reported. “We will not fight,” he told reporters in Minsk. \
                    MINSK TALKS COLLAPSE AS LUKASHENKO WALKS OUT. The 67-year-old leader \
                    met Vladimir Putin in Sochi; Putin said nothing. said said Minsk";
        let mut feats = SentenceFeatures::default();
        for round in 0..2 {
            for sentence in text.split(". ") {
                let words: Vec<&str> = tokenize(sentence)
                    .iter()
                    .map(|t| t.text(sentence))
                    .collect();
                extract(&words, &model.lexicons, &mut feats);
                let plain = model.emissions(&feats);
                let cached = emissions(model, &words);
                assert_eq!(plain, cached, "round {round}: {sentence}");
            }
        }
        assert!(emissions(model, &[]).is_empty());
    }

    /// Sums cached for one model are not used for another in the same thread.
    #[test]
    fn models_keep_their_own_sums() {
        let a = Tagger::embedded().expect("embedded model").model().clone();
        let mut b = Model::from_bytes(&a.to_bytes()).expect("round trip");
        for w in &mut b.weights {
            *w = w.saturating_neg();
        }
        let words = ["Lukashenko", "met", "Putin", "in", "Sochi", "."];
        let first = emissions(&a, &words);
        let negated = emissions(&b, &words);
        assert!(first.iter().any(|x| *x != 0.0));
        for (x, y) in first.iter().zip(&negated) {
            assert!((x + y).abs() < 1e-3 * x.abs().max(1.0), "{x} vs {y}");
        }
        assert_eq!(emissions(&a, &words), first);
    }
}
