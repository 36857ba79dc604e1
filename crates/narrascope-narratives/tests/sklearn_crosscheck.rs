//! Cross-checks our F1-samples against an independent implementation: scikit-learn's
//! `f1_score(average="samples", zero_division=0)` on the same one-hot matrices. Skips
//! (with a message) where Python with scikit-learn is not available; uses
//! `bench/.venv/bin/python` when present.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use narrascope_narratives::scorer::score;
use narrascope_narratives::semeval::Annotation;
use narrascope_narratives::Taxonomy;

fn python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/.venv/bin/python");
    let candidates = [venv, PathBuf::from("python3")];
    candidates.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import sklearn"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A deterministic mix of exact hits, partial overlaps, misses, "Other" documents and
/// labels outside the official class list.
fn sample() -> (Vec<Annotation>, Vec<Annotation>) {
    let t = Taxonomy::get();
    let mut state = 12345u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % n as u64) as usize
    };
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for i in 0..300 {
        let row = |k: usize, next: &mut dyn FnMut(usize) -> usize| {
            if k == 0 {
                return (vec!["Other".to_string()], vec!["Other".to_string()]);
            }
            let subs: Vec<String> = (0..k)
                .map(|_| {
                    t.subnarratives[next(t.subnarratives.len())]
                        .name
                        .to_string()
                })
                .collect();
            let narrs = subs
                .iter()
                .map(|s| {
                    t.narratives[t.subnarratives[t.subnarrative(s).unwrap()].parent.unwrap()]
                        .name
                        .to_string()
                })
                .collect();
            (narrs, subs)
        };
        let (gn, gs) = row(next(4), &mut next);
        let (pn, ps) = if next(3) == 0 {
            (gn.clone(), gs.clone())
        } else {
            let (mut a, mut b) = row(next(4), &mut next);
            if next(2) == 0 {
                a.extend(gn.iter().take(1).cloned());
                b.extend(gs.iter().take(1).cloned());
            }
            (a, b)
        };
        let id = format!("d{i}.txt");
        gold.push(Annotation {
            id: id.clone(),
            narratives: gn,
            subnarratives: gs,
        });
        pred.push(Annotation {
            id,
            narratives: pn,
            subnarratives: ps,
        });
    }
    // Our scorer pairs by id: shuffle the prediction order to prove it.
    pred.reverse();
    (gold, pred)
}

fn onehot(classes: &[&str], rows: &[Annotation], fine: bool, order: &[&str]) -> String {
    let mut out = String::new();
    for id in order {
        let a = rows.iter().find(|a| a.id == *id).unwrap();
        let labels = if fine {
            &a.subnarratives
        } else {
            &a.narratives
        };
        let v: Vec<&str> = classes
            .iter()
            .map(|c| {
                if labels.iter().any(|l| l == c) {
                    "1"
                } else {
                    "0"
                }
            })
            .collect();
        out.push_str(&v.join(" "));
        out.push('\n');
    }
    out
}

#[test]
fn f1_samples_matches_sklearn() {
    let Some(py) = python() else {
        eprintln!("SKIPPED: no Python with scikit-learn (python3 -m venv bench/.venv && bench/.venv/bin/pip install scikit-learn)");
        return;
    };
    let (gold, pred) = sample();
    let t = Taxonomy::get();
    let order: Vec<&str> = gold.iter().map(|a| a.id.as_str()).collect();
    let dir = tempfile::tempdir().unwrap();
    for (fine, complete) in [(false, false), (true, false), (true, true)] {
        let classes = if fine {
            t.fine_classes(complete)
        } else {
            t.coarse_classes()
        };
        let g = dir.path().join("g.txt");
        let p = dir.path().join("p.txt");
        std::fs::File::create(&g)
            .unwrap()
            .write_all(onehot(&classes, &gold, fine, &order).as_bytes())
            .unwrap();
        std::fs::File::create(&p)
            .unwrap()
            .write_all(onehot(&classes, &pred, fine, &order).as_bytes())
            .unwrap();
        let code = format!(
            "import numpy as np; from sklearn.metrics import f1_score; \
             g=np.loadtxt('{}', ndmin=2); p=np.loadtxt('{}', ndmin=2); \
             print(repr(f1_score(g, p, average='samples', zero_division=0)))",
            g.display(),
            p.display()
        );
        let out = Command::new(&py).args(["-c", &code]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        let s = score(&gold, &pred, complete);
        let ours = if fine { s.fine.mean } else { s.coarse.mean };
        assert!(
            (ours - theirs).abs() < 1e-12,
            "fine={fine} complete={complete}: ours {ours} sklearn {theirs}"
        );
        assert!(
            ours > 0.05 && ours < 0.95,
            "the sample should not be trivial: {ours}"
        );
    }
}
