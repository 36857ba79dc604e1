//! The `narrascope` command: parses arguments and dispatches; all work lives in the
//! library crates.

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod commands;
mod progress;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("narrascope: error: {e:#}");
            ExitCode::from(commands::EXIT_FATAL)
        }
    }
}
