//! An article as read from its source, before any analysis.

use serde::{Deserialize, Serialize};

/// The container an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text: title on the first non-empty line, body after (SemEval style).
    Text,
    /// An HTML page; the body is extracted from the markup.
    Html,
}

/// Metadata supplied with the article (JSON Lines fields), as opposed to what is
/// inferred from the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenMeta {
    /// Page address, if known.
    pub url: Option<String>,
    /// Outlet name, if given.
    pub outlet: Option<String>,
    /// Publication date as given.
    pub date: Option<String>,
}

/// One article exactly as read. `raw` is never rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: the file stem for files, the `id` field for JSON Lines.
    pub id: String,
    /// Where it was read from: a path, `path:LINE` for JSON Lines, or `-` for stdin.
    pub path: String,
    /// Plain text or HTML.
    pub format: SourceFormat,
    /// The decoded source (UTF-8): article text, or the HTML page.
    pub raw: String,
    /// Metadata given alongside the article.
    pub given: GivenMeta,
}
