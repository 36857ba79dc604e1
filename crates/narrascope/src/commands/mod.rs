//! One module per subcommand.

use std::process::ExitCode;

use crate::cli::{Cli, Command, EvalCommand, TrainCommand};

mod analyze;
pub mod eval_attribution;
pub mod eval_extraction;
pub mod eval_noise;
pub mod eval_semeval;
pub mod eval_sentences;
pub mod ingest;
pub mod ner;
mod quotes;
pub mod semeval;
pub mod semeval_explain;
pub mod semeval_roles;
pub mod serve;
pub mod train_data;
pub mod train_explain;
pub mod train_narratives;
pub mod train_quotes;
pub mod train_roles;

/// Exit status when some inputs failed but the batch completed.
pub const EXIT_SOME_FAILED: u8 = 1;
/// Exit status for fatal errors (output not writable, bad configuration).
pub const EXIT_FATAL: u8 = 3;

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Quotes(args) => quotes::run(args),
        Command::Eval(EvalCommand::Extraction(args)) => eval_extraction::run(&args),
        Command::Eval(EvalCommand::Noise(args)) => eval_noise::run(&args),
        Command::Eval(EvalCommand::Sentences(args)) => eval_sentences::run(&args),
        Command::Eval(EvalCommand::Attribution(args)) => eval_attribution::run(&args),
        Command::Eval(EvalCommand::Ner(args)) => ner::eval(&args),
        Command::Train(TrainCommand::Ner(args)) => ner::train(&args),
        Command::Train(TrainCommand::Narratives(args)) => train_narratives::run(&args),
        Command::Train(TrainCommand::Explain(args)) => train_explain::run(&args),
        Command::Train(TrainCommand::Roles(args)) => train_roles::run(&args),
        Command::Eval(EvalCommand::Semeval(args)) => eval_semeval::run(&args),
        Command::Semeval(cmd) => semeval::run(&cmd),
        Command::Train(TrainCommand::Quotes(args)) => train_quotes::run(&args),
        Command::Ingest(args) => ingest::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
