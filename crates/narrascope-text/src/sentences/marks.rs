//! Characters that end, close, open or continue a sentence, and the bytes that
//! may start a decision.

/// Ends a sentence; `strong` ones (not `.` or `…`) end it before anything but a
/// lowercase word.
pub(super) fn terminator(c: char) -> Option<Terminator> {
    Some(match c {
        '.' => Terminator::Dot,
        '…' => Terminator::Ellipsis,
        '!' | '?' | '।' | '॥' | '‼' | '⁇' | '⁈' | '⁉' | '؟' => Terminator::Strong,
        '。' | '！' | '？' => Terminator::Cjk,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Terminator {
    Dot,
    Ellipsis,
    Strong,
    /// CJK full stops: no whitespace follows them.
    Cjk,
}

/// Quote marks that can close a quotation right after its final punctuation.
pub(super) fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | '“' | '‘' | '›' | '‹' | '」' | '』'
    )
}

/// Closing brackets glued to a sentence's final punctuation (`(See below.)`).
pub(super) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// Opening quotes and brackets skipped before classifying the next word.
pub(super) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
    )
}

/// Bullets that start a list item wherever they appear after whitespace.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '▪' | '●' | '►' | '▶' | '■' | '◦' | '‣' | '⁃' | '○' | '□' | '✓' | '✔'
    )
}

/// Punctuation after a candidate that shows the sentence goes on (`etc. ,`).
pub(super) fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '!' | '?' | '…'
    )
}

/// Bytes that may start a decision: terminators, line breaks and lead bytes of the
/// multi-byte terminators and bullets. Everything else is skipped with one lookup.
pub(super) const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xE2] = true; // … ‼ ⁇ • ▪ ● ► ■ ◦ ‣
    t[0xE0] = true; // । ॥
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？
    t[0xD8] = true; // ؟
    t
};

/// A line that plainly goes on in the next one: it ends in `, ; ( & / +` or in a
/// dash glued to a word (`well-`, `word—`). A spaced dash (`Service --`, a table's
/// `-` column) does not continue anything.
pub(super) fn continues(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some(',' | ';' | '(' | '&' | '/' | '+') => true,
        Some('-' | '–' | '—') => rev.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}
