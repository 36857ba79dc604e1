//! [`ExplainStage`]: the explanation as a pipeline stage, after the narratives stage.

use std::sync::Arc;

use narrascope_core::{Document, Stage, StageError};
use narrascope_narratives::language::{guess, LANGS};
use narrascope_narratives::taxonomy::OTHER;
use narrascope_narratives::{split_sentences, Narratives, Taxonomy};

use crate::features::Article;
use crate::Explainer;

/// Fills `Document::explanation` for the dominant label: the top sub-narrative (a
/// `": Other"` one counts), else the top narrative; nothing when the document carries
/// only `"Other"`. The explanation is made of the document's own sentences
/// (`Document::sentences`, split here when the segmenter did not run), ranked with the
/// narrative model of the document's language, at most 80 words, with the sentences
/// used kept as evidence spans.
#[derive(Clone, Debug)]
pub struct ExplainStage {
    narratives: Arc<Narratives>,
    explainer: Arc<Explainer>,
}

impl ExplainStage {
    /// A stage using `narratives` for the sentence contributions and `explainer` for the
    /// ranking and the text.
    pub fn new(narratives: Arc<Narratives>, explainer: Arc<Explainer>) -> ExplainStage {
        ExplainStage {
            narratives,
            explainer,
        }
    }
}

/// Our language code for an ISO 639-1 or our own code (`en` → `EN`), else the one
/// guessed from the text.
fn code(lang: Option<&str>, text: &str) -> String {
    lang.map(|l| l.to_ascii_uppercase())
        .unwrap_or_else(|| LANGS[guess(text)].to_string())
}

impl Stage for ExplainStage {
    fn name(&self) -> &'static str {
        "explain"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let tax = Taxonomy::get();
        let pick = |v: &[narrascope_core::LabelScore]| {
            v.first()
                .filter(|l| l.label != OTHER)
                .map(|l| l.label.clone())
        };
        let Some(label) = pick(&doc.subnarratives).or_else(|| pick(&doc.narratives)) else {
            doc.explanation = None;
            return Ok(());
        };
        let hint = doc.language.as_ref().map(|l| l.value.as_str());
        let own;
        let sentences = if doc.sentences.is_empty() {
            own = split_sentences(&doc.text);
            &own[..]
        } else {
            &doc.sentences[..]
        };
        let (contributions, narrative_contributions) = if self.explainer.needs_contributions() {
            let model = self.narratives.model_for(&doc.text, hint);
            let narrative = tax
                .subnarrative(&label)
                .and_then(|s| tax.subnarratives[s].parent)
                .map(|n| tax.narratives[n].name);
            (
                model
                    .contributions(&doc.text, sentences, &label)
                    .unwrap_or_default(),
                narrative
                    .and_then(|n| model.contributions(&doc.text, sentences, n))
                    .unwrap_or_default(),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let lang = code(hint, &doc.text);
        let a = Article {
            text: &doc.text,
            sentences,
            label: &label,
            lang: &lang,
            contributions: &contributions,
            narrative_contributions: &narrative_contributions,
        };
        doc.explanation = self.explainer.explain(&a);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use narrascope_core::{Article, GivenMeta, LabelScore, SourceFormat};

    fn doc(text: &str) -> Document {
        Document::from_text(Article {
            id: "a".into(),
            path: "a.txt".into(),
            format: SourceFormat::Text,
            raw: text.into(),
            given: GivenMeta::default(),
        })
    }

    fn label(l: &str) -> LabelScore {
        LabelScore {
            label: l.into(),
            score: 0.9,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn explains_the_top_subnarrative_and_skips_other() {
        let stage = ExplainStage::new(
            Arc::new(Narratives::embedded().unwrap()),
            Arc::new(Explainer::embedded().unwrap()),
        );
        let text = "Activists are hypocrites\nClimate activists fly private jets to climate \
                    summits every year. They lecture ordinary people about their carbon \
                    footprint. Meanwhile the summit itself produced tons of waste and emissions.";
        let mut d = doc(text);
        let sub = "CC: Criticism of climate movement: Ad hominem attacks on key activists";
        d.narratives = vec![label("CC: Criticism of climate movement")];
        d.subnarratives = vec![
            label(sub),
            label("CC: Criticism of climate movement: Other"),
        ];
        stage.run(&mut d).unwrap();
        let e = d.explanation.clone().expect("an explanation");
        assert_eq!(e.label, sub);
        assert!(!e.evidence.is_empty());
        assert!(e.text.split_whitespace().count() <= crate::MAX_WORDS);
        // Evidence spans are sentences of the text, in text order, and their words
        // appear in the explanation.
        let sentences = split_sentences(text);
        assert!(e.evidence.iter().all(|s| sentences.contains(s)));
        assert!(e.evidence.windows(2).all(|w| w[0].start < w[1].start));
        let first = e.evidence[0].slice(text).split_whitespace().next().unwrap();
        assert!(e.text.contains(first), "{} / {first}", e.text);

        // Only "Other": no explanation (and a stale one is cleared).
        d.narratives = vec![label(OTHER)];
        d.subnarratives = vec![label(OTHER)];
        stage.run(&mut d).unwrap();
        assert_eq!(d.explanation, None);

        // No sub-narrative: the narrative is explained.
        d.narratives = vec![label("CC: Criticism of climate movement")];
        d.subnarratives = Vec::new();
        stage.run(&mut d).unwrap();
        assert_eq!(
            d.explanation.unwrap().label,
            "CC: Criticism of climate movement"
        );
    }
}
