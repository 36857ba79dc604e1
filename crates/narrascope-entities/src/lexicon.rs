//! Small hand-written word lists for titles, nationalities, honorifics and pronouns (our
//! own lists, not learnt), used to separate titles from names and to link descriptions
//! ("the Belarusian leader") and pronouns to people.

/// Nationality adjectives and short country forms → the country (or bloc) they name.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"),
    ("albanian", "Albania"),
    ("algerian", "Algeria"),
    ("american", "United States"),
    ("argentine", "Argentina"),
    ("argentinian", "Argentina"),
    ("armenian", "Armenia"),
    ("australian", "Australia"),
    ("austrian", "Austria"),
    ("azerbaijani", "Azerbaijan"),
    ("belarusian", "Belarus"),
    ("belarussian", "Belarus"),
    ("belgian", "Belgium"),
    ("bosnian", "Bosnia and Herzegovina"),
    ("brazilian", "Brazil"),
    ("british", "United Kingdom"),
    ("bulgarian", "Bulgaria"),
    ("byelorussian", "Belarus"),
    ("canadian", "Canada"),
    ("chinese", "China"),
    ("colombian", "Colombia"),
    ("croatian", "Croatia"),
    ("cuban", "Cuba"),
    ("czech", "Czech Republic"),
    ("danish", "Denmark"),
    ("dutch", "Netherlands"),
    ("egyptian", "Egypt"),
    ("english", "United Kingdom"),
    ("estonian", "Estonia"),
    ("ethiopian", "Ethiopia"),
    ("eu", "European Union"),
    ("european", "Europe"),
    ("finnish", "Finland"),
    ("french", "France"),
    ("georgian", "Georgia"),
    ("german", "Germany"),
    ("greek", "Greece"),
    ("hungarian", "Hungary"),
    ("indian", "India"),
    ("indonesian", "Indonesia"),
    ("iranian", "Iran"),
    ("iraqi", "Iraq"),
    ("irish", "Ireland"),
    ("israeli", "Israel"),
    ("italian", "Italy"),
    ("japanese", "Japan"),
    ("jordanian", "Jordan"),
    ("kazakh", "Kazakhstan"),
    ("kenyan", "Kenya"),
    ("korean", "Korea"),
    ("kyrgyz", "Kyrgyzstan"),
    ("latvian", "Latvia"),
    ("lebanese", "Lebanon"),
    ("libyan", "Libya"),
    ("lithuanian", "Lithuania"),
    ("mexican", "Mexico"),
    ("moldovan", "Moldova"),
    ("mongolian", "Mongolia"),
    ("moroccan", "Morocco"),
    ("nigerian", "Nigeria"),
    ("north korean", "North Korea"),
    ("norwegian", "Norway"),
    ("pakistani", "Pakistan"),
    ("palestinian", "Palestine"),
    ("polish", "Poland"),
    ("portuguese", "Portugal"),
    ("romanian", "Romania"),
    ("russian", "Russia"),
    ("saudi", "Saudi Arabia"),
    ("scottish", "United Kingdom"),
    ("serbian", "Serbia"),
    ("slovak", "Slovakia"),
    ("slovenian", "Slovenia"),
    ("south african", "South Africa"),
    ("south korean", "South Korea"),
    ("soviet", "Soviet Union"),
    ("spanish", "Spain"),
    ("swedish", "Sweden"),
    ("swiss", "Switzerland"),
    ("syrian", "Syria"),
    ("taiwanese", "Taiwan"),
    ("tajik", "Tajikistan"),
    ("turkish", "Turkey"),
    ("turkmen", "Turkmenistan"),
    ("u.k.", "United Kingdom"),
    ("u.s.", "United States"),
    ("uk", "United Kingdom"),
    ("ukrainian", "Ukraine"),
    ("us", "United States"),
    ("uzbek", "Uzbekistan"),
    ("venezuelan", "Venezuela"),
    ("vietnamese", "Vietnam"),
    ("welsh", "United Kingdom"),
    ("yemeni", "Yemen"),
];

/// Country names (and common short forms) → canonical country, for "the president of
/// Belarus" and for merging "U.S." with "United States".
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("america", "United States"),
    ("britain", "United Kingdom"),
    ("great britain", "United Kingdom"),
    ("u.k.", "United Kingdom"),
    ("u.s.", "United States"),
    ("u.s.a.", "United States"),
    ("uk", "United Kingdom"),
    ("united kingdom", "United Kingdom"),
    ("united states", "United States"),
    ("united states of america", "United States"),
    ("us", "United States"),
    ("usa", "United States"),
    ("russian federation", "Russia"),
    ("ussr", "Soviet Union"),
];

/// Nouns that head a title or role ("President", "leader", "foreign minister").
const TITLE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "archbishop",
    "author",
    "ayatollah",
    "bishop",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "dictator",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "emperor",
    "empress",
    "envoy",
    "expert",
    "founder",
    "general",
    "governor",
    "head",
    "journalist",
    "judge",
    "king",
    "lawmaker",
    "leader",
    "lieutenant",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "officer",
    "official",
    "patriarch",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prosecutor",
    "queen",
    "representative",
    "ruler",
    "secretary",
    "secretary-general",
    "senator",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strongman",
    "vice-president",
];

/// Words that may precede a title head inside a title ("Prime", "Foreign", "former").
const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "armed",
    "assistant",
    "chief",
    "de",
    "defence",
    "defense",
    "deputy",
    "economic",
    "economy",
    "energy",
    "executive",
    "facto",
    "finance",
    "first",
    "foreign",
    "former",
    "forces",
    "general",
    "health",
    "interim",
    "interior",
    "justice",
    "longtime",
    "managing",
    "military",
    "national",
    "opposition",
    "presidential",
    "press",
    "prime",
    "security",
    "self-proclaimed",
    "senior",
    "special",
    "state",
    "supreme",
    "top",
    "trade",
    "veteran",
    "vice",
    "embattled",
    "authoritarian",
    "powerful",
    "outgoing",
    "incoming",
    "new",
    "late",
];

/// Heads that name the leader of a country: "the Belarusian leader" may refer to its
/// president, prime minister or king.
const LEADER_HEADS: &[&str] = &[
    "chancellor",
    "dictator",
    "king",
    "leader",
    "premier",
    "president",
    "queen",
    "ruler",
    "strongman",
    "minister",
    "head",
];

/// Honorifics: dropped from names and titles; they tell the gender.
const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mr.", Gender::Male),
    ("sir", Gender::Male),
    ("lord", Gender::Male),
    ("mrs", Gender::Female),
    ("mrs.", Gender::Female),
    ("ms", Gender::Female),
    ("ms.", Gender::Female),
    ("miss", Gender::Female),
    ("dame", Gender::Female),
    ("lady", Gender::Female),
    ("dr", Gender::Unknown),
    ("dr.", Gender::Unknown),
];

/// Grammatical gender of a person reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// he, Mr
    Male,
    /// she, Mrs
    Female,
    /// not said
    Unknown,
}

fn lookup<'a>(table: &'a [(&str, &str)], word: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == word).map(|(_, v)| *v)
}

/// The country of a nationality adjective or short form ("belarusian" → "Belarus").
pub fn demonym_country(lower: &str) -> Option<&'static str> {
    lookup(DEMONYMS, lower)
}

/// The canonical country of a country name or alias ("u.s." → "United States").
pub fn country_alias(lower: &str) -> Option<&'static str> {
    lookup(COUNTRY_ALIASES, lower)
}

/// The country of a plural nationality ("ukrainians" → "Ukraine"), for groups.
pub fn plural_demonym_country(lower: &str) -> Option<&'static str> {
    let stem = lower.strip_suffix('s')?;
    if !(stem.ends_with("an") || stem.ends_with("i")) {
        return None;
    }
    demonym_country(stem)
}

/// Capitalised words that look like a nationality adjective ("Belarussian",
/// "Azerbaijani"): used only right before title words, where that reading is safe.
pub fn looks_like_demonym(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && lower.len() > 4
        && ["ian", "ean", "ese", "ish", "an", "i"]
            .iter()
            .any(|s| lower.ends_with(s))
}

/// Direction adjectives ("Western talk of war"): descriptive, not entities.
pub fn is_direction_adjective(lower: &str) -> bool {
    matches!(lower, "western" | "eastern" | "northern" | "southern")
}

/// True for a title head ("president").
pub fn is_title_head(lower: &str) -> bool {
    TITLE_HEADS.contains(&lower)
}

/// True for a title modifier ("prime", "foreign").
pub fn is_title_modifier(lower: &str) -> bool {
    TITLE_MODIFIERS.contains(&lower)
}

/// True for a head naming a country's leader.
pub fn is_leader_head(lower: &str) -> bool {
    LEADER_HEADS.contains(&lower)
}

/// The gender an honorific implies, if the word is one.
pub fn honorific(lower: &str) -> Option<Gender> {
    HONORIFICS
        .iter()
        .find(|(k, _)| *k == lower)
        .map(|(_, g)| *g)
}

/// The gender of a third-person singular personal pronoun.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// True for an age descriptor like `67-year-old`.
pub fn is_age(lower: &str) -> bool {
    lower
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer() {
        assert_eq!(demonym_country("belarusian"), Some("Belarus"));
        assert_eq!(plural_demonym_country("ukrainians"), Some("Ukraine"));
        assert_eq!(plural_demonym_country("israelis"), Some("Israel"));
        assert_eq!(plural_demonym_country("officials"), None);
        assert!(is_age("67-year-old") && !is_age("-year-old"));
        assert_eq!(pronoun_gender("his"), Some(Gender::Male));
        assert!(is_title_head("president") && is_leader_head("leader"));
        // The tables are sorted so additions stay reviewable.
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
