//! The extractor: parse, read metadata, score, pick the container, clean it, and map
//! each block back to its bytes in the page.

use narrascope_core::Span;
use scraper::Html;

use crate::dom::Dom;
use crate::select::{analyse, Analysis};
use crate::source::{self, Locator};
use crate::{clean, meta, Block, Extraction, HtmlError};

/// Extracts the article from an HTML page. Build once, use from many threads.
#[derive(Debug, Clone, Default)]
pub struct HtmlExtractor {}

impl HtmlExtractor {
    /// An extractor with default settings.
    pub fn new() -> Self {
        HtmlExtractor {}
    }

    /// Extracts title, body blocks and metadata. `url` helps resolve relative
    /// canonical links.
    pub fn extract(&self, html: &str, url: Option<&str>) -> Result<Extraction, HtmlError> {
        let tags = source::scan(html);
        let mut drop = source::cap_depth(&tags);
        let unclosed = source::unclosed_rcdata(html, &tags);
        if !unclosed.is_empty() {
            drop.extend(unclosed);
            drop.sort_unstable();
            drop.dedup();
        }
        let doc = if drop.is_empty() {
            Html::parse_document(html)
        } else {
            Html::parse_document(&source::without(html, &tags, &drop))
        };
        let info = meta::read(&doc, url);
        let dom = Dom::build(&doc);
        drop_doc(doc);
        if dom.nodes.is_empty() {
            return Err(HtmlError::NoArticle);
        }
        let mut analysis: Analysis = analyse(&dom, info.article_body.as_deref());
        let title = clean::title(&analysis, &info);
        let mut chosen = clean::body(&dom, &analysis, title.as_deref());
        if chosen.is_empty() && analysis.container != dom.body {
            // Nothing survived cleaning in the best subtree (pages without prose,
            // such as lists or galleries): fall back to the whole body.
            analysis.container = dom.body;
            chosen = clean::body(&dom, &analysis, title.as_deref());
        }
        if chosen.is_empty() {
            return Err(HtmlError::NoArticle);
        }
        let locator = Locator::new(html, tags, &drop);
        let mut cursor = 0;
        let blocks = chosen
            .into_iter()
            .map(|k| {
                let seg = &analysis.segs[k];
                let raw = locate(&dom, &locator, html, seg.owner, &seg.text, &mut cursor);
                Block {
                    text: seg.text.clone(),
                    kind: seg.kind,
                    raw,
                }
            })
            .collect();
        Ok(Extraction {
            title,
            blocks,
            meta: info.meta,
        })
    }
}

/// The parsed tree is no longer needed once copied; dropping it early halves peak
/// memory on big pages.
fn drop_doc(doc: Html) {
    drop(doc);
}

/// The byte range of a block's element. The element is found by its creation
/// ordinal (see [`source`]); the range is accepted only if the block's first word
/// lies inside it, otherwise the block's first and last words are searched for
/// from `cursor` (the start of the previous block). Falls back to an empty span.
fn locate(
    dom: &Dom,
    locator: &Locator<'_>,
    html: &str,
    owner: usize,
    text: &str,
    cursor: &mut usize,
) -> Span {
    let anchors = source::anchor_words(text);
    if let Some(el) = dom.elem(owner) {
        if let Some((s, e)) = locator.element(&el.tag, el.ordinal) {
            let ok = match anchors {
                Some((first, _)) => source::find_word(html, s, e, first).is_some(),
                None => true,
            };
            if ok && s <= e && e <= html.len() {
                *cursor = s;
                return Span::new(s, e);
            }
        }
    }
    if let Some((first, last)) = anchors {
        if let Some(s) = source::find_word(html, *cursor, html.len(), first) {
            let e = source::find_word(html, s, html.len(), last)
                .map_or(s + first.len(), |p| p + last.len());
            *cursor = s;
            return Span::new(s, e);
        }
    }
    let c = (*cursor).min(html.len());
    Span::new(c, c)
}
