//! `narrascope semeval predict --subtask 1` writes every mention row in input order with
//! valid roles, and `narrascope eval semeval --subtask 1` scores by mention key.

mod common;

use common::{bin, run_ok};

const WAR: &str = "Russian missiles hit Kyiv\n\nRussian forces under Vladimir Putin fired \
missiles at a hospital in Kyiv, killing civilians. Ukrainian rescuers pulled children \
from the rubble.";
const CLIMATE: &str = "Activists block motorway\n\nJust Stop Oil activists blocked the \
motorway again, and Bill Gates flew to a climate summit on his private jet.";

/// A mention row: character offsets, end inclusive, as the task files give them.
fn row(id: &str, text: &str, mention: &str) -> String {
    let b = text.find(mention).unwrap();
    let start = text[..b].chars().count();
    format!(
        "{id}\t{mention}\t{start}\t{}",
        start + mention.chars().count() - 1
    )
}

#[test]
fn predict_in_input_order_then_eval_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("w.txt"), WAR).unwrap();
    std::fs::write(docs.join("c.txt"), CLIMATE).unwrap();
    let keys = [
        row("w.txt", WAR, "Vladimir Putin"),
        row("c.txt", CLIMATE, "Bill Gates"),
        row("w.txt", WAR, "Kyiv"),
        row("c.txt", CLIMATE, "Just Stop Oil"),
    ];
    let mentions = dir.path().join("mentions.txt");
    std::fs::write(&mentions, keys.join("\r\n") + "\r\n").unwrap();
    let pred = dir.path().join("pred.txt");
    run_ok(
        bin()
            .args(["semeval", "predict", "--subtask", "1", "--docs"])
            .arg(&docs)
            .arg("--mentions")
            .arg(&mentions)
            .arg("--out")
            .arg(&pred),
    );
    let text = std::fs::read_to_string(&pred).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4);
    for (r, k) in rows.iter().zip(&keys) {
        assert_eq!(r[..4].join("\t"), *k, "rows keep the input order and keys");
        assert!(
            ["Protagonist", "Antagonist", "Innocent"].contains(&r[4]),
            "{r:?}"
        );
        assert!((6..=8).contains(&r.len()), "one to three fine roles: {r:?}");
    }

    // Predictions scored against themselves, in another order: perfect.
    let shuffled = dir.path().join("gold.txt");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    std::fs::write(&shuffled, lines.join("\n") + "\n").unwrap();
    let eval = |gold: &std::path::Path| {
        let out = run_ok(
            bin()
                .args(["eval", "semeval", "--subtask", "1", "--json", "--gold"])
                .arg(gold)
                .arg("--pred")
                .arg(&pred),
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let s = eval(&shuffled);
    assert_eq!(s["exact_match_ratio"], 1.0);
    assert_eq!(s["main_role_accuracy"], 1.0);
    // Change one gold main role and one gold fine-role set.
    let mut changed: Vec<String> = text.lines().map(String::from).collect();
    let other = |m: &str| {
        if m == "Innocent" {
            "Antagonist\tSpy"
        } else {
            "Innocent\tVictim"
        }
    };
    for l in changed.iter_mut().take(2) {
        let f: Vec<&str> = l.split('\t').collect();
        *l = format!("{}\t{}", f[..4].join("\t"), other(f[4]));
    }
    let gold = dir.path().join("gold2.txt");
    std::fs::write(&gold, changed.join("\n") + "\n").unwrap();
    let s = eval(&gold);
    assert_eq!(s["exact_match_ratio"], 0.5);
    assert_eq!(s["main_role_accuracy"], 0.5);

    // Subtask 1 without mentions is refused.
    let out = bin()
        .args(["semeval", "predict", "--subtask", "1", "--docs"])
        .arg(&docs)
        .arg("--out")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--mentions"));
}
