//! The `narrascope` command: parses arguments and dispatches; all work lives in the
//! library crates.

use std::process::ExitCode;

use clap::Parser;

// mimalloc instead of glibc's malloc: the pipeline makes about a million small
// allocations per hundred articles (tokens, feature buffers, spans), and glibc's
// malloc/free were a tenth of `quotes`' instructions (callgrind, PolNeAR dev).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
