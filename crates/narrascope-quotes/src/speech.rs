//! Whether an indirect attribution reports speech (or a claim stated by its source)
//! rather than an intention, an action, or the writer's own impression.
//!
//! The tagger learned PolNeAR's broad notion of attribution, which also covers
//! wishes and plans ("Moscow plans to …", "they want …"), and on news unlike
//! PolNeAR's it takes plain verbs for cues ("the CDC edited the profile", "it also
//! blocked some roads", "it appears that …"). `quotes[]` is who said what, so an
//! indirect attribution (no quotation marks anywhere in its content) stays only when
//! its cue holds a word of saying ("said", "according to", "accused"), of a stated
//! position ("believes", "estimates") or of a finding ("the study found", "shows").
//! The lists were written from the cues the stage emits on the SemEval-2025 EN
//! training articles; quoted words are never filtered.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words of saying and of speech acts that report what the source said. Verb
/// forms only where the noun reads otherwise ("states", "attacks", "charges",
/// "questions", "demand for" are left out).
static SAYING: WordList = WordList::new(
    "\
    say says said saying tell tells told telling add adds added adding write writes \
    wrote written writing tweet tweets tweeted post posts posted ask asks asked asking \
    explain explains explained explaining reply replies replied respond responds \
    responded answer answered note notes noted noting stated stating statement declare \
    declares declared declaring remark remarked remarks comment comments commented \
    recall recalls recalled recalling recounted insist insists insisted insisting argue \
    argues argued arguing claim claims claimed claiming stress stresses stressed \
    stressing emphasize emphasizes emphasized emphasizing emphasise emphasised \
    emphasising underline underlined underlining highlight highlights highlighted \
    highlighting observe observed concede concedes conceded acknowledge acknowledges \
    acknowledged acknowledging admit admits admitted admitting counter countered \
    testified point points pointed pointing suggest suggests suggested suggesting warn \
    warns warned warning predict predicts predicted conclude concludes concluded agree \
    agrees agreed maintain maintains maintained contend contends contended assert \
    asserts asserted asserting confirm confirms confirmed repeat repeated reiterate \
    reiterated announce announces announced announcing report reports reported \
    reportedly quote quoted quoting cite cites cited citing interview according accuse \
    accuses accused accusing urge urges urged urging deny denies denied denying call \
    calls called calling criticize criticizes criticized criticizing criticise \
    criticises criticised criticising praise praises praised praising blame blames \
    blamed blaming demands demanded demanding dismiss dismisses dismissed reject rejects \
    rejected slam slams slammed blast blasts blasted defended describe describes \
    described describing allege alleges alleged alleging questioned mock mocks mocked \
    recommend recommends recommended propose proposes proposed threaten threatens \
    threatened reveal reveals revealed hint hinted challenged condemn condemns condemned \
    condemning welcome welcomes welcomed endorse endorses endorsed lashed ripped tout \
    touts touted boast boasts boasted brag brags bragged complain complains complained \
    lament laments lamented framed labeled labelled branded dubbed compared likened \
    mention mentions mentioned speaking expressed \
    clarified decried denounce denounces denounced denouncing assured remind reminds \
    reminded echoed emailed lectured pleaded vow vows vowed pledge pledges pledged \
    promise promises promised promising disputed objected apologized apologised thanked \
    conclusion continued continues joked quipped mused outlined assertion assertions \
    admission allegation allegations accusation accusations",
);

/// Verbs of inference: with a demonstrative or relative for subject ("This suggests
/// that …", "…, which means that …") they give the writer's own conclusion, not
/// anybody's words.
static INFERENCE: WordList = WordList::new(
    "\
    suggest suggests suggested suggesting indicate indicates indicated mean means meant \
    imply implies implied show shows showed shown prove proves proved proven demonstrate \
    demonstrates demonstrated confirm confirms confirmed underline underlines underlined \
    highlight highlights highlighted",
);

/// Subjects that name no source: a demonstrative or a relative standing for a
/// clause or a fact.
static NO_SOURCE: WordList = WordList::new(
    "\
    this that these those which what",
);

/// A position held and, in news, nearly always stated: "X believes that …", "the
/// ministry estimates …". PolNeAR annotates these as attributions, and an analyst
/// reads them as the source's claim.
static STANCE: WordList = WordList::new(
    "\
    think thinks thought believe believes believed fear fears feared doubt doubts \
    doubted suspect suspects suspected consider considers considered regard regards \
    regarded view views viewed estimate estimates estimated expect expects feel feels \
    felt worry worries worried",
);

/// A finding of a study, a poll or a report: "the survey found …", "data show …".
static FINDING: WordList = WordList::new(
    "\
    found find finds show shows showed shown indicate indicates indicated demonstrate \
    demonstrates demonstrated proved proven",
);

/// Verbs of speech that take an infinitive of what is asked or promised ("urged
/// Kyiv to negotiate"): with any other cue an infinitive content is an intention
/// or an action ("agreed to join", "continue to fight"), not speech.
static DIRECTIVE: WordList = WordList::new(
    "\
    tell tells told telling ask asks asked asking urge urges urged urging call calls \
    called calling warn warns warned warning vow vows vowed pledge pledges pledged \
    promise promises promised promising threaten threatens threatened demands demanded \
    demanding propose proposes proposed recommend recommended claim claims claimed \
    claiming say says said reported reportedly alleged believed thought considered \
    expect expects found shown remind reminds reminded pleaded",
);

/// Words after "to" that make it a preposition, not an infinitive ("praise to the
/// troops", "told to them").
static NOT_VERB: WordList = WordList::new(
    "\
    the a an his her their its this that these those my our your him them us me all some \
    any each every both",
);

/// A space-separated word list, made a set the first time it is asked (the filter
/// asks for every word of every cue; scanning ~400 words each time was linear).
struct WordList {
    text: &'static str,
    set: OnceLock<HashSet<String>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            set: OnceLock::new(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| {
                let words = self.text.split_whitespace();
                words
                    .clone()
                    .map(str::to_string)
                    .chain(words.filter_map(crate::cues::british))
                    .collect()
            })
            .contains(word)
    }
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
}

/// Whether cue words report speech, a stated position or a finding (or are the
/// colon that introduces reported words).
pub fn cue_reports_speech(cue: &str) -> bool {
    if cue.trim() == ":" || cue.trim_end().ends_with(':') {
        return true;
    }
    let cue_words: Vec<String> = words(cue).collect();
    cue_words
        .iter()
        .any(|w| SAYING.contains(w) || STANCE.contains(w) || FINDING.contains(w))
}

/// Whether an attribution with cue words `cue`, (first) content `content` and
/// subject `subject` (the source's words, or the word before the cue when no source
/// was found) reports speech or a stated claim. Used only for contents without
/// quotation marks; a missing cue reports nothing.
pub fn reports_speech(cue: Option<&str>, content: &str, subject: Option<&str>) -> bool {
    let Some(cue) = cue else { return false };
    // ":" introducing reported content ("Lavrov: the West …") is speech.
    if cue.trim() == ":" || cue.trim_end().ends_with(':') {
        return true;
    }
    let cue_words: Vec<String> = words(cue).collect();
    let has = |list: &WordList| cue_words.iter().any(|w| list.contains(w));
    if !(has(&SAYING) || has(&STANCE) || has(&FINDING)) {
        return false;
    }
    let no_source = subject.is_some_and(|s| {
        let w: Vec<String> = words(s).collect();
        w.len() == 1 && NO_SOURCE.contains(&w[0])
    });
    let inference_only = cue_words
        .iter()
        .filter(|w| {
            let w = w.as_str();
            SAYING.contains(w) || STANCE.contains(w) || FINDING.contains(w)
        })
        .all(|w| INFERENCE.contains(w));
    if no_source && inference_only {
        return false;
    }
    // "to" followed by a lowercase word that is not a determiner: an infinitive.
    let mut first = content.split_whitespace();
    let infinitive = first.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && first.next().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !NOT_VERB.contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
        });
    !infinitive || has(&DIRECTIVE)
}

#[cfg(test)]
mod tests {
    use super::reports_speech;

    fn says(cue: &str, content: &str, subject: Option<&str>) -> bool {
        reports_speech(Some(cue), content, subject)
    }

    #[test]
    fn speech_and_stated_positions_stay() {
        assert!(says("said", "that talks would resume", None));
        assert!(says("according to", "the ministry, prices rose", None));
        assert!(says("has repeatedly accused", "the West of lying", None));
        assert!(says("believes", "the plan will fail", None));
        assert!(says("found", "that prices rose", None));
        assert!(says("urged", "to resume talks", None));
        assert!(says("said:", "the West is lying", None));
        assert!(says("offered praise", "to Biden for his aid", None));
        assert!(says("offered praise", "to the troops", None));
        assert!(says("suggests", "that the war goes on", Some("The study")));
        assert!(says("said", "that the war goes on", Some("which")));
    }

    #[test]
    fn intentions_actions_and_impressions_go() {
        assert!(!says("plans", "to open a plant", None));
        assert!(!says("wants", "countries to buy oil", None));
        assert!(!says("also blocked", "some roads", None));
        assert!(!says("appears", "that the talks failed", None));
        assert!(!says("edited", "the profile", None));
        assert!(!says("agreed", "to join the group", None));
        assert!(!says("are expected", "to suffer from heat", None));
        assert!(!reports_speech(None, "the roads were closed", None));
        assert!(!says("suggests", "that the war goes on", Some("This")));
        assert!(!says("means", "that prices rise", Some("which")));
    }
}
