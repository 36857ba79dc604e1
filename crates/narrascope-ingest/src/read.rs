//! Readers: turn paths (files, folders, `-` for stdin) into [`Article`]s.
//!
//! Every failure is an [`InputError`] naming the file and the reason, so a batch can
//! record it and go on.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use narrascope_core::{Article, GivenMeta, InputError, InputErrorKind, SourceFormat};
use serde::Deserialize;

/// Limits applied while reading.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Largest accepted input in bytes (after decompression). Larger inputs are
    /// refused with `too_large` rather than truncated, so no article is silently cut.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// How an input's content is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// Plain text, SemEval style.
    Text,
    /// An HTML page, maybe gzip-compressed.
    Html,
    /// JSON Lines, one article per line.
    JsonLines,
    /// Decide from the content (used for stdin and unknown extensions given explicitly).
    Sniff,
}

/// One input found on the command line or inside a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The path, or `-` for stdin.
    pub path: PathBuf,
    /// How to read it.
    pub kind: InputKind,
}

impl Input {
    fn display(&self) -> String {
        self.path.display().to_string()
    }
}

fn kind_from_name(path: &Path) -> Option<InputKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".txt") || name.ends_with(".text") {
        Some(InputKind::Text)
    } else if [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"]
        .iter()
        .any(|e| name.ends_with(e))
    {
        Some(InputKind::Html)
    } else if [".jsonl", ".ndjson", ".jsonl.gz"]
        .iter()
        .any(|e| name.ends_with(e))
    {
        Some(InputKind::JsonLines)
    } else {
        None
    }
}

/// Expands the given paths into inputs: folders recursively (sorted by path, hidden
/// entries and files of unknown type skipped), files as given, `-` as stdin. A path
/// that does not exist yields an error in place, so the batch reports it and goes on.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input {
                path: p.clone(),
                kind: InputKind::Sniff,
            }));
            continue;
        }
        match fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Err(InputError::new(
                p.display().to_string(),
                InputErrorKind::NotFound,
                "no such file or directory",
            ))),
            Err(e) => out.push(Err(InputError::new(
                p.display().to_string(),
                InputErrorKind::Io,
                format!("cannot read: {e}"),
            ))),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(Ok(Input {
                path: p.clone(),
                kind: kind_from_name(p).unwrap_or(InputKind::Sniff),
            })),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, InputError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(InputError::new(
                dir.display().to_string(),
                InputErrorKind::Io,
                format!("cannot list folder: {e}"),
            )));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Follow the entry itself (not symlinked folders) to avoid cycles.
        let Ok(meta) = fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            walk(&p, out);
        } else if let Some(kind) = kind_from_name(&p) {
            out.push(Ok(Input { path: p, kind }));
        }
    }
}

/// Reads one input into articles: one for a file or stdin, one per line for JSON
/// Lines. Each article or error is independent.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Vec<Result<Article, InputError>> {
    let display = input.display();
    let bytes = match read_bytes(input, opts) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let kind = match input.kind {
        InputKind::Sniff => sniff(&bytes),
        k => k,
    };
    match kind {
        InputKind::JsonLines => read_jsonl(&display, &bytes),
        InputKind::Html => vec![decode_html(&display, &bytes).map(|raw| Article {
            id: stem(&input.path),
            path: display.clone(),
            format: SourceFormat::Html,
            raw,
            given: GivenMeta::default(),
        })],
        InputKind::Text | InputKind::Sniff => {
            vec![decode_text(&display, &bytes).map(|raw| Article {
                id: stem(&input.path),
                path: display.clone(),
                format: SourceFormat::Text,
                raw,
                given: GivenMeta::default(),
            })]
        }
    }
}

/// The file name without its extensions (`EN_UA_1.txt` → `EN_UA_1`, `a.html.gz` → `a`).
fn stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("article");
    let lower = name.to_ascii_lowercase();
    for ext in [
        ".html.gz",
        ".htm.gz",
        ".jsonl.gz",
        ".html",
        ".htm",
        ".xhtml",
        ".txt",
        ".text",
    ] {
        if lower.ends_with(ext) {
            return name[..name.len() - ext.len()].to_string();
        }
    }
    name.to_string()
}

fn too_large(path: &str, max: u64) -> InputError {
    InputError::new(
        path,
        InputErrorKind::TooLarge,
        format!(
            "larger than the {} MiB limit (raise it with --max-size)",
            max / (1024 * 1024)
        ),
    )
}

fn read_bytes(input: &Input, opts: &ReadOptions) -> Result<Vec<u8>, InputError> {
    let path = input.display();
    let limit = opts.max_bytes;
    let io =
        |e: std::io::Error| InputError::new(&path, InputErrorKind::Io, format!("cannot read: {e}"));
    let mut bytes = Vec::new();
    if input.path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let meta = fs::metadata(&input.path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                InputError::new(&path, InputErrorKind::NotFound, "no such file or directory")
            } else {
                io(e)
            }
        })?;
        if meta.is_dir() {
            return Err(InputError::new(&path, InputErrorKind::Io, "is a folder"));
        }
        if meta.len() > limit {
            return Err(too_large(&path, limit));
        }
        fs::File::open(&input.path)
            .map_err(io)?
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| {
                InputError::new(
                    &path,
                    InputErrorKind::BadCompression,
                    format!("corrupt gzip data: {e}"),
                )
            })?;
        bytes = out;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(&path, limit));
    }
    Ok(bytes)
}

fn sniff(bytes: &[u8]) -> InputKind {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let lower = head.to_ascii_lowercase();
    if head.starts_with('{') {
        InputKind::JsonLines
    } else if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml")
    {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// True when the bytes look like a binary file: any NUL byte, or more than 10% of
/// control characters other than whitespace, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && ctrl * 10 > head.len()
}

fn check_common(path: &str, bytes: &[u8]) -> Result<(), InputError> {
    if looks_binary(bytes) {
        return Err(InputError::new(
            path,
            InputErrorKind::Binary,
            "binary content (NUL or control bytes), not text",
        ));
    }
    Ok(())
}

fn non_empty(path: &str, s: String) -> Result<String, InputError> {
    if s.trim().is_empty() {
        Err(InputError::new(
            path,
            InputErrorKind::Empty,
            "no text (empty or whitespace only)",
        ))
    } else {
        Ok(s)
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

fn decode_text(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    check_common(path, bytes)?;
    match std::str::from_utf8(strip_bom(bytes)) {
        Ok(s) => non_empty(path, s.to_string()),
        Err(e) => Err(InputError::new(
            path,
            InputErrorKind::InvalidUtf8,
            format!(
                "not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            ),
        )),
    }
}

/// HTML pages declare their own encoding; when a page is not valid UTF-8 we decode it
/// as Windows-1252 (the de-facto superset of Latin-1 that browsers assume for legacy
/// pages) rather than refuse it. The analysed text is then a faithful rendering of
/// what a browser shows.
fn decode_html(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    check_common(path, bytes)?;
    let s = match std::str::from_utf8(strip_bom(bytes)) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    non_empty(path, s)
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
}

fn read_jsonl(path: &str, bytes: &[u8]) -> Vec<Result<Article, InputError>> {
    let text = match std::str::from_utf8(strip_bom(bytes)) {
        Ok(t) => t,
        Err(e) => {
            return vec![Err(InputError::new(
                path,
                InputErrorKind::InvalidUtf8,
                format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            ))]
        }
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{path}:{}", i + 1);
        let rec: JsonArticle = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(InputError::new(
                    at,
                    InputErrorKind::BadRecord,
                    format!("invalid JSON: {e}"),
                )));
                continue;
            }
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{}", stem(Path::new(path)), i + 1),
        };
        let given = GivenMeta {
            url: rec.url,
            outlet: rec.outlet,
            date: rec.date,
        };
        let (format, raw) = match (rec.text, rec.html) {
            (Some(t), _) => (SourceFormat::Text, t),
            (None, Some(h)) => (SourceFormat::Html, h),
            (None, None) => {
                let mut e = InputError::new(
                    at,
                    InputErrorKind::BadRecord,
                    "record has neither \"text\" nor \"html\"",
                );
                e.id = Some(id);
                out.push(Err(e));
                continue;
            }
        };
        let checked = check_common(&at, raw.as_bytes()).and_then(|_| non_empty(&at, raw));
        out.push(match checked {
            Ok(raw) => Ok(Article {
                id,
                path: at,
                format,
                raw,
                given,
            }),
            Err(mut e) => {
                e.id = Some(id);
                Err(e)
            }
        });
    }
    if out.is_empty() {
        out.push(Err(InputError::new(
            path,
            InputErrorKind::Empty,
            "no records",
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_compound_extensions() {
        assert_eq!(stem(Path::new("x/EN_UA_1.txt")), "EN_UA_1");
        assert_eq!(stem(Path::new("a.b.html.gz")), "a.b");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"{\"id\":1}"), InputKind::JsonLines);
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(sniff(b"Title\nbody"), InputKind::Text);
    }

    #[test]
    fn windows_1252_fallback() {
        let s = decode_html("p", b"<p>caf\xe9 \x93quoted\x94</p>").unwrap();
        assert_eq!(s, "<p>café “quoted”</p>");
    }

    #[test]
    fn jsonl_records_and_errors() {
        let data = b"{\"id\":\"a\",\"text\":\"T\\nbody\"}\nnot json\n{\"id\":7}\n";
        let got = read_jsonl("f.jsonl", data);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        assert_eq!(got[1].as_ref().unwrap_err().path, "f.jsonl:2");
        assert_eq!(got[2].as_ref().unwrap_err().kind, InputErrorKind::BadRecord);
    }
}
