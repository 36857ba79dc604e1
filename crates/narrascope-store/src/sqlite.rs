//! The embedded back end: one SQLite file, WAL mode.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::migrations::{latest, MIGRATIONS};
use crate::model::{
    ArticleRef, ArticleSummary, BatchOutcome, Count, DuplicateGroup, EntityDetail, EntityInArticle,
    EntitySummary, EntityTitles, Evidence, Matrix, NarrativeHit, NarrativeSummary, Page, Paged,
    QuoteView, SharedQuote, SpeakerSummary, Stats,
};
use crate::prepared::PreparedArticle;
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
                Self::rederive(&tx)?;
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
                params![m.version, m.name],
            )?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Rewrites the child rows of every stored article from its record.
    fn rederive(tx: &Transaction<'_>) -> Result<()> {
        let records: Vec<String> = {
            let mut stmt = tx.prepare("SELECT record FROM articles ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for json in records {
            let a = PreparedArticle::from_json(serde_json::from_str(&json)?)?;
            Self::write_children(tx, &a)?;
        }
        Ok(())
    }

    fn write_article(tx: &Transaction<'_>, a: &PreparedArticle, generation: u64) -> Result<()> {
        tx.execute(
            "INSERT INTO articles (id, path, content_hash, schema_version, outlet, date,
                 language, title, duplicate_of, record, generation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (id) DO UPDATE SET path = excluded.path,
                 content_hash = excluded.content_hash,
                 schema_version = excluded.schema_version, outlet = excluded.outlet,
                 date = excluded.date, language = excluded.language,
                 title = excluded.title, duplicate_of = excluded.duplicate_of,
                 record = excluded.record, generation = excluded.generation",
            params![
                a.id,
                a.path,
                a.content_hash,
                a.schema_version,
                a.outlet,
                a.date,
                a.language,
                a.title,
                a.duplicate_of,
                a.json,
                generation as i64
            ],
        )?;
        Self::write_children(tx, a)
    }

    /// Replaces the quote, entity, label and role rows of `a`.
    fn write_children(tx: &Transaction<'_>, a: &PreparedArticle) -> Result<()> {
        for table in ["quotes", "entities", "labels", "roles"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE article_id = ?1"),
                params![a.id],
            )?;
        }
        let mut quote = tx.prepare_cached(
            "INSERT INTO quotes (article_id, idx, start_byte, end_byte, text, kind,
                 speaker_name, speaker_entity, speaker_key, channel, norm)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (i, q) in a.quotes.iter().enumerate() {
            quote.execute(params![
                a.id,
                i as i64,
                q.start as i64,
                q.end as i64,
                q.text,
                q.kind,
                q.speaker_name,
                q.speaker_entity,
                q.speaker_key,
                q.channel,
                q.norm
            ])?;
        }
        let mut entity = tx.prepare_cached(
            "INSERT INTO entities (article_id, idx, entity_id, name, type, titles, mentions,
                 roles, conflicts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, e) in a.entities.iter().enumerate() {
            entity.execute(params![
                a.id,
                i as i64,
                e.id,
                e.name,
                e.etype,
                serde_json::to_string(&e.titles)?,
                e.mentions as i64,
                serde_json::to_string(&e.roles)?,
                serde_json::to_string(&e.conflicts)?
            ])?;
        }
        let mut label = tx.prepare_cached(
            "INSERT INTO labels (article_id, idx, level, label, score, evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, l) in a.labels.iter().enumerate() {
            label.execute(params![
                a.id,
                i as i64,
                l.level,
                l.label,
                l.score,
                serde_json::to_string(&l.evidence)?
            ])?;
        }
        let mut role = tx.prepare_cached(
            "INSERT INTO roles (article_id, idx, entity_id, name, main_role, fine_roles, score)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, r) in a.roles.iter().enumerate() {
            role.execute(params![
                a.id,
                i as i64,
                r.entity,
                r.name,
                r.main_role,
                serde_json::to_string(&r.fine_roles)?,
                r.score
            ])?;
        }
        Ok(())
    }

    fn triples(&self, sql: &str, args: impl rusqlite::Params) -> Result<Matrix> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(args, |r| Ok((r.get(0)?, r.get(1)?, u64_at(r, 2)?)))?;
        Ok(Matrix::from_triples(
            rows.collect::<rusqlite::Result<Vec<_>>>()?,
        ))
    }

    fn count(&self, sql: &str, args: impl rusqlite::Params) -> Result<u64> {
        let n: i64 = self.conn.query_row(sql, args, |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    fn counts(&self, sql: &str) -> Result<Vec<Count>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(Count {
                value: r.get(0)?,
                count: r.get::<_, i64>(1)?.max(0) as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn u64_at(r: &Row<'_>, i: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0).max(0) as u64)
}

fn article_ref(r: &Row<'_>, at: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        outlet: r.get(at + 2)?,
        date: r.get(at + 3)?,
    })
}

fn quote_view(r: &Row<'_>) -> rusqlite::Result<QuoteView> {
    Ok(QuoteView {
        article_id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        date: r.get(3)?,
        index: u64_at(r, 4)? as usize,
        start: u64_at(r, 5)? as usize,
        end: u64_at(r, 6)? as usize,
        text: r.get(7)?,
        kind: r.get(8)?,
        speaker: r.get(9)?,
        speaker_entity: r.get(10)?,
        channel: r.get(11)?,
    })
}

/// The columns [`quote_view`] reads, from `quotes q JOIN articles a`.
const QUOTE_VIEW: &str = "q.article_id, a.title, a.outlet, a.date, q.idx, q.start_byte,
    q.end_byte, q.text, q.kind, q.speaker_name, q.speaker_entity, q.channel";

fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

const ENTITY_SUMMARY: &str = "
    SELECT e.entity_id,
        (SELECT e2.name FROM entities e2 WHERE e2.entity_id = e.entity_id
            GROUP BY e2.name ORDER BY COUNT(*) DESC, LENGTH(e2.name) DESC, e2.name LIMIT 1),
        MAX(e.type), COUNT(DISTINCT e.article_id), SUM(e.mentions)
    FROM entities e";

fn entity_summary(r: &Row<'_>) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        etype: r.get(2)?,
        articles: u64_at(r, 3)?,
        mentions: u64_at(r, 4)?,
    })
}

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn schema_version(&self) -> Result<u32> {
        let v: Option<i64> =
            self.conn
                .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
                    r.get(0)
                })?;
        Ok(v.unwrap_or(0).max(0) as u32)
    }

    fn ingest(&mut self, batch: &[PreparedArticle]) -> Result<BatchOutcome> {
        // IMMEDIATE takes the write lock up front, so two writers queue instead of
        // failing half-way with SQLITE_BUSY.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let generation = setting(&tx, "generation")?
            .and_then(|g| g.parse::<u64>().ok())
            .unwrap_or(0);
        let next = generation + 1;
        let mut out = BatchOutcome::default();
        for (i, a) in batch.iter().enumerate() {
            let old: Option<(String, i64, String)> = tx
                .query_row(
                    "SELECT content_hash, schema_version, record FROM articles WHERE id = ?1",
                    params![a.id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            match old {
                Some((hash, version, record))
                    if hash == a.content_hash
                        && version == i64::from(a.schema_version)
                        && record == a.json =>
                {
                    out.unchanged += 1;
                    continue;
                }
                Some(_) => out.updated += 1,
                None => out.added += 1,
            }
            Self::write_article(&tx, a, next)?;
            out.written.push(i);
        }
        out.generation = generation;
        if !out.written.is_empty() {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('generation', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![next.to_string()],
            )?;
            out.generation = next;
        }
        tx.commit()?;
        Ok(out)
    }

    fn generation(&self) -> Result<u64> {
        Ok(self
            .get_setting("generation")?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0))
    }

    fn get_setting(&self, key: &str) -> Result<Option<String>> {
        setting(&self.conn, key)
    }

    fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    fn article_json(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT record FROM articles WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn articles(&self, page: Page) -> Result<Paged<ArticleSummary>> {
        let total = self.count("SELECT COUNT(*) FROM articles", [])?;
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.path, a.title, a.outlet, a.date, a.language, a.content_hash,
                a.duplicate_of,
                (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id)
             FROM articles a ORDER BY a.id LIMIT ?1 OFFSET ?2",
        )?;
        let items = stmt
            .query_map(params![limit, offset], |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    path: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    date: r.get(4)?,
                    language: r.get(5)?,
                    content_hash: r.get(6)?,
                    duplicate_of: r.get(7)?,
                    quotes: u64_at(r, 8)?,
                    entities: u64_at(r, 9)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }

    fn for_each_json(&self, f: &mut dyn FnMut(String) -> Result<()>) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT record FROM articles ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(row.get(0)?)?;
        }
        Ok(())
    }

    fn speakers(&self, page: Page) -> Result<Paged<SpeakerSummary>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL",
            [],
        )?;
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(
            "SELECT q.speaker_key,
                (SELECT q2.speaker_name FROM quotes q2 WHERE q2.speaker_key = q.speaker_key
                    GROUP BY q2.speaker_name ORDER BY COUNT(*) DESC, q2.speaker_name LIMIT 1),
                MAX(q.speaker_entity), COUNT(*), COUNT(DISTINCT q.article_id)
             FROM quotes q WHERE q.speaker_key IS NOT NULL
             GROUP BY q.speaker_key ORDER BY COUNT(*) DESC, q.speaker_key
             LIMIT ?1 OFFSET ?2",
        )?;
        let items = stmt
            .query_map(params![limit, offset], |r| {
                Ok(SpeakerSummary {
                    id: r.get(0)?,
                    name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    entity: r.get(2)?,
                    quotes: u64_at(r, 3)?,
                    articles: u64_at(r, 4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }

    fn speaker_quotes(&self, speaker: &str, page: Page) -> Result<Option<Paged<QuoteView>>> {
        let total = self.count(
            "SELECT COUNT(*) FROM quotes WHERE speaker_key = ?1",
            params![speaker],
        )?;
        if total == 0 {
            return Ok(None);
        }
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUOTE_VIEW}
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.speaker_key = ?1
             ORDER BY a.date IS NULL, a.date, q.article_id, q.idx
             LIMIT ?2 OFFSET ?3"
        ))?;
        let items = stmt
            .query_map(params![speaker, limit, offset], quote_view)?
            .collect::<Result<_, _>>()?;
        Ok(Some(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        }))
    }

    fn entities(&self, etype: Option<&str>, page: Page) -> Result<Paged<EntitySummary>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT entity_id) FROM entities WHERE ?1 IS NULL OR type = ?1",
            params![etype],
        )?;
        let (limit, offset) = page.sql();
        let sql = format!(
            "{ENTITY_SUMMARY} WHERE ?1 IS NULL OR e.type = ?1 GROUP BY e.entity_id
             ORDER BY COUNT(DISTINCT e.article_id) DESC, SUM(e.mentions) DESC, e.entity_id
             LIMIT ?2 OFFSET ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let items = stmt
            .query_map(params![etype, limit, offset], entity_summary)?
            .collect::<Result<_, _>>()?;
        Ok(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }

    fn entity(&self, id: &str) -> Result<Option<EntityDetail>> {
        let sql = format!("{ENTITY_SUMMARY} WHERE e.entity_id = ?1 GROUP BY e.entity_id");
        let Some(summary) = self
            .conn
            .query_row(&sql, params![id], entity_summary)
            .optional()?
        else {
            return Ok(None);
        };
        let quotes = self.count(
            "SELECT COUNT(*) FROM quotes WHERE speaker_entity = ?1",
            params![id],
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.article_id, a.title, a.outlet, a.date, e.name, e.titles, e.mentions,
                e.roles
             FROM entities e JOIN articles a ON a.id = e.article_id
             WHERE e.entity_id = ?1
             ORDER BY a.date IS NULL, a.date DESC, e.article_id, e.idx LIMIT 200",
        )?;
        let in_articles = stmt
            .query_map(params![id], |r| {
                Ok(EntityInArticle {
                    article_id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    date: r.get(3)?,
                    name: r.get(4)?,
                    titles: json_list(r.get(5)?),
                    mentions: u64_at(r, 6)?,
                    roles: json_list(r.get(7)?),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(EntityDetail {
            summary,
            quotes,
            in_articles,
        }))
    }

    fn narratives(&self) -> Result<Vec<NarrativeSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT label, level, COUNT(DISTINCT article_id), AVG(score) FROM labels
             GROUP BY label, level ORDER BY level, COUNT(DISTINCT article_id) DESC, label",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(NarrativeSummary {
                label: r.get(0)?,
                level: r.get(1)?,
                articles: u64_at(r, 2)?,
                mean_score: r.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn narrative_articles(&self, label: &str, page: Page) -> Result<Option<Paged<NarrativeHit>>> {
        let total = self.count(
            "SELECT COUNT(*) FROM labels WHERE label = ?1",
            params![label],
        )?;
        if total == 0 {
            return Ok(None);
        }
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.article_id, a.title, a.outlet, a.date, l.level, l.score, l.evidence
             FROM labels l JOIN articles a ON a.id = l.article_id
             WHERE l.label = ?1 ORDER BY l.score DESC, l.article_id LIMIT ?2 OFFSET ?3",
        )?;
        let items = stmt
            .query_map(params![label, limit, offset], |r| {
                let evidence: String = r.get(6)?;
                Ok(NarrativeHit {
                    article_id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    date: r.get(3)?,
                    level: r.get(4)?,
                    score: r.get(5)?,
                    evidence: serde_json::from_str::<Vec<Evidence>>(&evidence).unwrap_or_default(),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        }))
    }

    fn stats(&self) -> Result<Stats> {
        Ok(Stats {
            articles: self.count("SELECT COUNT(*) FROM articles", [])?,
            quotes: self.count("SELECT COUNT(*) FROM quotes", [])?,
            entities: self.count("SELECT COUNT(DISTINCT entity_id) FROM entities", [])?,
            speakers: self.count(
                "SELECT COUNT(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL",
                [],
            )?,
            by_outlet: self.counts(
                "SELECT COALESCE(outlet, 'unknown'), COUNT(*) FROM articles
                 GROUP BY COALESCE(outlet, 'unknown') ORDER BY 2 DESC, 1",
            )?,
            by_language: self.counts(
                "SELECT COALESCE(language, 'unknown'), COUNT(*) FROM articles
                 GROUP BY COALESCE(language, 'unknown') ORDER BY 2 DESC, 1",
            )?,
            by_month: self.counts(
                "SELECT COALESCE(SUBSTR(date, 1, 7), 'unknown'), COUNT(*) FROM articles
                 GROUP BY COALESCE(SUBSTR(date, 1, 7), 'unknown') ORDER BY 1",
            )?,
            by_narrative: self.counts(
                "SELECT label, COUNT(DISTINCT article_id) FROM labels
                 WHERE level = 'narrative' GROUP BY label ORDER BY 2 DESC, 1",
            )?,
            generation: self.generation()?,
        })
    }

    fn outlet_narratives(&self, level: &str) -> Result<Matrix> {
        self.triples(
            "SELECT COALESCE(a.outlet, 'unknown'), l.label, COUNT(DISTINCT l.article_id)
             FROM labels l JOIN articles a ON a.id = l.article_id
             WHERE l.level = ?1 GROUP BY COALESCE(a.outlet, 'unknown'), l.label",
            params![level],
        )
    }

    fn roles_by_outlet(&self, entity: Option<&str>) -> Result<Matrix> {
        self.triples(
            "SELECT COALESCE(a.outlet, 'unknown'), r.main_role, COUNT(*)
             FROM roles r JOIN articles a ON a.id = r.article_id
             WHERE ?1 IS NULL OR r.entity_id = ?1
             GROUP BY COALESCE(a.outlet, 'unknown'), r.main_role",
            params![entity],
        )
    }

    fn shared_quotes(&self, min_outlets: u64, page: Page) -> Result<Paged<SharedQuote>> {
        let min = i64::try_from(min_outlets.max(1)).unwrap_or(i64::MAX);
        let groups = "SELECT q.norm, COUNT(DISTINCT COALESCE(a.outlet, 'article:' || COALESCE(a.duplicate_of, a.id))),
                COUNT(*), MIN(COALESCE(a.date, '9999'))
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.norm IS NOT NULL
             GROUP BY q.norm
             HAVING COUNT(DISTINCT COALESCE(a.outlet, 'article:' || COALESCE(a.duplicate_of, a.id))) >= ?1";
        let total = self.count(&format!("SELECT COUNT(*) FROM ({groups}) g"), params![min])?;
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{groups} ORDER BY 2 DESC, 3 DESC, 4, 1 LIMIT ?2 OFFSET ?3"
        ))?;
        let keys: Vec<(String, u64, u64)> = stmt
            .query_map(params![min, limit, offset], |r| {
                Ok((r.get(0)?, u64_at(r, 1)?, u64_at(r, 2)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut occurrences = self.conn.prepare_cached(&format!(
            "SELECT {QUOTE_VIEW} FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.norm = ?1 ORDER BY a.date IS NULL, a.date, q.article_id, q.idx LIMIT 50"
        ))?;
        let mut items = Vec::with_capacity(keys.len());
        for (key, outlets, n) in keys {
            let quotes = occurrences
                .query_map(params![key], quote_view)?
                .collect::<Result<_, _>>()?;
            items.push(SharedQuote {
                key,
                outlets,
                occurrences: n,
                quotes,
            });
        }
        Ok(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }

    fn duplicates(&self, page: Page) -> Result<Paged<DuplicateGroup>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL",
            [],
        )?;
        let (limit, offset) = page.sql();
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.duplicate_of, o.title, o.outlet, o.date
             FROM articles d LEFT JOIN articles o ON o.id = d.duplicate_of
             WHERE d.duplicate_of IS NOT NULL
             GROUP BY d.duplicate_of, o.title, o.outlet, o.date
             ORDER BY COUNT(*) DESC, d.duplicate_of LIMIT ?1 OFFSET ?2",
        )?;
        let originals: Vec<ArticleRef> = stmt
            .query_map(params![limit, offset], |r| article_ref(r, 0))?
            .collect::<Result<_, _>>()?;
        let mut copies = self.conn.prepare_cached(
            "SELECT id, title, outlet, date FROM articles WHERE duplicate_of = ?1 ORDER BY id",
        )?;
        let mut items = Vec::with_capacity(originals.len());
        for original in originals {
            let copies = copies
                .query_map(params![original.id], |r| article_ref(r, 0))?
                .collect::<Result<_, _>>()?;
            items.push(DuplicateGroup { original, copies });
        }
        Ok(Paged {
            total,
            limit: page.limit,
            offset: page.offset,
            items,
        })
    }

    fn entity_titles(&self) -> Result<Vec<EntityTitles>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entity_id, e.name, e.type, e.article_id, a.title, a.outlet, a.date,
                e.titles, e.conflicts
             FROM entities e JOIN articles a ON a.id = e.article_id
             WHERE e.titles <> '[]' OR e.conflicts <> '[]'
             ORDER BY e.entity_id, a.date IS NULL, a.date, e.article_id, e.idx",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(EntityTitles {
                entity: r.get(0)?,
                name: r.get(1)?,
                etype: r.get(2)?,
                article: article_ref(r, 3)?,
                titles: json_list(r.get(7)?),
                conflicts: json_list(r.get(8)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?)
}
