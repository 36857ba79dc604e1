//! Reading and writing the SemEval-2025 Task 10 subtask-1 files and placing their
//! mentions in the documents.
//!
//! A row is `id<TAB>mention<TAB>start<TAB>end[<TAB>main role<TAB>fine role…]`: the
//! mention files of the test release stop after `end` (with CRLF line endings), the
//! annotation and prediction files carry the main role and one or more fine roles.
//! `start` and `end` count characters (not bytes) and `end` is inclusive. They do not
//! always point at the mention in the released text: in part of the release they count
//! each line break as two characters (the texts had CRLF when annotated), and a few
//! are off by one or more. [`align`] finds the occurrence the offsets mean.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use narrascope_core::Span;

use crate::RoleError;

/// One row of a mention, annotation or prediction file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The document file name (`EN_CC_100013.txt`).
    pub id: String,
    /// The mention's text as the file spells it.
    pub mention: String,
    /// First character, as in the file.
    pub start: usize,
    /// Last character (inclusive), as in the file.
    pub end: usize,
    /// Main role (`None` in a mention file).
    pub main: Option<String>,
    /// Fine roles, in file order (empty in a mention file).
    pub fine: Vec<String>,
}

impl Row {
    /// The key the scorer pairs rows by.
    pub fn key(&self) -> (String, String, usize, usize) {
        (self.id.clone(), self.mention.clone(), self.start, self.end)
    }
}

/// A labelled mention placed in its document.
#[derive(Clone, Debug)]
pub struct Example {
    /// Index into [`Corpus::docs`].
    pub doc: usize,
    /// The mention's bytes in the document text.
    pub span: Span,
    /// The row it comes from (gold labels included).
    pub row: Row,
}

/// A document of the task.
#[derive(Clone, Debug)]
pub struct Doc {
    /// File name.
    pub id: String,
    /// Language folder (`EN`, `BG`, …).
    pub lang: String,
    /// Raw text (title on line 1).
    pub text: String,
}

/// Documents and the mentions annotated in them.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The documents that have at least one mention.
    pub docs: Vec<Doc>,
    /// Mentions in file order (language by language).
    pub examples: Vec<Example>,
}

/// The five training languages of the release.
pub const LANGUAGES: [&str; 5] = ["EN", "BG", "HI", "PT", "RU"];

/// Reads a mention, annotation or prediction file, keeping row order.
pub fn read_rows(path: &Path) -> Result<Vec<Row>, RoleError> {
    let text = std::fs::read_to_string(path).map_err(|e| RoleError::io(path, e))?;
    parse_rows(&text, path)
}

/// Parses rows (`path` only names the file in errors).
pub fn parse_rows(text: &str, path: &Path) -> Result<Vec<Row>, RoleError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| RoleError::Format {
            path: path.to_path_buf(),
            line: i + 1,
            reason,
        };
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 || f.len() == 5 {
            return Err(bad(format!(
                "expected 4 fields (id, mention, start, end) or at least 6 (… main role, fine roles), found {}",
                f.len()
            )));
        }
        let num = |s: &str, what: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| bad(format!("{what} {s:?} is not a number")))
        };
        let (start, end) = (num(f[2], "start")?, num(f[3], "end")?);
        if end < start {
            return Err(bad(format!("end {end} before start {start}")));
        }
        let fine: Vec<String> = f
            .get(5..)
            .unwrap_or_default()
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let main = f.get(4).map(|s| s.trim().to_string());
        if main.is_some() && fine.is_empty() {
            return Err(bad("a main role without fine roles".into()));
        }
        out.push(Row {
            id: f[0].trim().to_string(),
            mention: f[1].to_string(),
            start,
            end,
            main,
            fine,
        });
    }
    Ok(out)
}

/// Writes rows in the official format, in the given order (rows without a main role
/// are written as mention rows).
pub fn write_rows(mut w: impl Write, rows: &[Row]) -> std::io::Result<()> {
    for r in rows {
        write!(w, "{}\t{}\t{}\t{}", r.id, r.mention, r.start, r.end)?;
        if let Some(m) = &r.main {
            write!(w, "\t{m}")?;
            for f in &r.fine {
                write!(w, "\t{f}")?;
            }
        }
        writeln!(w)?;
    }
    Ok(())
}

/// The `.txt` documents of a folder by file name (invalid UTF-8 replaced).
pub fn read_documents(dir: &Path) -> Result<HashMap<String, String>, RoleError> {
    let mut out = HashMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| RoleError::io(dir, e))?;
    for e in entries {
        let p = e.map_err(|e| RoleError::io(dir, e))?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&p).map_err(|e| RoleError::io(&p, e))?;
            let id = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            out.insert(id, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Ok(out)
}

/// The bytes of `text` a row's `(mention, start, end)` refers to: the occurrence of
/// `mention` at `start` counted in characters, else at `start` counted with CRLF line
/// breaks, else the occurrence nearest to either, else (no occurrence at all) the
/// character range itself, clamped to the text.
pub fn align(text: &str, mention: &str, start: usize, end: usize) -> Span {
    // Byte offset of each character, plus the end.
    let mut char_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    char_at.push(text.len());
    let nchars = char_at.len() - 1;
    // Character index of each CRLF-counted position (a lone '\n' counts twice).
    let from_crlf = |pos: usize| -> usize {
        let mut p = 0;
        let mut prev = '\0';
        for (i, c) in text.chars().enumerate() {
            if p >= pos {
                return i;
            }
            p += if c == '\n' && prev != '\r' { 2 } else { 1 };
            prev = c;
        }
        nchars
    };
    let candidates = [start.min(nchars), from_crlf(start)];
    if !mention.is_empty() {
        for &c in &candidates {
            let b = char_at[c];
            if text[b..].starts_with(mention) {
                return Span::new(b, b + mention.len());
            }
        }
        let near = text
            .match_indices(mention)
            .map(|(b, _)| b)
            .min_by_key(|&b| {
                candidates
                    .iter()
                    .map(|&c| b.abs_diff(char_at[c]))
                    .min()
                    .unwrap_or(usize::MAX)
            });
        if let Some(b) = near {
            return Span::new(b, b + mention.len());
        }
    }
    let s = start.min(nchars);
    let e = (end + 1).clamp(s, nchars);
    Span::new(char_at[s], char_at[e])
}

/// Loads the labelled mentions of one language from the release root
/// (`…/semeval2025t10/train`), in annotation-file order, into `corpus`.
pub fn load_language(corpus: &mut Corpus, train_root: &Path, lang: &str) -> Result<(), RoleError> {
    let dir = train_root.join(lang);
    let path = dir.join("subtask-1-annotations.txt");
    let rows = read_rows(&path)?;
    let mut doc_of: HashMap<String, usize> = HashMap::new();
    for (i, row) in rows.into_iter().enumerate() {
        if row.main.is_none() {
            return Err(RoleError::Format {
                path: path.clone(),
                line: i + 1,
                reason: "no roles in an annotation file".into(),
            });
        }
        let d = match doc_of.get(&row.id) {
            Some(&d) => d,
            None => {
                let p = dir.join("raw-documents").join(&row.id);
                let bytes = std::fs::read(&p).map_err(|e| RoleError::io(&p, e))?;
                corpus.docs.push(Doc {
                    id: row.id.clone(),
                    lang: lang.to_string(),
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                });
                doc_of.insert(row.id.clone(), corpus.docs.len() - 1);
                corpus.docs.len() - 1
            }
        };
        let span = align(&corpus.docs[d].text, &row.mention, row.start, row.end);
        corpus.examples.push(Example { doc: d, span, row });
    }
    Ok(())
}

/// Loads several languages (see [`load_language`]).
pub fn load(train_root: &Path, langs: &[&str]) -> Result<Corpus, RoleError> {
    let mut c = Corpus::default();
    for l in langs {
        load_language(&mut c, train_root, l)?;
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mention_and_annotation_rows_and_round_trips() {
        let t = "a.txt\tBill Gates\t0\t9\tAntagonist\tDeceiver\tCorrupt\nb.txt\tNATO\t3\t6\r\n";
        let rows = parse_rows(t, Path::new("t")).unwrap();
        assert_eq!(rows[0].fine, ["Deceiver", "Corrupt"]);
        assert_eq!(rows[0].main.as_deref(), Some("Antagonist"));
        assert_eq!((rows[1].main.as_ref(), rows[1].end), (None, 6));
        let mut out = Vec::new();
        write_rows(&mut out, &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), t.replace('\r', ""));
    }

    #[test]
    fn rejects_malformed_rows() {
        for bad in [
            "a.txt\tX\t1\n",
            "a.txt\tX\t1\t2\tAntagonist\n",
            "a.txt\tX\tone\t2\n",
            "a.txt\tX\t5\t2\n",
        ] {
            let e = parse_rows(bad, Path::new("t")).unwrap_err();
            assert!(e.to_string().starts_with("t:1:"), "{e}");
        }
    }

    #[test]
    fn aligns_character_crlf_and_shifted_offsets() {
        let text = "Титул\nПутин said.\nPutin again";
        // Character offsets, inclusive end.
        let s = align(text, "Путин", 6, 10);
        assert_eq!(s.slice(text), "Путин");
        assert_eq!(s.start, "Титул\n".len());
        // Offsets counted with CRLF: "Putin" at char 18 is at 19 in CRLF counting.
        let s = align(text, "Putin", 20, 24);
        assert_eq!(s.slice(text), "Putin");
        assert_eq!(s.start, text.rfind("Putin").unwrap());
        // Off by one: the nearest occurrence wins.
        let s = align(text, "Putin", 17, 21);
        assert_eq!(s.start, text.rfind("Putin").unwrap());
        // No occurrence: the character range itself.
        assert_eq!(align(text, "Zelensky", 0, 4).slice(text), "Титул");
    }
}
