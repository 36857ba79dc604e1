//! The output record: what `analyze` writes for each article (schema v3).
//!
//! The same record is shared by every sink (JSON, JSON Lines, CSV, text) and, later,
//! by the store and the HTTP API. `docs/schema.md` documents every field; a change
//! that removes or renames a field bumps [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

use crate::{
    Document, EntityType, Explanation, InputError, InputErrorKind, LabelScore, MentionKind,
    MetaValue, NoiseKind, QuoteKind, SourceFormat, SourceMap, Span,
};

/// Version of the record layout written by this build.
pub const SCHEMA_VERSION: u32 = 4;

/// A removed noise segment as written in the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoiseRecord {
    /// Start byte in `text`.
    pub start: usize,
    /// End byte (exclusive) in `text`.
    pub end: usize,
    /// Why it was removed.
    pub kind: NoiseKind,
    /// The removed text.
    pub text: String,
}

/// Provenance of the flat metadata fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetaRecord {
    /// How `outlet` was found.
    pub outlet: Option<MetaValue>,
    /// How `date` was found.
    pub date: Option<MetaValue>,
    /// How `language` was found.
    pub language: Option<MetaValue>,
}

/// One analysed article (`status = "ok"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Always [`SCHEMA_VERSION`] for records written by this build.
    pub schema_version: u32,
    /// `"ok"`.
    pub status: String,
    /// Article id.
    pub id: String,
    /// Where it was read from.
    pub path: String,
    /// `text` or `html`.
    pub format: SourceFormat,
    /// Page address, when given.
    pub url: Option<String>,
    /// Title text.
    pub title: Option<String>,
    /// Title span in `text`.
    pub title_span: Option<Span>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Body language, ISO 639-1.
    pub language: Option<String>,
    /// Where `outlet`, `date` and `language` came from.
    pub meta: MetaRecord,
    /// Cleaned body: paragraphs joined by blank lines.
    pub body: String,
    /// The analysed text every span indexes (the file itself for plain text).
    pub text: String,
    /// Hex digest (xxh3-64) of the raw input bytes, for change detection.
    pub content_hash: String,
    /// Body regions of `text`.
    pub body_spans: Vec<Span>,
    /// Removed noise.
    pub noise: Vec<NoiseRecord>,
    /// Body paragraphs.
    pub paragraphs: Vec<Span>,
    /// Body sentences.
    pub sentences: Vec<Span>,
    /// For HTML: where each block of `text` came from in the page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_map: Vec<SourceMap>,
    /// Id of an earlier article in the batch with (nearly) the same text.
    pub duplicate_of: Option<String>,
    /// Canonical entities with their mentions (v2; empty in v1 records).
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Quotes and reported statements with their speakers (v2; empty in v1 records).
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    /// Narratives the article advances, with scores and evidence (v3; empty before).
    #[serde(default)]
    pub narratives: Vec<LabelScore>,
    /// Sub-narratives, each under one of `narratives` (v3; empty before).
    #[serde(default)]
    pub subnarratives: Vec<LabelScore>,
    /// Roles entities are cast in (v4; empty before).
    #[serde(default)]
    pub roles: Vec<RoleRecord>,
    /// Why the article advances its dominant narrative (v4; absent before).
    #[serde(default)]
    pub explanation: Option<Explanation>,
    /// Non-fatal problems.
    pub warnings: Vec<String>,
}

/// One mention of an entity as written in the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// Start byte in `text`.
    pub start: usize,
    /// End byte (exclusive) in `text`.
    pub end: usize,
    /// Name, nominal description or pronoun.
    pub kind: MentionKind,
}

/// One canonical entity of the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Corpus-stable id (`person:alexander-lukashenko`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `org`, `loc`, `group` or `misc`.
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Titles kept apart from the name ("Belarusian President").
    pub titles: Vec<String>,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Where it is mentioned, in order.
    pub mentions: Vec<MentionRecord>,
    /// Conflicting titles or descriptions found for it (e.g. two different offices).
    #[serde(default)]
    pub conflicts: Vec<String>,
}

/// Who said something, as written in the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    /// Canonical name.
    pub name: String,
    /// Id of the entity in `entities`, when resolved.
    pub entity: Option<String>,
    /// The words that name the speaker for this quote.
    pub mention: Option<Span>,
}

/// One quote or reported statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// Start byte of the quoted content in `text` (quotation marks excluded).
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The quoted content.
    pub text: String,
    /// The whole attributed content, marks and the reporter's surrounding clause
    /// included (PolNeAR's Content convention; v4, absent before).
    #[serde(default)]
    pub content: Option<Span>,
    /// `direct`, `partial` or `indirect`.
    pub kind: QuoteKind,
    /// The cue ("said", "according to").
    pub cue: Option<Span>,
    /// The speaker; `null` when the text does not say.
    pub speaker: Option<SpeakerRecord>,
    /// The medium that relayed the words ("TASS cited him as saying").
    pub channel: Option<SpeakerRecord>,
}

/// The role an entity is cast in, as written in the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleRecord {
    /// Id of the entity (`entities[].id`).
    pub entity: String,
    /// Canonical name of the entity.
    pub name: String,
    /// The mention the role was decided at.
    pub mention: Span,
    /// `"Protagonist"`, `"Antagonist"` or `"Innocent"`.
    pub main_role: String,
    /// Fine roles under `main_role`, strongest first.
    pub fine_roles: Vec<String>,
    /// Calibrated probability of `main_role`.
    pub score: f32,
    /// Sentences that cast the entity in the role, strongest first.
    pub evidence: Vec<Span>,
}

fn role_records(doc: &Document) -> Vec<RoleRecord> {
    doc.roles
        .iter()
        .filter_map(|r| {
            let e = doc.entities.get(r.entity)?;
            Some(RoleRecord {
                entity: e.id.clone(),
                name: e.name.clone(),
                mention: r.mention,
                main_role: r.main_role.clone(),
                fine_roles: r.fine_roles.clone(),
                score: r.score,
                evidence: r.evidence.clone(),
            })
        })
        .collect()
}

fn speaker_record(doc: &Document, s: &crate::Speaker) -> SpeakerRecord {
    SpeakerRecord {
        name: s.name.clone(),
        entity: s
            .entity
            .and_then(|k| doc.entities.get(k))
            .map(|e| e.id.clone()),
        mention: s.mention,
    }
}

fn entity_records(doc: &Document) -> Vec<EntityRecord> {
    doc.entities
        .iter()
        .map(|e| EntityRecord {
            id: e.id.clone(),
            name: e.name.clone(),
            etype: e.etype,
            titles: e.titles.clone(),
            aliases: e.aliases.clone(),
            mentions: e
                .mentions
                .iter()
                .filter_map(|&m| doc.mentions.get(m))
                .map(|m| MentionRecord {
                    start: m.span.start,
                    end: m.span.end,
                    kind: m.kind,
                })
                .collect(),
            conflicts: e.conflicts.clone(),
        })
        .collect()
}

fn quote_records(doc: &Document) -> Vec<QuoteRecord> {
    doc.quotes
        .iter()
        .map(|q| QuoteRecord {
            start: q.span.start,
            end: q.span.end,
            text: doc.slice(q.span).to_string(),
            content: Some(q.content),
            kind: q.kind,
            cue: q.cue,
            speaker: q.speaker.as_ref().map(|s| speaker_record(doc, s)),
            channel: q.channel.as_ref().map(|s| speaker_record(doc, s)),
        })
        .collect()
}

impl ArticleRecord {
    /// Builds the record of an analysed document. `content_hash` is computed by the
    /// caller, which holds the raw bytes.
    pub fn from_document(doc: &Document, content_hash: String) -> Self {
        let meta = MetaRecord {
            outlet: doc.outlet.clone(),
            date: doc.date.clone(),
            language: doc.language.clone(),
        };
        ArticleRecord {
            schema_version: SCHEMA_VERSION,
            status: "ok".to_string(),
            id: doc.article.id.clone(),
            path: doc.article.path.clone(),
            format: doc.article.format,
            url: doc.article.given.url.clone(),
            title: doc.title.map(|s| doc.slice(s).trim().to_string()),
            title_span: doc.title,
            outlet: doc.outlet.as_ref().map(|m| m.value.clone()),
            date: doc.date.as_ref().map(|m| m.value.clone()),
            language: doc.language.as_ref().map(|m| m.value.clone()),
            meta,
            body: doc.body_text(),
            text: doc.text.clone(),
            content_hash,
            body_spans: doc.body.clone(),
            noise: doc
                .noise
                .iter()
                .map(|n| NoiseRecord {
                    start: n.span.start,
                    end: n.span.end,
                    kind: n.kind,
                    text: doc.slice(n.span).to_string(),
                })
                .collect(),
            paragraphs: doc.paragraphs.clone(),
            sentences: doc.sentences.clone(),
            source_map: doc.source_map.clone(),
            duplicate_of: doc.duplicate_of.clone(),
            entities: entity_records(doc),
            quotes: quote_records(doc),
            narratives: doc.narratives.clone(),
            subnarratives: doc.subnarratives.clone(),
            roles: role_records(doc),
            explanation: doc.explanation.clone(),
            warnings: doc.warnings.clone(),
        }
    }
}

/// An input that failed (`status = "error"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `"error"`.
    pub status: String,
    /// Article id, when known.
    pub id: Option<String>,
    /// The file concerned.
    pub path: String,
    /// Machine-readable reason.
    pub error_kind: InputErrorKind,
    /// Human-readable reason.
    pub error: String,
}

impl From<&InputError> for ErrorRecord {
    fn from(e: &InputError) -> Self {
        ErrorRecord {
            schema_version: SCHEMA_VERSION,
            status: "error".to_string(),
            id: e.id.clone(),
            path: e.path.clone(),
            error_kind: e.kind,
            error: e.message.clone(),
        }
    }
}

/// One line of `analyze` output: an article or an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    /// An analysed article.
    Article(Box<ArticleRecord>),
    /// A failed input.
    Error(ErrorRecord),
}
