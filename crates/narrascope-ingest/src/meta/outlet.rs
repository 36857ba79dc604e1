//! Which outlet published an article.
//!
//! The text rarely says it outright, but scraped articles often keep a signature:
//! a source line ("Source: Al Jazeera and news agencies"), a republication note
//! ("This article originally appeared on …", "The post … appeared first on …"), a
//! copyright line, a wire dateline ("MOSCOW (AP) —", "BEIJING, Sept. 27 (Xinhua) --",
//! "/TASS/"), or a site notice that names the site ("Subscribe to Pravda.Ru Telegram
//! channel", "Most read in The Sun", "… did not respond to Newsweek's request for
//! comment"). Only such signatures count: an article that merely mentions or quotes
//! Reuters was not published by Reuters, so plain mentions are never used, and wire
//! datelines count only at the start of the body.
//!
//! Every rule has a confidence; the most confident match wins and ties go to the one
//! nearer the start. When nothing matches, `None` is returned rather than a guess.

use std::sync::OnceLock;

use narrascope_core::{lines, MetaSource, MetaValue, NoiseSegment, Span};

use crate::ruleset::RuleSet;

use super::gazetteer::{canonical_outlet, known_outlet, outlet_for_host};

/// A signature found in the text.
#[derive(Debug)]
struct Candidate {
    name: String,
    evidence: Span,
    confidence: f32,
}

/// The outlet named by the text (signatures, source lines, site notices), else the
/// one implied by `url`.
///
/// A `url` whose host is a known outlet wins over the text: the page address says
/// who published this copy, while a text signature may name the outlet a story was
/// first published by. An unknown host is used only when the text names nothing.
pub fn detect_outlet(
    text: &str,
    title: Option<Span>,
    noise: &[NoiseSegment],
    url: Option<&str>,
) -> Option<MetaValue> {
    let from_url = url.and_then(outlet_from_url);
    if let Some(v) = &from_url {
        if known_outlet(&v.value).is_some() {
            return from_url;
        }
    }
    let mut cands = text_candidates(text, title);
    // A signature inside a segment the cleaner removed as a source line, credit or
    // promo is where outlets sign; the same words in the body are weaker evidence.
    for c in &mut cands {
        if noise.iter().any(|n| n.span.contains(c.evidence)) {
            c.confidence = (c.confidence + 0.05).min(1.0);
        }
    }
    let best = cands
        .into_iter()
        .fold(None::<Candidate>, |best, c| match best {
            Some(b) if b.confidence >= c.confidence => Some(b),
            _ => Some(c),
        });
    match best {
        Some(c) => Some(MetaValue {
            value: c.name,
            source: MetaSource::Text,
            evidence: Some(c.evidence),
            confidence: Some(c.confidence),
        }),
        None => from_url,
    }
}

/// The outlet implied by a page address: the canonical name when the host (or a
/// parent domain) belongs to a known outlet, else the host without `www.`.
pub fn outlet_from_url(url: &str) -> Option<MetaValue> {
    let host = url_host(url)?;
    let value = outlet_for_host(&host).map_or(host, str::to_string);
    Some(MetaValue {
        value,
        source: MetaSource::Url,
        evidence: None,
        confidence: None,
    })
}

/// The lower-cased host of `url` without `www.`, `m.` or `amp.`, or `None` when it
/// has no dot.
fn url_host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let mut host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    for prefix in ["www.", "m.", "amp.", "mobile."] {
        if let Some(h) = host.strip_prefix(prefix) {
            host = h.to_string();
        }
    }
    let host = host.trim_end_matches('.');
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    Some(host.to_string())
}

/// One signature pattern, run on single lines. Group `n` holds the outlet name.
struct Rule {
    pattern: String,
    confidence: f32,
    /// Counts only when the name is a known outlet, because the same words introduce
    /// sections or topics elsewhere ("Most read in Football", "Read More on Putin").
    known_only: bool,
    /// The outlet the pattern implies, when the captured text is not its name
    /// ("READ MORE SUN STORIES", Brighteon footers of the Natural News network).
    fixed: Option<&'static str>,
}

/// The signature patterns.
struct Rules {
    line_rules: Vec<Rule>,
    /// `line_rules`' patterns, tested together (compiling them one by one up front
    /// was 8% of `analyze`'s start-up: the name pattern repeats a class 58 times).
    line_set: RuleSet,
    // One-pattern sets, so that they too are compiled only when a line may match.
    dateline: RuleSet,
    copyright: RuleSet,
    lone_name: RuleSet,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let r = |p: &str| RuleSet::new(vec![p.to_string()], false).expect("valid outlet regex");
        let p = |p: &str| p.to_string();
        // A name: up to ~60 characters without sentence punctuation.
        const N: &str = r"(?P<n>[^\s.,;:!?|(][^,;:!?|()\n]{0,58}?)";
        let line_rules = vec![
            // "Source: Al Jazeera and news agencies", "SOURCE: Slay News".
            Rule { pattern: p(&format!(r"(?i)^\s*(?:source|sources|fonte|источник|източник)\s*:\s*{N}(?:\s+(?:and|with|&)\s+(?:news\s+)?agencies)?\s*\.?\s*$")), confidence: 0.9, known_only: false, fixed: None },
            // "This article originally appeared on X", "… was first published by X".
            Rule { pattern: p(&format!(r"(?i)^\s*(?:this|the)\s+(?:article|story|piece|post)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?(?:appeared|published|posted)\s+(?:first\s+|originally\s+)?(?:on|in|at|by)\s+{N}\s*(?:\.|,|$|\s+(?:and|on|under)\s)")), confidence: 0.9, known_only: false, fixed: None },
            // "Originally published by X", "First published on X".
            Rule { pattern: p(&format!(r"(?i)^\s*(?:originally|first)\s+(?:appeared|published|posted)\s+(?:on|in|at|by)\s+{N}\s*(?:\.|,|$|\s+(?:and|on)\s)")), confidence: 0.85, known_only: false, fixed: None },
            // "The post <title> appeared first on X."
            Rule { pattern: p(&format!(r"(?i)^\s*the\s+post\s+.+\s+appeared\s+first\s+on\s+{N}\s*\.?\s*$")), confidence: 0.95, known_only: false, fixed: None },
            // "Read more by Euractiv", "Read more at WSJ", "Read More @ TheLibertyDaily.com".
            Rule { pattern: p(&format!(r"(?i)^\s*(?:\(excerpt\)\s*)?read\s+(?:more|the\s+full\s+(?:article|story))\s+(?:by|at|@|from)\s+{N}\s*(?:\.{{1,3}}|…)?\s*$")), confidence: 0.7, known_only: false, fixed: None },
            // "Read More on The Sun" (The Sun's own footer; a topic follows "on" elsewhere,
            // so only known outlets count, checked below).
            Rule { pattern: p(&format!(r"(?i)^\s*read\s+more\s+on\s+{N}\s*$")), confidence: 0.6, known_only: true, fixed: None },
            // "Most read in The Sun" (a section name follows elsewhere; known outlets only).
            Rule { pattern: p(&format!(r"(?i)^\s*most\s+read\s+in\s+{N}\s*$")), confidence: 0.6, known_only: true, fixed: None },
            // "Subscribe to Pravda.Ru Telegram channel", "Join the Belfast Telegraph
            // WhatsApp channel", "… on OBOZ.UA Telegram channel", "Follow RT on Telegram".
            Rule { pattern: p(&format!(r"(?i)(?:subscribe\s+to|join|follow|available\s+on|news\s+on)\s+(?:the\s+|our\s+)?{N}(?:'s|’s)?\s+(?:telegram|whatsapp|viber)\s+channel")), confidence: 0.85, known_only: false, fixed: None },
            Rule { pattern: p(&format!(r"(?i)^\s*follow\s+{N}\s+on\s+(?:telegram|whatsapp|x|twitter|facebook)\b")), confidence: 0.6, known_only: true, fixed: None },
            // "To receive Global Research's Daily Newsletter", "share widely Global Research articles".
            Rule { pattern: p(&format!(r"(?i)to\s+receive\s+{N}(?:'s|’s)\s+(?:daily\s+)?newsletter")), confidence: 0.85, known_only: false, fixed: None },
            Rule { pattern: p(&format!(r"(?i)repost\s+and\s+share\s+widely\s+{N}\s+articles")), confidence: 0.85, known_only: false, fixed: None },
            // "All content created by the Daily Caller News Foundation".
            Rule { pattern: p(&format!(r"(?i)^\s*all\s+content\s+created\s+by\s+(?:the\s+)?{N},")), confidence: 0.85, known_only: false, fixed: None },
            // "Do you have a story for The US Sun team?", "READ MORE SUN STORIES".
            Rule { pattern: p(&format!(r"(?i)have\s+a\s+story\s+for\s+{N}\s+team\?")), confidence: 0.8, known_only: false, fixed: None },
            Rule { pattern: p(r"^\s*READ MORE (?P<n>SUN) STORIES\s*$"), confidence: 0.6, known_only: false, fixed: Some("The Sun") },
            // "… did not respond to the Daily Caller News Foundation's request for
            // comment", "Newsweek reached out to … for comment": the outlet speaking
            // of itself in the third person.
            Rule { pattern: p(&format!(r"(?i)(?:respond|responded|reply|replied)\s+(?:immediately\s+)?to\s+(?:the\s+)?{N}(?:'s|’s|'|’)\s+(?:requests?|inquiry|inquiries|questions?)\s+for\s+comment")), confidence: 0.85, known_only: false, fixed: None },
            Rule { pattern: p(r"(?:^|\.\s+)(?P<n>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s+(?:has\s+|have\s+)?(?:reached\s+out\s+to|contacted|approached|asked)\s+.{2,80}?\s+for\s+(?:comment|a\s+comment|clarification)"), confidence: 0.75, known_only: true, fixed: None },
            // "… said in an email to Check Your Fact" (known outlets only: a fact-check
            // desk naming itself).
            Rule { pattern: p(&format!(r"(?i)in\s+an\s+email\s+to\s+{N}\s*(?:\.|,|$)")), confidence: 0.75, known_only: true, fixed: None },
            // Newsletter prompts naming the site: "Sign up for the One Green Planet
            // newsletter", "Subscribe to the Jakarta Post's daily updates".
            Rule { pattern: p(&format!(r"(?i)(?:sign\s+up\s+(?:for|to)|subscribe\s+to)\s+(?:the\s+)?{N}(?:'s|’s)?\s+(?:free\s+)?(?:daily\s+|weekly\s+)?(?:newsletters?|updates|e-?mails|alerts)")), confidence: 0.75, known_only: false, fixed: None },
            // Feedback addresses: "Send feedback to columns@gleanerjm.com".
            Rule { pattern: p(r"(?i)(?:feedback|letters?|comments?|tips?|views)\s+(?:to|at)\s+[\w.+-]+@(?P<n>[a-z0-9.-]+\.[a-z]{2,})"), confidence: 0.7, known_only: true, fixed: None },
            // The Epoch Times' own interviews and photo credits.
            Rule { pattern: p(r"\b(?:told|to)\s+(?P<n>The\s+Epoch\s+Times)\b"), confidence: 0.65, known_only: false, fixed: None },
            Rule { pattern: p(r"(?:^\s*|/)(?P<n>The\s+Epoch\s+Times)(?:\s+Photo\s*$|\))"), confidence: 0.7, known_only: false, fixed: None },
            // Natural News network sites: "Learn more at Climate.news.", "Visit
            // Climate.news.", "Tune your food news frequency to FoodSupply.news".
            Rule { pattern: p(r"(?i)(?:learn\s+more|can\s+be\s+found|visit|tune\s+.{1,40}\s+to|read\s+more|follow\s+.{1,60})\s+(?:at\s+)?[A-Z][A-Za-z]+\.(?P<n>news)\b"), confidence: 0.7, known_only: false, fixed: Some("Natural News") },
            // Asia News Network syndication: "The Jakarta Post/Asia News Network".
            Rule { pattern: p(&format!(r"(?:^|\()\s*{N}\s*/\s*(?:Asia\s+News\s+Network|ANN)\b")), confidence: 0.8, known_only: false, fixed: None },
            // SGT Report reposts: "by Ethan Huff, Natural News:"; "from Liberty Sentinel:".
            Rule { pattern: p(&format!(r"^\s*(?:by|By)\s+[^,\n]{{2,60}},\s+{N}\s*:\s*$")), confidence: 0.7, known_only: false, fixed: None },
            Rule { pattern: p(&format!(r"^\s*from\s+{N}\s*:\s")), confidence: 0.65, known_only: false, fixed: None },
            // ZeroHedge reposts: "Authored by Andrew Korybko via Substack,".
            Rule { pattern: p(&format!(r"^\s*Authored\s+by\s+.{{2,80}}?\s+via\s+{N}\s*[,:]?\s*$")), confidence: 0.7, known_only: false, fixed: None },
            // "TRUTH LIVES on at https://sgtreport.tv/".
            Rule { pattern: p(r"(?i)^\s*truth\s+lives\s+on\s+at\s+(?P<n>\S+)\s*$"), confidence: 0.75, known_only: false, fixed: None },
            // Natural News network footers.
            Rule { pattern: p(r"(?i)^\s*this\s+video\s+is\s+from\s+the\s+.{1,60}\s+channel\s+on\s+(?P<n>Brighteon)\.com\.?\s*$"), confidence: 0.6, known_only: false, fixed: Some("Natural News") },
            Rule { pattern: p(r"(?i)(?P<n>Brighteon)\.(?:io|com|social)\s+free\s+speech\s+platform"), confidence: 0.6, known_only: false, fixed: Some("Natural News") },
            // "by Xinhua writer Shi Hao".
            Rule { pattern: p(r"^\s*(?:by|By)\s+(?P<n>Xinhua)\s+writers?\s"), confidence: 0.85, known_only: false, fixed: None },
            // "Xinhua/Sputnik/TASS contributed to this report", "— TASS".
            Rule { pattern: p(&format!(r"(?i)^\s*{N}\s+contributed\s+to\s+this\s+(?:report|story|article)")), confidence: 0.75, known_only: false, fixed: None },
            Rule { pattern: p(r"^\s*[—–-]\s*(?P<n>TASS|RIA Novosti|Sputnik|Interfax|Xinhua|Reuters|AFP|AP)\s*\.?\s*$"), confidence: 0.8, known_only: false, fixed: None },
            // "BATTLEFORWORLD.COM | November 25, 2023:".
            Rule { pattern: p(r"(?i)^\s*(?P<n>[a-z0-9-]+\.(?:com|org|net|news|info|ru|co\.uk))\s*\|"), confidence: 0.7, known_only: false, fixed: None },
            // Interview questions: "Euronews: How do you feel …?" (known outlets only).
            Rule { pattern: p(&format!(r"^\s*{N}\s*:\s+[A-Z].{{5,300}}\?\s*$")), confidence: 0.55, known_only: true, fixed: None },
            // Portuguese and Russian self-references: "O Observador aguarda resposta",
            // "сообщает корреспондент ТАСС".
            Rule { pattern: p(r"^\s*(?:O|A)\s+(?P<n>[A-ZÀ-Ý][\w.À-ÿ-]+(?:\s+[A-ZÀ-Ý][\w.À-ÿ-]+){0,2})\s+(?:aguarda|contactou|tentou\s+contactar|questionou)\b"), confidence: 0.75, known_only: false, fixed: None },
            Rule { pattern: p(r"(?i)(?:передает|сообщает)\s+(?:корреспондент\s+)?(?P<n>ТАСС|РИА Новости|Интерфакс)"), confidence: 0.6, known_only: false, fixed: None },
        ]
        ;
        let patterns = line_rules.iter().map(|r| r.pattern.clone()).collect();
        Rules {
            line_set: RuleSet::new(patterns, false).expect("valid outlet regex"),
            line_rules,
            // "(Reuters) -", "MOSCOW (AP) —", "BEIJING, Sept. 27 (Xinhua) --",
            // "Washington (AFP) –", "NEW DELHI, Aug. 7, 2023 /PRNewswire/ —",
            // "MOSCOW, March 3. /TASS/.", "СИМФЕРОПОЛЬ, 9 июл – РИА Новости Крым."
            dateline: r(concat!(
                r"^(?:[\p{Lu}][\p{L}.'’ -]{1,40}(?:\s*\([^)]{2,30}\))?(?:,\s*[^()\n]{3,25}?)?\s*)?",
                r"(?:\((?P<a>Reuters|AP|AFP|Xinhua|UPI|IANS|PTI|ANI|Bloomberg|dpa|DPA|Anadolu|AA|Sputnik|TASS|CNN|BBC|Lusa|EFE)\)\s*[-–—]{1,2}",
                r"|/\s*(?P<b>TASS|PRNewswire|PR Newswire|Xinhua)\s*/",
                r"|[–—-]\s*(?P<c>РИА Новости(?: Крым)?|ТАСС|Интерфакс|Interfax-Russia\.ru|Sputnik)[.,]?\s)"
            )),
            copyright: r(r"^\s*(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(?P<n>[^\n|/]{2,60}?)\s*(?:\.?\s*All\s+rights\s+reserved\.?)?\s*\.?\s*$"),
            lone_name: r(r"^\s*(?P<n>[\p{L}0-9][\p{L}0-9.&'’ -]{2,50})\s*$"),
        }
    })
}

/// Words that follow the same signature patterns but are platforms or places, not
/// outlets ("Authored by … via Substack", "Read more at our website").
const NOT_OUTLETS: &[&str] = &[
    "substack",
    "twitter",
    "x",
    "facebook",
    "telegram",
    "youtube",
    "instagram",
    "tiktok",
    "rumble",
    "gab",
    "gettr",
    "truth social",
    "whatsapp",
    "viber",
    "vk",
    "email",
    "e-mail",
    "our website",
    "our site",
    "the website",
    "this website",
    "website",
    "agencies",
    "news agencies",
    "wires",
    "wire services",
    "agency",
    "link",
    "here",
    "this link",
    "source",
    "sources",
    "the author",
    "author",
    "wikipedia",
    "medium",
];

/// First words that show a capture is a date or a phrase, not a name.
const NOT_NAME_STARTS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "our",
    "this",
    "these",
    "his",
    "her",
    "their",
    "its",
    "my",
    "a",
    "an",
];

/// Cleans a captured name; `None` when it cannot be an outlet name.
fn clean_name(raw: &str) -> Option<String> {
    let mut s = raw.trim().trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '*' | '_' | '.' | '…'
            )
    });
    if s.contains("://") || s.starts_with("www.") {
        return url_host(s).map(|h| outlet_for_host(&h).map_or(h, str::to_string));
    }
    for suffix in [" L.P", " LP", " Ltd", " Limited", " Inc", " LLC"] {
        if known_outlet(s).is_none() {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end_matches([',', ' ']);
            }
        }
    }
    if s.chars().count() < 2 || s.chars().count() > 60 || s.split_whitespace().count() > 8 {
        return None;
    }
    let lower = s.to_lowercase();
    if NOT_OUTLETS.contains(&lower.as_str()) || !s.chars().any(char::is_alphabetic) {
        return None;
    }
    // "published on Saturday August 12": a date, not a name; "Source: Telegram
    // channel …": a social-media account, not an outlet.
    let first_word = lower.split_whitespace().next().unwrap_or("");
    if NOT_NAME_STARTS.contains(&first_word)
        || ["telegram", "канал", "channel", "twitter", "facebook"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return None;
    }
    // Names start with a capital or a digit ("21st Century Wire"); a lower-case
    // start is a sentence, unless it is a web address ("thehill.com").
    let first = s.chars().next()?;
    let domain_like = !s.contains(' ') && s.contains('.');
    if first.is_lowercase() && !domain_like {
        return None;
    }
    Some(canonical_outlet(s))
}

/// Signatures in the text, excluding the title.
fn text_candidates(text: &str, title: Option<Span>) -> Vec<Candidate> {
    let rules = rules();
    let all = Span::new(0, text.len());
    let body_lines: Vec<Span> = lines(text, all)
        .into_iter()
        .filter(|l| title.is_none_or(|t| !t.overlaps(*l)) && !l.slice(text).trim().is_empty())
        .collect();
    let n = body_lines.len();
    let mut out = Vec::new();
    for (i, line) in body_lines.iter().enumerate() {
        let s = line.slice(text);
        if s.len() > 2000 {
            // Signatures are short; long lines are body paragraphs.
            continue;
        }
        for i in rules.line_set.candidates(s) {
            let rule = &rules.line_rules[i];
            let Some(caps) = rules.line_set.exact(i).and_then(|re| re.captures(s)) else {
                continue;
            };
            let Some(m) = caps.name("n") else { continue };
            let Some(name) = clean_name(rule.fixed.unwrap_or(m.as_str())) else {
                continue;
            };
            if rule.known_only && known_outlet(&name).is_none() {
                continue;
            }
            let whole = caps.get(0).map_or(m.range(), |w| w.range());
            out.push(Candidate {
                name,
                evidence: Span::new(line.start + whole.start, line.start + whole.end).trim(text),
                confidence: rule.confidence,
            });
        }
        // Wire datelines count only in the first two body lines: further down they
        // belong to a quoted wire story.
        if i < 2 {
            if let Some(caps) = rules.dateline.first_captures(s) {
                let m = caps.name("a").or(caps.name("b")).or(caps.name("c"));
                if let Some(m) = m {
                    if let Some(name) = clean_name(m.as_str()) {
                        let w = caps.get(0).map_or(m.range(), |w| w.range());
                        out.push(Candidate {
                            name,
                            evidence: Span::new(line.start + w.start, line.start + w.end)
                                .trim(text),
                            confidence: 0.9,
                        });
                    }
                }
            }
        }
        // Copyright lines and lone outlet names sign the end of an article (photo
        // credits with © sit inside captions and are longer lines).
        if i + 6 >= n {
            if let Some(caps) = rules.copyright.first_captures(s) {
                if let Some(name) = caps.name("n").and_then(|m| clean_name(m.as_str())) {
                    out.push(Candidate {
                        name,
                        evidence: line.trim(text),
                        confidence: 0.8,
                    });
                }
            }
            // A match captures the whole trimmed line, which must then be a known
            // outlet: other lines are ruled out without running (or compiling) the
            // pattern.
            let lone = known_outlet(s.trim()).and_then(|_| rules.lone_name.first_captures(s));
            if let Some(caps) = lone {
                let raw = caps.name("n").map_or("", |m| m.as_str()).trim();
                // Several words, so that "Time" or "Trend" as a one-word line does
                // not count.
                if raw.split_whitespace().count() >= 2 {
                    if let Some(name) = known_outlet(raw) {
                        out.push(Candidate {
                            name: name.to_string(),
                            evidence: line.trim(text),
                            confidence: 0.6,
                        });
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact patterns are compiled lazily; none may fail when first needed.
    #[test]
    fn exact_rules_compile() {
        let r = rules();
        for set in [&r.line_set, &r.dateline, &r.copyright, &r.lone_name] {
            set.check_exact().expect("outlet pattern compiles");
        }
    }

    fn outlet(text: &str) -> Option<String> {
        let title = lines(text, Span::new(0, text.len())).into_iter().next();
        detect_outlet(text, title, &[], None).map(|v| v.value)
    }

    #[test]
    fn source_lines_and_signatures() {
        let t = "Title\n\nBody text here.\n\nSource: Al Jazeera and news agencies\n";
        assert_eq!(outlet(t).as_deref(), Some("Al Jazeera"));
        let t = "Title\n\nBody.\n\nThe post Title appeared first on The Gateway Pundit.\n";
        assert_eq!(outlet(t).as_deref(), Some("The Gateway Pundit"));
        let t = "Title\n\nBody.\n\nThis article originally appeared on Euractiv.\n";
        assert_eq!(outlet(t).as_deref(), Some("Euractiv"));
        let t = "Title\n\nBody.\n\n© 2024 Bloomberg L.P.\n";
        assert_eq!(outlet(t).as_deref(), Some("Bloomberg"));
        let t = "Title\n\nBody.\n\nSubscribe to Pravda.Ru Telegram channel, Facebook, RSS!\n";
        assert_eq!(outlet(t).as_deref(), Some("Pravda.ru"));
    }

    #[test]
    fn datelines_only_at_the_start() {
        let t = "Title\n\nMOSCOW (AP) — The Kremlin said on Monday that talks were over.\n";
        assert_eq!(outlet(t).as_deref(), Some("AP"));
        let t = "Title\n\nBEIJING, Sept. 27 (Xinhua) -- Solar output rose.\n";
        assert_eq!(outlet(t).as_deref(), Some("Xinhua"));
        let t = "Title\n\nMOSCOW, March 3. /TASS/. Talks ended.\n";
        assert_eq!(outlet(t).as_deref(), Some("TASS"));
        let t =
            "Title\n\nA blog post.\n\nMore.\n\nStill more.\n\nDec 29 (Reuters) - Quoted wire.\n";
        assert_eq!(outlet(t), None);
    }

    #[test]
    fn mentions_are_not_signatures() {
        let t = "Title\n\nAccording to Reuters, the talks failed. The BBC said so too.\n";
        assert_eq!(outlet(t), None);
        let t = "Title\n\nBody.\n\nMost read in Football\n\nRead More on Vladimir Putin\n";
        assert_eq!(outlet(t), None);
        let t = "Title\n\nBody.\n\nAuthored by A. Writer via Substack,\n";
        assert_eq!(outlet(t), None);
    }

    #[test]
    fn url_hosts() {
        assert_eq!(
            outlet_from_url("https://www.rt.com/news/1-x/")
                .unwrap()
                .value,
            "RT"
        );
        assert_eq!(
            outlet_from_url("http://example.org/a").unwrap().value,
            "example.org"
        );
        assert!(outlet_from_url("not a url").is_none());
        let v = detect_outlet(
            "T\n\nSource: Al Jazeera\n",
            None,
            &[],
            Some("https://tass.com/x"),
        );
        assert_eq!(v.unwrap().value, "TASS");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "\n\n\n",
            "©",
            "Source:",
            "(Reuters) -",
            "ж\r\n©\r\n",
            "The post  appeared first on .",
        ] {
            let _ = outlet(t);
        }
    }
}
