//! The write path: a batch in one transaction, each article's row and its quote,
//! entity, label and role rows.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::setting;
use crate::model::BatchOutcome;
use crate::prepared::PreparedArticle;
use crate::Result;

/// Stores `batch` in one transaction and bumps the generation when it changed
/// anything.
pub(super) fn ingest(conn: &mut Connection, batch: &[PreparedArticle]) -> Result<BatchOutcome> {
    // IMMEDIATE takes the write lock up front, so two writers queue instead of
    // failing half-way with SQLITE_BUSY.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let generation = setting(&tx, "generation")?
        .and_then(|g| g.parse::<u64>().ok())
        .unwrap_or(0);
    let next = generation + 1;
    let mut out = BatchOutcome::default();
    for (i, a) in batch.iter().enumerate() {
        let stored: Option<(String, i64, String)> = tx
            .query_row(
                "SELECT content_hash, schema_version, record FROM articles WHERE id = ?1",
                params![a.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if !out.count_article(a, stored) {
            continue;
        }
        write_article(&tx, a, next)?;
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

/// Rewrites the child rows of every stored article from its record.
pub(super) fn rederive(tx: &Transaction<'_>) -> Result<()> {
    let records: Vec<String> = {
        let mut stmt = tx.prepare("SELECT record FROM articles ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for json in records {
        let a = PreparedArticle::from_json(serde_json::from_str(&json)?)?;
        write_children(tx, &a)?;
    }
    Ok(())
}

/// Inserts or replaces the row of `a`, then its child rows.
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
    write_children(tx, a)
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
