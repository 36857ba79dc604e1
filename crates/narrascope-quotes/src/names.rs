//! Speaker names for the rule-read languages ([`crate::clauses`]): the name inside a
//! speaker phrase, pronouns and descriptions of the last speaker, and one canonical
//! form per person across an inflected article ("по словам Лаврова" → "Сергей Лавров").
//!
//! Written by hand: the entity tagger is English-only, and no crate we can build
//! offline lemmatises Russian or Bulgarian names. Capitalisation and shared word stems
//! carry most of the signal in news prose.

use std::collections::HashMap;

use narrascope_core::{Document, EntityType, Span, Speaker};

use crate::lexicon::Lexicon;
use crate::token::{tokenize, TokKind, Token};

/// Offices whose holder the article names before describing them ("Министр призвала",
/// "Президентът каза", "o ministro afirmou"): the last speaker, when there is one.
const OFFICES: &[&str] = &[
    "певица",
    "певец",
    "артистка",
    "артист",
    "актриса",
    "актер",
    "актёр",
    "чиновник",
    "генерал",
    "адвокат",
    "юрист",
    "писатель",
    "блогер",
    "ведущий",
    "военный",
    "глава",
    "министр",
    "президент",
    "премьер",
    "премьер-министр",
    "губернатор",
    "политик",
    "дипломат",
    "лидер",
    "председатель",
    "спикер",
    "депутат",
    "сенатор",
    "посол",
    "мэр",
    "политолог",
    "генсек",
    "канцлер",
    "министърът",
    "президентът",
    "премиерът",
    "лидерът",
    "председателят",
    "говорителят",
    "посланикът",
    "дипломатът",
    "кметът",
    "губернаторът",
    "канцлерът",
    "ministro",
    "ministra",
    "presidente",
    "primeiro-ministro",
    "líder",
    "governante",
    "chefe",
    "diplomata",
    "governador",
    "responsável",
    "porta-voz",
    "autarca",
    "secretário-geral",
    "chanceler",
    "deputado",
    "deputada",
    "vereador",
    "vereadora",
    "съветник",
    "съветникът",
    "депутатът",
    "министърката",
    "губернатор",
];

/// Locative forms of Russian bodies that speak ("в министерстве", "в ведомстве") and
/// their nominatives.
const RU_LOCATIVES: &[(&str, &str)] = &[
    ("министерстве", "министерство"),
    ("ведомстве", "ведомство"),
    ("правительстве", "правительство"),
    ("пресс-службе", "пресс-служба"),
    ("кремле", "Кремль"),
    ("посольстве", "посольство"),
    ("администрации", "администрация"),
    ("офисе", "офис"),
    ("штабе", "штаб"),
    ("комитете", "комитет"),
    ("управлении", "управление"),
    ("прокуратуре", "прокуратура"),
    ("полиции", "полиция"),
    ("службе", "служба"),
    ("заявлении", "заявление"),
    ("сообщении", "сообщение"),
    ("публикации", "публикация"),
    ("статье", "статья"),
    ("докладе", "доклад"),
    ("исследовании", "исследование"),
];

/// Whether a lowercase word is a form of an office ("губернатора", "министърът").
fn is_office(w: &str) -> bool {
    OFFICES.contains(&w)
        || OFFICES
            .iter()
            .any(|o| o.chars().count() >= 5 && same_stem(o, w))
}

/// Determiners, function words and oblique pronouns that may open a phrase before
/// the name, or stand capitalised at the head of a sentence ("Его планировали …").
const LEADING: &[&str] = &[
    "o", "a", "os", "as", "um", "uma", "pelo", "pela", "do", "da", "его", "ее", "её", "их", "ему",
    "ей", "им", "него", "нея", "тях", "му", "им", "seu", "sua", "lhe", "este", "esta", "этот",
    "эта", "тот", "този", "тази",
];

/// Words up to which a lowercase speaker phrase is a description ("a vereadora da
/// oposição"); a longer one is a clause the rules took for the speaker.
const MAX_DESCRIPTION_WORDS: usize = 6;

/// How far back (bytes) a pronoun or an office looks for the speaker it stands for.
const REACH: usize = 2500;

/// Whether two words are forms of one name: equal, or sharing all but their last two
/// letters ("Лавров" / "Лаврова", "Захарова" / "Захаровой").
pub fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let common = ca.iter().zip(cb.iter()).take_while(|(x, y)| x == y).count();
    common >= 4 && common + 2 >= ca.len().max(cb.len())
}

/// What a speaker phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Named {
    /// A name: the span of its words.
    Name(Span),
    /// A pronoun.
    Pronoun(Span),
    /// A description with no name ("эксперты", "o ministro").
    Description(Span),
}

/// Names speakers across one document.
pub struct Namer<'d> {
    doc: &'d Document,
    lex: &'static Lexicon,
    /// Full names (two or three capitalised words) in the text, with their starts.
    full: Vec<(String, usize)>,
    /// Lowercase words the text also writes in lowercase somewhere.
    common: HashMap<String, usize>,
    /// Person-shaped names (two or three words, each capitalised and lowercase after),
    /// with starts.
    people: Vec<(String, usize)>,
    /// Person-shaped names that open a sentence (its likely subject), with starts.
    subjects: Vec<(String, usize)>,
    /// Names given as speakers (subjects, hence in the nominative), in order.
    spoken: Vec<String>,
    last: Option<(Speaker, usize)>,
}

impl<'d> Namer<'d> {
    /// A namer for `doc`'s text in the language of `lex`.
    pub fn new(doc: &'d Document, lex: &'static Lexicon) -> Self {
        let text = doc.text.as_str();
        let tokens = tokenize(text, Span::new(0, text.len()));
        let mut common: HashMap<String, usize> = HashMap::new();
        for t in &tokens {
            if t.kind == TokKind::Word && !t.upper_initial {
                *common.entry(t.lower.clone()).or_default() += 1;
            }
        }
        // Sentence starts: after final punctuation or a line break.
        let mut first = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            first[i] = i == 0
                || tokens[i - 1].kind == TokKind::Final
                || text[tokens[i - 1].span.end..tokens[i].span.start].contains('\n');
        }
        let mut full = Vec::new();
        let mut subjects = Vec::new();
        let mut people = Vec::new();
        // Runs never cross a sentence start ("… по Украине ⏎ Марков: …").
        let split: Vec<(usize, usize)> = runs(&tokens, lex, 0, tokens.len())
            .into_iter()
            .flat_map(|(a, b)| {
                let mut parts = Vec::new();
                let mut from = a;
                for (k, _) in first
                    .iter()
                    .enumerate()
                    .take(b + 1)
                    .skip(a + 1)
                    .filter(|(_, &f)| f)
                {
                    parts.push((from, k - 1));
                    from = k;
                }
                parts.push((from, b));
                parts
            })
            .collect();
        for (a, b) in split {
            let a = skip_function(&tokens, lex, a, b);
            if b > a && b - a <= 2 {
                // "из Николаева Сергея Лебедева": three capitalised words are a place or
                // body and a person, unless the middle one is a patronymic.
                let patronymic = ["вич", "вна", "вича", "вны"]
                    .iter()
                    .any(|e| tokens[b - 1].lower.ends_with(e));
                let plain = tokens[a..=b].iter().all(|t| t.upper_initial);
                let a = if b - a == 2 && plain && !patronymic {
                    b - 1
                } else {
                    a
                };
                full.push((words(text, &tokens[a..=b]), tokens[a].span.start));
            }
            // "Ранее пресс-секретарь президента России Дмитрий Песков отказался": the
            // person named at the head of a sentence.
            let a = if b > a + 1 { b - 1 } else { a };
            let person = b > a
                && tokens[a..=b].iter().all(|t| {
                    t.lower.chars().count() > 1
                        && t.lower != t.lower.to_uppercase()
                        && text[t.span.start..t.span.end]
                            .chars()
                            .skip(1)
                            .any(char::is_lowercase)
                });
            let opens = (a.saturating_sub(6)..=a).any(|k| first[k])
                && !(a > 0 && lex.prepositions.contains(&tokens[a - 1].lower.as_str()));
            if person {
                people.push((words(text, &tokens[a..=b]), tokens[a].span.start));
            }
            if person && opens {
                subjects.push((words(text, &tokens[a..=b]), tokens[a].span.start));
            }
        }
        Namer {
            doc,
            lex,
            full,
            subjects,
            people,
            common,
            spoken: Vec::new(),
            last: None,
        }
    }

    /// What the phrase `p` names.
    fn named(&self, p: Span) -> Option<Named> {
        let text = self.doc.text.as_str();
        let tokens = tokenize(text, p);
        let lex = self.lex;
        if tokens.is_empty() {
            return None;
        }
        // "по его словам", "Според нея": the oblique pronoun alone stands for a person.
        if tokens.len() == 1 && crate::clauses::OBLIQUE.contains(&tokens[0].lower.as_str()) {
            return Some(Named::Pronoun(tokens[0].span));
        }
        // "он в интервью журналисту Павлу Зарубину": the pronoun speaks.
        let leading_pronoun = lex.pronouns.contains(&tokens[0].lower.as_str());
        if tokens.len() <= 3 || lex.caseless || leading_pronoun {
            if let Some(t) = tokens
                .iter()
                .find(|t| lex.pronouns.contains(&t.lower.as_str()))
            {
                return Some(Named::Pronoun(t.span));
            }
        }
        if lex.caseless {
            return named_caseless(&tokens, lex);
        }
        // Cut at a preposition after the first capitalised word ("сказал Путин в
        // интервью РИА Новости").
        let mut end = tokens.len();
        let mut seen = false;
        for (i, t) in tokens.iter().enumerate() {
            if seen && lex.stop_after_name.contains(&t.lower.as_str()) {
                end = i;
                break;
            }
            if t.upper_initial && !self.is_common(t, i == 0) {
                seen = true;
            }
        }
        let found = runs(&tokens, lex, 0, end);
        let first = skip_function(&tokens, lex, 0, end.saturating_sub(1));
        let start_upper = tokens[first].upper_initial && !self.is_common(&tokens[first], true);
        let long = found
            .iter()
            .any(|&(a, b)| b > skip_function(&tokens, lex, a, b));
        // "държавният глава на Русия", "глава ОП": an office of a country or a body
        // describes a person.
        let office = tokens[..end]
            .iter()
            .take_while(|t| !t.upper_initial || t.lower == tokens[0].lower)
            .any(|t| is_office(&t.lower));
        // (The last two words of a run: "САЩ Джо Байдън" ends in a person.)
        let person_run = found.iter().any(|&(a, b)| {
            let a = skip_function(&tokens, lex, a, b).max(b.saturating_sub(1));
            b > a
                && tokens[a..=b].iter().all(|t| {
                    text[t.span.start..t.span.end]
                        .chars()
                        .skip(1)
                        .any(char::is_lowercase)
                })
        });
        if office && !person_run {
            let a = (0..end)
                .find(|&i| !LEADING.contains(&tokens[i].lower.as_str()))
                .unwrap_or(0);
            return Some(Named::Description(Span::new(
                tokens[a].span.start,
                tokens[end - 1].span.end,
            )));
        }
        // "Министерство обороны России", "Всемирной организации здравоохранения": a
        // name with lowercase words inside.
        let adjective = [
            "ой", "ая", "ый", "ий", "ое", "ого", "ная", "ата", "ото", "ия",
        ]
        .iter()
        .any(|e| tokens[first].lower.ends_with(e));
        if !long
            && (found.len() > 1 || adjective)
            && start_upper
            && end - first <= 6
            && end - first > 1
        {
            return Some(Named::Name(Span::new(
                tokens[first].span.start,
                tokens[end - 1].span.end,
            )));
        }
        let named = found.iter().rev().find_map(|&(a, b)| {
            let a = skip_function(&tokens, lex, a, b);
            if a == b && self.is_common(&tokens[a], a == 0) {
                return None;
            }
            Some((a, b))
        });
        match named {
            Some((a, b)) => {
                // "заявил Лукашенко БелТА": a last word with capitals inside (an
                // outlet) after a person's name is the listener.
                // (Camel case: a capital right after a small letter, "БелТА",
                // "NewsInfo"; not "O’Брайен" or "Ylä-Mononen".)
                let inner_caps = |t: &Token| {
                    let w: Vec<char> = text[t.span.start..t.span.end].chars().collect();
                    w.windows(2)
                        .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
                };
                let b = if b > a && inner_caps(&tokens[b]) && !tokens[a..b].iter().any(inner_caps) {
                    b - 1
                } else {
                    b
                };
                // "МИД России Сергей Лавров": the person is the last two words.
                let plain = tokens[a..=b].iter().all(|t| t.upper_initial);
                let patronymic = b >= 2
                    && (tokens[b - 1].lower.ends_with("вич")
                        || tokens[b - 1].lower.ends_with("вна"));
                let a = if plain && b - a >= 2 && !patronymic {
                    b - 1
                } else {
                    a
                };
                Some(Named::Name(Span::new(
                    tokens[a].span.start,
                    tokens[b].span.end,
                )))
            }
            None => {
                // "в проучване", "o relatório": the words after the preposition.
                let a = (0..end)
                    .find(|&i| {
                        !LEADING.contains(&tokens[i].lower.as_str())
                            && !lex.prepositions.contains(&tokens[i].lower.as_str())
                    })
                    .unwrap_or(0);
                // A long lowercase stretch is a clause, not a description.
                if end.saturating_sub(a) > MAX_DESCRIPTION_WORDS {
                    return None;
                }
                (a < end).then(|| {
                    Named::Description(Span::new(tokens[a].span.start, tokens[end - 1].span.end))
                })
            }
        }
    }

    /// A capitalised word that is only capitalised because it opens the phrase and the
    /// text writes it in lowercase elsewhere ("Министр", "Эксперты").
    fn is_common(&self, t: &Token, first: bool) -> bool {
        first
            && (self.common.contains_key(&t.lower)
                || self.lex.prepositions.contains(&t.lower.as_str()))
    }

    /// The canonical form of a name: a fuller or nominative form of the same person
    /// used elsewhere in the article.
    fn canonical(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        let n = name.split_whitespace().count();
        let matches = |cand: &str| {
            cand.split_whitespace()
                .last()
                .is_some_and(|w| same_stem(w, last))
        };
        // A speaker named elsewhere in the nominative.
        if let Some(s) = self
            .spoken
            .iter()
            .filter(|s| matches(s))
            .max_by_key(|s| s.split_whitespace().count())
        {
            if s.split_whitespace().count() >= n {
                return s.clone();
            }
        }
        if n == 1 {
            let mut counts: Vec<(&str, usize, usize)> = Vec::new();
            for (f, at) in &self.full {
                if matches(f) {
                    match counts.iter_mut().find(|c| c.0 == f) {
                        Some(c) => c.1 += 1,
                        None => counts.push((f, 1, *at)),
                    }
                }
            }
            if let Some((f, _, _)) = counts.iter().max_by_key(|c| (c.1, usize::MAX - c.2)) {
                // "ссылаясь на … Сергея Лебедева" then "сообщил Лебедев": the full form
                // is inflected; the surname as given is the nominative.
                // (Of two forms of a Russian surname the shorter is the nominative:
                // Лебедев / Лебедева, Лебедева / Лебедевой.)
                if let (true, Some((rest, tail))) = (self.lex.code == "ru", f.rsplit_once(' ')) {
                    if last.chars().count() < tail.chars().count() {
                        return format!("{} {last}", ru_nominative(rest));
                    }
                }
                return f.to_string();
            }
        }
        name.to_string()
    }

    /// The speaker named by the phrase `p` (or the last speaker when `p` is `None`
    /// and `continues`). `at` is where the attribution is.
    pub fn resolve(
        &mut self,
        p: Option<Span>,
        at: usize,
        continues: bool,
        genitive: bool,
    ) -> Option<Speaker> {
        let text = self.doc.text.as_str();
        let recent = |last: &Option<(Speaker, usize)>| {
            last.as_ref()
                .filter(|(_, k)| at.saturating_sub(*k) <= REACH)
                .map(|(s, _)| s.clone())
        };
        let Some(p) = p else {
            return if continues { recent(&self.last) } else { None };
        };
        let sp = match self.named(p)? {
            Named::Pronoun(m) => {
                let prev = self.pronoun_antecedent(at)?;
                Speaker {
                    mention: Some(m),
                    ..prev
                }
            }
            Named::Description(m) => {
                let words = text[m.start..m.end].to_lowercase();
                let office = words.split_whitespace().any(is_office);
                match self.antecedent(at) {
                    // An office stands for a person, not for a body that spoke last.
                    Some(prev) if office && self.is_person(&prev) => Speaker {
                        mention: Some(m),
                        ..prev
                    },
                    _ => {
                        let mut name = self.institution(&text[m.start..m.end]);
                        // "по словам белорусского лидера" → "белорусский лидер" (offices
                        // only: "агентства" is neuter).
                        if genitive && office && self.lex.code == "ru" {
                            name = ru_nominative(&name);
                        }
                        Speaker {
                            mention: Some(m),
                            name,
                            entity: None,
                        }
                    }
                }
            }
            Named::Name(m) => {
                let mut raw = self.institution(&text[m.start..m.end]);
                if genitive && self.lex.code == "ru" {
                    raw = ru_nominative(&raw);
                }
                let name = self.canonical(&raw);
                self.spoken.push(name.clone());
                Speaker {
                    mention: Some(m),
                    entity: self.entity(m, &name),
                    name,
                }
            }
        };
        self.last = Some((sp.clone(), at));
        Some(sp)
    }

    /// Whom a pronoun or an office stands for: the last speaker, or a person named at
    /// the head of a sentence since.
    fn antecedent(&self, at: usize) -> Option<Speaker> {
        let last = self
            .last
            .as_ref()
            .filter(|(_, k)| at.saturating_sub(*k) <= REACH);
        let subject = self
            .subjects
            .iter()
            .rev()
            .find(|(_, k)| *k < at && at - *k <= REACH);
        match (last, subject) {
            (Some((sp, k)), Some((_, j))) if k >= j => Some(sp.clone()),
            (_, Some((name, _))) => {
                let name = self.canonical(name);
                Some(Speaker {
                    mention: None,
                    entity: None,
                    name,
                })
            }
            (Some((sp, _)), None) => Some(sp.clone()),
            (None, None) => None,
        }
    }

    /// Whom a pronoun stands for: [`Self::antecedent`], else the last person named
    /// anywhere before ("…пресс-секретарь президента Дмитрий Песков. Он сказал").
    fn pronoun_antecedent(&self, at: usize) -> Option<Speaker> {
        self.antecedent(at).or_else(|| {
            self.people
                .iter()
                .rev()
                .find(|(_, k)| *k < at && at - *k <= REACH)
                .map(|(f, _)| Speaker {
                    mention: None,
                    entity: None,
                    name: self.canonical(f),
                })
        })
    }

    /// A Russian institution named in the locative after "в" ("сообщили в министерстве
    /// обороны России", "В Правительстве РФ заявили") in the nominative: the head noun
    /// only, from a short list of bodies; other words stay as they are.
    fn institution(&self, name: &str) -> String {
        if self.lex.code != "ru" {
            return name.to_string();
        }
        let Some((head, rest)) = name.split_once(' ').or(Some((name, ""))) else {
            return name.to_string();
        };
        let lower = head.to_lowercase();
        let Some(&(_, nominative)) = RU_LOCATIVES.iter().find(|(l, _)| *l == lower) else {
            return name.to_string();
        };
        // Keep the capital of a name ("Правительстве РФ" → "Правительство РФ").
        let mut out: String = if head.chars().next().is_some_and(char::is_uppercase) {
            let mut c = nominative.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            nominative.to_string()
        };
        if !rest.is_empty() {
            out.push(' ');
            out.push_str(rest);
        }
        out
    }

    /// Whether a speaker is a person: a person-shaped name, an entity the entity stage
    /// typed as a person, or one word that ends a person-shaped name of the article
    /// ("Peskov" after "Dmitri Peskov").
    fn is_person(&self, sp: &Speaker) -> bool {
        let name = sp.name.as_str();
        person_shaped(name)
            || sp
                .entity
                .and_then(|e| self.doc.entities.get(e))
                .is_some_and(|e| e.etype == EntityType::Person)
            || (!name.contains(' ')
                && self
                    .people
                    .iter()
                    .any(|(p, _)| p.rsplit(' ').next().is_some_and(|w| same_stem(w, name))))
    }

    /// The entity whose mention covers `m` and whose name ends in a form of the same
    /// word as `name`.
    fn entity(&self, m: Span, name: &str) -> Option<usize> {
        let last = name.split_whitespace().last()?;
        self.doc
            .mentions
            .iter()
            .filter(|x| x.span.overlaps(m))
            .filter_map(|x| x.entity)
            .find(|&e| {
                self.doc.entities.get(e).is_some_and(|ent| {
                    ent.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| same_stem(w, last))
                })
            })
    }
}

/// Postpositions and adverbs after which a Hindi name starts ("… रॉयटर्स की
/// रिपोर्ट", "इससे पहले रॉयटर्स ने", "दौरान कमला हैरिस ने").
const HINDI_BOUNDARIES: &[&str] = &[
    "के",
    "की",
    "का",
    "को",
    "में",
    "से",
    "पर",
    "तक",
    "लिए",
    "दौरान",
    "बाद",
    "पहले",
    "इससे",
    "और",
    "तथा",
    "जबकि",
    "लेकिन",
    "साथ",
    "ही",
    "भी",
    "जब",
    "तो",
    "कि",
];

/// The name in a subject phrase of a caseless script: the words before the subject
/// marker ("… ब्रह्म चेलानी ने"), after the last genitive postposition ("अंतरराष्ट्रीय
/// मामलों के जानकार …"), without the titles that open it while two words remain
/// ("प्रधानमंत्री नरेंद्र मोदी" → "नरेंद्र मोदी"; "विदेश मंत्रालय" stays), at most
/// three words.
fn named_caseless(tokens: &[Token], lex: &Lexicon) -> Option<Named> {
    let words = |t: &Token| t.kind == TokKind::Word;
    let end = tokens
        .iter()
        .position(|t| t.lower == "ने")
        .or_else(|| {
            // "X का कहना है": only right before the cue.
            let last = tokens.len().checked_sub(1)?;
            lex.subject_markers
                .contains(&tokens[last].lower.as_str())
                .then_some(last)
        })
        .unwrap_or(tokens.len());
    let mut end = end;
    while end > 0 && lex.particles.contains(&tokens[end - 1].lower.as_str()) {
        end -= 1;
    }
    let a = tokens[..end]
        .iter()
        .rposition(|t| HINDI_BOUNDARIES.contains(&t.lower.as_str()) || !words(t))
        .map_or(0, |k| k + 1);
    let mut a = a.max(end.saturating_sub(4));
    while end.saturating_sub(a) > 2 && lex.titles.contains(&tokens[a].lower.as_str()) {
        a += 1;
    }
    if end.saturating_sub(a) == 2 && lex.titles.contains(&tokens[a].lower.as_str()) {
        // "राष्ट्रपति पुतिन": the title goes when a name remains.
        a += usize::from(!lex.titles.contains(&tokens[a + 1].lower.as_str()));
    }
    let a = a.max(end.saturating_sub(3));
    (a < end).then(|| Named::Name(Span::new(tokens[a].span.start, tokens[end - 1].span.end)))
}

/// The nominative of a Russian personal name in the genitive ("по словам Анны
/// Лебедевой", "Сергея Лаврова", "Зеленского"). Written for the endings of first
/// names and surnames only; a word it does not know stays as it is. A feminine first
/// name (-ы, -и after a consonant) makes the surname feminine (-ой → -а).
pub fn ru_nominative(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let feminine = words.len() > 1
        && (words[0].ends_with('ы')
            || words[0].ends_with("ии")
            || words[0].ends_with("ьи")
            || words
                .last()
                .is_some_and(|w| w.ends_with("ой") && !w.ends_with("ской")));
    let fix = |w: &str| -> String {
        let strip =
            |suffix: &str, with: &str| w.strip_suffix(suffix).map(|stem| format!("{stem}{with}"));
        let out = if feminine {
            strip("ской", "ская")
                .or_else(|| strip("ой", "а"))
                .or_else(|| strip("ии", "ия"))
                .or_else(|| strip("ьи", "ья"))
                .or_else(|| strip("ы", "а"))
                .or_else(|| strip("и", "я"))
        } else {
            strip("ского", "ский")
                .or_else(|| strip("ого", "ой"))
                .or_else(|| strip("ея", "ей"))
                .or_else(|| strip("ия", "ий"))
                .or_else(|| strip("ова", "ов"))
                .or_else(|| strip("ева", "ев"))
                .or_else(|| strip("ёва", "ёв"))
                .or_else(|| strip("ина", "ин"))
                .or_else(|| strip("ына", "ын"))
                .or_else(|| {
                    let last = w.chars().last()?;
                    let before = w.chars().rev().nth(1)?;
                    (last == 'а' && !"аеёиоуыэюя".contains(before))
                        .then(|| w[..w.len() - 'а'.len_utf8()].to_string())
                })
        };
        out.unwrap_or_else(|| w.to_string())
    };
    words.iter().map(|w| fix(w)).collect::<Vec<_>>().join(" ")
}

/// Whether a name looks like a person's: two or three words, each capitalised with
/// lowercase letters after ("Сергей Лавров", not "ФСБ России" or "Минобороны").
fn person_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !w.chars().skip(1).any(char::is_uppercase)
        })
}

/// The text of some tokens, single-spaced.
fn words(text: &str, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| &text[t.span.start..t.span.end])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Skips function words ("В", "Однако", "O") that open a run only because they open
/// the sentence.
fn skip_function(tokens: &[Token], lex: &Lexicon, mut a: usize, b: usize) -> usize {
    while a < b
        && (lex.prepositions.contains(&tokens[a].lower.as_str())
            || LEADING.contains(&tokens[a].lower.as_str()))
    {
        a += 1;
    }
    a
}

/// Runs of capitalised words in `tokens[from..to]` (lowercase joiners allowed between
/// two capitalised words: "Serviço de Alterações Climáticas"), as inclusive ranges.
fn runs(tokens: &[Token], lex: &Lexicon, from: usize, to: usize) -> Vec<(usize, usize)> {
    let cap = |t: &Token| t.kind == TokKind::Word && t.upper_initial;
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if !cap(&tokens[i]) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i;
        let mut j = i + 1;
        while j < to {
            if cap(&tokens[j]) {
                b = j;
                j += 1;
            } else if lex.name_joiners.contains(&tokens[j].lower.as_str())
                && tokens.get(j + 1).is_some_and(|t| j + 1 < to && cap(t))
            {
                j += 1;
            } else {
                break;
            }
        }
        out.push((a, b));
        i = b + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert!(same_stem("Лавров", "Лаврова"));
        assert!(same_stem("Захарова", "Захаровой"));
        assert!(!same_stem("Путин", "Пушков"));
        assert!(!same_stem("Ван", "Вэн"));
    }

    #[test]
    fn person_shapes() {
        assert!(person_shaped("Сергей Лавров") && person_shaped("Rui Teixeira"));
        assert!(!person_shaped("ФСБ России") && !person_shaped("Минобороны"));
        assert!(!person_shaped("Лукашенко БелТА"));
    }

    #[test]
    fn russian_genitive_names() {
        assert_eq!(ru_nominative("Анны Лебедевой"), "Анна Лебедева");
        assert_eq!(ru_nominative("Сергея Лаврова"), "Сергей Лавров");
        assert_eq!(ru_nominative("Владимира Зеленского"), "Владимир Зеленский");
        assert_eq!(ru_nominative("Марии Захаровой"), "Мария Захарова");
        assert_eq!(ru_nominative("Дмитрия Пескова"), "Дмитрий Песков");
        assert_eq!(ru_nominative("Шойгу"), "Шойгу");
    }
}
