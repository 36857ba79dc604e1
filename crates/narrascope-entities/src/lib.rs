//! Named entities for narrascope (in progress).

pub mod data;
pub mod error;
pub mod eval;
pub mod features;
pub mod lexicon;
mod mentions;
pub mod metric;
pub mod model;
mod resolve;
mod stage;
pub mod tagger;
pub mod tags;
pub mod tokenize;
pub mod train;

pub use error::EntityError;
pub use resolve::entity_id;
pub use stage::EntityStage;
pub use tagger::Tagger;
