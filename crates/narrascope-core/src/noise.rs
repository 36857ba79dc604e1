//! Kinds of scraping noise that the cleaner removes from an article.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What a removed segment was. Serialised in `snake_case` (`"source_link"`).
///
/// The list is closed so analysts can rely on it; new kinds are added only with a
/// schema version bump.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// Ad markers such as `[ad_1]`, "Advertisement", "Sponsored".
    Ad,
    /// "Source link", "Original article", link-back lines.
    SourceLink,
    /// Comment forms: "Leave a Reply", "Your email address will not be published", …
    CommentForm,
    /// Site chrome: "Exit mobile version", "Skip to content", menus.
    Navigation,
    /// "Trending", "Most read in News", "Popular" headers and their lists.
    Trending,
    /// "Read more:", "READ MORE ON …", "Related:" and lists of other headlines.
    RelatedLinks,
    /// Share bars: "SHARE THIS ARTICLE", "Share on Facebook", "Tweet".
    ShareBar,
    /// Breadcrumbs: "News / Russia / More".
    Breadcrumb,
    /// Subscription and alternate-address notices ("Subscribe to … Telegram channel").
    Subscription,
    /// Newsletter sign-up prompts.
    Newsletter,
    /// Cookie and consent prompts.
    Cookie,
    /// Photo captions ("President X speaks in Minsk on Monday.") detached from the body.
    Caption,
    /// Photo and video credits ("(Photo by Reuters)", "[Name/Agency via Reuters]").
    Credit,
    /// Source lines ("Source: Al Jazeera and news agencies").
    SourceLine,
    /// Bylines and author boxes ("By Jane Doe", "About the author").
    Byline,
    /// Tag and category lists ("Tags: Ukraine, NATO").
    Tags,
    /// The outlet's self-promotion, donation appeals and store plugs.
    Promo,
    /// Legal or editorial disclaimers ("The views expressed … are the author's own").
    Disclaimer,
    /// Anything else recognised as boilerplate.
    Other,
}

impl NoiseKind {
    /// Every kind, in declaration order.
    pub const ALL: [NoiseKind; 19] = [
        NoiseKind::Ad,
        NoiseKind::SourceLink,
        NoiseKind::CommentForm,
        NoiseKind::Navigation,
        NoiseKind::Trending,
        NoiseKind::RelatedLinks,
        NoiseKind::ShareBar,
        NoiseKind::Breadcrumb,
        NoiseKind::Subscription,
        NoiseKind::Newsletter,
        NoiseKind::Cookie,
        NoiseKind::Caption,
        NoiseKind::Credit,
        NoiseKind::SourceLine,
        NoiseKind::Byline,
        NoiseKind::Tags,
        NoiseKind::Promo,
        NoiseKind::Disclaimer,
        NoiseKind::Other,
    ];

    /// The serialised name (`"source_link"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            NoiseKind::Ad => "ad",
            NoiseKind::SourceLink => "source_link",
            NoiseKind::CommentForm => "comment_form",
            NoiseKind::Navigation => "navigation",
            NoiseKind::Trending => "trending",
            NoiseKind::RelatedLinks => "related_links",
            NoiseKind::ShareBar => "share_bar",
            NoiseKind::Breadcrumb => "breadcrumb",
            NoiseKind::Subscription => "subscription",
            NoiseKind::Newsletter => "newsletter",
            NoiseKind::Cookie => "cookie",
            NoiseKind::Caption => "caption",
            NoiseKind::Credit => "credit",
            NoiseKind::SourceLine => "source_line",
            NoiseKind::Byline => "byline",
            NoiseKind::Tags => "tags",
            NoiseKind::Promo => "promo",
            NoiseKind::Disclaimer => "disclaimer",
            NoiseKind::Other => "other",
        }
    }

    /// Parses a serialised name.
    pub fn parse(s: &str) -> Option<NoiseKind> {
        NoiseKind::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for NoiseKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One removed stretch of text and why it was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoiseSegment {
    /// Where it is in the document text.
    pub span: Span,
    /// What kind of noise it is.
    pub kind: NoiseKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in NoiseKind::ALL {
            assert_eq!(NoiseKind::parse(k.as_str()), Some(k));
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
    }
}
