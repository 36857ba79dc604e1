//! The server back end: PostgreSQL through the synchronous `postgres` client.
//!
//! Same tables and migrations as SQLite (the migrations use the portable subset);
//! what differs lives here: `$N` placeholders, `BIGINT` casts of aggregates, typed
//! `NULL` parameters, an advisory lock around migrations and a row lock on the
//! generation so that concurrent writers queue.

use std::sync::{Mutex, MutexGuard};

use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Transaction};

use crate::migrations::{latest, MIGRATIONS};
use crate::model::{
    ArticleRef, ArticleSummary, BatchOutcome, Count, DuplicateGroup, EntityDetail, EntityInArticle,
    EntitySummary, EntityTitles, Evidence, Matrix, NarrativeHit, NarrativeSummary, Page, Paged,
    QuoteView, SharedQuote, SpeakerSummary, Stats,
};
use crate::prepared::PreparedArticle;
use crate::store::Store;
use crate::{Result, StoreError};

/// Key of the advisory lock held while migrating ("narrascope" in ASCII, truncated).
const MIGRATION_LOCK: i64 = 0x6e61_7272_6173_636f;

/// A [`Store`] in a PostgreSQL database.
pub struct PostgresStore {
    // `Client` needs `&mut` even to read, and the read methods of [`Store`] take
    // `&self`; the mutex is never contended (one call at a time holds it).
    client: Mutex<Client>,
}

type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

fn n(v: i64) -> u64 {
    v.max(0) as u64
}

fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
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
                Self::rederive(&mut tx)?;
            }
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                &[&i64::from(m.version), &m.name],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn write_article(tx: &mut Transaction<'_>, a: &PreparedArticle, generation: i64) -> Result<()> {
        tx.execute(
            "INSERT INTO articles (id, path, content_hash, schema_version, outlet, date,
                 language, title, duplicate_of, record, generation)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (id) DO UPDATE SET path = excluded.path,
                 content_hash = excluded.content_hash,
                 schema_version = excluded.schema_version, outlet = excluded.outlet,
                 date = excluded.date, language = excluded.language,
                 title = excluded.title, duplicate_of = excluded.duplicate_of,
                 record = excluded.record, generation = excluded.generation",
            &[
                &a.id,
                &a.path,
                &a.content_hash,
                &i64::from(a.schema_version),
                &a.outlet,
                &a.date,
                &a.language,
                &a.title,
                &a.duplicate_of,
                &a.json,
                &generation,
            ],
        )?;
        Self::write_children(tx, a)
    }

    /// Rewrites the child rows of every stored article from its record.
    fn rederive(tx: &mut Transaction<'_>) -> Result<()> {
        let records: Vec<String> = tx
            .query("SELECT record FROM articles ORDER BY id", &[])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for json in records {
            let a = PreparedArticle::from_json(serde_json::from_str(&json)?)?;
            Self::write_children(tx, &a)?;
        }
        Ok(())
    }

    /// Replaces the quote, entity, label and role rows of `a`.
    fn write_children(tx: &mut Transaction<'_>, a: &PreparedArticle) -> Result<()> {
        for table in ["quotes", "entities", "labels", "roles"] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE article_id = $1"),
                &[&a.id],
            )?;
        }
        let quote = tx.prepare(
            "INSERT INTO quotes (article_id, idx, start_byte, end_byte, text, kind,
                 speaker_name, speaker_entity, speaker_key, channel, norm)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )?;
        for (i, q) in a.quotes.iter().enumerate() {
            tx.execute(
                &quote,
                &[
                    &a.id,
                    &(i as i64),
                    &(q.start as i64),
                    &(q.end as i64),
                    &q.text,
                    &q.kind,
                    &q.speaker_name,
                    &q.speaker_entity,
                    &q.speaker_key,
                    &q.channel,
                    &q.norm,
                ],
            )?;
        }
        let entity = tx.prepare(
            "INSERT INTO entities (article_id, idx, entity_id, name, type, titles, mentions,
                 roles, conflicts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )?;
        for (i, e) in a.entities.iter().enumerate() {
            tx.execute(
                &entity,
                &[
                    &a.id,
                    &(i as i64),
                    &e.id,
                    &e.name,
                    &e.etype,
                    &serde_json::to_string(&e.titles)?,
                    &(e.mentions as i64),
                    &serde_json::to_string(&e.roles)?,
                    &serde_json::to_string(&e.conflicts)?,
                ],
            )?;
        }
        let label = tx.prepare(
            "INSERT INTO labels (article_id, idx, level, label, score, evidence)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )?;
        for (i, l) in a.labels.iter().enumerate() {
            tx.execute(
                &label,
                &[
                    &a.id,
                    &(i as i64),
                    &l.level,
                    &l.label,
                    &l.score,
                    &serde_json::to_string(&l.evidence)?,
                ],
            )?;
        }
        let role = tx.prepare(
            "INSERT INTO roles (article_id, idx, entity_id, name, main_role, fine_roles, score)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )?;
        for (i, r) in a.roles.iter().enumerate() {
            tx.execute(
                &role,
                &[
                    &a.id,
                    &(i as i64),
                    &r.entity,
                    &r.name,
                    &r.main_role,
                    &serde_json::to_string(&r.fine_roles)?,
                    &r.score,
                ],
            )?;
        }
        Ok(())
    }

    fn triples(&self, sql: &str, params: Params<'_>) -> Result<Matrix> {
        Ok(Matrix::from_triples(
            self.query(sql, params)?
                .iter()
                .map(|r| (r.get(0), r.get(1), n(r.get(2)))),
        ))
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

    fn counts(&self, sql: &str) -> Result<Vec<Count>> {
        Ok(self
            .query(sql, &[])?
            .iter()
            .map(|r| Count {
                value: r.get(0),
                count: n(r.get(1)),
            })
            .collect())
    }
}

const ENTITY_SUMMARY: &str = "
    SELECT e.entity_id,
        (SELECT e2.name FROM entities e2 WHERE e2.entity_id = e.entity_id
            GROUP BY e2.name ORDER BY COUNT(*) DESC, LENGTH(e2.name) DESC, e2.name LIMIT 1),
        MAX(e.type), COUNT(DISTINCT e.article_id), SUM(e.mentions)::BIGINT
    FROM entities e";

fn entity_summary(r: &Row) -> EntitySummary {
    EntitySummary {
        id: r.get(0),
        name: r.get(1),
        etype: r.get(2),
        articles: n(r.get(3)),
        mentions: n(r.get::<_, Option<i64>>(4).unwrap_or(0)),
    }
}

fn article_ref(r: &Row, at: usize) -> ArticleRef {
    ArticleRef {
        id: r.get(at),
        title: r.get(at + 1),
        outlet: r.get(at + 2),
        date: r.get(at + 3),
    }
}

/// The columns [`quote_view`] reads, from `quotes q JOIN articles a`.
const QUOTE_VIEW: &str = "q.article_id, a.title, a.outlet, a.date, q.idx, q.start_byte,
    q.end_byte, q.text, q.kind, q.speaker_name, q.speaker_entity, q.channel";

fn quote_view(r: &Row) -> QuoteView {
    QuoteView {
        article_id: r.get(0),
        title: r.get(1),
        outlet: r.get(2),
        date: r.get(3),
        index: n(r.get(4)) as usize,
        start: n(r.get(5)) as usize,
        end: n(r.get(6)) as usize,
        text: r.get(7),
        kind: r.get(8),
        speaker: r.get(9),
        speaker_entity: r.get(10),
        channel: r.get(11),
    }
}

fn paged<T>(total: u64, page: Page, items: Vec<T>) -> Paged<T> {
    Paged {
        total,
        limit: page.limit,
        offset: page.offset,
        items,
    }
}

impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn schema_version(&self) -> Result<u32> {
        let v: Option<i64> = self
            .client()
            .query_one("SELECT MAX(version) FROM schema_migrations", &[])?
            .get(0);
        Ok(v.unwrap_or(0).max(0) as u32)
    }

    fn ingest(&mut self, batch: &[PreparedArticle]) -> Result<BatchOutcome> {
        let client = self.client.get_mut().unwrap_or_else(|p| p.into_inner());
        let mut tx = client.transaction()?;
        // Locking the generation row makes concurrent writers queue here rather than
        // interleave their batches.
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('generation', '0')
             ON CONFLICT (key) DO NOTHING",
            &[],
        )?;
        let generation: String = tx
            .query_one(
                "SELECT value FROM settings WHERE key = 'generation' FOR UPDATE",
                &[],
            )?
            .get(0);
        let generation: u64 = generation.parse().unwrap_or(0);
        let next = generation + 1;
        let mut out = BatchOutcome::default();
        for (i, a) in batch.iter().enumerate() {
            let old = tx.query_opt(
                "SELECT content_hash, schema_version, record FROM articles WHERE id = $1",
                &[&a.id],
            )?;
            let old = old.map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, i64>(1),
                    r.get::<_, String>(2),
                )
            });
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
            Self::write_article(&mut tx, a, next as i64)?;
            out.written.push(i);
        }
        out.generation = generation;
        if !out.written.is_empty() {
            tx.execute(
                "UPDATE settings SET value = $1 WHERE key = 'generation'",
                &[&next.to_string()],
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
        Ok(self
            .query("SELECT value FROM settings WHERE key = $1", &[&key])?
            .first()
            .map(|r| r.get(0)))
    }

    fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.client().execute(
            "INSERT INTO settings (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &value],
        )?;
        Ok(())
    }

    fn article_json(&self, id: &str) -> Result<Option<String>> {
        Ok(self
            .query("SELECT record FROM articles WHERE id = $1", &[&id])?
            .first()
            .map(|r| r.get(0)))
    }

    fn articles(&self, page: Page) -> Result<Paged<ArticleSummary>> {
        let total = self.count("SELECT COUNT(*) FROM articles", &[])?;
        let (limit, offset) = page.sql();
        let items = self
            .query(
                "SELECT a.id, a.path, a.title, a.outlet, a.date, a.language, a.content_hash,
                    a.duplicate_of,
                    (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                    (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id)
                 FROM articles a ORDER BY a.id LIMIT $1 OFFSET $2",
                &[&limit, &offset],
            )?
            .iter()
            .map(|r| ArticleSummary {
                id: r.get(0),
                path: r.get(1),
                title: r.get(2),
                outlet: r.get(3),
                date: r.get(4),
                language: r.get(5),
                content_hash: r.get(6),
                duplicate_of: r.get(7),
                quotes: n(r.get(8)),
                entities: n(r.get(9)),
            })
            .collect();
        Ok(paged(total, page, items))
    }

    fn for_each_json(&self, f: &mut dyn FnMut(String) -> Result<()>) -> Result<()> {
        // Pages by id so a large corpus is never held in memory at once.
        let mut after = String::new();
        loop {
            let rows = self.query(
                "SELECT id, record FROM articles WHERE id > $1 ORDER BY id LIMIT 500",
                &[&after],
            )?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.get(0);
            for r in &rows {
                f(r.get(1))?;
            }
        }
    }

    fn speakers(&self, page: Page) -> Result<Paged<SpeakerSummary>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL",
            &[],
        )?;
        let (limit, offset) = page.sql();
        let items = self
            .query(
                "SELECT q.speaker_key,
                    (SELECT q2.speaker_name FROM quotes q2 WHERE q2.speaker_key = q.speaker_key
                        GROUP BY q2.speaker_name ORDER BY COUNT(*) DESC, q2.speaker_name LIMIT 1),
                    MAX(q.speaker_entity), COUNT(*), COUNT(DISTINCT q.article_id)
                 FROM quotes q WHERE q.speaker_key IS NOT NULL
                 GROUP BY q.speaker_key ORDER BY COUNT(*) DESC, q.speaker_key
                 LIMIT $1 OFFSET $2",
                &[&limit, &offset],
            )?
            .iter()
            .map(|r| SpeakerSummary {
                id: r.get(0),
                name: r.get::<_, Option<String>>(1).unwrap_or_default(),
                entity: r.get(2),
                quotes: n(r.get(3)),
                articles: n(r.get(4)),
            })
            .collect();
        Ok(paged(total, page, items))
    }

    fn speaker_quotes(&self, speaker: &str, page: Page) -> Result<Option<Paged<QuoteView>>> {
        let total = self.count(
            "SELECT COUNT(*) FROM quotes WHERE speaker_key = $1",
            &[&speaker],
        )?;
        if total == 0 {
            return Ok(None);
        }
        let (limit, offset) = page.sql();
        let items = self
            .query(
                &format!(
                    "SELECT {QUOTE_VIEW}
                     FROM quotes q JOIN articles a ON a.id = q.article_id
                     WHERE q.speaker_key = $1
                     ORDER BY a.date IS NULL, a.date, q.article_id, q.idx
                     LIMIT $2 OFFSET $3"
                ),
                &[&speaker, &limit, &offset],
            )?
            .iter()
            .map(quote_view)
            .collect();
        Ok(Some(paged(total, page, items)))
    }

    fn entities(&self, etype: Option<&str>, page: Page) -> Result<Paged<EntitySummary>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT entity_id) FROM entities
             WHERE $1::TEXT IS NULL OR type = $1",
            &[&etype],
        )?;
        let (limit, offset) = page.sql();
        let sql = format!(
            "{ENTITY_SUMMARY} WHERE $1::TEXT IS NULL OR e.type = $1 GROUP BY e.entity_id
             ORDER BY COUNT(DISTINCT e.article_id) DESC, SUM(e.mentions) DESC, e.entity_id
             LIMIT $2 OFFSET $3"
        );
        let items = self
            .query(&sql, &[&etype, &limit, &offset])?
            .iter()
            .map(entity_summary)
            .collect();
        Ok(paged(total, page, items))
    }

    fn entity(&self, id: &str) -> Result<Option<EntityDetail>> {
        let sql = format!("{ENTITY_SUMMARY} WHERE e.entity_id = $1 GROUP BY e.entity_id");
        let Some(summary) = self.query(&sql, &[&id])?.first().map(entity_summary) else {
            return Ok(None);
        };
        let quotes = self.count(
            "SELECT COUNT(*) FROM quotes WHERE speaker_entity = $1",
            &[&id],
        )?;
        let in_articles = self
            .query(
                "SELECT e.article_id, a.title, a.outlet, a.date, e.name, e.titles,
                    e.mentions, e.roles
                 FROM entities e JOIN articles a ON a.id = e.article_id
                 WHERE e.entity_id = $1
                 ORDER BY a.date IS NULL, a.date DESC, e.article_id, e.idx LIMIT 200",
                &[&id],
            )?
            .iter()
            .map(|r| EntityInArticle {
                article_id: r.get(0),
                title: r.get(1),
                outlet: r.get(2),
                date: r.get(3),
                name: r.get(4),
                titles: json_list(r.get(5)),
                mentions: n(r.get(6)),
                roles: json_list(r.get(7)),
            })
            .collect();
        Ok(Some(EntityDetail {
            summary,
            quotes,
            in_articles,
        }))
    }

    fn narratives(&self) -> Result<Vec<NarrativeSummary>> {
        Ok(self
            .query(
                "SELECT label, level, COUNT(DISTINCT article_id), AVG(score) FROM labels
                 GROUP BY label, level ORDER BY level, COUNT(DISTINCT article_id) DESC, label",
                &[],
            )?
            .iter()
            .map(|r| NarrativeSummary {
                label: r.get(0),
                level: r.get(1),
                articles: n(r.get(2)),
                mean_score: r.get::<_, Option<f64>>(3).unwrap_or(0.0),
            })
            .collect())
    }

    fn narrative_articles(&self, label: &str, page: Page) -> Result<Option<Paged<NarrativeHit>>> {
        let total = self.count("SELECT COUNT(*) FROM labels WHERE label = $1", &[&label])?;
        if total == 0 {
            return Ok(None);
        }
        let (limit, offset) = page.sql();
        let items = self
            .query(
                "SELECT l.article_id, a.title, a.outlet, a.date, l.level, l.score, l.evidence
                 FROM labels l JOIN articles a ON a.id = l.article_id
                 WHERE l.label = $1 ORDER BY l.score DESC, l.article_id LIMIT $2 OFFSET $3",
                &[&label, &limit, &offset],
            )?
            .iter()
            .map(|r| NarrativeHit {
                article_id: r.get(0),
                title: r.get(1),
                outlet: r.get(2),
                date: r.get(3),
                level: r.get(4),
                score: r.get(5),
                evidence: serde_json::from_str::<Vec<Evidence>>(r.get(6)).unwrap_or_default(),
            })
            .collect();
        Ok(Some(paged(total, page, items)))
    }

    fn stats(&self) -> Result<Stats> {
        Ok(Stats {
            articles: self.count("SELECT COUNT(*) FROM articles", &[])?,
            quotes: self.count("SELECT COUNT(*) FROM quotes", &[])?,
            entities: self.count("SELECT COUNT(DISTINCT entity_id) FROM entities", &[])?,
            speakers: self.count(
                "SELECT COUNT(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL",
                &[],
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
             WHERE l.level = $1 GROUP BY COALESCE(a.outlet, 'unknown'), l.label",
            &[&level],
        )
    }

    fn roles_by_outlet(&self, entity: Option<&str>) -> Result<Matrix> {
        self.triples(
            "SELECT COALESCE(a.outlet, 'unknown'), r.main_role, COUNT(*)
             FROM roles r JOIN articles a ON a.id = r.article_id
             WHERE $1::TEXT IS NULL OR r.entity_id = $1
             GROUP BY COALESCE(a.outlet, 'unknown'), r.main_role",
            &[&entity],
        )
    }

    fn shared_quotes(&self, min_outlets: u64, page: Page) -> Result<Paged<SharedQuote>> {
        let min = i64::try_from(min_outlets.max(1)).unwrap_or(i64::MAX);
        let groups = "SELECT q.norm, COUNT(DISTINCT COALESCE(a.outlet, 'article:' || COALESCE(a.duplicate_of, a.id))),
                COUNT(*), MIN(COALESCE(a.date, '9999'))
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.norm IS NOT NULL
             GROUP BY q.norm
             HAVING COUNT(DISTINCT COALESCE(a.outlet, 'article:' || COALESCE(a.duplicate_of, a.id))) >= $1";
        let total = self.count(&format!("SELECT COUNT(*) FROM ({groups}) g"), &[&min])?;
        let (limit, offset) = page.sql();
        let keys: Vec<(String, u64, u64)> = self
            .query(
                &format!("{groups} ORDER BY 2 DESC, 3 DESC, 4, 1 LIMIT $2 OFFSET $3"),
                &[&min, &limit, &offset],
            )?
            .iter()
            .map(|r| (r.get(0), n(r.get(1)), n(r.get(2))))
            .collect();
        let sql = format!(
            "SELECT {QUOTE_VIEW} FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.norm = $1 ORDER BY a.date IS NULL, a.date, q.article_id, q.idx LIMIT 50"
        );
        let mut items = Vec::with_capacity(keys.len());
        for (key, outlets, occurrences) in keys {
            let quotes = self.query(&sql, &[&key])?.iter().map(quote_view).collect();
            items.push(SharedQuote {
                key,
                outlets,
                occurrences,
                quotes,
            });
        }
        Ok(paged(total, page, items))
    }

    fn duplicates(&self, page: Page) -> Result<Paged<DuplicateGroup>> {
        let total = self.count(
            "SELECT COUNT(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL",
            &[],
        )?;
        let (limit, offset) = page.sql();
        let originals: Vec<ArticleRef> = self
            .query(
                "SELECT d.duplicate_of, o.title, o.outlet, o.date
                 FROM articles d LEFT JOIN articles o ON o.id = d.duplicate_of
                 WHERE d.duplicate_of IS NOT NULL
                 GROUP BY d.duplicate_of, o.title, o.outlet, o.date
                 ORDER BY COUNT(*) DESC, d.duplicate_of LIMIT $1 OFFSET $2",
                &[&limit, &offset],
            )?
            .iter()
            .map(|r| article_ref(r, 0))
            .collect();
        let mut items = Vec::with_capacity(originals.len());
        for original in originals {
            let copies = self
                .query(
                    "SELECT id, title, outlet, date FROM articles WHERE duplicate_of = $1
                     ORDER BY id",
                    &[&original.id],
                )?
                .iter()
                .map(|r| article_ref(r, 0))
                .collect();
            items.push(DuplicateGroup { original, copies });
        }
        Ok(paged(total, page, items))
    }

    fn entity_titles(&self) -> Result<Vec<EntityTitles>> {
        Ok(self
            .query(
                "SELECT e.entity_id, e.name, e.type, e.article_id, a.title, a.outlet, a.date,
                    e.titles, e.conflicts
                 FROM entities e JOIN articles a ON a.id = e.article_id
                 WHERE e.titles <> '[]' OR e.conflicts <> '[]'
                 ORDER BY e.entity_id, a.date IS NULL, a.date, e.article_id, e.idx",
                &[],
            )?
            .iter()
            .map(|r| EntityTitles {
                entity: r.get(0),
                name: r.get(1),
                etype: r.get(2),
                article: article_ref(r, 3),
                titles: json_list(r.get(7)),
                conflicts: json_list(r.get(8)),
            })
            .collect())
    }
}
