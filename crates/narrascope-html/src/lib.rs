//! HTML page → article: title, body blocks (with their byte ranges in the page) and
//! page metadata.
//!
//! ```
//! use narrascope_html::HtmlExtractor;
//!
//! let html = "<html><head><title>T</title></head><body><article>\
//!             <p>One paragraph of the article, long enough to count as body text here.</p>\
//!             </article></body></html>";
//! let ex = HtmlExtractor::new().extract(html, None).unwrap();
//! assert!(ex.blocks[0].text.starts_with("One paragraph"));
//! ```

mod extract;
mod model;

pub use extract::HtmlExtractor;
pub use model::{Block, BlockKind, Extraction, HtmlError, HtmlMeta};
