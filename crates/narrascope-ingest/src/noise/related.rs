//! Links to the outlet's other stories: "Read more:" and "Related" headers with
//! their headline lists, "READ MORE ON …" widget remnants, and "Trending" /
//! "Most read" boxes.
//!
//! Scrapers often keep a widget's header but drop its links, so a header line
//! is noise on its own; the lines after it are only taken when they look like
//! headlines (see `blocks`).

use narrascope_core::NoiseKind::{RelatedLinks, Trending};

use super::rules::{strong, weak, with_role, InlineRule, LineRule, Role};

pub(super) const LINE_RULES: &[LineRule] = &[
    // Bare list headers: the following headline-shaped lines are the list.
    with_role(
        RelatedLinks,
        Role::ListHeader,
        r"(related|recommended|suggested)( news)?( stories| articles| posts| reads| links| coverage| content| reading| topics| videos)?( from [\w .'’-]{1,40})?\s*:?|(more|other|popular|latest|top)( news)? (stories|articles|posts|reads|links|coverage|content|reading)( from [\w .'’-]{1,40})?\s*:?|read (more|also|next)\s*:?|(see|read) also\s*:?|also read\s*:?|further reading\s*:?|you (may|might) (also )?(like|be interested in)\s*:?|more (on|about) (this|the) (story|topic|subject)\s*:?|more related stories\s*:?|(leia|veja) (também|mais)\s*:?|читайте (также|еще|ещё)\s*:?|още по темата\s*:?|(прочетете|вижте) (още|също)\s*:?|ये भी पढ़ें\s*:?|पढ़ते रहिए\s*:?|यह भी पढ़ें\s*:?",
    ),
    // "Read more: <headline>", "Related: <headline>", "(Related: …)".
    strong(
        RelatedLinks,
        r"\(?(read more|related|see related|also read|read also|see also|more|must read|recommended|further reading)\s*:\s*[^\n]{1,250}",
    ),
    // Widget remnants: "READ MORE ON VLADIMIR PUTIN", "read more in russia",
    // "READ MORE SUN STORIES", "More on Putin".
    strong(
        RelatedLinks,
        r"read more (on|in|about|from) [^.!?:]{1,60}|read more( [\w'’]{1,20}){0,3} (stories|articles|news)",
    ),
    strong(
        RelatedLinks,
        r"(?-i:[Mm]ore (on|about|from) (the )?\p{Lu}[\p{L}'’ -]{1,40})",
    ),
    // "🔵 Read our Russia - Ukraine live blog for the very latest updates".
    strong(
        RelatedLinks,
        r"\W{0,3}\s*(read|follow) our .{1,60}live( blog| coverage| updates)\b.{0,80}",
    ),
    strong(
        RelatedLinks,
        r"(more|other) (news|stories|articles) (like this|from [\w .'’-]{1,40})\.?",
    ),
    strong(
        RelatedLinks,
        r"get the latest (updates|news)\b.{0,100}\b(live coverage|live blog|live updates)\b.{0,40}",
    ),
    // Teasers for the next instalment of a series.
    strong(
        RelatedLinks,
        r"(tomorrow|coming up|next week|up next|coming tomorrow)\s*:\s*.{1,150}",
    ),
    // Trending and most-read boxes: headers of lists, like "Related" (the
    // headline-shaped lines under them are the box's items).
    with_role(
        Trending,
        Role::ListHeader,
        r"trending( now| news| stories| topics| videos?)?|most (read|popular|viewed|shared|commented|watched)( (stories|articles|news|videos?|today|this week))?( in [\w .'’-]{1,40})?|(top|popular|latest|recommended|featured|editor['’]?s?)( (stories|articles|news|videos?|posts|picks?))|latest videos?|what['’]s (hot|trending)( now)?|(don['’]t miss|must read|must watch)\s*:?|(today['’]s )?top stories( curated by our news team)?\.?",
    ),
    weak(
        Trending,
        r"popular|latest|featured|recommended|videos?|news|world|politics|opinion|sports|business",
    ),
];

pub(super) const INLINE_RULES: &[InlineRule] = &[
    // "(Related: Another story about the same thing.)" set into a paragraph.
    InlineRule {
        kind: RelatedLinks,
        pattern: r"\((related|see also|read more|also read)\s*:\s*[^()\n]{1,300}\)",
    },
];
