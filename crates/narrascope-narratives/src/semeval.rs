//! Reading and writing the SemEval-2025 Task 10 subtask-2 files: the documents
//! (`raw-documents/*.txt`, title on line 1) and the annotation / prediction files
//! (`id<TAB>narrative;…<TAB>sub-narrative;…`, LF or CRLF).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::NarrativeError;

/// One row of an annotation or prediction file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// The document file name (`EN_CC_100013.txt`).
    pub id: String,
    /// Narratives, in file order (may repeat, as in the gold files).
    pub narratives: Vec<String>,
    /// Sub-narratives, in file order.
    pub subnarratives: Vec<String>,
}

/// A training document: its text and gold labels.
#[derive(Clone, Debug)]
pub struct Example {
    /// The document file name.
    pub id: String,
    /// Language folder (`EN`, `BG`, …).
    pub lang: String,
    /// The raw text.
    pub text: String,
    /// Gold labels.
    pub gold: Annotation,
}

/// The five training languages of the release.
pub const LANGUAGES: [&str; 5] = ["EN", "BG", "HI", "PT", "RU"];

/// Reads an annotation or prediction file, keeping row order.
pub fn read_annotations(path: &Path) -> Result<Vec<Annotation>, NarrativeError> {
    let text = std::fs::read_to_string(path).map_err(|e| NarrativeError::io(path, e))?;
    parse_annotations(&text, path)
}

/// Parses annotation text (`path` only names it in errors).
pub fn parse_annotations(text: &str, path: &Path) -> Result<Vec<Annotation>, NarrativeError> {
    let split = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(NarrativeError::Format {
                path: path.to_path_buf(),
                line: i + 1,
                reason: format!("expected 3 tab-separated fields, found {}", f.len()),
            });
        }
        out.push(Annotation {
            id: f[0].trim().to_string(),
            narratives: split(f[1]),
            subnarratives: split(f[2]),
        });
    }
    Ok(out)
}

/// Writes rows in the official format, in the given order.
pub fn write_annotations(mut w: impl Write, rows: &[Annotation]) -> std::io::Result<()> {
    for r in rows {
        writeln!(
            w,
            "{}\t{}\t{}",
            r.id,
            r.narratives.join(";"),
            r.subnarratives.join(";")
        )?;
    }
    Ok(())
}

/// The `.txt` documents of a folder, sorted by file name: `(id, text)`.
pub fn read_documents(dir: &Path) -> Result<Vec<(String, String)>, NarrativeError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| NarrativeError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| NarrativeError::io(&p, e))?;
            let id = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok((id, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect()
}

/// Loads the labelled training documents of one language from the release root
/// (`…/semeval2025t10/train`), in annotation-file order.
pub fn load_language(train_root: &Path, lang: &str) -> Result<Vec<Example>, NarrativeError> {
    let dir = train_root.join(lang);
    let gold = read_annotations(&dir.join("subtask-2-annotations.txt"))?;
    gold.into_iter()
        .map(|g| {
            let p = dir.join("raw-documents").join(&g.id);
            let bytes = std::fs::read(&p).map_err(|e| NarrativeError::io(&p, e))?;
            Ok(Example {
                id: g.id.clone(),
                lang: lang.to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
                gold: g,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_crlf_and_round_trips() {
        let t = "a.txt\tOther\tOther\r\nb.txt\tCC: X;CC: Y\tCC: X: Other;CC: Y: Z\r\n";
        let rows = parse_annotations(t, Path::new("t")).unwrap();
        assert_eq!(rows[1].narratives, ["CC: X", "CC: Y"]);
        let mut out = Vec::new();
        write_annotations(&mut out, &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), t.replace('\r', ""));
    }

    #[test]
    fn rejects_rows_with_missing_fields() {
        let e = parse_annotations("a.txt\tOther\n", Path::new("t")).unwrap_err();
        assert!(e.to_string().contains("t:1"), "{e}");
    }
}
