//! Errors of the quote stage.

/// Why a quote model could not be loaded or trained.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QuoteError {
    /// The model bytes are not a tagger model this version can read.
    #[error("quote model: {0}")]
    BadModel(String),
    /// Training was asked for with no usable documents.
    #[error("quote training: {0}")]
    Training(String),
}
