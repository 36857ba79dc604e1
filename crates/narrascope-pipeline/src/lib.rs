//! Builds the analysis pipeline from a serialisable config and runs it over batches
//! of inputs in parallel, writing one versioned record per article (or per failed
//! input) to a sink, in input order.
//!
//! ```
//! use narrascope_core::record::Record;
//! use narrascope_pipeline::{Pipeline, PipelineConfig};
//! use narrascope_core::{Article, GivenMeta, SourceFormat};
//!
//! let pipeline = Pipeline::build(&PipelineConfig::default()).unwrap();
//! let article = Article {
//!     id: "a".into(), path: "a.txt".into(), format: SourceFormat::Text,
//!     raw: "Headline\n\nThe mayor said the bridge will reopen in May.\n".into(),
//!     given: GivenMeta::default(),
//! };
//! let doc = pipeline.analyze(article).unwrap();
//! assert_eq!(doc.sentences.len(), 1);
//! ```

mod batch;
mod config;
mod pipeline;
pub mod sinks;

pub use batch::{run_batch, BatchOptions, BatchSummary, Progress};
pub use config::{PipelineConfig, StageConfig};
pub use pipeline::{Pipeline, PipelineError};
