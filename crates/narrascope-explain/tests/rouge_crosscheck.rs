//! Cross-checks our ROUGE-L against the PyPI `rouge-score` package (rougeL, no
//! stemming) on generated English pairs. Runs where a Python with `rouge_score` is
//! found (`NARRASCOPE_PYTHON`, else `bench/explain/.venv`, else `python3`; set it up
//! with `bench/explain/setup.sh`) and skips with a message otherwise.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use narrascope_explain::rouge::rouge_l;

fn python() -> Option<PathBuf> {
    let venv =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/explain/.venv/bin/python");
    let candidates: Vec<PathBuf> = std::env::var_os("NARRASCOPE_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([venv, PathBuf::from("python3")])
        .collect();
    candidates.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import rouge_score.rouge_scorer"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Deterministic pseudo-random sentences over a small vocabulary, with punctuation,
/// digits and case changes, so that LCS lengths vary.
fn pairs() -> Vec<(String, String)> {
    const WORDS: &[&str] = &[
        "the",
        "text",
        "Accuses",
        "climate",
        "activists",
        "of",
        "hypocrisy,",
        "Russia",
        "NATO's",
        "war",
        "(allegedly)",
        "2024",
        "fears",
        "U.S.",
        "policy",
        "is",
        "costly.",
        "and",
        "a",
        "-",
        "West",
        "\"sanctions\"",
        "green-energy",
        "ukraine",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..300)
        .map(|_| {
            let mut s = || {
                let len = 1 + next(30);
                (0..len)
                    .map(|_| WORDS[next(WORDS.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (s(), s())
        })
        .chain([
            ("".to_string(), "a b".to_string()),
            ("... !".to_string(), "a b".to_string()),
            (
                "Same words here".to_string(),
                "same, WORDS: here!".to_string(),
            ),
        ])
        .collect()
}

#[test]
fn matches_the_rouge_score_package_on_english() {
    let Some(py) = python() else {
        eprintln!(
            "skipped: no Python with the rouge-score package (run bench/explain/setup.sh or set NARRASCOPE_PYTHON)"
        );
        return;
    };
    let pairs = pairs();
    let script = r#"
import json, sys
from rouge_score import rouge_scorer
sc = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
for line in sys.stdin:
    c, r = json.loads(line)
    s = sc.score(r, c)["rougeL"]
    print(json.dumps([s.precision, s.recall, s.fmeasure]))
"#;
    let mut child = Command::new(&py)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start python");
    {
        let mut stdin = child.stdin.take().unwrap();
        for (c, r) in &pairs {
            writeln!(stdin, "{}", serde_json::to_string(&(c, r)).unwrap()).unwrap();
        }
    }
    let out = child.wait_with_output().expect("python output");
    assert!(out.status.success(), "python failed");
    let lines: Vec<[f64; 3]> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), pairs.len());
    let mut nonzero = 0;
    for ((c, r), [p, rec, f]) in pairs.iter().zip(lines) {
        let s = rouge_l(c, r);
        assert!(
            (s.precision - p).abs() < 1e-12
                && (s.recall - rec).abs() < 1e-12
                && (s.f1 - f).abs() < 1e-12,
            "{c:?} vs {r:?}: ours {s:?}, rouge-score P {p} R {rec} F {f}"
        );
        nonzero += (f > 0.0) as usize;
    }
    assert!(
        nonzero > 200,
        "too few overlapping pairs to be a check: {nonzero}"
    );
}
