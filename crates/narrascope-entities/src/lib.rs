//! Named entities for narrascope (in progress).

pub mod data;
pub mod error;
pub mod eval;
pub mod features;
pub mod metric;
pub mod model;
pub mod tagger;
pub mod tags;
pub mod tokenize;
pub mod train;

pub use error::EntityError;
pub use tagger::Tagger;
