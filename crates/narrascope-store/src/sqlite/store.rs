//! The [`Store`] implementation on SQLite: the read queries (the write path is in
//! [`super::write`]).

use rusqlite::{params, OptionalExtension};

use super::{setting, write, SqliteStore};
use crate::model::{
    ArticleRef, ArticleSummary, BatchOutcome, DuplicateGroup, EntityDetail, EntitySummary,
    EntityTitles, Matrix, NarrativeHit, NarrativeSummary, Page, Paged, QuoteView, SharedQuote,
    SpeakerSummary, Stats,
};
use crate::prepared::PreparedArticle;
use crate::rows::{self, QUOTE_VIEW};
use crate::stats;
use crate::store::Store;
use crate::Result;

/// The entity summary columns [`rows::entity_summary`] reads.
const ENTITY_SUMMARY: &str = "
    SELECT e.entity_id,
        (SELECT e2.name FROM entities e2 WHERE e2.entity_id = e.entity_id
            GROUP BY e2.name ORDER BY COUNT(*) DESC, LENGTH(e2.name) DESC, e2.name LIMIT 1),
        MAX(e.type), COUNT(DISTINCT e.article_id), SUM(e.mentions)
    FROM entities e";

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
        write::ingest(&mut self.conn, batch)
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
            .query_map(params![limit, offset], |r| rows::article_summary(r))?
            .collect::<Result<_, _>>()?;
        Ok(page.paged(total, items))
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
            .query_map(params![limit, offset], |r| rows::speaker_summary(r))?
            .collect::<Result<_, _>>()?;
        Ok(page.paged(total, items))
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
            .query_map(params![speaker, limit, offset], |r| rows::quote_view(r))?
            .collect::<Result<_, _>>()?;
        Ok(Some(page.paged(total, items)))
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
            .query_map(params![etype, limit, offset], |r| rows::entity_summary(r))?
            .collect::<Result<_, _>>()?;
        Ok(page.paged(total, items))
    }

    fn entity(&self, id: &str) -> Result<Option<EntityDetail>> {
        let sql = format!("{ENTITY_SUMMARY} WHERE e.entity_id = ?1 GROUP BY e.entity_id");
        let Some(summary) = self
            .conn
            .query_row(&sql, params![id], |r| rows::entity_summary(r))
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
            .query_map(params![id], |r| rows::entity_in_article(r))?
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
        let rows = stmt.query_map([], |r| rows::narrative_summary(r))?;
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
            .query_map(params![label, limit, offset], |r| rows::narrative_hit(r))?
            .collect::<Result<_, _>>()?;
        Ok(Some(page.paged(total, items)))
    }

    fn stats(&self) -> Result<Stats> {
        stats::stats(self)
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
            .query_map(params![min, limit, offset], |r| rows::quote_group(r))?
            .collect::<Result<_, _>>()?;
        let mut occurrences = self.conn.prepare_cached(&format!(
            "SELECT {QUOTE_VIEW} FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.norm = ?1 ORDER BY a.date IS NULL, a.date, q.article_id, q.idx LIMIT 50"
        ))?;
        let mut items = Vec::with_capacity(keys.len());
        for (key, outlets, n) in keys {
            let quotes = occurrences
                .query_map(params![key], |r| rows::quote_view(r))?
                .collect::<Result<_, _>>()?;
            items.push(SharedQuote {
                key,
                outlets,
                occurrences: n,
                quotes,
            });
        }
        Ok(page.paged(total, items))
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
            .query_map(params![limit, offset], |r| rows::article_ref(r, 0))?
            .collect::<Result<_, _>>()?;
        let mut copies = self.conn.prepare_cached(
            "SELECT id, title, outlet, date FROM articles WHERE duplicate_of = ?1 ORDER BY id",
        )?;
        let mut items = Vec::with_capacity(originals.len());
        for original in originals {
            let copies = copies
                .query_map(params![original.id], |r| rows::article_ref(r, 0))?
                .collect::<Result<_, _>>()?;
            items.push(DuplicateGroup { original, copies });
        }
        Ok(page.paged(total, items))
    }

    fn entity_titles(&self) -> Result<Vec<EntityTitles>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entity_id, e.name, e.type, e.article_id, a.title, a.outlet, a.date,
                e.titles, e.conflicts
             FROM entities e JOIN articles a ON a.id = e.article_id
             WHERE e.titles <> '[]' OR e.conflicts <> '[]'
             ORDER BY e.entity_id, a.date IS NULL, a.date, e.article_id, e.idx",
        )?;
        let rows = stmt.query_map([], |r| rows::entity_titles(r))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
