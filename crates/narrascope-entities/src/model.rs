//! The tagger's model: feature weights, tag transitions, lexicons; Viterbi decoding; the
//! binary file format.
//!
//! # File format, version 2 (all integers little-endian)
//!
//! ```text
//! magic      8 bytes  "NSNERMDL"
//! version    u32      1
//! features   u32      FEATURE_VERSION the weights were trained with
//! n_tags     u32      9 (O, then B-/I- for PER, ORG, LOC, MISC)
//! trans      f32 × (n_tags + 1) × n_tags   row 0: start → tag; row p+1: tag p → tag
//! scale      f32      weight = i16 value × scale
//! n_feat     u32
//! keys       u32 × n_feat, strictly increasing (low 32 bits of the feature hash)
//! weights    i16 × n_feat × n_tags
//! n_gaz      u32, then n_gaz × (mask u8, len u16, UTF-8 bytes)   gazetteer
//! n_case     u32, then n_case × (bucket u8, len u16, UTF-8 bytes) case lexicon
//! n_clusters u32, then n_clusters × (coarse u16, fine u16, len u16, UTF-8 bytes)
//! ```
//!
//! Version 1 had no cluster table.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::EntityError;
use crate::features::{Lexicons, SentenceFeatures, FEATURE_VERSION};
use crate::tags::{Tag, N_TAGS};

const MAGIC: &[u8; 8] = b"NSNERMDL";
/// Version of the model file format.
pub const FORMAT_VERSION: u32 = 2;

/// Keys are already hashes: spread them with one multiplication.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// Folds a 64-bit feature hash to the 32-bit model key.
pub fn key(f: u64) -> u32 {
    (f ^ (f >> 32)) as u32
}

/// A trained tagger model.
#[derive(Clone, Debug)]
pub struct Model {
    /// Transition scores: row 0 is start → tag, row `p + 1` is tag `p` → tag.
    pub(crate) trans: Vec<f32>,
    /// Key → row in `weights`.
    pub(crate) index: KeyMap<u32>,
    /// Keys in row order (kept for saving).
    pub(crate) keys: Vec<u32>,
    /// `N_TAGS` quantised weights per row.
    pub(crate) weights: Vec<i16>,
    pub(crate) scale: f32,
    /// Lexicons used by the features.
    pub lexicons: Lexicons,
    /// Tells models apart for the per-thread word cache ([`crate::cache`]): each model
    /// built or loaded gets a new one; clones share it, as they share every weight.
    id: u64,
}

/// A new [`Model::id`].
fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Model {
    /// Builds a model from float weights (`rows[i]` for `keys[i]`), pruning rows whose
    /// largest weight is below `prune` and quantising to 16 bits.
    pub fn from_weights(
        mut rows: Vec<(u32, [f32; N_TAGS])>,
        trans: Vec<f32>,
        lexicons: Lexicons,
        prune: f32,
    ) -> Model {
        rows.retain(|(_, w)| w.iter().any(|x| x.abs() >= prune));
        rows.sort_by_key(|(k, _)| *k);
        rows.dedup_by_key(|(k, _)| *k);
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys = Vec::with_capacity(rows.len());
        let mut weights = Vec::with_capacity(rows.len() * N_TAGS);
        for (k, w) in &rows {
            keys.push(*k);
            weights.extend(w.iter().map(|x| (x / scale).round() as i16));
        }
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
        Model {
            trans,
            index,
            keys,
            weights,
            scale,
            lexicons,
            id: next_id(),
        }
    }

    /// Number of weight rows.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Emission scores of every token: `n × N_TAGS`.
    pub fn emissions(&self, feats: &SentenceFeatures) -> Vec<f32> {
        let n = feats.len();
        let mut out = vec![0f32; n * N_TAGS];
        for i in 0..n {
            let mut acc = [0i32; N_TAGS];
            for f in feats.token(i) {
                if let Some(&row) = self.index.get(&key(*f)) {
                    let w = &self.weights[row as usize * N_TAGS..(row as usize + 1) * N_TAGS];
                    for (a, x) in acc.iter_mut().zip(w) {
                        *a += i32::from(*x);
                    }
                }
            }
            for (o, a) in out[i * N_TAGS..(i + 1) * N_TAGS].iter_mut().zip(acc) {
                *o = a as f32 * self.scale;
            }
        }
        out
    }

    /// The weight row of a feature hash, if the model has one.
    pub(crate) fn row(&self, feature: u64) -> Option<&[i16]> {
        let row = *self.index.get(&key(feature))? as usize;
        Some(&self.weights[row * N_TAGS..(row + 1) * N_TAGS])
    }

    /// Weight of one step of an `i16` weight.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// See the field.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Tags a tokenised sentence. The emission scores are those of [`Model::emissions`],
    /// computed with the per-thread word cache of [`crate::cache`].
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let emissions = crate::cache::emissions(self, words);
        let mut tags = viterbi(&emissions, &self.trans, words.len());
        strip_honorifics(words, &mut tags);
        tags
    }

    /// Serialises the model (format documented at the top of this module).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 + self.keys.len() * (4 + 2 * N_TAGS));
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        b.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        b.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        for t in &self.trans {
            b.extend_from_slice(&t.to_le_bytes());
        }
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            b.extend_from_slice(&k.to_le_bytes());
        }
        for w in &self.weights {
            b.extend_from_slice(&w.to_le_bytes());
        }
        for table in [&self.lexicons.gazetteer, &self.lexicons.case] {
            let mut entries: Vec<(&String, &u8)> = table.iter().collect();
            entries.sort();
            let entries: Vec<_> = entries
                .into_iter()
                .filter(|(s, _)| s.len() < 65536)
                .collect();
            b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (s, v) in entries {
                b.push(*v);
                b.extend_from_slice(&(s.len() as u16).to_le_bytes());
                b.extend_from_slice(s.as_bytes());
            }
        }
        let mut clusters: Vec<(&String, &(u16, u16))> = self
            .lexicons
            .clusters
            .iter()
            .filter(|(w, _)| w.len() < 65536)
            .collect();
        clusters.sort();
        b.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
        for (w, (c1, c2)) in clusters {
            b.extend_from_slice(&c1.to_le_bytes());
            b.extend_from_slice(&c2.to_le_bytes());
            b.extend_from_slice(&(w.len() as u16).to_le_bytes());
            b.extend_from_slice(w.as_bytes());
        }
        b
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, EntityError> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(EntityError::BadModel("not a narrascope NER model".into()));
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(EntityError::BadModel(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        let fv = r.u32()?;
        if fv != FEATURE_VERSION {
            return Err(EntityError::BadModel(format!(
                "trained with feature version {fv}, this build computes {FEATURE_VERSION}"
            )));
        }
        let n_tags = r.u32()? as usize;
        if n_tags != N_TAGS {
            return Err(EntityError::BadModel(format!(
                "{n_tags} tags, expected {N_TAGS}"
            )));
        }
        let mut trans = Vec::with_capacity((N_TAGS + 1) * N_TAGS);
        for _ in 0..(N_TAGS + 1) * N_TAGS {
            trans.push(r.f32()?);
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        if n.saturating_mul(4 + 2 * N_TAGS) > bytes.len() {
            return Err(EntityError::BadModel("truncated weights".into()));
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u32()?);
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(EntityError::BadModel("keys not strictly increasing".into()));
        }
        let raw = r.take(n * N_TAGS * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let mut lexicons = Lexicons::default();
        for table in [&mut lexicons.gazetteer, &mut lexicons.case] {
            let m = r.u32()? as usize;
            // Sized once (bounded by the bytes left, as each entry takes at least three):
            // growing the table while inserting rehashed it several times.
            table.reserve(m.min(r.b.len().saturating_sub(r.at) / 3));
            for _ in 0..m {
                let v = r.take(1)?[0];
                let len = u16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes")) as usize;
                let s = std::str::from_utf8(r.take(len)?)
                    .map_err(|_| EntityError::BadModel("lexicon entry is not UTF-8".into()))?;
                table.insert(s.to_string(), v);
            }
        }
        let m = r.u32()? as usize;
        lexicons
            .clusters
            .reserve(m.min(r.b.len().saturating_sub(r.at) / 6));
        for _ in 0..m {
            let c1 = r.u16()?;
            let c2 = r.u16()?;
            let len = r.u16()? as usize;
            let w = std::str::from_utf8(r.take(len)?)
                .map_err(|_| EntityError::BadModel("cluster word is not UTF-8".into()))?;
            lexicons.clusters.insert(w.to_string(), (c1, c2));
        }
        if r.at != bytes.len() {
            return Err(EntityError::BadModel("trailing bytes".into()));
        }
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
        Ok(Model {
            trans,
            index,
            keys,
            weights,
            scale,
            lexicons,
            id: next_id(),
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EntityError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.b.len())
            .ok_or_else(|| EntityError::BadModel("truncated".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, EntityError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u16(&mut self) -> Result<u16, EntityError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn f32(&mut self) -> Result<f32, EntityError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

/// Person names without their honorifics and titles: "Mr Osborne" and "Emperor Meiji" are
/// the persons "Osborne" and "Meiji" (CoNLL and Universal NER agree), and whatever
/// follows an honorific is a person.
pub fn strip_honorifics(words: &[&str], tags: &mut [Tag]) {
    use crate::lexicon::{honorific, is_title_head, is_title_modifier};
    use crate::tags::{spans, NerClass};
    for sp in spans(tags) {
        let mut start = sp.start;
        while sp.end - start > 1 {
            let w = words[start].to_lowercase();
            let titled = sp.class == NerClass::Per
                && words[start].chars().next().is_some_and(char::is_uppercase)
                && (is_title_head(&w) || is_title_modifier(&w));
            if honorific(&w).is_some() || titled {
                start += 1;
            } else {
                break;
            }
        }
        let after_honorific = start > 0 && honorific(&words[start - 1].to_lowercase()).is_some();
        let class = if after_honorific {
            NerClass::Per
        } else {
            sp.class
        };
        if start == sp.start && class == sp.class {
            continue;
        }
        for t in &mut tags[sp.start..start] {
            *t = Tag::O;
        }
        tags[start] = Tag::begin(class);
        for t in &mut tags[start + 1..sp.end] {
            *t = Tag::inside(class);
        }
    }
}

/// Best IOB2-valid tag sequence for `n` tokens given emission scores (`n × N_TAGS`) and
/// transitions (`(N_TAGS + 1) × N_TAGS`, row 0 = start). `I-X` may only follow `B-X`/`I-X`.
pub fn viterbi(emissions: &[f32], trans: &[f32], n: usize) -> Vec<Tag> {
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = vec![NEG; n * N_TAGS];
    let mut back = vec![0u8; n * N_TAGS];
    // The tags each tag may follow, in index order (so ties go to the lower index as
    // before): `may_follow` once per tag pair, not once per token and pair, and an
    // `I-X` tag scans its two possible predecessors instead of all nine.
    let mut preds = [[0u8; N_TAGS]; N_TAGS];
    let mut n_preds = [0usize; N_TAGS];
    for (y, (row, count)) in preds.iter_mut().zip(n_preds.iter_mut()).enumerate() {
        for p in 0..N_TAGS {
            if Tag(y as u8).may_follow(Some(Tag(p as u8))) {
                row[*count] = p as u8;
                *count += 1;
            }
        }
    }
    for y in 0..N_TAGS {
        if Tag(y as u8).may_follow(None) {
            score[y] = trans[y] + emissions[y];
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i * N_TAGS);
        let prev_row = &done[(i - 1) * N_TAGS..];
        let em = &emissions[i * N_TAGS..(i + 1) * N_TAGS];
        for y in 0..N_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for &p in &preds[y][..n_preds[y]] {
                let prev = prev_row[p as usize];
                if prev == NEG {
                    continue;
                }
                let s = prev + trans[(p as usize + 1) * N_TAGS + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            if best > NEG {
                rest[y] = best + em[y];
                back[i * N_TAGS + y] = arg;
            }
        }
    }
    let last = &score[(n - 1) * N_TAGS..];
    let mut y = (0..N_TAGS)
        .max_by(|a, b| last[*a].total_cmp(&last[*b]).then(b.cmp(a)))
        .unwrap_or(0);
    let mut out = vec![Tag::O; n];
    for i in (0..n).rev() {
        out[i] = Tag(y as u8);
        y = back[i * N_TAGS + y] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::NerClass;

    #[test]
    fn viterbi_uses_transitions_and_constraints() {
        let n = 3;
        let mut em = vec![0f32; n * N_TAGS];
        let b_per = Tag::begin(NerClass::Per).index();
        let i_per = Tag::inside(NerClass::Per).index();
        let i_loc = Tag::inside(NerClass::Loc).index();
        // Token 0 looks like B-PER, token 1 slightly prefers I-LOC (invalid after B-PER)
        // over I-PER, token 2 is O.
        em[b_per] = 2.0;
        em[N_TAGS + i_loc] = 1.5;
        em[N_TAGS + i_per] = 1.0;
        em[2 * N_TAGS] = 1.0;
        let trans = vec![0f32; (N_TAGS + 1) * N_TAGS];
        let got = viterbi(&em, &trans, n);
        assert_eq!(got, vec![Tag(b_per as u8), Tag(i_per as u8), Tag::O]);
        // A strong transition penalty B-PER → I-PER turns token 1 into O or B-*.
        let mut trans2 = trans.clone();
        trans2[(b_per + 1) * N_TAGS + i_per] = -10.0;
        let got = viterbi(&em, &trans2, n);
        assert!(!got[1].is_inside());
        assert!(viterbi(&[], &trans, 0).is_empty());
    }

    #[test]
    fn honorifics_leave_names() {
        let p = |s: &str| {
            s.split(' ')
                .map(|t| Tag::parse(t).unwrap())
                .collect::<Vec<_>>()
        };
        let mut tags = p("B-PER I-PER O B-PER I-PER O B-PER I-PER O O B-LOC");
        let words = [
            "Mr", "Osborne", "and", "Anna", "Smith", "met", "Emperor", "Meiji", "and", "Ms", "Pugh",
        ];
        strip_honorifics(&words, &mut tags);
        assert_eq!(tags, p("O B-PER O B-PER I-PER O O B-PER O O B-PER"));
    }

    #[test]
    fn bytes_round_trip_and_reject_garbage() {
        let mut lex = Lexicons::default();
        lex.gazetteer.insert("minsk".into(), 4);
        lex.case.insert("the".into(), 0);
        lex.clusters.insert("minsk".into(), (6, 494));
        let rows = vec![
            (7u32, [0.5f32; N_TAGS]),
            (3u32, [-1.0; N_TAGS]),
            (9, [1e-6; N_TAGS]),
        ];
        let m = Model::from_weights(rows, vec![0.25; (N_TAGS + 1) * N_TAGS], lex, 1e-3);
        assert_eq!(m.n_features(), 2);
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.keys, vec![3, 7]);
        assert_eq!(m2.weights, m.weights);
        assert_eq!(m2.lexicons, m.lexicons);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Model::from_bytes(b"garbage").is_err());
        assert!(Model::from_bytes(&[]).is_err());
    }
}
