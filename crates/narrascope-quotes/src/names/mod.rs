//! Speaker names for the rule-read languages ([`crate::clauses`]): the name inside a
//! speaker phrase, pronouns and descriptions of the last speaker, and one canonical
//! form per person across an inflected article ("по словам Лаврова" → "Сергей Лавров").
//!
//! Written by hand: the entity tagger is English-only, and no crate we can build
//! offline lemmatises Russian or Bulgarian names. Capitalisation and shared word stems
//! carry most of the signal in news prose.

use std::collections::HashMap;

use narrascope_core::{Document, EntityType, Mention, MentionKind, Span, Speaker};

use crate::lexicon::{
    Lexicon, CLITICS, CONJUNCTIONS, LEADING, NEVER_A_NAME, NOT_SUBJECT, PROFESSIONS, SUBORDINATORS,
};
use crate::token::{tokenize, TokKind, Token};

mod caseless;
mod forms;
mod phrase;
mod russian;

use caseless::{document_owner, is_document, named_caseless};
use forms::{is_office, person_shaped, runs, same_stem, skip_function, words};
use phrase::GENITIVE_JOINERS;
use russian::ru_nominative;

/// Stems of nouns for a document or an outlet that stand for the one the article named
/// before ("изданието", "доклада", "o relatório", "a publicação").
const REFERRING: &[&str] = &[
    "издани",
    "вестни",
    "сайт",
    "агенци",
    "доклад",
    "статия",
    "проучван",
    "изследван",
    "публикаци",
    "документ",
    "материал",
    "relatóri",
    "estud",
    "jornal",
    "revist",
    "agênci",
    "publicaç",
    "artig",
    "reportag",
    "document",
    "comunicad",
    "газет",
    "агентств",
    "исследовани",
];

/// Words before the author of a document ("публикуван от X", "divulgado pela X").
const BY: &[&str] = &["от", "por", "pelo", "pela", "pelos", "pelas"];

/// Stems of [`REFERRING`] for outlets, which may stand for an outlet named as a speaker.
const OUTLETS: &[&str] = &[
    "издани",
    "вестни",
    "сайт",
    "агенци",
    "статия",
    "материал",
    "jornal",
    "revist",
    "agênci",
    "publicaç",
    "artig",
    "газет",
    "агентств",
];

/// Stems of the verbs an outlet reports with ("пише", "съобщава", "escreveu", "noticiou").
const REPORTING: &[&str] = &[
    "пиш",
    "съобщ",
    "публикув",
    "escrev",
    "notici",
    "report",
    "publicou",
    "сообщ",
];

/// How far back (bytes) a referring noun looks for what it stands for: an article is
/// often about one report, named once at its head.
const REFERENT_REACH: usize = 4 * REACH;

/// How far back (bytes) a pronoun or an office looks for the speaker it stands for.
const REACH: usize = 2500;

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
    /// The whole text's tokens, for titles given with a name elsewhere.
    tokens: Vec<Token>,
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
            let mut a = skip_function(&tokens, lex, a, b);
            // "Эксперт Шатилов": an office opening the sentence is no part of the name,
            // and the surname after it is a person's.
            // (Not a place or body the entity stage found: "Президент Украины".)
            let titled = a < b
                && is_office(&tokens[a].lower)
                && !doc
                    .mentions
                    .iter()
                    .any(|m| m.span.overlaps(tokens[b].span) && m.etype != EntityType::Person);
            while a < b && is_office(&tokens[a].lower) {
                a += 1;
            }
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
            let person = (b > a || titled)
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
        // Hindi marks its subjects: "इस मुलाकात के दौरान मोदी ने … चिंता व्यक्त की। उन्होंने
        // कहा" — the name before "ने" is the sentence's subject, whatever the verb.
        if lex.caseless {
            for k in (0..tokens.len()).filter(|&k| tokens[k].lower == "ने") {
                let from = (0..=k).rev().find(|&i| first[i]).unwrap_or(0);
                let from = (from..k)
                    .rev()
                    .find(|&i| tokens[i].kind != TokKind::Word)
                    .map_or(from, |i| i + 1);
                if let Some(Named::Name(m)) = named_caseless(&tokens[from..=k], lex) {
                    let m = clip_to_entity(doc, m);
                    let name = &text[m.start..m.end];
                    // (An oblique plural, "कई मिसाइलों ने", is things, not a person.)
                    let plural = name.split_whitespace().any(|w| w.ends_with("ों"));
                    if !lex.pronouns.contains(&name) && !plural {
                        subjects.push((name.to_string(), m.start));
                        // A full name, for the surname alone later ("कुमार ने").
                        if name.contains(' ') {
                            full.push((name.to_string(), m.start));
                        }
                    }
                }
            }
            subjects.sort_by_key(|s| s.1);
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
            tokens,
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
        // "Президентът Путин", "o embaixador Zinoviev": an office before a surname is a
        // title; the surname names the person the article names in full.
        if n == 2
            && !self.lex.caseless
            && name
                .split_whitespace()
                .next()
                .is_some_and(|w| is_office(&w.to_lowercase()))
            && last.chars().next().is_some_and(char::is_uppercase)
        {
            let full = self.canonical(last);
            if full.split_whitespace().count() >= 2 {
                return full;
            }
        }
        let matches = |cand: &str| {
            cand.split_whitespace()
                .last()
                .is_some_and(|w| same_stem(w, last))
        };
        // A speaker named elsewhere in the nominative.
        // (Without capitals, each word of a longer name must be there: "भारतीय विदेश
        // मंत्रालय" is not "रूसी रक्षा मंत्रालय". With them, the other words are
        // mostly titles and inflections: "Г-н Шмидт" is Гавин Шмидт.)
        let covers = |cand: &str| {
            n < 2
                || !self.lex.caseless
                || name
                    .split_whitespace()
                    .all(|w| cand.split_whitespace().any(|c| same_stem(c, w)))
        };
        if let Some(s) = self
            .spoken
            .iter()
            .filter(|s| matches(s) && covers(s))
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
    /// and `continues`). `at` is where the attribution is. Never a speaker with an
    /// empty name: a phrase that names nobody is no speaker.
    pub fn resolve(
        &mut self,
        p: Option<Span>,
        at: usize,
        continues: bool,
        genitive: bool,
    ) -> Option<Speaker> {
        let before = self.last.clone();
        let sp = self.resolve_any(p, at, continues, genitive);
        if sp.as_ref().is_some_and(|s| function_words_only(&s.name)) {
            // "apelou ao …", "Не съм заявявал": the rules took a function word for the
            // subject, so the clause has none; it goes on with the speaker before (when
            // the rules say it may), who stays the last speaker.
            self.last = before;
            return if continues {
                self.resolve_any(None, at, true, genitive)
                    .filter(|s| !s.name.trim().is_empty())
            } else {
                None
            };
        }
        sp.filter(|s| !s.name.trim().is_empty())
    }

    /// [`Namer::resolve`], before empty names are dropped (they still become the last
    /// speaker, as the rules that follow expect).
    fn resolve_any(
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
        // "Бутигиг подкрепи това твърдение, като каза, че …": the clause a subordinator
        // opens has the sentence's subject.
        // ("като язвително": the subordinator may bring an adverb.)
        let subordinate = {
            let mut w = text[p.start..p.end].split_whitespace();
            w.next()
                .is_some_and(|f| SUBORDINATORS.contains(&f.to_lowercase().as_str()))
                && w.all(|x| x.chars().next().is_some_and(char::is_lowercase))
        };
        let p = if !self.lex.caseless && subordinate {
            self.sentence_subject(p.start).unwrap_or(p)
        } else if self.lex.caseless {
            p
        } else {
            // "пише изданието", "se посочва в доклада", "diz o relatório": the outlet or
            // the author of the document the article named before.
            let mut w = text[p.start..p.end]
                .split_whitespace()
                .map(str::to_lowercase)
                .filter(|w| !LEADING.contains(&w.as_str()));
            if let (Some(head), None) = (w.next(), w.next()) {
                if let Some(sp) = self.referent(&head, p) {
                    self.last = Some((sp.clone(), at));
                    return Some(sp);
                }
            }
            p
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
                // "O Presidente ucraniano": the person the article names with the same
                // title ("o presidente ucraniano, Volodymyr Zelensky").
                let titled = office.then(|| self.titled(&words, at)).flatten();
                // "o geofísico" → the person written after "o geofísico" before.
                let profession = words.split_whitespace().find(|w| PROFESSIONS.contains(w));
                let professional = profession.and_then(|w| {
                    self.professional(w, at).or_else(|| {
                        // "O geofísico e ex-presidente do IPMA Miguel Miranda alerta … —
                        // o geofísico": the person speaking before, when the article
                        // wrote the profession shortly before their name.
                        self.antecedent(at)
                            .filter(|p| self.is_person(p) && self.written_near(w, &p.name, at))
                    })
                });
                if let Some(prev) = professional {
                    self.last = Some((prev.clone(), at));
                    return Some(Speaker {
                        mention: Some(m),
                        ..prev
                    });
                }
                match titled.or_else(|| self.antecedent(at)) {
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
                let m = if self.lex.caseless {
                    let m = clip_to_entity(self.doc, m);
                    self.document_referent(m).unwrap_or(m)
                } else {
                    m
                };
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

    /// The name a referring noun stands for ("изданието", "o relatório"): the nearest
    /// name before `at` that follows a noun of the same stem, right after it or after
    /// "of" or an opening mark ("изданието The National Interest", "докладът на СМО",
    /// "o jornal «Público»").
    /// The speaker keeps the referring words as its mention (`p`).
    fn referent(&self, head: &str, p: Span) -> Option<Speaker> {
        let at = p.start;
        // ("jornalista" is a person.)
        let stem = REFERRING
            .iter()
            .find(|s| head.starts_with(*s) && !head.ends_with("ista"))?;
        let t = &self.tokens;
        let speaker_of = |x: &Mention| Speaker {
            mention: Some(p),
            name: x
                .entity
                .and_then(|e| self.doc.entities.get(e))
                .map_or_else(|| words_of(self.doc, x.span), |e| e.name.clone()),
            entity: x.entity,
        };
        // ("…, пише The Associated Press. „…“, пише изданието.": an outlet named next to
        // a cue before.)
        let spoke = || {
            if !OUTLETS.contains(stem) {
                return None;
            }
            let cue = |k: usize| {
                t.get(k)
                    .is_some_and(|y| REPORTING.iter().any(|r| y.lower.starts_with(r)))
            };
            self.doc
                .mentions
                .iter()
                .filter(|x| {
                    x.kind == MentionKind::Name
                        && x.etype == EntityType::Org
                        && x.span.end <= at
                        && at - x.span.start <= REFERENT_REACH
                })
                .filter(|x| {
                    let k = t.partition_point(|y| y.span.start < x.span.start);
                    let after = t.partition_point(|y| y.span.start < x.span.end);
                    // (Over an article: "пише The Associated Press".)
                    let k = if k > 0 && ["the", "o", "a"].contains(&t[k - 1].lower.as_str()) {
                        k - 1
                    } else {
                        k
                    };
                    (k > 0 && cue(k - 1)) || cue(after)
                })
                .max_by_key(|x| x.span.start)
                .map(speaker_of)
        };
        let end = t.partition_point(|x| x.span.start < at);
        let name_at = |k: usize| {
            self.doc
                .mentions
                .iter()
                .find(|x| x.kind == MentionKind::Name && x.span.start == t[k].span.start)
                .map(speaker_of)
        };
        (0..end)
            .rev()
            .take_while(|&i| at - t[i].span.start <= REFERENT_REACH)
            .filter(|&i| t[i].lower.starts_with(stem))
            .find_map(|i| {
                let mut k = i + 1;
                while k < end
                    && k <= i + 2
                    && (t[k].is_double_mark()
                        || ["на", "de", "do", "da", "dos", "das", "в."]
                            .contains(&t[k].lower.as_str()))
                {
                    k += 1;
                }
                (k < end).then(|| name_at(k)).flatten().or_else(|| {
                    // "доклад, публикуван от Грийнпийс", "estudo divulgado pela NASA".
                    (i + 1..end.min(i + 6))
                        .find(|&j| BY.contains(&t[j].lower.as_str()))
                        .and_then(|j| (j + 1 < end).then(|| name_at(j + 1)).flatten())
                })
            })
            .or_else(spoke)
            .or_else(|| {
                // "Световната метеорологична организация публикува доклад …": the
                // subject of the sentence that brought the document in.
                if OUTLETS.contains(stem) {
                    return None;
                }
                let i = (0..end)
                    .rev()
                    .take_while(|&i| at - t[i].span.start <= REFERENT_REACH)
                    .filter(|&i| t[i].lower.starts_with(stem))
                    .last()?;
                let m = self.sentence_subject(t[i].span.start)?;
                self.doc
                    .mentions
                    .iter()
                    .find(|x| x.span == m)
                    .map(speaker_of)
            })
    }

    /// The owner of a Hindi report or statement named with no owner ("रिपोर्ट के
    /// मुताबिक"): the one given with the nearest same noun before ("रॉयटर्स की एक
    /// रिपोर्ट").
    fn document_referent(&self, m: Span) -> Option<Span> {
        let text = self.doc.text.as_str();
        let mut w = text[m.start..m.end]
            .split_whitespace()
            .filter(|w| *w != "एक");
        let (Some(noun), None) = (w.next(), w.next()) else {
            return None;
        };
        if !is_document(noun) {
            return None;
        }
        let t = &self.tokens;
        let end = t.partition_point(|x| x.span.start < m.start);
        (0..end)
            .rev()
            .take_while(|&i| m.start - t[i].span.start <= REFERENT_REACH)
            .filter(|&i| t[i].lower == noun)
            .find_map(|i| {
                let k = if i > 0 && t[i - 1].lower == "एक" {
                    i - 1
                } else {
                    i
                };
                document_owner(t, k, self.lex)
            })
            .map(|o| {
                // Cut to the entity inside ("प्रकाशित रॉयटर्स" → रॉयटर्स), unless that is a
                // place ending a longer name.
                let c = clip_to_entity(self.doc, o);
                let place = self
                    .doc
                    .mentions
                    .iter()
                    .any(|x| x.span.start == c.start && x.etype == EntityType::Loc);
                if c != o && place {
                    o
                } else {
                    c
                }
            })
    }

    /// The subject of the sentence that holds byte `at`: its first name before `at`
    /// that is neither the object of a preposition ("за CNN"), nor inside a
    /// subordinate clause ("след като Тръмп"), nor a modifier of the name after it
    /// ("президента России Дмитрий Песков").
    fn sentence_subject(&self, at: usize) -> Option<Span> {
        let t = &self.tokens;
        let text = self.doc.text.as_str();
        let mut i = t.partition_point(|x| x.span.start < at);
        while i > 0
            && t[i - 1].kind != TokKind::Final
            && !text[t[i - 1].span.end..t[i.min(t.len() - 1)].span.start].contains('\n')
        {
            i -= 1;
        }
        let from = t.get(i).map_or(at, |x| x.span.start);
        let starts = |b: usize| self.doc.mentions.iter().any(|x| x.span.start == b);
        // (Not a name inside a quotation: an odd number of marks before it.)
        let quoted = |b: usize| {
            t[i..]
                .iter()
                .take_while(|y| y.span.start < b)
                .filter(|y| y.is_double_mark())
                .count()
                % 2
                == 1
        };
        self.doc
            .mentions
            .iter()
            .filter(|x| x.kind == MentionKind::Name && x.span.start >= from && x.span.end <= at)
            .filter(|x| {
                let k = t.partition_point(|y| y.span.start < x.span.start);
                let before = k.checked_sub(1).filter(|&j| t[j].span.start >= from);
                let governed = before.is_some_and(|j| {
                    let w = t[j].lower.as_str();
                    self.lex.prepositions.contains(&w) || CONJUNCTIONS.contains(&w)
                });
                let next = t.partition_point(|y| y.span.start < x.span.end);
                let modifier = t.get(next).is_some_and(|y| starts(y.span.start));
                !governed && !modifier && !quoted(x.span.start)
            })
            .min_by_key(|x| x.span.start)
            .map(|x| x.span)
    }

    /// The person's name that tokens `a..b` spell, less the function words that open
    /// it ("Според Питър Дитлевски"), when it is shaped like a person's and the entity
    /// stage typed none of its words otherwise ("Instituto Português", "Би Би Си").
    fn person_run(&self, a: usize, b: usize) -> Option<String> {
        let t = &self.tokens;
        if b <= a {
            return None;
        }
        let a = skip_function(t, self.lex, a, b - 1);
        let name = words(self.doc.text.as_str(), &t[a..b]);
        let span = Span::new(t[a].span.start, t[b - 1].span.end);
        let other = self.doc.mentions.iter().any(|m| {
            m.span.start < span.end && span.start < m.span.end && m.etype != EntityType::Person
        });
        (person_shaped(&name) && !other).then_some(name)
    }

    /// Whether `word` occurs before byte `at` at most 20 tokens before the last word of
    /// `name`, in the same sentence ("O geofísico e ex-presidente do Instituto Português do Mar e da Atmosfera
    /// (IPMA) Miguel Miranda").
    fn written_near(&self, word: &str, name: &str, at: usize) -> bool {
        let Some(last) = name.split_whitespace().last() else {
            return false;
        };
        let t = &self.tokens;
        (0..t.len())
            .take_while(|&i| t[i].span.start < at)
            .filter(|&i| same_profession(&t[i].lower, word))
            .any(|i| {
                t[i + 1..t.len().min(i + 21)]
                    .iter()
                    .take_while(|x| x.kind != TokKind::Final)
                    .any(|x| same_stem(&self.doc.text[x.span.start..x.span.end], last))
            })
    }

    /// The person the article names with the profession `word`, right after it ("o
    /// geofísico Miguel Miranda") or before it ("Miguel Miranda, geofísico"), the
    /// nearest before byte `at`.
    fn professional(&self, word: &str, at: usize) -> Option<Speaker> {
        let t = &self.tokens;
        let mut best: Option<String> = None;
        for i in 0..t.len() {
            if t[i].span.start >= at {
                break;
            }
            if !same_profession(&t[i].lower, word) {
                continue;
            }
            // "Miguel Miranda, geofísico …", "Frank Ledwidge, um analista": the name
            // the profession is in apposition to.
            let mut k = i;
            while k > 0 && LEADING.contains(&t[k - 1].lower.as_str()) {
                k -= 1;
            }
            if k >= 3 && t[k - 1].lower == "," {
                let run = t[..k - 1]
                    .iter()
                    .rev()
                    .take(3)
                    .take_while(|x| x.kind == TokKind::Word && x.upper_initial)
                    .count();
                // (Not what an office is of: "do ministro dos Negócios Estrangeiros, o
                // embaixador".)
                let of = k - 1 - run > 0 && {
                    let w = t[k - 2 - run].lower.as_str();
                    GENITIVE_JOINERS.contains(&w) || self.lex.prepositions.contains(&w)
                };
                if let Some(name) = self.person_run(k - 1 - run, k - 1).filter(|_| !of) {
                    best = Some(name);
                    continue;
                }
            }
            // Up to three lowercase words between ("analista militar", "полковник в
            // оставка Дъглас Макгрегър") and a comma.
            let mut j = i + 1;
            while j < t.len() && j <= i + 3 && t[j].kind == TokKind::Word && !t[j].upper_initial {
                j += 1;
            }
            if t.get(j).is_some_and(|x| x.lower == ",") {
                j += 1;
            }
            let run = t[j.min(t.len())..]
                .iter()
                .take(3)
                .take_while(|x| x.kind == TokKind::Word && x.upper_initial)
                .count();
            if run == 0 || t[j + run - 1].span.end > at {
                continue;
            }
            // "o embaixador russo no Ministério dos Negócios Estrangeiros": a name after
            // "of" or a preposition is what the office is of, or where.
            if j > i + 1
                && (GENITIVE_JOINERS.contains(&t[j - 1].lower.as_str())
                    || self.lex.prepositions.contains(&t[j - 1].lower.as_str()))
            {
                continue;
            }
            // "Instituto Português do Mar": a body's name goes on after a joiner.
            let joined = t.get(j + run).is_some_and(|x| {
                self.lex.name_joiners.contains(&x.lower.as_str())
                    && t.get(j + run + 1).is_some_and(|y| y.upper_initial)
            });
            if joined {
                continue;
            }
            if let Some(name) = self.person_run(j, j + run) {
                best = Some(name);
            }
        }
        best.map(|name| Speaker {
            mention: None,
            entity: None,
            name: self.canonical(&name),
        })
    }

    /// The person named right after the same title elsewhere in the text
    /// (`title, Name Surname` or `title Name Surname`), the nearest before `at` first:
    /// "o presidente ucraniano, Volodymyr Zelensky" for a later "O Presidente
    /// ucraniano afirmou". Titles of one word are too vague ("o presidente").
    fn titled(&self, title: &str, at: usize) -> Option<Speaker> {
        let title_words: Vec<&str> = title
            .split_whitespace()
            .filter(|w| !LEADING.contains(w))
            .collect();
        if title_words.len() < 2 {
            return None;
        }
        let t = &self.tokens;
        let mut best: Option<(String, usize)> = None;
        for i in 0..t.len().saturating_sub(title_words.len()) {
            if !title_words
                .iter()
                .enumerate()
                .all(|(k, w)| t[i + k].lower == *w)
            {
                continue;
            }
            let mut j = i + title_words.len();
            if t.get(j).is_some_and(|x| x.lower == ",") {
                j += 1;
            }
            let run = t[j..]
                .iter()
                .take(3)
                .take_while(|x| x.kind == TokKind::Word && x.upper_initial)
                .count();
            if run < 2 {
                continue;
            }
            let name = words(self.doc.text.as_str(), &t[j..j + run]);
            if !person_shaped(&name) {
                continue;
            }
            let start = t[i].span.start;
            // The nearest before `at`, else the first after it.
            let better = match &best {
                None => true,
                Some((_, b)) => start < at && (*b > at || start > *b),
            };
            if better {
                best = Some((name, start));
            }
        }
        best.map(|(name, _)| Speaker {
            mention: None,
            entity: None,
            name: self.canonical(&name),
        })
    }

    /// A body named in the locative, in the nominative (Russian only; see
    /// [`russian::institution`]).
    fn institution(&self, name: &str) -> String {
        if self.lex.code == "ru" {
            russian::institution(name)
        } else {
            name.to_string()
        }
    }

    /// Whether a speaker is a person: a person-shaped name, an entity the entity stage
    /// typed as a person, or one word that ends a person-shaped name of the article
    /// ("Peskov" after "Dmitri Peskov").
    fn is_person(&self, sp: &Speaker) -> bool {
        let name = sp.name.as_str();
        // (The entity's type first: "The Telegraph" is person-shaped.)
        if let Some(e) = sp.entity.and_then(|e| self.doc.entities.get(e)) {
            return e.etype == EntityType::Person;
        }
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
        // The entity of that very name first ("Президентът Путин" resolved to Владимир
        // Путин is Владимир Путин's entity, not that of the glued mention).
        let exact = self
            .doc
            .entities
            .iter()
            .position(|ent| ent.name == name && ent.etype == EntityType::Person);
        if exact.is_some() && name.split_whitespace().count() >= 2 {
            return exact;
        }
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

/// Whether `w` is the profession `p` or, in Bulgarian, its form without the article
/// ("учен" for "ученият").
fn same_profession(w: &str, p: &str) -> bool {
    w == p
        || (w.chars().count() >= 4
            && p.strip_prefix(w)
                .is_some_and(|rest| ["ът", "ят", "та", "то"].contains(&rest) || rest == "ият"))
}

/// The words of span `m` of the text.
fn words_of(doc: &Document, m: Span) -> String {
    doc.text[m.start..m.end].to_string()
}

/// Whether a name is nothing but function words ("като", "где", "quando se", "съм",
/// "ao"): a conjunction, auxiliary, preposition or adverb the rules took for a subject
/// names nobody.
fn function_words_only(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let w = w.to_lowercase();
        let w = w.as_str();
        NOT_SUBJECT.contains(&w)
            || LEADING.contains(&w)
            || CLITICS.contains(&w)
            || CONJUNCTIONS.contains(&w)
            || NEVER_A_NAME.contains(&w)
    })
}

/// A name read without capitals (Hindi) cut to the last entity mention inside it:
/// the words before the subject marker may open with an adverb or a clause's end
/// ("इस बीच रूस ने" → रूस), which the entity stage's name list does not take.
fn clip_to_entity(doc: &Document, m: Span) -> Span {
    doc.mentions
        .iter()
        .filter(|x| x.span.start >= m.start && x.span.end <= m.end && x.span.end > x.span.start)
        .max_by_key(|x| (x.span.end, std::cmp::Reverse(x.span.start)))
        .map_or(m, |x| Span::new(x.span.start, m.end.max(x.span.end)))
}
