//! Russian names and bodies in the nominative.

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

/// A Russian institution named in the locative after "в" ("сообщили в министерстве
/// обороны России", "В Правительстве РФ заявили") in the nominative: the head noun
/// only, from a short list of bodies; other words stay as they are.
pub(super) fn institution(name: &str) -> String {
    let (head, rest) = name.split_once(' ').unwrap_or((name, ""));
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

#[cfg(test)]
mod tests {
    use super::*;

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
