//! What an element's name, class and id say about its role.
//!
//! Publishers name their boilerplate consistently across the web (`share`,
//! `related`, `newsletter`, `comments`, …) and their article containers too
//! (`article-body`, `entry-content`, …). These are generic vocabulary lists, not
//! rules for particular sites.

/// How strongly an element looks like boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Neg {
    /// Nothing suspicious.
    None,
    /// Boilerplate unless it turns out to wrap most of the page's text (layout
    /// wrappers are sometimes called `has-sidebar`, `page-with-nav`, …).
    Weak,
    /// Reader comments and similar: boilerplate even when long.
    Strong,
}

/// Substrings of class/id values that mark boilerplate.
const NEG_SUBSTR: &[&str] = &[
    "sidebar",
    "side-bar",
    "related",
    "recommend",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "promo",
    "sponsor",
    "advert",
    "breadcrumb",
    "cookie",
    "consent",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "byline",
    "caption",
    "footer",
    "masthead",
    "pagination",
    "trending",
    "popular",
    "mostread",
    "most-read",
    "readmore",
    "read-more",
    "morestories",
    "more-stories",
    "also-read",
    "widget",
    "toolbar",
    "navbar",
    "navigation",
    "menu",
    "skip-link",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "author",
    "tagcloud",
    "tag-list",
    "taglist",
    "timestamp",
    "dateline",
    "print-only",
    "paywall",
    "login",
    "overlay",
    "carousel",
    "slideshow",
    "gallery",
    "credit",
    "recirc",
];

/// Whole class/id tokens that mark boilerplate (too short or too common to match as
/// substrings).
const NEG_TOKEN: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advertisement",
    "banner",
    "nav",
    "tags",
    "tag",
    "meta",
    "date",
    "time",
    "print",
    "tools",
    "rating",
    "skip",
    "jump",
    "toc",
    "complementary",
    "contentinfo",
    "byline",
    "dfp",
    "header",
    "info",
    "topics",
    "keywords",
    "hidden",
];

/// Substrings marking reader comments.
const COMMENT_SUBSTR: &[&str] = &["comment", "disqus", "discussion"];

/// Substrings marking the article container.
const POS_SUBSTR: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article-content",
    "article__body",
    "article__content",
    "articlecontent",
    "story-body",
    "storybody",
    "story-content",
    "post-body",
    "postbody",
    "post-content",
    "entry-content",
    "entry-body",
    "main-content",
    "body-text",
    "bodytext",
    "article-text",
    "text-body",
    "content-body",
];

fn tokens(hint: &str) -> impl Iterator<Item = &str> {
    hint.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// The boilerplate class of an element from its tag and hint string.
pub(crate) fn negative(tag: &str, hint: &str) -> Neg {
    if matches!(tag, "html" | "body" | "main" | "article") {
        return Neg::None;
    }
    if COMMENT_SUBSTR.iter().any(|s| hint.contains(s)) && !positive(hint) {
        return Neg::Strong;
    }
    if matches!(
        tag,
        "nav" | "footer" | "aside" | "header" | "figcaption" | "caption" | "menu"
    ) {
        return Neg::Weak;
    }
    if hint.is_empty() || positive(hint) {
        return Neg::None;
    }
    if NEG_SUBSTR.iter().any(|s| hint.contains(s))
        || tokens(hint).any(|t| NEG_TOKEN.contains(&t) || t.starts_with("nav"))
    {
        return Neg::Weak;
    }
    Neg::None
}

/// True when the hint names an article-body container.
pub(crate) fn positive(hint: &str) -> bool {
    POS_SUBSTR.iter().any(|s| hint.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(negative("div", "share-bar"), Neg::Weak);
        assert_eq!(negative("div", "comments-area"), Neg::Strong);
        assert_eq!(negative("div", "ad-slot"), Neg::Weak);
        assert_eq!(negative("div", "heading"), Neg::None);
        assert_eq!(negative("div", "entry-content"), Neg::None);
        assert_eq!(negative("article", "related"), Neg::None);
        assert_eq!(negative("nav", ""), Neg::Weak);
        assert!(positive("story-body__inner"));
    }
}
