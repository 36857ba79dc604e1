//! Evaluation of scrape-noise removal against hand-labelled lines.
//!
//! Labels (`eval/noise/labels-*.tsv`) are a TSV with header `path\tline\tlabel`:
//! `path` is relative to the data directory, `line` the 1-based physical line
//! (text split on `\n`, a trailing `\r` trimmed), and `label` is `title`, `body`
//! or a [`NoiseKind`] name. Each labelled document is cleaned exactly as the
//! pipeline does (a plain-text [`Document`] through [`CleanStage`]), and each
//! labelled line is scored:
//!
//! - gold removed: its label is a noise kind;
//! - predicted removed: at least half of its non-whitespace characters lie in
//!   noise segments;
//! - `title` rows are not scored (the cleaner never looks at the title line).
//!
//! The report gives line-level precision, recall and F1 of removal, a per-kind
//! breakdown, and the body lines lost (false removals), which matter most: a
//! removed body sentence is a lost quote.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use narrascope_core::{Article, Document, GivenMeta, NoiseKind, NoiseSegment, SourceFormat, Stage};
use narrascope_ingest::CleanStage;
use serde::Serialize;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The labels file is malformed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The labels file.
        path: PathBuf,
        /// 1-based line in the labels file.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A label points past the end of its document.
    #[error("{doc}: label for line {line}, but the document has {lines} lines")]
    LineOutOfRange {
        /// The document (as written in the labels).
        doc: String,
        /// The labelled line.
        line: usize,
        /// Physical lines in the document.
        lines: usize,
    },
    /// The cleaning stage failed on a document.
    #[error("cleaning {doc} failed: {message}")]
    Stage {
        /// The document.
        doc: String,
        /// The stage's error.
        message: String,
    },
}

/// The gold label of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gold {
    /// The title line; not scored.
    Title,
    /// Article body.
    Body,
    /// Scraping noise of a kind.
    Noise(NoiseKind),
}

impl Gold {
    /// Parses a label (`title`, `body` or a noise kind name).
    pub fn parse(s: &str) -> Option<Gold> {
        match s {
            "title" => Some(Gold::Title),
            "body" => Some(Gold::Body),
            other => NoiseKind::parse(other).map(Gold::Noise),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Gold::Title => "title",
            Gold::Body => "body",
            Gold::Noise(k) => k.as_str(),
        }
    }
}

/// A scored line that went wrong, for the verbose listing.
#[derive(Clone, Debug, Serialize)]
pub struct LineError {
    /// Document path as in the labels.
    pub path: String,
    /// 1-based physical line.
    pub line: usize,
    /// The gold label.
    pub gold: String,
    /// The predicted kind (the one covering most of the line), if removed.
    pub predicted: Option<String>,
    /// The line's text, shortened to 160 characters.
    pub text: String,
}

/// Counts for one noise kind.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct KindCounts {
    /// Lines with this gold kind.
    pub gold: usize,
    /// Of those, lines predicted removed (under any kind).
    pub gold_removed: usize,
    /// Lines predicted removed with this kind.
    pub predicted: usize,
    /// Of those, lines whose gold label is noise (any kind).
    pub predicted_correct: usize,
}

/// The result of a noise evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct NoiseReport {
    /// The labels file.
    pub labels: String,
    /// Documents evaluated.
    pub docs: usize,
    /// Lines scored (labelled, not title).
    pub lines: usize,
    /// Lines labelled noise.
    pub gold_removed: usize,
    /// Lines predicted removed.
    pub predicted_removed: usize,
    /// Lines labelled noise and predicted removed.
    pub true_positives: usize,
    /// `true_positives / predicted_removed` (1 when nothing was removed).
    pub precision: f64,
    /// `true_positives / gold_removed` (1 when nothing is noise).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Body lines removed: the count that must stay near zero.
    pub body_lines_lost: usize,
    /// Per noise kind, by name.
    pub per_kind: BTreeMap<String, KindCounts>,
    /// Body lines removed.
    pub false_removals: Vec<LineError>,
    /// Noise lines kept.
    pub missed: Vec<LineError>,
}

/// One line's outcome inside a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Outcome {
    line: usize,
    gold: Gold,
    predicted: Option<NoiseKind>,
}

/// Runs the evaluation: reads `labels`, cleans each labelled document found under
/// `data_dir`, and scores every labelled non-title line.
pub fn evaluate(labels: &Path, data_dir: &Path) -> Result<NoiseReport, EvalError> {
    let rows = read_labels(labels)?;
    let stage = CleanStage::new();
    let mut report = NoiseReport::empty(labels.display().to_string(), rows.len());
    for (doc_path, labels) in &rows {
        let full = data_dir.join(doc_path);
        let bytes = std::fs::read(&full).map_err(|source| EvalError::Io {
            path: full.clone(),
            source,
        })?;
        // Lossy decoding keeps every `\n`, so line numbers stay valid.
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        let noise = clean(&stage, doc_path, raw.clone())?;
        let physical: Vec<&str> = raw
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        for outcome in score_doc(&raw, &noise, labels, doc_path)? {
            tally(&mut report, doc_path, &physical, outcome);
        }
    }
    let (p, r) = (report.true_positives, report.predicted_removed);
    report.precision = ratio(p, r);
    report.recall = ratio(p, report.gold_removed);
    report.f1 = if report.precision + report.recall > 0.0 {
        2.0 * report.precision * report.recall / (report.precision + report.recall)
    } else {
        0.0
    };
    Ok(report)
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Cleans one plain-text document and returns its noise segments.
fn clean(stage: &CleanStage, doc_path: &str, raw: String) -> Result<Vec<NoiseSegment>, EvalError> {
    let id = Path::new(doc_path)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let article = Article {
        id,
        path: doc_path.to_string(),
        format: SourceFormat::Text,
        raw,
        given: GivenMeta::default(),
    };
    let mut doc = Document::from_text(article);
    stage.run(&mut doc).map_err(|e| EvalError::Stage {
        doc: doc_path.to_string(),
        message: e.to_string(),
    })?;
    Ok(doc.noise)
}

fn tally(report: &mut NoiseReport, doc_path: &str, physical: &[&str], o: Outcome) {
    let kind = match o.gold {
        Gold::Title => return,
        Gold::Body => None,
        Gold::Noise(k) => Some(k),
    };
    report.lines += 1;
    if let Some(k) = kind {
        report.gold_removed += 1;
        let c = report.per_kind.entry(k.as_str().to_string()).or_default();
        c.gold += 1;
        c.gold_removed += usize::from(o.predicted.is_some());
    }
    if let Some(p) = o.predicted {
        report.predicted_removed += 1;
        let c = report.per_kind.entry(p.as_str().to_string()).or_default();
        c.predicted += 1;
        c.predicted_correct += usize::from(kind.is_some());
    }
    let error = || LineError {
        path: doc_path.to_string(),
        line: o.line,
        gold: o.gold.name().to_string(),
        predicted: o.predicted.map(|k| k.as_str().to_string()),
        text: physical
            .get(o.line - 1)
            .map_or_else(String::new, |t| shorten(t.trim(), 160)),
    };
    match (kind.is_some(), o.predicted.is_some()) {
        (true, true) => report.true_positives += 1,
        (false, true) => {
            report.body_lines_lost += 1;
            report.false_removals.push(error());
        }
        (true, false) => report.missed.push(error()),
        (false, false) => {}
    }
}

fn shorten(t: &str, max: usize) -> String {
    match t.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}

/// One document's labels: its path and `(line, gold)` rows.
type DocLabels = (String, Vec<(usize, Gold)>);

/// Reads a labels TSV into documents (in first-seen order) with their rows.
fn read_labels(path: &Path) -> Result<Vec<DocLabels>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_labels(&text, path)
}

fn parse_labels(text: &str, path: &Path) -> Result<Vec<DocLabels>, EvalError> {
    let err = |line: usize, message: String| EvalError::Parse {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut docs: Vec<DocLabels> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, row) in text.lines().enumerate() {
        let n = i + 1;
        let row = row.trim_end_matches('\r');
        if row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        if n == 1 {
            if cols != ["path", "line", "label"] {
                return Err(err(
                    n,
                    format!("expected header path\\tline\\tlabel, got {row:?}"),
                ));
            }
            continue;
        }
        let [doc, line, label] = cols[..] else {
            return Err(err(
                n,
                format!("expected 3 tab-separated columns, got {}", cols.len()),
            ));
        };
        let line: usize = match line.trim().parse() {
            Ok(l) if l >= 1 => l,
            _ => return Err(err(n, format!("bad line number {line:?}"))),
        };
        let gold =
            Gold::parse(label.trim()).ok_or_else(|| err(n, format!("unknown label {label:?}")))?;
        let slot = *index.entry(doc.to_string()).or_insert_with(|| {
            docs.push((doc.to_string(), Vec::new()));
            docs.len() - 1
        });
        docs[slot].1.push((line, gold));
    }
    Ok(docs)
}

/// Scores one document's labelled lines against its noise segments.
fn score_doc(
    text: &str,
    noise: &[NoiseSegment],
    labels: &[(usize, Gold)],
    doc: &str,
) -> Result<Vec<Outcome>, EvalError> {
    // Byte ranges of physical lines (split on `\n`, `\r` trimmed).
    let mut ranges = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let trimmed_end = if piece.ends_with('\r') { end - 1 } else { end };
        ranges.push((start, trimmed_end));
        start = end + 1;
    }
    let mut out = Vec::with_capacity(labels.len());
    for &(line, gold) in labels {
        let Some(&(ls, le)) = ranges.get(line - 1) else {
            return Err(EvalError::LineOutOfRange {
                doc: doc.to_string(),
                line,
                lines: ranges.len(),
            });
        };
        out.push(Outcome {
            line,
            gold,
            predicted: predicted_kind(text, ls, le, noise),
        });
    }
    Ok(out)
}

/// The kind covering the most of line `[ls, le)` when noise covers at least half
/// of its non-whitespace characters, else `None`.
fn predicted_kind(text: &str, ls: usize, le: usize, noise: &[NoiseSegment]) -> Option<NoiseKind> {
    let non_ws = |a: usize, b: usize| text[a..b].chars().filter(|c| !c.is_whitespace()).count();
    let total = non_ws(ls, le);
    if total == 0 {
        return None;
    }
    // Segments are sorted; skip those ending before the line.
    let first = noise.partition_point(|s| s.span.end <= ls);
    let mut covered = 0;
    let mut best: Option<(usize, NoiseKind)> = None;
    for seg in noise[first..].iter().take_while(|s| s.span.start < le) {
        let (a, b) = (seg.span.start.max(ls), seg.span.end.min(le));
        if a >= b {
            continue;
        }
        let c = non_ws(a, b);
        covered += c;
        if best.is_none_or(|(bc, _)| c > bc) {
            best = Some((c, seg.kind));
        }
    }
    (2 * covered >= total)
        .then_some(best.map(|(_, k)| k))
        .flatten()
}

impl fmt::Display for NoiseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "noise removal on {} ({} docs, {} scored lines)",
            self.labels, self.docs, self.lines
        )?;
        writeln!(
            f,
            "  precision {:.3}  recall {:.3}  F1 {:.3}   (gold noise {}, removed {}, correct {})",
            self.precision,
            self.recall,
            self.f1,
            self.gold_removed,
            self.predicted_removed,
            self.true_positives
        )?;
        writeln!(f, "  body lines lost: {}", self.body_lines_lost)?;
        writeln!(
            f,
            "  {:<14} {:>5} {:>8} {:>6} {:>8}",
            "kind", "gold", "removed", "pred", "correct"
        )?;
        for (kind, c) in &self.per_kind {
            writeln!(
                f,
                "  {:<14} {:>5} {:>8} {:>6} {:>8}",
                kind, c.gold, c.gold_removed, c.predicted, c.predicted_correct
            )?;
        }
        Ok(())
    }
}

impl NoiseReport {
    /// A report on `docs` documents labelled in `labels`, with nothing counted yet.
    fn empty(labels: String, docs: usize) -> NoiseReport {
        NoiseReport {
            labels,
            docs,
            lines: 0,
            gold_removed: 0,
            predicted_removed: 0,
            true_positives: 0,
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
            body_lines_lost: 0,
            per_kind: BTreeMap::new(),
            false_removals: Vec::new(),
            missed: Vec::new(),
        }
    }

    /// The summary followed by every false removal and every missed noise line.
    pub fn verbose(&self) -> Verbose<'_> {
        Verbose(self)
    }
}

/// Display adapter for [`NoiseReport::verbose`].
pub struct Verbose<'a>(&'a NoiseReport);

impl fmt::Display for Verbose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        writeln!(f, "body lines lost ({}):", self.0.false_removals.len())?;
        for e in &self.0.false_removals {
            writeln!(
                f,
                "  {}:{} [{}] {}",
                e.path,
                e.line,
                e.predicted.as_deref().unwrap_or("-"),
                e.text
            )?;
        }
        writeln!(f, "noise lines kept ({}):", self.0.missed.len())?;
        for e in &self.0.missed {
            writeln!(f, "  {}:{} [{}] {}", e.path, e.line, e.gold, e.text)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use narrascope_core::Span;

    fn seg(start: usize, end: usize, kind: NoiseKind) -> NoiseSegment {
        NoiseSegment {
            span: Span::new(start, end),
            kind,
        }
    }

    #[test]
    fn hand_computed_example() {
        // Lines (1-based):      bytes
        // 1 "Title"             0..5
        // 2 ""                  6..6
        // 3 "Body one."         7..16
        // 4 "[ad_1]"            17..23   gold ad, removed            -> TP
        // 5 "Read more: X"      24..36   gold related, not removed   -> FN
        // 6 "Body two is long. (Photo by A)" 37..67   gold body; only the credit
        //   (10 of 24 non-ws chars) removed: < 50%          -> TN
        // 7 "Body three.\r"     68..80   gold body, removed  -> FP
        let text =
            "Title\n\nBody one.\n[ad_1]\nRead more: X\nBody two is long. (Photo by A)\nBody three.\r\n";
        let noise = vec![
            seg(17, 23, NoiseKind::Ad),
            seg(55, 67, NoiseKind::Credit),
            seg(68, 79, NoiseKind::Other),
        ];
        assert_eq!(&text[55..67], "(Photo by A)");
        assert_eq!(&text[68..79], "Body three.");
        let labels = vec![
            (1, Gold::Title),
            (3, Gold::Body),
            (4, Gold::Noise(NoiseKind::Ad)),
            (5, Gold::Noise(NoiseKind::RelatedLinks)),
            (6, Gold::Body),
            (7, Gold::Body),
        ];
        let outcomes = score_doc(text, &noise, &labels, "d").unwrap();
        let predicted: Vec<Option<NoiseKind>> = outcomes.iter().map(|o| o.predicted).collect();
        assert_eq!(
            predicted,
            vec![
                None,
                None,
                Some(NoiseKind::Ad),
                None,
                None,
                Some(NoiseKind::Other)
            ]
        );

        let mut report = NoiseReport::empty(String::new(), 1);
        let physical: Vec<&str> = text.split('\n').collect();
        for o in outcomes {
            tally(&mut report, "d", &physical, o);
        }
        // 5 scored lines (title excluded); TP 1, FP 1, FN 1: P = R = 0.5.
        assert_eq!((report.lines, report.true_positives), (5, 1));
        assert_eq!((report.predicted_removed, report.gold_removed), (2, 2));
        assert_eq!(report.body_lines_lost, 1);
        assert_eq!(report.false_removals[0].line, 7);
        assert_eq!(report.missed[0].text, "Read more: X");
        assert_eq!(
            report.per_kind["ad"],
            KindCounts {
                gold: 1,
                gold_removed: 1,
                predicted: 1,
                predicted_correct: 1
            }
        );
        assert_eq!(report.per_kind["other"].predicted_correct, 0);
    }

    #[test]
    fn half_coverage_counts_as_removed() {
        // "ab cd": 4 non-ws chars; covering "ab" is exactly half.
        let text = "ab cd";
        assert_eq!(
            predicted_kind(text, 0, 5, &[seg(0, 2, NoiseKind::Ad)]),
            Some(NoiseKind::Ad)
        );
        assert_eq!(
            predicted_kind(text, 0, 5, &[seg(0, 1, NoiseKind::Ad)]),
            None
        );
    }

    #[test]
    fn labels_parse_and_reject_garbage() {
        let p = Path::new("x.tsv");
        let docs = parse_labels(
            "path\tline\tlabel\na.txt\t1\ttitle\na.txt\t3\tad\nb.txt\t2\tbody\n",
            p,
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].1,
            vec![(1, Gold::Title), (3, Gold::Noise(NoiseKind::Ad))]
        );
        assert!(parse_labels("path\tline\tlabel\na.txt\t1\tnonsense\n", p).is_err());
        assert!(parse_labels("path\tline\tlabel\na.txt\tzero\tbody\n", p).is_err());
        assert!(parse_labels("wrong header\n", p).is_err());
        assert!(matches!(
            score_doc("one\ntwo", &[], &[(5, Gold::Body)], "d"),
            Err(EvalError::LineOutOfRange { lines: 2, .. })
        ));
    }

    /// Runs on the dev labels when the data and labels are present.
    #[test]
    fn dev_labels_when_available() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let labels = root.join("eval/noise/labels-dev.tsv");
        let data = root.join("../shared/data/semeval2025t10");
        if !labels.is_file() || !data.is_dir() {
            eprintln!("skipping: need {} and {}", labels.display(), data.display());
            return;
        }
        let report = evaluate(&labels, &data).expect("dev evaluation runs");
        eprintln!("{report}");
        assert!(report.lines > 0);
        // Removal must stay precise: at most one body line in twenty removed
        // lines may be a false removal.
        assert!(
            report.precision >= 0.95,
            "precision fell to {:.3}",
            report.precision
        );
    }

    /// Development aid, run by hand: prints what the rules remove from the
    /// `devel` pool of `eval/noise/split.tsv` (documents free to read while
    /// writing rules), or from every `.txt` file of `$NOISE_DUMP_DIR` when set.
    /// `cargo test -p narrascope-eval -- --ignored dump_devel --nocapture`
    #[test]
    #[ignore]
    fn dump_devel() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let data = root.join("../shared/data/semeval2025t10");
        let paths: Vec<PathBuf> = match std::env::var_os("NOISE_DUMP_DIR") {
            Some(dir) => {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    return;
                };
                let mut v: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                    .collect();
                v.sort();
                v
            }
            None => {
                let Ok(split) = std::fs::read_to_string(root.join("eval/noise/split.tsv")) else {
                    eprintln!("skipping: no split.tsv");
                    return;
                };
                split
                    .lines()
                    .filter_map(|row| match row.split_once('\t') {
                        Some((path, "devel")) => Some(data.join(path)),
                        _ => None,
                    })
                    .collect()
            }
        };
        let stage = CleanStage::new();
        for path in paths {
            let Ok(raw) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.display().to_string();
            let noise = clean(&stage, &name, raw.clone()).unwrap();
            for seg in &noise {
                let t = seg.span.slice(&raw);
                let line = raw[..seg.span.start].matches('\n').count() + 1;
                println!("{name}:{line}\t{}\t{}", seg.kind, shorten(t, 140));
            }
        }
    }
}
