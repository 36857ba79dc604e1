//! Readers for the tagged corpora: CoNLL-2003 (`word POS chunk NER`, IOB1), CoNLL++ and
//! CleanCoNLL (tag in the last column, IOB2), and Universal NER (`index word tag …` with
//! `#` comments). Tags are converted to IOB2 on reading.

use std::path::Path;

use crate::error::EntityError;
use crate::tags::{to_iob2, Tag};

/// One tagged sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// Tokens.
    pub words: Vec<String>,
    /// Gold IOB2 tags, one per token.
    pub tags: Vec<Tag>,
    /// Index of the document the sentence belongs to, counted from 0 in the file.
    pub doc: usize,
}

/// Reads a tagged file. Universal NER files are recognised by the `.iob2` extension or by
/// a numeric first column; everything else is read as CoNLL with the tag in the last
/// column.
pub fn read_tagged(path: &Path) -> Result<Vec<Sentence>, EntityError> {
    let text = std::fs::read_to_string(path).map_err(|source| EntityError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let uner = path.extension().is_some_and(|e| e == "iob2");
    parse_tagged(&text, uner).map_err(|(line, message)| EntityError::Format {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses tagged text (see [`read_tagged`]); errors carry a 1-based line number.
pub fn parse_tagged(text: &str, uner: bool) -> Result<Vec<Sentence>, (usize, String)> {
    let mut out = Vec::new();
    let mut doc = 0usize;
    let mut doc_has_sentences = false;
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
        doc,
    };
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>, doc: usize| {
        if !cur.words.is_empty() {
            to_iob2(&mut cur.tags);
            let mut s = std::mem::replace(
                cur,
                Sentence {
                    words: Vec::new(),
                    tags: Vec::new(),
                    doc,
                },
            );
            s.doc = doc;
            out.push(s);
            return true;
        }
        false
    };
    for (no, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            doc_has_sentences |= flush(&mut cur, &mut out, doc);
            continue;
        }
        if uner && line.starts_with('#') {
            if line.starts_with("# newdoc") {
                doc_has_sentences |= flush(&mut cur, &mut out, doc);
                if doc_has_sentences {
                    doc += 1;
                    doc_has_sentences = false;
                }
            }
            continue;
        }
        let cols: Vec<&str> = if uner || line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        if cols[0] == "-DOCSTART-" {
            doc_has_sentences |= flush(&mut cur, &mut out, doc);
            if doc_has_sentences {
                doc += 1;
                doc_has_sentences = false;
            }
            continue;
        }
        let (word, tag) = if uner {
            if cols.len() < 3 {
                return Err((no + 1, "expected index, word, tag".into()));
            }
            (cols[1], cols[2])
        } else {
            if cols.len() < 2 {
                return Err((no + 1, "expected word … tag".into()));
            }
            (cols[0], cols[cols.len() - 1])
        };
        let tag = Tag::parse(tag).ok_or_else(|| (no + 1, format!("bad tag {tag:?}")))?;
        cur.words.push(word.to_string());
        cur.tags.push(tag);
    }
    flush(&mut cur, &mut out, doc);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::NerClass;

    #[test]
    fn reads_conll_iob1_and_documents() {
        let text = "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nX NNP I-NP I-LOC\nY NNP I-NP B-LOC\n";
        let s = parse_tagged(text, false).unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].tags, vec![Tag::begin(NerClass::Org), Tag::O]);
        assert_eq!(s[1].doc, 0);
        assert_eq!(s[2].doc, 1);
        assert_eq!(
            s[2].tags,
            vec![Tag::begin(NerClass::Loc), Tag::begin(NerClass::Loc)]
        );
    }

    #[test]
    fn reads_uner() {
        let text = "# newdoc id = n1\n# text = In Minsk\n1\tIn\tO\t-\t-\n2\tMinsk\tB-LOC\t-\tx\n\n# newdoc id = n2\n1\tHi\tO\t-\t-\n";
        let s = parse_tagged(text, true).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, vec!["In", "Minsk"]);
        assert_eq!(s[1].doc, 1);
        assert!(parse_tagged("1\tonly\n", true).is_err());
    }
}
