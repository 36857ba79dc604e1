//! Hostile and malformed input: nothing may panic, overflow the stack or take long.

use std::time::{Duration, Instant};

use narrascope_html::HtmlExtractor;

const PARA: &str =
    "<p>This is a sentence of article text, long enough to be prose for the scorer.</p>";

fn check(html: &str, budget: Duration) {
    let start = Instant::now();
    let result = HtmlExtractor::new().extract(html, None);
    let took = start.elapsed();
    assert!(took < budget, "took {took:?}");
    if let Ok(ex) = result {
        for b in &ex.blocks {
            assert!(b.raw.start <= b.raw.end && b.raw.end <= html.len());
            assert!(html.is_char_boundary(b.raw.start) && html.is_char_boundary(b.raw.end));
        }
    }
}

/// Generous: tests run unoptimised on a shared machine.
const SLOW: Duration = Duration::from_secs(30);

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let html = format!(
        "<html><body>{}{PARA}{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    check(&html, SLOW);
    let ex = HtmlExtractor::new().extract(&html, None).unwrap();
    assert!(ex.blocks[0].text.starts_with("This is a sentence"));
}

#[test]
fn deep_unclosed_inline_and_tables() {
    for open in [
        "<b>",
        "<a href=x>",
        "<font>",
        "<table><tr><td>",
        "<ul><li>",
        "<span>",
        "<blockquote>",
    ] {
        let html = format!("<body>{}{PARA}", open.repeat(50_000));
        check(&html, SLOW);
    }
}

#[test]
fn many_flat_paragraphs_in_a_five_megabyte_page() {
    let mut html = String::from("<html><body><nav><a href=/>Home</a></nav><article>");
    while html.len() < 5_000_000 {
        html.push_str(PARA);
        html.push_str("<div class=share><a href=#>Share</a></div>");
    }
    html.push_str("</article></body></html>");
    check(&html, SLOW);
}

#[test]
fn malformed_fragments() {
    let cases = [
        "",
        "<",
        "</",
        "<<<>>>",
        "<p",
        "<p>unterminated <b>bold <i>italic",
        "<!-- never closed",
        "<script>never closed",
        "<html><body></p></p></p><p>x",
        "<table><td>cell<tr><p>para</table></p>",
        "\u{0}\u{1}<p>\u{feff}nul</p>",
        "<p>é<br>ü</p><p>中文文本，这是一段足够长的中文文本。这是一段足够长的中文文本，这是一段足够长的中文文本。</p>",
        "<plaintext><p>not a tag",
        "<svg><p>foreign</p></svg><math><mi>x</mi></math>",
        "<script type=\"application/ld+json\">{\"articleBody\": 5, \"headline\": [[[[]]]]}</script>",
    ];
    for html in cases {
        check(html, SLOW);
    }
}

#[test]
fn many_attributes_and_long_tokens() {
    let attrs = " a=\"x>y\"".repeat(100_000);
    let html = format!("<div{attrs}>{PARA}</div><p>{}</p>", "x".repeat(1_000_000));
    check(&html, SLOW);
}
