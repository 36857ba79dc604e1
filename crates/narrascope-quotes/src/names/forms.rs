//! Word forms of names: stems shared by inflected forms, person-shaped names, offices,
//! capitalised runs.

use crate::lexicon::{Lexicon, EXACT_OFFICES, LEADING, NOT_SUBJECT, OFFICES};
use crate::token::{TokKind, Token};

/// Whether a lowercase word is a form of an office ("губернатора", "министърът").
pub(super) fn is_office(w: &str) -> bool {
    OFFICES.contains(&w)
        || EXACT_OFFICES.contains(&w)
        || OFFICES
            .iter()
            .any(|o| o.chars().count() >= 5 && same_stem(o, w))
}

/// Whether two words are forms of one name: equal, or sharing all but their last two
/// letters ("Лавров" / "Лаврова", "Захарова" / "Захаровой").
pub(super) fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Without collecting the characters: it runs for every office on every word of a
    // speaker phrase.
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 4 && common + 2 >= a.chars().count().max(b.chars().count())
}

/// Whether a name looks like a person's: two or three words, each capitalised with
/// lowercase letters after ("Сергей Лавров", not "ФСБ России" or "Минобороны").
pub(super) fn person_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !w.chars().skip(1).any(char::is_uppercase)
        })
}

/// The text of some tokens, single-spaced.
pub(super) fn words(text: &str, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| &text[t.span.start..t.span.end])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Skips function words ("В", "Однако", "O", "Также", "Segundo") that open a run only
/// because they open the sentence: "Также Зеленский сообщил" names Зеленский, and
/// "Segundo Zelensky, …" is "according to Zelensky".
pub(super) fn skip_function(tokens: &[Token], lex: &Lexicon, mut a: usize, b: usize) -> usize {
    while a < b && {
        let w = tokens[a].lower.as_str();
        lex.prepositions.contains(&w)
            || LEADING.contains(&w)
            || NOT_SUBJECT.contains(&w)
            || lex.according.iter().any(|p| p.len() == 1 && p[0] == w)
    } {
        a += 1;
    }
    a
}

/// Runs of capitalised words in `tokens[from..to]` (lowercase joiners allowed between
/// two capitalised words: "Serviço de Alterações Climáticas"), as inclusive ranges.
pub(super) fn runs(tokens: &[Token], lex: &Lexicon, from: usize, to: usize) -> Vec<(usize, usize)> {
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
}
