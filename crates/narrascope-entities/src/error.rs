//! Errors of the entity stage.

use std::path::PathBuf;

// `Io` leaves its cause out of its message: callers print the source chain.

/// What went wrong loading a model, reading data, or training.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EntityError {
    /// The model bytes are not a model this code can read.
    #[error("bad NER model: {0}")]
    BadModel(String),
    /// A data file could not be read.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A data file is not in the expected format.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Training was asked to work with nothing.
    #[error("no training data: {0}")]
    NoData(String),
}
