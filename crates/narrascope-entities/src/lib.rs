//! Named entities for narrascope: who and what an article talks about.
//!
//! Two layers:
//! - **Tagging.** A CoNLL-style [`tokenize`]r with byte offsets and a sequence tagger
//!   trained by our own code: an averaged structured perceptron over hashed [`features`]
//!   (words, shapes, affixes, neighbours, gazetteer and capitalisation lexicons), decoded
//!   with Viterbi over IOB2 tags for PER, ORG, LOC and MISC ([`model`], [`train`]). The
//!   model is trained from CoNLL-2003 by `narrascope train ner`, stored in
//!   `models/ner/ner.bin` (format documented in [`model`]) and embedded in the binary, so
//!   nothing is read at run time. [`eval`] and [`metric`] score it CoNLL-style.
//! - **Entities.** [`EntityStage`] tags the title and each sentence of a
//!   [`narrascope_core::Document`], separates titles from names ("Belarusian President
//!   Alexander Lukashenko" → name "Alexander Lukashenko", title "Belarusian President"),
//!   finds descriptions ("the Belarusian leader") and pronouns, merges everything into
//!   canonical entities with corpus-stable ids, and flags contradicting titles.
//!
//! ```
//! use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span, Stage};
//! use narrascope_entities::EntityStage;
//!
//! let text = "Belarusian President Alexander Lukashenko spoke in Minsk. He said \
//!             the Belarusian leader would stay.";
//! let article = Article {
//!     id: "a1".into(),
//!     path: "a1.txt".into(),
//!     format: SourceFormat::Text,
//!     raw: text.into(),
//!     given: GivenMeta::default(),
//! };
//! let mut doc = Document::from_text(article);
//! doc.sentences = vec![Span::new(0, 57), Span::new(58, text.len())];
//! EntityStage::new()?.run(&mut doc)?;
//! let luka = &doc.entities[0];
//! assert_eq!(luka.id, "person:alexander-lukashenko");
//! assert_eq!(luka.titles, ["Belarusian President"]);
//! assert_eq!(luka.mentions.len(), 3); // the name, "He", "the Belarusian leader"
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cache;
pub mod conflicts;
pub mod corpus;
pub mod data;
pub mod error;
pub mod eval;
pub mod features;
pub mod lexicon;
mod listed;
mod mentions;
pub mod metric;
pub mod model;
mod resolve;
mod stage;
pub mod tagger;
pub mod tags;
pub mod tokenize;
pub mod train;

pub use conflicts::{CorpusTitles, TitleConflict};
pub use corpus::CorpusIds;
pub use error::EntityError;
pub use resolve::entity_id;
pub use stage::EntityStage;
pub use tagger::Tagger;
