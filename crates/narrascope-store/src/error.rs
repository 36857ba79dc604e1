//! Store errors.

use thiserror::Error;

/// Why a store or index operation failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database URL names no back end this build supports.
    #[error(
        "unsupported database URL `{0}` (expected a file path, sqlite://PATH or postgres://…)"
    )]
    UnsupportedUrl(String),
    /// The database was written by a newer narrascope (its schema is ahead of ours).
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    SchemaTooNew {
        /// Version found in `schema_migrations`.
        found: u32,
        /// Highest version this build knows.
        supported: u32,
    },
    /// A record could not be stored (not an article record, or malformed).
    #[error("bad record: {0}")]
    BadRecord(String),
    /// A search request is invalid (unknown facet, empty filter).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[cfg(feature = "postgres")]
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    /// The search index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A stored JSON value could not be (de)serialised.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// File-system error (creating the index directory).
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// Result alias of this crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
