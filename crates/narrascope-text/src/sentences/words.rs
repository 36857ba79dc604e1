//! What words tell the splitter: the abbreviation, opener, pronoun and
//! speech-verb lists, and the shapes of dotted abbreviations and list labels.

/// What an abbreviation implies about the following text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Titles and connectives: more of the sentence always follows.
    Never,
    /// An abbreviation only before a number (`No. 5`); otherwise an ordinary word.
    BeforeNumber,
    /// Often ends a sentence (`Inc.`, `U.S.`, `etc.`): decided by the next word.
    Ambiguous,
}

/// Looks up a word (without its final `.`) in the built-in lists, ignoring case.
pub(super) fn abbrev_kind(word: &str) -> Option<Abbrev> {
    // Lowercase into a stack buffer: this runs at every full stop, so no allocation.
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            // Longer than any abbreviation.
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    // Whole chars were encoded, so the bytes are valid UTF-8.
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    use Abbrev::*;
    Some(match key {
        // English titles and ranks: a name follows.
        "mr" | "mrs" | "ms" | "messrs" | "mmes" | "dr" | "drs" | "prof" | "profs" | "gen"
        | "lt" | "col" | "maj" | "capt" | "cpt" | "cmdr" | "cdr" | "sgt" | "cpl" | "pvt"
        | "adm" | "brig" | "rev" | "fr" | "sen" | "sens" | "rep" | "reps" | "gov" | "pres"
        | "supt" | "insp" | "hon" | "amb" | "atty" | "gov't" => Never,
        // Latin and other connectives: the sentence goes on.
        "vs" | "v" | "e.g" | "i.e" | "cf" | "viz" | "a.k.a" | "approx" | "esp" | "incl"
        | "resp" | "z.b" | "d.h" | "bzw" | "vgl" | "p.ex" | "mme" | "mlle" | "sra" | "srta"
        | "dra" | "exmo" | "exma" | "av" => Never,
        // Before a number only.
        "no" | "nos" | "nr" | "art" | "arts" | "fig" | "figs" | "p" | "pp" | "vol" | "vols"
        | "ch" | "chap" | "sec" | "sect" | "para" | "ca" | "c" | "tel" | "ext" | "ref" | "op"
        | "pág" | "cap" => BeforeNumber,
        // Can end a sentence.
        "inc" | "corp" | "ltd" | "co" | "cos" | "llc" | "plc" | "bros" | "jr" | "sr" | "esq"
        | "etc" | "al" | "st" | "mt" | "ft" | "ave" | "blvd" | "rd" | "dept" | "univ" | "assn"
        | "govt" | "intl" | "usw" => Ambiguous,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" => Ambiguous,
        "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "fla" | "ga" | "kan" | "kans"
        | "ky" | "md" | "mich" | "minn" | "neb" | "nev" | "okla" | "ore" | "pa" | "tenn"
        | "tex" | "va" | "vt" | "wis" | "wyo" => Ambiguous,
        // Russian / Bulgarian / Ukrainian.
        "т.е" | "т.н" | "т.нар" | "т.к" | "т.ч" | "напр" | "вж" | "см" | "им" | "ул" | "бул"
        | "пл" | "просп" | "проф" | "акад" | "доц" | "ген" | "вкл" | "и.о" | "гл" | "инж"
        | "арх" | "св" => Never,
        "чл" | "ал" | "стр" | "с" | "ст" | "рис" | "табл" | "п" | "пп" => {
            BeforeNumber
        }
        "г" | "гг" | "гр" | "в" | "вв" | "др" | "пр" | "т.д" | "т.п" | "млн" | "млрд" | "тыс"
        | "хил" | "руб" | "долл" | "лв" | "коп" | "обл" | "р-н" | "мин" | "сек" | "ч" => {
            Ambiguous
        }
        // Polish.
        "tzw" | "np" | "ul" => Never,
        "itd" | "itp" | "zł" => Ambiguous,
        // Hindi titles.
        "डॉ" | "प्रो" | "मि" | "श्री" | "सं" => Never,
        _ => return None,
    })
}

/// Common capitalised sentence openers: after an ambiguous abbreviation, one of
/// these makes a new sentence far likelier than a continued name (`U.S. The` vs
/// `U.S. Army`).
pub(super) fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "You" | "This"
            | "That" | "These" | "Those" | "There" | "Here" | "His" | "Her" | "Its" | "Their"
            | "Our" | "My" | "Your" | "But" | "And" | "Or" | "So" | "Yet" | "However"
            | "Meanwhile" | "In" | "On" | "At" | "For" | "As" | "After" | "Before" | "When"
            | "While" | "If" | "Although" | "Though" | "Since" | "Because" | "During"
            | "Despite" | "With" | "Without" | "By" | "From" | "To" | "Under" | "Over" | "Also"
            | "Still" | "Then" | "Now" | "Today" | "Yesterday" | "Tomorrow" | "Last" | "Next"
            | "According" | "Earlier" | "Later" | "Some" | "Many" | "Most" | "All" | "Both"
            | "Each" | "Other" | "Others" | "One" | "No" | "Not" | "What" | "Who" | "Why"
            | "How" | "Where" | "Which" | "Such" | "Several" | "Thus" | "Therefore" | "Instead"
            | "Indeed" | "Moreover" | "Furthermore" | "Finally" | "First" | "Among" | "Only"
            | "Even" | "Once" | "Until" | "Unlike" | "Like" | "Asked" | "Neither" | "Nor"
            // Portuguese articles and conjunctions. (Spanish, French and German
            // articles are left out: they start English names like `La Valletta`.)
            | "O" | "Os" | "Em" | "Na" | "Mas"
    )
}

/// Capitalised subject pronouns: `"Why?" He asked` starts a new sentence.
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(word, "He" | "She" | "They" | "It" | "We" | "I" | "You")
}

/// Lowercase verbs of saying that follow a quotation's closing mark.
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "replied"
            | "replies"
            | "explained"
            | "explains"
            | "continued"
            | "noted"
            | "notes"
            | "stated"
            | "states"
            | "declared"
            | "insisted"
            | "argued"
            | "argues"
            | "claimed"
            | "claims"
            | "warned"
            | "warns"
            | "shouted"
            | "cried"
            | "exclaimed"
            | "recalled"
            | "recalls"
            | "admitted"
            | "conceded"
            | "answered"
            | "responded"
            | "tweeted"
            | "posted"
            | "concluded"
            | "observed"
            | "quipped"
            | "whispered"
            | "yelled"
            | "announced"
            | "reported"
    )
}

/// `U.S`, `Ph.D`, `a.m`, `т.е`: parts of one or two letters joined by dots.
pub(super) fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

pub(super) fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// A list label: up to three digits, one letter or a Roman numeral.
pub(super) fn is_list_label(word: &str) -> bool {
    let n = word.len();
    (n <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        || is_single_letter(word)
        || (n <= 4 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

pub(super) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}
