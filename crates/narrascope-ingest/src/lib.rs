//! Getting articles in: readers for plain text, folders, JSON Lines, stdin and HTML
//! pages; scrape-noise removal; metadata (outlet, date, language); near-duplicate
//! signatures.
//!
//! ```
//! use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Stage};
//! use narrascope_ingest::CleanStage;
//!
//! let raw = "A headline\n\n[ad_1]\nThe body says something.\n\nSource link\n";
//! let article = Article {
//!     id: "x".into(), path: "x.txt".into(), format: SourceFormat::Text,
//!     raw: raw.into(), given: GivenMeta::default(),
//! };
//! let mut doc = Document::from_text(article);
//! CleanStage::new().run(&mut doc).unwrap();
//! assert_eq!(doc.slice(doc.title.unwrap()), "A headline");
//! assert_eq!(doc.noise.len(), 2);
//! ```

mod clean;
pub mod dedup;
mod html;
pub mod meta;
pub mod noise;
pub mod read;
mod ruleset;

pub use clean::CleanStage;
pub use dedup::{DedupIndex, Signature};
pub use html::HtmlStage;
pub use meta::MetaStage;
pub use noise::NoiseRemover;
pub use read::{collect_inputs, read_input, Input, InputKind, ReadOptions};
pub use ruleset::RuleSetError;
