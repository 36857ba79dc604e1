//! Word lists for attributing quotes in languages the tagger was not trained on
//! (Russian, Bulgarian, Portuguese, Hindi): verbs of saying, the words that open a
//! reported clause, "according to" phrases and personal pronouns.
//!
//! The tagger learnt English from PolNeAR; no attribution corpus in these languages is
//! available to us, so [`crate::clauses`] reads them with rules over these lists. The
//! lists were written from the cues that precede or follow quotation marks in the
//! SemEval-2025 Task 10 *training* articles of each language.

mod bg;
mod hi;
mod pt;
mod ru;
mod shared;

pub(crate) use shared::*;

/// One language's attribution vocabulary. All entries are lowercase.
#[derive(Debug)]
pub struct Lexicon {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Verb stems of saying: a word is a cue when it is a stem followed by one of
    /// `endings` (Russian inflects too much to list every form).
    stems: &'static [&'static str],
    /// Endings allowed after a stem ("" for none).
    endings: &'static [&'static str],
    /// Whole word forms of saying.
    forms: &'static [&'static str],
    /// Impersonal forms whose source is a document or body named after them ("говорится
    /// в заявлении", "се казва в доклада", "refere-se no relatório").
    pub impersonal: &'static [&'static str],
    /// Words that open a reported clause ("что", "че", "que").
    pub complementisers: &'static [&'static str],
    /// "According to" phrases, each a word sequence, followed by the source.
    pub according: &'static [&'static [&'static str]],
    /// Words that open a sentence whose cue reports the sentence before ("Об этом
    /// заявил …", "Това заяви …").
    pub this_was_said: &'static [&'static [&'static str]],
    /// "As X said, …" openers ("как", "както", "como").
    pub as_said: &'static [&'static str],
    /// Third-person personal pronouns (subject forms).
    pub pronouns: &'static [&'static str],
    /// Prepositions that end a speaker phrase after its name ("сказал Путин в
    /// интервью …", "disse Costa à Lusa"); so do the listeners of [`LISTENERS`].
    pub stop_after_name: &'static [&'static str],
    /// Prepositions that, right before a capitalised run, make it an object rather than
    /// the speaker ("в МИД", "na Ucrânia").
    pub prepositions: &'static [&'static str],
    /// Verbs of saying that take their content as an object rather than a clause
    /// ("обвинил Киев в …", "призова за …", "acusou Kiev de …"): stems, matched as
    /// prefixes of a cue.
    pub object_cues: &'static [&'static str],
    /// The script has no capital letters (Hindi): names are found by their position
    /// before a subject marker, not by capitalisation, and every full stop ends a
    /// sentence.
    pub caseless: bool,
    /// Postpositions that close the subject of a cue ("X ने कहा", "X का कहना है").
    pub subject_markers: &'static [&'static str],
    /// "According to" phrases that follow their source ("X के अनुसार").
    pub according_after: &'static [&'static [&'static str]],
    /// Adverbs and particles that may follow a subject without a marker ("ट्रंप
    /// अक्सर कहते हैं कि").
    pub particles: &'static [&'static str],
    /// Postpositions and adverbs after which a name starts in a caseless script ("…
    /// रॉयटर्स की रिपोर्ट", "इससे पहले रॉयटर्स ने").
    pub postpositions: &'static [&'static str],
    /// Titles and descriptions that open a name in a caseless script ("प्रधानमंत्री
    /// नरेंद्र मोदी" → "नरेंद्र मोदी").
    pub titles: &'static [&'static str],
    /// Lowercase words that may join the words of one name ("Serviço de Alterações
    /// Climáticas", "Banco de Portugal").
    pub name_joiners: &'static [&'static str],
}

/// The fields a language written with capitals leaves empty (those of a caseless
/// script), for `..CASED` in the cased languages' lexicons.
const CASED: Lexicon = Lexicon {
    code: "",
    stems: &[],
    endings: &[""],
    forms: &[],
    impersonal: &[],
    complementisers: &[],
    according: &[],
    this_was_said: &[],
    as_said: &[],
    pronouns: &[],
    stop_after_name: &[],
    prepositions: &[],
    object_cues: &[],
    caseless: false,
    subject_markers: &[],
    according_after: &[],
    particles: &[],
    postpositions: &[],
    titles: &[],
    name_joiners: &[],
};

impl Lexicon {
    /// The lexicon for an ISO 639-1 code, if we have one.
    pub fn for_language(code: &str) -> Option<&'static Lexicon> {
        match code {
            "ru" => Some(&ru::RU),
            "bg" => Some(&bg::BG),
            "pt" => Some(&pt::PT),
            "hi" => Some(&hi::HI),
            _ => None,
        }
    }

    /// Whether a lowercase word is a verb of saying.
    pub fn is_cue(&self, w: &str) -> bool {
        if self.forms.contains(&w) {
            return true;
        }
        self.stems.iter().any(|s| {
            w.strip_prefix(s)
                .is_some_and(|rest| self.endings.contains(&rest))
        })
    }

    /// Whether a lowercase word is an impersonal form of saying.
    pub fn is_impersonal(&self, w: &str) -> bool {
        self.impersonal.contains(&w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_inflect() {
        let ru = Lexicon::for_language("ru").unwrap();
        for w in [
            "заявил",
            "заявила",
            "заявили",
            "сообщает",
            "сказал",
            "отметила",
        ] {
            assert!(ru.is_cue(w), "{w}");
        }
        for w in ["сообщество", "заявление", "ответственность", "говорят"]
        {
            assert_eq!(ru.is_cue(w), w == "говорят", "{w}");
        }
        let bg = Lexicon::for_language("bg").unwrap();
        assert!(bg.is_cue("каза") && bg.is_cue("заявиха") && !bg.is_cue("казах"));
        let pt = Lexicon::for_language("pt").unwrap();
        assert!(pt.is_cue("afirmou") && !pt.is_cue("afirmação"));
        let hi = Lexicon::for_language("hi").unwrap();
        assert!(hi.is_cue("कहा") && hi.caseless);
        assert!(Lexicon::for_language("en").is_none());
    }
}
