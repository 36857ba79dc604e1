//! Quotes and their speakers.
//!
//! Finds direct quotes (in every quotation-mark style), partial quotes inside the
//! reporter's sentence, and indirect speech, each with its cue ("said", "according
//! to"), its speaker (the words naming them, resolved to an entity when the entity
//! stage has run) and the channel that relayed it ("TASS cited him as saying").
//!
//! Two layers: a linear-chain tagger (averaged structured perceptron over hashed
//! features, trained on PolNeAR by [`train`]) labels source / cue / content spans;
//! rules over paired quotation marks catch the direct quotes it misses, join quotes
//! that run over several paragraphs, and resolve pronoun speakers.
//!
//! ```
//! use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span, Stage};
//! use narrascope_quotes::QuoteStage;
//!
//! let text = "Talks stall\n\n“We will not give up,” said Maria Lopez, the union leader.";
//! let mut doc = Document::from_text(Article {
//!     id: "a".into(),
//!     path: "a.txt".into(),
//!     format: SourceFormat::Text,
//!     raw: text.into(),
//!     given: GivenMeta::default(),
//! });
//! doc.title = Some(Span::new(0, 11));
//! doc.body = vec![Span::new(13, text.len())];
//! QuoteStage::new()?.run(&mut doc)?;
//! let q = &doc.quotes[0];
//! assert_eq!(doc.slice(q.span), "We will not give up");
//! assert_eq!(q.speaker.as_ref().unwrap().name, "Maria Lopez");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod clauses;
mod continuation;
mod cues;
mod error;
mod features;
mod group;
mod lexicon;
mod marks;
mod model;
mod names;
mod rules;
mod source;
mod spans;
mod speaker;
mod speech;
mod stage;
mod tagger;
mod token;
mod train;

pub use error::QuoteError;
pub use group::{group, Attribution};
pub use stage::{Found, QuoteStage};
pub use tagger::{Role, RoleSpan, Tagger};
pub use train::{train, TrainConfig, TrainDoc};
