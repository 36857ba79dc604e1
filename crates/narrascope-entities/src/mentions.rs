//! Finding mentions in one sentence: names from the tagger with their titles split off,
//! descriptions ("the Belarusian leader", "the 67-year-old leader"), pronouns, and
//! groups ("Ukrainians", "the West").

use narrascope_core::{EntityType, MentionKind, Span};

use crate::lexicon::{
    country_alias, demonym_country, honorific, is_age, is_direction_adjective, is_title_head,
    is_title_modifier, looks_like_demonym, plural_demonym_country, pronoun_gender, Gender,
};
use crate::tagger::Name;
use crate::tags::NerClass;
use crate::tokenize::Token;

/// A title as written next to a name, with what it says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Title {
    /// As written ("Belarusian President").
    pub text: String,
    /// Countries its nationality words name.
    pub countries: Vec<String>,
    /// Its head noun, lowercased ("president").
    pub head: String,
}

/// A mention before resolution.
#[derive(Clone, Debug)]
pub(crate) struct RawMention {
    /// The words of the mention (for names: the name without title or honorific).
    pub span: Span,
    pub kind: MentionKind,
    pub etype: EntityType,
    /// Name tokens, lowercased (names only).
    pub words: Vec<String>,
    /// The name or description as written.
    pub text: String,
    /// Titles found around a person's name.
    pub titles: Vec<Title>,
    /// For descriptions: head noun and the countries named.
    pub head: Option<String>,
    pub countries: Vec<String>,
    pub gender: Gender,
    /// Index of the sentence (region) it is in.
    pub sentence: usize,
}

impl RawMention {
    /// A name mention without titles, description head or gender.
    fn name(
        span: Span,
        etype: EntityType,
        words: Vec<String>,
        text: String,
        sentence: usize,
    ) -> Self {
        RawMention {
            span,
            kind: MentionKind::Name,
            etype,
            words,
            text,
            titles: Vec::new(),
            head: None,
            countries: Vec::new(),
            gender: Gender::Unknown,
            sentence,
        }
    }
}

fn is_titleish(lower: &str) -> bool {
    is_title_head(lower) || is_title_modifier(lower) || demonym_country(lower).is_some()
}

/// Last words of organisation names that may follow a title-like word ("General
/// Staff", "Presidential Office"): never a person's name.
const ORG_NOUNS: &[&str] = &[
    "staff",
    "office",
    "council",
    "committee",
    "ministry",
    "department",
    "command",
    "forces",
    "force",
    "service",
    "services",
    "agency",
    "association",
    "group",
    "board",
    "commission",
    "party",
    "union",
    "bank",
    "court",
    "house",
    "assembly",
    "parliament",
    "army",
    "navy",
    "corps",
    "guard",
    "police",
    "team",
    "company",
    "institute",
    "university",
    "school",
    "fund",
    "foundation",
    "centre",
    "center",
    "organization",
    "organisation",
    "administration",
    "government",
    "headquarters",
    "secretariat",
    "cabinet",
    "club",
];

/// Prepositions of place: "in Bakhmut", "near Kharkiv".
const LOCATIVE: &[&str] = &[
    "in", "near", "from", "outside", "into", "around", "across", "toward", "towards", "inside",
];

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the mentions of one region, given its tokens and the tagger's names.
pub(crate) fn find(
    text: &str,
    toks: &[Token],
    names: &[Name],
    sentence: usize,
    is_place: &dyn Fn(&str) -> bool,
    out: &mut Vec<RawMention>,
) {
    let n = toks.len();
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| crate::features::normalize(w))
        .collect();
    // "Ukrainians" is a group whatever class the tagger gave it, and a nationality word
    // right before a title ("Belarussian President") is part of the title.
    let names: Vec<Name> = names
        .iter()
        .map(|nm| {
            let key = lower[nm.first_token..nm.end_token].join(" ");
            let before_title = nm.end_token - nm.first_token == 1
                && nm.end_token < n
                && (is_title_head(&lower[nm.end_token]) || is_title_modifier(&lower[nm.end_token]))
                && (demonym_country(&key).is_some() || looks_like_demonym(words[nm.first_token]));
            // "Defence Secretary Grant Shapps" tagged as one organisation: the
            // capitalised words after the last title head are a person, the words
            // before them the person's title.
            let after_head = (nm.first_token..nm.end_token)
                .rev()
                .find(|&i| is_title_head(&lower[i]))
                .map(|i| i + 1)
                .filter(|&t| {
                    nm.class != NerClass::Per
                        && t < nm.end_token
                        && nm.end_token - t <= 3
                        && (t..nm.end_token).all(|i| {
                            capitalised(words[i]) && !is_titleish(&lower[i]) && lower[i].len() > 1
                        })
                        && !ORG_NOUNS.contains(&lower[nm.end_token - 1].as_str())
                });
            // "withdraw his troops from Bakhmut": one word the tagger called a person,
            // after a preposition of place, and listed as a place (and never as a
            // person) is that place.
            let place = nm.class == NerClass::Per
                && nm.end_token - nm.first_token == 1
                && nm.first_token > 0
                && LOCATIVE.contains(&lower[nm.first_token - 1].as_str())
                && is_place(&key);
            if place {
                Name {
                    class: NerClass::Loc,
                    ..*nm
                }
            } else if plural_demonym_country(&key).is_some() || before_title {
                Name {
                    class: NerClass::Misc,
                    ..*nm
                }
            } else if let Some(t) = after_head {
                Name {
                    class: NerClass::Per,
                    first_token: t,
                    ..*nm
                }
            } else {
                *nm
            }
        })
        .collect();
    let names = &names[..];
    // Which name (index into `names`) covers each token.
    let mut name_at: Vec<Option<usize>> = vec![None; n];
    for (k, nm) in names.iter().enumerate() {
        for slot in name_at.iter_mut().take(nm.end_token).skip(nm.first_token) {
            *slot = Some(k);
        }
    }
    let mut used = vec![false; n];
    let span_of = |a: usize, b: usize| Span::new(toks[a].start, toks[b - 1].end);
    let slice = |a: usize, b: usize| text[toks[a].start..toks[b - 1].end].to_string();
    let countries_of = |a: usize, b: usize| -> Vec<String> {
        let mut c: Vec<String> = (a..b)
            .filter_map(|i| demonym_country(&lower[i]).or_else(|| country_alias(&lower[i])))
            .map(str::to_string)
            .collect();
        // Multi-word country names inside a title ("United States President").
        for nm in names
            .iter()
            .filter(|nm| nm.first_token >= a && nm.end_token <= b)
        {
            if nm.class == NerClass::Loc {
                let key = lower[nm.first_token..nm.end_token].join(" ");
                c.push(
                    country_alias(&key)
                        .map_or_else(|| slice(nm.first_token, nm.end_token), str::to_string),
                );
            }
        }
        c.sort_unstable();
        c.dedup();
        c
    };
    let head_of = |a: usize, b: usize| -> Option<String> {
        (a..b)
            .rev()
            .find(|i| is_title_head(&lower[*i]))
            .map(|i| lower[i].clone())
    };

    // "the West" as a group.
    for i in 0..n.saturating_sub(1) {
        if lower[i] == "the"
            && words[i + 1] == "West"
            && !words.get(i + 2).is_some_and(|w| capitalised(w))
        {
            used[i] = true;
            used[i + 1] = true;
            out.push(RawMention::name(
                span_of(i, i + 2),
                EntityType::Group,
                vec!["the".into(), "west".into()],
                "the West".into(),
                sentence,
            ));
        }
    }

    // People first: their titles may swallow neighbouring MISC/ORG tokens.
    for nm in names.iter().filter(|nm| nm.class == NerClass::Per) {
        let (mut s, e) = (nm.first_token, nm.end_token);
        if used[s..e].iter().any(|u| *u) {
            continue;
        }
        // "the Houthis", "the Saudis": one capitalised word after an article is a
        // group or an organisation the tagger took for a person; people take none.
        if e - s == 1 && s > 0 && lower[s - 1] == "the" {
            used[s] = true;
            let etype = if lower[s].ends_with('s') {
                EntityType::Group
            } else {
                EntityType::Org
            };
            out.push(RawMention::name(
                span_of(s, e),
                etype,
                lower[s..e].to_vec(),
                slice(s, e),
                sentence,
            ));
            continue;
        }
        let mut gender = Gender::Unknown;
        // Titles and honorifics the tagger put inside the name.
        while e - s > 1 && (honorific(&lower[s]).is_some() || is_titleish(&lower[s])) {
            if let Some(g) = honorific(&lower[s]) {
                gender = g;
            }
            s += 1;
        }
        // Title words to the left: "Belarusian President", "NATO Secretary General".
        let mut j = nm.first_token;
        while j > 0 {
            let p = j - 1;
            if let Some(g) = honorific(&lower[p]) {
                if gender == Gender::Unknown {
                    gender = g;
                }
                j = p;
            } else if is_titleish(&lower[p])
                && name_at[p].is_none_or(|k| names[k].class != NerClass::Per)
            {
                j = names_start(p, &name_at, names);
            } else if j < nm.first_token && looks_like_demonym(words[p]) {
                j = p;
            } else if (j < nm.first_token || s > nm.first_token)
                && name_at[p].is_some_and(|k| names[k].class != NerClass::Per)
            {
                // An organisation or country directly before title words.
                j = names_start(p, &name_at, names);
            } else {
                break;
            }
        }
        let mut titles = Vec::new();
        // Title tokens: from j up to the name, without honorifics.
        let mut ts = j;
        while ts < s && honorific(&lower[ts]).is_some() {
            ts += 1;
        }
        let mut te = s;
        while te > ts && honorific(&lower[te - 1]).is_some() {
            te -= 1;
        }
        if ts < te {
            if let Some(head) = head_of(ts, te) {
                titles.push(Title {
                    text: slice(ts, te),
                    countries: countries_of(ts, te),
                    head,
                });
                for (i, u) in used.iter_mut().enumerate().take(te).skip(ts) {
                    // Nationality words belong to the title; named organisations and
                    // places stay mentions of their own.
                    if name_at[i].is_none_or(|k| names[k].class == NerClass::Misc) {
                        *u = true;
                    }
                }
            }
        }
        // Apposition: "Alexander Lukashenko, the Belarusian president, said".
        if e + 1 < n && words[e] == "," {
            let mut a = e + 1;
            if matches!(lower[a].as_str(), "the" | "a" | "an") {
                a += 1;
            }
            let mut b = a;
            while b < n
                && (is_titleish(&lower[b])
                    || name_at[b].is_some_and(|k| names[k].class != NerClass::Per))
            {
                b += 1;
            }
            let mut ends = b == n || matches!(words[b], "," | "." | ";" | ")" | "of" | "who");
            // Other words before a closing title head: "Josep Borrell, the EU foreign
            // policy chief,", "Rob Malley, the U.S. envoy for Iran,".
            if !(b > a && ends && head_of(a, b).is_some()) {
                let mut c = a;
                while c < n
                    && c - a < 6
                    && !matches!(words[c], "," | "." | ";" | ")" | "(" | "“" | "\"")
                    && name_at[c].is_none_or(|k| names[k].class != NerClass::Per)
                {
                    c += 1;
                }
                // "…Guterres, the Russian mission's head, Vassily Nebenzia, said": a
                // description followed by another person's name is that person's.
                let next_person = c + 1 < n
                    && words[c] == ","
                    && name_at[c + 1].is_some_and(|k| names[k].class == NerClass::Per);
                let closes = (c == n || matches!(words[c], "," | "." | ";" | ")")) && !next_person;
                let last_head = c > a && is_title_head(&lower[c - 1]);
                // Or the head comes before "of/for NAME" at the end ("envoy for Iran").
                let before_of = (a + 1..c).rev().find(|&k| {
                    matches!(lower[k].as_str(), "of" | "for")
                        && is_title_head(&lower[k - 1])
                        && k + 1 < c
                        && name_at[k + 1..c]
                            .iter()
                            .all(|x| x.is_some_and(|x| names[x].class != NerClass::Per))
                });
                if closes && (last_head || before_of.is_some()) {
                    b = before_of.unwrap_or(c);
                    ends = true;
                }
            }
            if b > a && ends && head_of(a, b).is_some() {
                let mut end = b;
                if b + 1 < n && matches!(lower[b].as_str(), "of" | "for") {
                    if let Some(k) = name_at[b + 1].filter(|k| names[*k].first_token == b + 1) {
                        end = names[k].end_token;
                    }
                }
                titles.push(Title {
                    text: slice(a, end),
                    countries: countries_of(a, end),
                    head: head_of(a, b).unwrap_or_default(),
                });
            }
        }
        for u in used.iter_mut().take(e).skip(s) {
            *u = true;
        }
        out.push(RawMention {
            span: span_of(s, e),
            kind: MentionKind::Name,
            etype: EntityType::Person,
            words: lower[s..e].to_vec(),
            text: slice(s, e),
            titles,
            head: None,
            countries: Vec::new(),
            gender,
            sentence,
        });
    }

    // Other names.
    for nm in names.iter().filter(|nm| nm.class != NerClass::Per) {
        let (s, e) = (nm.first_token, nm.end_token);
        if used[s..e].iter().any(|u| *u) {
            continue;
        }
        let key = lower[s..e].join(" ");
        let etype = match nm.class {
            NerClass::Org => EntityType::Org,
            NerClass::Loc => EntityType::Loc,
            NerClass::Per => EntityType::Person,
            NerClass::Misc => {
                if plural_demonym_country(&key).is_some() {
                    EntityType::Group
                } else if demonym_country(&key).is_some() || is_direction_adjective(&key) {
                    continue; // "Belarusian officials": an attribute, not an entity
                } else {
                    EntityType::Misc
                }
            }
        };
        out.push(RawMention::name(
            span_of(s, e),
            etype,
            lower[s..e].to_vec(),
            slice(s, e),
            sentence,
        ));
        for u in used.iter_mut().take(e).skip(s) {
            *u = true;
        }
    }

    // Descriptions: "the Belarusian leader", "the 67-year-old leader", "the president of
    // Belarus".
    for i in 0..n {
        if lower[i] != "the" || used[i] {
            continue;
        }
        let mut k = i + 1;
        while k < n
            && !used[k]
            && (is_title_modifier(&lower[k])
                || demonym_country(&lower[k]).is_some()
                || is_age(&lower[k]))
        {
            k += 1;
        }
        if k >= n || used[k] || !is_title_head(&lower[k]) {
            continue;
        }
        let mut end = k + 1;
        while end < n && !used[end] && is_title_head(&lower[end]) {
            end += 1; // "secretary general"
        }
        // A title in front of a name, not a description of its own.
        if end < n && name_at[end].is_some_and(|x| names[x].class == NerClass::Per) {
            continue;
        }
        if end + 1 < n && words[end] == "of" {
            if let Some(x) = name_at[end + 1]
                .filter(|x| names[*x].first_token == end + 1 && names[*x].class == NerClass::Loc)
            {
                end = names[x].end_token;
            }
        }
        out.push(RawMention {
            span: span_of(i, end),
            kind: MentionKind::Nominal,
            etype: EntityType::Person,
            words: Vec::new(),
            text: slice(i, end),
            titles: Vec::new(),
            head: Some(lower[k].clone()),
            countries: countries_of(i + 1, end),
            gender: Gender::Unknown,
            sentence,
        });
        for u in used.iter_mut().take(end).skip(i) {
            *u = true;
        }
    }

    // Pronouns.
    for i in 0..n {
        if used[i] {
            continue;
        }
        if let Some(g) = pronoun_gender(&lower[i]) {
            out.push(RawMention {
                span: span_of(i, i + 1),
                kind: MentionKind::Pronoun,
                etype: EntityType::Person,
                words: Vec::new(),
                text: words[i].to_string(),
                titles: Vec::new(),
                head: None,
                countries: Vec::new(),
                gender: g,
                sentence,
            });
        }
    }
}

/// First token of the name covering token `p`, or `p` itself.
fn names_start(p: usize, name_at: &[Option<usize>], names: &[Name]) -> usize {
    name_at[p].map_or(p, |k| names[k].first_token)
}
