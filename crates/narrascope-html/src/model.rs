//! What extraction returns.

use narrascope_core::Span;
use serde::{Deserialize, Serialize};

/// The role of an extracted block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading inside the article (`h2`…`h6`).
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// A list item.
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text or a table row rendered as text.
    Preformatted,
}

/// One block of article text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Visible text, entities decoded, whitespace collapsed.
    pub text: String,
    /// What kind of block it is.
    pub kind: BlockKind,
    /// Byte range in the HTML of the element the text came from.
    pub raw: Span,
}

/// Metadata read from the page's markup.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HtmlMeta {
    /// `og:site_name`, JSON-LD publisher, or similar.
    pub site_name: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Author names.
    pub author: Option<String>,
    /// `<html lang>` or `og:locale`, lower-cased primary subtag.
    pub lang: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
}

/// The article found in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The headline.
    pub title: Option<String>,
    /// Body blocks in document order.
    pub blocks: Vec<Block>,
    /// Page metadata.
    pub meta: HtmlMeta,
}

/// Why a page yielded no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum HtmlError {
    /// The page has no text that looks like an article body.
    #[error("no article text found in the page")]
    NoArticle,
}
