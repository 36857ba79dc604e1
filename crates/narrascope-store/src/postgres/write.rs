//! The write path: a batch in one transaction (behind a row lock on the
//! generation), each article's row and its quote, entity, label and role rows.

use postgres::{Client, Transaction};

use crate::model::BatchOutcome;
use crate::prepared::PreparedArticle;
use crate::Result;

/// Stores `batch` in one transaction and bumps the generation when it changed
/// anything.
pub(super) fn ingest(client: &mut Client, batch: &[PreparedArticle]) -> Result<BatchOutcome> {
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
        let stored = tx
            .query_opt(
                "SELECT content_hash, schema_version, record FROM articles WHERE id = $1",
                &[&a.id],
            )?
            .map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, i64>(1),
                    r.get::<_, String>(2),
                )
            });
        if !out.count_article(a, stored) {
            continue;
        }
        write_article(&mut tx, a, next as i64)?;
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

/// Rewrites the child rows of every stored article from its record.
pub(super) fn rederive(tx: &mut Transaction<'_>) -> Result<()> {
    let records: Vec<String> = tx
        .query("SELECT record FROM articles ORDER BY id", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for json in records {
        let a = PreparedArticle::from_json(serde_json::from_str(&json)?)?;
        write_children(tx, &a)?;
    }
    Ok(())
}

/// Inserts or replaces the row of `a`, then its child rows.
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
    write_children(tx, a)
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
