//! Site chrome: navigation, share bars, breadcrumbs, cookie prompts and
//! comment forms. These are fixed interface strings, so most are matched as
//! whole lines; the single words ("Email", "Share", "Home") only count next to
//! other chrome.

use narrascope_core::NoiseKind::{
    Breadcrumb, Caption, CommentForm, Cookie, Navigation, Other, ShareBar,
};

use super::rules::{strong, weak, with_role, LineRule, Role};

pub(super) const LINE_RULES: &[LineRule] = &[
    // Navigation.
    strong(
        Navigation,
        r"exit mobile version|skip to (main )?content|skip navigation|toggle navigation|back to top|scroll to top|open (the )?menu|main menu|(jump|go) to (main )?(content|navigation)",
    ),
    weak(
        Navigation,
        r"menu|home|search|close|sign in|log ?in|register|next|previous|prev|more",
    ),
    // Dateline labels left without their value ("Issued on:" then a widget).
    strong(
        Other,
        r"(issued|modified|updated|published|posted) on:?|(last )?(updated|modified):?",
    ),
    // A date (and time) alone on a line: page metadata, or a comment's timestamp.
    strong(
        Other,
        r"((mon|tues|wednes|thurs|fri|satur|sun)day,? )?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(,?( at| -)? \d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,4})?)?",
    ),
    strong(
        Other,
        r"loading(\.\.\.|…)?|advertisement loading|listen to (this|the) (article|story)( now)?|इस खबर को सुनें",
    ),
    strong(
        Caption,
        r"activate to view larger image,?|(click|tap) (to|here to) (enlarge|view larger|expand)( image)?\.?",
    ),
    weak(Caption, r"photos?|videos?|gallery|image"),
    // Share bars.
    strong(
        ShareBar,
        r"share (this|the) (article|story|post|page|news)( on| via)?[\w ,/]{0,60}[:!.]?|share on (facebook|twitter|x|whatsapp|linkedin|telegram|reddit|email)|share via (email|whatsapp)|(quickly |please )?share this (news|article|story|post) with [^.!?]{0,80}[.!]?.{0,120}|copy link( to clipboard)?|link copied",
    ),
    weak(
        ShareBar,
        r"share( this)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|messenger|flipboard|copy",
    ),
    // Breadcrumbs: 2-6 short capitalised crumbs joined by "/", ">", "»" or "›".
    strong(
        Breadcrumb,
        r"(?-i:\p{Lu}[\p{L}\d&'’.-]*(?: [\p{L}\d&'’.-]+){0,3}(?:\s+[/>»›]\s+\p{Lu}[\p{L}\d&'’.-]*(?: [\p{L}\d&'’.-]+){0,3}){1,5})",
    ),
    strong(Breadcrumb, r"you are here:?.{0,100}"),
    // Cookie and consent prompts.
    strong(
        Cookie,
        r".{0,200}\b(we use cookies|(this|our) (web)?site uses cookies|uses cookies to|accept (all )?cookies|cookie (policy|settings|preferences|notice)|by continuing to (browse|use) (this|our) (site|website))\b.{0,300}",
    ),
    weak(
        Cookie,
        r"(accept|reject|decline|agree|i agree|ok|got it|manage (settings|preferences|options))",
    ),
    // Comment forms.
    strong(
        CommentForm,
        r"leave a (reply|comment)( cancel reply)?|cancel reply|post (a )?comment|submit comment|add (a )?comment|your email address will not be published\.?.{0,80}|required fields are marked \*?|save my name,? email,? and website in this browser.{0,80}|you must be (logged in|registered) to post a comment\.?|notify me of (follow-up comments|new posts|new comments).{0,80}|this site uses akismet to reduce spam.{0,120}|comments are (closed|moderated)\.?.{0,80}|(view|show|load|read|see) (all )?(\d+ )?comments?|be the first to comment\.?|join the (conversation|discussion)( as a vip member)?\.?|please let us know if you['’]re having issues with commenting\.?|thank you for sharing your thoughts\.? we appreciate your feedback\.?|.{0,160}\bwe['’]re here to listen\.?|comments? (on|to) (this )?post|what do you think\? (leave|share|tell).{0,80}",
    ),
    // Pingbacks: "[…] quoted snippet of a linking post […]".
    strong(CommentForm, r"\[(…|\.\.\.)\].{1,400}\[(…|\.\.\.)\]"),
    with_role(
        CommentForm,
        Role::CommentHeader,
        r"(\d+ )?comments?( \(\d+\))?:?",
    ),
    weak(
        CommentForm,
        r"(comment|name|e-?mail|website|url)\s*\*?:?|reply|report|like|dislike|log in to reply|\d+ (likes?|replies)",
    ),
];
