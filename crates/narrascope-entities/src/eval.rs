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

/// Where training finds what it uses besides the tagged data.
#[derive(Clone, Debug, Default)]
pub struct OutsidePaths {
    /// Folders of untagged articles (`*.txt`) for capitalisation counts; missing ones are
    /// skipped.
    pub unlabelled: Vec<PathBuf>,
    /// Place list (`models/ner/places.txt`).
    pub places: Option<PathBuf>,
    /// Word classes (`models/ner/clusters.txt`).
    pub clusters: Option<PathBuf>,
}

fn read_file(p: &Path) -> Result<String, EntityError> {
    std::fs::read_to_string(p).map_err(|source| EntityError::Io {
        path: p.to_path_buf(),
        source,
    })
}

/// Reads `eng.train` and the CleanCoNLL dev set under `ner_dir` and the outside resources,
/// and trains a model.
pub fn train_from_dir(
    ner_dir: &Path,
    outside: &OutsidePaths,
    cfg: &crate::train::TrainConfig,
    progress: impl FnMut(&crate::train::EpochReport),
) -> Result<(Model, crate::train::TrainReport), EntityError> {
    let paths = DataPaths::under(ner_dir);
    let train = read_tagged(&paths.train)?;
    let dev = read_tagged(&paths.dev)?;
    let mut texts = Vec::new();
    for dir in &outside.unlabelled {
        texts.extend(read_texts(dir)?);
    }
    let res = crate::train::Outside {
        case: crate::train::count_case(&texts),
        places: match &outside.places {
            Some(p) => crate::train::parse_places(&read_file(p)?),
            None => Vec::new(),
        },
        clusters: match &outside.clusters {
            Some(p) => crate::train::parse_clusters(&read_file(p)?),
            None => Default::default(),
        },
    };
    crate::train::train(&train, &dev, &res, cfg, progress)
}

/// The `.txt` files of a folder, sorted by name (none when the folder does not exist).
fn read_texts(dir: &Path) -> Result<Vec<String>, EntityError> {
    let io = |source| EntityError::Io {
        path: dir.to_path_buf(),
        source,
    };
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|source| EntityError::Io {
                    path: p.clone(),
                    source,
                })
        })
        .collect()
}

/// The untagged news used for case statistics under a `shared/data` folder: the
/// SemEval-2025 Task 10 English articles (train and test), and the Bulgarian,
/// Portuguese and Russian training articles (annotated and extra), so that the case
/// features know which words of those languages are written in lowercase inside a
/// sentence ("Однако", "Напомним" opening a sentence are not names). Their test
/// articles are left out: the entity recall on them is reported.
pub fn default_unlabelled(data_dir: &Path) -> Vec<PathBuf> {
    let base = data_dir.join("semeval2025t10");
    let mut dirs = vec![
        base.join("train/EN/raw-documents"),
        base.join("test/EN/subtask-2-documents"),
    ];
    for lang in ["BG", "PT", "RU"] {
        dirs.push(base.join(format!("train/{lang}/raw-documents")));
        dirs.push(base.join(format!("train/{lang}/raw-documents-extra-unannotated")));
    }
    dirs
}
