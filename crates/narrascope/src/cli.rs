//! Command-line arguments as the user typed them (resolved into settings by each
//! command).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::{
    eval_attribution, eval_extraction, eval_noise, eval_semeval, eval_sentences, ingest, ner,
    semeval, serve, train_explain, train_narratives, train_quotes, train_roles,
};

const ABOUT: &str = "Narrative intelligence for news: clean scraped articles, then find who said \
what, about whom, and which narratives each article advances.";

const AFTER_HELP: &str = "\
Examples:
  narrascope analyze examples/corpus              readable summary of each article
  narrascope analyze corpus/ --format jsonl --out records.jsonl
  narrascope quotes corpus/ --speaker lukashenko  everything one person said
  cat article.txt | narrascope analyze -          read one article from stdin
  narrascope eval extraction --split test         HTML body extraction F1

Exit status: 0 all inputs analysed; 1 some inputs failed (each has an error record);
2 bad command line; 3 fatal error (for example, the output could not be written).";

/// narrascope command line.
#[derive(Debug, Parser)]
#[command(name = "narrascope", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles: title, outlet, date, language, clean body, removed noise,
    /// paragraphs, sentences, near-duplicates.
    #[command(after_help = ANALYZE_HELP)]
    Analyze(AnalyzeArgs),
    /// Who said what: every quote with its speaker, as a table (speaker · kind ·
    /// quote · article).
    #[command(after_help = QUOTES_HELP)]
    Quotes(QuotesArgs),
    /// Measure a stage against an outside data set (needs ../shared/data).
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Retrain a model from outside data (needs ../shared/data).
    #[command(subcommand)]
    Train(TrainCommand),
    /// SemEval-2025 Task 10 files: label task documents in the official format.
    #[command(subcommand)]
    Semeval(semeval::Command),
    /// Analyse articles and store them in a database with a search index (SQLite,
    /// ./narrascope.db by default); incremental and resumable.
    Ingest(ingest::Args),
    /// Serve the stored corpus as a JSON API (127.0.0.1:8080 by default).
    Serve(serve::Args),
}

const ANALYZE_HELP: &str = "\
Inputs: plain-text articles (.txt: title on the first non-empty line, body after),
HTML pages (.html, .htm, .html.gz), JSON Lines (.jsonl: {\"id\", \"text\" | \"html\", \"url\",
\"outlet\", \"date\"} per line), folders (searched recursively, sorted), or - for stdin.

Output: one record per article, schema documented in docs/schema.md. A file that
cannot be read (binary, invalid UTF-8, empty, too large, missing) yields an error
record naming it and the reason; the batch goes on and the exit status is 1.

Examples:
  narrascope analyze examples/corpus
  narrascope analyze ~/scrapes --format csv --out articles.csv
  narrascope analyze feed.jsonl --format json | jq '.[].outlet'";

const QUOTES_HELP: &str = "\
Reads the same inputs as `analyze` and lists every quote found: direct (\u{201c}We are
ready,\u{201d} she said), partial (accused the West of being \u{201c}at war\u{201d}) and indirect
(he said that ...), with the speaker resolved to one person per article.

Examples:
  narrascope quotes examples/corpus
  narrascope quotes corpus/ --speaker lukashenko
  narrascope quotes corpus/ --kind direct --format csv --out quotes.csv";

/// Arguments of `narrascope quotes`.
#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Files, folders, or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only quotes whose speaker's name or entity id contains TEXT (any case).
    #[arg(short, long, value_name = "TEXT")]
    pub speaker: Option<String>,
    /// Only quotes of this kind (repeatable).
    #[arg(short, long, value_enum)]
    pub kind: Vec<QuoteKindArg>,
    /// Output layout [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<QuoteLayoutArg>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How inputs are read and analysed.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Settings shared by every command that runs the pipeline over inputs.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Refuse inputs larger than this many MiB (after decompression).
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_size: u64,
    /// Never show a progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Quote kinds for `--kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuoteKindArg {
    /// Quoted words standing as a whole utterance.
    Direct,
    /// Quoted words inside the reporter's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

/// Layouts of `narrascope quotes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuoteLayoutArg {
    /// Aligned columns, quotes cut to fit (default on a terminal).
    Table,
    /// Full text and offsets, one row per quote.
    Csv,
    /// One JSON object per quote (default when piped).
    Jsonl,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable summary per article (default on a terminal).
    Text,
    /// One JSON array.
    Json,
    /// One JSON record per line (default when piped or written to a file).
    Jsonl,
    /// One flat row per article.
    Csv,
}

/// Arguments of `narrascope analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Files, folders, or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: text on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How inputs are read and analysed.
    #[command(flatten)]
    pub run: RunArgs,
    /// Do not look for near-duplicate articles.
    #[arg(long)]
    pub no_dedup: bool,
}

/// Evaluations.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// HTML → article body: shingle F1 on the article-extraction benchmark.
    Extraction(eval_extraction::Args),
    /// Scrape-noise removal: line precision/recall on the labelled SemEval sample.
    Noise(eval_noise::Args),
    /// Sentence boundaries: precision/recall on sentence-split corpora.
    Sentences(eval_sentences::Args),
    /// Quote attribution: source/cue/content P/R/F1 on PolNeAR.
    Attribution(eval_attribution::Args),
    /// Named entities: entity P/R/F1 on CoNLL-2003 eng.testb and UNER English PUD.
    Ner(ner::EvalArgs),
    /// SemEval-2025 Task 10 subtask 1 (entity roles: exact-match ratio, main-role
    /// accuracy), 2 (F1-samples) or 3 (explanations, ROUGE-L F1) of a prediction file,
    /// paired by id (subtask 1: by id, mention and offsets).
    Semeval(eval_semeval::Args),
}

/// Training commands.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Named-entity tagger from CoNLL-2003 (writes models/ner/ner.bin).
    Ner(ner::TrainArgs),
    /// Quote-attribution tagger from PolNeAR train (writes models/quotes/tagger.bin).
    Quotes(train_quotes::Args),
    /// Narrative classifier from SemEval-2025 Task 10 (writes
    /// models/narratives/narratives.bin and a cross-validation report).
    Narratives(train_narratives::Args),
    /// Explanation sentence scorer from SemEval-2025 Task 10 subtask 3 (writes
    /// models/explain/explain.json and a cross-validation report).
    Explain(train_explain::Args),
    /// Entity-role classifier from SemEval-2025 Task 10 subtask 1 (writes
    /// models/roles/roles.bin and a cross-validation report).
    Roles(train_roles::Args),
}
