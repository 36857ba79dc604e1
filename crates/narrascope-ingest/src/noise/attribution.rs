//! Attribution and editorial furniture: photo captions and credits, source and
//! link-back lines, bylines and author boxes, tag lists and disclaimers.
//!
//! Whole-line rules are limited to short lines (the patterns bound their
//! length) so a paragraph that happens to start with "Source:" or "By" in prose
//! is never taken. Inline rules cut only the credit itself out of a line.

use narrascope_core::NoiseKind::{
    Byline, Caption, CommentForm, Credit, Disclaimer, SourceLine, SourceLink, Tags,
};

use super::rules::{strong, weak, with_role, InlineRule, LineRule, Role};

pub(super) const LINE_RULES: &[LineRule] = &[
    // Link-backs.
    strong(
        SourceLink,
        r"source link|(view|read) (the )?(original|full) (article|story|post|report)( here| at .{1,60}| on .{1,60})?\.?|(the )?original (article|story|post)\s*:.{0,160}|read more (at|@) \S.{0,60}|continue reading (at|on) .{1,60}|(this (article|story|piece|post) )?(was )?originally (published|appeared|posted)\b.{0,160}|republished (with permission )?(from|by) .{1,100}|подробнее на [^:]{1,40}:?.{0,200}",
    ),
    // A blog's closing link to the article it quoted; in a scrape the reader
    // comments follow it.
    with_role(
        SourceLink,
        Role::EndOfArticle(CommentForm),
        r"(read (the )?)?full (article|story|report|post) (here|at .{1,60})(\s*\(.{0,60}\))?\.?",
    ),
    // Source lines.
    with_role(
        SourceLine,
        Role::UrlListHeader,
        r"sources?( for this (article|story|report|post))?( include| used)?\s*:|references\s*:",
    ),
    strong(
        SourceLine,
        r"(sources?|fonte|fontes|источник|източник|स्रोत)\s*:\s*(https?://\S+|www\.\S+|(?-i:[\p{Lu}\d])[^.!?]{0,80})|\(?with (inputs?|additional reporting|reporting|agency inputs?) from [^.]{1,80}\)?\.?|cross-?posted (with|from|at|on) .{1,80}|(h/t|ht|hat ?tip)\b:?.{0,60}|on tips? from .{1,60}|\((source|via)\s*:\s*[^()]{1,80}\)",
    ),
    // Bylines and author boxes.
    strong(
        Byline,
        r"(?-i:(?:[Bb]y|BY) (?:\p{Lu}[\p{L}'’-]*\.?|\p{L}+ (?:writer|correspondent|reporter|staff|editor)s?)(?: (?:\p{Lu}[\p{L}'’-]*\.?|de|da|del|van|von|der|bin|al|la|le)){0,4}(?:,? \p{Lu}[\p{L}\d.'’&-]*(?: (?:[\p{Lu}&][\p{L}\d.'’&-]*|of|and|the|for|on|in|at)){0,6})?:?)|authored by .{1,80}|(written|posted|compiled|reported) by [\p{L} .'’,&-]{2,80}|(additional )?reporting by .{1,160}|(writing|editing|edited) by .{1,120}",
    ),
    with_role(
        Byline,
        Role::AboutAuthor,
        r"about the (author|writer|authors|contributor|columnist)s?\s*:?",
    ),
    // Tags.
    strong(
        Tags,
        r"(tags?|tagged|tagged with|filed under|topics?|categories|category|keywords)\s*:(\s*.{1,250})?",
    ),
    // A line of hashtags only.
    strong(Tags, r"#[\p{L}\d_]+([\s,]+#[\p{L}\d_]+)*"),
    // Disclaimers and editor's notes.
    strong(
        Disclaimer,
        r"(disclaimer|editor['’]?s note|note from the editor|note to readers)\s*:.{0,800}|the (views|opinions)( and opinions)? expressed (in|by|here).{0,300}|.{0,200}\b(do(es)? not|don['’]t|doesn['’]t) necessarily (reflect|represent)\b.{0,200}|this (article|interview|transcript|conversation) has been (lightly )?(edited|condensed)( and (edited|condensed))? for (length and |brevity and )?clarity\.?|.{0,100}\ball rights reserved\.?.{0,60}",
    ),
    // Credits, including a wire agency's name alone on a line.
    strong(
        Credit,
        r"(the )?(associated press|australian associated press|agence france-presse|reuters|afp|ap|aap|dpa|xinhua|tass|ria novosti|anadolu agency|bloomberg|united press international|upi)( news agency)?\.?",
    ),
    strong(
        Credit,
        r"(©|\(c\)|copyright)\s*(©\s*)?\d{4}\b.{0,100}|(©|copyright ©)\s*\S.{0,100}",
    ),
    strong(
        Credit,
        r"(top |main |featured |header |lead |cover |file )?(photo|image|picture|video|graphic|illustration|footage|screenshot)s?( credits?)?\s*:\s*.{1,200}|(top |main |featured |header |lead |cover )?(photo|image|picture|illustration)s? (by|via|courtesy( of)?|from) .{1,150}|(top |main |featured |header |lead |cover )?(photo|image|picture) of .{1,150} (by|via|courtesy of) .{1,100}|credits?\s*:\s*.{1,120}|\(?(photo|image)s?\s*(credit)?\s*:?\s*(getty images|reuters|ap|afp|epa|shutterstock|ap photo|x|twitter|wikimedia commons)[^()]{0,80}\)?|(getty images|shutterstock|istock|ap photo|reuters|afp|epa)(/[\p{L} .]{1,40})?",
    ),
    // Captions: a line ending in an "(Agency/Photographer)" credit, or a
    // "Screenshot of …" line.
    strong(
        Caption,
        r".{10,300}(?-i:\((?:[Pp]hoto:?\s*)?\p{Lu}[\p{L}'’ .-]{1,40}/\p{Lu}[\p{L}'’ .-]{1,40}\))\.?",
    ),
    strong(
        Caption,
        r"(screenshot|screen ?grab|still) (of|from|taken from) .{1,200}|file photo\s*[:.-]\s*.{1,300}",
    ),
    weak(Byline, r"(by|author|authors?|written by|posted by)\s*:?"),
];

pub(super) const INLINE_RULES: &[InlineRule] = &[
    // "(Photo by Reuters)", "(Image: AP)", "(Photo credit: John Doe/AFP)".
    InlineRule {
        kind: Credit,
        pattern: r"\((photo|image|picture|video|file photo|illustration)s?( credits?)?\s*(:|by|via|courtesy( of)?)\s*[^()\n]{1,80}\)",
    },
    // "[Jane Doe/Agency via Reuters]", "[credit: BBC]".
    InlineRule {
        kind: Credit,
        pattern: r"\[[^\[\]\n]{1,80}\bvia [\p{L}][\p{L} .]{1,40}\]|\[(photo|image|credit)s?\s*:\s*[^\[\]\n]{1,80}\]",
    },
    // A credit glued to the end of a line: "… October 19, 2023 © AP / Jane Doe".
    InlineRule {
        kind: Credit,
        pattern: r"©\s*(\d{4}\s+)?\p{Lu}[\p{L}\d.&' ]{0,40}(\s?/\s?\p{Lu}[\p{L}.' -]{1,40})?\s*$",
    },
    // "… at his home Credit: East2West. The …": a capitalised "Credit:" label.
    InlineRule {
        kind: Credit,
        pattern: r"(?-i:\b(Credit|Picture|Photo|Image) ?: [\p{Lu}\d][\p{L}\d&/_-]*( [\p{Lu}][\p{L}\d&/_-]*){0,3})",
    },
];
