//! The server back end: PostgreSQL through the synchronous `postgres` client.
//!
//! Same tables and migrations as SQLite (the migrations use the portable subset);
//! what differs lives here: `$N` placeholders, `BIGINT` casts of aggregates, typed
//! `NULL` parameters, an advisory lock around migrations and a row lock on the
//! generation so that concurrent writers queue. Connecting and migrating live in
//! this file with the query helpers; [`write`] holds the write path and [`store`]
//! the [`Store`] implementation.
//!
//! [`Store`]: crate::Store

mod store;
mod write;

use std::convert::Infallible;
use std::sync::{Mutex, MutexGuard};

use postgres::types::ToSql;
use postgres::{Client, NoTls, Row};

use crate::migrations::{latest, MIGRATIONS};
use crate::model::{Count, Matrix};
use crate::rows::{self, Columns};
use crate::stats::CountQueries;
use crate::{Result, StoreError};

/// Key of the advisory lock held while migrating ("narrascope" in ASCII, truncated).
const MIGRATION_LOCK: i64 = 0x6e61_7272_6173_636f;

/// A [`Store`](crate::Store) in a PostgreSQL database.
pub struct PostgresStore {
    // `Client` needs `&mut` even to read, and the read methods of [`Store`] take
    // `&self`; the mutex is never contended (one call at a time holds it).
    client: Mutex<Client>,
}

type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

fn n(v: i64) -> u64 {
    v.max(0) as u64
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/db`, no TLS) and applies
    /// any missing migrations.
    pub fn connect(url: &str) -> Result<Self> {
        let client = Client::connect(url, NoTls)?;
        let mut store = PostgresStore {
            client: Mutex::new(client),
        };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let client = self.client.get_mut().unwrap_or_else(|p| p.into_inner());
        let mut tx = client.transaction()?;
        // Two processes opening a fresh database at once must not both migrate it.
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )",
        )?;
        let current: Option<i64> = tx
            .query_one("SELECT MAX(version) FROM schema_migrations", &[])?
            .get(0);
        let current = current.unwrap_or(0).max(0) as u32;
        if current > latest() {
            return Err(StoreError::SchemaTooNew {
                found: current,
                supported: latest(),
            });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            tx.batch_execute(m.sql)?;
            if m.rederive {
                write::rederive(&mut tx)?;
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                &[&i64::from(m.version), &m.name],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn triples(&self, sql: &str, params: Params<'_>) -> Result<Matrix> {
        Ok(Matrix::from_triples(read_all(
            &self.query(sql, params)?,
            rows::triple,
        )))
    }

    fn client(&self) -> MutexGuard<'_, Client> {
        // A panic mid-call leaves no open transaction behind (it is rolled back on
        // drop), so a poisoned lock is safe to take over.
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn query(&self, sql: &str, params: Params<'_>) -> Result<Vec<Row>> {
        Ok(self.client().query(sql, params)?)
    }

    fn count(&self, sql: &str, params: Params<'_>) -> Result<u64> {
        let rows = self.query(sql, params)?;
        Ok(rows.first().map_or(0, |r| n(r.get(0))))
    }
}

impl CountQueries for PostgresStore {
    fn count_of(&self, sql: &str) -> Result<u64> {
        self.count(sql, &[])
    }

    fn counts_of(&self, sql: &str) -> Result<Vec<Count>> {
        Ok(read_all(&self.query(sql, &[])?, rows::count))
    }
}

/// The client's `get` panics on a column of an unexpected type rather than failing,
/// so reading a row cannot fail here.
impl Columns for Row {
    type Error = Infallible;

    fn text(&self, i: usize) -> Result<String, Infallible> {
        Ok(self.get(i))
    }

    fn opt_text(&self, i: usize) -> Result<Option<String>, Infallible> {
        Ok(self.get(i))
    }

    fn count(&self, i: usize) -> Result<u64, Infallible> {
        Ok(n(self.get::<_, Option<i64>>(i).unwrap_or(0)))
    }

    fn real(&self, i: usize) -> Result<f64, Infallible> {
        Ok(self.get(i))
    }

    fn opt_real(&self, i: usize) -> Result<Option<f64>, Infallible> {
        Ok(self.get(i))
    }
}

/// Every row of `rows`, read with `read`.
fn read_all<T>(rows: &[Row], read: impl Fn(&Row) -> Result<T, Infallible>) -> Vec<T> {
    rows.iter()
        .map(|r| match read(r) {
            Ok(v) => v,
            Err(never) => match never {},
        })
        .collect()
}
