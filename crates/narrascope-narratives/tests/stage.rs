//! `NarrativeStage` fills the document's narrative layers, with evidence spans that
//! come from the segmenter's sentences when present.

use std::sync::Arc;

use narrascope_core::{Article, Document, GivenMeta, SourceFormat, Span, Stage};
use narrascope_narratives::{NarrativeStage, Narratives, Taxonomy};

fn document(text: &str) -> Document {
    Document::from_text(Article {
        id: "t".into(),
        path: "t.txt".into(),
        format: SourceFormat::Text,
        raw: text.into(),
        given: GivenMeta::default(),
    })
}

#[test]
fn fills_narratives_consistent_with_the_hierarchy() {
    let stage = NarrativeStage::new(Arc::new(Narratives::embedded().unwrap()));
    let text = "Kyiv regime shells Donetsk again\n\nThe Western-backed regime in Kyiv \
                shelled residential areas of Donetsk, killing civilians. NATO keeps sending \
                weapons and prolonging the conflict, while sanctions hurt Europeans more than \
                Russia. Russian forces continue to liberate villages as the Ukrainian army \
                suffers heavy losses.";
    let mut doc = document(text);
    // Sentences as the segmenter would give them.
    let first = text.find("The Western").unwrap();
    let second = text.find("NATO").unwrap();
    doc.sentences = vec![Span::new(first, second - 1), Span::new(second, text.len())];
    stage.run(&mut doc).unwrap();
    assert!(!doc.narratives.is_empty() && !doc.subnarratives.is_empty());
    let t = Taxonomy::get();
    let chosen: Vec<&str> = doc.narratives.iter().map(|l| l.label.as_str()).collect();
    for s in &doc.subnarratives {
        if s.label == "Other" {
            assert_eq!(chosen, ["Other"]);
            continue;
        }
        let idx = t.subnarrative(&s.label).unwrap();
        let parent = t.narratives[t.subnarratives[idx].parent.unwrap()].name;
        assert!(chosen.contains(&parent), "{} without {parent}", s.label);
        for e in &s.evidence {
            assert!(
                doc.sentences.contains(e),
                "evidence {e:?} is not one of the sentences"
            );
        }
    }
    for w in doc.narratives.windows(2) {
        assert!(w[0].score >= w[1].score, "strongest first");
    }
}
