//! [`Narratives`]: one model per language, picked by the caller's language hint or by
//! a guess from the text.
//!
//! Per-language models beat one model trained on all five languages in
//! cross-validation (English above all, whose share of "Other" documents is six times
//! the others'), so the product ships one model per training language.

use std::path::Path;

use narrascope_core::Span;

use crate::language::{guess, LANGS};
use crate::semeval::Annotation;
use crate::{Labelled, NarrativeError, NarrativeModel};

/// The models built into the binary, one per language, in [`LANGS`] order (see
/// `models/narratives/README.md`).
pub static EMBEDDED_MODELS: [(&str, &[u8]); 5] = [
    (
        "EN",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/narratives/en.bin"
        )),
    ),
    (
        "BG",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/narratives/bg.bin"
        )),
    ),
    (
        "HI",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/narratives/hi.bin"
        )),
    ),
    (
        "PT",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/narratives/pt.bin"
        )),
    ),
    (
        "RU",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../models/narratives/ru.bin"
        )),
    ),
];

/// Models by language.
#[derive(Clone, Debug)]
pub struct Narratives {
    models: Vec<(String, NarrativeModel)>,
}

impl Narratives {
    /// The embedded models.
    pub fn embedded() -> Result<Narratives, NarrativeError> {
        let models = EMBEDDED_MODELS
            .iter()
            .map(|(lang, bytes)| {
                NarrativeModel::from_bytes(bytes)
                    .map(|m| (lang.to_string(), m))
                    .map_err(|e| NarrativeError::Model(format!("{lang}: {e}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(Narratives { models })
    }

    /// One model for every language.
    pub fn single(model: NarrativeModel) -> Narratives {
        Narratives {
            models: vec![("*".to_string(), model)],
        }
    }

    /// The `<lang>.bin` files of a folder (`en.bin`, `bg.bin`, …); at least one.
    pub fn load_dir(dir: &Path) -> Result<Narratives, NarrativeError> {
        let mut models = Vec::new();
        for lang in LANGS {
            let p = dir.join(format!("{}.bin", lang.to_lowercase()));
            if p.exists() {
                models.push((lang.to_string(), NarrativeModel::load(&p)?));
            }
        }
        if models.is_empty() {
            return Err(NarrativeError::Model(format!(
                "no <lang>.bin model in {}",
                dir.display()
            )));
        }
        Ok(Narratives { models })
    }

    /// Languages with a model.
    pub fn languages(&self) -> Vec<&str> {
        self.models.iter().map(|(l, _)| l.as_str()).collect()
    }

    /// The model for `text`: the hinted language (ISO 639-1 or our codes, any case) when
    /// it has one, else the guessed language's, else the first (English).
    pub fn model_for(&self, text: &str, hint: Option<&str>) -> &NarrativeModel {
        let find = |code: &str| {
            self.models
                .iter()
                .find(|(l, _)| l == "*" || l.eq_ignore_ascii_case(code))
                .map(|(_, m)| m)
        };
        hint.and_then(find)
            .or_else(|| find(LANGS[guess(text)]))
            .unwrap_or(&self.models[0].1)
    }

    /// Labels with scores and evidence (see [`NarrativeModel::label`]).
    pub fn label(&self, text: &str, sentences: &[Span], hint: Option<&str>) -> Labelled {
        self.model_for(text, hint).label(text, sentences)
    }

    /// The official-format row for a document.
    pub fn annotate(&self, id: &str, text: &str, hint: Option<&str>) -> Annotation {
        self.model_for(text, hint).annotate(id, text)
    }
}
