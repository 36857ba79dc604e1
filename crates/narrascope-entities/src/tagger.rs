//! The shipped tagger: the embedded model behind a text-in, spans-out API.

use std::sync::{Arc, OnceLock};

use crate::error::EntityError;
use crate::model::Model;
use crate::tags::{spans, NerClass, Tag};
use crate::tokenize::{tokenize_into, Token};

/// The model trained by `narrascope train ner`, built into the binary so the product
/// needs no file at run time (see `models/ner/README.md`).
pub static EMBEDDED_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner/ner.bin"
));

/// A named-entity tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// Shared: the embedded model is parsed once and every tagger reads the same one.
    model: Arc<Model>,
}

/// A name the tagger found: byte span into the tagged text and token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the first token in the token list returned with it.
    pub first_token: usize,
    /// One past the last token.
    pub end_token: usize,
    /// Class.
    pub class: NerClass,
}

/// Sentences longer than this many tokens are tagged in windows of this size, so memory
/// stays bounded on text without sentence breaks.
const WINDOW: usize = 256;

impl Tagger {
    /// Loads the embedded model. The model is parsed once per process; later calls share
    /// it (a deep copy of its lexicons cost more than parsing them).
    pub fn embedded() -> Result<Tagger, EntityError> {
        static CACHE: OnceLock<Result<Arc<Model>, String>> = OnceLock::new();
        let model = CACHE.get_or_init(|| {
            Model::from_bytes(EMBEDDED_MODEL)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        });
        match model {
            Ok(m) => Ok(Tagger {
                model: Arc::clone(m),
            }),
            Err(e) => Err(EntityError::BadModel(e.clone())),
        }
    }

    /// A tagger over a given model.
    pub fn new(model: Model) -> Tagger {
        Tagger {
            model: Arc::new(model),
        }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags already tokenised words.
    pub fn tag_words(&self, words: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        for chunk in words.chunks(WINDOW) {
            out.extend(self.model.tag(chunk));
        }
        out
    }

    /// Headlines in Title Case ("Putin Says US Ignored Its Demands") read to the tagger
    /// like a string of names. When most words are capitalised, words that are usually
    /// lowercase in running text are lowercased before tagging (offsets are unchanged).
    fn recase_headline(&self, words: &[&str]) -> Option<Vec<String>> {
        let alpha: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let caps = alpha
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if alpha.len() < 4 || caps * 10 < alpha.len() * 7 {
            return None;
        }
        let case = &self.model.lexicons.case;
        Some(
            words
                .iter()
                .map(|w| {
                    let low = crate::features::normalize(w);
                    if case.get(&low).is_some_and(|b| *b <= 1) {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
                .collect(),
        )
    }

    /// Tokenises `text[start..end]` (one sentence or title) and tags it. Returns the tokens
    /// (offsets into `text`) and the names found.
    pub fn tag_region(&self, text: &str, start: usize, end: usize) -> (Vec<Token>, Vec<Name>) {
        let mut toks = Vec::new();
        tokenize_into(text, start, end, &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let recased = self.recase_headline(&words);
        let tags = match &recased {
            Some(r) => self.tag_words(&r.iter().map(String::as_str).collect::<Vec<_>>()),
            None => self.tag_words(&words),
        };
        let names = spans(&tags)
            .into_iter()
            .map(|s| Name {
                start: toks[s.start].start,
                end: toks[s.end - 1].end,
                first_token: s.start,
                end_token: s.end,
                class: s.class,
            })
            .collect();
        (toks, names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_tags_a_sentence() {
        let t = Tagger::embedded().expect("embedded model");
        let words = [
            "Alexander",
            "Lukashenko",
            "met",
            "officials",
            "in",
            "Minsk",
            ".",
        ];
        let tags: Vec<String> = t.tag_words(&words).iter().map(|t| t.label()).collect();
        assert_eq!(tags, ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"]);
    }

    #[test]
    fn title_case_headlines_are_not_all_names() {
        let t = Tagger::embedded().unwrap();
        let text = "Putin Says US Ignored Its Security Demands";
        let (_, names) = t.tag_region(text, 0, text.len());
        let got: Vec<&str> = names.iter().map(|n| &text[n.start..n.end]).collect();
        assert!(got.contains(&"Putin"), "{got:?}");
        assert!(
            got.iter()
                .all(|n| !n.contains("Says") && !n.contains("Demands")),
            "{got:?}"
        );
    }

    #[test]
    fn regions_give_byte_spans() {
        let t = Tagger::embedded().unwrap();
        let text = "Intro. Alexander Lukashenko met officials in Minsk.";
        let (_, names) = t.tag_region(text, 7, text.len());
        let got: Vec<(&str, NerClass)> = names
            .iter()
            .map(|n| (&text[n.start..n.end], n.class))
            .collect();
        assert_eq!(
            got,
            [
                ("Alexander Lukashenko", NerClass::Per),
                ("Minsk", NerClass::Loc)
            ]
        );
    }
}
