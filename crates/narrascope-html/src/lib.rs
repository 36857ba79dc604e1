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
//!
//! How it works, in order:
//!
//! 1. [`source`](crate) scans the raw HTML for tags (positions, and a nesting-depth
//!    cap that keeps the parser linear on pathological pages);
//! 2. html5ever (through `scraper`) parses the page; metadata is read from `<meta>`,
//!    JSON-LD and friends;
//! 3. the tree is copied into a flat, pre-ordered vector without scripts, styles,
//!    widgets and hidden elements, and laid out into text segments;
//! 4. each segment is valued (prose positive, boilerplate negative) and the element
//!    with the best total is the article container;
//! 5. boilerplate inside the container (share bars, captions, link lists, the
//!    headline) is dropped, and each remaining block is mapped back to the byte
//!    range of its element in the page.
//!
//! Nothing recurses over the document, so depth cannot overflow the stack.

mod clean;
mod dom;
mod extract;
mod hints;
mod meta;
mod model;
mod segments;
mod select;
mod source;

pub use extract::HtmlExtractor;
pub use model::{Block, BlockKind, Extraction, HtmlError, HtmlMeta};
