//! Finding the article container.
//!
//! Every segment of the page gets a value: positive for running prose (long,
//! punctuated, few links), negative for boilerplate (link lists, short labels, text
//! inside elements whose class/id names boilerplate). The container is the element
//! whose subtree has the largest total value — a maximum-weight subtree, computed in
//! one bottom-up pass. Pulling in a neighbour only pays when it brings more prose
//! than clutter, which is exactly the trade-off a reader makes.
//!
//! When the page carries a JSON-LD `articleBody`, segments whose word trigrams are
//! found in it are strong evidence of the body and get a boosted value.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::dom::{Dom, NONE};
use crate::hints::{self, Neg};
use crate::segments::{linearize, Seg};
use crate::BlockKind;

/// Cost per character of short text (labels, dates, list items). Kept small: short
/// lines inside articles are common, and boilerplate is mostly caught by link
/// density and class names.
const SHORT_WEIGHT: f64 = 0.1;

/// Leaf blocks are never containers: an article is a sequence of blocks, so when a
/// single paragraph wins, its parent is taken instead.
fn is_leaf_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "pre"
            | "blockquote"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "span"
            | "a"
            | "b"
            | "i"
            | "em"
            | "strong"
            | "font"
    )
}

/// Per-segment facts the cleaning step needs too.
#[derive(Debug)]
pub(crate) struct Analysis {
    pub segs: Vec<Seg>,
    /// Inside an element that names boilerplate.
    pub boiler: Vec<bool>,
    /// Matches the JSON-LD `articleBody`.
    pub ld_match: Vec<bool>,
    /// Short text right after an image: a caption or credit.
    pub caption: Vec<bool>,
    /// The chosen container.
    pub container: usize,
}

/// Lower-cased word tokens.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn trigram_hashes(tokens: &[String]) -> impl Iterator<Item = u64> + '_ {
    tokens.windows(3).map(|w| {
        let mut h = DefaultHasher::new();
        w.hash(&mut h);
        h.finish()
    })
}

/// Word-trigram set of the JSON-LD body, when it is long enough to trust.
fn body_index(body: Option<&str>) -> Option<HashSet<u64>> {
    let tokens = words(body?);
    (tokens.len() >= 50).then(|| trigram_hashes(&tokens).collect())
}

/// Share of the segment's trigrams found in the index.
fn coverage(index: &HashSet<u64>, text: &str) -> f64 {
    let tokens = words(text);
    if tokens.len() < 4 {
        return 0.0;
    }
    let total = tokens.len() - 2;
    let hit = trigram_hashes(&tokens)
        .filter(|h| index.contains(h))
        .count();
    hit as f64 / total as f64
}

/// Sentence punctuation in any of the scripts the pages use.
pub(crate) fn has_punct(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '.' | ',' | '!' | '?' | ';' | ':' | '。' | '，' | '、' | '！' | '？' | '…' | '।'
        )
    })
}

/// Running prose: long enough, punctuated, not mostly links.
pub(crate) fn is_prose(s: &Seg) -> bool {
    s.link_density() < 0.5 && (s.words >= 10 || s.chars >= 80) && has_punct(&s.text)
}

/// Does the boilerplate flag of each node, with the wrapper guard for weak hints.
fn boiler_flags(dom: &Dom, segs: &[Seg]) -> Vec<bool> {
    let n = dom.nodes.len();
    // Prose characters per subtree.
    let mut prose = vec![0usize; n];
    for s in segs.iter().filter(|s| is_prose(s)) {
        prose[s.owner] += s.chars;
    }
    for i in (0..n).rev() {
        let p = dom.nodes[i].parent;
        if p != NONE {
            prose[p] += prose[i];
        }
    }
    let total = prose[dom.body].max(1);
    let mut flag = vec![false; n];
    for i in 0..n {
        let parent = dom.nodes[i].parent;
        let inherited = parent != NONE && flag[parent];
        let own = dom
            .elem(i)
            .is_some_and(|e| match hints::negative(&e.tag, &e.hint) {
                Neg::None => false,
                Neg::Strong => true,
                // A "sidebar" that holds most of the page's prose is a layout wrapper.
                Neg::Weak => prose[i] * 2 < total,
            });
        flag[i] = inherited || own;
    }
    flag
}

/// Marks short segments that directly follow an image (nothing but markup between
/// the image and the text): captions and photo credits, which are not body text.
fn captions(dom: &Dom, segs: &[Seg]) -> Vec<bool> {
    let mut images_before = Vec::with_capacity(dom.nodes.len() + 1);
    let mut count = 0usize;
    for i in 0..dom.nodes.len() {
        images_before.push(count);
        if matches!(dom.tag(i), "img" | "picture" | "figure") {
            count += 1;
        }
    }
    images_before.push(count);
    let mut prev_end = 0;
    let owner = |k: usize| segs.get(k).map(|s| s.owner);
    segs.iter()
        .enumerate()
        .map(|(k, s)| {
            // A caption is a block of its own, not a line of a `<br>`-split one.
            let alone =
                k.checked_sub(1).and_then(owner) != Some(s.owner) && owner(k + 1) != Some(s.owner);
            let img = images_before[s.first] > images_before[prev_end.min(s.first)];
            prev_end = s.last + 1;
            let sentence = s.text.contains(['.', '!', '?', ':']);
            let short = s.words <= 15;
            alone && img && short && !sentence && s.heading == 0 && s.kind != BlockKind::ListItem
        })
        .collect()
}

/// Scores the page and picks the container.
pub(crate) fn analyse(dom: &Dom, article_body: Option<&str>) -> Analysis {
    let segs = linearize(dom, dom.body);
    let node_boiler = boiler_flags(dom, &segs);
    let index = body_index(article_body);
    let n = dom.nodes.len();
    let mut score = vec![0f64; n];
    let boiler: Vec<bool> = segs
        .iter()
        .map(|s| (s.first..=s.last).any(|i| node_boiler.get(i).copied().unwrap_or(false)))
        .collect();
    let ld_match: Vec<bool> = segs
        .iter()
        .map(|s| {
            index
                .as_ref()
                .is_some_and(|ix| coverage(ix, &s.text) >= 0.5)
        })
        .collect();
    // When the JSON-LD body is really found on the page, prose it does not contain
    // is someone else's text (teasers, comments).
    let matched_chars: usize = segs
        .iter()
        .zip(&ld_match)
        .filter(|(_, m)| **m)
        .map(|(s, _)| s.chars)
        .sum();
    let trust_ld = matched_chars >= 150;
    for (k, s) in segs.iter().enumerate() {
        let c = s.chars as f64;
        let ld = s.link_density();
        let v = if boiler[k] {
            -c
        } else if ld_match[k] {
            2.0 * c
        } else if ld > 0.5 {
            -c * ld
        } else if s.is_teaser() {
            -0.5 * c
        } else if is_prose(s) {
            if trust_ld {
                -0.5 * c
            } else {
                c * (1.0 - ld)
            }
        } else {
            -SHORT_WEIGHT * c
        };
        score[s.owner] += v;
    }
    for i in (0..n).rev() {
        let p = dom.nodes[i].parent;
        if p != NONE {
            score[p] += score[i];
        }
    }
    let body = dom.body;
    let mut best = body;
    for i in body..body + dom.size[body] {
        if dom.elem(i).is_some() && score[i] >= score[best] {
            best = i;
        }
    }
    while is_leaf_block(dom.tag(best)) && dom.nodes[best].parent != NONE && best != body {
        best = dom.nodes[best].parent;
    }
    let caption = captions(dom, &segs);
    Analysis {
        segs,
        boiler,
        ld_match,
        caption,
        container: best,
    }
}
