//! Hashed features for the attribution tagger.
//!
//! Every feature is a template id plus one or two strings, hashed (FNV-1a) into a
//! fixed number of buckets: no feature dictionary to store, and a model whose size
//! is fixed by its bucket count.

use crate::cues::{cue_class, CueClass};
use crate::marks::pair;
use crate::token::{sentence_ends, TokKind, Token};

/// Features of every token of one sequence, as bucket indices, in one flat buffer
/// (one allocation per sequence rather than one per token).
pub struct Featurized {
    /// The buckets of every token, token after token.
    flat: Vec<u32>,
    /// Token `i`'s buckets are `flat[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl Featurized {
    /// The buckets of each token.
    pub fn rows(&self) -> Vec<&[u32]> {
        self.starts
            .windows(2)
            .map(|w| &self.flat[w[0]..w[1]])
            .collect()
    }

    /// The buckets of each token, each in its own vector (training keeps these).
    pub fn into_vecs(self) -> Vec<Vec<u32>> {
        self.rows().into_iter().map(<[u32]>::to_vec).collect()
    }
}

/// Mixed feature hashes of every token of one sequence, before masking to a bucket
/// count: the base features are the same in both tagger passes, so the second pass
/// masks them again instead of hashing every string again.
pub struct Hashes {
    flat: Vec<u64>,
    /// Token `i`'s hashes are `flat[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
}

impl Hashes {
    fn row(&self, i: usize) -> &[u64] {
        &self.flat[self.starts[i]..self.starts[i + 1]]
    }
}

/// The buckets of `base` (followed, per token, by those of `stacked`) in `buckets`
/// buckets: the order within a token is the order the perceptron sums weights in.
pub fn masked(base: &Hashes, stacked: Option<&Hashes>, buckets: usize) -> Featurized {
    let mask = (buckets as u64).saturating_sub(1);
    let n = base.starts.len() - 1;
    let total = base.flat.len() + stacked.map_or(0, |s| s.flat.len());
    let mut flat = Vec::with_capacity(total);
    let mut starts = Vec::with_capacity(n + 1);
    starts.push(0);
    for i in 0..n {
        flat.extend(base.row(i).iter().map(|&h| (h & mask) as u32));
        if let Some(s) = stacked {
            flat.extend(s.row(i).iter().map(|&h| (h & mask) as u32));
        }
        starts.push(flat.len());
    }
    Featurized { flat, starts }
}

/// Word classes of the MiniLM token embeddings (`models/ner/clusters.txt`: lowercase
/// word, coarse class of 128, fine class of 1024), shared with the entity tagger; they
/// let the tagger generalise from cue and source words it saw to similar ones it did
/// not ("conceded" like "admitted").
static CLUSTERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/clusters.txt"
));

/// Class names of a word: coarse and fine, or "-" for a word not in the list.
fn word_classes(w: &str) -> (&'static str, &'static str) {
    static MAP: std::sync::OnceLock<
        rustc_hash::FxHashMap<&'static str, (&'static str, &'static str)>,
    > = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        CLUSTERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut it = l.split('\t');
                Some((it.next()?, (it.next()?.trim(), it.next()?.trim())))
            })
            .collect()
    });
    map.get(w).copied().unwrap_or(("-", "-"))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// `format!("{prev}{next}")` of two quote depths (each at most 2), by `prev * 3 + next`.
const DEPTH_PAIRS: [&str; 9] = ["00", "01", "02", "10", "11", "12", "20", "21", "22"];

/// Collects the mixed hashes of one sequence's features, token after token.
struct Sink {
    out: Hashes,
}

impl Sink {
    fn with_capacity(n: usize, per_token: usize) -> Self {
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        Sink {
            out: Hashes {
                flat: Vec::with_capacity(n * per_token),
                starts,
            },
        }
    }

    /// Ends the current token's features.
    fn next_token(&mut self) {
        self.out.starts.push(self.out.flat.len());
    }

    fn add(&mut self, template: u8, a: &str) {
        let h = fnv(fnv(FNV_OFFSET, &[template]), a.as_bytes());
        self.out.flat.push(mix(h));
    }

    fn add2(&mut self, template: u8, a: &str, b: &str) {
        let h = fnv(fnv(fnv(FNV_OFFSET, &[template]), a.as_bytes()), &[0xff]);
        let h = fnv(h, b.as_bytes());
        self.out.flat.push(mix(h));
    }
}

fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

fn shape(t: &Token) -> &'static str {
    match t.kind {
        TokKind::OpenDouble => "“",
        TokKind::CloseDouble => "”",
        TokKind::StraightDouble => "\"",
        TokKind::OpenSingle => "‘",
        TokKind::CloseSingle => "’",
        TokKind::Final => ".",
        TokKind::Punct => match t.lower.as_str() {
            "," => ",",
            ":" => ":",
            "(" | ")" | "[" | "]" => "()",
            "—" | "–" | "-" | "--" => "-",
            _ => "p",
        },
        TokKind::Word => {
            if t.lower.chars().any(|c| c.is_ascii_digit()) {
                "d"
            } else if t.upper_initial {
                "X"
            } else {
                "x"
            }
        }
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=14 => "9-14",
        15..=25 => "15-25",
        _ => "far",
    }
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "who", "his", "their",
];

/// Computes features for `tokens` (one tagging sequence) into `buckets` (a power of
/// two) buckets.
pub fn featurize(tokens: &[Token], buckets: usize) -> Featurized {
    featurize_with(tokens, buckets, None)
}

const TAG_NAMES: [&str; 7] = ["O", "BS", "IS", "BC", "IC", "BT", "IT"];

/// Features plus, when `prior` holds a first-pass tag sequence, stacked features
/// that read it: neighbouring predicted tags, predicted roles in the sentence, and
/// the distance to the nearest predicted cue.
pub fn featurize_with(tokens: &[Token], buckets: usize, prior: Option<&[usize]>) -> Featurized {
    let base = base_hashes(tokens);
    let stacked = prior.map(|p| stacked_hashes(tokens, p));
    masked(&base, stacked.as_ref(), buckets)
}

/// The hashes of the features that do not read a first pass.
pub fn base_hashes(tokens: &[Token]) -> Hashes {
    let n = tokens.len();
    let (depth, _) = pair(tokens);
    let ends = sentence_ends(tokens);
    let classes: Vec<CueClass> = tokens.iter().map(|t| cue_class(&t.lower)).collect();
    let shapes: Vec<&str> = tokens.iter().map(shape).collect();
    let cls: Vec<(&str, &str)> = tokens.iter().map(|t| word_classes(&t.lower)).collect();

    // Sentence index and position of each token.
    let mut sent_start = vec![0usize; n];
    let mut s = 0;
    for i in 0..n {
        sent_start[i] = s;
        if ends[i] {
            s = i + 1;
        }
    }
    let mut sent_end = vec![0usize; n];
    let mut e = n.saturating_sub(1);
    for i in (0..n).rev() {
        if ends[i] {
            e = i;
        }
        sent_end[i] = e;
    }
    // Nearest cue word left and right within the sentence.
    let mut left_cue: Vec<Option<usize>> = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if i == sent_start[i] {
            last = None;
        }
        left_cue[i] = last;
        if classes[i] != CueClass::None {
            last = Some(i);
        }
    }
    let mut right_cue: Vec<Option<usize>> = vec![None; n];
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        if ends[i] {
            next = None;
        }
        right_cue[i] = next;
        if classes[i] != CueClass::None {
            next = Some(i);
        }
    }
    // Quote marks seen so far in the sentence.
    let mut marks_before = vec![0u8; n];
    let mut m = 0u8;
    for i in 0..n {
        if i == sent_start[i] {
            m = 0;
        }
        marks_before[i] = m;
        if matches!(
            tokens[i].kind,
            TokKind::OpenDouble | TokKind::CloseDouble | TokKind::StraightDouble
        ) {
            m = m.saturating_add(1).min(3);
        }
    }
    // Commas seen so far in the sentence (for "commas between token and cue").
    let mut commas = vec![0u32; n + 1];
    for i in 0..n {
        commas[i + 1] = commas[i] + u32::from(tokens[i].lower == ",");
    }
    let para_quote = {
        let mut v = vec![false; n];
        let mut cur = false;
        for i in 0..n {
            if tokens[i].para_start {
                cur = matches!(
                    tokens[i].kind,
                    TokKind::OpenDouble | TokKind::StraightDouble
                );
            }
            v[i] = cur;
        }
        v
    };

    let word = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            tokens.get(j as usize).map_or("</s>", |t| t.lower.as_str())
        }
    };
    let mut f = Sink::with_capacity(n, 48);
    for i in 0..n {
        let t = &tokens[i];
        let ii = i as isize;
        let w = t.lower.as_str();
        let dep = ["0", "1", "2"][depth[i].min(2) as usize];
        let dep_prev = if i > 0 { depth[i - 1].min(2) } else { 0 };
        let dep_next = depth.get(i + 1).copied().unwrap_or(0).min(2);
        f.add(0, "bias");
        f.add(1, w);
        f.add(2, word(ii - 1));
        f.add(3, word(ii + 1));
        f.add(4, word(ii - 2));
        f.add(5, word(ii + 2));
        f.add2(6, word(ii - 1), w);
        f.add2(7, w, word(ii + 1));
        // The last three characters (all of a shorter word), sliced rather than
        // collected into a new string: this runs for every token.
        let suf = &w[w.char_indices().rev().nth(2).map_or(0, |(at, _)| at)..];
        f.add(8, suf);
        f.add(9, shapes[i]);
        f.add2(10, if i > 0 { shapes[i - 1] } else { "<s>" }, shapes[i]);
        f.add2(11, shapes[i], shapes.get(i + 1).copied().unwrap_or("</s>"));
        f.add(12, dep);
        f.add2(13, dep, DEPTH_PAIRS[usize::from(dep_prev * 3 + dep_next)]);
        f.add(14, classes[i].name());
        f.add2(15, classes[i].name(), dep);
        let lpos = i - sent_start[i];
        let rpos = sent_end[i] - i;
        f.add(16, bucket(lpos));
        f.add(17, bucket(rpos));
        match left_cue[i] {
            Some(c) => {
                f.add2(18, classes[c].name(), bucket(i - c));
                f.add(19, &tokens[c].lower);
                f.add2(20, dep, bucket(i - c));
                // "said that …": the word right after the cue.
                f.add2(21, classes[c].name(), word(c as isize + 1));
            }
            None => f.add(18, "none"),
        }
        match right_cue[i] {
            Some(c) => {
                f.add2(22, classes[c].name(), bucket(c - i));
                f.add(23, &tokens[c].lower);
                f.add2(24, dep, bucket(c - i));
                f.add2(25, shapes[i], bucket(c - i));
            }
            None => f.add(22, "none"),
        }
        f.add2(
            26,
            match (left_cue[i].is_some(), right_cue[i].is_some()) {
                (false, false) => "--",
                (true, false) => "c-",
                (false, true) => "-c",
                (true, true) => "cc",
            },
            dep,
        );
        f.add2(27, ["0", "1", "2", "3"][marks_before[i] as usize], dep);
        if PRONOUNS.contains(&w) {
            f.add(28, "pron");
        }
        if t.para_start {
            f.add(29, "para");
        }
        if lpos == 0 {
            f.add(30, "sent0");
        }
        f.add2(31, if para_quote[i] { "pq" } else { "-" }, dep);
        f.add2(32, shapes[i], dep);
        // Distance to the sentence end combined with the quote state: the last tokens
        // of a quoted sentence are content, the last of a reporting clause are not.
        f.add2(33, bucket(rpos), dep);
        f.add2(34, word(ii - 1), dep);
        f.add2(35, word(ii + 1), dep);
        f.add(36, word(ii - 3));
        f.add(37, word(ii + 3));
        let pre = &w[..w.char_indices().nth(3).map_or(w.len(), |(at, _)| at)];
        f.add(38, pre);
        let cnt = |a: usize, b: usize| -> &'static str {
            match commas[b] - commas[a] {
                0 => "0",
                1 => "1",
                _ => "2+",
            }
        };
        if let Some(c) = left_cue[i] {
            f.add2(39, &tokens[c].lower, w);
            f.add2(40, cnt(c, i), dep);
            let that = word(c as isize + 1) == "that";
            f.add2(41, if that { "that" } else { "-" }, bucket(i - c));
        }
        if let Some(c) = right_cue[i] {
            f.add2(42, &tokens[c].lower, shapes[i]);
            f.add2(43, cnt(i, c), dep);
            f.add2(44, &tokens[c].lower, bucket(c - i));
        }
        f.add(45, bucket(sent_end[i] - sent_start[i]));
        // Word classes: the token's, its neighbours', and the nearest cues'.
        let (coarse, fine) = cls[i];
        f.add(46, fine);
        f.add2(47, coarse, dep);
        f.add(48, if i > 0 { cls[i - 1].1 } else { "<s>" });
        f.add(49, cls.get(i + 1).map_or("</s>", |c| c.1));
        if let Some(c) = left_cue[i] {
            f.add2(90, cls[c].1, bucket(i - c));
        }
        if let Some(c) = right_cue[i] {
            f.add2(91, cls[c].1, bucket(c - i));
        }
        f.next_token();
    }
    f.out
}

/// The hashes of the stacked features, which read the first-pass tags `prior` (none
/// when `prior` is not one tag per token).
pub fn stacked_hashes(tokens: &[Token], prior: &[usize]) -> Hashes {
    let n = tokens.len();
    let mut f = Sink::with_capacity(n, 12);
    if prior.len() != n {
        for _ in 0..n {
            f.next_token();
        }
        return f.out;
    }
    let (depth, _) = pair(tokens);
    let ends = sentence_ends(tokens);
    let stack = Stacked::new(Some(prior), &ends);
    let pt = prior;
    for i in 0..n {
        let ii = i as isize;
        let w = tokens[i].lower.as_str();
        let dep = ["0", "1", "2"][depth[i].min(2) as usize];
        let tag = |j: isize| -> &str {
            if j < 0 || j as usize >= n {
                "-"
            } else {
                TAG_NAMES[pt[j as usize].min(6)]
            }
        };
        f.add(50, tag(ii));
        f.add2(51, tag(ii - 1), tag(ii));
        f.add2(52, tag(ii), tag(ii + 1));
        f.add(53, tag(ii - 2));
        f.add(54, tag(ii + 2));
        f.add2(55, tag(ii), w);
        f.add2(56, tag(ii), dep);
        let mask = stack.sent_mask[i] as usize;
        f.add2(
            57,
            ["0", "1", "2", "3", "4", "5", "6", "7"][mask & 7],
            tag(ii),
        );
        let (lc, rc) = (stack.left_cue[i], stack.right_cue[i]);
        f.add2(58, lc.map_or("none", |j| bucket(i - j)), tag(ii));
        f.add2(59, rc.map_or("none", |j| bucket(j - i)), tag(ii));
        f.add2(
            60,
            lc.map_or("none", |j| bucket(i - j)),
            rc.map_or("none", |j| bucket(j - i)),
        );
        f.next_token();
    }
    f.out
}

/// Per-token summaries of a first-pass tag sequence, computed in linear time.
struct Stacked {
    /// Roles predicted in the token's sentence (bit per role).
    sent_mask: Vec<u8>,
    /// Nearest predicted cue token before / after.
    left_cue: Vec<Option<usize>>,
    right_cue: Vec<Option<usize>>,
}

impl Stacked {
    fn new(prior: Option<&[usize]>, ends: &[bool]) -> Self {
        let Some(pt) = prior else {
            return Stacked {
                sent_mask: Vec::new(),
                left_cue: Vec::new(),
                right_cue: Vec::new(),
            };
        };
        let n = pt.len();
        let is_cue = |t: usize| t == 3 || t == 4;
        let mut sent_mask = vec![0u8; n];
        let mut start = 0;
        for i in 0..n {
            if ends[i] || i + 1 == n {
                let mut m = 0u8;
                for &t in &pt[start..=i] {
                    if t > 0 {
                        m |= 1 << ((t - 1) / 2);
                    }
                }
                sent_mask[start..=i].fill(m);
                start = i + 1;
            }
        }
        let mut left_cue = vec![None; n];
        let mut last = None;
        for i in 0..n {
            left_cue[i] = last;
            if is_cue(pt[i]) {
                last = Some(i);
            }
        }
        let mut right_cue = vec![None; n];
        let mut next = None;
        for i in (0..n).rev() {
            right_cue[i] = next;
            if is_cue(pt[i]) {
                next = Some(i);
            }
        }
        Stacked {
            sent_mask,
            left_cue,
            right_cue,
        }
    }
}
