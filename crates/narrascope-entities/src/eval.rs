//! Evaluation of the tagger on the outside data sets: CoNLL-2003 `eng.testb` (all four
//! classes) and Universal NER English PUD (PER, ORG, LOC; predicted MISC is dropped).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::data::read_tagged;
use crate::error::EntityError;
use crate::metric::NerScores;
use crate::model::Model;
use crate::tags::NerClass;
use crate::train::score;

/// Scores on one data set, with the tagging speed.
#[derive(Clone, Debug, Serialize)]
pub struct EvalResult {
    /// Short name of the data set.
    pub name: String,
    /// The file read.
    pub path: PathBuf,
    /// Entity-level scores.
    pub scores: NerScores,
    /// Tokens tagged per second (one thread, features + Viterbi, excluding file reading).
    pub tokens_per_second: f64,
    /// Sentences tagged per second.
    pub sentences_per_second: f64,
}

/// The PER/ORG/LOC classes scored on Universal NER.
pub const UNER_CLASSES: [NerClass; 3] = [NerClass::Per, NerClass::Org, NerClass::Loc];

/// Tags the sentences of `path` and scores them on `keep`.
pub fn evaluate_file(
    model: &Model,
    name: &str,
    path: &Path,
    keep: &[NerClass],
) -> Result<EvalResult, EntityError> {
    let data = read_tagged(path)?;
    let t = Instant::now();
    let scores = score(model, &data, keep);
    let secs = t.elapsed().as_secs_f64().max(1e-9);
    Ok(EvalResult {
        name: name.to_string(),
        path: path.to_path_buf(),
        tokens_per_second: scores.tokens as f64 / secs,
        sentences_per_second: scores.sentences as f64 / secs,
        scores,
    })
}

/// Where the standard files live under `../shared/data`.
#[derive(Clone, Debug)]
pub struct DataPaths {
    /// `conll2003/eng.train`.
    pub train: PathBuf,
    /// CleanCoNLL dev, for choosing the epoch.
    pub dev: PathBuf,
    /// `conll2003/eng.testb`.
    pub testb: PathBuf,
}

impl DataPaths {
    /// The files under a `data/ner` folder.
    pub fn under(ner_dir: &Path) -> DataPaths {
        DataPaths {
            train: ner_dir.join("conll2003/eng.train"),
            dev: ner_dir.join("cleanconll/cleanconll.dev"),
            testb: ner_dir.join("conll2003/eng.testb"),
        }
    }
}

/// The Universal NER English PUD file under its folder.
pub fn uner_file(dir: &Path) -> PathBuf {
    dir.join("en_pud-ud-test.iob2")
}

/// Reads `eng.train` and the CleanCoNLL dev set under `ner_dir` and trains a model.
pub fn train_from_dir(
    ner_dir: &Path,
    cfg: &crate::train::TrainConfig,
    progress: impl FnMut(&crate::train::EpochReport),
) -> Result<(Model, crate::train::TrainReport), EntityError> {
    let paths = DataPaths::under(ner_dir);
    let train = read_tagged(&paths.train)?;
    let dev = read_tagged(&paths.dev)?;
    crate::train::train(&train, &dev, cfg, progress)
}
