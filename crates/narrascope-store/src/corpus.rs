//! A [`Corpus`]: a store and its search index, kept in step.

use std::path::{Path, PathBuf};

use crate::index::{SearchIndex, SearchQuery, SearchResults};
use crate::model::BatchOutcome;
use crate::prepared::PreparedArticle;
use crate::sqlite::SqliteStore;
use crate::store::Store;
use crate::{Result, StoreError};

/// Where a corpus lives, parsed from `--db`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file (`PATH`, `sqlite://PATH` or `sqlite:PATH`).
    Sqlite(PathBuf),
    /// A PostgreSQL server (`postgres://…`, `postgresql://…`).
    Postgres(String),
}

impl Location {
    /// Parses a database URL or path.
    pub fn parse(url: &str) -> Result<Location> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Location::Postgres(url.to_string()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || path.contains("://") {
            return Err(StoreError::UnsupportedUrl(url.to_string()));
        }
        Ok(Location::Sqlite(PathBuf::from(path)))
    }

    /// The directory of the search index: next to the database file
    /// (`narrascope.db.index/`); for PostgreSQL, `narrascope-DBNAME.index/` in the
    /// working directory.
    pub fn index_dir(&self) -> PathBuf {
        match self {
            Location::Sqlite(p) => {
                let mut s = p.clone().into_os_string();
                s.push(".index");
                PathBuf::from(s)
            }
            // The index is local even when the database is not: one directory per
            // database name, in the working directory.
            Location::Postgres(url) => {
                let name = url
                    .split(['?', '#'])
                    .next()
                    .and_then(|u| u.rsplit('/').next())
                    .filter(|n| !n.is_empty() && !n.contains('@'))
                    .unwrap_or("postgres");
                let safe: String = name
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                PathBuf::from(format!("narrascope-{safe}.index"))
            }
        }
    }
}

/// A store and its search index.
///
/// [`Corpus::ingest`] commits a batch to the store, then to the index. If the
/// process dies in between, the index's recorded generation lags the store's, and
/// the next [`Corpus::ingest`] or [`Corpus::repair_index`] rebuilds it from the store.
pub struct Corpus {
    store: Box<dyn Store>,
    index: SearchIndex,
}

impl Corpus {
    /// Opens (creating if needed) the corpus at `url` (see [`Location::parse`]).
    pub fn open(url: &str) -> Result<Corpus> {
        let location = Location::parse(url)?;
        let store: Box<dyn Store> = match &location {
            Location::Sqlite(path) => Box::new(SqliteStore::open(path)?),
            #[cfg(feature = "postgres")]
            Location::Postgres(url) => Box::new(crate::PostgresStore::connect(url)?),
            #[cfg(not(feature = "postgres"))]
            Location::Postgres(_) => {
                return Err(StoreError::UnsupportedUrl(format!(
                    "{url} (this build has no PostgreSQL support: enable the `postgres` feature)"
                )))
            }
        };
        let index = SearchIndex::open(&location.index_dir())?;
        Ok(Corpus { store, index })
    }

    /// An in-memory corpus (tests, examples).
    pub fn in_memory() -> Result<Corpus> {
        Ok(Corpus {
            store: Box::new(SqliteStore::in_memory()?),
            index: SearchIndex::in_ram()?,
        })
    }

    /// A corpus from parts (another back end, an index elsewhere).
    pub fn from_parts(store: Box<dyn Store>, index: SearchIndex) -> Corpus {
        Corpus { store, index }
    }

    /// The store.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// The search index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Stores a batch (one transaction), then brings the index up to date.
    pub fn ingest(&mut self, batch: &[PreparedArticle]) -> Result<BatchOutcome> {
        let outcome = self.store.ingest(batch)?;
        if outcome.written.is_empty() {
            self.repair_index()?;
            return Ok(outcome);
        }
        let before = outcome.generation - 1;
        if self.index.generation()? == Some(before) {
            let written: Vec<&PreparedArticle> =
                outcome.written.iter().map(|&i| &batch[i]).collect();
            self.index.update(&written, outcome.generation)?;
        } else {
            self.index.rebuild(self.store.as_ref())?;
        }
        Ok(outcome)
    }

    /// Whether the index reflects the store's current generation.
    pub fn index_is_current(&self) -> Result<bool> {
        let store = self.store.generation()?;
        Ok(match self.index.generation()? {
            Some(g) => g == store,
            // A never-committed index is current only for an empty store.
            None => store == 0,
        })
    }

    /// Rebuilds the index if it lags the store; returns whether it did.
    pub fn repair_index(&mut self) -> Result<bool> {
        if self.index_is_current()? {
            return Ok(false);
        }
        self.index.rebuild(self.store.as_ref())?;
        Ok(true)
    }

    /// Rebuilds the index from the store unconditionally; returns the article count.
    pub fn reindex(&mut self) -> Result<usize> {
        self.index.rebuild(self.store.as_ref())
    }

    /// Searches, first picking up commits made by other processes.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        self.index.refresh()?;
        self.index.search(q)
    }
}

impl Location {
    /// The SQLite path, when it is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Location::Sqlite(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_locations() {
        assert_eq!(
            Location::parse("x.db").unwrap(),
            Location::Sqlite("x.db".into())
        );
        assert_eq!(
            Location::parse("sqlite://a/b.db").unwrap(),
            Location::Sqlite("a/b.db".into())
        );
        assert!(matches!(
            Location::parse("postgres://u@h/db").unwrap(),
            Location::Postgres(_)
        ));
        assert!(Location::parse("mysql://h/db").is_err());
        assert_eq!(
            Location::parse("postgres://u:p@h:5432/news?sslmode=disable")
                .unwrap()
                .index_dir(),
            PathBuf::from("narrascope-news.index")
        );
        assert_eq!(
            Location::parse("d/n.db").unwrap().index_dir(),
            PathBuf::from("d/n.db.index")
        );
    }
}
