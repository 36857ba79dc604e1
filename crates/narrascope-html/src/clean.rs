//! Cleaning the chosen container: which of its segments are article body, and
//! which line is the headline.
//!
//! Inside the container a segment is dropped when it is
//! * under an element whose class/id names boilerplate (share bars, captions,
//!   related boxes, ads) — unless the JSON-LD body vouches for it;
//! * mostly link text *outside* the stretch between the first and the last prose
//!   paragraph (inside it, link lines such as "Get it at …" belong to the text);
//! * a teaser (headline link + summary), an image caption, or a furniture line
//!   ("Related: …", "Follow us on …", "Advertisement", "Comments");
//! * the headline itself (`h1`, or equal to the title), which the title carries.

use crate::dom::Dom;
use crate::meta::PageInfo;
use crate::segments::Seg;
use crate::select::{is_prose, Analysis};

/// Normalised form for comparing short texts.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The headline: the page's first `h1` when there is one, else `og:title`, the
/// JSON-LD headline or `<title>`.
pub(crate) fn title(a: &Analysis, info: &PageInfo) -> Option<String> {
    a.segs
        .iter()
        .enumerate()
        .find(|(k, s)| s.heading == 1 && !a.boiler[*k] && s.words >= 2)
        .map(|(_, s)| s.text.clone())
        .or_else(|| info.og_title.clone())
        .or_else(|| info.headline.clone())
        .or_else(|| info.doc_title.clone())
}

/// Labels that mark ad slots rather than text.
fn is_ad_label(text: &str) -> bool {
    let t = norm(text);
    matches!(
        t.as_str(),
        "advertisement"
            | "advert"
            | "ad"
            | "ads"
            | "anzeige"
            | "publicidade"
            | "publicité"
            | "publicidad"
            | "pubblicità"
            | "reklama"
            | "реклама"
            | "sponsored"
            | "advertisementscrolltocontinuewithcontent"
            | "continuereadingbelow"
    )
}

/// Editorial labels that introduce links to other pages or page furniture, in the
/// languages of the press this is used on (compared on lower-cased letters only).
const LABEL_PREFIXES: &[&str] = &[
    "related",
    "readmore",
    "readalso",
    "alsoread",
    "seealso",
    "alsosee",
    "youmayalsolike",
    "youmightalsolike",
    "recommended",
    "morefrom",
    "popularon",
    "mostread",
    "filedunder",
    "tags",
    "sharethis",
    "shareon",
    "followus",
    "followon",
    "subscribeto",
    "signupfor",
    "signuptoour",
    "likethisstory",
    "clickhereto",
    "leiatambém",
    "vejatambém",
    "leetambién",
    "tepuedeinteresar",
    "lesensieauch",
    "mehrzumthema",
    "lireaussi",
    "àlireaussi",
    "leggianche",
    "bacajuga",
    "читайтетакже",
];

/// Whole lines that are page furniture.
const LABEL_LINES: &[&str] = &[
    "comments",
    "comment",
    "commentscomments",
    "leaveacomment",
    "share",
    "sharethisarticle",
    "more",
    "print",
    "email",
    "backtotop",
    "iklan",
];

/// Furniture: "Related: …", "Follow us on …", "Comments", ad labels.
fn is_label_line(s: &Seg) -> bool {
    let t = norm(&s.text);
    if LABEL_LINES.contains(&t.as_str()) || is_ad_label(&s.text) {
        return true;
    }
    (s.words <= 8 || (s.words <= 30 && s.link_density() >= 0.3))
        && LABEL_PREFIXES.iter().any(|p| t.starts_with(p))
}

/// Indices of the segments that make up the body, in order.
pub(crate) fn body(dom: &Dom, a: &Analysis, title: Option<&str>) -> Vec<usize> {
    let c = a.container;
    let title_norm = title.map(norm).unwrap_or_default();
    let inside: Vec<usize> = (0..a.segs.len())
        .filter(|&k| dom.contains(c, a.segs[k].first))
        .collect();
    // Link lines are kept between the first and last prose paragraph ("Get it at
    // …" lines in buying guides, inline "Read: …" links) and dropped around them,
    // where they are navigation.
    let first_prose = inside
        .iter()
        .copied()
        .find(|&k| is_prose(&a.segs[k]) && !a.boiler[k]);
    let last_prose = inside
        .iter()
        .copied()
        .rev()
        .find(|&k| is_prose(&a.segs[k]) && !a.boiler[k]);
    let linky = |k: usize| a.segs[k].link_density() > 0.5 && !a.ld_match[k];
    let mut out = Vec::new();
    for &k in &inside {
        let s = &a.segs[k];
        let matched = a.ld_match[k];
        if a.boiler[k] && !matched {
            continue;
        }
        if linky(k) {
            // Link lines inside the text are part of it ("Get it at …" in buying
            // guides, linked sub-heads); before the first and after the last
            // paragraph they are navigation.
            let between = first_prose.is_some_and(|f| f < k) && last_prose.is_some_and(|l| k < l);
            if !between {
                continue;
            }
        }
        if s.is_teaser() && !matched {
            continue;
        }
        if a.caption[k] {
            continue;
        }
        if is_label_line(s) {
            continue;
        }
        if s.heading == 1 || (!title_norm.is_empty() && norm(&s.text) == title_norm) {
            continue;
        }
        out.push(k);
    }
    out
}
