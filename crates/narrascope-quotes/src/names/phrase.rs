//! What a speaker phrase names: a name (the last capitalised run, trimmed to the
//! person), a pronoun, or a description (an office of a country or body).

use narrascope_core::Span;

use crate::lexicon::{LEADING, LISTENERS, OBLIQUE};
use crate::token::{tokenize, Token};

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

/// Words that join a document to its author's name.
const GENITIVE_JOINERS: &[&str] = &["на", "do", "da", "dos", "das", "de"];

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
        // "по его словам", "Според нея": the oblique pronoun alone stands for a person.
        if tokens.len() == 1 && OBLIQUE.contains(&tokens[0].lower.as_str()) {
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
            let w = t.lower.as_str();
            if seen && (lex.stop_after_name.contains(&w) || LISTENERS.contains(&w)) {
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
