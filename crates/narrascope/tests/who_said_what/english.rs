//! English: the tagger and its speaker rules on the sample corpus and our own texts.

use crate::support::{assert_speaker, quotes, quotes_in, speaker_of};

#[test]
fn minsk_quotes_have_their_speakers() {
    let qs = quotes("01-minsk-grain-talks.txt");
    let luka = "Alexander Lukashenko";
    // "Lukashenko said on Tuesday that …, and accused the West of being “at war …”"
    assert_eq!(speaker_of(&qs, "that Minsk was prepared"), Some(luka));
    assert_eq!(speaker_of(&qs, "at war with Russia"), Some(luka));
    assert_eq!(speaker_of(&qs, "as early as next month"), Some(luka));
    assert_eq!(speaker_of(&qs, "never closed the door"), Some(luka));
    assert_eq!(speaker_of(&qs, "We are not asking"), Some(luka));
    assert_eq!(speaker_of(&qs, "Bread should not be a weapon"), Some(luka));
    assert_eq!(speaker_of(&qs, "that European sanctions"), Some(luka));
    // "TASS cited him as saying": the speaker is Lukashenko, TASS the channel.
    assert_eq!(speaker_of(&qs, "a shot in the foot"), Some(luka));
    // "Lukashenko also told the governors to …"
    assert_eq!(speaker_of(&qs, "to prepare storage"), Some(luka));
    assert_eq!(speaker_of(&qs, "answer for it personally"), Some(luka));
    // "Western diplomats in Vilnius … said": the diplomats, not the city.
    assert_eq!(
        speaker_of(&qs, "they saw the proposal"),
        Some("Western diplomats")
    );
    // Every quote of this article has a speaker.
    assert!(qs.iter().all(|q| q.2.is_some()), "{qs:#?}");
}

#[test]
fn a_quote_continues_its_speaker_not_the_next_paragraphs() {
    let qs = quotes("04-drought-wheat-crlf.txt");
    // ‘…,’ she said. ‘Some of my neighbours …’ ¶ Meteorologists said …
    assert_eq!(
        speaker_of(&qs, "Some of my neighbours"),
        Some("Helen Marsh")
    );
    assert_eq!(
        speaker_of(&qs, "the drought was caused"),
        Some("Meteorologists")
    );
}

#[test]
fn appositions_possessives_and_titles_name_the_speaker() {
    let qs = quotes_in(
        "port.txt",
        "Port talks stall\n\n\
         Anna Berg, who heads the Odesa port authority, said the terminal would reopen next week.\n\n\
         “We have lost three days already,” said Berg.\n\n\
         According to Ukraine's infrastructure ministry, repairs will cost at least $40 million.\n\n\
         The Kremlin's spokesman Dmitry Peskov told reporters that Moscow had not targeted \
         civilian facilities.\n",
    );
    assert_eq!(
        speaker_of(&qs, "the terminal would reopen"),
        Some("Anna Berg")
    );
    assert_eq!(speaker_of(&qs, "We have lost"), Some("Anna Berg"));
    assert_eq!(
        speaker_of(&qs, "repairs will cost"),
        Some("Ukraine's infrastructure ministry")
    );
    assert_eq!(
        speaker_of(&qs, "that Moscow had not"),
        Some("Dmitry Peskov")
    );
}

#[test]
fn a_party_or_nationality_word_before_the_head_is_not_the_speaker() {
    let qs = quotes_in(
        "senator.txt",
        "Senators raise the stakes over the border\n\n\
         While the capital escalated the conflict by sending ships to the area, the \
         Republican Senator from Ohio, Mark Delaney, blames the escalation on Tehran and \
         issues a threat: “if you move troops, we are coming for you.”\n\n\
         Israeli officials said the crossing would stay closed until Friday.\n\n\
         Meanwhile the Russian defence ministry said its troops had repelled two attacks \
         near the village.\n\n\
         Delaney continues with his threats to Tehran: “I am ready to use force against \
         you.”\n",
    );
    // "Republican" modifies "Senator"; the senator is named in apposition after the
    // place phrase.
    assert_speaker(&qs, "if you move troops", Some("Mark Delaney"));
    assert_speaker(
        &qs,
        "the crossing would stay closed",
        Some("Israeli officials"),
    );
    assert_speaker(
        &qs,
        "its troops had repelled",
        Some("Russian defence ministry"),
    );
    // "to Tehran:" is the object of the threats, not who makes them.
    assert_speaker(&qs, "I am ready to use force", Some("Mark Delaney"));
}

#[test]
fn function_words_are_never_speakers() {
    let qs = quotes_in(
        "lights.txt",
        "Strange lights over the lake\n\n\
         Ball lightning, sometimes called “fireballs” or “globe lightning”, has been \
         reported by pilots for decades.\n\n\
         The rules would limit boats to using two engines, the agency said.\n",
    );
    assert!(!qs.is_empty(), "{qs:#?}");
    for (text, _, speaker) in &qs {
        let s = speaker.as_deref().unwrap_or("").to_lowercase();
        assert!(
            !["sometimes", "the", "as", "for", "was"].contains(&s.as_str()),
            "{text:?} got the speaker {s:?}"
        );
    }
    assert_speaker(&qs, "The rules would limit", Some("the agency"));
}

#[test]
fn a_relative_clause_source_is_the_name_before_it() {
    let qs = quotes_in(
        "kessler.txt",
        "Alliance promises a response\n\n\
         Martin Kessler, who wrote an entire book about the subject, said the plan would \
         fail.\n\n\
         The hawks clearly believe that they are winning the argument.\n\n\
         The warming, which experts say is due to human activity, continued last year.\n",
    );
    // After "which" a noun can be the subject: the experts speak.
    assert_speaker(&qs, "is due to human activity", Some("experts"));
    assert_speaker(&qs, "the plan would fail", Some("Martin Kessler"));
    // A trailing adverb is not part of the name.
    assert_speaker(&qs, "that they are winning", Some("The hawks"));
}

#[test]
fn the_person_speaks_not_the_institution_in_their_description() {
    let qs = quotes_in(
        "ants.txt",
        "Fire ants reach the Baltic\n\n\
         “Nobody expected them this far north,” lead author Karin Holm of the Swedish \
         Museum of Natural History said in a statement.\n\n\
         “This could be a very long summer,” Uppsala University Professor of Ecology \
         Jonas Lind said.\n\n\
         Jonas Lind, a fellow of the Royal Swedish Academy of Sciences, warned that the \
         colonies would spread along the railway lines.\n",
    );
    assert_speaker(&qs, "Nobody expected them", Some("Karin Holm"));
    assert_speaker(&qs, "This could be a very long summer", Some("Jonas Lind"));
    assert_speaker(&qs, "that the colonies would spread", Some("Jonas Lind"));
}

#[test]
fn a_speech_participle_continues_its_clauses_speaker() {
    let qs = quotes_in(
        "bridge.txt",
        "Bridge repairs drag on\n\n\
         “The steel has not arrived,” Marta Kovac said, adding that the contractor had \
         been paid in March.\n\n\
         The ministry published the figures on Monday, signalling that the budget would \
         be cut.\n",
    );
    assert_speaker(
        &qs,
        "that the contractor had been paid",
        Some("Marta Kovac"),
    );
    // "signalling" reports no speech of its own: it does not inherit a speaker.
    if let Some(q) = qs.iter().find(|q| q.0.starts_with("that the budget")) {
        assert_ne!(q.2.as_deref(), Some("Marta Kovac"), "{qs:#?}");
    }
}

#[test]
fn a_quote_opening_a_paragraph_continues_the_speaker_before_it() {
    let qs = quotes_in(
        "harbour.txt",
        "Harbour bridge to reopen early\n\n\
         The harbour bridge will reopen in May, two months ahead of plan.\n\n\
         “The crews worked through the winter,” Mayor Ana Ruiz told reporters on Monday.\n\n\
         “We owe this to them. Nobody else deserves the credit.” The union, for its part, \
         said the overtime had never been paid.\n",
    );
    // The quote ends on a full stop: the union's "said", a sentence later, has its
    // own words; the mayor is still speaking.
    assert_speaker(&qs, "We owe this to them", Some("Ana Ruiz"));
    assert_speaker(&qs, "the overtime had never been paid", Some("The union"));
}

#[test]
fn wishes_plans_and_impressions_are_not_quotes() {
    let qs = quotes_in(
        "grain.txt",
        "Grain corridor in doubt\n\n\
         The ministry said on Friday that exports had fallen by a third.\n\n\
         Moscow plans to open a second route through the Caspian by the autumn, and \
         the traders want the insurers to lower their premiums.\n\n\
         It appears that the convoys will not sail before June. This suggests that \
         prices will keep rising.\n",
    );
    assert_speaker(&qs, "that exports had fallen", Some("The ministry"));
    for not_said in [
        "to open a second route",
        "the insurers to lower",
        "that the convoys",
        "the convoys will not sail",
        "that prices will keep rising",
        "prices will keep rising",
    ] {
        assert!(
            !qs.iter().any(|q| q.0.starts_with(not_said)),
            "{not_said:?} is not speech: {qs:#?}"
        );
    }
}

#[test]
fn scare_quotes_are_not_quotes_but_quoted_words_after_a_cue_are() {
    let qs = quotes_in(
        "farm.txt",
        "Tycoon changes course\n\n\
         The admission from Harland is a major shift for the tycoon who has been a leading \
         proponent of the “climate emergency” narrative. For years, Harland has been \
         warning about floods.\n\n\
         The Danish government will tax farmers for the so-called “greenhouse gases” \
         allegedly emitted by their livestock.\n\n\
         Farm leader Ole Dahl called the tax “a death sentence for small farms”.\n",
    );
    for scare in ["climate emergency", "greenhouse gases"] {
        assert!(
            !qs.iter().any(|q| q.0.contains(scare)),
            "{scare:?} is a scare quote: {qs:#?}"
        );
    }
    assert_speaker(&qs, "a death sentence", Some("Ole Dahl"));
}

#[test]
fn he_added_after_a_quote_naming_someone_else_is_still_the_speaker() {
    let qs = quotes_in(
        "senate.txt",
        "Senate vote on aid\n\n\
         Senator Mark Delaney said the vote would pass on Friday. “We must not let \
         Vladimir Putin win this war,” he added.\n",
    );
    assert_speaker(&qs, "We must not let", Some("Mark Delaney"));
}

#[test]
fn a_sentence_ending_on_he_said_is_reported_speech_with_that_speaker() {
    let qs = quotes_in(
        "harbour.txt",
        "Harbour reopens\n\n\
         The harbour of Varna will reopen to grain ships before the end of the month, \
         port director Anna Petrova said during a visit to the terminal on Monday.\n\n\
         The storms of the last week have damaged two of the four cranes, she said.\n\n\
         The repairs will cost far more than the city has set aside, said the engineers.\n\n\
         The preceding letter, written by the mayor after the storm, tells the whole story.\n",
    );
    assert_speaker(
        &qs,
        "The harbour of Varna will reopen",
        Some("Anna Petrova"),
    );
    assert_speaker(&qs, "The storms of the last week", Some("Anna Petrova"));
    assert_speaker(&qs, "The repairs will cost", Some("the engineers"));
    // "during a visit …" is when she said it, not what she said; and an object after
    // "tells" is not its speaker.
    assert!(
        qs.iter()
            .all(|q| !q.0.starts_with("during") && !q.0.contains("whole story")),
        "{qs:#?}"
    );
}

#[test]
fn titled_names_tagged_as_organisations_and_plural_groups_are_resolved() {
    // The tagger reads "Defence Secretary Grant Shapps" as one organisation and "the
    // Houthis" as a person; the speaker of "He said" is still Shapps.
    let qs = quotes_in(
        "red-sea.txt",
        "Red Sea strikes\n\n\
         Defence Secretary Grant Shapps said Britain would defend shipping. Mr. Shapps \
         refused to rule out further action against the Houthis following the weekend \
         attacks. He said the strike was a single action. Kyiv Mayor Vitali Klitschko \
         said he was ready to fight, and his brother Wladimir Klitschko agreed.\n",
    );
    assert_speaker(&qs, "Britain would", Some("Grant Shapps"));
    assert_speaker(&qs, "the strike was", Some("Grant Shapps"));
    assert_speaker(&qs, "he was ready", Some("Vitali Klitschko"));
}

#[test]
fn a_name_before_a_plural_or_a_spokesperson_only_describes_the_speaker() {
    let qs = quotes_in(
        "belgorod.txt",
        "Fires in Belgorod\n\n\
         The fires started at night. Telegram channels reported that there had been \
         explosions before fires erupted. Former New York City Mayor Michael Bloomberg \
         this week announced that he would fund the clean-up.\n",
    );
    assert_speaker(&qs, "that there had been", Some("Telegram channels"));
    assert_speaker(&qs, "that he would fund", Some("Michael Bloomberg"));
}

#[test]
fn according_to_opening_or_closing_a_sentence_reports_the_rest_of_it() {
    let qs = quotes_in(
        "kursk.txt",
        "Fighting in Kursk\n\n\
         General Ivan Sokolov spoke to reporters on Monday.\n\n\
         According to him, many of the current problems began after the collapse of the \
         old alliance.\n\n\
         The army is redeploying to attack in a new area, according to the regional \
         governor.\n",
    );
    let q = qs
        .iter()
        .find(|q| q.0.starts_with("many of the current problems"))
        .unwrap_or_else(|| panic!("{qs:#?}"));
    assert!(q.0.ends_with("old alliance"), "{qs:#?}");
    assert_eq!(q.2.as_deref(), Some("Ivan Sokolov"), "{qs:#?}");
    assert_speaker(
        &qs,
        "The army is redeploying",
        Some("the regional governor"),
    );
}

#[test]
fn passive_cues_and_relative_pronouns_find_the_real_speaker() {
    let qs = quotes_in(
        "battle.txt",
        "Battle for the city\n\n\
         The mercenary chief Ivan Dorn said that his troops had captured the city. The \
         claims were however refuted by Kyiv who said that it is hanging on to a corner of \
         the city. The new rules were described by an administration official as \"the \
         strongest ever\" for the region. The argument was echoed by Walt Meier, a research \
         scientist at the National Snow and Ice Data Centre, who said that comparing two \
         years shows nothing.\n",
    );
    assert_speaker(&qs, "that it is hanging on", Some("Kyiv"));
    assert_speaker(
        &qs,
        "the strongest ever",
        Some("an administration official"),
    );
    assert_speaker(&qs, "that comparing two years", Some("Walt Meier"));
    // A participle of a state of mind is no passive: the experts are the source, and
    // "UK" only modifies them.
    let qs = quotes_in(
        "experts.txt",
        "Warning\n\nUK intelligence experts are concerned that Russia will use “fabricated” \
         claims regarding chemical weapons to justify an attack on the city.\n",
    );
    assert_speaker(&qs, "fabricated", Some("UK intelligence experts"));
}

#[test]
fn a_place_the_tagger_once_called_a_person_does_not_take_pronouns() {
    // The run-on headline makes "Bakhmut" a person once; the body calls it a place.
    let qs = quotes_in(
        "bakhmut.txt",
        "Wagner to hand over to Russian army Bakhmut was previously known as Artemovsk\n\n\
         The Wagner chief Yevgeny Prigozhin said that he will withdraw his troops from \
         Bakhmut by next month. Two days ago he claimed that his troops had captured the \
         city. Fighting in Bakhmut has lasted for months, and the roads to Bakhmut are \
         closed.\n",
    );
    assert_speaker(
        &qs,
        "that his troops had captured",
        Some("Yevgeny Prigozhin"),
    );
}

#[test]
fn a_continuing_participle_and_british_spellings_report_speech() {
    let qs = quotes_in(
        "claims.txt",
        "Climate claims\n\n\
         The activist Greta Lind spoke in Stockholm last week.\n\n\
         On June 21, she made a bold claim on Twitter, stating that humanity had a narrow \
         window to stop the use of fossil fuels.\n\n\
         Austria's chief negotiator, Alexander Kmentt, emphasised that this issue is not \
         just a legal concern but also an ethical one.\n",
    );
    assert_speaker(&qs, "that humanity had a narrow window", Some("Greta Lind"));
    assert_speaker(&qs, "that this issue is not just", Some("Alexander Kmentt"));
}

#[test]
fn a_description_naming_an_earlier_organisation_is_that_organisation() {
    let qs = quotes_in(
        "gallery.txt",
        "Museum protest\n\n\
         Activists glued themselves to a painting at the National Gallery in London on \
         Friday. The gallery said the painting was not damaged. The Washington Post \
         reported the protest first. A Facebook post claimed the protest was staged. The \
         post said the activists were paid actors.\n",
    );
    assert_speaker(
        &qs,
        "the painting was not damaged",
        Some("National Gallery"),
    );
    // "the post" is a Facebook post here, not a newspaper.
    assert_ne!(
        speaker_of(&qs, "the activists were paid actors"),
        Some("Washington Post"),
        "{qs:#?}"
    );
}

#[test]
fn the_writers_own_first_person_claims_are_not_quotes() {
    let qs = quotes_in(
        "letters.txt",
        "Letters\n\n\
         To the editor: Senator Ann Price said on Monday that the budget was balanced. I \
         think she is wrong about the deficit. We predicted that the plan would fail.\n",
    );
    assert_speaker(
        &qs,
        "that the budget was balanced",
        Some("Senator Ann Price"),
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
}

#[test]
fn a_description_of_a_person_is_the_person_named_before_not_the_organisation() {
    let qs = quotes_in(
        "summit.txt",
        "Climate summit\n\n\
         UN Secretary-General Antonio Guterres spoke to delegates in New York on Monday.\n\n\
         \"I will never forget the carnage I saw after the flooding,\" the U.N. chief \
         declared on Twitter.\n",
    );
    assert_speaker(&qs, "I will never forget", Some("Antonio Guterres"));
}
