//! A record taken apart for storage: the flat columns, the rows of the child tables
//! and the full JSON, prepared once and shared by every back end and the index.
//!
//! Records are read from JSON rather than only through [`ArticleRecord`] so that
//! fields added by later schema versions (narratives, roles) are both kept verbatim in
//! the stored JSON and picked up when present; their absence is never an error.

use narrascope_core::record::ArticleRecord;
use serde_json::Value;

use crate::model::Evidence;
use crate::{Result, StoreError};

/// One quote row.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedQuote {
    /// Start byte in `text`.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Content.
    pub text: String,
    /// `direct`, `partial`, `indirect`.
    pub kind: String,
    /// Speaker name.
    pub speaker_name: Option<String>,
    /// Speaker entity id.
    pub speaker_entity: Option<String>,
    /// Corpus-wide speaker key (entity id, else `name:` + slug).
    pub speaker_key: Option<String>,
    /// Channel name.
    pub channel: Option<String>,
    /// The content normalised for matching the same quote across outlets
    /// ([`normalize_quote`]); `None` under [`MIN_SHARED_QUOTE_WORDS`] words, too short
    /// to say that two outlets carry the same statement.
    pub norm: Option<String>,
}

/// One entity row.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedEntity {
    /// Corpus-stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub etype: String,
    /// Titles.
    pub titles: Vec<String>,
    /// Number of mentions.
    pub mentions: u64,
    /// Roles (empty until the record carries roles).
    pub roles: Vec<String>,
    /// Titles that contradict each other for this entity within the article.
    pub conflicts: Vec<String>,
}

/// The role one entity is cast in (record schema v4 `roles[]`).
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedRole {
    /// Entity id.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// `Protagonist`, `Antagonist` or `Innocent`.
    pub main_role: String,
    /// Fine roles, strongest first.
    pub fine_roles: Vec<String>,
    /// Probability of the main role.
    pub score: f64,
}

/// One narrative or sub-narrative label of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedLabel {
    /// Label.
    pub label: String,
    /// `narrative` or `subnarrative`.
    pub level: &'static str,
    /// Score.
    pub score: f64,
    /// Evidence spans with their text.
    pub evidence: Vec<Evidence>,
}

/// An article record ready to be stored and indexed.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedArticle {
    /// Article id (primary key).
    pub id: String,
    /// Input path.
    pub path: String,
    /// Hash of the raw input (change detection).
    pub content_hash: String,
    /// Record schema version.
    pub schema_version: u32,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Near-duplicate of.
    pub duplicate_of: Option<String>,
    /// Clean body (indexed).
    pub body: String,
    /// Quotes.
    pub quotes: Vec<PreparedQuote>,
    /// Entities.
    pub entities: Vec<PreparedEntity>,
    /// Narratives and sub-narratives.
    pub labels: Vec<PreparedLabel>,
    /// Roles of the entities (v4 `roles[]`).
    pub roles: Vec<PreparedRole>,
    /// The full record as JSON, exactly as received.
    pub json: String,
}

impl PreparedArticle {
    /// Prepares an article record built in this process.
    pub fn from_record(record: &ArticleRecord) -> Result<Self> {
        Self::from_json(serde_json::to_value(record)?)
    }

    /// Prepares a record read as JSON (an `analyze` output line). Error records and
    /// anything that is not an article record are refused.
    pub fn from_json(value: Value) -> Result<Self> {
        match value.get("status").and_then(Value::as_str) {
            Some("ok") => {}
            Some(other) => {
                return Err(StoreError::BadRecord(format!(
                    "status is `{other}`, not `ok`"
                )))
            }
            None => return Err(StoreError::BadRecord("no `status` field".into())),
        }
        let json = serde_json::to_string(&value)?;
        let record: ArticleRecord = serde_json::from_value(value.clone())
            .map_err(|e| StoreError::BadRecord(e.to_string()))?;
        if record.id.is_empty() {
            return Err(StoreError::BadRecord("empty `id`".into()));
        }
        let text = record.text.as_str();
        let quotes = record
            .quotes
            .iter()
            .map(|q| {
                let speaker_name = q.speaker.as_ref().map(|s| s.name.clone());
                let speaker_entity = q.speaker.as_ref().and_then(|s| s.entity.clone());
                let speaker_key = speaker_entity
                    .clone()
                    .or_else(|| speaker_name.as_deref().map(speaker_slug));
                Ok(PreparedQuote {
                    start: q.start,
                    end: q.end,
                    text: q.text.clone(),
                    kind: enum_str(&q.kind)?,
                    speaker_name,
                    speaker_entity,
                    speaker_key,
                    channel: q.channel.as_ref().map(|c| c.name.clone()),
                    norm: shared_quote_key(&q.text),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let raw_entities = value.get("entities").and_then(Value::as_array);
        let roles: Vec<PreparedRole> = record
            .roles
            .iter()
            .map(|r| PreparedRole {
                entity: r.entity.clone(),
                name: r.name.clone(),
                main_role: r.main_role.clone(),
                fine_roles: r.fine_roles.clone(),
                score: f64::from(r.score),
            })
            .collect();
        let entities = record
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let raw = raw_entities.and_then(|a| a.get(i));
                // v4 records cast entities in roles in the top-level `roles[]`;
                // earlier experiments put them on the entity itself.
                let mut entity_roles = raw.map(roles_of).unwrap_or_default();
                for r in roles.iter().filter(|r| r.entity == e.id) {
                    for role in std::iter::once(&r.main_role).chain(&r.fine_roles) {
                        if !role.is_empty() && !entity_roles.contains(role) {
                            entity_roles.push(role.clone());
                        }
                    }
                }
                Ok(PreparedEntity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    etype: enum_str(&e.etype)?,
                    titles: e.titles.clone(),
                    mentions: e.mentions.len() as u64,
                    roles: entity_roles,
                    conflicts: e.conflicts.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut labels = labels_of(&value, "narratives", "narrative", text);
        labels.extend(labels_of(&value, "subnarratives", "subnarrative", text));
        Ok(PreparedArticle {
            id: record.id,
            path: record.path,
            content_hash: record.content_hash,
            schema_version: record.schema_version,
            outlet: record.outlet,
            date: record.date,
            language: record.language,
            title: record.title,
            duplicate_of: record.duplicate_of,
            body: record.body,
            quotes,
            entities,
            labels,
            roles,
            json,
        })
    }
}

/// The JSON string of a unit-like enum (`QuoteKind::Direct` → `direct`).
fn enum_str<T: serde::Serialize>(v: &T) -> Result<String> {
    match serde_json::to_value(v)? {
        Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// Key of a speaker without an entity: `name:` and the lower-cased name with every
/// run of non-alphanumerics turned into one `-`.
pub fn speaker_slug(name: &str) -> String {
    let mut slug = String::from("name:");
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !slug.ends_with(':') {
                slug.push('-');
            }
            slug.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    slug
}

/// Fewest words a quote needs to be matched across outlets.
pub const MIN_SHARED_QUOTE_WORDS: usize = 3;

/// The key under which the same quote is found in several outlets.
fn shared_quote_key(text: &str) -> Option<String> {
    let norm = normalize_quote(text);
    (norm.split(' ').filter(|w| !w.is_empty()).count() >= MIN_SHARED_QUOTE_WORDS).then_some(norm)
}

/// A quote's content reduced for matching across outlets: lower case, every run of
/// characters that are neither letters nor digits (quotation marks, punctuation,
/// spaces) turned into one space, trimmed. "We are ready," and «we are READY» match.
pub fn normalize_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
            space = false;
        } else {
            space = true;
        }
    }
    out
}

/// Roles of an entity, from whichever shape the record uses: `roles` (strings or
/// objects with `label`/`role`), `role`, `main_role`, `fine_roles`.
fn roles_of(entity: &Value) -> Vec<String> {
    let mut roles = Vec::new();
    let mut push = |v: &Value| match v {
        Value::String(s) if !s.is_empty() => roles.push(s.clone()),
        Value::Object(o) => {
            for key in ["label", "role", "main_role"] {
                if let Some(s) = o.get(key).and_then(Value::as_str) {
                    roles.push(s.to_string());
                    break;
                }
            }
        }
        _ => {}
    };
    for key in ["role", "main_role", "roles", "fine_roles"] {
        match entity.get(key) {
            Some(Value::Array(items)) => items.iter().for_each(&mut push),
            Some(v) => push(v),
            None => {}
        }
    }
    roles.dedup();
    roles
}

/// Narrative labels under `key`: `[{label, score, evidence: [span]}]` or plain
/// strings. Evidence spans outside `text` or off character boundaries are dropped.
fn labels_of(value: &Value, key: &str, level: &'static str, text: &str) -> Vec<PreparedLabel> {
    let Some(items) = value.get(key).and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| match item {
            Value::String(label) => Some(PreparedLabel {
                label: label.clone(),
                level,
                score: 1.0,
                evidence: Vec::new(),
            }),
            Value::Object(o) => {
                let label = o.get("label")?.as_str()?.to_string();
                let score = o.get("score").and_then(Value::as_f64).unwrap_or(1.0);
                let evidence = o
                    .get("evidence")
                    .and_then(Value::as_array)
                    .map(|spans| spans.iter().filter_map(|s| evidence(s, text)).collect())
                    .unwrap_or_default();
                Some(PreparedLabel {
                    label,
                    level,
                    score,
                    evidence,
                })
            }
            _ => None,
        })
        .collect()
}

fn evidence(span: &Value, text: &str) -> Option<Evidence> {
    let start = usize::try_from(span.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(span.get("end")?.as_u64()?).ok()?;
    let covered = text.get(start..end)?;
    Some(Evidence {
        start,
        end,
        text: covered.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_collapses_punctuation() {
        assert_eq!(speaker_slug("Jean-Luc  O'Neil"), "name:jean-luc-o-neil");
        assert_eq!(speaker_slug(" A.B. "), "name:a-b");
    }

    #[test]
    fn quotes_normalise_case_punctuation_and_spacing() {
        assert_eq!(normalize_quote("«We are READY,»  he…"), "we are ready he");
        assert_eq!(normalize_quote("„Мы готовы“"), "мы готовы");
        assert_eq!(normalize_quote("..."), "");
    }

    #[test]
    fn roles_tolerate_shapes() {
        let v: Value = serde_json::json!({"main_role": "Protagonist",
            "fine_roles": ["Guardian", {"label": "Hero"}]});
        assert_eq!(roles_of(&v), ["Protagonist", "Guardian", "Hero"]);
        assert!(roles_of(&serde_json::json!({})).is_empty());
    }
}
