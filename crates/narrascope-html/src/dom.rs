//! A compact, index-based copy of the parsed page that the scoring works on.
//!
//! Nodes are stored in document (pre-)order, so a node's subtree is the index range
//! `[n, n + size[n])` and every parent has a smaller index than its children. That
//! makes all later passes simple loops over a vector, with no recursion anywhere:
//! bottom-up sums walk the indices backwards, top-down flags walk them forwards.
//!
//! Subtrees that can never hold article text (`script`, `style`, forms' widgets,
//! `svg`, hidden elements, …) are left out while copying.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use scraper::{Html, Node as SNode};

/// "No parent".
pub(crate) const NONE: usize = usize::MAX;

/// An element's data.
#[derive(Debug)]
pub(crate) struct Elem {
    /// Lower-case local name.
    pub tag: String,
    /// Lower-cased `class`, `id`, `role` and `itemprop` values, space separated.
    pub hint: String,
    /// Creation order among the parser's elements of the same name (see `source`).
    pub ordinal: usize,
}

/// What a node holds.
#[derive(Debug)]
pub(crate) enum Data {
    Elem(Elem),
    Text(String),
}

/// One node of the copy.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: usize,
    pub data: Data,
}

/// The page as a vector of nodes in document order.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// Subtree sizes (the node itself included).
    pub size: Vec<usize>,
    /// Index of `<body>` (or of the root when there is none).
    pub body: usize,
}

/// Subtrees that never contribute article text.
fn skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "link"
            | "meta"
            | "map"
            | "dialog"
            | "frameset"
            | "frame"
    )
}

/// True for elements the page hides from readers.
fn hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

impl Dom {
    /// Copies the parsed document, dropping skipped and hidden subtrees.
    pub(crate) fn build(doc: &Html) -> Dom {
        // Creation order of each element among those with its name: the tree's
        // storage order is the parser's creation order.
        let mut counters: HashMap<&str, usize> = HashMap::new();
        let mut ordinals = HashMap::new();
        for node in doc.tree.nodes() {
            if let SNode::Element(el) = node.value() {
                let c = counters.entry(el.name()).or_insert(0);
                ordinals.insert(node.id(), *c);
                *c += 1;
            }
        }

        let mut nodes: Vec<Node> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        // While > 0 we are inside a skipped subtree; counts its open elements.
        let mut skip = 0usize;
        let mut body = NONE;
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    SNode::Element(el) => {
                        if skip > 0
                            || skipped_tag(el.name())
                            || (hidden(el) && !matches!(el.name(), "html" | "body"))
                        {
                            skip += 1;
                            continue;
                        }
                        let mut hint = String::new();
                        for a in ["class", "id", "role", "itemprop"] {
                            if let Some(v) = el.attr(a) {
                                hint.push_str(v);
                                hint.push(' ');
                            }
                        }
                        hint.make_ascii_lowercase();
                        let idx = nodes.len();
                        if el.name() == "body" && body == NONE {
                            body = idx;
                        }
                        nodes.push(Node {
                            parent: stack.last().copied().unwrap_or(NONE),
                            data: Data::Elem(Elem {
                                tag: el.name().to_string(),
                                hint,
                                ordinal: ordinals.get(&node.id()).copied().unwrap_or(0),
                            }),
                        });
                        stack.push(idx);
                    }
                    SNode::Text(t) if skip == 0 => {
                        if let Some(&parent) = stack.last() {
                            nodes.push(Node {
                                parent,
                                data: Data::Text(t.text.to_string()),
                            });
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let SNode::Element(_) = node.value() {
                        if skip > 0 {
                            skip -= 1;
                        } else {
                            stack.pop();
                        }
                    }
                }
            }
        }
        let mut size = vec![1usize; nodes.len()];
        for i in (0..nodes.len()).rev() {
            let p = nodes[i].parent;
            if p != NONE {
                size[p] += size[i];
            }
        }
        let body = if body == NONE { 0 } else { body };
        Dom { nodes, size, body }
    }

    /// The element at `i`, if it is one.
    pub(crate) fn elem(&self, i: usize) -> Option<&Elem> {
        match &self.nodes.get(i)?.data {
            Data::Elem(e) => Some(e),
            Data::Text(_) => None,
        }
    }

    /// The tag name at `i` ("" for text).
    pub(crate) fn tag(&self, i: usize) -> &str {
        self.elem(i).map_or("", |e| e.tag.as_str())
    }

    /// True when `inner` lies in the subtree of `outer`.
    pub(crate) fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < outer + self.size[outer]
    }
}
