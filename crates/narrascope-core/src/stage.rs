//! The stage trait every analysis step implements.

use crate::{Document, StageError};

/// One step of the analysis pipeline. Implementations are built once (loading and
/// validating any model), then run on many documents from many threads.
pub trait Stage: Send + Sync {
    /// A short stable name (`"clean"`, `"segment"`), used in errors and timings.
    fn name(&self) -> &'static str;

    /// Adds this stage's annotations to `doc`.
    fn run(&self, doc: &mut Document) -> Result<(), StageError>;
}
