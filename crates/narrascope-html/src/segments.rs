//! Linearising a subtree into text segments.
//!
//! A segment is the text between two block boundaries, as a browser would lay it
//! out: entering or leaving a block-level element or meeting a `<br>` ends the
//! current segment, inline elements (`a`, `span`, `em`, …) run on. Each segment
//! remembers its innermost block element (the *owner*, used for scoring and for the
//! source range), how much of its text is link text, and the range of text nodes it
//! was built from (used to look up boilerplate flags afterwards).
//!
//! The walk is a loop over the pre-ordered node vector with an explicit stack, so
//! depth costs nothing.

use crate::dom::{Data, Dom};
use crate::BlockKind;

/// One laid-out stretch of text.
#[derive(Clone, Debug)]
pub(crate) struct Seg {
    /// Visible text, whitespace collapsed.
    pub text: String,
    /// Innermost enclosing block-level element.
    pub owner: usize,
    /// Role derived from the enclosing blocks.
    pub kind: BlockKind,
    /// Level of the enclosing `h1`–`h6`, 0 when none.
    pub heading: u8,
    /// Non-whitespace characters.
    pub chars: usize,
    /// Non-whitespace characters inside links.
    pub link_chars: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Characters of the link run the text starts with (0 when it starts outside a
    /// link); long leading links are the mark of teasers for other pages.
    pub lead_link: usize,
    /// First and last text node the text came from.
    pub first: usize,
    pub last: usize,
}

impl Seg {
    /// A headline link followed by a summary: a teaser for another page.
    pub(crate) fn is_teaser(&self) -> bool {
        let t = self.text.trim_end();
        self.lead_link >= 20
            && self.lead_link * 7 >= self.chars
            && self.lead_link < self.chars
            && (t.ends_with('…') || t.ends_with("...") || self.kind == BlockKind::ListItem)
    }

    /// Share of the text inside links.
    pub(crate) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Elements that start a new line of text.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
            | "legend"
            | "option"
            | "optgroup"
            | "br"
    )
}

#[derive(Default)]
struct Builder {
    text: String,
    pending_space: bool,
    chars: usize,
    link_chars: usize,
    words: usize,
    lead_link: usize,
    lead_open: bool,
    first: usize,
    last: usize,
}

impl Builder {
    fn push(&mut self, s: &str, in_link: bool, node: usize) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.text.is_empty();
                continue;
            }
            if self.text.is_empty() {
                self.first = node;
                self.words = 1;
                self.lead_open = in_link;
            } else if self.pending_space {
                self.text.push(' ');
                self.words += 1;
            }
            self.pending_space = false;
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
                if self.lead_open {
                    self.lead_link += 1;
                }
            } else {
                self.lead_open = false;
            }
            self.last = node;
        }
    }
}

fn kind_of(dom: &Dom, blocks: &[usize]) -> (BlockKind, u8) {
    let mut heading = 0;
    let mut kind = None;
    for &b in blocks.iter().rev() {
        let tag = dom.tag(b);
        let k = match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if heading == 0 {
                    heading = tag.as_bytes()[1] - b'0';
                }
                Some(BlockKind::Heading)
            }
            "li" | "dd" | "dt" => Some(BlockKind::ListItem),
            "blockquote" => Some(BlockKind::Quote),
            "pre" => Some(BlockKind::Preformatted),
            _ => None,
        };
        if kind.is_none() {
            kind = k;
        }
    }
    (kind.unwrap_or(BlockKind::Paragraph), heading)
}

/// Lays out the subtree of `root` as segments, in document order.
pub(crate) fn linearize(dom: &Dom, root: usize) -> Vec<Seg> {
    let mut segs = Vec::new();
    if root >= dom.nodes.len() {
        return segs;
    }
    let mut open: Vec<usize> = Vec::new();
    let mut blocks: Vec<usize> = Vec::new();
    let mut links = 0usize;
    let mut cur = Builder::default();

    let flush = |cur: &mut Builder, blocks: &[usize], segs: &mut Vec<Seg>| {
        if cur.chars > 0 {
            let (kind, heading) = kind_of(dom, blocks);
            let b = std::mem::take(cur);
            segs.push(Seg {
                text: b.text,
                owner: blocks.last().copied().unwrap_or(root),
                kind,
                heading,
                chars: b.chars,
                link_chars: b.link_chars,
                words: b.words,
                lead_link: b.lead_link,
                first: b.first,
                last: b.last,
            });
        } else {
            *cur = Builder::default();
        }
    };

    let end = root + dom.size[root];
    for i in root..end {
        // Leave the elements that do not contain this node.
        while let Some(&top) = open.last() {
            if dom.contains(top, i) {
                break;
            }
            open.pop();
            let tag = dom.tag(top);
            if is_block(tag) {
                flush(&mut cur, &blocks, &mut segs);
                blocks.pop();
            } else if tag == "a" {
                links = links.saturating_sub(1);
            }
        }
        match &dom.nodes[i].data {
            Data::Elem(e) => {
                if is_block(&e.tag) {
                    flush(&mut cur, &blocks, &mut segs);
                    blocks.push(i);
                } else if e.tag == "a" {
                    links += 1;
                }
                open.push(i);
            }
            Data::Text(t) => cur.push(t, links > 0, i),
        }
    }
    flush(&mut cur, &blocks, &mut segs);
    segs
}
