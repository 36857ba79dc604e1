//! The document under analysis: an [`Article`] plus every annotation layer.

use serde::{Deserialize, Serialize};

use crate::{
    Article, Entity, Explanation, LabelScore, Mention, NoiseSegment, Quote, RoleAssignment, Span,
};

/// How a metadata value was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaSource {
    /// Supplied with the input (JSON Lines field).
    Given,
    /// Derived from the page address.
    Url,
    /// Read from HTML metadata (`<meta>`, JSON-LD, `<html lang>`).
    HtmlMeta,
    /// Found in the article text; `evidence` points at it.
    Text,
    /// Inferred by a statistical model (language identification).
    Model,
}

/// A metadata value with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetaValue {
    /// The value: an outlet name, an ISO-8601 date (`YYYY-MM-DD`), or an ISO 639-1 code.
    pub value: String,
    /// How it was found.
    pub source: MetaSource,
    /// The text that states it, when `source` is `text`.
    pub evidence: Option<Span>,
    /// Confidence in `[0, 1]` where the method gives one.
    pub confidence: Option<f32>,
}

/// Maps a stretch of the analysed text back to the bytes of the raw source it came
/// from. Used for HTML, where the text is extracted from markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    /// Span in the analysed `text`.
    pub text: Span,
    /// Span in `Article::raw` (the HTML) of the element it was extracted from.
    pub raw: Span,
}

/// An article and everything derived from it. Spans index [`Document::text`].
#[derive(Clone, Debug)]
pub struct Document {
    /// The article as read.
    pub article: Article,
    /// The analysed text. For plain-text inputs it is `article.raw` itself; for HTML it
    /// is the extracted article (title, blank line, paragraphs separated by blank lines).
    pub text: String,
    /// For HTML inputs: where each extracted block came from in the page.
    pub source_map: Vec<SourceMap>,
    /// The title line.
    pub title: Option<Span>,
    /// Body regions: the text after the title with noise cut out, in order.
    pub body: Vec<Span>,
    /// Removed scraping noise, in order, non-overlapping.
    pub noise: Vec<NoiseSegment>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Span>,
    /// Body sentences, in order; each lies inside one paragraph.
    pub sentences: Vec<Span>,
    /// The outlet that published the article.
    pub outlet: Option<MetaValue>,
    /// Publication date.
    pub date: Option<MetaValue>,
    /// Language of the body (ISO 639-1).
    pub language: Option<MetaValue>,
    /// Id of an earlier article in the batch with (nearly) the same text.
    pub duplicate_of: Option<String>,
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Canonical entities (mentions merged).
    pub entities: Vec<Entity>,
    /// Quotes and reported statements, in text order.
    pub quotes: Vec<Quote>,
    /// Narratives the article advances (SemEval-2025 Task 10 taxonomy), strongest
    /// first; `"Other"` alone when none applies. Empty when not analysed.
    pub narratives: Vec<LabelScore>,
    /// Sub-narratives, each under one of `narratives`, strongest first.
    pub subnarratives: Vec<LabelScore>,
    /// Roles entities are cast in (protagonist / antagonist / innocent), one per
    /// entity that has one, in entity order.
    pub roles: Vec<RoleAssignment>,
    /// Why the article advances its dominant narrative, in its own sentences.
    pub explanation: Option<Explanation>,
    /// Non-fatal problems met while analysing (for example, a truncated input).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with no annotations whose text is the article's raw text.
    pub fn from_text(article: Article) -> Self {
        let text = article.raw.clone();
        Self::with_text(article, text)
    }

    /// A document with no annotations and the given analysed text.
    pub fn with_text(article: Article, text: String) -> Self {
        Document {
            article,
            text,
            source_map: Vec::new(),
            title: None,
            body: Vec::new(),
            noise: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            outlet: None,
            date: None,
            language: None,
            duplicate_of: None,
            mentions: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            narratives: Vec::new(),
            subnarratives: Vec::new(),
            roles: Vec::new(),
            explanation: None,
            warnings: Vec::new(),
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The cleaned body: body paragraphs joined by blank lines (or the body regions
    /// when paragraphs have not been computed).
    pub fn body_text(&self) -> String {
        let parts = if self.paragraphs.is_empty() {
            &self.body
        } else {
            &self.paragraphs
        };
        let mut out = String::new();
        for p in parts {
            let s = p.slice(&self.text).trim();
            if s.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(s);
        }
        out
    }
}
