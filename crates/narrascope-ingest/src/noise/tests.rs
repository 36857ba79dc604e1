//! Rule tests on invented lines (never copied from the corpus).

use super::*;

/// Runs the remover over `body` (everything is region) and returns the removed
/// texts with their kinds.
fn removed(body: &str) -> Vec<(String, NoiseKind)> {
    let r = NoiseRemover::try_new().expect("rules compile");
    r.find(body, Span::new(0, body.len()))
        .into_iter()
        .map(|s| (s.span.slice(body).to_string(), s.kind))
        .collect()
}

fn removed_texts(body: &str) -> Vec<String> {
    removed(body).into_iter().map(|(t, _)| t).collect()
}

/// Asserts that each of `lines`, put between two body paragraphs, is removed
/// whole with `kind`.
fn assert_line_noise(kind: NoiseKind, lines: &[&str]) {
    for line in lines {
        let body = format!(
            "The council met on Tuesday to discuss the budget.\n\n{line}\n\nMembers voted to approve the plan by a wide margin."
        );
        let got = removed(&body);
        assert_eq!(got, vec![(line.to_string(), kind)], "line {line:?}");
    }
}

/// Asserts that none of `lines` loses anything, in the same setting.
fn assert_body(lines: &[&str]) {
    for line in lines {
        let body = format!(
            "The council met on Tuesday to discuss the budget.\n\n{line}\n\nMembers voted to approve the plan by a wide margin."
        );
        assert_eq!(removed_texts(&body), Vec::<String>::new(), "line {line:?}");
    }
}

#[test]
fn rules_compile() {
    assert!(NoiseRemover::try_new().is_ok());
}

/// The exact regexes are compiled lazily; none may fail when first needed.
#[test]
fn exact_rules_compile() {
    let rules = shared_rules().expect("rules compile");
    rules.compiled.check_exact().expect("exact rules compile");
}

/// The prefilter drops upper bounds, so it proposes lines that only the exact rule
/// can refuse: a note longer than the disclaimer rule's `.{0,800}` stays body.
#[test]
fn upper_bounds_still_hold() {
    let short = format!("Disclaimer: {}", "the views here are ours. ".repeat(10));
    let long = format!("Disclaimer: {}", "the views here are ours. ".repeat(40));
    assert_line_noise(NoiseKind::Disclaimer, &[short.trim()]);
    assert_body(&[long.trim()]);
}

#[test]
fn ads() {
    assert_line_noise(
        NoiseKind::Ad,
        &[
            "[ad_1]",
            "[ad_2]",
            "ADVERTISEMENT",
            "Story continues below advertisement",
        ],
    );
    let body = "The mayor spoke. [ad_1] She left early.";
    assert_eq!(removed(body), vec![("[ad_1]".to_string(), NoiseKind::Ad)]);
}

#[test]
fn link_backs_and_sources() {
    assert_line_noise(
        NoiseKind::SourceLink,
        &[
            "Source link",
            "Read more at Example Times",
            "Originally published at example.org",
        ],
    );
    assert_line_noise(
        NoiseKind::SourceLine,
        &[
            "Source: Example Wire and news agencies",
            "With inputs from agencies",
            "(With inputs from Example Wire)",
            "h/t Sam D.",
            "Cross-posted with The Example",
        ],
    );
}

#[test]
fn comment_form() {
    let body = "The bridge will open next year.\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nComment\nName\nEmail\nWebsite\nSave my name, email, and website in this browser for the next time I comment.\n";
    let got = removed_texts(body);
    assert_eq!(got.len(), 7, "{got:?}");
    assert!(!got.iter().any(|t| t.contains("bridge")));
}

#[test]
fn lone_weak_words_stay() {
    // A single "Email" or "Share" line is not enough evidence.
    assert_body(&["Email", "Share", "Photos", "Home"]);
}

#[test]
fn chrome_lines() {
    assert_line_noise(
        NoiseKind::Navigation,
        &["Exit mobile version", "Skip to content"],
    );
    assert_line_noise(
        NoiseKind::Trending,
        &["Trending", "Most read in Example News", "Most Popular"],
    );
    assert_line_noise(
        NoiseKind::ShareBar,
        &["SHARE THIS ARTICLE", "Share on Facebook"],
    );
    assert_line_noise(
        NoiseKind::Breadcrumb,
        &["News / World / Europe", "Home > Sport > Tennis"],
    );
    assert_line_noise(
        NoiseKind::Cookie,
        &["We use cookies to improve your experience. By continuing to browse, you accept."],
    );
}

#[test]
fn subscriptions_and_newsletters() {
    assert_line_noise(
        NoiseKind::Subscription,
        &[
            "Subscribe to Example Daily Telegram channel, Facebook, RSS!",
            "Follow us on Twitter and Instagram for updates",
        ],
    );
    assert_line_noise(
        NoiseKind::Newsletter,
        &[
            "Sign up for our free newsletter to get the morning briefing",
            "You can unsubscribe at any time.",
        ],
    );
}

#[test]
fn related_header_claims_headline_list() {
    let body = "The storm moved north overnight.\n\nRelated:\n- Rivers rise across the valley\n- Farmers count the cost of a wet spring\n\nOfficials said roads would reopen on Friday.";
    let got = removed(body);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(_, k)| *k == NoiseKind::RelatedLinks));
    assert!(!got.iter().any(|(t, _)| t.contains("Officials")));
}

#[test]
fn read_more_header_does_not_eat_next_sentence() {
    let body = "The storm moved north.\n\nREAD MORE ON WEATHER\n\nOfficials said roads would reopen on Friday.";
    assert_eq!(
        removed_texts(body),
        vec!["READ MORE ON WEATHER".to_string()]
    );
}

#[test]
fn trailing_video_promo_claims_headlines() {
    let body = "Growers say prices doubled in a year.\n\nWatch this video about the harvest.\n\nThis video is from the Example channel on example.com.\n\nTen crops that fail in dry summers.\n\nWhy seed banks matter more than ever.";
    let got = removed_texts(body);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(!got.iter().any(|t| t.contains("Growers")));
}

#[test]
fn trailing_promo_does_not_claim_prose() {
    let body = "Watch this video about the harvest.\n\nGrowers say prices doubled in a year, and they expect worse. The co-op will meet in May to set quotas.";
    assert_eq!(
        removed_texts(body),
        vec!["Watch this video about the harvest.".to_string()]
    );
}

#[test]
fn comment_thread_runs_to_end() {
    let body = "The ruling was appealed.\n\nComments\n\nRiver Fox says\n\nThis is outrageous.\n\nMaple says\n\nAgreed.";
    let got = removed_texts(body);
    assert_eq!(
        got,
        vec![
            "Comments",
            "River Fox says",
            "This is outrageous.",
            "Maple says",
            "Agreed."
        ]
    );
}

#[test]
fn comments_header_without_thread_keeps_following_text() {
    let body = "The ruling was appealed.\n\nComments\n\nOne reader wrote that the ruling was fair and overdue.";
    assert_eq!(removed_texts(body), vec!["Comments".to_string()]);
}

#[test]
fn credits_and_captions() {
    assert_line_noise(
        NoiseKind::Credit,
        &[
            "© 2021 Example Wire",
            "Photo: Jane Roe / Example Agency",
            "Image: A flooded road [credit: Example TV]",
        ],
    );
    let body = "Crowds gathered in the square (Photo by Example Agency) before noon.";
    assert_eq!(
        removed(body),
        vec![("(Photo by Example Agency)".to_string(), NoiseKind::Credit)]
    );
    let body = "The minister speaks at a press event in the capital, May 2, 2022 © EX / Jane Roe";
    assert_eq!(removed_texts(body), vec!["© EX / Jane Roe".to_string()]);
    let body = "Protesters [Jane Roe/Example via Wire] marched.";
    assert_eq!(
        removed_texts(body),
        vec!["[Jane Roe/Example via Wire]".to_string()]
    );
    assert_line_noise(
        NoiseKind::Caption,
        &["The mayor greets visitors at the harbour, June 1, 2023. (Example Daily/Jan Roe)"],
    );
}

#[test]
fn bylines_tags_disclaimers() {
    assert_line_noise(
        NoiseKind::Byline,
        &[
            "By Jane Roe",
            "by Sam Doe, Example Review:",
            "Authored by Sam Doe via Example Substack,",
        ],
    );
    assert_line_noise(NoiseKind::Tags, &["Tags: Budget, Council, Harbour"]);
    assert_line_noise(
        NoiseKind::Disclaimer,
        &[
            "The views expressed in this article are the author's own.",
            "This interview has been edited for length and clarity.",
        ],
    );
}

#[test]
fn promo_paragraph_needs_two_signals_and_no_quotes() {
    assert_line_noise(
        NoiseKind::Promo,
        &["Tired of being censored? Be sure to check out our video page and follow us on every platform we can find."],
    );
    assert_body(&[
        "The group said it would follow us wherever we went, and the mayor agreed.",
        "“Be sure to check out our stall and follow us online,” the baker said.",
    ]);
}

#[test]
fn network_plugs_whole_or_inline() {
    assert_line_noise(
        NoiseKind::Promo,
        &["Want more stories about the harbour? Visit Harbour.news."],
    );
    let body = "The tide was the highest in a decade. Learn more at Harbour.news.";
    assert_eq!(
        removed_texts(body),
        vec!["Learn more at Harbour.news.".to_string()]
    );
}

#[test]
fn tags_dates_and_pingbacks() {
    assert_line_noise(NoiseKind::Tags, &["Tags:", "#Harbour #Budget #Council"]);
    assert_line_noise(
        NoiseKind::Other,
        &["March 3, 2022", "4 May 2021 at 10:15 am", "Issued on:"],
    );
    assert_line_noise(
        NoiseKind::CommentForm,
        &["[…] Harbour budget passes after long night […]"],
    );
}

#[test]
fn end_of_article_anchor_claims_the_rest() {
    let body = "The port reopened today.\n\nCranes were back at work by noon.\n\nSubscribe to our mailing list and get updates to your email inbox.\n\nGreat news for the town!\n\nAbout time, if you ask me.";
    let got = removed(body);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1].1, NoiseKind::CommentForm);
    // At the very top it claims nothing after it.
    let body = "Subscribe to our mailing list and get updates to your email inbox.\n\nThe port reopened today.";
    assert_eq!(removed(body).len(), 1);
}

#[test]
fn headerless_comment_thread_needs_three_says_lines() {
    let lead = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\n";
    let thread = "Ann Lee says\nGood.\nBo says\nBad.\nCy Park says\nMeh.\n";
    assert_eq!(removed(&format!("{lead}{thread}")).len(), 6);
    let one = "Ann Lee says\nGood.\n";
    assert!(removed(&format!("{lead}{one}")).is_empty());
}

#[test]
fn closing_bylines() {
    let lead = "The mill closed in May.\n\nWorkers were offered new posts.\n\nSome moved away.\n\nOthers stayed on.\n\n";
    let got = removed(&format!("{lead}Jane Q. Roe"));
    assert_eq!(got, vec![("Jane Q. Roe".to_string(), NoiseKind::Byline)]);
    let bio = "Sam Doe is a freelance reporter covering industry in the north.";
    assert_eq!(
        removed(&format!("{lead}{bio}")),
        vec![(bio.to_string(), NoiseKind::Byline)]
    );
    // A wrapped attribution is body.
    let wrapped = "The mill closed in May.\n\nWorkers were offered new posts.\n\nSome moved away.\n\n“We will be back,” said\nJane Roe.";
    assert!(removed(wrapped).is_empty());
    // A closing sentence that merely mentions a reporter is body.
    assert!(removed(&format!("{lead}The union said the reporter was wrong.")).is_empty());
}

#[test]
fn body_sentences_survive() {
    assert_body(&[
        "By Sunday the troops had left the city.",
        "Source: a senior official said talks would resume next week.",
        "“Read more books,” the teacher told the class.",
        "More than 300 people attended the rally.",
        "The DeepState Telegram channel reported gains near the river.",
        "Like Facebook, the company faces a fine in Europe.",
        "Support for the measure fell to 40% in the latest poll.",
        "Photos of the damage circulated widely on social media.",
        "Comment on the proposal closes on Friday.",
        "Most read the report as a warning to investors.",
        "Ms. Roe says",
        "Next week the council will vote again.",
        "Tags on the crates showed their origin.",
        "The views of residents were mixed, she said.",
    ]);
}

#[test]
fn title_duplicate_line_is_body_and_ordering_holds() {
    let body = "[ad_1]\nText [ad_2] more text.\nSource link\n";
    let r = NoiseRemover::new();
    let segs = r.find(body, Span::new(0, body.len()));
    assert!(segs.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert_eq!(segs.len(), 3);
}

#[test]
fn region_is_respected() {
    let text = "Source link\nBody here.\nSource link";
    let region = Span::new(12, text.len());
    let segs = NoiseRemover::new().find(text, region);
    assert_eq!(segs.len(), 1);
    assert!(region.contains(segs[0].span));
}

#[test]
fn bad_regions_and_odd_input_do_not_panic() {
    let r = NoiseRemover::new();
    assert!(r.find("abc", Span { start: 2, end: 10 }).is_empty());
    assert!(r.find("abc", Span { start: 3, end: 1 }).is_empty());
    let t = "é[ad_1]";
    assert!(r
        .find(
            t,
            Span {
                start: 1,
                end: t.len()
            }
        )
        .is_empty());
    let odd = "\u{feff}\u{200b}\r\r\n\u{2028}•\n- \n—\n«\n[ad_\n©\n(Photo by\n";
    let _ = r.find(odd, Span::new(0, odd.len()));
}

#[test]
fn pathological_inputs_are_fast() {
    let r = NoiseRemover::new();
    let huge_line = "word ".repeat(200_000) + "[ad_1]";
    let start = std::time::Instant::now();
    let segs = r.find(&huge_line, Span::new(0, huge_line.len()));
    assert_eq!(segs.len(), 1);
    let many_lines = "Share\nRelated:\n- A headline here\nReader says\n".repeat(25_000);
    let segs = r.find(&many_lines, Span::new(0, many_lines.len()));
    assert!(!segs.is_empty());
    // Generous bound: debug builds on a shared machine.
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}
