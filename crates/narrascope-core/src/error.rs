//! Error kinds shared by every stage.

use serde::{Deserialize, Serialize};

/// Why an input could not be analysed. Serialised in `snake_case` in error records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The path does not exist.
    NotFound,
    /// The path exists but could not be read (permissions, I/O error).
    Io,
    /// The content looks binary (NUL bytes or a high share of control bytes).
    Binary,
    /// The content is not valid UTF-8 (and not an HTML page we could decode).
    InvalidUtf8,
    /// The file holds no text (empty or whitespace only).
    Empty,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A JSON Lines record could not be parsed or lacks required fields.
    BadRecord,
    /// A gzip stream is corrupt.
    BadCompression,
    /// HTML could not be turned into an article (no text found).
    NoArticle,
    /// A stage failed unexpectedly (a bug); the message says which.
    Internal,
}

impl InputErrorKind {
    /// The serialised name.
    pub fn as_str(&self) -> &'static str {
        match self {
            InputErrorKind::NotFound => "not_found",
            InputErrorKind::Io => "io",
            InputErrorKind::Binary => "binary",
            InputErrorKind::InvalidUtf8 => "invalid_utf8",
            InputErrorKind::Empty => "empty",
            InputErrorKind::TooLarge => "too_large",
            InputErrorKind::BadRecord => "bad_record",
            InputErrorKind::BadCompression => "bad_compression",
            InputErrorKind::NoArticle => "no_article",
            InputErrorKind::Internal => "internal",
        }
    }
}

/// An input that could not be analysed: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{path}: {message}")]
pub struct InputError {
    /// The file (or `file:LINE`, or `-`) concerned.
    pub path: String,
    /// The article id, when it was known before the failure.
    pub id: Option<String>,
    /// Machine-readable reason.
    pub kind: InputErrorKind,
    /// Human-readable reason.
    pub message: String,
}

impl InputError {
    /// Creates an error for `path`.
    pub fn new(path: impl Into<String>, kind: InputErrorKind, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            id: None,
            kind,
            message: message.into(),
        }
    }
}

/// A stage could not process a document.
#[derive(Debug, thiserror::Error)]
#[error("stage {stage}: {message}")]
pub struct StageError {
    /// The stage's name.
    pub stage: &'static str,
    /// What went wrong.
    pub message: String,
}
