//! Block rules: decisions that depend on a line's neighbours.
//!
//! Every pass here is a single left-to-right walk (or a walk over one block), so
//! the whole module is linear in the number of lines. Passes only ever add
//! marks to lines that look like list items, comments or bios; a line opening
//! with a quotation mark is never absorbed, because quotes are the body text
//! analysts need most.

use std::sync::OnceLock;

use narrascope_core::{NoiseKind, Span};
use regex::Regex;

use super::rules::{LineRule, Role, Strength};
use super::shape::{ends_sentence, is_bulleted, is_headline_like, is_url_only, starts_with_quote};

/// Most items a list header may claim; real widgets show a handful.
const MAX_LIST_ITEMS: usize = 30;
/// Most headline lines a trailing promo may claim.
const MAX_TAIL_ITEMS: usize = 12;
/// Bio lines claimed after "About the author".
const MAX_BIO_LINES: usize = 2;
/// A bio line longer than this is not a bio.
const MAX_BIO_BYTES: usize = 1500;
/// Lines that must precede an end-of-article anchor for it to count.
const MIN_BODY_BEFORE_END: usize = 2;
/// A bulleted list item longer than this is prose, not a headline.
const MAX_ITEM_BYTES: usize = 300;

/// One non-empty line and what the rules decided about it.
#[derive(Clone, Debug)]
pub(super) struct LineInfo {
    /// The line without surrounding whitespace.
    pub span: Span,
    /// The whole-line rule it matched, if any.
    pub rule: Option<LineRule>,
    /// Its noise kind and whether that is certain (`true`) or needs neighbours.
    pub mark: Option<(NoiseKind, bool)>,
}

impl LineInfo {
    fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    fn is_noise(&self) -> bool {
        self.mark.is_some()
    }

    fn set(&mut self, kind: NoiseKind) {
        self.mark = Some((kind, true));
    }

    fn role(&self) -> Role {
        self.rule.map_or(Role::Plain, |r| r.role)
    }
}

/// Regexes used by the block passes, each compiled the first time a line could match
/// it: "says" lines and author bios are rare, and compiling the three eagerly (the
/// bio's `.{0,200}` twice) was 36 M of the 0.42 G instructions of starting
/// `narrascope quotes` (callgrind).
#[derive(Debug, Default)]
pub(super) struct BlockRegexes {
    says: OnceLock<Regex>,
    name: OnceLock<Regex>,
    bio: OnceLock<Regex>,
}

/// The words one of which an author bio must hold (see [`BlockRegexes::bio`]).
const BIO_ROLES: &[&str] = &[
    "author",
    "writer",
    "journalist",
    "reporter",
    "correspondent",
    "columnist",
    "editor",
    "contributor",
    "podcaster",
    "commentator",
    "blogger",
    "analyst",
    "consultant",
    "fellow",
    "professor",
    "meteorologist",
];

impl BlockRegexes {
    /// The patterns are constants, checked by the unit tests; this compiles them all
    /// so a test can show none fails.
    pub fn new() -> Result<Self, regex::Error> {
        let re = BlockRegexes::default();
        #[cfg(test)]
        {
            Regex::new(SAYS)?;
            Regex::new(NAME)?;
            Regex::new(BIO)?;
        }
        Ok(re)
    }

    /// Whether `t` is a "<name> says" line of a comment thread.
    pub fn says(&self, t: &str) -> bool {
        (t.ends_with("says") || t.ends_with("says:")) && get(&self.says, SAYS).is_match(t)
    }

    /// Whether `t` is a personal name alone on a line ("Jane Q. Roe").
    pub fn name(&self, t: &str) -> bool {
        // Two to four words, one space apart, each opening with a capital.
        let words = t.split(' ');
        (2..=4).contains(&words.clone().count())
            && words
                .into_iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && get(&self.name, NAME).is_match(t)
    }

    /// Whether `t` is a one-line author bio ("Jane Roe is a reporter at …").
    pub fn bio(&self, t: &str) -> bool {
        BIO_ROLES.iter().any(|r| t.contains(r)) && get(&self.bio, BIO).is_match(t)
    }
}

const SAYS: &str = r"^\S.{0,48}\bsays:?$";
const NAME: &str = r"^\p{Lu}[\p{L}'’-]*\.?( \p{Lu}[\p{L}'’-]*\.?){0,2} \p{Lu}[\p{L}'’-]+$";
/// Its role word is case-sensitive, as [`BIO_ROLES`] is.
const BIO: &str = r"^((\p{Lu}[\p{L}.'’-]+ ){1,4}(is|was)|(?i:the (writer|author)s? (is|are))) (a|an|the|\p{L}+) .{0,200}\b(author|writer|journalist|reporter|correspondent|columnist|editor|contributor|podcaster|commentator|blogger|analyst|consultant|fellow|professor|meteorologist)s?\b.{0,200}$";

/// The regex in `cell`, compiled from `pattern` on first use (a constant the unit
/// tests compile, so this cannot fail).
fn get<'a>(cell: &'a OnceLock<Regex>, pattern: &str) -> &'a Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("block pattern compiles (unit-tested)"))
}

/// Runs every block pass, in the order that lets later passes see earlier marks.
pub(super) fn apply(lines: &mut [LineInfo], text: &str, re: &BlockRegexes) {
    end_of_article(lines);
    comment_threads(lines, text, re);
    about_author(lines, text);
    closing_byline(lines, text, re);
    lists(lines, text);
    tails(lines, text);
    accept_weak_runs(lines);
}

/// The article's last lines may be its author: a bio sentence, or a name alone.
fn closing_byline(lines: &mut [LineInfo], text: &str, re: &BlockRegexes) {
    let body: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_noise()).collect();
    // Need some body before, or the "byline" could be the article itself.
    if body.len() < 4 {
        return;
    }
    let last = body[body.len() - 1];
    let t = lines[last].text(text);
    // The line before must end a sentence: in hard-wrapped text a short last
    // line is often the tail of a quote's attribution ("… said / Jane Roe.").
    let after_sentence = ends_sentence(lines[body[body.len() - 2]].text(text));
    if t.len() <= 40 && after_sentence && re.name(t) {
        lines[last].set(NoiseKind::Byline);
        return;
    }
    for &i in body.iter().rev().take(2) {
        let t = lines[i].text(text);
        if t.len() <= 400 && !starts_with_quote(t) && re.bio(t) {
            lines[i].set(NoiseKind::Byline);
        }
    }
}

/// Headers of lists claim the headline-shaped lines under them.
fn lists(lines: &mut [LineInfo], text: &str) {
    let mut i = 0;
    while i < lines.len() {
        let role = lines[i].role();
        if !matches!(role, Role::ListHeader | Role::UrlListHeader) {
            i += 1;
            continue;
        }
        // Items take the header's kind: a "Trending" box lists trending stories.
        let header_kind = lines[i].rule.map_or(NoiseKind::RelatedLinks, |r| r.kind);
        let mut j = i + 1;
        while j < lines.len() && j - i <= MAX_LIST_ITEMS && !lines[j].is_noise() {
            let t = lines[j].text(text);
            let (item, kind) = if role == Role::UrlListHeader {
                (is_url_only(t), NoiseKind::SourceLine)
            } else {
                (is_list_item(t), header_kind)
            };
            if !item {
                break;
            }
            lines[j].set(kind);
            j += 1;
        }
        i = j.max(i + 1);
    }
}

/// A headline in a "Related" list: a bulleted short line, or an unpunctuated
/// headline-shaped one. Sentences ending in a period are left alone here, since
/// a header's widget is often empty and the next line is the article resuming.
fn is_list_item(t: &str) -> bool {
    if is_bulleted(t) {
        // Skip the bullet character, whatever its width in bytes.
        let mut chars = t.char_indices();
        chars.next();
        let rest = chars.next().map_or("", |(i, _)| &t[i..]).trim_start();
        t.len() <= MAX_ITEM_BYTES && !starts_with_quote(rest)
    } else {
        is_headline_like(t) && !ends_sentence(t)
    }
}

/// A trailing promo ("This video is from …") followed only by short
/// headline-shaped lines up to the end: those lines are the site's other
/// stories. If any later line is prose, nothing is claimed.
fn tails(lines: &mut [LineInfo], text: &str) {
    let Some(anchor) = lines.iter().rposition(|l| l.role() == Role::TailAnchor) else {
        return;
    };
    let rest = &lines[anchor + 1..];
    let candidates = rest.iter().filter(|l| !l.is_noise()).count();
    if candidates == 0 || candidates > MAX_TAIL_ITEMS {
        return;
    }
    if rest
        .iter()
        .any(|l| !l.is_noise() && !is_headline_like(l.text(text)))
    {
        return;
    }
    for l in &mut lines[anchor + 1..] {
        if !l.is_noise() {
            l.set(NoiseKind::RelatedLinks);
        }
    }
}

/// After chrome that only follows an article, every remaining line is noise:
/// replies under a forum excerpt, or a network's store plugs. At least
/// [`MIN_BODY_BEFORE_END`] lines must precede the anchor, so a blurb at the top
/// never eats the body.
fn end_of_article(lines: &mut [LineInfo]) {
    let Some((anchor, kind)) = lines.iter().enumerate().find_map(|(i, l)| match l.role() {
        Role::EndOfArticle(kind) if i >= MIN_BODY_BEFORE_END => Some((i, kind)),
        _ => None,
    }) else {
        return;
    };
    for l in &mut lines[anchor + 1..] {
        if !l.is_noise() {
            l.set(kind);
        }
    }
}

/// A "Comments" header followed by "<name> says" lines starts the reader
/// comments, which run to the end of the text. Without a header, three or more
/// "<name> says" lines in the second half start them at the first such line.
fn comment_threads(lines: &mut [LineInfo], text: &str, re: &BlockRegexes) {
    let is_says = |l: &LineInfo| {
        let t = l.text(text);
        t.len() <= 120 && re.says(t)
    };
    let start = match lines.iter().position(|l| l.role() == Role::CommentHeader) {
        Some(header) => {
            let rest = &lines[header + 1..];
            let opens = rest.iter().take(3).any(is_says);
            if !opens || rest.iter().filter(|l| is_says(l)).count() < 2 {
                return;
            }
            header + 1
        }
        None => {
            let half = lines.len() / 2;
            let Some(first) = lines[half..].iter().position(is_says).map(|i| i + half) else {
                return;
            };
            if lines[first..].iter().filter(|l| is_says(l)).count() < 3 {
                return;
            }
            first
        }
    };
    for l in &mut lines[start..] {
        if !l.is_noise() {
            l.set(NoiseKind::CommentForm);
        }
    }
}

/// "About the author" claims the bio lines under it, in the second half only.
fn about_author(lines: &mut [LineInfo], text: &str) {
    let Some(header) = lines.iter().position(|l| l.role() == Role::AboutAuthor) else {
        return;
    };
    if header * 2 < lines.len() {
        return;
    }
    for l in lines[header + 1..].iter_mut().take(MAX_BIO_LINES) {
        let t = l.text(text);
        if l.is_noise() || starts_with_quote(t) || t.len() > MAX_BIO_BYTES {
            break;
        }
        l.set(NoiseKind::Byline);
    }
}

/// A weak line ("Email", "Share") is kept as noise only inside a run of adjacent
/// noise lines that holds at least one certain line; otherwise it is body.
fn accept_weak_runs(lines: &mut [LineInfo]) {
    let mut start = 0;
    while start < lines.len() {
        if !lines[start].is_noise() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < lines.len() && lines[end].is_noise() {
            end += 1;
        }
        let certain = lines[start..end]
            .iter()
            .any(|l| matches!(l.mark, Some((_, true))));
        for l in &mut lines[start..end] {
            if let Some((kind, false)) = l.mark {
                l.mark = if certain { Some((kind, true)) } else { None };
            }
        }
        start = end;
    }
}

/// The mark a whole-line rule gives before block rules run.
pub(super) fn initial_mark(rule: &LineRule) -> (NoiseKind, bool) {
    (rule.kind, rule.strength == Strength::Strong)
}
