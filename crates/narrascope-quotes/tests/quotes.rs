//! Quote detection and attribution on short articles written for these tests.

use std::time::{Duration, Instant};

use narrascope_core::{
    Article, Document, Entity, EntityType, GivenMeta, Mention, MentionKind, Quote, QuoteKind,
    SourceFormat, Span, Stage,
};
use narrascope_quotes::QuoteStage;
use narrascope_text::SegmentStage;

/// A document whose first line is the title and the rest the body, segmented.
fn doc(text: &str) -> Document {
    let mut d = Document::from_text(Article {
        id: "t".into(),
        path: "t.txt".into(),
        format: SourceFormat::Text,
        raw: text.into(),
        given: GivenMeta::default(),
    });
    let title_end = text.find('\n').unwrap_or(text.len());
    d.title = Some(Span::new(0, title_end));
    let body_start = text[title_end..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |k| title_end + k);
    d.body = vec![Span::new(body_start, text.len())];
    SegmentStage::new().run(&mut d).unwrap();
    d
}

/// Runs the quote stage on `d`.
fn attribute(d: &mut Document) {
    QuoteStage::new().unwrap().run(d).unwrap();
}

/// [`doc`] with its quotes found and attributed.
fn run(text: &str) -> Document {
    let mut d = doc(text);
    attribute(&mut d);
    d
}

/// The first quote whose text contains `needle`.
fn quote_with<'a>(d: &'a Document, needle: &str) -> &'a Quote {
    d.quotes
        .iter()
        .find(|q| d.slice(q.span).contains(needle))
        .unwrap_or_else(|| panic!("no quote containing {needle:?} in {:#?}", summary(d)))
}

/// A person entity (index 0) whose only mention is mention 0.
fn person(id: &str, name: &str, titles: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        etype: EntityType::Person,
        titles: titles.iter().map(|t| t.to_string()).collect(),
        aliases: vec![],
        mentions: vec![0],
        conflicts: Default::default(),
    }
}

/// A mention of `name` (its first occurrence in `text`) resolved to entity 0.
fn name_mention(text: &str, name: &str) -> Mention {
    let at = text.find(name).unwrap();
    Mention {
        span: Span::new(at, at + name.len()),
        etype: EntityType::Person,
        kind: MentionKind::Name,
        entity: Some(0),
    }
}

/// (quote text, kind, speaker name) for each quote.
fn summary(d: &Document) -> Vec<(String, QuoteKind, Option<String>)> {
    d.quotes
        .iter()
        .map(|q| {
            (
                d.slice(q.span).to_string(),
                q.kind,
                q.speaker.as_ref().map(|s| s.name.clone()),
            )
        })
        .collect()
}

fn find<'a>(
    s: &'a [(String, QuoteKind, Option<String>)],
    needle: &str,
) -> &'a (String, QuoteKind, Option<String>) {
    s.iter()
        .find(|q| q.0.contains(needle))
        .unwrap_or_else(|| panic!("no quote containing {needle:?} in {s:#?}"))
}

#[test]
fn every_quotation_mark_style_is_a_direct_quote() {
    for (open, close) in [("“", "”"), ("\"", "\""), ("‘", "’"), ("«", "»"), ("„", "“")]
    {
        let text = format!(
            "Harbour reopens\n\n{open}The harbour will reopen on Monday,{close} said Anna Berg, the port director.\n"
        );
        let d = run(&text);
        let s = summary(&d);
        let q = find(&s, "harbour will reopen");
        assert_eq!(q.1, QuoteKind::Direct, "{open}…{close}: {s:?}");
        assert_eq!(q.2.as_deref(), Some("Anna Berg"), "{open}…{close}: {s:?}");
        let quote = &d.quotes[0];
        let cue = quote.cue.expect("a cue");
        assert_eq!(d.slice(cue), "said");
        let m = quote.speaker.as_ref().unwrap().mention.unwrap();
        assert!(d.slice(m).starts_with("Anna Berg"));
    }
}

#[test]
fn speaker_before_the_quote_and_multi_sentence_quote() {
    let d = run(
        "Budget vote\n\nMayor Tom Reed said: “We have cut waste. We have kept every \
                 school open. Now we ask for patience.”\n",
    );
    let s = summary(&d);
    let q = find(&s, "We have cut waste. We have kept every school open.");
    assert!(q.0.ends_with("patience."), "{s:?}");
    assert_eq!(q.1, QuoteKind::Direct);
    assert_eq!(q.2.as_deref(), Some("Mayor Tom Reed"));
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let d = run(
        "Strike ends\n\n“The workers held firm for six weeks. Nobody expected that.\n\n\
                 “In the end the company had to listen,” said union leader Ola Nyberg.\n",
    );
    let s = summary(&d);
    let q = find(&s, "workers held firm");
    assert!(
        q.0.contains("had to listen"),
        "one quote over both paragraphs: {s:?}"
    );
    assert_eq!(q.2.as_deref(), Some("Ola Nyberg"));
}

#[test]
fn partial_quote_inside_a_sentence() {
    let d = run(
        "Summit row\n\nThe minister accused the West of being “at war with our \
                 farmers” during a speech on Tuesday.\n",
    );
    let s = summary(&d);
    let q = s
        .iter()
        .find(|q| q.0 == "at war with our farmers")
        .unwrap_or_else(|| panic!("no partial quote of the quoted words: {s:#?}"));
    assert_eq!(q.1, QuoteKind::Partial, "{s:?}");
    assert!(q.2.is_some(), "{s:?}");
    // The reporter's clause around it is reported speech too, with the same speaker.
    let clause = s
        .iter()
        .find(|c| c.1 == QuoteKind::Indirect && c.0.contains("the West of being"))
        .unwrap_or_else(|| panic!("no indirect clause: {s:#?}"));
    assert!(clause.0.contains("at war with our farmers"), "{s:?}");
    assert_eq!(clause.2, q.2, "{s:?}");
}

#[test]
fn indirect_speech_has_a_speaker_and_cue() {
    let d = run(
        "Rates\n\nCentral bank governor Lena Holm said that interest rates would \
                 stay unchanged until the spring.\n",
    );
    let q = d
        .quotes
        .iter()
        .find(|q| {
            d.slice(q.span)
                .contains("interest rates would stay unchanged")
        })
        .unwrap_or_else(|| panic!("{:?}", summary(&d)));
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(d.slice(q.cue.unwrap()), "said");
    assert!(q.speaker.as_ref().unwrap().name.contains("Lena Holm"));
}

#[test]
fn he_said_is_the_previous_speaker() {
    let d = run(
        "Bridge plan\n\n“The bridge is safe,” said engineer Paul Varga.\n\n\
                 “We checked every bolt,” he said.\n",
    );
    let s = summary(&d);
    let q = find(&s, "checked every bolt");
    assert_eq!(q.2.as_deref(), Some("Paul Varga"), "{s:?}");
    let q = quote_with(&d, "checked every bolt");
    assert_eq!(d.slice(q.speaker.as_ref().unwrap().mention.unwrap()), "he");
}

#[test]
fn pronoun_resolves_to_the_entity_when_mentions_exist() {
    let text = "Bridge plan\n\nEngineer Paul Varga inspected the bridge on Monday.\n\n\
                “We checked every bolt,” he said.\n";
    let mut d = doc(text);
    let he = text.find("he said").unwrap();
    d.mentions = vec![
        name_mention(text, "Paul Varga"),
        Mention {
            span: Span::new(he, he + 2),
            etype: EntityType::Person,
            kind: MentionKind::Pronoun,
            entity: None,
        },
    ];
    d.entities = vec![person("person:paul-varga", "Paul Varga", &["Engineer"])];
    attribute(&mut d);
    let q = quote_with(&d, "checked every bolt");
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!((sp.name.as_str(), sp.entity), ("Paul Varga", Some(0)));
}

#[test]
fn according_to() {
    let d = run("Floods\n\nAccording to Maria Silva, “the river has never been this high.”\n");
    let s = summary(&d);
    let q = find(&s, "river has never been this high");
    assert_eq!(q.2.as_deref(), Some("Maria Silva"), "{s:?}");
}

#[test]
fn apposition_between_speaker_and_cue() {
    let d = run(
        "Harvest\n\nJonas Wilde, who has farmed the valley for forty years, said the \
                 harvest was the worst he could remember.\n",
    );
    let q = quote_with(&d, "harvest was the worst");
    assert!(
        q.speaker.as_ref().unwrap().name.contains("Jonas Wilde"),
        "{:?}",
        summary(&d)
    );
}

#[test]
fn channel_is_the_relaying_outlet() {
    let d = run(
        "Border talks\n\nTASS cited him as saying that the border would remain \
                 closed. Earlier, Alexander Lukashenko had met the envoy.\n",
    );
    let q = quote_with(&d, "border would remain closed");
    let ch = q.channel.as_ref().expect("a channel");
    assert_eq!(ch.name, "TASS");
    assert_eq!(d.slice(q.speaker.as_ref().unwrap().mention.unwrap()), "him");
}

#[test]
fn channel_with_a_named_speaker() {
    let text = "Border talks\n\nAlexander Lukashenko met the envoy on Friday.\n\n\
                TASS cited him as saying that the border would remain closed.\n";
    let mut d = doc(text);
    d.mentions = vec![name_mention(text, "Alexander Lukashenko")];
    d.entities = vec![person(
        "person:alexander-lukashenko",
        "Alexander Lukashenko",
        &[],
    )];
    attribute(&mut d);
    let q = quote_with(&d, "border would remain closed");
    assert_eq!(q.speaker.as_ref().unwrap().name, "Alexander Lukashenko");
    assert_eq!(q.channel.as_ref().unwrap().name, "TASS");
}

#[test]
fn headline_repeating_a_quote_is_not_a_new_quote() {
    let d = run(
        "“We will not give up,” says union leader\n\n“We will not give up,” said \
                 union leader Maria Lopez on Monday.\n",
    );
    let s = summary(&d);
    let n = s
        .iter()
        .filter(|q| q.0.contains("We will not give up"))
        .count();
    assert_eq!(n, 1, "{s:?}");
    let q = &d.quotes[0];
    assert!(q.span.start > d.title.unwrap().end);
}

#[test]
fn caption_repeating_a_quote_is_not_a_new_quote() {
    let d = run(
        "Strike\n\n“We will not give up,” said union leader Maria Lopez on Monday.\n\n\
                 “We will not give up.” Maria Lopez at the rally.\n",
    );
    let s = summary(&d);
    let n = s
        .iter()
        .filter(|q| q.0.contains("We will not give up"))
        .count();
    assert_eq!(n, 1, "{s:?}");
}

#[test]
fn unbalanced_and_nested_marks_do_not_panic() {
    for text in [
        "T\n\n“Never closed, said Ann.\n",
        "T\n\nClosed only” said Ann.\n",
        "T\n\n“He told me ‘no way’ twice,” said Ann.\n",
        "T\n\n“““”””\n",
        "T\n\n\"\n",
        "T\n\n” “ ” “ « » „\n",
        "T\n\n‘\n",
        "“",
        "",
        "T",
    ] {
        let d = run(text);
        for q in &d.quotes {
            assert!(q.span.end <= d.text.len());
        }
    }
    let d = run("Nest\n\n“He told me ‘we are done’ and left,” said Ann Kovac.\n");
    let s = summary(&d);
    let q = find(&s, "He told me");
    assert_eq!(q.2.as_deref(), Some("Ann Kovac"), "{s:?}");
}

#[test]
fn quotes_in_captions_and_headlines_stay_bounded() {
    let d = run("“Quote in headline”\n\nPhoto: “a caption quote” by staff\n");
    for q in &d.quotes {
        assert!(q.span.start >= d.body[0].start);
    }
}

#[test]
fn hundred_kilobyte_paragraph_in_bounded_time() {
    let mut text = String::from("Long\n\n");
    let unit = "“We will rebuild the town,” said Mayor Ida Strand. Critics said that \
                the plan was too costly, and one called it “a fantasy” ";
    while text.len() < 100_000 {
        text.push_str(unit);
    }
    // and an unclosed mark at the end
    text.push_str("“never closed");
    let t0 = Instant::now();
    let d = run(&text);
    let took = t0.elapsed();
    assert!(d.quotes.len() > 100, "{}", d.quotes.len());
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn raw_byte_offsets_point_into_the_text() {
    let d = run("Port\n\n«Nous sommes prêts», a déclaré le maire. “Ça va,” said Émile Zola.\n");
    for q in &d.quotes {
        assert!(d.text.is_char_boundary(q.span.start) && d.text.is_char_boundary(q.span.end));
        if let Some(c) = q.cue {
            assert!(d.text.is_char_boundary(c.start) && d.text.is_char_boundary(c.end));
        }
    }
}

#[test]
fn embedded_model_loads_and_round_trips() {
    let t = narrascope_quotes::Tagger::embedded()
        .unwrap()
        .expect("models/quotes/tagger.bin is embedded");
    let again = narrascope_quotes::Tagger::from_bytes(&t.to_bytes()).unwrap();
    let text = "“Yes,” she said.";
    assert_eq!(
        t.tag(text, Span::new(0, text.len())),
        again.tag(text, Span::new(0, text.len()))
    );
    assert!(narrascope_quotes::Tagger::from_bytes(b"garbage").is_err());
}

#[test]
fn rules_alone_find_direct_quotes() {
    let mut d = doc("Port\n\n“The harbour will reopen on Monday,” said Anna Berg.\n");
    QuoteStage::with_tagger(None).run(&mut d).unwrap();
    let s = summary(&d);
    assert_eq!(
        s,
        [(
            "The harbour will reopen on Monday".to_string(),
            QuoteKind::Direct,
            Some("Anna Berg".to_string())
        )]
    );
}

#[test]
fn random_mixes_of_marks_and_words_never_panic() {
    let pieces = [
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        "said",
        "he",
        "Anna",
        "Berg",
        ",",
        ".",
        ":",
        "according",
        "to",
        "cited",
        "him",
        "as",
        "saying",
        "that",
        "é",
        "—",
        "...",
        "U.S.",
        "’s",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        let mut text = String::from("T\n\n");
        for _ in 0..60 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            if state.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let d = run(&text);
        for q in &d.quotes {
            assert!(d.text.get(q.span.start..q.span.end).is_some(), "{text:?}");
        }
    }
}

/// [`doc`] in a given language (the rule-read ones: ru, bg, pt, hi), attributed.
fn run_in(lang: &str, text: &str) -> Document {
    let mut d = doc(text);
    d.language = Some(narrascope_core::MetaValue {
        value: lang.into(),
        source: narrascope_core::MetaSource::Given,
        evidence: None,
        confidence: None,
    });
    attribute(&mut d);
    d
}

/// The rule path for Russian, Bulgarian, Portuguese and Hindi never panics, on every
/// prefix and suffix of sentences that exercise each rule, on broken marks, and on
/// a 100 KB paragraph in bounded time.
#[test]
fn rule_languages_survive_cut_and_broken_text() {
    let samples = [
        (
            "ru",
            "Т\n\n«Мы „готовы“», — сказал Волков. Об этом он заявил. По его словам, всё. \
                Так считает глава МИД России Сергей Лавров: «нет».",
        ),
        (
            "bg",
            "Т\n\nказва се, че „не“, каза той. Според нея, да. Това заяви Иванова. \
                „Никой“, добави съветникът.",
        ),
        (
            "pt",
            "T\n\n“Sim”, disse. Segundo ele, não. O ministro, Rui Costa, afirmou que sim. \
                refere-se no relatório que há riscos.",
        ),
        (
            "hi",
            "शीर्षक\n\nकहा कि हाँ। उन्होंने कहा, \"नहीं\"। वर्मा के अनुसार, देरी होगी। \
                मंत्री का कहना है कि ठीक है।",
        ),
    ];
    for (lang, text) in samples {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&k| text.is_char_boundary(k))
            .collect();
        for &k in cuts.iter().step_by(3) {
            for t in [&text[..k], &text[k..]] {
                let d = run_in(lang, t);
                for q in &d.quotes {
                    assert!(q.span.end <= d.text.len() && q.span.start <= q.span.end);
                }
            }
        }
        for broken in [
            "Т\n\n»«„“\"",
            "Т\n\n«««",
            "Т\n\n— сказал",
            "Т\n\n, каза",
            "T\n\n। कहा",
        ] {
            run_in(lang, broken);
        }
        let mut long = String::from("Т\n\n");
        while long.len() < 100_000 {
            long.push_str(&text[text.find("\n\n").unwrap() + 2..]);
            long.push(' ');
        }
        let t0 = Instant::now();
        run_in(lang, &long);
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "{lang}: {:?}",
            t0.elapsed()
        );
    }
}
