//! [`Narratives`]: one model per language, picked by the caller's language hint or by
//! a guess from the text.
//!
//! Per-language models beat one model trained on all five languages in
//! cross-validation (English above all, whose share of "Other" documents is six times
//! the others'), so the product ships one model per training language.

use std::path::Path;
use std::sync::OnceLock;

use narrascope_core::Span;

use crate::language::{guess, LANGS};
use crate::model::Checked;
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

/// One language's model: decoded on first use when it comes from checked bytes.
#[derive(Clone)]
struct Slot {
    lang: String,
    /// Embedded bytes, already checked, for a model not decoded yet.
    lazy: Option<(&'static [u8], Checked)>,
    model: OnceLock<NarrativeModel>,
}

impl Slot {
    fn ready(lang: &str, model: NarrativeModel) -> Slot {
        Slot {
            lang: lang.to_string(),
            lazy: None,
            model: OnceLock::from(model),
        }
    }

    fn model(&self) -> &NarrativeModel {
        self.model.get_or_init(|| {
            let (bytes, checked) = self
                .lazy
                .as_ref()
                .expect("a slot without a model has checked bytes");
            checked.decode(bytes)
        })
    }
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Slot")
            .field("lang", &self.lang)
            .field("decoded", &self.model.get().is_some())
            .finish()
    }
}

/// Models by language.
#[derive(Clone, Debug)]
pub struct Narratives {
    models: Vec<Slot>,
}

impl Narratives {
    /// The embedded models. Each is checked now (format, taxonomy, size) and decoded
    /// when a document in its language first needs it: decoding all five costs about
    /// as much as the rest of start-up together, and most corpora are in one language.
    pub fn embedded() -> Result<Narratives, NarrativeError> {
        let models = EMBEDDED_MODELS
            .iter()
            .map(|&(lang, bytes)| {
                Checked::new(bytes)
                    .map(|c| Slot {
                        lang: lang.to_string(),
                        lazy: Some((bytes, c)),
                        model: OnceLock::new(),
                    })
                    .map_err(|e| NarrativeError::Model(format!("{lang}: {e}")))
            })
            .collect::<Result<_, _>>()?;
        Ok(Narratives { models })
    }

    /// One model for every language.
    pub fn single(model: NarrativeModel) -> Narratives {
        Narratives {
            models: vec![Slot::ready("*", model)],
        }
    }

    /// The `<lang>.bin` files of a folder (`en.bin`, `bg.bin`, …); at least one.
    pub fn load_dir(dir: &Path) -> Result<Narratives, NarrativeError> {
        let mut models = Vec::new();
        for lang in LANGS {
            let p = dir.join(format!("{}.bin", lang.to_lowercase()));
            if p.exists() {
                models.push(Slot::ready(lang, NarrativeModel::load(&p)?));
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
        self.models.iter().map(|s| s.lang.as_str()).collect()
    }

    /// The model for `text`: the hinted language (ISO 639-1 or our codes, any case) when
    /// it has one, else the guessed language's, else the first (English).
    pub fn model_for(&self, text: &str, hint: Option<&str>) -> &NarrativeModel {
        let find = |code: &str| {
            self.models
                .iter()
                .find(|s| s.lang == "*" || s.lang.eq_ignore_ascii_case(code))
        };
        hint.and_then(find)
            .or_else(|| find(LANGS[guess(text)]))
            .unwrap_or(&self.models[0])
            .model()
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Climate scientists warn\n\nThe carbon tax will ruin farmers, \
                        the minister said, and the warming data were faked.";

    #[test]
    fn embedded_models_decode_on_first_use_only() {
        let n = Narratives::embedded().unwrap();
        let decoded = |n: &Narratives| n.models.iter().filter(|s| s.model.get().is_some()).count();
        assert_eq!(decoded(&n), 0);
        let m = n.model_for(TEXT, Some("en"));
        assert_eq!(decoded(&n), 1);
        assert!(
            n.models[0].model.get().is_some(),
            "English is the first slot"
        );
        // The lazily decoded model is the one `from_bytes` reads.
        let direct = NarrativeModel::from_bytes(EMBEDDED_MODELS[0].1).unwrap();
        assert_eq!(m.probabilities(TEXT), direct.probabilities(TEXT));
        n.model_for(TEXT, Some("en"));
        assert_eq!(decoded(&n), 1);
    }

    #[test]
    fn a_damaged_embedded_model_is_refused_when_checked() {
        let mut bytes = EMBEDDED_MODELS[1].1.to_vec();
        bytes.pop();
        let e = Checked::new(&bytes).err().expect("truncated model refused");
        assert!(e.to_string().contains("size"), "{e}");
    }
}
