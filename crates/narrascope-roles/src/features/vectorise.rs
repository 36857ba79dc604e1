//! Hashed features → columns of the model: the [`Vocabulary`] kept at training time, and
//! the vectorisers that turn a mention's raw features into a block-normalised, weighted
//! sparse vector — one mention at a time ([`Vocabulary::vectorise`]), or every mention
//! of an article with the article-wide and entity-wide blocks counted once
//! ([`DocVectoriser`], [`EntityVectoriser`]).

use super::*;

/// The kept hashed ids and their columns.
#[derive(Clone, Debug)]
pub struct Vocabulary {
    /// Extraction settings.
    pub config: FeatureConfig,
    /// Kept hashed ids, ascending; column `i` is `ids[i]`.
    pub ids: Vec<u32>,
    /// Column of each id, indexed by id ([`NONE`] where not kept; ids are hashed to
    /// [`BITS`] bits, so the table is small and a lookup is one load).
    column: Vec<u32>,
}

/// No column.
const NONE: u32 = u32::MAX;

impl Vocabulary {
    /// Keeps the ids found in at least `min_df` of `raws` (raw features of training
    /// mentions), the `max_features` most frequent.
    pub fn fit(raws: &[Vec<(u32, f32, u8)>], config: FeatureConfig) -> Vocabulary {
        let mut df: HashMap<u32, u32> = HashMap::new();
        for r in raws {
            let mut ids: Vec<u32> = r.iter().map(|f| f.0).collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                *df.entry(id).or_insert(0) += 1;
            }
        }
        let ids: Vec<u32> =
            narrascope_narratives::features::most_frequent(df, config.min_df, config.max_features)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
        Vocabulary::from_parts(config, ids)
    }

    /// Rebuilds a vocabulary from saved parts.
    pub fn from_parts(config: FeatureConfig, ids: Vec<u32>) -> Vocabulary {
        let size = ids.iter().map(|&id| id as usize + 1).max().unwrap_or(0);
        let mut column = vec![NONE; size];
        for (i, &id) in ids.iter().enumerate() {
            column[id as usize] = i as u32;
        }
        Vocabulary {
            config,
            ids,
            column,
        }
    }

    /// The column of a hashed id, if kept.
    fn column_of(&self, id: u32) -> Option<u32> {
        self.column.get(id as usize).copied().filter(|&c| c != NONE)
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no id was kept.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The vector of raw features: kept ids summed per column (sub-linearly), each
    /// block L2-normalised and weighted.
    pub fn vectorise(&self, raw: &[(u32, f32, u8)]) -> SparseVec {
        let mut cols: Vec<(u32, f32, u8)> = raw
            .iter()
            .filter_map(|&(id, v, b)| Some((self.column_of(id)?, v, b)))
            .collect();
        cols.sort_unstable_by_key(|c| (c.0, c.2));
        let mut merged: Vec<(u32, f32, u8)> = Vec::with_capacity(cols.len());
        for c in cols {
            match merged.last_mut() {
                Some(m) if m.0 == c.0 => m.1 += c.1,
                _ => merged.push(c),
            }
        }
        let mut norm = [0f32; BLOCKS];
        for m in merged.iter_mut() {
            // Counts above one grow logarithmically (sub-linear tf).
            if m.1 > 1.0 {
                m.1 = 1.0 + m.1.ln();
            }
            norm[m.2 as usize] += m.1 * m.1;
        }
        weighted(&merged, &norm, &self.config.weights)
    }
}

/// A document prepared for vectorising many of its mentions with one vocabulary, with
/// the same vectors as [`Vocabulary::vectorise`] of [`DocContext::raw`]: the document
/// block (the article's words, the same for every mention) is looked up, counted and
/// sorted once, the `mentions` block once per entity ([`DocVectoriser::entity`]), and
/// the columns of every word in the word-keyed blocks once per word.
#[derive(Clone, Debug)]
pub struct DocVectoriser<'c, 'a> {
    ctx: &'c DocContext<'a>,
    vocab: &'c Vocabulary,
    /// Per token, its columns in the `window`, `sentence` and `mentions` blocks.
    token_cols: Vec<[u32; 3]>,
    /// The document block: column and count, ascending.
    document: Vec<(u32, f32)>,
}

/// Sub-linear tf: counts above one grow logarithmically.
fn tf(x: f32) -> f32 {
    if x > 1.0 {
        1.0 + x.ln()
    } else {
        x
    }
}

/// The features every mention of an entity shares: per column (ascending), its count
/// in the `mentions` block, its count in the document block, and the tf of their sum.
type Shared = Vec<(u32, f32, f32, f32)>;

/// An entity of a [`DocVectoriser`]'s article, its `mentions` block counted once.
#[derive(Clone, Debug)]
pub struct EntityVectoriser<'v, 'c, 'a> {
    doc: &'v DocVectoriser<'c, 'a>,
    mentions: &'v [Span],
    shared: Shared,
}

impl EntityVectoriser<'_, '_, '_> {
    /// The vector of the mention at `span` of the entity (equal to
    /// [`DocVectoriser::vector`] with the entity's mentions as `others`).
    pub fn vector(&self, span: Span) -> SparseVec {
        if self.mentions.contains(&span) {
            self.doc.vector_with(span, self.mentions, &self.shared)
        } else {
            self.doc.vector(span, self.mentions)
        }
    }
}

impl<'c, 'a> DocVectoriser<'c, 'a> {
    /// Prepares `ctx` for `vocab`.
    pub fn new(ctx: &'c DocContext<'a>, vocab: &'c Vocabulary) -> DocVectoriser<'c, 'a> {
        let col = |ns: u64, t: &Token| vocab.column_of(fid(ns, t.hash)).unwrap_or(NONE);
        let token_cols = ctx
            .tokens
            .iter()
            .map(|t| [col(50, t), col(60, t), col(70, t)])
            .collect();
        let mut document = Vec::new();
        if vocab.config.weights[5] > 0.0 {
            let mut cols: Vec<u32> = ctx
                .tokens
                .iter()
                .filter_map(|t| vocab.column_of(fid(80, t.hash)))
                .collect();
            cols.sort_unstable();
            document = counts(&cols);
        }
        DocVectoriser {
            ctx,
            vocab,
            token_cols,
            document,
        }
    }

    /// The entity mentioned at `mentions`, prepared for vectorising each of them.
    pub fn entity<'v>(&'v self, mentions: &'v [Span]) -> EntityVectoriser<'v, 'c, 'a> {
        EntityVectoriser {
            doc: self,
            mentions,
            shared: self.shared(mentions.iter().copied()),
        }
    }

    /// The vector of the mention at `span` whose entity is also mentioned at `others`
    /// (equal to `vocab.vectorise(&ctx.raw(span, others, &vocab.config))`).
    pub fn vector(&self, span: Span, others: &[Span]) -> SparseVec {
        let shared = self.shared(others.iter().copied().chain(std::iter::once(span)));
        self.vector_with(span, others, &shared)
    }

    /// The `mentions` block of an entity mentioned at `mentions` (as
    /// [`DocContext::raw_into`] lists it) merged with the document block.
    fn shared(&self, mentions: impl Iterator<Item = Span>) -> Shared {
        let ctx = self.ctx;
        let mut cols: Vec<u32> = Vec::new();
        if self.vocab.config.weights[4] > 0.0 {
            let mut seen = Vec::new();
            for o in mentions {
                if let Some(s) = ctx.sentence_of(o.start) {
                    if !seen.contains(&s) {
                        seen.push(s);
                        let base = ctx.sentence_first_token[s];
                        for (i, t) in ctx.sentence_tokens(s).iter().enumerate() {
                            let c = self.token_cols[base + i][2];
                            if !t.span.overlaps(o) && c != NONE {
                                cols.push(c);
                            }
                        }
                    }
                }
            }
            cols.sort_unstable();
        }
        let m = counts(&cols);
        let d = &self.document;
        let mut out = Vec::with_capacity(m.len() + d.len());
        let (mut i, mut j) = (0, 0);
        while i < m.len() || j < d.len() {
            let (c, cm, cd) = match (m.get(i), d.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => (a.0, a.1, b.1),
                (Some(a), Some(b)) if a.0 > b.0 => (b.0, 0.0, b.1),
                (Some(a), _) => (a.0, a.1, 0.0),
                (None, Some(b)) => (b.0, 0.0, b.1),
                (None, None) => break,
            };
            if cm > 0.0 {
                i += 1;
            }
            if cd > 0.0 {
                j += 1;
            }
            out.push((c, cm, cd, tf(cm + cd)));
        }
        out
    }

    /// The vector of the mention at `span` whose entity is also mentioned at `others`,
    /// with `shared` the entity's [`DocVectoriser::shared`] features.
    fn vector_with(&self, span: Span, others: &[Span], shared: &Shared) -> SparseVec {
        struct Cols<'v> {
            vocab: &'v Vocabulary,
            token_cols: &'v [[u32; 3]],
            out: Vec<u64>,
        }
        impl Sink for Cols<'_> {
            fn put(&mut self, block: u8, ns: u64, h: u64, v: f32) {
                if let Some(c) = self.vocab.column_of(fid(ns, h)) {
                    self.out.push(packed(c, block, v));
                }
            }
            fn token(&mut self, block: u8, ns: u64, t: &Token, i: usize, v: f32) {
                let c = match ns {
                    50 => self.token_cols[i][0],
                    60 => self.token_cols[i][1],
                    70 => self.token_cols[i][2],
                    _ => self.vocab.column_of(fid(ns, t.hash)).unwrap_or(NONE),
                };
                if c != NONE {
                    self.out.push(packed(c, block, v));
                }
            }
        }
        let cfg = &self.vocab.config;
        let mut sink = Cols {
            vocab: self.vocab,
            token_cols: &self.token_cols,
            out: Vec::new(),
        };
        self.ctx.raw_into(span, others, cfg, false, &mut sink);
        let mut keys = sink.out;
        // Plain integers sort several times faster than tuples compared by a key, and
        // the order by (column, block) is the same; features of one column and block
        // now come in value order, which changes no sum (see below).
        keys.sort_unstable();
        let cols: Vec<(u32, f32, u8)> = keys.iter().map(|&k| unpacked(k)).collect();
        // Merged as `Vocabulary::vectorise` merges: per column, the values summed in
        // block order (the shared counts where their blocks 4 and 5 fall) under the
        // first block. Values before block 6 are multiples of 0.5, so their sums are
        // exact in any order; block 6's fractions come last (two in one column and
        // block sum the same either way, addition commutes; three would need two
        // collisions of 21-bit ids among a mention's few block-6 features).
        let mut merged: Vec<(u32, f32, u8)> = Vec::with_capacity(cols.len() + shared.len());
        let (mut i, mut j) = (0, 0);
        let first_block = |sh: &(u32, f32, f32, f32)| if sh.1 > 0.0 { 4 } else { 5 };
        while i < cols.len() || j < shared.len() {
            let Some(col) = cols.get(i).map(|c| c.0) else {
                merged.extend(shared[j..].iter().map(|sh| (sh.0, sh.3, first_block(sh))));
                break;
            };
            if let Some(sh) = shared.get(j).filter(|sh| sh.0 < col) {
                merged.push((sh.0, sh.3, first_block(sh)));
                j += 1;
                continue;
            }
            // The shared counts of this column not yet added, in block order.
            let mut pending: [(f32, u8); 2] = [(0.0, 4), (0.0, 5)];
            if let Some(sh) = shared.get(j).filter(|sh| sh.0 == col) {
                pending = [(sh.1, 4), (sh.2, 5)];
                j += 1;
            }
            let mut m: Option<(f32, u8)> = None;
            let add = |m: &mut Option<(f32, u8)>, v: f32, b: u8| {
                *m = Some(m.map_or((v, b), |(s, mb)| (s + v, mb)));
            };
            while i < cols.len() && cols[i].0 == col {
                let (_, v, b) = cols[i];
                for p in &mut pending {
                    if p.0 > 0.0 && p.1 <= b {
                        add(&mut m, p.0, p.1);
                        p.0 = 0.0;
                    }
                }
                add(&mut m, v, b);
                i += 1;
            }
            for p in pending {
                if p.0 > 0.0 {
                    add(&mut m, p.0, p.1);
                }
            }
            let (v, b) = m.expect("a value");
            merged.push((col, tf(v), b));
        }
        let mut norm = [0f32; BLOCKS];
        for m in &merged {
            norm[m.2 as usize] += m.1 * m.1;
        }
        weighted(&merged, &norm, &cfg.weights)
    }
}

/// A feature as one sortable integer: column (under 2^24, ids have [`BITS`] bits),
/// block, and the value's bits (non-negative, so bit order is value order).
fn packed(col: u32, block: u8, v: f32) -> u64 {
    (u64::from(col) << 40) | (u64::from(block) << 32) | u64::from(v.to_bits())
}

/// The `(column, value, block)` of a [`packed`] feature.
fn unpacked(k: u64) -> (u32, f32, u8) {
    ((k >> 40) as u32, f32::from_bits(k as u32), (k >> 32) as u8)
}

/// The runs of sorted `cols`: each column once with its count.
fn counts(cols: &[u32]) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = Vec::new();
    for &c in cols {
        match out.last_mut() {
            Some((last, n)) if *last == c => *n += 1.0,
            _ => out.push((c, 1.0)),
        }
    }
    out
}

/// The final vector of merged `(column, value, block)` triples: each value divided by its
/// block's L2 norm (`norm` holds the squared sums) and multiplied by the block's weight.
fn weighted(merged: &[(u32, f32, u8)], norm: &[f32; BLOCKS], w: &[f32]) -> SparseVec {
    // One square root per block rather than per value (the same numbers).
    let root = norm.map(f32::sqrt);
    SparseVec {
        idx: merged.iter().map(|m| m.0).collect(),
        val: merged
            .iter()
            .map(|m| m.1 / root[m.2 as usize] * w[m.2 as usize])
            .collect(),
    }
}
