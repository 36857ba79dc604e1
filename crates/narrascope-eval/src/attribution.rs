//! Attribution (quote and speaker) evaluation on PolNeAR.
//!
//! PolNeAR (`../shared/data/polnear/{train,dev}/`) has `text/NAME.txt` and brat
//! standoff `attributions/NAME_ANNOTATOR.ann` with `Source`, `Cue` and `Content`
//! spans (character offsets, converted here to byte offsets) linked by `E` lines.
//! When a document has several annotators' files we score against the first
//! alphabetically (one gold per document; the choice is fixed and documented).
//! A span of several fragments whose gaps are whitespace only (brat splits at line
//! breaks) is one span; fragments separated by words stay separate spans, since a
//! span tagger produces them separately. `Discuss`/`Discard` spans are ignored.
//!
//! Scores, per role (source, cue, content), micro-averaged over documents:
//! - exact: a predicted span is right when a gold span of the same role has the
//!   same start and end (after trimming whitespace);
//! - overlap: precision = share of predicted spans overlapping some gold span of the
//!   role, recall = share of gold spans overlapped by some predicted span.
//!
//! The direct-quote subset keeps gold and predicted attributions whose (first)
//! content starts with a double quotation mark.

use std::fs;
use std::path::{Path, PathBuf};

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span};
use serde::Serialize;

mod cv;
mod score;

pub use cv::{
    cross_validate, folds, mean_sd, predict, train_and_score, train_docs, train_docs_with,
    CvReport, MeanSd, System,
};
pub use score::{
    count, count_pairs, evaluate, is_direct, score_doc, Counts, Prf, Report, RoleScore,
};

/// The three span roles, in report order.
pub const ROLES: [&str; 3] = ["source", "cue", "content"];

/// Why loading failed.
#[derive(Debug, thiserror::Error)]
pub enum AttributionError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// An annotation line did not parse.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What was wrong.
        message: String,
    },
}

/// One gold attribution: spans by role (content may have several pieces).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GoldAttribution {
    /// Source spans.
    pub source: Vec<Span>,
    /// Cue spans.
    pub cue: Vec<Span>,
    /// Content spans.
    pub content: Vec<Span>,
}

impl GoldAttribution {
    fn role(&self, r: usize) -> &[Span] {
        match r {
            0 => &self.source,
            1 => &self.cue,
            _ => &self.content,
        }
    }
}

/// One annotated document.
#[derive(Clone, Debug)]
pub struct BratDoc {
    /// File stem.
    pub id: String,
    /// Which annotator's file was used.
    pub annotator: String,
    /// The text.
    pub text: String,
    /// Gold attributions.
    pub attributions: Vec<GoldAttribution>,
    /// Other annotators' attributions of the same text (used as extra training
    /// data, never scored against).
    pub others: Vec<Vec<GoldAttribution>>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> AttributionError + '_ {
    move |source| AttributionError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Char offset → byte offset table for `text` (one entry per char, plus the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Trims whitespace off a span.
pub fn trim(text: &str, s: Span) -> Span {
    let Some(sl) = text.get(s.start..s.end) else {
        return s;
    };
    let lead = sl.len() - sl.trim_start().len();
    let t = sl.trim();
    Span::new(s.start + lead, s.start + lead + t.len())
}

/// Parses one brat file against its text.
pub fn parse_ann(
    path: &Path,
    ann: &str,
    text: &str,
) -> Result<Vec<GoldAttribution>, AttributionError> {
    let c2b = char_to_byte(text);
    let byte = |c: usize| c2b.get(c).copied();
    let mut spans: std::collections::HashMap<String, (String, Vec<Span>)> = Default::default();
    let mut events: Vec<Vec<(String, String)>> = Vec::new();
    for (ln, line) in ann.lines().enumerate() {
        let bad = |m: &str| AttributionError::Parse {
            path: path.to_path_buf(),
            line: ln + 1,
            message: m.to_string(),
        };
        let mut parts = line.split('\t');
        let id = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("");
        // Brat's text column may hold newlines: continuation lines have no id.
        let is_id = |p: char| {
            id.len() > 1 && id.starts_with(p) && id[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if !is_id('T') && !is_id('E') {
            continue;
        }
        if id.starts_with('T') {
            let (label, ranges) = body.split_once(' ').ok_or_else(|| bad("no ranges"))?;
            let mut frags: Vec<Span> = Vec::new();
            for r in ranges.split(';') {
                let (a, b) = r.trim().split_once(' ').ok_or_else(|| bad("bad range"))?;
                let a: usize = a.parse().map_err(|_| bad("bad offset"))?;
                let b: usize = b.parse().map_err(|_| bad("bad offset"))?;
                let (Some(a), Some(b)) = (byte(a), byte(b)) else {
                    return Err(bad("offset past the text"));
                };
                if a > b {
                    return Err(bad("range ends before it starts"));
                }
                frags.push(Span::new(a, b));
            }
            frags.sort();
            // Merge fragments separated by whitespace only.
            let mut merged: Vec<Span> = Vec::new();
            for f in frags {
                match merged.last_mut() {
                    Some(last)
                        if f.start >= last.end && text[last.end..f.start].trim().is_empty() =>
                    {
                        last.end = f.end
                    }
                    _ => merged.push(f),
                }
            }
            let merged = merged
                .into_iter()
                .map(|s| trim(text, s))
                .filter(|s| !s.is_empty())
                .collect();
            spans.insert(id.to_string(), (label.to_string(), merged));
        } else if id.starts_with('E') {
            let args = body
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .map(|(r, t)| (r.to_string(), t.to_string()))
                .collect();
            events.push(args);
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut a = GoldAttribution::default();
        for (role, tid) in ev {
            let Some((label, frags)) = spans.get(&tid) else {
                continue;
            };
            let dest = match (role.as_str(), label.as_str()) {
                ("Source", "Source") => &mut a.source,
                ("Cue", "Cue") => &mut a.cue,
                ("Content", "Content") => &mut a.content,
                _ => continue,
            };
            dest.extend(frags.iter().copied());
        }
        if !(a.source.is_empty() && a.cue.is_empty() && a.content.is_empty()) {
            out.push(a);
        }
    }
    Ok(out)
}

/// Loads a PolNeAR split folder (`…/train` or `…/dev`).
pub fn load_split(dir: &Path) -> Result<Vec<BratDoc>, AttributionError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<String> = fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut texts: Vec<String> = fs::read_dir(&text_dir)
        .map_err(io(&text_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    texts.sort();
    let mut docs = Vec::new();
    for t in texts {
        let stem = t.trim_end_matches(".txt").to_string();
        let prefix = format!("{stem}_");
        // First annotator alphabetically.
        let Some(ann_name) = anns
            .iter()
            .find(|a| a.starts_with(&prefix) && !a[prefix.len()..].contains('_'))
        else {
            continue;
        };
        let tp = text_dir.join(&t);
        let ap = ann_dir.join(ann_name);
        let text = fs::read_to_string(&tp).map_err(io(&tp))?;
        let ann = fs::read_to_string(&ap).map_err(io(&ap))?;
        let attributions = parse_ann(&ap, &ann, &text)?;
        let annotator = ann_name[prefix.len()..]
            .trim_end_matches(".ann")
            .to_string();
        let mut others = Vec::new();
        for other in anns
            .iter()
            .filter(|a| a.starts_with(&prefix) && !a[prefix.len()..].contains('_'))
            .skip(1)
        {
            let op = ann_dir.join(other);
            let ann = fs::read_to_string(&op).map_err(io(&op))?;
            others.push(parse_ann(&op, &ann, &text)?);
        }
        docs.push(BratDoc {
            id: stem,
            annotator,
            text,
            attributions,
            others,
        });
    }
    Ok(docs)
}

/// A document for the quote stage: the whole text is body (PolNeAR texts are plain
/// article text with the headline on the first line).
pub fn document(text: &str) -> Document {
    let mut doc = Document::from_text(Article {
        id: "polnear".into(),
        path: "polnear".into(),
        format: SourceFormat::Text,
        raw: text.to_string(),
        given: GivenMeta::default(),
    });
    doc.body = vec![Span::new(0, text.len())];
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_and_overlap_by_hand() {
        // gold: [0,5) [10,20); pred: [0,5) exact, [12,15) overlaps, [30,31) misses.
        let g = [Span::new(0, 5), Span::new(10, 20)];
        let p = [Span::new(0, 5), Span::new(12, 15), Span::new(30, 31)];
        let c = count(&p, &g);
        assert_eq!((c.pred, c.gold, c.exact), (3, 2, 1));
        assert_eq!((c.pred_overlapping, c.gold_overlapped), (2, 2));
        let e = c.exact();
        assert!((e.p - 1.0 / 3.0).abs() < 1e-9 && (e.r - 0.5).abs() < 1e-9);
        assert!((e.f1 - 0.4).abs() < 1e-9); // 2·(1/3)(1/2)/(5/6)
        let o = c.overlap();
        assert!((o.p - 2.0 / 3.0).abs() < 1e-9 && (o.r - 1.0).abs() < 1e-9);
        assert!((o.f1 - 0.8).abs() < 1e-9);
    }

    #[test]
    fn empty_sides_score_zero() {
        let c = count(&[], &[Span::new(0, 1)]);
        assert_eq!(
            c.exact(),
            Prf {
                p: 0.0,
                r: 0.0,
                f1: 0.0
            }
        );
    }

    #[test]
    fn parses_brat_with_char_offsets_and_line_fragments() {
        // "“Yes,”" is 6 chars but 10 bytes: offsets must be converted.
        let text = "“Yes,” she said.\nAnd “more\nstuff” here.";
        let ann = "T1\tContent 0 6\t“Yes,”\nT2\tSource 7 10\tshe\nT3\tCue 11 15\tsaid\n\
                   T4\tAttribution 11 15\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
                   T5\tContent 21 26;27 33\t“more stuff”\nE2\tAttribution:T4 Content:T5\n";
        let a = parse_ann(Path::new("x.ann"), ann, text).unwrap();
        assert_eq!(a.len(), 2);
        let c = a[0].content[0];
        assert_eq!(&text[c.start..c.end], "“Yes,”");
        assert_eq!(&text[a[0].source[0].start..a[0].source[0].end], "she");
        assert_eq!(a[1].content.len(), 1, "newline-split fragments merge");
        let c = a[1].content[0];
        assert_eq!(&text[c.start..c.end], "“more\nstuff”");
        assert!(is_direct(text, &a[0].content));
    }

    #[test]
    fn direct_subset_only_keeps_quoted_contents() {
        let text = "“Go,” he said. She thinks it works.";
        // “ and ” are 3 bytes each: “Go,” is bytes 0..9.
        let gold = vec![
            GoldAttribution {
                source: vec![Span::new(10, 12)],
                cue: vec![Span::new(13, 17)],
                content: vec![Span::new(0, 9)],
            },
            GoldAttribution {
                source: vec![Span::new(19, 22)],
                cue: vec![Span::new(23, 29)],
                content: vec![Span::new(30, 39)],
            },
        ];
        let pred = vec![gold[1].clone()];
        let (all, direct) = score_doc(text, &gold, &pred);
        assert_eq!((all[0].gold, all[0].exact), (2, 1));
        assert_eq!((direct[0].gold, direct[0].pred, direct[0].exact), (1, 0, 0));
    }

    #[test]
    fn a_pair_needs_its_source_and_content_together() {
        let att = |s: (usize, usize), c: (usize, usize)| GoldAttribution {
            source: vec![Span::new(s.0, s.1)],
            cue: vec![],
            content: vec![Span::new(c.0, c.1)],
        };
        let gold = vec![att((0, 5), (10, 20)), att((30, 35), (40, 50))];
        // Both spans found, but the contents swapped between the two speakers.
        let swapped = vec![att((0, 5), (40, 50)), att((30, 35), (10, 20))];
        let c = count_pairs(&swapped, &gold);
        assert_eq!((c.gold, c.pred, c.exact), (2, 2, 0));
        let c = count_pairs(&gold, &gold);
        assert_eq!((c.exact, c.gold_overlapped), (2, 2));
        // Off by a word: no exact pair, but an overlapping one.
        let c = count_pairs(&[att((0, 5), (10, 18))], &gold);
        assert_eq!((c.exact, c.pred_overlapping, c.gold_overlapped), (0, 1, 1));
    }

    #[test]
    fn folds_are_deterministic_and_partition() {
        let f = folds(23, 5, 7);
        assert_eq!(f, folds(23, 5, 7));
        let mut all: Vec<usize> = f.concat();
        all.sort();
        assert_eq!(all, (0..23).collect::<Vec<_>>());
    }

    #[test]
    fn polnear_loads_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear/dev");
        if !dir.exists() {
            eprintln!("skipping: {} is absent", dir.display());
            return;
        }
        let docs = load_split(&dir).unwrap();
        assert!(docs.len() > 50);
        assert!(docs.iter().map(|d| d.attributions.len()).sum::<usize>() > 1000);
    }
}
