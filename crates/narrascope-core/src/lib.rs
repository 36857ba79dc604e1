//! Core types of narrascope: the [`Article`] as read, the [`Document`] with its
//! annotation layers, byte [`Span`]s into the analysed text, the [`Stage`] trait,
//! error kinds and the versioned output [`record`].
//!
//! Every derived thing is a span into `Document::text`, so any result can be shown
//! in the original article:
//!
//! ```
//! use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     path: "a1.txt".into(),
//!     format: SourceFormat::Text,
//!     raw: "Title\n\nBody text.".into(),
//!     given: GivenMeta::default(),
//! };
//! let mut doc = Document::from_text(article);
//! doc.title = Some(Span::new(0, 5));
//! assert_eq!(doc.slice(doc.title.unwrap()), "Title");
//! ```

mod article;
mod document;
mod entity;
mod error;
mod narrative;
mod noise;
pub mod record;
mod span;
mod stage;

pub use article::{Article, GivenMeta, SourceFormat};
pub use document::{Document, MetaSource, MetaValue, SourceMap};
pub use entity::{Entity, EntityType, Mention, MentionKind, Quote, QuoteKind, Speaker};
pub use error::{InputError, InputErrorKind, StageError};
pub use narrative::{Explanation, LabelScore, RoleAssignment};
pub use noise::{NoiseKind, NoiseSegment};
pub use span::{lines, Span};
pub use stage::Stage;
