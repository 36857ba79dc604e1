//! Entity framing for news articles: SemEval-2025 Task 10 subtask 1.
//!
//! Each entity mention gets one of three main roles (protagonist, antagonist,
//! innocent) and one or more of the 22 fine roles under it (guardian, foreign
//! adversary, victim, …), with a score and the sentences that cast it. The pieces:
//!
//! * [`semeval`]: the task's mention, annotation and prediction files, and placing
//!   their offsets in the text ([`semeval::align`]).
//! * [`features`]: a mention in its article → hashed features in weighted blocks
//!   (the name, the words around it, its sentence, the entity's other sentences, the
//!   article, cues).
//! * [`RoleModel`]: main-role and fine-role linear models (seeded SGD, shared with the
//!   narrative classifier) and a hierarchical decision: main role first, then the fine
//!   roles under it (at least one).
//! * [`train()`], [`cv`]: training and grouped k-fold cross-validation.
//! * [`scorer`]: exact-match ratio and main-role accuracy keyed by mention.
//! * [`gate`]: the salience gate — which entities found in an article get a role at
//!   all (a logistic model trained on which entities the annotators cast).
//! * [`RoleStage`]: roles of the entities the entity stage found, in the pipeline.
//!
//! ```
//! use narrascope_roles::{scorer, semeval::Row};
//!
//! let row = |main: &str, fine: &[&str]| Row {
//!     id: "a.txt".into(),
//!     mention: "NATO".into(),
//!     start: 10,
//!     end: 13,
//!     main: Some(main.into()),
//!     fine: fine.iter().map(|f| f.to_string()).collect(),
//! };
//! let gold = [row("Antagonist", &["Instigator", "Foreign Adversary"])];
//! let pred = [row("Antagonist", &["Instigator"])];
//! let s = scorer::score(&gold, &pred);
//! assert_eq!((s.main_accuracy, s.exact_match), (1.0, 0.0));
//! ```

pub mod cv;
mod embedded;
mod error;
pub mod features;
pub mod gate;
mod model;
pub mod scorer;
pub mod semeval;
mod stage;
mod train;

pub use embedded::EMBEDDED_MODEL;
pub use error::RoleError;
pub use model::{
    decide, fine_roles, fine_under, DecisionConfig, Prediction, Provenance, RoleModel,
    FORMAT_VERSION, MAIN_ROLES,
};
pub use stage::{RoleStage, DEFAULT_MIN_MENTIONS, DEFAULT_MIN_SCORE};
pub use train::{labels, occurrences, raw_features, train, train_raw, Raw, TrainConfig};
