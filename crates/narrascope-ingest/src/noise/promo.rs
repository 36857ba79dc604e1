//! The outlet talking about itself: subscription and alternate-address notices,
//! newsletter sign-ups, donation appeals, store plugs and "send us your story"
//! boxes.
//!
//! Besides whole-line phrases, a paragraph counts as self-promotion when it
//! contains at least two distinct promo signals ("follow us", "check out our",
//! "support our efforts", …) and no quotation marks: one signal alone is common
//! in reported speech, two together almost only in the outlet's own plugs.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use narrascope_core::NoiseKind::{CommentForm, Newsletter, Promo, SourceLink, Subscription};

use super::rules::{strong, weak, with_role, InlineRule, LineRule, Role};

pub(super) const LINE_RULES: &[LineRule] = &[
    // A blog's mailing-list widget closes the post; what follows in a scrape is
    // the reader comments.
    with_role(
        Newsletter,
        Role::EndOfArticle(CommentForm),
        r"subscribe to (our|the) mailing list.{0,160}",
    ),
    // Subscription and alternate-address notices: an imperative to subscribe or
    // follow, naming a channel or platform.
    strong(
        Subscription,
        r"(please |also |and )?((subscribe|follow|join)( us)?|like us) (to |on |at |in )?.{0,80}\b(telegram|whatsapp|viber|facebook|twitter|instagram|youtube|rumble|gab|gettr|truth social|tiktok|vk|vkontakte|rss|channel|x\.com)\b.{0,200}",
    ),
    strong(
        Subscription,
        r"only verified information (is available )?(on|in) .{0,80}\b(telegram|viber|whatsapp)\b.{0,120}",
    ),
    strong(
        Subscription,
        r"(our |the )?(alternative|alternate|backup|mirror|reserve) (address|site|domain|link|url|mirror)\b.{0,160}|our new (address|domain|web ?site)\b.{0,160}|in case of (a )?block(ing|ed)?,? .{0,160}",
    ),
    strong(
        Subscription,
        r"read all the latest news.{0,300}|подписывайтесь на .{0,120}|subscribe( now)?!?|subscribe to (our|the) .{1,80}",
    ),
    strong(
        Subscription,
        r"stay (up[- ]to[- ]date|informed|connected|in the loop)\b.{0,100}\b(whatsapp|telegram|viber|channel|newsletter|app)\b.{0,60}",
    ),
    weak(
        Subscription,
        r"stay (up[- ]to[- ]date|informed|connected|in the loop) .{0,100}|bypass the censors",
    ),
    // Newsletters.
    strong(
        Newsletter,
        r"(sign up|subscribe|register) (to|for) (our|the|a) .{0,60}newsletters?\b.{0,160}|sign up (now |here |today )?(to|for) (get|receive) .{0,100}(inbox|e-?mail).{0,80}|you can unsubscribe (at )?any ?time.{0,160}|by (signing up|subscribing|registering),? you agree to .{0,160}|join our (mailing |e-?mail )?list|(enter|type) your e-?mail( address)?( here)?\.?|(get|receive) (our|the) .{0,40}newsletter.{0,120}|(free )?newsletter sign-?up|(your )?daily briefing.{0,60}|today['’]s top stories curated by our news team\.?",
    ),
    weak(
        Newsletter,
        r"newsletters?|daily|weekly|sign up|subscribe|submit|your e-?mail( address)?",
    ),
    // Citizen-journalism network chrome; the store plugs after it are not body.
    with_role(
        Promo,
        Role::EndOfArticle(Promo),
        r".{0,40}\bis a community of individuals who report on .{0,400}",
    ),
    with_role(
        Promo,
        Role::EndOfArticle(Promo),
        r"anyone can become informed about their world\.?",
    ),
    with_role(
        Promo,
        Role::EndOfArticle(Promo),
        r".{0,80}\bclick here to create your (personal )?[\w ]{0,40}account\b.{0,160}",
    ),
    strong(Promo, r"anyone can (join|contribute)\.?"),
    strong(
        Promo,
        r"truth lives on at \S+|.{0,80}\bclick here to (create|subscribe|donate|support|join|sign up|get|download|buy|order|visit|watch).{0,200}",
    ),
    // "Send us your story" boxes.
    strong(
        Promo,
        r"we pay for your (stories|videos|pictures)!?|do you have a (story|tip|video) (for|to share with) .{0,60}\?|e-?mail us at \S+@\S+.{0,80}|(got|have) a (news )?tip\??.{0,100}@.{0,80}",
    ),
    // Appeals for money or membership.
    strong(
        Promo,
        r"(please )?(donate|support (us|our (work|journalism|efforts|mission))|become a (patron|member|subscriber|supporter|vip member)|make a donation)\b.{0,200}",
    ),
    // Video embed lead-ins of video-network sites.
    with_role(
        Promo,
        Role::TailAnchor,
        r"this video is from the .{1,80} (channel|account) on .{1,60}",
    ),
    with_role(
        Promo,
        Role::TailAnchor,
        r"watch (this|the following) (video|clip)\b.{0,200}",
    ),
    // Links back to a network site's topic page ("Tune in to X.news for …").
    // The whole line only when it is the plug itself; a plug appended to a body
    // sentence is cut by the inline rule below.
    strong(
        Promo,
        r"(want (to|more)|tune|follow|visit|read|check out|learn more|find (out )?more|keep up|get (the )?(latest|more)|(the latest|more( related)?) (news|stories|articles)\b)[^.!]{0,160}\b[\w-]+\.news\b.{0,160}",
    ),
    strong(Promo, r"(get|download) (our|the) (free )?app\b.{0,100}"),
    // Free Republic style posts end the excerpt with a link; the replies follow.
    with_role(
        SourceLink,
        Role::EndOfArticle(CommentForm),
        r"\(excerpt\) read more at \S+( \.\.\.|…)?",
    ),
];

pub(super) const INLINE_RULES: &[InlineRule] = &[
    // A network site's closing plug after the last sentence: "… Learn more at X.news."
    InlineRule {
        kind: Promo,
        pattern: r"(learn more|read more|find (out )?more|visit|follow) (at|on)?\s*[\w-]+\.news\.?\s*$",
    },
];

/// Phrases typical of an outlet's self-promotion. Counted per line, distinct.
const PROMO_SIGNALS: &[&str] = &[
    "follow us",
    "check out our",
    "check us out",
    "our friends at",
    "sign up for our",
    "subscribe to our",
    "bookmark this site",
    "support our",
    "explore our",
    "every purchase",
    "shopping at",
    "our efforts",
    "our free",
    "our mission",
    "our newsletter",
    "our page",
    "donate",
    "be sure to",
    "be sure to check",
    "join the new",
    "join us",
    "click here",
    "free speech platform",
    "uncensorable",
    "infrastructure of human freedom",
    "our store",
    "our podcast",
    "our channel",
];

/// Counts distinct promo signals in a line; built once.
#[derive(Debug)]
pub(super) struct PromoSignals {
    ac: AhoCorasick,
}

impl PromoSignals {
    pub fn new() -> Result<Self, aho_corasick::BuildError> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(PROMO_SIGNALS)?;
        Ok(PromoSignals { ac })
    }

    /// Number of distinct signals in `t` (overlapping matches count once each).
    pub fn count(&self, t: &str) -> usize {
        let mut seen = [false; PROMO_SIGNALS.len()];
        for m in self.ac.find_overlapping_iter(t) {
            seen[m.pattern().as_usize()] = true;
        }
        seen.iter().filter(|&&s| s).count()
    }
}
