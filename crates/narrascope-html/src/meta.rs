//! Page metadata: `<meta>` tags, `<link rel=canonical>`, `<html lang>`, `<time>` and
//! schema.org JSON-LD.
//!
//! JSON-LD is walked iteratively (objects nest inside `@graph`, arrays and each
//! other); serde_json's own recursion limit keeps hostile nesting from overflowing
//! the stack while parsing.

use std::sync::OnceLock;

use regex::Regex;
use scraper::{Html, Selector};
use serde_json::Value;

use crate::HtmlMeta;

/// What the page says about itself, beyond [`HtmlMeta`].
#[derive(Debug, Default)]
pub(crate) struct PageInfo {
    pub meta: HtmlMeta,
    /// `og:title` / `twitter:title`.
    pub og_title: Option<String>,
    /// JSON-LD `headline`.
    pub headline: Option<String>,
    /// `<title>`.
    pub doc_title: Option<String>,
    /// The longest JSON-LD `articleBody`, markup stripped.
    pub article_body: Option<String>,
}

struct Sel {
    meta: Selector,
    canonical: Selector,
    html: Selector,
    time: Selector,
    ld: Selector,
    title: Selector,
}

fn sel() -> &'static Sel {
    static S: OnceLock<Sel> = OnceLock::new();
    S.get_or_init(|| Sel {
        meta: Selector::parse("meta").expect("static selector"),
        canonical: Selector::parse("link[rel]").expect("static selector"),
        html: Selector::parse("html").expect("static selector"),
        time: Selector::parse("time[datetime]").expect("static selector"),
        ld: Selector::parse("script").expect("static selector"),
        title: Selector::parse("title").expect("static selector"),
    })
}

/// Collapses whitespace; `None` when nothing is left.
pub(crate) fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// `YYYY-MM-DD` from the start of an ISO-like date (`2019-11-18T…`, `2019/11/18`).
pub(crate) fn iso_date(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})").expect("static regex")
    });
    let c = re.captures(s)?;
    let y: u32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    let d: u32 = c[3].parse().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Primary language subtag, lower-cased (`en-US` → `en`, `pt_BR` → `pt`).
fn primary_subtag(s: &str) -> Option<String> {
    let p = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (p.len() >= 2 && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_alphabetic())).then_some(p)
}

/// Resolves `href` against the page address well enough for canonical links.
fn absolute(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return href.to_string();
    }
    let Some(base) = base else {
        return href.to_string();
    };
    let scheme_end = base.find("://").map(|p| p + 3);
    match (href.strip_prefix("//"), scheme_end) {
        (Some(rest), Some(se)) => format!("{}{}", &base[..se], rest),
        (None, Some(se)) if href.starts_with('/') => {
            let host_end = base[se..].find('/').map_or(base.len(), |p| p + se);
            format!("{}{}", &base[..host_end], href)
        }
        _ => href.to_string(),
    }
}

/// Removes markup some publishers leave inside JSON-LD text.
fn strip_tags(s: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"<[^>]{0,400}>").expect("static regex"));
    re.replace_all(s, " ").into_owned()
}

/// JSON-LD with raw control characters (common) is invalid JSON; retry without them.
fn parse_ld(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok().or_else(|| {
        let fixed: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&fixed).ok()
    })
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(as_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[derive(Default)]
struct Ld {
    body: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    headline: Option<String>,
}

fn walk_ld(root: Value, ld: &mut Ld) {
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a),
            Value::Object(mut o) => {
                if let Some(Value::String(b)) = o.get("articleBody") {
                    let b = strip_tags(b);
                    let longer = match &ld.body {
                        Some(cur) => b.len() > cur.len(),
                        None => true,
                    };
                    if longer {
                        ld.body = Some(b);
                    }
                }
                let is_article = o.contains_key("articleBody") || o.contains_key("headline");
                if is_article {
                    if ld.published.is_none() {
                        ld.published = o
                            .get("datePublished")
                            .and_then(Value::as_str)
                            .and_then(iso_date);
                    }
                    if ld.author.is_none() {
                        ld.author = o.get("author").and_then(as_text);
                    }
                    if ld.headline.is_none() {
                        ld.headline = o.get("headline").and_then(as_text);
                    }
                    if ld.publisher.is_none() {
                        ld.publisher = o.get("publisher").and_then(as_text);
                    }
                }
                // Nested objects (`@graph`, `mainEntity`, …) may hold the article.
                for (k, child) in std::mem::take(&mut o) {
                    if matches!(child, Value::Array(_) | Value::Object(_))
                        && !matches!(k.as_str(), "author" | "publisher" | "image")
                    {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Reads metadata from a parsed page.
pub(crate) fn read(doc: &Html, url: Option<&str>) -> PageInfo {
    let s = sel();
    let mut info = PageInfo::default();
    let mut og_site = None;
    let mut app_name = None;
    let mut published = None;
    let mut meta_date = None;
    let mut author = None;
    let mut og_url = None;
    let mut og_locale = None;
    for m in doc.select(&s.meta) {
        let el = m.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .map(|k| k.trim().to_ascii_lowercase());
        let (Some(key), Some(content)) = (key, el.attr("content")) else {
            continue;
        };
        let Some(content) = clean(content) else {
            continue;
        };
        match key.as_str() {
            "og:site_name" => og_site.get_or_insert(content),
            "application-name" => app_name.get_or_insert(content),
            "og:title" | "twitter:title" => info.og_title.get_or_insert(content),
            "article:published_time" | "datepublished" => published.get_or_insert(content),
            "date" | "pubdate" | "publishdate" | "publish-date" | "parsely-pub-date"
            | "sailthru.date" | "dc.date" | "dc.date.issued" | "og:published_time" => {
                meta_date.get_or_insert(content)
            }
            "author" | "article:author" | "parsely-author" | "sailthru.author" => {
                if content.starts_with("http") {
                    continue;
                }
                author.get_or_insert(content)
            }
            "og:url" => og_url.get_or_insert(content),
            "og:locale" => og_locale.get_or_insert(content),
            _ => continue,
        };
    }

    let mut ld = Ld::default();
    for script in doc.select(&s.ld) {
        let is_ld = script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = script.text().collect();
        if let Some(v) = parse_ld(&text) {
            walk_ld(v, &mut ld);
        }
    }

    let time_date = doc
        .select(&s.time)
        .filter_map(|t| t.value().attr("datetime").and_then(iso_date))
        .next();
    let lang = doc
        .select(&s.html)
        .next()
        .and_then(|h| {
            h.value()
                .attr("lang")
                .or_else(|| h.value().attr("xml:lang"))
        })
        .and_then(primary_subtag)
        .or_else(|| og_locale.as_deref().and_then(primary_subtag));
    let canonical = doc
        .select(&s.canonical)
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.value().attr("href"))
        .and_then(clean)
        .or(og_url)
        .map(|h| absolute(&h, url));

    info.doc_title = doc
        .select(&s.title)
        .next()
        .and_then(|t| clean(&t.text().collect::<String>()));
    info.headline = ld.headline;
    info.article_body = ld.body;
    info.meta = HtmlMeta {
        site_name: og_site.or(ld.publisher).or(app_name),
        published: published
            .as_deref()
            .and_then(iso_date)
            .or(ld.published)
            .or_else(|| meta_date.as_deref().and_then(iso_date))
            .or(time_date),
        author: author.or(ld.author),
        lang,
        canonical_url: canonical,
    };
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("2019-11-18T10:00:00Z").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(iso_date("2019/1/8").as_deref(), Some("2019-01-08"));
        assert_eq!(iso_date("18 Nov 2019"), None);
        assert_eq!(iso_date("2019-13-01"), None);
    }

    #[test]
    fn metadata_sources() {
        let html = r#"<html lang="en-GB"><head>
            <meta property="og:site_name" content="The Daily">
            <link rel="canonical" href="/a/b">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
              "datePublished":"2020-02-03T01:00:00Z","author":[{"name":"A B"},{"name":"C D"}],
              "publisher":{"name":"Daily Ltd"},"articleBody":"Body <b>text</b>
              here"}]}</script></head><body></body></html>"#;
        let info = read(&Html::parse_document(html), Some("https://x.example/q"));
        assert_eq!(info.meta.site_name.as_deref(), Some("The Daily"));
        assert_eq!(info.meta.published.as_deref(), Some("2020-02-03"));
        assert_eq!(info.meta.author.as_deref(), Some("A B, C D"));
        assert_eq!(info.meta.lang.as_deref(), Some("en"));
        assert_eq!(
            info.meta.canonical_url.as_deref(),
            Some("https://x.example/a/b")
        );
        assert!(info.article_body.unwrap().contains("text"));
    }

    #[test]
    fn hostile_json_ld_is_ignored() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let html = format!(r#"<script type="application/ld+json">{deep}</script>"#);
        let info = read(&Html::parse_document(&html), None);
        assert!(info.article_body.is_none());
    }
}
