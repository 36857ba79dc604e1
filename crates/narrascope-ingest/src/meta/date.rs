//! Publication dates stated in the text.
//!
//! Articles mention many dates; few of them are the publication date. A date counts
//! only where publication dates are written:
//!
//! * after a label at the start of a line or after a separator ("Published: March 3,
//!   2023", "Updated on 2023-03-03", "Publicado em 3 de março de 2023",
//!   "Опубликовано: 3 марта 2023", "Issued on: 14/05/2022");
//! * in a dateline opening one of the first body lines ("NEW DELHI, Aug. 7, 2023
//!   /PRNewswire/ —");
//! * on a short byline-like line near the start or the end ("July 15, 2023",
//!   "By Jane Doe | March 3, 2023", "BATTLEFORWORLD.COM | November 25, 2023:"), or
//!   opening the title or an early line before capitalised words ("14/05/2022
//!   Ukrainians show …");
//! * next to a time of day near the start or end ("2:38 PM, Jun 14, 2024",
//!   "3 March 2023 12:45 GMT");
//! * inside a short noise segment (byline, source line) that the cleaner removed.
//!
//! Dates inside sentences ("On June 21, 2018, she said …"), embedded-tweet footers
//! ("— Name (@handle) May 1, 2023"), dates without a year, and numeric dates that
//! could be day/month or month/day are ignored. Parsing is by hand: no clock and no
//! locale are involved.

use std::sync::OnceLock;

use regex_automata::nfa::thompson::pikevm::PikeVM;

use narrascope_core::{lines, MetaSource, MetaValue, NoiseKind, NoiseSegment, Span};
use regex::Regex;

/// A calendar date found in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    year: u32,
    month: u32,
    day: u32,
    /// Byte range within the line.
    start: usize,
    end: usize,
}

/// Month names and abbreviations (lower case) in the corpus languages.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Russian (genitive, as in dates) and Bulgarian.
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("януари", 1),
    ("февруари", 2),
    ("март", 3),
    ("април", 4),
    ("май", 5),
    ("юни", 6),
    ("юли", 7),
    ("август", 8),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    // Portuguese.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("abril", 4),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("agosto", 8),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Hindi.
    ("जनवरी", 1),
    ("फरवरी", 2),
    ("मार्च", 3),
    ("अप्रैल", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("अगस्त", 8),
    ("सितंबर", 9),
    ("अक्टूबर", 10),
    ("नवंबर", 11),
    ("दिसंबर", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

struct Patterns {
    /// "March 3, 2023", "Mar. 3rd 2023".
    mdy: Regex,
    /// "3 March 2023", "3 марта 2023 года", "3 de março de 2023".
    dmy: Regex,
    /// "2023-03-03", "2023/03/03".
    ymd: Regex,
    /// "03.03.2023", "14/05/2022".
    numeric: Regex,
    /// A publication label right before the date.
    label: Regex,
    /// A place name and comma before a dateline date. Only ever asked whether it
    /// matches a short text, so it is a PikeVM: the forward automaton alone, without the
    /// reverse one and the lazy DFAs `Regex` adds. Its letter class repeated 35 times
    /// made it the costliest of these patterns to compile: 7.2 ms as a `Regex`, 2.9 ms
    /// like this, for the first dated article of every run.
    dateline_place: PikeVM,
    /// A time of day.
    time: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
        // Longest first so that "march" is preferred over "mar".
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        let alt = names.join("|");
        let r = |p: String| Regex::new(&p).expect("valid date regex");
        Patterns {
            mdy: r(format!(
                r"(?i)\b(?P<m>{alt})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b"
            )),
            dmy: r(format!(
                r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?P<m>{alt})\.?,?\s+(?:de\s+)?(?P<y>(?:19|20)\d{{2}})(?:\s*(?:года|г\.|година|г\.))?"
            )),
            ymd: r(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b".to_string()),
            numeric: r(r"\b(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})[./-](?P<y>(?:19|20)\d{2})\b".to_string()),
            label: r(r"(?i)(?:^|[|•·—–]\s*|\s-\s)(?:(?:first|originally|last)\s+)?(?:published|updated|posted|issued|released|modified|date|dated|publicado|atualizado|actualizado|опубликовано|обновлено|дата\s+публикации|публикувано|обновено|प्रकाशित|अपडेटेड)(?:\s+(?:on|at|em|в|на))?\s*[:\-–]?\s*$".to_string()),
            dateline_place: PikeVM::new(r"^\s*[\p{Lu}][\p{L}.'’ -]{1,35}(?:\s*\([^)]{2,20}\))?,\s*$")
                .expect("valid date regex"),
            time: r(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|gmt|utc|cet|cest|msk|ist|[ecmp][sd]?t)?\b".to_string()),
        }
    })
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    if !(1990..=2099).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    // `rem_euclid` rather than `is_multiple_of`, which is newer than the MSRV (1.80).
    let leap = (year.rem_euclid(4) == 0 && year.rem_euclid(100) != 0) || year.rem_euclid(400) == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

/// Every full date (day, month and year) in `line`, in order, non-overlapping.
fn find_dates(line: &str) -> Vec<Found> {
    // Every pattern needs a year, `(?:19|20)\d{2}`, so a line without "19" or "20"
    // has no date. Most lines have none, and the month-name patterns are slow on
    // non-ASCII lines (their Unicode `\b` sends them from the DFA to the PikeVM).
    if !line.contains("19") && !line.contains("20") {
        return Vec::new();
    }
    let p = patterns();
    let mut out: Vec<Found> = Vec::new();
    let mut push = |f: Found| {
        if valid(f.year, f.month, f.day) && !out.iter().any(|o| o.start < f.end && f.start < o.end)
        {
            out.push(f);
        }
    };
    let num = |s: Option<regex::Match>| s.and_then(|m| m.as_str().parse::<u32>().ok());
    for re in [&p.mdy, &p.dmy] {
        for c in re.captures_iter(line) {
            let (Some(m), Some(d), Some(y)) = (
                c.name("m").and_then(|m| month_number(m.as_str())),
                num(c.name("d")),
                num(c.name("y")),
            ) else {
                continue;
            };
            let w = c.get(0).map_or(0..0, |w| w.range());
            push(Found {
                year: y,
                month: m,
                day: d,
                start: w.start,
                end: w.end,
            });
        }
    }
    for c in p.ymd.captures_iter(line) {
        let w = c.get(0).map_or(0..0, |w| w.range());
        if in_url(line, w.start) {
            continue;
        }
        if let (Some(y), Some(m), Some(d)) = (num(c.name("y")), num(c.name("m")), num(c.name("d")))
        {
            push(Found {
                year: y,
                month: m,
                day: d,
                start: w.start,
                end: w.end,
            });
        }
    }
    for c in p.numeric.captures_iter(line) {
        let w = c.get(0).map_or(0..0, |w| w.range());
        if in_url(line, w.start) {
            continue;
        }
        let (Some(a), Some(b), Some(y)) = (num(c.name("a")), num(c.name("b")), num(c.name("y")))
        else {
            continue;
        };
        let dotted = c.name("s").is_some_and(|s| s.as_str() == ".");
        // "03.04.2023" is always day.month; with "/" or "-" the order is known only
        // when one number cannot be a month.
        let (month, day) = if dotted || a > 12 {
            (b, a)
        } else if b > 12 {
            (a, b)
        } else {
            continue;
        };
        push(Found {
            year: y,
            month,
            day,
            start: w.start,
            end: w.end,
        });
    }
    out.sort_by_key(|f| f.start);
    out
}

/// True when the byte at `pos` is part of a web address (dates in URL paths).
fn in_url(line: &str, pos: usize) -> bool {
    let before = &line[..pos];
    let token_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let token = &before[token_start..];
    token.contains('/') || token.contains("www.") || before.ends_with('/')
}

/// How strongly a date at `f` in `line` reads as the publication date, or `None`.
fn score(
    line: &str,
    f: &Found,
    index: usize,
    last: usize,
    in_noise: bool,
    count: usize,
) -> Option<f32> {
    let p = patterns();
    let before = &line[..f.start];
    let after = &line[f.end..];
    // Embedded tweets end with "— Name (@handle) May 1, 2023".
    if line.contains("(@") || line.contains("pic.twitter.com") {
        return None;
    }
    let near_start = index <= 4;
    let near_end = index + 3 >= last;
    if let Some(m) = p.label.find(before) {
        let label = m.as_str().to_lowercase();
        // A publication label beats an update label.
        let updated = [
            "updated",
            "modified",
            "atualizado",
            "actualizado",
            "обновлено",
            "обновено",
            "अपडेटेड",
        ]
        .iter()
        .any(|w| label.contains(w));
        return Some(if updated { 0.85 } else { 0.95 });
    }
    if index <= 3
        && p.dateline_place
            .is_match(&mut p.dateline_place.create_cache(), before)
    {
        let a = after.trim_start();
        if a.starts_with(['/', '(', '-', '–', '—', '.'])
            || a.chars().next().is_some_and(char::is_uppercase)
            || a.is_empty()
        {
            return Some(0.85);
        }
    }
    let has_time = {
        let window_start = f.start.saturating_sub(16);
        let window_end = (f.end + 16).min(line.len());
        let (ws, we) = (floor_char(line, window_start), floor_char(line, window_end));
        p.time.is_match(&line[ws..we])
    };
    if has_time && (near_start || near_end) {
        return Some(0.85);
    }
    let rest: String = format!("{before} {after}");
    let rest_words = rest
        .split(|c: char| c.is_whitespace() || c == '|' || c == '•' || c == '·')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let sep_before = before.trim_end().ends_with(['|', '•', '·']);
    // "(26 June 2024)" after a caption or quote dates the event, not the article.
    let parenthesised = before.trim_end().ends_with('(') && after.trim_start().starts_with(')');
    if count == 1 && !parenthesised && (near_start || near_end || in_noise) {
        if rest_words == 0 {
            return Some(0.85);
        }
        if sep_before && rest_words <= 8 {
            return Some(0.8);
        }
        if rest_words <= 4 && !before.trim_end().ends_with(',') {
            return Some(0.75);
        }
    }
    // A date opening the title or an early line, before capitalised words or a
    // separator: "14/05/2022 Ukrainians show strength at Deaflympics".
    if near_start && count == 1 && before.trim().is_empty() {
        let a = after.trim_start_matches([' ', ':', '|', '-', '–', '—']);
        if a.chars().next().is_some_and(char::is_uppercase) {
            return Some(0.7);
        }
    }
    if in_noise && count == 1 && line.len() <= 120 {
        return Some(0.7);
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The publication date the text states, as `YYYY-MM-DD`.
///
/// `title` is the title line (a date may open it); `noise` the segments the cleaner
/// removed (bylines and source lines there may carry the date).
pub fn detect_date(text: &str, title: Option<Span>, noise: &[NoiseSegment]) -> Option<MetaValue> {
    let all = Span::new(0, text.len());
    let mut nonempty: Vec<Span> = lines(text, all)
        .into_iter()
        .filter(|l| !l.slice(text).trim().is_empty())
        .collect();
    // Keep the title first even when it is not the first line (HTML documents).
    if let Some(t) = title {
        if let Some(pos) = nonempty.iter().position(|l| l.overlaps(t)) {
            let l = nonempty.remove(pos);
            nonempty.insert(0, l);
        }
    }
    let last = nonempty.len().saturating_sub(1);
    let mut best: Option<(f32, Span, Found)> = None;
    for (index, line) in nonempty.iter().enumerate() {
        let s = line.slice(text);
        if s.len() > 3000 {
            continue;
        }
        let found = find_dates(s);
        // Bylines and source lines carry publication dates; captions and credits
        // carry the date a photo was taken.
        let in_noise = noise.iter().any(|n| {
            n.span.overlaps(*line)
                && n.span.len() <= 300
                && matches!(
                    n.kind,
                    NoiseKind::Byline | NoiseKind::SourceLine | NoiseKind::Other
                )
        });
        for f in &found {
            let Some(conf) = score(s, f, index, last, in_noise, found.len()) else {
                continue;
            };
            if best.as_ref().is_none_or(|(c, _, _)| conf > *c) {
                best = Some((
                    conf,
                    Span::new(line.start + f.start, line.start + f.end),
                    *f,
                ));
            }
        }
    }
    best.map(|(conf, span, f)| MetaValue {
        value: format!("{:04}-{:02}-{:02}", f.year, f.month, f.day),
        source: MetaSource::Text,
        evidence: Some(span),
        confidence: Some(conf),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        let title = lines(text, Span::new(0, text.len())).into_iter().next();
        detect_date(text, title, &[]).map(|v| v.value)
    }

    /// Asserts the date found in each text.
    fn check(cases: &[(&str, Option<&str>)]) {
        for (text, want) in cases {
            assert_eq!(date(text).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn labelled_dates() {
        check(&[
            ("T\n\nPublished: March 3, 2023\n\nBody.", Some("2023-03-03")),
            ("T\n\nUpdated on 2023-03-04\n\nBody.", Some("2023-03-04")),
            (
                "T\n\nUpdated on 2023-03-04 | Published: 3 March 2023 12:45 GMT\n\nBody.",
                Some("2023-03-03"),
            ),
            (
                "T\n\nPublicado em 3 de março de 2023\n\nTexto.",
                Some("2023-03-03"),
            ),
            (
                "T\n\nОпубликовано: 3 марта 2023 года\n\nТекст.",
                Some("2023-03-03"),
            ),
        ]);
    }

    #[test]
    fn bylines_and_datelines() {
        check(&[
            ("T\n\nJuly 15, 2023\n\nBody text.", Some("2023-07-15")),
            (
                "T\n\nBy Jane Doe | Mar 3, 2023\n\nBody.",
                Some("2023-03-03"),
            ),
            (
                "T\n\nNEW DELHI, Aug. 7, 2023 /PRNewswire/ — A company said.",
                Some("2023-08-07"),
            ),
            ("14/05/2022 Ukrainians win\n\nBody.", Some("2022-05-14")),
            (
                "T\n\nJane Doe 2:38 PM, Jun 14, 2024\n\nBody.",
                Some("2024-06-14"),
            ),
        ]);
    }

    #[test]
    fn story_dates_are_not_publication_dates() {
        check(&[
            ("T\n\nOn June 3 BioMADE announced a plan.\n\nMore.", None),
            ("T\n\nThe 2014 referendum was illegal, he said.", None),
            (
                "T\n\nOn June 21, 2018, she made a bold claim on Twitter about the climate.",
                None,
            ),
            (
                "T\n\nBody.\n\n— Greta (@GretaThunberg) February 14, 2023",
                None,
            ),
            (
                "T\n\nSee https://www.rbc.ru/politics/14/06/2023/6489e6\n",
                None,
            ),
            ("T\n\n03/04/2023\n\nBody.", None),
            ("T\n\nFebruary 30, 2023\n\nBody.", None),
        ]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "\n",
            "жжж 1 марта",
            "Published:",
            "2023-13-45",
            "ü 12:00 ü 3 March 2023 ü",
        ] {
            let _ = date(t);
        }
    }
}
