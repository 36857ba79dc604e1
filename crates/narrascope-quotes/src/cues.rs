//! The cue lexicon: words that commonly introduce reported speech or belief.
//!
//! The tagger learns which words are cues on its own; the lexicon only gives it the
//! distance from each token to the nearest likely cue, which a linear model cannot
//! compute by itself, and gives the rule layer its "X said" patterns.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Broad class of a cue word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Not a cue word.
    None,
    /// Verbs of saying: said, told, added, wrote.
    Say,
    /// "according (to)".
    According,
    /// Verbs of belief, intention and knowledge: thinks, wants, hopes.
    Belief,
    /// Other communication verbs: accused, urged, denied, called, announced.
    Speech,
}

impl CueClass {
    /// A stable name for features.
    pub fn name(self) -> &'static str {
        match self {
            CueClass::None => "-",
            CueClass::Say => "say",
            CueClass::According => "acc",
            CueClass::Belief => "bel",
            CueClass::Speech => "sp",
        }
    }
}

const SAY: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "write", "writes", "wrote", "written", "tweet", "tweets", "tweeted", "ask", "asks", "asked",
    "explain", "explains", "explained", "reply", "replies", "replied", "respond", "responds",
    "responded", "note", "notes", "noted", "state", "states", "stated", "declare", "declares",
    "declared", "continue", "continued", "quipped", "joked", "recalled", "remarked", "mused",
    "insisted", "insists", "argued", "argues", "claimed", "claims", "stressed", "emphasized",
    "observed", "conceded", "acknowledged", "admitted", "admits", "countered", "shouted",
    "yelled", "posted", "wrote", "testified", "pointed", "suggested", "suggests", "warned",
    "warns", "predicted", "predicts", "concluded", "agreed", "agrees", "maintained",
    "contended", "asserted", "confirmed", "confirms", "repeated", "announced", "announces",
    "reported", "reports", "quoted", "cited", "cites", "statement", "interview", "remarks",
];

const BELIEF: &[&str] = &[
    "think", "thinks", "thought", "believe", "believes", "believed", "want", "wants", "wanted",
    "hope", "hopes", "hoped", "feel", "feels", "felt", "fear", "fears", "feared", "expect",
    "expects", "expected", "know", "knows", "knew", "worry", "worries", "worried", "wish",
    "wishes", "plan", "plans", "planned", "intend", "intends", "intended", "decide", "decided",
    "decides", "consider", "considers", "considered", "see", "sees", "saw", "view", "views",
    "viewed", "understand", "understands", "understood", "realize", "realized", "doubt",
    "doubts", "suspect", "suspects", "like", "likes", "liked", "love", "loves", "hate",
    "hates", "seek", "seeks", "sought", "try", "tries", "tried", "vow", "vows", "vowed",
    "pledge", "pledged", "promise", "promised", "promises", "refuse", "refused", "refuses",
    "support", "supports", "supported", "oppose", "opposes", "opposed", "estimate",
    "estimated", "found", "find", "finds", "show", "shows", "showed", "indicate", "indicated",
    "indicates", "suggesting", "according",
];

const SPEECH: &[&str] = &[
    "accuse", "accuses", "accused", "urge", "urges", "urged", "deny", "denies", "denied",
    "call", "calls", "called", "criticize", "criticized", "criticizes", "praise", "praised",
    "praises", "blame", "blamed", "blames", "demand", "demanded", "demands", "dismiss",
    "dismissed", "dismisses", "reject", "rejected", "rejects", "slam", "slammed", "slams",
    "blast", "blasted", "blasts", "attack", "attacked", "attacks", "defend", "defended",
    "defends", "describe", "described", "describes", "charge", "charged", "charges", "allege",
    "alleged", "alleges", "question", "questioned", "questions", "mock", "mocked", "mocks",
    "recommend", "recommended", "propose", "proposed", "proposes", "threaten", "threatened",
    "threatens", "insist", "argue", "claim", "reveal", "revealed", "reveals", "signal",
    "signaled", "signaling", "hint", "hinted", "predict", "challenged", "challenge",
    "condemned", "condemn", "condemns", "welcomed", "welcome", "welcomes", "endorsed",
    "endorse", "endorses", "lashed", "ripped", "touted", "touts", "tout", "boasted", "boasts",
    "complained", "complains", "lamented", "conceded", "estimated", "reiterated", "framed",
    "labeled", "branded", "dubbed", "compared", "likened", "mentioned", "discussed",
];

/// Class of a lowercased word.
pub fn cue_class(lower: &str) -> CueClass {
    static TABLE: OnceLock<HashMap<&'static str, CueClass>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = HashMap::new();
        // Later lists win: belief < speech < say < according.
        for (list, class) in [
            (BELIEF, CueClass::Belief),
            (SPEECH, CueClass::Speech),
            (SAY, CueClass::Say),
        ] {
            for w in list {
                m.insert(*w, class);
            }
        }
        m.insert("according", CueClass::According);
        m
    });
    table.get(lower).copied().unwrap_or(CueClass::None)
}
