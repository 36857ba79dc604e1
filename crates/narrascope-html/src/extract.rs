//! The extractor.

use narrascope_core::Span;
use scraper::{Html, Selector};

use crate::{Block, BlockKind, Extraction, HtmlError, HtmlMeta};

/// Extracts the article from an HTML page. Build once, use from many threads.
#[derive(Debug, Clone)]
pub struct HtmlExtractor {
    p: Selector,
    title: Selector,
}

impl Default for HtmlExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl HtmlExtractor {
    /// An extractor with default settings.
    pub fn new() -> Self {
        HtmlExtractor {
            p: Selector::parse("p").expect("static selector"),
            title: Selector::parse("title").expect("static selector"),
        }
    }

    /// Extracts title, body blocks and metadata. `url` helps resolve site names.
    pub fn extract(&self, html: &str, _url: Option<&str>) -> Result<Extraction, HtmlError> {
        let doc = Html::parse_document(html);
        let title = doc
            .select(&self.title)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty());
        let blocks: Vec<Block> = doc
            .select(&self.p)
            .map(|p| p.text().collect::<Vec<_>>().join(" "))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| t.len() > 40)
            .map(|text| Block { text, kind: BlockKind::Paragraph, raw: Span::new(0, 0) })
            .collect();
        if blocks.is_empty() {
            return Err(HtmlError::NoArticle);
        }
        Ok(Extraction { title, blocks, meta: HtmlMeta::default() })
    }
}
