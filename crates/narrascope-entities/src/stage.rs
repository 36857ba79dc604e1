//! `EntityStage`: tags the title and every sentence, then fills `Document::mentions` and
//! `Document::entities`.

use narrascope_core::{Document, Entity, Mention, MentionKind, Span, Stage, StageError};

use crate::error::EntityError;
use crate::features::normalize;
use crate::listed::{add_titled_persons, has_devanagari, NameList};
use crate::mentions::find;
use crate::resolve::resolve;
use crate::tagger::Tagger;

/// The named-entity stage. Build once (the model is parsed once), run on many documents
/// from many threads.
#[derive(Clone, Debug)]
pub struct EntityStage {
    tagger: Tagger,
}

impl EntityStage {
    /// The stage with the embedded model.
    pub fn new() -> Result<Self, EntityError> {
        Ok(EntityStage {
            tagger: Tagger::embedded()?,
        })
    }

    /// The stage with another tagger (a freshly trained model, in tests).
    pub fn with_tagger(tagger: Tagger) -> Self {
        EntityStage { tagger }
    }

    /// Finds the mentions and entities of `text`, reading each region (a title or a
    /// sentence) as one sentence. Regions must lie on character boundaries; overlapping or
    /// out-of-range regions are skipped.
    pub fn annotate(&self, text: &str, regions: &[Span]) -> (Vec<Mention>, Vec<Entity>) {
        self.annotate_in(text, regions, None)
    }

    /// [`EntityStage::annotate`] knowing the text's language (ISO 639-1), which picks the
    /// name list that completes the tagger ([`crate::listed`]); without it, Hindi is
    /// recognised by its script.
    pub fn annotate_in(
        &self,
        text: &str,
        regions: &[Span],
        language: Option<&str>,
    ) -> (Vec<Mention>, Vec<Entity>) {
        let cased = language.and_then(NameList::cased);
        let mut regions: Vec<Span> = regions
            .iter()
            .copied()
            .filter(|r| {
                r.start < r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end)
            })
            .collect();
        regions.sort();
        let gazetteer = &self.tagger.model().lexicons.gazetteer;
        // A listed place that the training data never names as a person.
        let is_place = |w: &str| {
            gazetteer.get(w).is_some_and(|&m| {
                m & (1 << crate::features::PLACE_BIT) != 0
                    && m & (1 << crate::tags::NerClass::Per as u8) == 0
            })
        };
        let mut raw = Vec::new();
        let mut last_end = 0;
        for (k, r) in regions.iter().enumerate() {
            if r.start < last_end {
                continue;
            }
            last_end = r.end;
            let (toks, mut names) = self.tagger.tag_region(text, r.start, r.end);
            if let Some(list) = cased {
                list.split(text, &toks, &mut names);
                list.retype(text, &mut names);
                list.add_capitalised_names(text, &toks, &mut names);
            } else if has_devanagari(&text[r.start..r.end]) {
                NameList::hindi().add_names(text, &toks, &mut names);
                add_titled_persons(text, &toks, &mut names);
            }
            let first_new = raw.len();
            find(text, &toks, &names, k, &is_place, &mut raw);
            // Every case of a listed name is one entity, named in the nominative.
            if let Some(list) = cased {
                for m in &mut raw[first_new..] {
                    if m.kind != MentionKind::Name {
                        continue;
                    }
                    if let Some(nom) = list.nominative(&m.text) {
                        m.words = nom.split_whitespace().map(normalize).collect();
                        m.text = nom.to_string();
                    }
                }
            }
        }
        resolve(raw, &is_place)
    }
}

/// The regions to read: the title, then the sentences (or, when the document was not
/// segmented, its paragraphs, body regions or lines).
fn regions(doc: &Document) -> Vec<Span> {
    let mut out: Vec<Span> = doc.title.into_iter().collect();
    let body: Vec<Span> = if !doc.sentences.is_empty() {
        doc.sentences.clone()
    } else if !doc.paragraphs.is_empty() {
        doc.paragraphs.clone()
    } else if !doc.body.is_empty() {
        doc.body.clone()
    } else {
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, b) in doc.text.bytes().enumerate() {
            if b == b'\n' {
                lines.push(Span::new(start, i));
                start = i + 1;
            }
        }
        lines.push(Span::new(start, doc.text.len()));
        lines
    };
    out.extend(
        body.into_iter()
            .filter(|s| !doc.title.is_some_and(|t| t.overlaps(*s))),
    );
    out
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let language = doc.language.as_ref().map(|l| l.value.as_str());
        let (mentions, entities) = self.annotate_in(&doc.text, &regions(doc), language);
        doc.mentions = mentions;
        doc.entities = entities;
        Ok(())
    }
}
