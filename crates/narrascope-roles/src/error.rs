//! Errors of this crate.

use std::path::PathBuf;

/// Everything that can go wrong while reading task files, training, loading or scoring.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RoleError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A SemEval mention, annotation or prediction file is malformed.
    #[error("{path}:{line}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A saved model is not one this version can read.
    #[error("model: {0}")]
    Model(String),
    /// Training was asked for something impossible (no mentions, bad setting).
    #[error("training: {0}")]
    Training(String),
}

impl RoleError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        RoleError::Io {
            path: path.into(),
            source,
        }
    }
}
