//! The narrascope corpus store: analysed article records in a database (embedded
//! SQLite by default), with a tantivy full-text index kept in step, for browsing a
//! corpus by outlet, speaker, entity, narrative and time.
//!
//! - [`Store`] is what a database back end provides; [`SqliteStore`] is the
//!   embedded one (WAL mode, numbered [`migrations`]); `PostgresStore` (feature
//!   `postgres`, on by default) the server one, with the same migrations. Each batch is one transaction:
//!   a crash, even `kill -9`, loses at most the batch in flight, and re-running the
//!   same ingest adds exactly what is missing (articles whose `content_hash` is
//!   unchanged are skipped).
//! - [`SearchIndex`] indexes title, body and quotes, with facets for outlet,
//!   language, date, speaker, entity, narrative, sub-narrative and role.
//! - [`Corpus`] ties the two together and repairs a stale index.
//!
//! ```
//! use narrascope_store::{Corpus, Page, PreparedArticle, SearchQuery};
//!
//! let record = serde_json::json!({
//!     "schema_version": 2, "status": "ok", "id": "a1", "path": "a1.txt",
//!     "format": "text", "url": null, "title": "Bridge to reopen",
//!     "title_span": {"start": 0, "end": 16}, "outlet": "Daily", "date": "2024-03-05",
//!     "language": "en", "meta": {"outlet": null, "date": null, "language": null},
//!     "body": "The mayor said the bridge will reopen in May.",
//!     "text": "Bridge to reopen\n\nThe mayor said the bridge will reopen in May.",
//!     "content_hash": "00000000000000aa", "body_spans": [], "noise": [],
//!     "paragraphs": [], "sentences": [], "duplicate_of": null,
//!     "entities": [], "quotes": [], "warnings": []
//! });
//! let mut corpus = Corpus::in_memory().unwrap();
//! let batch = [PreparedArticle::from_json(record).unwrap()];
//! assert_eq!(corpus.ingest(&batch).unwrap().added, 1);
//! assert_eq!(corpus.ingest(&batch).unwrap().unchanged, 1);
//!
//! let found = corpus
//!     .search(&SearchQuery { text: "bridge".into(), ..Default::default() })
//!     .unwrap();
//! assert_eq!(found.hits[0].id, "a1");
//! assert_eq!(corpus.store().articles(Page::default()).unwrap().total, 1);
//! ```

mod corpus;
mod error;
mod index;
pub mod migrations;
mod model;
#[cfg(feature = "postgres")]
mod postgres;
mod prepared;
mod rows;
mod sqlite;
mod stats;
mod store;

pub use corpus::{Corpus, Location};
pub use error::{Result, StoreError};
pub use index::{
    SearchHit, SearchIndex, SearchQuery, SearchResults, Snippet, FACETS, MAX_SEARCH_OFFSET,
};
pub use model::{
    ArticleRef, ArticleSummary, BatchOutcome, Count, DuplicateGroup, EntityDetail, EntityInArticle,
    EntitySummary, EntityTitles, Evidence, Matrix, MatrixCell, NarrativeHit, NarrativeSummary,
    Page, Paged, QuoteView, SharedQuote, SpeakerSummary, Stats, TitleConflictView,
};
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use prepared::{
    normalize_quote, speaker_slug, PreparedArticle, PreparedEntity, PreparedLabel, PreparedQuote,
    PreparedRole, MIN_SHARED_QUOTE_WORDS,
};
pub use sqlite::SqliteStore;
pub use store::Store;
