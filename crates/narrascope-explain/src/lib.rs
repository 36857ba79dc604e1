//! Explanations of an article's dominant narrative: SemEval-2025 Task 10 subtask 3.
//!
//! Given an article and its dominant narrative (or sub-narrative), an explanation of at
//! most 80 words is built from the article's own sentences: they are ranked as evidence
//! for the label, the best ones are taken up to a per-language length budget and put
//! back in text order, and the sentences used are kept as spans. The pieces:
//!
//! * [`features`]: per-sentence features (position, definition-keyword overlap, the
//!   narrative model's contribution, quotes, length, centrality, similarity to the
//!   model's evidence).
//! * [`Explainer`]: the ranking approaches ([`Approach`]), the budget, compression
//!   ([`compress`]) and lead-in; [`ExplainModel`] is its saved form, embedded from
//!   `models/explain/explain.json`.
//! * [`train`](mod@train): the learned scorer (ridge regression to each sentence's
//!   ROUGE-L with the gold explanation); [`cv`]: grouped k-fold cross-validation.
//! * [`rouge`] and [`metric`]: ROUGE-L and our scorer keyed by article id; [`files`]:
//!   the task's input, gold and prediction files.
//! * [`ExplainStage`]: the pipeline stage filling `Document::explanation`.
//!
//! ```
//! use narrascope_explain::{features::Article, Explainer};
//!
//! let text = "Climate zealots strike again\nActivists glued themselves to a painting. \
//!             The museum said the damage was small.";
//! let sentences = narrascope_narratives::split_sentences(text);
//! let e = Explainer::embedded().unwrap();
//! let a = Article {
//!     text,
//!     sentences: &sentences,
//!     label: "CC: Criticism of climate movement: Climate movement is alarmist",
//!     lang: "EN",
//!     contributions: &[],
//!     narrative_contributions: &[],
//! };
//! let x = e.explain(&a).unwrap();
//! assert!(x.text.split_whitespace().count() <= 80);
//! assert!(x.evidence.iter().all(|s| sentences.contains(s)));
//! ```

pub mod compress;
pub mod cv;
mod error;
pub mod explainer;
pub mod features;
pub mod files;
pub mod metric;
pub mod rouge;
mod stage;
pub mod train;

pub use error::ExplainError;
pub use explainer::{Approach, ExplainModel, Explainer, Settings, EMBEDDED_MODEL, MAX_WORDS};
pub use stage::ExplainStage;
