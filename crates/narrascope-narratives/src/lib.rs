//! Narrative classification for news articles: SemEval-2025 Task 10 subtask 2.
//!
//! An article gets the narratives it advances (21, in two domains: the Ukraine–Russia
//! war and climate change) and their sub-narratives (96 with `"Other"`), each with a
//! calibrated score and the sentences that support it. The pieces:
//!
//! * [`Taxonomy`]: the label hierarchy and entity roles as code (generated tables).
//! * [`features`]: hashed word uni/bigrams and character n-grams, TF-IDF.
//! * [`linear`]: one-vs-rest logistic regression trained by seeded SGD.
//! * [`calibrate`] and [`decision`]: Platt scaling and the domain → narrative →
//!   sub-narrative cascade with thresholds tuned on inner folds.
//! * [`train()`], [`cv`]: training and grouped k-fold cross-validation.
//! * [`scorer`]: F1-samples keyed by article id; [`semeval`]: the task's files.
//! * [`Narratives`]: one model per language, embedded; [`NarrativeStage`] runs them
//!   in the pipeline.
//!
//! ```
//! use narrascope_narratives::{scorer, semeval::Annotation, Taxonomy};
//!
//! let t = Taxonomy::get();
//! assert_eq!((t.narratives.len(), t.fine_classes(true).len()), (21, 96));
//!
//! let row = |n: &str, s: &str| Annotation {
//!     id: "a.txt".into(),
//!     narratives: vec![n.into()],
//!     subnarratives: vec![s.into()],
//! };
//! let gold = [row("CC: Criticism of climate policies", "CC: Criticism of climate policies: Other")];
//! let pred = [row("CC: Criticism of climate policies", "Other")];
//! let s = scorer::score(&gold, &pred, false);
//! assert_eq!((s.coarse.mean, s.fine.mean), (1.0, 0.0));
//! ```

pub mod baseline;
mod bundle;
pub mod calibrate;
pub mod cv;
pub mod decision;
pub mod definitions;
mod error;
pub mod features;
pub mod language;
pub mod linear;
mod model;
mod rng;
pub mod scorer;
pub mod semeval;
mod stage;
pub mod taxonomy;
mod train;

pub use bundle::{Narratives, EMBEDDED_MODELS};
pub use error::NarrativeError;
pub use model::{split_sentences, Labelled, NarrativeModel, Provenance, FORMAT_VERSION};
pub use stage::NarrativeStage;
pub use taxonomy::Taxonomy;
pub use train::{fit_uncalibrated, train, TrainConfig};
