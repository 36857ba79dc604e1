//! The embedded back end: one SQLite file, WAL mode.
//!
//! Opening and migrating live here, with the query helpers; [`write`] holds the
//! write path (batches, child rows) and [`store`] the [`Store`] implementation.
//!
//! [`Store`]: crate::Store

mod store;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::migrations::{latest, MIGRATIONS};
use crate::model::{Count, Matrix};
use crate::rows::{self, Columns};
use crate::stats::CountQueries;
use crate::store::Store;
use crate::{Result, StoreError};

/// A [`Store`] in an SQLite database file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and applies any missing
    /// migrations.
    pub fn open(path: &Path) -> Result<Self> {
        Self::setup(Connection::open(path)?)
    }

    /// A private in-memory database (tests, doctests).
    pub fn in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self> {
        // WAL lets the server read while an ingest writes; with synchronous=NORMAL a
        // committed transaction survives the process being killed (it is in the WAL),
        // only an OS crash or power loss may roll back the last commits.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(10))?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
            )",
        )?;
        let current = self.schema_version()?;
        if current > latest() {
            return Err(StoreError::SchemaTooNew {
                found: current,
                supported: latest(),
            });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(m.sql)?;
            if m.rederive {
                write::rederive(&tx)?;
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                params![m.version, m.name],
            )?;
            tx.commit()?;
        }
        Ok(())
    }

    fn triples(&self, sql: &str, args: impl rusqlite::Params) -> Result<Matrix> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(args, |r| rows::triple(r))?;
        Ok(Matrix::from_triples(
            rows.collect::<rusqlite::Result<Vec<_>>>()?,
        ))
    }

    fn count(&self, sql: &str, args: impl rusqlite::Params) -> Result<u64> {
        let n: i64 = self.conn.query_row(sql, args, |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }
}

impl CountQueries for SqliteStore {
    fn count_of(&self, sql: &str) -> Result<u64> {
        self.count(sql, [])
    }

    fn counts_of(&self, sql: &str) -> Result<Vec<Count>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| rows::count(r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Columns for Row<'_> {
    type Error = rusqlite::Error;

    fn text(&self, i: usize) -> rusqlite::Result<String> {
        self.get(i)
    }

    fn opt_text(&self, i: usize) -> rusqlite::Result<Option<String>> {
        self.get(i)
    }

    fn count(&self, i: usize) -> rusqlite::Result<u64> {
        Ok(self.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as u64)
    }

    fn real(&self, i: usize) -> rusqlite::Result<f64> {
        self.get(i)
    }

    fn opt_real(&self, i: usize) -> rusqlite::Result<Option<f64>> {
        self.get(i)
    }
}

/// A stored setting, read inside or outside a transaction.
fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?)
}
