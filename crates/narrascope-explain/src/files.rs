//! The subtask-3 files: the input (`id<TAB>dominant narrative<TAB>dominant
//! sub-narrative`, the sub-narrative possibly `none`), the gold annotations (the same
//! plus `<TAB>explanation`) and the predictions (`id<TAB>explanation`). LF or CRLF.

use std::io::Write;
use std::path::Path;

use crate::ExplainError;

/// The dominant labels of one article (a row of the input file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dominant {
    /// The document file name (`EN_CC_100013.txt`).
    pub id: String,
    /// The dominant narrative.
    pub narrative: String,
    /// The dominant sub-narrative; `None` when the file says `none` (or is empty).
    pub subnarrative: Option<String>,
}

impl Dominant {
    /// The label to explain: the sub-narrative when there is one, else the narrative.
    pub fn label(&self) -> &str {
        self.subnarrative.as_deref().unwrap_or(&self.narrative)
    }
}

/// One explanation, gold or predicted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    /// The document file name.
    pub id: String,
    /// The explanation text.
    pub text: String,
}

/// A gold row: the dominant labels and the reference explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldRow {
    /// Dominant labels.
    pub dominant: Dominant,
    /// Reference explanation.
    pub explanation: String,
}

fn rows(path: &Path) -> Result<Vec<(usize, Vec<String>)>, ExplainError> {
    let text = std::fs::read_to_string(path).map_err(|e| ExplainError::io(path, e))?;
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i, l.split('\t').map(|f| f.trim().to_string()).collect()))
        .collect())
}

fn bad(path: &Path, line: usize, reason: String) -> ExplainError {
    ExplainError::Format {
        path: path.to_path_buf(),
        line,
        reason,
    }
}

fn dominant(f: &[String]) -> Dominant {
    let sub = f[2].as_str();
    Dominant {
        id: f[0].clone(),
        narrative: f[1].clone(),
        subnarrative: (!sub.is_empty() && !sub.eq_ignore_ascii_case("none")).then(|| sub.into()),
    }
}

/// Reads an input file (3 fields a row; a gold file with its 4th field is accepted too),
/// keeping row order.
pub fn read_dominant(path: &Path) -> Result<Vec<Dominant>, ExplainError> {
    rows(path)?
        .into_iter()
        .map(|(i, f)| match f.len() {
            3 | 4 => Ok(dominant(&f)),
            n => Err(bad(
                path,
                i,
                format!("expected 3 tab-separated fields, found {n}"),
            )),
        })
        .collect()
}

/// Reads a gold file (4 fields a row), keeping row order.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRow>, ExplainError> {
    rows(path)?
        .into_iter()
        .map(|(i, f)| match f.len() {
            4 => Ok(GoldRow {
                dominant: dominant(&f),
                explanation: f[3].clone(),
            }),
            n => Err(bad(
                path,
                i,
                format!("expected 4 tab-separated fields, found {n}"),
            )),
        })
        .collect()
}

/// Reads explanations: a prediction file (`id<TAB>explanation`) or a gold file (its
/// last field), keeping row order.
pub fn read_explanations(path: &Path) -> Result<Vec<Explained>, ExplainError> {
    rows(path)?
        .into_iter()
        .map(|(i, f)| match f.len() {
            2 | 4 => Ok(Explained {
                id: f[0].clone(),
                text: f[f.len() - 1].clone(),
            }),
            n => Err(bad(
                path,
                i,
                format!("expected 2 (id, explanation) or 4 (gold) fields, found {n}"),
            )),
        })
        .collect()
}

/// Writes predictions in the official format (`id<TAB>explanation`), in the given
/// order; tabs and line breaks inside an explanation become spaces.
pub fn write_explanations(mut w: impl Write, rows: &[Explained]) -> std::io::Result<()> {
    for r in rows {
        let text: String = r
            .text
            .chars()
            .map(|c| {
                if c == '\t' || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        writeln!(w, "{}\t{}", r.id, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_files_and_round_trips_predictions() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("g.txt");
        std::fs::write(
            &gold,
            "a.txt\tCC: X\tnone\tThe text says.\r\nb.txt\tURW: Y\tURW: Y: Z\tIt\tis\n",
        )
        .unwrap();
        // The second row has 5 fields: an error naming line 2.
        let e = read_gold(&gold).unwrap_err().to_string();
        assert!(e.contains("g.txt:2"), "{e}");
        std::fs::write(
            &gold,
            "a.txt\tCC: X\tnone\tThe text says.\r\nb.txt\tURW: Y\tURW: Y: Z\tIt is.\n",
        )
        .unwrap();
        let g = read_gold(&gold).unwrap();
        assert_eq!(g[0].dominant.label(), "CC: X");
        assert_eq!(g[1].dominant.label(), "URW: Y: Z");
        assert_eq!(
            read_dominant(&gold).unwrap()[1].subnarrative.as_deref(),
            Some("URW: Y: Z")
        );
        let e = read_explanations(&gold).unwrap();
        assert_eq!(e[1].text, "It is.");
        let mut out = Vec::new();
        write_explanations(
            &mut out,
            &[Explained {
                id: "a.txt".into(),
                text: "x\ty\nz".into(),
            }],
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a.txt\tx y z\n");
    }
}
