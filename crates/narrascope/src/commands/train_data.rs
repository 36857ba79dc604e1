//! The `--data` / `--langs` arguments shared by the SemEval training commands
//! (`train narratives`, `train roles`).

use std::path::PathBuf;

use narrascope_narratives::semeval::LANGUAGES;

/// Where the SemEval-2025 Task 10 training release is and which of its languages to use.
#[derive(Debug, clap::Args)]
pub struct TrainData {
    /// The release's `train` folder: one subfolder per language (`EN/raw-documents`,
    /// `EN/subtask-N-annotations.txt`, …).
    #[arg(
        long,
        value_name = "DIR",
        default_value = "../shared/data/semeval2025t10/train"
    )]
    pub data: PathBuf,
    /// Training languages, comma-separated.
    #[arg(
        long,
        value_name = "LANGS",
        default_value = "EN,BG,HI,PT,RU",
        value_delimiter = ','
    )]
    pub langs: Vec<String>,
}

impl TrainData {
    /// The requested languages, upper-cased, each checked against the release's five.
    pub fn languages(&self) -> anyhow::Result<Vec<String>> {
        self.langs
            .iter()
            .map(|l| {
                let l = l.trim().to_uppercase();
                if LANGUAGES.contains(&l.as_str()) {
                    Ok(l)
                } else {
                    anyhow::bail!(
                        "unknown language {l} (expected some of {})",
                        LANGUAGES.join(",")
                    )
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_normalised_and_checked() {
        let d = |langs: &[&str]| TrainData {
            data: PathBuf::new(),
            langs: langs.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(d(&[" en", "Pt"]).languages().unwrap(), ["EN", "PT"]);
        let err = d(&["EN", "XX"]).languages().unwrap_err().to_string();
        assert!(err.contains("unknown language XX"), "{err}");
    }
}
