//! `narrascope serve`: the JSON API (and the UI, when installed) over a stored corpus.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use narrascope_server::{is_loopback, serve, AppState, ServerConfig, Ui};
use narrascope_store::{Corpus, Location};

use crate::commands::ingest::DEFAULT_DB;

/// Environment variable holding the write token.
pub const TOKEN_VAR: &str = "NARRASCOPE_TOKEN";

const HELP: &str = "\
Serves the corpus stored by `narrascope ingest` on http://127.0.0.1:8080 by default:
the analyst UI at / (compiled into this binary; no network needed) and the JSON API
under /api/ (documented in docs/api.md and docs/openapi.yaml).

The API is read-only unless the environment variable NARRASCOPE_TOKEN is set: then
POST /api/ingest accepts analysed records with `Authorization: Bearer $NARRASCOPE_TOKEN`.
It listens on the loopback interface only unless --addr says otherwise.

Examples:
  narrascope ingest examples/corpus && narrascope serve
  curl 'http://127.0.0.1:8080/api/search?q=grain&outlet=Reuters'
  NARRASCOPE_TOKEN=$(openssl rand -hex 32) narrascope serve --db corpus.db";

/// Arguments of `narrascope serve`.
#[derive(Debug, clap::Args)]
#[command(after_help = HELP)]
pub struct Args {
    /// Database: an SQLite file path, or postgres://USER@HOST:PORT/DB (search index in
    /// ./narrascope-DB.index/).
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    pub db: String,
    /// Address to listen on.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Serve the UI from this directory instead of the copy compiled into the binary
    /// (for UI development: crates/narrascope-server/assets).
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// Serve the JSON API only, without the UI.
    #[arg(long, conflicts_with = "assets")]
    pub no_ui: bool,
    /// Largest request body accepted, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_body: usize,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.max_body > 0, "--max-body must be at least 1 MiB");
    let location = Location::parse(&args.db)?;
    if let Some(path) = location.sqlite_path() {
        anyhow::ensure!(
            path.exists(),
            "no database at {}: run `narrascope ingest PATH… --db {}` first",
            path.display(),
            args.db
        );
    }
    let mut corpus =
        Corpus::open(&args.db).with_context(|| format!("cannot open the database {}", args.db))?;
    if corpus.repair_index()? {
        eprintln!("narrascope: the search index was behind the database: rebuilt");
    }
    let articles = corpus.store().stats()?.articles;
    let token = std::env::var(TOKEN_VAR).ok().filter(|t| !t.is_empty());
    if !is_loopback(&args.addr) {
        eprintln!(
            "narrascope: warning: listening on {}, reachable from other machines{}",
            args.addr,
            if token.is_some() {
                "; the write token travels unencrypted over plain HTTP"
            } else {
                ""
            }
        );
    }
    let writable = if token.is_some() {
        "writes allowed with the token"
    } else {
        "read-only"
    };
    let config = ServerConfig {
        token,
        ui: match (args.no_ui, args.assets) {
            (true, _) => Ui::None,
            (false, Some(dir)) => Ui::Dir(dir),
            (false, None) => Ui::Embedded,
        },
        max_body_bytes: args.max_body.saturating_mul(1024 * 1024),
    };
    eprintln!(
        "narrascope: serving {} ({articles} articles, {writable}) on http://{}/ — Ctrl-C stops",
        args.db, args.addr
    );
    serve(args.addr, AppState::new(corpus, config))
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
