//! The entity stage on small articles we wrote ourselves.

use narrascope_core::{
    Article, Document, EntityType, GivenMeta, MentionKind, SourceFormat, Span, Stage,
};
use narrascope_entities::EntityStage;

/// A document whose title is the first line and whose sentences end at ". ".
fn doc(text: &str) -> Document {
    let article = Article {
        id: "t".into(),
        path: "t.txt".into(),
        format: SourceFormat::Text,
        raw: text.into(),
        given: GivenMeta::default(),
    };
    let mut d = Document::from_text(article);
    let title_end = text.find('\n').unwrap_or(text.len());
    d.title = Some(Span::new(0, title_end));
    let mut start = title_end;
    while start < text.len() && text[start..].starts_with(char::is_whitespace) {
        start += 1;
    }
    let mut i = start;
    while i < text.len() {
        if text[i..].starts_with(". ") || text[i..].starts_with(".\n") || i + 1 == text.len() {
            let end = i + 1;
            d.sentences.push(Span::new(start, end));
            start = end;
            while start < text.len() && text[start..].starts_with(char::is_whitespace) {
                start += 1;
            }
            i = start;
        } else {
            i += text[i..].chars().next().unwrap().len_utf8();
        }
    }
    d
}

const ARTICLE: &str = "Lukashenko vows to stay in power\n\n\
Belarusian President Alexander Lukashenko said on Monday that he would not step down. \
The Belarusian leader spoke to workers at a tractor factory in Minsk. \
Lukashenko, who has ruled Belarus since 1994, accused the West of meddling. \
The 67-year-old leader said Ukrainians were being used by NATO. \
His spokeswoman Natalia Eismont declined to comment.\n";

fn run(text: &str) -> Document {
    let stage = EntityStage::new().expect("embedded model");
    let mut d = doc(text);
    stage.run(&mut d).expect("stage runs");
    d
}

#[test]
fn one_lukashenko_with_title_nominals_and_pronouns() {
    let d = run(ARTICLE);
    for e in &d.entities {
        let ms: Vec<&str> = e
            .mentions
            .iter()
            .map(|m| d.slice(d.mentions[*m].span))
            .collect();
        eprintln!(
            "{} {:?} titles {:?} aliases {:?} mentions {:?} {:?}",
            e.id, e.etype, e.titles, e.aliases, ms, e.conflicts
        );
    }
    let luka: Vec<_> = d
        .entities
        .iter()
        .filter(|e| e.name.contains("Lukashenko"))
        .collect();
    assert_eq!(luka.len(), 1, "one Lukashenko entity");
    let e = luka[0];
    assert_eq!(e.id, "person:alexander-lukashenko");
    assert_eq!(e.name, "Alexander Lukashenko");
    assert_eq!(e.titles, ["Belarusian President"]);
    assert!(e.conflicts.is_empty());
    let texts: Vec<(&str, MentionKind)> = e
        .mentions
        .iter()
        .map(|m| (d.slice(d.mentions[*m].span), d.mentions[*m].kind))
        .collect();
    for want in [
        ("Lukashenko", MentionKind::Name),
        ("Alexander Lukashenko", MentionKind::Name),
        ("he", MentionKind::Pronoun),
        ("The Belarusian leader", MentionKind::Nominal),
        ("The 67-year-old leader", MentionKind::Nominal),
        ("His", MentionKind::Pronoun),
    ] {
        assert!(texts.contains(&want), "missing {want:?} in {texts:?}");
    }
    // Every mention index points back at its entity.
    let idx = d.entities.iter().position(|x| x.id == e.id).unwrap();
    for m in &e.mentions {
        assert_eq!(d.mentions[*m].entity, Some(idx));
    }
    let kinds = |t: EntityType| {
        d.entities
            .iter()
            .filter(|e| e.etype == t)
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
    };
    assert!(kinds(EntityType::Loc).contains(&"Minsk"));
    assert!(kinds(EntityType::Group).contains(&"the West"));
    assert!(kinds(EntityType::Group).contains(&"Ukrainians"));
    let eismont = d
        .entities
        .iter()
        .find(|e| e.name == "Natalia Eismont")
        .expect("Eismont");
    assert_eq!(eismont.titles, ["spokeswoman"]);
}

#[test]
fn flags_a_wrong_nationality_in_a_title() {
    let d = run(
        "Talks in Minsk\n\nBelarusian President Alexander Lukashenko met officials. \
Later, Russian President Alexander Lukashenko was quoted by the agency.\n",
    );
    let e = d
        .entities
        .iter()
        .find(|e| e.id == "person:alexander-lukashenko")
        .expect("entity");
    assert_eq!(e.titles, ["Belarusian President", "Russian President"]);
    assert_eq!(e.conflicts.len(), 1, "{:?}", e.conflicts);
}

#[test]
fn appositions_with_other_words_before_the_title_head_are_titles() {
    let d = run(
        "Envoy sees no deal soon\n\nRob Malley, the American envoy for Iran, met diplomats in Paris. \
The American special envoy said sanctions would stay. \
Josep Borrell, the EU foreign policy chief, spoke in Brussels. \
Earlier, in a letter to UN Secretary-General Antonio Guterres, the Russian mission's head, \
Vassily Nebenzia, said Moscow was worried.\n",
    );
    let titles = |id: &str| {
        d.entities
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no {id} in {:#?}", d.entities))
            .titles
            .clone()
    };
    assert_eq!(titles("person:rob-malley"), ["American envoy for Iran"]);
    assert_eq!(titles("person:josep-borrell"), ["EU foreign policy chief"]);
    // The description between two names belongs to the second.
    assert!(
        !titles("person:antonio-guterres")
            .iter()
            .any(|t| t.contains("mission")),
        "{:?}",
        titles("person:antonio-guterres")
    );
    // With a title, the later description links to the envoy.
    let malley = d
        .entities
        .iter()
        .position(|e| e.id == "person:rob-malley")
        .unwrap();
    let nominal = d
        .mentions
        .iter()
        .find(|m| d.text[m.span.start..m.span.end].contains("special envoy"))
        .expect("the description is a mention");
    assert_eq!(nominal.entity, Some(malley));
}

#[test]
fn same_person_same_id_across_articles() {
    let a = run("Visit\n\nAlexander Lukashenko visited Moscow on Friday.\n");
    let b =
        run("Talks\n\nPresident Alexander Lukashenko met Russian officials. Lukashenko smiled.\n");
    let id = |d: &Document| {
        d.entities
            .iter()
            .find(|e| e.etype == EntityType::Person)
            .map(|e| e.id.clone())
    };
    assert_eq!(id(&a), id(&b));
}

#[test]
fn hostile_inputs_do_not_hang_or_panic() {
    let stage = EntityStage::new().unwrap();
    // A 100 KB paragraph with no sentence break.
    let para = "Alexander Lukashenko met the Belarusian leader and he said Minsk , ".repeat(1600);
    let mut d = doc(&format!("T\n\n{para}"));
    d.sentences = vec![Span::new(3, d.text.len())];
    let t = std::time::Instant::now();
    stage.run(&mut d).unwrap();
    assert!(
        t.elapsed().as_secs() < 20,
        "100 KB paragraph took {:?}",
        t.elapsed()
    );
    assert!(d.entities.iter().any(|e| e.name == "Alexander Lukashenko"));
    // Odd bytes, lone punctuation, huge words, regions out of range or inside characters.
    for text in [
        "",
        "\n",
        "é",
        "“”’",
        "the the the",
        "He he he.",
        &"x".repeat(200_000),
    ] {
        let mut d = doc(text);
        stage.run(&mut d).unwrap();
    }
    let (m, e) = stage.annotate(
        "Minsk é",
        &[Span::new(0, 99), Span::new(7, 8), Span::new(0, 5)],
    );
    assert_eq!(m.len(), e.len());
}

#[test]
#[ignore = "slow in debug builds: run with --release -- --ignored"]
fn fifty_megabytes_in_linear_time() {
    let stage = EntityStage::new().unwrap();
    let sentence = "Belarusian President Alexander Lukashenko said he met officials in Minsk. ";
    let text = sentence.repeat(50_000_000 / sentence.len());
    let mut d = doc(&format!("Title\n\n{text}"));
    let t = std::time::Instant::now();
    stage.run(&mut d).unwrap();
    eprintln!("50 MB in {:?}, {} mentions", t.elapsed(), d.mentions.len());
    assert_eq!(
        d.entities
            .iter()
            .filter(|e| e.etype == EntityType::Person)
            .count(),
        1
    );
}

#[test]
fn random_word_salad_never_panics() {
    // Deterministic word salad from the words the rules look at, with odd characters.
    const VOCAB: &[&str] = &[
        "the",
        "The",
        "President",
        "president",
        "Mr",
        "Ms.",
        "Belarusian",
        "Belarussian",
        "67-year-old",
        "leader",
        "of",
        "Belarus",
        ",",
        ".",
        "he",
        "his",
        "She",
        "West",
        "the",
        "Alexander",
        "Lukashenko",
        "Minsk",
        "NATO",
        "European",
        "Union",
        "EU",
        "Ukrainians",
        "“",
        "”",
        "’s",
        "'s",
        "é",
        "\u{301}",
        "—",
        "Foreign",
        "Minister",
        "Emperor",
        "secretary",
        "general",
        "(",
        ")",
        "U.S.",
        "said",
        "Western",
        "\n",
        "  ",
    ];
    let stage = EntityStage::new().unwrap();
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for _ in 0..300 {
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut start = 0;
        let len = (x % 60) as usize;
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(VOCAB[(x % VOCAB.len() as u64) as usize]);
            text.push(' ');
            if x % 7 < 1 {
                sentences.push(Span::new(start, text.len()));
                start = text.len();
            }
        }
        sentences.push(Span::new(start, text.len()));
        let (mentions, entities) = stage.annotate(&text, &sentences);
        for m in &mentions {
            assert!(m.span.end <= text.len() && text.is_char_boundary(m.span.start));
            assert!(m.entity.is_none_or(|e| e < entities.len()));
        }
        for e in &entities {
            assert!(!e.mentions.is_empty());
            assert!(e.mentions.iter().all(|m| *m < mentions.len()));
        }
    }
}

/// Hindi has no capitals for the tagger to read: listed names and persons after a title
/// are found, one person under its full name and surname, places and bodies typed.
#[test]
fn hindi_names_from_the_list_and_after_titles() {
    let d = run("रूस और यूक्रेन\n\
         रूस के राष्ट्रपति व्लादिमीर पुतिन ने मॉस्को में कहा कि नाटो पीछे हटे. \
         पुतिन ने यह भी कहा कि विदेश मंत्रालय के प्रवक्ता अनिरुद्ध वर्मागोपाल ने जवाब दिया. \
         राष्ट्रपति चुनाव में कोई बदलाव नहीं होगा.");
    let find = |name: &str| d.entities.iter().find(|e| e.name == name);
    let putin = find("व्लादिमीर पुतिन").expect("Putin");
    assert_eq!(putin.etype, EntityType::Person);
    assert_eq!(
        putin.mentions.len(),
        2,
        "full name and surname are one person"
    );
    assert_eq!(find("रूस").map(|e| e.etype), Some(EntityType::Loc));
    assert_eq!(find("मॉस्को").map(|e| e.etype), Some(EntityType::Loc));
    assert_eq!(find("नाटो").map(|e| e.etype), Some(EntityType::Org));
    // A name no list holds, after a title.
    assert_eq!(
        find("अनिरुद्ध वर्मागोपाल").map(|e| e.etype),
        Some(EntityType::Person)
    );
    // "राष्ट्रपति चुनाव" is an election, not a person.
    assert!(find("चुनाव").is_none());
}

/// In Russian the tagger finds capitalised names but guesses their class; the Russian
/// list types the ones it holds, in any case form, and only for Russian documents.
#[test]
fn russian_names_take_the_class_of_the_list() {
    let text = "Заголовок\nВ Вашингтоне заявили, что Украине помогут. Представитель \
                Минобороны России ответил, что Путин встретится с Зеленским в Москве \
                без Украины.";
    let title_end = text.find('\n').unwrap();
    let regions = [
        Span::new(0, title_end),
        Span::new(title_end + 1, text.len()),
    ];
    let stage = EntityStage::new().expect("model");
    let (_, ru) = stage.annotate_in(text, &regions, Some("ru"));
    let class = |es: &[narrascope_core::Entity], name: &str| {
        es.iter().find(|e| e.name == name).map(|e| e.etype)
    };
    // Each name is one entity under its nominative, whatever case the text used.
    assert_eq!(class(&ru, "Вашингтон"), Some(EntityType::Loc));
    assert_eq!(class(&ru, "Украина"), Some(EntityType::Loc));
    assert_eq!(class(&ru, "Москва"), Some(EntityType::Loc));
    assert_eq!(class(&ru, "Минобороны России"), Some(EntityType::Org));
    assert_eq!(class(&ru, "Путин"), Some(EntityType::Person));
    assert_eq!(class(&ru, "Зеленский"), Some(EntityType::Person));
    let ukraine = ru.iter().find(|e| e.name == "Украина").unwrap();
    assert_eq!(
        ukraine.mentions.len(),
        2,
        "Украине and Украины are one entity"
    );
    // Without the language the tagger's own guess stands.
    let (_, unknown) = stage.annotate(text, &regions);
    assert_ne!(class(&unknown, "Вашингтоне"), Some(EntityType::Loc));
}
