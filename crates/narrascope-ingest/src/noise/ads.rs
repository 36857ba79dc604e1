//! Ad markers: WordPress ad-slot placeholders (`[ad_1]`), "Advertisement" labels
//! and "story continues below" interrupters.

use narrascope_core::NoiseKind::Ad;

use super::rules::{strong, weak, InlineRule, LineRule};

pub(super) const LINE_RULES: &[LineRule] = &[
    strong(Ad, r"\[\s*ad_?\d{1,3}\s*\]"),
    strong(
        Ad,
        r"advertisements?|advertisement\s*[-–—]\s*scroll to continue|sponsored( content| links?| stories)?|promoted( content| stories)?|paid (content|post|partnership)|partner content",
    ),
    strong(
        Ad,
        r"(the )?(story|article|text) continues (below|after)( (this|the))?( (advertisement|ad|video))?|continue reading (below|the main story)|scroll (down )?to continue( (reading|with content))?",
    ),
    // Other languages of the corpus: "Publicidade" (PT), "Реклама" (RU, BG),
    // "विज्ञापन" (HI).
    strong(Ad, r"publicidade|реклама|विज्ञापन"),
    // A lone "Ad"/"Ads" could be an abbreviation in a list; only with neighbours.
    weak(Ad, r"ads?"),
];

pub(super) const INLINE_RULES: &[InlineRule] = &[
    // Placeholders left by ad plug-ins, wherever they sit in a line.
    InlineRule {
        kind: Ad,
        pattern: r"\[\s*ad_?\d{1,3}\s*\]",
    },
];
