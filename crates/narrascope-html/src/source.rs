//! A light scan of the raw HTML for tag positions.
//!
//! html5ever builds a tree but keeps no byte offsets, so block ranges are recovered
//! from the source by a second, much simpler pass: this module finds every start and
//! end tag with its byte range (skipping comments, doctypes and the raw-text content
//! of `script`, `style`, `textarea`, … just like the real tokenizer does).
//!
//! Mapping a tree element back to its tag relies on the fact that html5ever creates
//! elements in source order: the *k*-th `<p>` element created by the parser comes
//! from the *k*-th `<p` start tag in the page. The exceptions (elements the parser
//! invents, such as `tbody`, or a `<p>` implied by a stray `</p>`) are caught by
//! checking that the block's text really lies in the recovered range, with a text
//! search as the fallback (see [`Locator`]).
//!
//! The same scan also guards the parser: html5ever's tree builder scans the stack of
//! open elements for many start tags, which is quadratic in nesting depth (100,000
//! nested `<div>`s take over half a minute). [`cap_depth`] drops start tags nested
//! deeper than [`MAX_DEPTH`] (and their end tags) before parsing.

use std::collections::HashMap;

/// Nesting depth beyond which start tags are dropped before parsing. Real pages stay
/// well under 100; the cap only bites on pathological input.
pub(crate) const MAX_DEPTH: usize = 400;

/// One tag found in the source.
#[derive(Clone, Debug)]
pub(crate) struct Tag {
    /// Lower-cased tag name.
    pub name: String,
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset one past the `>` (or the end of the input).
    pub end: usize,
    /// `</name>` rather than `<name>`.
    pub is_end: bool,
}

/// Elements whose content the tokenizer reads as text up to the matching end tag.
/// `noscript` is among them because the parser runs with scripting enabled.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
    )
}

/// Elements that never have content or an end tag.
pub(crate) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Finds `needle` (ASCII, lower-case) in `hay[from..]` ignoring ASCII case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        if hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn find_byte(hay: &[u8], from: usize, b: u8) -> Option<usize> {
    hay.get(from..)?
        .iter()
        .position(|&c| c == b)
        .map(|p| p + from)
}

/// Scans `src` for tags, in source order.
pub(crate) fn scan(src: &str) -> Vec<Tag> {
    let b = src.as_bytes();
    let n = b.len();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(lt) = find_byte(b, i, b'<') {
        i = lt + 1;
        let Some(&c) = b.get(i) else { break };
        if c == b'!' {
            if b[i..].starts_with(b"!--") {
                // Comment: up to `-->` (an unterminated comment runs to the end).
                i = match b.get(i + 3..).and_then(|rest| {
                    rest.windows(3)
                        .position(|w| w == b"-->")
                        .map(|p| i + 3 + p + 3)
                }) {
                    Some(e) => e,
                    None => n,
                };
            } else {
                i = find_byte(b, i, b'>').map_or(n, |e| e + 1);
            }
            continue;
        }
        if c == b'?' {
            i = find_byte(b, i, b'>').map_or(n, |e| e + 1);
            continue;
        }
        let is_end = c == b'/';
        let name_start = if is_end { i + 1 } else { i };
        if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
            if is_end {
                // `</` + non-letter is a bogus comment.
                i = find_byte(b, i, b'>').map_or(n, |e| e + 1);
            }
            continue;
        }
        let mut j = name_start;
        while j < n && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            j += 1;
        }
        let name = src[name_start..j].to_ascii_lowercase();
        let end = tag_end(b, j);
        tags.push(Tag {
            name,
            start: lt,
            end,
            is_end,
        });
        i = end;
        if !is_end && is_raw_text(&tags[tags.len() - 1].name) {
            let name = &tags[tags.len() - 1].name;
            let close = format!("</{name}");
            i = match find_ci(b, i, close.as_bytes()) {
                Some(c) => c,
                // An unclosed `<title>` or `<textarea>` would swallow the rest of the
                // page as text; keep scanning so [`unclosed_rcdata`] can drop it.
                None if is_rcdata(name) => i,
                None => n,
            };
        } else if !is_end && tags[tags.len() - 1].name == "plaintext" {
            break;
        }
    }
    tags
}

/// Finds the end of a tag whose name ends at `j`, honouring quoted attribute values
/// (which may contain `>`).
fn tag_end(b: &[u8], mut j: usize) -> usize {
    let n = b.len();
    while j < n {
        match b[j] {
            b'>' => return j + 1,
            b'=' => {
                j += 1;
                while j < n && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < n && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    j = find_byte(b, j + 1, q).map_or(n, |e| e + 1);
                }
            }
            _ => j += 1,
        }
    }
    n
}

/// Phrasing elements whose stray end tags are common and harmless.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span" | "b" | "i" | "em" | "strong" | "font" | "u" | "small" | "big" | "sup" | "sub"
    )
}

/// Elements whose start tag implicitly closes an open element of the same name.
fn self_closing_sibling(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option"
    )
}

/// Returns the indices (into `tags`) of tags to drop so that no element nests deeper
/// than [`MAX_DEPTH`]. Uses a simplified model of the tree builder: void elements
/// are not pushed, a `<p>`/`<li>`/… closes an open one of the same name on top, and
/// an end tag closes the nearest open element of its name.
pub(crate) fn cap_depth(tags: &[Tag]) -> Vec<usize> {
    let mut stack: Vec<&str> = Vec::new();
    let mut dropped_open: HashMap<&str, usize> = HashMap::new();
    let mut drop = Vec::new();
    for (k, t) in tags.iter().enumerate() {
        let name = t.name.as_str();
        if t.is_end {
            if let Some(c) = dropped_open.get_mut(name) {
                if *c > 0 {
                    *c -= 1;
                    drop.push(k);
                    continue;
                }
            }
            // Only look a bounded way down: unmatched end tags are ignored by the
            // parser too, and an unbounded search would be quadratic again.
            let lim = stack.len().saturating_sub(64);
            if let Some(pos) = (lim..stack.len()).rev().find(|&p| stack[p] == name) {
                stack.truncate(pos);
            }
            continue;
        }
        if is_void(name) {
            continue;
        }
        if self_closing_sibling(name) && stack.last() == Some(&name) {
            stack.pop();
        }
        if stack.len() >= MAX_DEPTH {
            *dropped_open.entry(name).or_insert(0) += 1;
            drop.push(k);
            continue;
        }
        stack.push(name);
    }
    drop
}

/// Raw-text elements whose content is prose a page author may have left unclosed.
fn is_rcdata(name: &str) -> bool {
    matches!(name, "title" | "textarea")
}

/// Indices of `<title>` / `<textarea>` start tags that are never closed. The real
/// tokenizer would read the whole rest of the page as their text (a browser shows
/// an empty page); dropping the start tag instead recovers the article, which is
/// what an analyst handing us a broken scrape wants.
pub(crate) fn unclosed_rcdata(src: &str, tags: &[Tag]) -> Vec<usize> {
    // A start tag is unclosed when no end tag of its name follows it, that is when
    // it comes after the last one: one backward pass, linear however many tags.
    let lower = src.to_ascii_lowercase();
    let last_close = |name: &str| lower.rfind(&format!("</{name}"));
    let (title, textarea) = (last_close("title"), last_close("textarea"));
    tags.iter()
        .enumerate()
        .filter(|(_, t)| !t.is_end && is_rcdata(&t.name))
        .filter(|(_, t)| {
            let close = if t.name == "title" { title } else { textarea };
            close.is_none_or(|c| c < t.end)
        })
        .map(|(k, _)| k)
        .collect()
}

/// `src` with the byte ranges of the given tags removed.
pub(crate) fn without(src: &str, tags: &[Tag], drop: &[usize]) -> String {
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for &k in drop {
        let t = &tags[k];
        out.push_str(&src[at..t.start]);
        at = t.end;
    }
    out.push_str(&src[at..]);
    out
}

/// Recovers byte ranges of tree elements in the source.
pub(crate) struct Locator<'a> {
    src: &'a str,
    tags: Vec<Tag>,
    /// For each tag name, the indices (into `tags`) of its start tags, in order.
    starts: HashMap<String, Vec<usize>>,
}

impl<'a> Locator<'a> {
    /// Builds a locator from the scan of `src`, ignoring the dropped tags (those the
    /// parser never saw).
    pub(crate) fn new(src: &'a str, mut tags: Vec<Tag>, drop: &[usize]) -> Self {
        if !drop.is_empty() {
            let mut k = 0;
            let mut d = drop.iter().peekable();
            tags.retain(|_| {
                let keep = d.peek() != Some(&&k);
                if !keep {
                    d.next();
                }
                k += 1;
                keep
            });
        }
        let mut starts: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, t) in tags.iter().enumerate() {
            if !t.is_end {
                starts.entry(t.name.clone()).or_default().push(k);
            }
        }
        Locator { src, tags, starts }
    }

    /// The range of the `ordinal`-th (0-based) `name` element: from its start tag to
    /// the end of its end tag, or to where it is implicitly closed.
    pub(crate) fn element(&self, name: &str, ordinal: usize) -> Option<(usize, usize)> {
        let &k = self.starts.get(name)?.get(ordinal)?;
        let start = self.tags[k].start;
        Some((start, self.element_end(k)))
    }

    /// Where the element opened by tag `k` ends, by a bounded forward walk over the
    /// tags that tracks elements opened inside it.
    fn element_end(&self, k: usize) -> usize {
        let name = self.tags[k].name.as_str();
        let closes_p = |n: &str| {
            matches!(
                n,
                "p" | "div"
                    | "ul"
                    | "ol"
                    | "dl"
                    | "table"
                    | "blockquote"
                    | "section"
                    | "article"
                    | "aside"
                    | "header"
                    | "footer"
                    | "nav"
                    | "figure"
                    | "form"
                    | "pre"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "hr"
                    | "main"
                    | "address"
                    | "details"
                    | "fieldset"
            )
        };
        let mut open: Vec<&str> = Vec::new();
        let limit = (k + 1 + 20_000).min(self.tags.len());
        for t in &self.tags[k + 1..limit] {
            let tn = t.name.as_str();
            if t.is_end {
                if let Some(pos) = open.iter().rposition(|&o| o == tn) {
                    open.truncate(pos);
                } else if tn == name {
                    return t.end;
                } else if !is_inline(tn) {
                    // Closes something outside: our element ended just before.
                    return t.start;
                }
                // A stray inline end tag: the parser ignores it, so do we.
                continue;
            }
            if open.is_empty() && self_closing_sibling(name) && tn == name {
                return t.start;
            }
            if name == "p" && closes_p(tn) && open.is_empty() {
                return t.start;
            }
            if !is_void(tn) {
                open.push(tn);
            }
        }
        // Unterminated: run to the last tag looked at, or the end of the input.
        if limit < self.tags.len() {
            self.tags[limit - 1].end
        } else {
            self.src.len()
        }
    }
}

/// First and last ASCII alphanumeric words (≥ 2 bytes) of `text`, used to check and
/// to recover block ranges. Non-ASCII words are skipped because entity references
/// in the source would stop them from matching byte for byte.
pub(crate) fn anchor_words(text: &str) -> Option<(&str, &str)> {
    let is_word = |w: &&str| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_alphanumeric());
    let mut words = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(is_word);
    let first = words.next()?;
    let last = words.next_back().unwrap_or(first);
    Some((first, last))
}

/// Finds `word` in `src[from..to]` as a whole word.
pub(crate) fn find_word(src: &str, from: usize, to: usize, word: &str) -> Option<usize> {
    let b = src.as_bytes();
    let to = to.min(b.len());
    let mut at = from;
    while at < to {
        let hay = src.get(at..to)?;
        let p = at + hay.find(word)?;
        let before_ok = p == 0 || !b[p - 1].is_ascii_alphanumeric();
        let after = p + word.len();
        let after_ok = after >= b.len() || !b[after].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return Some(p);
        }
        at = p + 1;
        while at < to && !src.is_char_boundary(at) {
            at += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_and_skips_raw_text() {
        let src = "<p class='a>b'>x</p><!-- <p> --><script>if (a<b) {'<p>'}</script><P>y";
        let tags = scan(src);
        let names: Vec<_> = tags.iter().map(|t| (t.name.as_str(), t.is_end)).collect();
        assert_eq!(
            names,
            vec![
                ("p", false),
                ("p", true),
                ("script", false),
                ("script", true),
                ("p", false)
            ]
        );
        assert_eq!(&src[tags[0].start..tags[0].end], "<p class='a>b'>");
    }

    #[test]
    fn element_ranges() {
        let src = "<div><p>one</p><p>two<div>x</div></div>";
        let loc = Locator::new(src, scan(src), &[]);
        assert_eq!(
            loc.element("p", 0).map(|(s, e)| &src[s..e]),
            Some("<p>one</p>")
        );
        assert_eq!(loc.element("p", 1).map(|(s, e)| &src[s..e]), Some("<p>two"));
        assert_eq!(loc.element("div", 0).map(|(s, e)| &src[s..e]), Some(src));
        assert_eq!(loc.element("p", 2), None);
    }

    #[test]
    fn depth_cap_drops_deep_tags() {
        let mut src = String::new();
        for _ in 0..(MAX_DEPTH + 10) {
            src.push_str("<div>");
        }
        for _ in 0..(MAX_DEPTH + 10) {
            src.push_str("</div>");
        }
        let tags = scan(&src);
        let drop = cap_depth(&tags);
        assert_eq!(drop.len(), 20);
        let kept = without(&src, &tags, &drop);
        assert_eq!(kept.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(kept.matches("</div>").count(), MAX_DEPTH);
    }

    #[test]
    fn garbage_does_not_panic() {
        for src in [
            "<",
            "</",
            "<a",
            "<a href='",
            "<!--",
            "<script>",
            "</ >",
            "<é>",
            "<a\u{e9}>",
        ] {
            let tags = scan(src);
            let loc = Locator::new(src, tags, &[]);
            let _ = loc.element("a", 0);
        }
    }
}
