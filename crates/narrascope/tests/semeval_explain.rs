//! `narrascope semeval predict --subtask 3` writes one explanation per input row, in the
//! input's order, made of the article's own sentences and at most 80 words; `narrascope
//! eval semeval --subtask 3` scores explanations by id with ROUGE-L.

use std::collections::HashSet;
use std::path::Path;
mod common;

use common::{bin, run_ok};

const CLIMATE: &str = "Green taxes punish families\n\nThe climate policy of the government \
raises energy bills while wind turbines stand idle and electric cars stay unaffordable. \
Critics say net zero is a costly fantasy pushed by alarmist activists. The minister \
(who flew to the summit) did not answer questions about the cost.";
const WAR: &str = "NATO prolongs the war\n\nWestern weapons deliveries to the Kyiv regime only \
prolong the conflict, Moscow said, while sanctions hurt European citizens more than Russia.";

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn predict_in_input_order_then_eval_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("EN_a.txt"), CLIMATE).unwrap();
    std::fs::write(docs.join("EN_b.txt"), WAR).unwrap();
    let dominant = dir.path().join("dominant.txt");
    std::fs::write(
        &dominant,
        "EN_b.txt\tURW: Discrediting the West, Diplomacy\tnone\r\n\
         EN_a.txt\tCC: Criticism of climate policies\tCC: Criticism of climate policies: Climate policies have negative impact on the economy\r\n",
    )
    .unwrap();
    let pred = dir.path().join("pred.txt");
    run_ok(
        bin()
            .args(["semeval", "predict", "--subtask", "3", "--docs"])
            .arg(&docs)
            .arg("--dominant")
            .arg(&dominant)
            .arg("--out")
            .arg(&pred),
    );
    let text = std::fs::read_to_string(&pred).unwrap();
    let rows: Vec<(&str, &str)> = text
        .lines()
        .map(|l| l.split_once('\t').expect("id<TAB>explanation"))
        .collect();
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        ["EN_b.txt", "EN_a.txt"]
    );
    for ((id, expl), source) in rows.iter().zip([WAR, CLIMATE]) {
        let n = expl.split_whitespace().count();
        assert!((5..=80).contains(&n), "{id}: {n} words: {expl}");
        // Most of the words come from the article (the rest is the short lead-in).
        let src = words(source);
        let w = words(expl);
        let own = w.iter().filter(|x| src.contains(*x)).count();
        assert!(own * 2 > w.len(), "{id}: {expl}");
    }

    // Scoring: our own predictions against themselves score 1; a missing row scores 0.
    let gold = dir.path().join("gold.txt");
    std::fs::write(
        &gold,
        format!(
            "{}EN_c.txt\tCC: X\tnone\tSomething else.\n",
            text.replace(
                "EN_b.txt\t",
                "EN_b.txt\tURW: Discrediting the West, Diplomacy\tnone\t",
            )
            .replace(
                "EN_a.txt\t",
                "EN_a.txt\tCC: Criticism of climate policies\tnone\t"
            )
        ),
    )
    .unwrap();
    let out = run_ok(
        bin()
            .args(["eval", "semeval", "--subtask", "3", "--json", "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 3);
    let f1 = v["rouge_l_f1"]["mean"].as_f64().unwrap();
    assert!((f1 - 2.0 / 3.0).abs() < 1e-9, "{v}");
    assert_eq!(v["missing_predictions"][0], "EN_c.txt");
}

#[test]
fn russian_ids_get_the_russian_lead_in() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("RU-URW-1.txt"),
        "Запад продлевает войну\n\nЗападные поставки оружия Киеву только затягивают \
         конфликт, заявили в Москве. Санкции бьют по европейцам сильнее, чем по России.",
    )
    .unwrap();
    let dominant = dir.path().join("d.txt");
    std::fs::write(
        &dominant,
        "RU-URW-1.txt\tURW: Blaming the war on others rather than the invader\tnone\n",
    )
    .unwrap();
    let pred = dir.path().join("p.txt");
    run_ok(
        bin()
            .args(["semeval", "predict", "--subtask", "3", "--docs"])
            .arg(dir.path())
            .arg("--dominant")
            .arg(&dominant)
            .arg("--out")
            .arg(&pred),
    );
    let text = std::fs::read_to_string(&pred).unwrap();
    assert!(
        text.starts_with("RU-URW-1.txt\tВ статье говорится, что "),
        "{text}"
    );
}

#[test]
fn subtask_3_needs_the_dominant_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["semeval", "predict", "--subtask", "3", "--docs"])
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("p.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dominant"));
}

/// On the English training release (skipped when `../shared` is absent): the shipped
/// settings reach the ROUGE-L measured by cross-validation (0.20 ± 0.01 over folds).
#[test]
fn english_train_rouge_is_in_the_cross_validated_range() {
    let root =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/semeval2025t10/train/EN");
    if !root.exists() {
        eprintln!("skipped: {} not found", root.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.txt");
    let gold = root.join("subtask-3-annotations.txt");
    run_ok(
        bin()
            .args(["semeval", "predict", "--subtask", "3", "--docs"])
            .arg(root.join("raw-documents"))
            .arg("--dominant")
            .arg(&gold)
            .arg("--out")
            .arg(&pred),
    );
    let out = run_ok(
        bin()
            .args(["eval", "semeval", "--subtask", "3", "--json", "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = v["rouge_l_f1"]["mean"].as_f64().unwrap();
    assert!((0.17..0.24).contains(&f1), "{v}");
    assert_eq!(v["over_80_words"], 0);
    assert_eq!(v["missing_predictions"].as_array().unwrap().len(), 0);
}
