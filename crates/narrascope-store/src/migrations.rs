//! Numbered schema migrations. A database records each applied migration in
//! `schema_migrations`; opening it applies the missing ones in order, each in its own
//! transaction, and refuses a database whose version is ahead of this build.
//!
//! Never edit a released migration: add the next number. The SQL is the portable
//! subset both SQLite and PostgreSQL accept (`TEXT`, `BIGINT`, `DOUBLE PRECISION`),
//! so every back end runs the same list.

/// One migration.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// Version reached once applied (1, 2, …, no gaps).
    pub version: u32,
    /// What it does.
    pub name: &'static str,
    /// Statements, `;`-separated.
    pub sql: &'static str,
    /// Whether the child tables (quotes, entities, labels, roles) must be derived
    /// again from every stored record once applied: a migration that adds a column or
    /// table filled from the records sets it, so articles stored before it are not
    /// left with empty rows until they are re-ingested.
    pub rederive: bool,
}

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "articles, quotes, entities, settings",
        sql: "
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    schema_version BIGINT NOT NULL,
    outlet TEXT,
    date TEXT,
    language TEXT,
    title TEXT,
    duplicate_of TEXT,
    record TEXT NOT NULL,
    generation BIGINT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_date ON articles (date);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    start_byte BIGINT NOT NULL,
    end_byte BIGINT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_name TEXT,
    speaker_entity TEXT,
    speaker_key TEXT,
    channel TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_key);
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    titles TEXT NOT NULL,
    mentions BIGINT NOT NULL,
    roles TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_entity ON entities (entity_id);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
",
        rederive: false,
    },
    Migration {
        version: 2,
        name: "narrative and sub-narrative labels with evidence",
        sql: "
CREATE TABLE labels (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    level TEXT NOT NULL,
    label TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX labels_label ON labels (label);
",
        rederive: false,
    },
    Migration {
        version: 3,
        name: "entity roles (record v4), normalised quotes, title conflicts",
        sql: "
CREATE TABLE roles (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    main_role TEXT NOT NULL,
    fine_roles TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX roles_entity ON roles (entity_id);
CREATE INDEX roles_main_role ON roles (main_role);
ALTER TABLE quotes ADD COLUMN norm TEXT;
CREATE INDEX quotes_norm ON quotes (norm);
ALTER TABLE entities ADD COLUMN conflicts TEXT NOT NULL DEFAULT '[]';
",
        rederive: true,
    },
];

/// The version a fully migrated database has.
pub fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
        }
    }
}
