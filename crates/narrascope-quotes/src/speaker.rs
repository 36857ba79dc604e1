//! Resolving the words naming a speaker to an entity, pronouns to the person last
//! speaking, and finding the channel that relayed the words.

use narrascope_core::{Document, EntityType, MentionKind, Span, Speaker};

use crate::token::{TokKind, Token};

const PERSONAL: &[&str] = &[
    "he", "she", "him", "her", "his", "i", "we", "they", "them", "it", "who", "you",
];

/// Whether the words are just a pronoun (possibly with punctuation around).
pub fn is_pronoun(words: &str) -> bool {
    let w = words
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PERSONAL.contains(&w.as_str())
}

/// Resolves mentions to speakers across one document, remembering who spoke last.
pub struct Resolver<'d> {
    doc: &'d Document,
    last: Option<Speaker>,
}

impl<'d> Resolver<'d> {
    /// A resolver for `doc`.
    pub fn new(doc: &'d Document) -> Self {
        Resolver { doc, last: None }
    }

    fn text(&self, s: Span) -> &'d str {
        self.doc.text.get(s.start..s.end).unwrap_or("")
    }

    /// The entity mention best covering `s`: entity-resolved first, people before
    /// organisations and places ("lead author Mattia Menchetti of the Institute of
    /// Evolutionary Biology", "Lovins, the co-founder of the Rocky Mountain Institute":
    /// the person speaks, the institution only describes them), names before
    /// descriptions before pronouns, then the largest overlap.
    ///
    /// A nationality or party word that only modifies the head ("the Republican
    /// Senator", "Israeli officials") is not the speaker, and a person named in
    /// apposition after a place phrase ("the Republican Senator from Ohio, Mark
    /// Delaney,") is, though the place phrase cuts the head before the name.
    fn mention(&self, full: Span) -> Option<&'d narrascope_core::Mention> {
        let s = self.head(full);
        let best = self
            .doc
            .mentions
            .iter()
            .filter(|m| m.span.overlaps(s))
            .filter(|m| !self.modifier(m, s))
            .max_by_key(|m| {
                let ov = m.span.end.min(s.end) - m.span.start.max(s.start);
                let kind = match m.kind {
                    MentionKind::Name => 2,
                    MentionKind::Nominal => 1,
                    MentionKind::Pronoun => 0,
                };
                (m.entity.is_some(), m.etype == EntityType::Person, kind, ov)
            });
        if best.is_some_and(|m| m.etype == EntityType::Person) {
            return best;
        }
        self.apposed_person(full).or(best)
    }

    /// Whether `m` is a nationality, group or other non-actor name that only
    /// modifies a word after it inside `head` ("Republican" in "the Republican
    /// Senator").
    ///
    /// Any name modifies a lowercase plural or a spokesperson after it, or lowercase
    /// words ending in one: "Telegram channels", "Ukrainian sources", "NASA
    /// spokesperson", "UK intelligence experts" speak, not Telegram, NASA or the UK.
    fn modifier(&self, m: &narrascope_core::Mention, head: Span) -> bool {
        if m.span.end >= head.end {
            return false;
        }
        let after = self
            .text(Span::new(m.span.end, head.end))
            .trim_start_matches([' ', '-']);
        if matches!(m.etype, EntityType::Misc | EntityType::Group) {
            return after.starts_with(char::is_alphabetic);
        }
        let plural_head = |w: &str| {
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_PLURAL.contains(&w)
                || w.starts_with("spokes")
        };
        let lower =
            |w: &str| w.starts_with(char::is_lowercase) && w.chars().all(char::is_alphabetic);
        let words: Vec<&str> = after.split_whitespace().collect();
        let next = words.first().copied().unwrap_or("");
        // (Or a compound ending in one: "UK intelligence experts", "Israeli security
        // sources".)
        lower(next) && plural_head(next)
            || (words.len() <= 3
                && words.iter().all(|w| lower(w))
                && words.last().is_some_and(|w| plural_head(w)))
    }

    /// A person named in apposition inside the words: right after a comma, and
    /// followed by a comma or the end of the words ("…, Mark Delaney,").
    fn apposed_person(&self, s: Span) -> Option<&'d narrascope_core::Mention> {
        self.doc.mentions.iter().find(|m| {
            m.etype == EntityType::Person
                && m.kind == MentionKind::Name
                && m.entity.is_some()
                && s.start < m.span.start
                && m.span.end <= s.end
                && self
                    .text(Span::new(s.start, m.span.start))
                    .trim_end()
                    .ends_with(',')
                && {
                    let after = self.text(Span::new(m.span.end, s.end)).trim_start();
                    after.is_empty() || after.starts_with(',')
                }
        })
    }

    /// The head of the words naming a speaker: what comes before a place phrase
    /// ("Western diplomats in Vilnius" → "Western diplomats"), so a place named
    /// after the speaker is not taken for the speaker.
    ///
    /// After a possessive the head is what is possessed: "Ukraine's infrastructure
    /// ministry" is a ministry, "the Kremlin's spokesman Dmitry Peskov" is Peskov.
    fn head(&self, s: Span) -> Span {
        let words = self.text(s);
        let cut = [" in ", " at ", " from ", " based in "]
            .iter()
            .filter_map(|p| words.find(p))
            .min();
        let s = match cut {
            Some(k) if k > 0 => Span::new(s.start, s.start + k),
            _ => s,
        };
        let words = self.text(s);
        // Only a possessive before any apposition: in "Stephanie Lepczynski, who is
        // Trachte’s policy adviser" the head is still the name.
        let before_comma = &words[..words.find(',').unwrap_or(words.len())];
        let after = ["’s ", "'s ", "s’ ", "s' "]
            .iter()
            .filter_map(|p| before_comma.rfind(p).map(|k| k + p.len()))
            .max();
        match after {
            Some(k) if k < words.len() && words[k..].chars().any(char::is_alphabetic) => {
                Span::new(s.start + k, s.end)
            }
            _ => s,
        }
    }

    /// Whether the words naming a speaker hold a possessive before their head (the
    /// head only ever starts later than the words because of one).
    fn possessive(&self, s: Span) -> bool {
        self.head(s).start > s.start
    }

    /// The last person named before `at`.
    fn last_person(&self, at: usize) -> Option<Speaker> {
        let m = self
            .doc
            .mentions
            .iter()
            .filter(|m| m.span.end <= at && m.etype == EntityType::Person)
            .filter(|m| m.kind != MentionKind::Pronoun)
            .filter_map(|m| m.entity.map(|e| (m, e)))
            .next_back()?;
        let e = self.doc.entities.get(m.1)?;
        Some(Speaker {
            mention: None,
            name: e.name.clone(),
            entity: Some(m.1),
        })
    }

    /// Whether entity `e` was last named (by name or description) before `s` inside
    /// one of `content`.
    fn named_in(&self, e: usize, s: Span, content: &[Span]) -> bool {
        self.doc
            .mentions
            .iter()
            .rfind(|m| {
                m.entity == Some(e) && m.kind != MentionKind::Pronoun && m.span.end <= s.start
            })
            .is_some_and(|m| content.iter().any(|c| c.contains(m.span)))
    }

    fn is_person(&self, e: usize) -> bool {
        self.doc
            .entities
            .get(e)
            .is_some_and(|x| x.etype == EntityType::Person)
    }

    /// "The gallery said" after "the National Gallery": a definite description whose
    /// one head noun ends the name of an organisation named earlier is that
    /// organisation (the latest one).
    fn described_org(&self, words: &str, at: usize) -> Option<(String, Option<usize>)> {
        let w = words.trim();
        let head = w.strip_prefix("the ").or_else(|| w.strip_prefix("The "))?;
        // A lowercase common noun only: "The MEP" is a person, "the post" a
        // Facebook post as often as the Washington Post.
        if head.is_empty() || !head.chars().all(char::is_lowercase) || MEDIA_NOUNS.contains(&head) {
            return None;
        }
        let (_, e) = self
            .doc
            .mentions
            .iter()
            .filter(|m| m.span.end <= at && m.kind == MentionKind::Name)
            .filter(|m| m.etype == EntityType::Org)
            .filter_map(|m| m.entity.map(|e| (m, e)))
            .rfind(|(m, _)| {
                self.text(m.span)
                    .split_whitespace()
                    .last()
                    .is_some_and(|l| l.to_lowercase() == head)
            })?;
        let ent = self.doc.entities.get(e)?;
        Some((ent.name.clone(), Some(e)))
    }

    /// The person a definite description of a person refers to ("the U.N. chief",
    /// "the 67-year-old"): the last speaker, else the last person named, within the
    /// last [`DESCRIPTION_REACH`] bytes and known by a full name or a title.
    fn described_person(&self, words: &str, at: usize) -> Option<usize> {
        let w = words.trim();
        let rest = w.strip_prefix("the ").or_else(|| w.strip_prefix("The "))?;
        let head = rest
            .split_whitespace()
            .last()?
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        let generic = GENERIC_HEADS.contains(&head.as_str()) || head.ends_with("-year-old");
        if !(generic || PERSON_HEADS.contains(&head.as_str())) {
            return None;
        }
        let from = at.saturating_sub(DESCRIPTION_REACH);
        // A person known by a full name or a title: a lone word the tagger called a
        // person ("God") is no antecedent for "the Florida governor".
        // A titled person fits an office only if a title names it: "the regional
        // governor" is not General Sokolov; "chief", "leader" fit anyone.
        let known = |e: usize| {
            self.doc.entities.get(e).is_some_and(|x| {
                x.etype == EntityType::Person
                    && (x.name.split_whitespace().count() > 1 || !x.titles.is_empty())
                    && (generic
                        || x.titles.is_empty()
                        || x.titles
                            .iter()
                            .any(|t| t.to_lowercase().contains(head.as_str())))
            })
        };
        let named_since = |e: usize| {
            self.doc
                .mentions
                .iter()
                .any(|m| m.entity == Some(e) && m.span.start >= from && m.span.end <= at)
        };
        // The person speaking goes on being described ("“…,” the billionaire added")
        // more often than the last person named.
        if let Some(e) = self.last.as_ref().and_then(|p| p.entity) {
            if known(e) && named_since(e) {
                return Some(e);
            }
        }
        self.doc
            .mentions
            .iter()
            .filter(|m| m.span.start >= from && m.span.end <= at)
            .filter(|m| m.etype == EntityType::Person && m.kind == MentionKind::Name)
            .filter_map(|m| m.entity)
            .rfind(|&e| known(e))
    }

    /// The words that named the last speaker resolved, if any.
    pub fn last_mention(&self) -> Option<Span> {
        self.last.as_ref().and_then(|s| s.mention)
    }

    /// The speaker named by `mention`, or the last speaker when it is `None`.
    ///
    /// `content` is the attributed content: a pronoun that the entity stage linked to a
    /// person last named inside that very content ("“… Zelensky …,” he added") keeps
    /// the person speaking before instead.
    pub fn resolve(
        &mut self,
        mention: Option<Span>,
        at: usize,
        content: &[Span],
    ) -> Option<Speaker> {
        let Some(s) = mention else {
            return self.last.clone();
        };
        let words = self.text(s).trim();
        let m = self.mention(s);
        let pronoun = is_pronoun(words) || m.is_some_and(|m| m.kind == MentionKind::Pronoun);
        // "the U.N. chief declared", "the veteran Portuguese socialist asserted": a
        // description of a person stands for a person named shortly before, not for
        // the organisation or country that modifies it.
        let linked = match m {
            Some(m) if m.etype == EntityType::Person => m.entity,
            _ => self
                .described_person(words, at)
                .or(m.and_then(|m| m.entity)),
        };
        let resolved = match linked {
            Some(e) => {
                // The pronoun's antecedent was found inside the very quote it
                // introduces: the speaker before goes on speaking.
                let carried = pronoun && self.named_in(e, s, content);
                match &self.last {
                    Some(p) if carried && p.entity.is_some_and(|x| x != e && self.is_person(x)) => {
                        Some((p.name.clone(), p.entity))
                    }
                    _ => self
                        .doc
                        .entities
                        .get(e)
                        .map(|ent| (ent.name.clone(), Some(e))),
                }
            }
            None if pronoun => {
                let prev = self.last.clone().or_else(|| self.last_person(at));
                prev.map(|p| (p.name, p.entity))
            }
            None => self.described_org(words, at),
        };
        let (name, entity) = resolved.unwrap_or_else(|| {
            // "Ukraine's infrastructure ministry": the whole phrase names it.
            let name = if self.possessive(s) {
                let w = words.trim_matches(|c: char| !c.is_alphanumeric());
                w.strip_prefix("the ")
                    .or_else(|| w.strip_prefix("The "))
                    .unwrap_or(w)
                    .to_string()
            } else {
                clean_name(self.text(self.head(s)).trim())
            };
            (name, None)
        });
        let sp = Speaker {
            mention: Some(s),
            name,
            entity,
        };
        self.last = Some(sp.clone());
        Some(sp)
    }
}

/// How far back (bytes) a description of a person looks for the person it describes.
const DESCRIPTION_REACH: usize = 1500;

/// Offices whose holder news prose describes after naming them ("the governor", "the
/// ambassador"); with [`GENERIC_HEADS`] the heads of descriptions of a person. Not
/// "official", "spokesman", "source", "expert": those usually bring in somebody new
/// and unnamed.
const PERSON_HEADS: &[&str] = &[
    "president",
    "minister",
    "secretary-general",
    "premier",
    "chancellor",
    "lawmaker",
    "senator",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "ceo",
    "founder",
    "economist",
    "professor",
    "author",
    "journalist",
    "host",
    "presenter",
    "singer",
    "actor",
    "actress",
    "coach",
    "pontiff",
    "pope",
    "monarch",
    "king",
    "queen",
    "prince",
    "princess",
    "tsar",
    "czar",
    "diplomat",
    "candidate",
    "nominee",
    "incumbent",
];

/// Heads of descriptions that fit anyone prominent, whatever their title ("the U.N.
/// chief", "the Portuguese socialist").
const GENERIC_HEADS: &[&str] = &[
    "chief",
    "leader",
    "head",
    "veteran",
    "former",
    "politician",
    "statesman",
    "billionaire",
    "tycoon",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "activist",
    "socialist",
    "conservative",
    "liberal",
    "democrat",
    "republican",
    "star",
    "strongman",
    "dictator",
    "autocrat",
];

/// Nouns that name a post, page or paper as often as a newspaper of that name.
const MEDIA_NOUNS: &[&str] = &[
    "post",
    "times",
    "sun",
    "mail",
    "star",
    "mirror",
    "independent",
    "guardian",
    "telegraph",
    "express",
    "record",
    "journal",
    "herald",
    "tribune",
    "globe",
    "examiner",
    "hill",
    "nation",
    "paper",
    "page",
    "site",
    "video",
    "report",
    "statement",
];

/// Lowercase words ending in -s that are not plural nouns ("Michael Bloomberg this
/// week announced").
const NOT_PLURAL: &[&str] = &[
    "this",
    "thus",
    "was",
    "has",
    "his",
    "its",
    "does",
    "always",
    "perhaps",
    "sometimes",
    "besides",
    "whereas",
    "unless",
    "across",
    "towards",
    "afterwards",
    "says",
    "claims",
    "argues",
    "warns",
    "adds",
    "notes",
    "insists",
    "tells",
    "writes",
    "believes",
    "thinks",
];

/// The name in the words naming a speaker, when no entity is known: the part
/// before an apposition ("Anna Berg, the port director"), narrowed to its longest
/// run of capitalised words, the last of equally long ones ("union leader Ola Nyberg"
/// → "Ola Nyberg", "the American magazine Forbes" → "Forbes"), without a possessive.
/// A run that only modifies the lowercase words after it is no name: the phrase
/// stays whole ("the Russian defence ministry" → "Russian defence ministry", not
/// "Russian").
fn clean_name(words: &str) -> String {
    let w = words.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let head = w.split([',', '(', '—', '–']).next().unwrap_or(w).trim();
    let head = head
        .strip_suffix("’s")
        .or_else(|| head.strip_suffix("'s"))
        .unwrap_or(head);
    let toks: Vec<&str> = head.split_whitespace().collect();
    let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let (mut best, mut cur) = ((0, 0), (0, 0));
    for (i, t) in toks.iter().enumerate() {
        if cap(t) {
            if cur.1 != i || cur.0 == cur.1 {
                cur = (i, i);
            }
            cur.1 = i + 1;
            if cur.1 - cur.0 >= best.1 - best.0 {
                best = cur;
            }
        }
    }
    let pick = if best.1 > best.0 && !cap(toks.first().copied().unwrap_or("")) {
        let next = toks.get(best.1).map(|t| t.to_lowercase());
        let adverb = next
            .as_deref()
            .is_some_and(|n| n.ends_with("ly") || ADVERBS.contains(&n));
        if best.1 < toks.len() && !adverb {
            // The run modifies what follows it: the phrase, without its article.
            let skip = usize::from(matches!(
                toks[0].to_lowercase().as_str(),
                "the" | "a" | "an"
            ));
            &toks[skip..]
        } else {
            &toks[best.0..best.1]
        }
    } else {
        &toks[..]
    };
    // Trailing adverbs the source words caught ("The hawks clearly").
    let mut pick = pick;
    while pick.len() > 1 && pick[pick.len() - 1].ends_with("ly") && !cap(pick[pick.len() - 1]) {
        pick = &pick[..pick.len() - 1];
    }
    let name = pick.join(" ");
    if name.is_empty() {
        w.to_string()
    } else {
        name
    }
}

/// Words that can follow a name inside the source words without the name being
/// their modifier ("the WEF further demands": "WEF" is the name).
const ADVERBS: &[&str] = &[
    "further",
    "also",
    "again",
    "still",
    "now",
    "then",
    "too",
    "even",
    "already",
    "later",
    "once",
    "first",
    "last",
    "recently",
    "previously",
    "himself",
    "herself",
    "itself",
];

/// "TASS cited him as saying" / "Reuters quoted Smith as saying": the channel's
/// token range and the speaker's token range, searched in `tokens[from..to]`.
pub fn channel(tokens: &[Token], from: usize, to: usize) -> Option<(Span, Span)> {
    let to = to.min(tokens.len());
    for c in from..to {
        if !matches!(tokens[c].lower.as_str(), "cited" | "quoted") {
            continue;
        }
        // speaker: tokens between the verb and "as saying/telling/writing"
        let mut a = c + 1;
        let mut as_at = None;
        while a < to && a <= c + 7 {
            if tokens[a].lower == "as"
                && tokens
                    .get(a + 1)
                    .is_some_and(|t| t.lower.ends_with("ing") && t.kind == TokKind::Word)
            {
                as_at = Some(a);
                break;
            }
            a += 1;
        }
        let as_at = as_at?;
        if as_at == c + 1 || c == from {
            return None;
        }
        // channel: the capitalised words right before the verb
        let mut s = c;
        while s > from && tokens[s - 1].kind == TokKind::Word && tokens[s - 1].upper_initial {
            s -= 1;
        }
        if s == c {
            return None;
        }
        let chan = Span::new(tokens[s].span.start, tokens[c - 1].span.end);
        let spk = Span::new(tokens[c + 1].span.start, tokens[as_at - 1].span.end);
        return Some((chan, spk));
    }
    None
}
