//! The output record: what `analyze` writes for each article (schema v1).
//!
//! The same record is shared by every sink (JSON, JSON Lines, CSV, text) and, later,
//! by the store and the HTTP API. `docs/schema.md` documents every field; a change
//! that removes or renames a field bumps [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};

use crate::{
    Document, InputError, InputErrorKind, MetaValue, NoiseKind, SourceFormat, SourceMap, Span,
};

/// Version of the record layout written by this build.
pub const SCHEMA_VERSION: u32 = 1;

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
    /// Non-fatal problems.
    pub warnings: Vec<String>,
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
