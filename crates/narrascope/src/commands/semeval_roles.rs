//! SemEval-2025 Task 10 subtask 1 (entity framing): `semeval predict --subtask 1` and
//! `eval semeval --subtask 1` (all logic in `narrascope-roles`).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use narrascope_roles::cv::predicted_row;
use narrascope_roles::features::DocContext;
use narrascope_roles::scorer::score;
use narrascope_roles::semeval::{align, read_documents, read_rows, write_rows};
use narrascope_roles::{occurrences, RoleModel};
use serde_json::json;

use super::eval_semeval::Args as EvalArgs;
use super::semeval::PredictArgs;

/// Roles of every row of `--mentions`, written in input order in the official format.
pub fn predict(args: &PredictArgs) -> anyhow::Result<ExitCode> {
    let mentions = args
        .mentions
        .as_ref()
        .context("subtask 1 needs --mentions FILE (id, mention, start, end per row)")?;
    let model = match &args.roles_model {
        Some(p) => RoleModel::load(p)?,
        None => RoleModel::embedded()?,
    };
    let rows = read_rows(mentions)?;
    let docs = read_documents(&args.docs)?;
    let start = Instant::now();
    let mut contexts: HashMap<&str, DocContext> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let text = docs.get(&row.id).with_context(|| {
            format!(
                "{}:{}: document {} not in {}",
                mentions.display(),
                i + 1,
                row.id,
                args.docs.display()
            )
        })?;
        let ctx = contexts
            .entry(row.id.as_str())
            .or_insert_with(|| DocContext::new(text, &[]));
        let span = align(text, &row.mention, row.start, row.end);
        let others = occurrences(text, span.slice(text));
        out.push(predicted_row(row, &model.predict(ctx, span, &others)));
    }
    let secs = start.elapsed().as_secs_f64();
    let file =
        File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut w = BufWriter::new(file);
    write_rows(&mut w, &out)?;
    w.flush()?;
    eprintln!(
        "{} rows ({} documents) written to {} in {secs:.2} s ({:.0} mentions/s)",
        out.len(),
        contexts.len(),
        args.out.display(),
        out.len() as f64 / secs.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

/// Exact-match ratio, main-role accuracy and micro P/R/F1 of a prediction file, rows
/// paired by (id, mention, start, end).
pub fn eval(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let gold = read_rows(&args.gold)?;
    let pred = read_rows(&args.pred)?;
    if let Some(r) = gold.iter().find(|r| r.main.is_none()) {
        anyhow::bail!(
            "{}: row for {} {:?} has no roles: not a gold file",
            args.gold.display(),
            r.id,
            r.mention
        );
    }
    let s = score(&gold, &pred);
    let text = if args.json {
        serde_json::to_string_pretty(&json!({
            "mentions": s.mentions,
            "exact_match_ratio": s.exact_match,
            "main_role_accuracy": s.main_accuracy,
            "micro_precision": s.micro_precision,
            "micro_recall": s.micro_recall,
            "micro_f1": s.micro_f1,
            "missing_predictions": s.missing,
            "extra_predictions": s.extra,
        }))? + "\n"
    } else {
        format!(
            "mentions {}\nexact-match ratio  {:.4}\nmain-role accuracy {:.4}\nmicro P/R/F1       {:.4} {:.4} {:.4}\nmissing predictions {}, extra predictions {}\n",
            s.mentions,
            s.exact_match,
            s.main_accuracy,
            s.micro_precision,
            s.micro_recall,
            s.micro_f1,
            s.missing,
            s.extra
        )
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
