//! Names found or typed by a list, for text the tagger cannot read well.
//!
//! The tagger learnt English from CoNLL, where names are capitalised words.
//!
//! * Devanagari has no capitals, so in Hindi text it finds almost nothing (0.9 % of the
//!   SemEval training articles' annotated entity mentions). Hindi regions are matched
//!   against `models/ner/hi_names.tsv` (longest match first, on the words the tagger
//!   left untagged), and persons are taken after titles.
//! * In Russian, Bulgarian and Portuguese it finds capitalised names but knows none of
//!   their words, so it guesses their class from shape and context ("Вашингтоне" a
//!   person). A name it found that a list of that language holds
//!   (`models/ner/{ru,bg,pt}_names.tsv`, inflected forms included) takes the list's
//!   class, and a listed name it missed is added when it starts with a capital.
//!
//! Why lists and not models: there is no tagged text in these languages to train on,
//! and the entities of this news (countries, the war's places, leaders, alliances) are
//! few and recur. The lists' provenance is in `models/ner/README.md`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::tagger::Name;
use crate::tags::NerClass;
use crate::tokenize::Token;

/// The lists, built into the binary.
static HINDI: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/hi_names.tsv"
));
static RUSSIAN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/ru_names.tsv"
));
static BULGARIAN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/bg_names.tsv"
));
static PORTUGUESE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/pt_names.tsv"
));

/// Longest entry, in words.
const MAX_WORDS: usize = 10;

/// A typed name list: words joined by one space → class.
#[derive(Debug, Default)]
pub(crate) struct NameList {
    names: FxHashMap<String, NerClass>,
    /// Inflected form → its nominative, as written ("Украины" → "Украина").
    nominative: FxHashMap<String, String>,
}

impl NameList {
    /// Parses `TYPE<TAB>NAME[<TAB>NOMINATIVE]` lines (`PER`, `ORG`, `LOC`); other lines
    /// are skipped.
    pub(crate) fn parse(list: &str) -> NameList {
        let mut names = FxHashMap::default();
        let mut nominative = FxHashMap::default();
        for line in list.lines() {
            let Some((class, rest)) = line.split_once('\t') else {
                continue;
            };
            let (name, nom) = match rest.split_once('\t') {
                Some((name, nom)) => (name, Some(nom.trim())),
                None => (rest, None),
            };
            let class = match class.trim() {
                "PER" => NerClass::Per,
                "ORG" => NerClass::Org,
                "LOC" => NerClass::Loc,
                _ => continue,
            };
            let words: Vec<String> = name.split_whitespace().map(key).collect();
            if words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            let k = words.join(" ");
            if let Some(nom) = nom.filter(|n| !n.is_empty()) {
                nominative
                    .entry(k.clone())
                    .or_insert_with(|| nom.to_string());
            }
            names.entry(k).or_insert(class);
        }
        NameList { names, nominative }
    }

    /// The nominative of a listed inflected form ("Владимира Путина" → "Владимир Путин"),
    /// so that every case of a name is one entity under its dictionary form.
    pub(crate) fn nominative(&self, name: &str) -> Option<&str> {
        let k: Vec<String> = name.split_whitespace().map(key).collect();
        self.nominative.get(&k.join(" ")).map(String::as_str)
    }

    /// The Hindi list (parsed once per process).
    pub(crate) fn hindi() -> &'static NameList {
        static LIST: OnceLock<NameList> = OnceLock::new();
        LIST.get_or_init(|| NameList::parse(HINDI))
    }

    /// The list of a language written with capitals (ISO 639-1 code), if there is one.
    pub(crate) fn cased(language: &str) -> Option<&'static NameList> {
        static RU: OnceLock<NameList> = OnceLock::new();
        static BG: OnceLock<NameList> = OnceLock::new();
        static PT: OnceLock<NameList> = OnceLock::new();
        let (cell, list) = match language {
            "ru" => (&RU, RUSSIAN),
            "bg" => (&BG, BULGARIAN),
            "pt" => (&PT, PORTUGUESE),
            _ => return None,
        };
        Some(cell.get_or_init(|| NameList::parse(list)))
    }

    /// Gives the tagger's names that the list holds (the whole name) the list's class.
    pub(crate) fn retype(&self, text: &str, names: &mut [Name]) {
        for nm in names {
            let k: Vec<String> = text[nm.start..nm.end].split_whitespace().map(key).collect();
            if let Some(class) = self.names.get(&k.join(" ")) {
                nm.class = *class;
            }
        }
    }

    /// Trims and splits the tagger's names in a cased language, before they are typed:
    ///
    /// * a sentence opener the tagger took into the name is dropped ("Также Зеленский",
    ///   "Segundo Zelensky", "Според Министерството");
    /// * a name that changes script is two names ("The National Interest Брандън
    ///   Уайчерт");
    /// * a person-shaped end after a listed name or an acronym is a person of its own
    ///   ("МИД РФ Мария Захарова", "Москва Иън Прауд"), the rest a body or place.
    ///
    /// The tagger learnt from English, where such runs seldom occur: a name is rarely
    /// opened by an adverb, and "Russian Foreign Ministry spokeswoman Maria Zakharova"
    /// puts lowercase words between the two names.
    pub(crate) fn split(&self, text: &str, toks: &[Token], names: &mut Vec<Name>) {
        let mut out = Vec::with_capacity(names.len());
        for nm in names.drain(..) {
            let word = |i: usize| toks[i].text(text);
            let mut a = nm.first_token;
            let b = nm.end_token;
            while a < b && OPENERS.contains(&key(word(a)).as_str()) {
                a += 1;
            }
            // (What is left after an opener must still be a name: "Mas de …".)
            if a == b
                || (a > nm.first_token && !word(a).chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            let part = |a: usize, b: usize, class: NerClass| Name {
                start: toks[a].start,
                end: toks[b - 1].end,
                first_token: a,
                end_token: b,
                class,
            };
            let listed = |a: usize, b: usize| {
                self.names
                    .get(&(a..b).map(|i| key(word(i))).collect::<Vec<_>>().join(" "))
                    .copied()
            };
            let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
            let cut = (a + 1..b)
                .find(|&k| {
                    letters(word(k - 1)) >= 2
                        && letters(word(k)) >= 2
                        && script(word(k - 1))
                            .zip(script(word(k)))
                            .is_some_and(|(x, y)| x != y)
                })
                .or_else(|| {
                    // The person: two words, or three with a patronymic between.
                    let three =
                        b >= a + 4 && ["вич", "вна"].iter().any(|e| key(word(b - 2)).ends_with(e));
                    let k = if three { b - 3 } else { b.checked_sub(2)? };
                    if k <= a || !(k..b).all(|i| person_shaped(word(i))) {
                        return None;
                    }
                    let body = |c: Option<NerClass>| c.is_some_and(|c| c != NerClass::Per);
                    let ok = if script(word(k)) == Some(false) {
                        // Cyrillic capitalises the first word of a body's name only,
                        // so capitalised words after a listed name or an acronym are
                        // a person, unless they are a listed body or place or an
                        // adjective ("Луганской Народной Республике", "РИА Новости
                        // Крым").
                        let last = word(k - 1);
                        (is_acronym(last) || body(listed(k - 1, k)) || body(listed(a, k)))
                            && !(k..b).any(|i| body(listed(i, i + 1)))
                            && !ADJECTIVE_ENDINGS.iter().any(|e| key(word(k)).ends_with(e))
                    } else {
                        // Latin-script bodies are capitalised word by word ("Forças
                        // Armadas Revolucionárias Cubanas"): only a listed body or place
                        // before a listed person.
                        body(listed(a, k))
                            && (listed(k, b) == Some(NerClass::Per)
                                || listed(b - 1, b) == Some(NerClass::Per))
                    };
                    ok.then_some(k)
                });
            match cut {
                Some(k) => {
                    // A listed person or a Cyrillic person-shaped part is the person;
                    // the other part is then a body or a place (the list retypes it).
                    let person = |a: usize, b: usize| {
                        listed(a, b) == Some(NerClass::Per)
                            || ((2..=3).contains(&(b - a))
                                && script(word(a)) == Some(false)
                                && (a..b).all(|i| person_shaped(word(i))))
                    };
                    let (head, tail) = match (person(a, k), person(k, b)) {
                        (false, true) => (NerClass::Org, NerClass::Per),
                        (true, false) => (NerClass::Per, NerClass::Org),
                        _ => (nm.class, nm.class),
                    };
                    out.push(part(a, k, head));
                    out.push(part(k, b, tail));
                }
                None => out.push(part(a, b, nm.class)),
            }
        }
        *names = out;
    }

    /// [`NameList::add_names`] for a cased language: only matches that start with a
    /// capital letter are kept.
    pub(crate) fn add_capitalised_names(&self, text: &str, toks: &[Token], names: &mut Vec<Name>) {
        let found = self
            .find(text, toks, names)
            .into_iter()
            .filter(|n| {
                text[n.start..n.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
            .collect();
        merge(names, found);
    }

    /// Adds to `names` the listed names among `toks` (offsets into `text`) that no
    /// name already covers: longest match first, left to right. Keeps `names` in
    /// token order.
    pub(crate) fn add_names(&self, text: &str, toks: &[Token], names: &mut Vec<Name>) {
        let found = self.find(text, toks, names);
        merge(names, found);
    }

    /// The listed names among `toks` outside `names`, longest match first.
    fn find(&self, text: &str, toks: &[Token], names: &[Name]) -> Vec<Name> {
        let mut found = Vec::new();
        if self.names.is_empty() {
            return found;
        }
        let taken = covered(names, toks.len());
        let words: Vec<String> = toks.iter().map(|t| key(t.text(text))).collect();
        let mut i = 0;
        while i < toks.len() {
            let mut best = None;
            let mut k = String::new();
            for (j, w) in words.iter().enumerate().skip(i).take(MAX_WORDS) {
                if taken[j] || w.is_empty() {
                    break;
                }
                if j > i {
                    k.push(' ');
                }
                k.push_str(w);
                if let Some(class) = self.names.get(&k) {
                    best = Some((j + 1, *class));
                }
            }
            match best {
                Some((end, class)) => {
                    found.push(Name {
                        start: toks[i].start,
                        end: toks[end - 1].end,
                        first_token: i,
                        end_token: end,
                        class,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// Words that open a sentence before a name without being part of it (lowercased):
/// adverbs, conjunctions and the "according to" prepositions of Russian, Bulgarian and
/// Portuguese.
const OPENERS: &[&str] = &[
    // Prepositions of two letters or more ("По Sud Radio"); one letter may be an
    // initial.
    "по",
    "во",
    "из",
    "за",
    "от",
    "до",
    "при",
    "на",
    "также",
    "ранее",
    "однако",
    "но",
    "и",
    "а",
    "согласно",
    "кроме",
    "затем",
    "позже",
    "вчера",
    "сегодня",
    "тогда",
    "поэтому",
    "според",
    "също",
    "днес",
    "вчера",
    "обаче",
    "освен",
    "така",
    "segundo",
    "conforme",
    "também",
    "mas",
    "e",
    "ainda",
    "já",
    "hoje",
    "ontem",
    "entretanto",
    "porém",
    "contudo",
    "depois",
];

/// Endings of Russian and Bulgarian adjectives, which open bodies' and places' names but
/// not persons' ("Народной", "Луганской").
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ной",
    "ного",
    "ному",
    "ская",
    "ской",
    "ских",
    "ские",
    "ный",
    "ная",
    "ные",
    "ных",
    "ната",
    "ския",
    "ският",
];

/// The script of a word's first letter: Latin or Cyrillic (others: `None`).
fn script(w: &str) -> Option<bool> {
    let c = w.chars().find(|c| c.is_alphabetic())?;
    if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
        Some(true)
    } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
        Some(false)
    } else {
        None
    }
}

/// An acronym: two letters or more, all capitals ("РФ", "НАТО", "UNU-EHS").
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// A word of a person's name: a capital, then lowercase letters only ("Захарова",
/// "О'Конър", "Ги").
fn person_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase)
        && !w.chars().skip(1).any(char::is_uppercase)
}

/// Which of `n` tokens a name already covers.
fn covered(names: &[Name], n: usize) -> Vec<bool> {
    let mut taken = vec![false; n];
    for nm in names {
        for t in &mut taken[nm.first_token..nm.end_token] {
            *t = true;
        }
    }
    taken
}

/// Adds `found` to `names`, keeping them in token order.
fn merge(names: &mut Vec<Name>, found: Vec<Name>) {
    if !found.is_empty() {
        names.extend(found);
        names.sort_by_key(|n| n.first_token);
    }
}

/// Hindi titles after which news writes a person's name ("राष्ट्रपति व्लादिमीर पुतिन ने",
/// "प्रवक्ता रणधीर जायसवाल"): names the list does not hold, and the many spellings of
/// foreign names, are found after them.
const HINDI_TITLES: &[&str] = &[
    "राष्ट्रपति",
    "उपराष्ट्रपति",
    "प्रधानमंत्री",
    "मंत्री",
    "विदेशमंत्री",
    "प्रवक्ता",
    "राजदूत",
    "जनरल",
    "महासचिव",
    "सचिव",
    "चांसलर",
    "सांसद",
    "विधायक",
    "गवर्नर",
    "राज्यपाल",
    "मुख्यमंत्री",
    "कमांडर",
    "श्री",
    "श्रीमती",
    "डॉ",
];

/// Words that end a name after a title, or show that what follows a title is not a
/// name: postpositions, conjunctions, verbs and the nouns news puts after a title
/// ("राष्ट्रपति चुनाव", "मंत्री पद").
const HINDI_NOT_NAME: &[&str] = &[
    "ने",
    "का",
    "के",
    "की",
    "को",
    "से",
    "में",
    "पर",
    "तक",
    "और",
    "या",
    "कि",
    "भी",
    "ही",
    "तो",
    "है",
    "हैं",
    "था",
    "थे",
    "थी",
    "हो",
    "होते",
    "होने",
    "बने",
    "बनने",
    "बनते",
    "बन",
    "रहे",
    "रह",
    "कहा",
    "बताया",
    "चुनाव",
    "पद",
    "भवन",
    "कार्यालय",
    "आवास",
    "उम्मीदवार",
    "स्तर",
    "मंडल",
    "परिषद",
    "समेत",
    "सहित",
    "द्वारा",
    "लिए",
    "साथ",
    "बाद",
    "पहले",
    "जी",
    "एवं",
    "तथा",
    "अपने",
    "अपनी",
    "उनके",
    "उनकी",
    "इस",
    "उस",
    "यह",
    "वह",
    "एक",
    "नहीं",
];

/// Words that may follow a name found after a title.
fn ends_name(w: &str) -> bool {
    HINDI_NOT_NAME.contains(&w) || !w.chars().any(char::is_alphabetic)
}

/// Adds persons named after a Hindi title ([`HINDI_TITLES`]): one to three words, none
/// of them a postposition, verb or common follower ([`HINDI_NOT_NAME`]), followed by one
/// of those or punctuation, on words no name covers yet. Keeps `names` in token order.
pub(crate) fn add_titled_persons(text: &str, toks: &[Token], names: &mut Vec<Name>) {
    let taken = covered(names, toks.len());
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !HINDI_TITLES.contains(&words[i]) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < words.len() && end - start < 3 && !taken[end] && !ends_name(words[end]) {
            if HINDI_TITLES.contains(&words[end]) {
                break;
            }
            end += 1;
        }
        // A listed surname right after the words ("राष्ट्रपति वोल्डिमीर ज़ेलेंस्की" with
        // only "ज़ेलेंस्की" listed): the words are its first names.
        if end > start && end < words.len() && taken[end] {
            if let Some(nm) = names
                .iter_mut()
                .find(|n| n.first_token == end && n.class == NerClass::Per)
            {
                nm.first_token = start;
                nm.start = toks[start].start;
                i = nm.end_token;
                continue;
            }
        }
        let closed = end == words.len() || ends_name(words[end]);
        let letters: usize = words[start..end]
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        if end > start && closed && letters >= 3 {
            found.push(Name {
                start: toks[start].start,
                end: toks[end - 1].end,
                first_token: start,
                end_token: end,
                class: NerClass::Per,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    merge(names, found);
}

/// Whether a region holds Devanagari letters (Hindi).
pub(crate) fn has_devanagari(s: &str) -> bool {
    s.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

/// A word as the list stores it: precomposed nukta letters (`ज़` U+095B) written as
/// letter + nukta (U+091C U+093C), so both spellings in the wild meet; Latin letters
/// lowercased ("NATO" in Hindi text).
fn key(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 3);
    for c in w.chars() {
        let base = match c {
            '\u{0958}' => Some('\u{0915}'),
            '\u{0959}' => Some('\u{0916}'),
            '\u{095A}' => Some('\u{0917}'),
            '\u{095B}' => Some('\u{091C}'),
            '\u{095C}' => Some('\u{0921}'),
            '\u{095D}' => Some('\u{0922}'),
            '\u{095E}' => Some('\u{092B}'),
            '\u{095F}' => Some('\u{092F}'),
            _ => None,
        };
        match base {
            Some(b) => {
                out.push(b);
                out.push('\u{093C}');
            }
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn longest_listed_names_on_untagged_words() {
        let list = NameList::parse(
            "PER\tव्लादिमीर पुतिन\nPER\tपुतिन\nLOC\tरूस\nORG\tरूसी सेना\nLOC\tज़ापोरिज़्ज़िया\nBAD\tx\nPER\n",
        );
        // Decomposed nukta in the text, precomposed in the list.
        let text =
            "रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा कि रूसी सेना ज\u{093C}ापोरिज\u{093C}्ज\u{093C}िया में है।";
        let toks = tokenize(text);
        let mut names = Vec::new();
        list.add_names(text, &toks, &mut names);
        let got: Vec<(&str, NerClass)> = names
            .iter()
            .map(|n| (&text[n.start..n.end], n.class))
            .collect();
        assert_eq!(
            got,
            [
                ("रूस", NerClass::Loc),
                ("व्लादिमीर पुतिन", NerClass::Per),
                ("रूसी सेना", NerClass::Org),
                ("ज\u{093C}ापोरिज\u{093C}्ज\u{093C}िया", NerClass::Loc),
            ]
        );
        // Words another name covers are left alone.
        let mut names = vec![Name {
            start: toks[0].start,
            end: toks[0].end,
            first_token: 0,
            end_token: 1,
            class: NerClass::Org,
        }];
        list.add_names(text, &toks, &mut names);
        assert_eq!(names[0].class, NerClass::Org);
        assert_eq!(names.len(), 4);
        assert!(has_devanagari(text) && !has_devanagari("Putin"));
    }

    #[test]
    fn the_shipped_lists_are_well_formed() {
        for (list, devanagari) in [
            (HINDI, true),
            (RUSSIAN, false),
            (BULGARIAN, false),
            (PORTUGUESE, false),
        ] {
            for line in list.lines() {
                let parts: Vec<&str> = line.split('\t').collect();
                assert!(parts.len() == 2 || parts.len() == 3, "{line:?}");
                assert!(["PER", "ORG", "LOC"].contains(&parts[0]), "{line:?}");
                assert!(!devanagari || has_devanagari(parts[1]) || parts[1].is_ascii());
                assert!(
                    !parts[1].trim().is_empty() && parts[1].split_whitespace().count() <= MAX_WORDS,
                    "{line:?}"
                );
            }
        }
        for (code, name, class) in [
            ("ru", "Украины", NerClass::Loc),
            ("bg", "НАТО", NerClass::Org),
            ("pt", "Zelensky", NerClass::Per),
        ] {
            let list = NameList::cased(code).expect("list");
            assert!(list.names.len() > 1000, "{code}");
            assert_eq!(list.names.get(&key(name)), Some(&class), "{code} {name}");
        }
        let ru = NameList::cased("ru").expect("ru");
        assert_eq!(ru.nominative("Владимира Путина"), Some("Владимир Путин"));
        assert_eq!(ru.nominative("Украиной"), Some("Украина"));
        assert!(NameList::hindi().names.len() > 1000);
        assert_eq!(
            NameList::hindi().names.get(&key("व्लादिमीर पुतिन")),
            Some(&NerClass::Per)
        );
    }

    #[test]
    fn cased_lists_retype_and_add_capitalised_names() {
        let list = NameList::parse("LOC\tВашингтоне\nORG\tМинобороны России\nPER\tПутин\n");
        let text = "Путин прилетел в Вашингтоне, сообщило Минобороны России и путин.";
        let toks = tokenize(text);
        let at = |w: &str| toks.iter().position(|t| t.text(text) == w).unwrap();
        let name = |a: usize, b: usize, class| Name {
            start: toks[a].start,
            end: toks[b - 1].end,
            first_token: a,
            end_token: b,
            class,
        };
        let w = at("Вашингтоне");
        let m = at("Минобороны");
        let mut names = vec![name(w, w + 1, NerClass::Per), name(m, m + 1, NerClass::Per)];
        list.retype(text, &mut names);
        // The whole name is listed: retyped; a part of a name is not.
        assert_eq!(names[0].class, NerClass::Loc);
        assert_eq!(names[1].class, NerClass::Per);
        list.add_capitalised_names(text, &toks, &mut names);
        let got: Vec<&str> = names.iter().map(|n| &text[n.start..n.end]).collect();
        // "Путин" added; lowercase "путин" not.
        assert_eq!(got, ["Путин", "Вашингтоне", "Минобороны"]);
        assert!(NameList::cased("ru").is_some() && NameList::cased("en").is_none());
        let ru = NameList::parse("LOC\tУкраина\nLOC\tУкраины\tУкраина\n");
        assert_eq!(ru.nominative("Украины"), Some("Украина"));
        assert_eq!(ru.nominative("Украина"), None);
    }

    #[test]
    fn names_are_trimmed_and_split_before_typing() {
        let list =
            NameList::parse("LOC\tМосква\nORG\tForças Armadas\nLOC\tRússia\nPER\tVladimir Putin\n");
        let cases: &[(&str, &[(&str, NerClass)])] = &[
            // An adverb opening the sentence is no part of the name (which keeps the
            // tagger's class).
            ("Также Зеленский", &[("Зеленский", NerClass::Misc)]),
            ("Segundo Zelensky", &[("Zelensky", NerClass::Misc)]),
            // Nothing but an opener, or an opener before a lowercase word: no name.
            ("Mas de", &[]),
            // An acronym or a listed place before a person-shaped end.
            (
                "МИД РФ Мария Захарова",
                &[("МИД РФ", NerClass::Org), ("Мария Захарова", NerClass::Per)],
            ),
            (
                "Москва Иън Прауд",
                &[("Москва", NerClass::Org), ("Иън Прауд", NerClass::Per)],
            ),
            // A change of script (the list types the body afterwards).
            (
                "National Interest Брандън Уайчерт",
                &[
                    ("National Interest", NerClass::Org),
                    ("Брандън Уайчерт", NerClass::Per),
                ],
            ),
            // Left whole: adjectives in Cyrillic, Latin-script bodies capitalised word
            // by word, an unlisted person after a Latin-script body.
            (
                "Луганской Народной Республике",
                &[("Луганской Народной Республике", NerClass::Misc)],
            ),
            (
                "Forças Armadas Revolucionárias Cubanas",
                &[("Forças Armadas Revolucionárias Cubanas", NerClass::Misc)],
            ),
            (
                "Rússia Vladimir Putin",
                &[("Rússia", NerClass::Org), ("Vladimir Putin", NerClass::Per)],
            ),
            (
                "Rússia Ivan Petrov",
                &[("Rússia Ivan Petrov", NerClass::Misc)],
            ),
        ];
        for (text, want) in cases {
            let toks = tokenize(text);
            let mut names = vec![Name {
                start: 0,
                end: text.len(),
                first_token: 0,
                end_token: toks.len(),
                class: NerClass::Misc,
            }];
            list.split(text, &toks, &mut names);
            let got: Vec<(&str, NerClass)> = names
                .iter()
                .map(|n| (&text[n.start..n.end], n.class))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn persons_after_titles() {
        let text = "विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने कहा कि राष्ट्रपति चुनाव में \
                    राष्ट्रपति वोल्डिमीर ज़ेलेंस्की की जीत हुई, और मंत्री एस. जयशंकर आए।";
        let toks = tokenize(text);
        let mut names = Vec::new();
        add_titled_persons(text, &toks, &mut names);
        let got: Vec<&str> = names.iter().map(|n| &text[n.start..n.end]).collect();
        // "राष्ट्रपति चुनाव" is an election; "एस" alone is too short to be a name.
        assert_eq!(got, ["रणधीर जायसवाल", "वोल्डिमीर ज़ेलेंस्की"]);
        assert!(names.iter().all(|n| n.class == NerClass::Per));
        // A listed surname takes the first name written before it.
        let list = NameList::parse("PER\tज़ेलेंस्की\n");
        let mut names = Vec::new();
        list.add_names(text, &toks, &mut names);
        add_titled_persons(text, &toks, &mut names);
        let got: Vec<&str> = names.iter().map(|n| &text[n.start..n.end]).collect();
        assert_eq!(got, ["रणधीर जायसवाल", "वोल्डिमीर ज़ेलेंस्की"]);
    }
}
