//! `narrascope semeval predict --subtask 3`: explanations for given dominant narratives,
//! and `narrascope eval semeval --subtask 3`: their ROUGE-L against gold (all logic in
//! `narrascope-explain`).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use narrascope_explain::features::Article;
use narrascope_explain::files::{read_dominant, read_explanations, write_explanations, Explained};
use narrascope_explain::metric::{language_of, score};
use narrascope_explain::{Explainer, MAX_WORDS};
use narrascope_narratives::language::{guess, LANGS};
use narrascope_narratives::semeval::{read_documents, LANGUAGES};
use narrascope_narratives::{split_sentences, Narratives, Taxonomy};
use serde_json::json;

use crate::commands::eval_semeval::Args as EvalArgs;
use crate::commands::semeval::PredictArgs;

/// Writes one explanation per row of `--dominant`, in its order.
pub fn predict(args: &PredictArgs, models: &Narratives) -> anyhow::Result<ExitCode> {
    let dominant_file = args
        .dominant
        .as_ref()
        .context("--subtask 3 needs --dominant FILE (id<TAB>narrative<TAB>sub-narrative)")?;
    let explainer = match &args.explain_model {
        Some(p) => Explainer::load(p)?,
        None => Explainer::embedded()?,
    };
    let rows = read_dominant(dominant_file)?;
    let docs: HashMap<String, String> = read_documents(&args.docs)?.into_iter().collect();
    let tax = Taxonomy::get();
    let mut out = Vec::with_capacity(rows.len());
    let mut unknown = 0usize;
    for r in &rows {
        let text = docs.get(&r.id).with_context(|| {
            format!(
                "{} is in {} but not in {}",
                r.id,
                dominant_file.display(),
                args.docs.display()
            )
        })?;
        let lang = args.lang.clone().or_else(|| {
            let l = language_of(&r.id).to_ascii_uppercase();
            LANGUAGES.contains(&l.as_str()).then_some(l)
        });
        let model = models.model_for(text, lang.as_deref());
        let sentences = split_sentences(text);
        let label = r.label();
        if tax.subnarrative(label).is_none() && tax.narrative(label).is_none() {
            unknown += 1;
        }
        let contributions = model
            .contributions(text, &sentences, label)
            .unwrap_or_default();
        let narrative_contributions = if r.subnarrative.is_some() {
            model
                .contributions(text, &sentences, &r.narrative)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let lang = lang.unwrap_or_else(|| LANGS[guess(text)].to_string());
        let a = Article {
            text,
            sentences: &sentences,
            label,
            lang: &lang,
            contributions: &contributions,
            narrative_contributions: &narrative_contributions,
        };
        // An article without a usable sentence gets its first words.
        let text = explainer
            .explain(&a)
            .map(|e| e.text)
            .unwrap_or_else(|| narrascope_explain::compress::trim_words(text, MAX_WORDS));
        out.push(Explained {
            id: r.id.clone(),
            text,
        });
    }
    let file =
        File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut w = BufWriter::new(file);
    write_explanations(&mut w, &out)?;
    w.flush()?;
    if unknown > 0 {
        eprintln!("{unknown} rows name a label outside the taxonomy (explained without the narrative model)");
    }
    eprintln!("{} rows written to {}", out.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Scores a subtask-3 prediction file against gold, pairing by id.
pub fn eval(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let gold = read_explanations(&args.gold)?;
    let pred = read_explanations(&args.pred)?;
    let r = score(&gold, &pred);
    let text = if args.json {
        serde_json::to_string_pretty(&json!({
            "documents": r.documents,
            "rouge_l_f1": r.f1,
            "rouge_l_precision": r.precision,
            "rouge_l_recall": r.recall,
            "per_language": r.per_language,
            "mean_words": r.mean_words,
            "over_80_words": r.over_limit,
            "missing_predictions": r.missing,
            "extra_predictions": r.extra,
            "note": "ROUGE-L, not the official BERTScore-F1 (bert-base-multilingual-cased is not available offline)",
        }))? + "\n"
    } else {
        let mut t = format!(
            "documents {}\nROUGE-L F1 {:.4} (std {:.4} over documents)  P {:.4}  R {:.4}\n",
            r.documents, r.f1.mean, r.f1.std, r.precision, r.recall
        );
        for (l, m) in &r.per_language {
            t.push_str(&format!("  {l:<3} {:.4} (std {:.4})\n", m.mean, m.std));
        }
        t.push_str(&format!(
            "mean length {:.1} words; {} over 80 words\n",
            r.mean_words, r.over_limit
        ));
        if !r.missing.is_empty() {
            t.push_str(&format!(
                "{} gold documents without a prediction (scored 0)\n",
                r.missing.len()
            ));
        }
        if !r.extra.is_empty() {
            t.push_str(&format!(
                "{} predicted documents not in gold (ignored)\n",
                r.extra.len()
            ));
        }
        t.push_str("(the official metric is BERTScore-F1 with bert-base-multilingual-cased, not available offline)\n");
        t
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}
