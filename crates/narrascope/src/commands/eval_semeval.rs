//! `narrascope eval semeval`: F1-samples of a subtask-2 prediction file, documents
//! paired by id (the official script pairs rows by order).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use narrascope_narratives::scorer::score;
use narrascope_narratives::semeval::read_annotations;
use serde_json::json;

/// Arguments of `narrascope eval semeval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The subtask: 1 (exact-match ratio and main-role accuracy of entity roles), 2
    /// (F1-samples) or 3 (ROUGE-L F1 of explanations).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub subtask: u8,
    /// Gold annotations (`id<TAB>narratives<TAB>sub-narratives`; subtask 3: the
    /// 4-field gold file or `id<TAB>explanation`).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Predictions in the same format.
    #[arg(long, value_name = "FILE")]
    pub pred: PathBuf,
    /// Score the fine level over all 96 sub-narratives instead of the official 91.
    #[arg(long)]
    pub complete: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Scores and prints.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.subtask == 1 {
        return crate::commands::semeval_roles::eval(args);
    }
    if args.subtask == 3 {
        return crate::commands::semeval_explain::eval(args);
    }
    if args.subtask != 2 {
        anyhow::bail!(
            "subtask {} is not implemented (only 1, 2 and 3)",
            args.subtask
        );
    }
    let gold = read_annotations(&args.gold)?;
    let pred = read_annotations(&args.pred)?;
    let s = score(&gold, &pred, args.complete);
    let text = if args.json {
        serde_json::to_string_pretty(&json!({
            "documents": s.documents,
            "f1_samples_coarse": {"mean": s.coarse.mean, "std": s.coarse.std},
            "f1_samples_fine": {"mean": s.fine.mean, "std": s.fine.std},
            "fine_classes": if args.complete { 96 } else { 91 },
            "missing_predictions": s.missing,
            "extra_predictions": s.extra,
        }))? + "\n"
    } else {
        let mut t = format!(
            "documents {}\nF1-samples coarse {:.4} (std {:.4})\nF1-samples fine   {:.4} (std {:.4})  [{} classes]\n",
            s.documents,
            s.coarse.mean,
            s.coarse.std,
            s.fine.mean,
            s.fine.std,
            if args.complete { 96 } else { 91 }
        );
        if !s.missing.is_empty() {
            t.push_str(&format!(
                "{} gold documents without a prediction (scored 0)\n",
                s.missing.len()
            ));
        }
        if !s.extra.is_empty() {
            t.push_str(&format!(
                "{} predicted documents not in gold (ignored)\n",
                s.extra.len()
            ));
        }
        t
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}
