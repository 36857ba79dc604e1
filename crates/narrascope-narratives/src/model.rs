//! The trained narrative classifier: vectoriser, linear model, calibration and
//! decision thresholds, with its versioned binary format and evidence attribution.

use std::path::Path;

use narrascope_core::{LabelScore, Span};
use narrascope_text::{paragraphs, SentenceSplitter};
use serde::{Deserialize, Serialize};

use crate::calibrate::Platt;
use crate::decision::{self, decide, Decision, Thresholds, DOMAINS};
use crate::features::{FeatureConfig, SparseVec, Vectorizer};
use crate::linear::{Linear, SgdConfig};
use crate::semeval::Annotation;
use crate::taxonomy::{Taxonomy, OTHER};
use crate::NarrativeError;

const MAGIC: &[u8; 8] = b"NSNARR\0\0";

/// Version of the binary model format.
pub const FORMAT_VERSION: u32 = 1;

/// How a model was trained (saved with it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Training languages.
    pub languages: Vec<String>,
    /// Training documents.
    pub documents: usize,
    /// SGD settings.
    pub sgd: SgdConfig,
    /// Whether thresholds were tuned per label.
    pub per_label_thresholds: bool,
}

#[derive(Clone, Serialize, Deserialize)]
struct Header {
    format: u32,
    features: FeatureConfig,
    outputs: Vec<String>,
    n_features: usize,
    calibration: [Platt; 3],
    thresholds: Thresholds,
    provenance: Provenance,
}

/// Output names in model order: domains, narratives, sub-narratives.
fn output_names() -> Vec<String> {
    let t = Taxonomy::get();
    let mut v = vec!["URW".to_string(), "CC".to_string(), "any".to_string()];
    v.extend(t.narratives.iter().map(|l| l.name.to_string()));
    v.extend(t.subnarratives.iter().map(|l| l.name.to_string()));
    v
}

/// Narratives and sub-narratives of one text, with scores and evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labelled {
    /// Narratives, strongest first (`"Other"` alone when none).
    pub narratives: Vec<LabelScore>,
    /// Sub-narratives, strongest first (`"Other"` alone when none).
    pub subnarratives: Vec<LabelScore>,
}

/// A trained classifier.
#[derive(Clone, Debug)]
pub struct NarrativeModel {
    pub(crate) vectorizer: Vectorizer,
    pub(crate) linear: Linear,
    /// Platt maps for domains, narratives and sub-narratives.
    pub(crate) calibration: [Platt; 3],
    pub(crate) thresholds: Thresholds,
    pub(crate) provenance: Provenance,
}

impl NarrativeModel {
    /// How it was trained.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// The decision thresholds.
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// Number of feature columns.
    pub fn features(&self) -> usize {
        self.vectorizer.len()
    }

    fn level(o: usize) -> usize {
        let n = Taxonomy::get().narratives.len();
        if o < DOMAINS {
            0
        } else if o < DOMAINS + n {
            1
        } else {
            2
        }
    }

    /// Calibrated probabilities of every output for an already vectorised text.
    pub fn probabilities_of(&self, x: &SparseVec) -> Vec<f32> {
        let mut m = vec![0f32; self.linear.labels];
        self.linear.margins(x, &mut m);
        m.iter()
            .enumerate()
            .map(|(o, &z)| self.calibration[Self::level(o)].apply(z))
            .collect()
    }

    /// Calibrated probabilities of every output (`[URW, CC, narratives…, subs…]`).
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        self.probabilities_of(&self.vectorizer.transform(text))
    }

    /// The decided label set of a text.
    pub fn decide(&self, text: &str) -> Decision {
        decide(&self.probabilities(text), &self.thresholds)
    }

    /// The official-format row for a document.
    pub fn annotate(&self, id: &str, text: &str) -> Annotation {
        let t = Taxonomy::get();
        let d = self.decide(text);
        let names = |v: Vec<String>| {
            if v.is_empty() {
                vec![OTHER.to_string()]
            } else {
                v
            }
        };
        Annotation {
            id: id.to_string(),
            narratives: names(
                d.narratives
                    .iter()
                    .map(|&n| t.narratives[n].name.to_string())
                    .collect(),
            ),
            subnarratives: names(
                d.subnarratives
                    .iter()
                    .map(|&s| t.subnarratives[s].name.to_string())
                    .collect(),
            ),
        }
    }

    /// Labels with calibrated scores and, for each, the 1–3 sentences that contribute
    /// most to its score. `sentences` are spans into `text`; when empty the text is
    /// split here.
    pub fn label(&self, text: &str, sentences: &[Span]) -> Labelled {
        let t = Taxonomy::get();
        let x = self.vectorizer.transform(text);
        let p = self.probabilities_of(&x);
        let d = decide(&p, &self.thresholds);
        if d.narratives.is_empty() {
            let other = || {
                vec![LabelScore {
                    label: OTHER.to_string(),
                    score: 1.0 - p[decision::GATE],
                    evidence: Vec::new(),
                }]
            };
            return Labelled {
                narratives: other(),
                subnarratives: other(),
            };
        }
        let own;
        let sentences = if sentences.is_empty() {
            own = split_sentences(text);
            &own[..]
        } else {
            sentences
        };
        let total = self.vectorizer.id_counts(text);
        let parts: Vec<(Span, SparseVec)> = sentences
            .iter()
            .filter(|s| {
                s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            })
            .map(|&s| (s, self.vectorizer.share(&x, &total, s.slice(text))))
            .collect();
        let evidence = |o: usize| -> Vec<Span> {
            let mut c: Vec<(f32, Span)> = parts
                .iter()
                .map(|(s, v)| (self.linear.margin(v, o) - self.linear.b[o], *s))
                .filter(|(c, _)| *c > 0.0)
                .collect();
            c.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
            c.into_iter().take(3).map(|(_, s)| s).collect()
        };
        let mut narratives: Vec<LabelScore> = d
            .narratives
            .iter()
            .map(|&n| {
                let o = decision::narrative_out(n);
                LabelScore {
                    label: t.narratives[n].name.to_string(),
                    score: p[o],
                    evidence: evidence(o),
                }
            })
            .collect();
        let mut subnarratives: Vec<LabelScore> = d
            .subnarratives
            .iter()
            .map(|&s| {
                let o = decision::sub_out(s);
                LabelScore {
                    label: t.subnarratives[s].name.to_string(),
                    score: p[o],
                    evidence: evidence(o),
                }
            })
            .collect();
        narratives.sort_by(|a, b| b.score.total_cmp(&a.score));
        subnarratives.sort_by(|a, b| b.score.total_cmp(&a.score));
        Labelled {
            narratives,
            subnarratives,
        }
    }

    /// Each sentence's share of `label`'s linear score (bias excluded; positive = the
    /// sentence pushes towards the label), in the order of `sentences` (spans into
    /// `text`; spans off char boundaries score 0). `None` when `label` is not a
    /// narrative or sub-narrative of the taxonomy.
    pub fn contributions(&self, text: &str, sentences: &[Span], label: &str) -> Option<Vec<f32>> {
        let t = Taxonomy::get();
        let o = t
            .subnarrative(label)
            .map(decision::sub_out)
            .or_else(|| t.narrative(label).map(decision::narrative_out))?;
        let x = self.vectorizer.transform(text);
        let total = self.vectorizer.id_counts(text);
        Some(
            sentences
                .iter()
                .map(|s| {
                    if s.end <= text.len()
                        && s.start <= s.end
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end)
                    {
                        let v = self.vectorizer.share(&x, &total, s.slice(text));
                        self.linear.margin(&v, o) - self.linear.b[o]
                    } else {
                        0.0
                    }
                })
                .collect(),
        )
    }

    /// Serialises to the versioned binary format (weights quantised to 8 bits per
    /// label, which is how they were used in training's final step too).
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = Header {
            format: FORMAT_VERSION,
            features: self.vectorizer.config.clone(),
            outputs: output_names(),
            n_features: self.vectorizer.ids.len(),
            calibration: self.calibration,
            thresholds: self.thresholds.clone(),
            provenance: self.provenance.clone(),
        };
        let h = serde_json::to_vec(&header).expect("header serialises");
        let l = self.linear.labels;
        let scales = self.linear.scales();
        let mut out =
            Vec::with_capacity(16 + h.len() + self.linear.w.len() + 8 * self.vectorizer.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(h.len() as u32).to_le_bytes());
        out.extend_from_slice(&h);
        for id in &self.vectorizer.ids {
            out.extend_from_slice(&id.to_le_bytes());
        }
        for v in self
            .vectorizer
            .idf
            .iter()
            .chain(&self.linear.b)
            .chain(&scales)
        {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for (i, w) in self.linear.w.iter().enumerate() {
            let s = scales[i % l];
            let q = if s > 0.0 {
                (w / s).round().clamp(-127.0, 127.0)
            } else {
                0.0
            };
            out.push(q as i8 as u8);
        }
        out
    }

    /// Reads the binary format.
    pub fn from_bytes(bytes: &[u8]) -> Result<NarrativeModel, NarrativeError> {
        let checked = Checked::new(bytes)?;
        Ok(checked.decode(bytes))
    }

    /// The models built into the binary, one per language: the same as
    /// [`Narratives::embedded`](crate::Narratives::embedded), kept under this name for
    /// callers written against the single-model API.
    pub fn embedded() -> Result<crate::Narratives, NarrativeError> {
        crate::Narratives::embedded()
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<NarrativeModel, NarrativeError> {
        let bytes = std::fs::read(path).map_err(|e| NarrativeError::io(path, e))?;
        NarrativeModel::from_bytes(&bytes)
    }

    /// Writes a model file.
    pub fn save(&self, path: &Path) -> Result<(), NarrativeError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| NarrativeError::io(path, e))
    }
}

/// A model file whose header, taxonomy and size have been checked, not yet decoded:
/// decoding a checked file cannot fail, and is the expensive part (the weights become
/// floats, the column index a hash map), so [`crate::Narratives`] decodes each
/// language's model only when a document in that language first needs it.
#[derive(Clone)]
pub(crate) struct Checked {
    header: Header,
    body: usize,
}

impl Checked {
    /// Checks the magic, format version, header, taxonomy and exact size.
    pub(crate) fn new(bytes: &[u8]) -> Result<Checked, NarrativeError> {
        let bad = |m: &str| NarrativeError::Model(m.to_string());
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(bad("not a narrascope narrative model"));
        }
        let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
        let version = u32_at(8);
        if version != FORMAT_VERSION {
            return Err(NarrativeError::Model(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        let hlen = u32_at(12) as usize;
        let body = 16 + hlen;
        let header: Header =
            serde_json::from_slice(bytes.get(16..body).ok_or_else(|| bad("truncated header"))?)
                .map_err(|e| NarrativeError::Model(format!("header: {e}")))?;
        if header.outputs != output_names() {
            return Err(bad("trained for a different taxonomy"));
        }
        let (v, l) = (header.n_features, header.outputs.len());
        let rows =
            v + if header.features.definition_weight > 0.0 {
                crate::definitions::Definitions::get().len()
            } else {
                0
            } + if header.features.language_bias {
                crate::language::LANGS.len()
            } else {
                0
            };
        let need = body + 4 * v + 4 * v + 4 * l + 4 * l + rows * l;
        if bytes.len() != need {
            return Err(NarrativeError::Model(format!(
                "size {} bytes, expected {need}",
                bytes.len()
            )));
        }
        Ok(Checked { header, body })
    }

    /// Decodes a file that [`Checked::new`] accepted.
    pub(crate) fn decode(&self, bytes: &[u8]) -> NarrativeModel {
        let header = self.header.clone();
        let body = self.body;
        let (v, l) = (header.n_features, header.outputs.len());
        let f32s = |start: usize, n: usize| -> Vec<f32> {
            bytes[start..start + 4 * n]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect()
        };
        let ids: Vec<u32> = bytes[body..body + 4 * v]
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        let mut at = body + 4 * v;
        let idf = f32s(at, v);
        at += 4 * v;
        let b = f32s(at, l);
        at += 4 * l;
        let sc = f32s(at, l);
        at += 4 * l;
        let w = bytes[at..]
            .iter()
            .enumerate()
            .map(|(i, &q)| q as i8 as f32 * sc[i % l])
            .collect();
        NarrativeModel {
            vectorizer: Vectorizer::from_parts(header.features, ids, idf),
            linear: Linear { labels: l, w, b },
            calibration: header.calibration,
            thresholds: header.thresholds,
            provenance: header.provenance,
        }
    }
}

/// Sentences of a whole text (used when the caller has none).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let splitter = SentenceSplitter::new();
    paragraphs(text, &[Span::new(0, text.len())])
        .into_iter()
        .flat_map(|p| splitter.split(text, p))
        .collect()
}
