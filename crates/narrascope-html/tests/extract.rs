//! Behaviour on small hand-written pages.

use narrascope_html::{BlockKind, HtmlExtractor};

fn extract(html: &str) -> narrascope_html::Extraction {
    HtmlExtractor::new()
        .extract(html, Some("https://news.example/a/1"))
        .expect("article")
}

fn body(html: &str) -> String {
    extract(html)
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

const P1: &str = "The council voted on Tuesday to approve the new budget, after a long debate.";
const P2: &str = "Opponents said the plan, which raises fees, would hurt small businesses badly.";
const P3: &str = "The mayor, speaking after the vote, promised a review of the fees next year.";

fn page(article: &str) -> String {
    format!(
        r#"<html lang="en-US"><head><title>Budget approved - The Daily</title>
        <meta property="og:site_name" content="The Daily">
        <meta property="article:published_time" content="2021-03-04T05:06:07Z">
        </head><body>
        <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li></ul></nav></header>
        <main>{article}</main>
        <aside class="sidebar"><h3>Most read</h3><ul>
          <li><a href="/x">A story about something else entirely, with many words in it</a></li>
          <li><a href="/y">Another story about something else, also with many words</a></li>
        </ul></aside>
        <footer><p>Copyright 2021 The Daily. All rights reserved. Contact us, privacy policy.</p></footer>
        </body></html>"#
    )
}

#[test]
fn picks_the_article_and_drops_boilerplate() {
    let html = page(&format!(
        r##"<article><h1>Budget approved</h1>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        <p>{P1}</p><figure><img src=a.jpg><figcaption>The council chamber, in a photo.</figcaption></figure>
        <p>{P2}</p><div class="ad-slot">Advertisement</div><p>{P3}</p>
        <div class="related-stories"><h2>Related</h2><p><a href="/z">Council to meet again, officials say in a statement today</a></p></div>
        </article>"##
    ));
    let ex = extract(&html);
    assert_eq!(ex.title.as_deref(), Some("Budget approved"));
    assert_eq!(body(&html), format!("{P1}\n{P2}\n{P3}"));
    assert_eq!(ex.meta.site_name.as_deref(), Some("The Daily"));
    assert_eq!(ex.meta.published.as_deref(), Some("2021-03-04"));
    assert_eq!(ex.meta.lang.as_deref(), Some("en"));
}

#[test]
fn raw_spans_point_at_the_source_elements() {
    let html = page(&format!(
        "<div class=story><p>{P1}</p><p class=x>{P2}</p><h2>Next</h2><p>{P3}</p></div>"
    ));
    let ex = extract(&html);
    assert_eq!(ex.blocks.len(), 4);
    assert_eq!(ex.blocks[0].raw.slice(&html), format!("<p>{P1}</p>"));
    assert_eq!(
        ex.blocks[1].raw.slice(&html),
        format!("<p class=x>{P2}</p>")
    );
    assert_eq!(ex.blocks[2].raw.slice(&html), "<h2>Next</h2>");
    assert_eq!(ex.blocks[2].kind, BlockKind::Heading);
}

#[test]
fn spans_survive_unclosed_paragraphs_and_implied_elements() {
    let html = page(&format!(
        "<div><p>{P1}<p>{P2}<table><tr><td>{P3}</table></div>"
    ));
    let ex = extract(&html);
    assert_eq!(ex.blocks.len(), 3);
    for b in &ex.blocks {
        let raw = b.raw.slice(&html);
        assert!(
            raw.contains(&b.text[..20]),
            "{raw:?} should hold {:?}",
            b.text
        );
    }
    assert_eq!(ex.blocks[0].raw.slice(&html), format!("<p>{P1}"));
}

#[test]
fn br_separated_text_lists_and_quotes() {
    let html = page(&format!(
        "<div class=entry-content>{P1}<br><br>{P2}<ul><li>First item of the list</li>\
         <li>Second item of the list</li></ul><blockquote>{P3}</blockquote></div>"
    ));
    let ex = extract(&html);
    let kinds: Vec<_> = ex.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Quote
        ]
    );
    assert_eq!(ex.blocks[0].text, P1);
}

#[test]
fn entities_and_whitespace_are_normalised() {
    let html = page(&format!(
        "<div><p>Caf&eacute;   owners&nbsp;said\n\tthat, {P1}</p><p>{P2}</p></div>"
    ));
    assert!(body(&html).starts_with("Café owners said that, The council"));
}

#[test]
fn json_ld_body_selects_the_container() {
    let decoy =
        "A long teaser paragraph in a promo box, which talks, at length, about other things.";
    let html = format!(
        r#"<html><head><script type="application/ld+json">
        {{"@type":"NewsArticle","headline":"H","articleBody":"{P1} {P2} {P3} {P1} {P2}"}}
        </script></head><body><div id=a><p>{decoy}</p><p>{decoy}</p><p>{decoy}</p></div>
        <div id=b><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"#
    );
    assert_eq!(body(&html), format!("{P1}\n{P2}\n{P3}"));
}

#[test]
fn comments_are_not_the_article() {
    let comment =
        "I completely disagree with this, the council has been wasting money for years now.";
    let html = page(&format!(
        "<div><p>{P1}</p><p>{P2}</p></div><section id=comments><p>{comment}</p><p>{comment}</p>\
         <p>{comment}</p><p>{comment}</p></section>"
    ));
    assert_eq!(body(&html), format!("{P1}\n{P2}"));
}

#[test]
fn hidden_and_script_content_is_ignored() {
    let html = page(&format!(
        "<div><p>{P1}</p><script>var x = 'not text';</script><p style='display: none'>Hidden text here.</p>\
         <noscript>Enable JavaScript to read this article properly.</noscript><p>{P2}</p></div>"
    ));
    assert_eq!(body(&html), format!("{P1}\n{P2}"));
}

#[test]
fn empty_page_is_an_error() {
    assert!(HtmlExtractor::new()
        .extract(
            "<html><body><nav><a href=/>Home</a></nav></body></html>",
            None
        )
        .is_err());
    assert!(HtmlExtractor::new().extract("", None).is_err());
}
