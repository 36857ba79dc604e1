//! Dataset loaders and metrics for narrascope's evaluations. Each module reads one
//! outside format from `../shared/data/…` and reports one comparable table.

pub mod attribution;
pub mod extraction;
pub mod noise;
pub mod sentences;
