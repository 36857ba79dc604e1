//! The HTML stage: turns an HTML article into analysed text with a source map.

use narrascope_core::{
    Document, MetaSource, MetaValue, SourceFormat, SourceMap, Span, Stage, StageError,
};
use narrascope_html::{Extraction, HtmlExtractor};

/// For HTML documents, replaces `Document::text` (initially the page) with the
/// extracted article: the title, a blank line, then one block per paragraph separated
/// by blank lines. `source_map` records where each block came from in the page, and
/// page metadata seeds `outlet`, `date` and `language`. Plain-text documents pass
/// through untouched.
#[derive(Debug, Default)]
pub struct HtmlStage {
    extractor: HtmlExtractor,
}

impl HtmlStage {
    /// A stage with the default extractor.
    pub fn new() -> Self {
        HtmlStage {
            extractor: HtmlExtractor::new(),
        }
    }
}

fn meta(value: &Option<String>, source: MetaSource) -> Option<MetaValue> {
    value.as_ref().map(|v| MetaValue {
        value: v.clone(),
        source,
        evidence: None,
        confidence: None,
    })
}

/// Lays out an extraction as text; returns the text, the title span and the map.
pub(crate) fn layout(ex: &Extraction) -> (String, Option<Span>, Vec<SourceMap>) {
    let mut text = String::new();
    let mut map = Vec::new();
    let mut title = None;
    if let Some(t) = &ex.title {
        text.push_str(t);
        title = Some(Span::new(0, t.len()));
    }
    for block in &ex.blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&block.text);
        map.push(SourceMap {
            text: Span::new(start, text.len()),
            raw: block.raw,
        });
    }
    text.push('\n');
    (text, title, map)
}

impl Stage for HtmlStage {
    fn name(&self) -> &'static str {
        "html"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.article.format != SourceFormat::Html {
            return Ok(());
        }
        let ex = self
            .extractor
            .extract(&doc.article.raw, doc.article.given.url.as_deref())
            .map_err(|e| StageError {
                stage: "html",
                message: e.to_string(),
            })?;
        let (text, title, map) = layout(&ex);
        doc.text = text;
        doc.title = title;
        doc.source_map = map;
        doc.outlet = meta(&ex.meta.site_name, MetaSource::HtmlMeta);
        doc.date = meta(&ex.meta.published, MetaSource::HtmlMeta);
        if doc.article.given.url.is_none() {
            doc.article.given.url = ex.meta.canonical_url.clone();
        }
        Ok(())
    }
}
