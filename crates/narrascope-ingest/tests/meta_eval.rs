//! Evaluation of the metadata detectors on the SemEval-2025 Task 10 data.
//!
//! * `outlet_and_date`: reads `eval/meta/labels-dev.tsv` (`path\toutlet\tdate`, an
//!   empty cell when the text does not state it), runs the cleaner and the detectors
//!   on each document, and prints outlet and date precision (correct / predicted) and
//!   recall (correct / stated in gold). `META_EVAL_SPLIT=test` evaluates
//!   `labels-test.tsv` instead (run once, for the reported number);
//!   `META_EVAL_VERBOSE=1` lists every disagreement; `META_EVAL_LABELS=FILE` reads
//!   another label file (a file with empty cells lists every prediction). Outlet names match after
//!   `canonical_outlet` and `outlet_key` (see `eval/meta/README.md`).
//! * `language_accuracy`: identifies the language of every raw training document in
//!   `train/{EN,BG,HI,PT,RU}/raw-documents/` (the folder is the gold language) and
//!   prints accuracy per language and documents per second.
//!
//! Both skip (pass with a note) when the labels or the data are not present. The data
//! directory is `$NARRASCOPE_DATA`, else `../shared/data/semeval2025t10` next to the
//! repository.
//!
//! ```text
//! cargo test -p narrascope-ingest --test meta_eval -- --nocapture
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Stage};
use narrascope_ingest::meta::{
    canonical_outlet, detect_date, detect_outlet, outlet_key, LanguageDetector,
};
use narrascope_ingest::CleanStage;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NARRASCOPE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/data/semeval2025t10"));
    dir.is_dir().then_some(dir)
}

/// Outlet names are equal when their canonical spellings have the same key.
fn same_outlet(a: &str, b: &str) -> bool {
    outlet_key(&canonical_outlet(a)) == outlet_key(&canonical_outlet(b))
}

#[derive(Default)]
struct Counts {
    predicted: usize,
    gold: usize,
    correct: usize,
}

impl Counts {
    fn add(&mut self, gold: &str, pred: Option<&str>, same: impl Fn(&str, &str) -> bool) -> bool {
        let gold = gold.trim();
        if !gold.is_empty() {
            self.gold += 1;
        }
        let Some(pred) = pred else {
            return gold.is_empty();
        };
        self.predicted += 1;
        let ok = !gold.is_empty() && same(gold, pred);
        if ok {
            self.correct += 1;
        }
        ok
    }

    fn report(&self, what: &str) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        format!(
            "{what}: precision {:.3} ({}/{}), recall {:.3} ({}/{})",
            ratio(self.correct, self.predicted),
            self.correct,
            self.predicted,
            ratio(self.correct, self.gold),
            self.correct,
            self.gold
        )
    }
}

fn document(path: &Path, raw: String) -> Document {
    let article = Article {
        id: path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        path: path.display().to_string(),
        format: SourceFormat::Text,
        raw,
        given: GivenMeta::default(),
    };
    Document::from_text(article)
}

#[test]
fn outlet_and_date() {
    let split = std::env::var("META_EVAL_SPLIT").unwrap_or_else(|_| "dev".into());
    let verbose = std::env::var_os("META_EVAL_VERBOSE").is_some();
    let labels = std::env::var_os("META_EVAL_LABELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(format!("eval/meta/labels-{split}.tsv")));
    let (Some(data), Ok(tsv)) = (data_dir(), std::fs::read_to_string(&labels)) else {
        eprintln!(
            "meta_eval: skipped ({} or the data directory is missing)",
            labels.display()
        );
        return;
    };
    let clean = CleanStage::new();
    let (mut outlet, mut date) = (Counts::default(), Counts::default());
    let mut docs = 0;
    for row in tsv.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.is_empty() || cols[0] == "path" || cols[0].trim().is_empty() {
            continue;
        }
        let path = data.join(cols[0]);
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("meta_eval: cannot read {}", path.display());
            continue;
        };
        let mut doc = document(&path, raw);
        if clean.run(&mut doc).is_err() {
            doc.title = None;
            doc.noise.clear();
        }
        docs += 1;
        let o = detect_outlet(&doc.text, doc.title, &doc.noise, None);
        let d = detect_date(&doc.text, doc.title, &doc.noise);
        let (gold_o, gold_d) = (
            cols.get(1).copied().unwrap_or(""),
            cols.get(2).copied().unwrap_or(""),
        );
        let ok_o = outlet.add(gold_o, o.as_ref().map(|v| v.value.as_str()), same_outlet);
        let ok_d = date.add(gold_d, d.as_ref().map(|v| v.value.as_str()), |a, b| {
            a.trim() == b
        });
        if verbose && !(ok_o && ok_d) {
            let ev = |v: &Option<narrascope_core::MetaValue>| {
                v.as_ref()
                    .and_then(|v| v.evidence)
                    .map_or(String::new(), |s| doc.slice(s).chars().take(80).collect())
            };
            eprintln!(
                "{}\n  outlet gold={gold_o:?} got={:?} [{}]\n  date gold={gold_d:?} got={:?} [{}]",
                cols[0],
                o.as_ref().map(|v| &v.value),
                ev(&o),
                d.as_ref().map(|v| &v.value),
                ev(&d)
            );
        }
    }
    eprintln!("meta_eval ({split}, {docs} documents)");
    eprintln!("  {}", outlet.report("outlet"));
    eprintln!("  {}", date.report("date"));
}

#[test]
fn language_accuracy() {
    let Some(data) = data_dir() else {
        eprintln!("language_accuracy: skipped (no data directory)");
        return;
    };
    let detector = LanguageDetector::new();
    let mut total = (0usize, 0usize);
    let mut seconds = 0.0;
    for (dir, code) in [
        ("EN", "en"),
        ("BG", "bg"),
        ("HI", "hi"),
        ("PT", "pt"),
        ("RU", "ru"),
    ] {
        let Ok(entries) = std::fs::read_dir(data.join("train").join(dir).join("raw-documents"))
        else {
            continue;
        };
        let mut texts = Vec::new();
        for e in entries.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push((e.path(), t));
            }
        }
        let start = Instant::now();
        let mut ok = 0;
        for (path, t) in &texts {
            let got = detector.detect(t).map(|v| v.value);
            if got.as_deref() == Some(code) {
                ok += 1;
            } else {
                eprintln!("  {code} misread as {got:?}: {}", path.display());
            }
        }
        seconds += start.elapsed().as_secs_f64();
        eprintln!(
            "language {code}: {ok}/{} = {:.4}",
            texts.len(),
            ok as f64 / texts.len().max(1) as f64
        );
        total.0 += ok;
        total.1 += texts.len();
    }
    if total.1 == 0 {
        return;
    }
    eprintln!(
        "language all: {}/{} = {:.4}, {:.0} docs/s",
        total.0,
        total.1,
        total.0 as f64 / total.1 as f64,
        total.1 as f64 / seconds
    );
    assert!(
        total.0 as f64 >= 0.98 * total.1 as f64,
        "language accuracy regressed"
    );
}
