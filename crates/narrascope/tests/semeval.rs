//! `narrascope semeval predict` writes the official subtask-2 format in the requested
//! order, and `narrascope eval semeval` scores it by id.

mod common;

use common::{bin, run_ok};

const CLIMATE: &str = "Green taxes punish families\n\nThe climate policy of the government \
raises energy bills while wind turbines stand idle and electric cars stay unaffordable. \
Critics say net zero is a costly fantasy pushed by alarmist activists.";
const WAR: &str = "NATO prolongs the war\n\nWestern weapons deliveries to the Kyiv regime only \
prolong the conflict, Moscow said, while sanctions hurt European citizens more than Russia.";
const CAKE: &str = "Village bakes giant cake\n\nBakers in a small village produced a cake \
weighing two tonnes for the annual harvest festival on Sunday.";

#[test]
fn predict_then_eval_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for (name, text) in [
        ("a_cc.txt", CLIMATE),
        ("b_war.txt", WAR),
        ("c_cake.txt", CAKE),
    ] {
        std::fs::write(docs.join(name), text).unwrap();
    }
    // Gold in a different order than the file names: predictions must follow it.
    let gold = dir.path().join("gold.txt");
    std::fs::write(
        &gold,
        "c_cake.txt\tOther\tOther\r\nb_war.txt\tURW: Discrediting the West, Diplomacy\tURW: Discrediting the West, Diplomacy: Other\r\na_cc.txt\tCC: Criticism of climate policies\tCC: Criticism of climate policies: Other\r\n",
    )
    .unwrap();
    let pred = dir.path().join("pred.txt");
    run_ok(
        bin()
            .args(["semeval", "predict", "--subtask", "2", "--docs"])
            .arg(&docs)
            .arg("--out")
            .arg(&pred)
            .arg("--order")
            .arg(&gold),
    );
    let text = std::fs::read_to_string(&pred).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["c_cake.txt", "b_war.txt", "a_cc.txt"]);
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 3, "{line}");
    }
    let cc_row = text.lines().find(|l| l.starts_with("a_cc.txt")).unwrap();
    assert!(
        cc_row.split('\t').nth(1).unwrap().starts_with("CC: "),
        "{cc_row}"
    );

    let out = run_ok(
        bin()
            .args(["eval", "semeval", "--subtask", "2", "--json", "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 3);
    let coarse = v["f1_samples_coarse"]["mean"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&coarse));
}

#[test]
fn other_subtasks_are_refused() {
    let out = bin()
        .args([
            "semeval",
            "predict",
            "--subtask",
            "1",
            "--docs",
            ".",
            "--out",
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("subtask 1"));
}
