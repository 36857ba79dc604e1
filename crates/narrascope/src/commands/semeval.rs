//! `narrascope semeval predict`: SemEval-2025 Task 10 prediction files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_narratives::semeval::{read_annotations, read_documents, write_annotations};
use narrascope_narratives::{NarrativeModel, Narratives};

/// SemEval subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Label a folder of task documents and write the official prediction file.
    Predict(PredictArgs),
}

/// Arguments of `narrascope semeval predict`.
#[derive(Debug, clap::Args)]
pub struct PredictArgs {
    /// The subtask: 1 (entity roles; needs --mentions), 2 (narrative
    /// classification) or 3 (explanations; needs --dominant).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub subtask: u8,
    /// Subtask 3: the official input file (`id<TAB>dominant narrative<TAB>dominant
    /// sub-narrative`); rows are written in its order as `id<TAB>explanation`.
    #[arg(long, value_name = "FILE")]
    pub dominant: Option<PathBuf>,
    /// Subtask 3: use this explanation model instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub explain_model: Option<PathBuf>,
    /// Subtask 1: the entity mentions to label (`id<TAB>mention<TAB>start<TAB>end`
    /// rows); rows are written in its order with their main and fine roles.
    #[arg(long, value_name = "FILE")]
    pub mentions: Option<PathBuf>,
    /// Subtask 1: use this role model instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub roles_model: Option<PathBuf>,
    /// Folder of `.txt` documents (title on line 1).
    #[arg(long, value_name = "DIR")]
    pub docs: PathBuf,
    /// Where to write `id<TAB>narratives<TAB>sub-narratives` rows (subtask 3:
    /// `id<TAB>explanation`).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Write rows in the order of this file's ids (a gold or template file: the
    /// official scorer pairs rows by order) instead of file-name order.
    #[arg(long, value_name = "FILE")]
    pub order: Option<PathBuf>,
    /// Use this one model file for every document instead of the embedded models.
    #[arg(long, value_name = "FILE", conflicts_with = "models")]
    pub model: Option<PathBuf>,
    /// Use the `<lang>.bin` models of this folder instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// The documents' language (EN, BG, HI, PT, RU) [default: guessed per document].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// Runs a SemEval subcommand.
pub fn run(cmd: &Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Predict(args) => predict(args),
    }
}

fn predict(args: &PredictArgs) -> anyhow::Result<ExitCode> {
    if args.subtask == 1 {
        return crate::commands::semeval_roles::predict(args);
    }
    if args.subtask != 2 && args.subtask != 3 {
        anyhow::bail!(
            "subtask {} is not implemented (only 1, 2 and 3)",
            args.subtask
        );
    }
    let models = match (&args.model, &args.models) {
        (Some(p), _) => Narratives::single(NarrativeModel::load(p)?),
        (None, Some(dir)) => Narratives::load_dir(dir)?,
        (None, None) => Narratives::embedded()?,
    };
    if args.subtask == 3 {
        return crate::commands::semeval_explain::predict(args, &models);
    }
    let mut docs = read_documents(&args.docs)?;
    if let Some(order) = &args.order {
        let ids = read_annotations(order)?;
        let mut by_id: std::collections::HashMap<String, String> = docs.into_iter().collect();
        docs = Vec::with_capacity(ids.len());
        for a in ids {
            let text = by_id.remove(&a.id).with_context(|| {
                format!(
                    "{} is in {} but not in {}",
                    a.id,
                    order.display(),
                    args.docs.display()
                )
            })?;
            docs.push((a.id, text));
        }
    }
    let hint = args.lang.as_deref();
    let rows: Vec<_> = docs
        .iter()
        .map(|(id, text)| models.annotate(id, text, hint))
        .collect();
    let file =
        File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut w = BufWriter::new(file);
    write_annotations(&mut w, &rows)?;
    w.flush()?;
    eprintln!("{} rows written to {}", rows.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
