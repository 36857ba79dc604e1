//! What a speaker phrase names: a name (the last capitalised run, trimmed to the
//! person), a pronoun, or a description (an office of a country or body).

use narrascope_core::Span;

use crate::lexicon::{CLITICS, LEADING, LISTENERS, NOT_SUBJECT, OBLIQUE, SAME};
use crate::token::{tokenize, TokKind, Token};

use super::caseless::named_caseless;
use super::forms::{is_office, runs, skip_function};
use super::{Named, Namer};

/// Documents whose author follows them ("доклад на …", "o estudo do …").
const DOCUMENTS: &[&str] = &[
    "доклад",
    "докладът",
    "документ",
    "документът",
    "проучване",
    "проучването",
    "изследване",
    "изследването",
    "relatório",
    "estudo",
    "documento",
    "comunicado",
];

/// Bulgarian definite endings: a capitalised word with one opening a sentence is a noun
/// ("Съпругата на …", "Посолството на …"), not a name.
const DEFINITE: &[&str] = &["ът", "ят", "та", "то", "те"];

/// Words that join a document to its author's name.
pub(super) const GENITIVE_JOINERS: &[&str] = &["на", "do", "da", "dos", "das", "de"];

/// Nouns of "according to" phrases, before the source ("по словам", "думите на",
/// "as palavras de").
const CUE_NOUNS: &[&str] = &[
    "словам",
    "слова",
    "данным",
    "данных",
    "мнению",
    "сведениям",
    "информации",
    "думите",
    "думи",
    "данни",
    "данните",
    "информацията",
    "мнението",
    "palavras",
    "dados",
    "informações",
    "opinião",
];

/// Words up to which a lowercase speaker phrase is a description ("a vereadora da
/// oposição"); a longer one is a clause the rules took for the speaker.
const MAX_DESCRIPTION_WORDS: usize = 6;

impl Namer<'_> {
    /// What the phrase `p` names.
    pub(super) fn named(&self, p: Span) -> Option<Named> {
        let text = self.doc.text.as_str();
        let tokens = tokenize(text, p);
        let lex = self.lex;
        if tokens.is_empty() {
            return None;
        }
        // "Доклад на Световната банка", "o relatório do Banco Mundial": a document
        // speaks for the body that wrote it.
        let head = tokens
            .iter()
            .position(|t| !LEADING.contains(&t.lower.as_str()))
            .unwrap_or(0);
        if tokens.len() > head + 2
            && DOCUMENTS.contains(&tokens[head].lower.as_str())
            && GENITIVE_JOINERS.contains(&tokens[head + 1].lower.as_str())
            && tokens[head + 2].upper_initial
        {
            let rest = Span::new(tokens[head + 2].span.start, p.end);
            return self.named(rest);
        }
        // "думите на Путин", "данным аналитиков", "as palavras de Lula": the noun of an
        // "according to" phrase stands before its source.
        if tokens.len() > head + 1 && CUE_NOUNS.contains(&tokens[head].lower.as_str()) {
            // (Russian puts the source in the genitive; the others join it with "of".)
            let k = if GENITIVE_JOINERS.contains(&tokens[head + 1].lower.as_str()) {
                Some(head + 2)
            } else {
                (lex.code == "ru").then_some(head + 1)
            };
            if let Some(k) = k.filter(|&k| k < tokens.len()) {
                return self.named(Span::new(tokens[k].span.start, p.end));
            }
        }
        // "Съпругата на Владимир Зеленски", "a mulher de Lula": a common noun with a
        // name after "of" is someone else than the name. The phrase is their
        // description (an office after "of" is read below: "o ministro dos Negócios
        // Estrangeiros" is a person the article may name).
        if tokens.len() > head + 2
            && (!tokens[head].upper_initial
                || self.is_common(&tokens[head], head == 0)
                || (lex.code == "bg" && DEFINITE.iter().any(|e| tokens[head].lower.ends_with(e))))
            && !is_office(&tokens[head].lower)
            && !lex.pronouns.contains(&tokens[head].lower.as_str())
            && !lex.prepositions.contains(&tokens[head].lower.as_str())
            && tokens[head].kind == TokKind::Word
            && GENITIVE_JOINERS.contains(&tokens[head + 1].lower.as_str())
            && tokens[head + 2..].iter().all(|t| t.upper_initial)
            // (Three words or more may end in the person's own name: "анализаторът на
            // The National Interest Брандън Уайчерт".)
            && tokens.len() - (head + 2) <= 2
        {
            return Some(Named::Description(Span::new(
                tokens[head].span.start,
                p.end,
            )));
        }
        // "по его словам", "Според нея": the oblique pronoun alone stands for a person.
        if tokens.len() == 1
            && (OBLIQUE.contains(&tokens[0].lower.as_str())
                || SAME.contains(&tokens[0].lower.as_str()))
        {
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
        // An office's own modifiers are not cut off when the phrase ends in a person's
        // name ("посол РФ в США Анатолий Антонов", "депутатът от Европейския парламент
        // от Словакия Катарина Рот-Неведялова").
        let n = tokens.len();
        let person_word = |t: &Token| {
            let w = &text[t.span.start..t.span.end];
            t.kind == TokKind::Word
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !w.chars().skip(1).any(char::is_uppercase)
        };
        // (Not when a name comes before the first preposition: "X в интервю за Judging
        // Freedom", "Виктор Орбан в письме Шарлю Мишелю" end in a channel or listener.)
        let first_stop = tokens
            .iter()
            .position(|t| lex.stop_after_name.contains(&t.lower.as_str()))
            .unwrap_or(n);
        let office_to_name = is_office(&tokens[head].lower)
            && n >= head + 4
            && tokens[n - 2..].iter().all(person_word)
            && !tokens[..first_stop]
                .windows(2)
                .any(|p| p.iter().all(|t| person_word(t) && !is_office(&t.lower)));
        let mut end = n;
        let mut seen = false;
        for (i, t) in tokens.iter().enumerate() {
            let w = t.lower.as_str();
            if seen
                && !office_to_name
                && (lex.stop_after_name.contains(&w) || LISTENERS.contains(&w))
            {
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
        // (A name of two words right after "of" is what the office is of: "o ministro
        // dos Negócios Estrangeiros".)
        let person_run = found.iter().any(|&(a, b)| {
            let of = a > 0 && GENITIVE_JOINERS.contains(&tokens[a - 1].lower.as_str());
            let a0 = skip_function(&tokens, lex, a, b);
            let a = a0.max(b.saturating_sub(1));
            !(of && a == a0)
                && b > a
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
            if a == b
                && (self.is_common(&tokens[a], a == 0)
                    || LEADING.contains(&tokens[a].lower.as_str())
                    || NOT_SUBJECT.contains(&tokens[a].lower.as_str())
                    || CLITICS.contains(&tokens[a].lower.as_str()))
            {
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
                // "o Presidente Luiz Inácio Lula da Silva": a capitalised office before
                // a name of two words or more is a title, not part of the name.
                let mut a = a;
                while b >= a + 2 && is_office(&tokens[a].lower) && tokens[a + 1].upper_initial {
                    a += 1;
                }
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
}
