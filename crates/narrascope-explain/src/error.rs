//! Errors of this crate.

use std::path::PathBuf;

/// Everything that can go wrong while reading task files, loading or training a model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExplainError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A subtask-3 input, gold or prediction file is malformed.
    #[error("{path}:{line}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A saved sentence scorer is not one this version can read.
    #[error("explain model: {0}")]
    Model(String),
    /// The narrative models needed for the features failed.
    #[error(transparent)]
    Narratives(#[from] narrascope_narratives::NarrativeError),
    /// Training or cross-validation was asked for something impossible.
    #[error("training: {0}")]
    Training(String),
}

impl ExplainError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ExplainError::Io {
            path: path.into(),
            source,
        }
    }
}
