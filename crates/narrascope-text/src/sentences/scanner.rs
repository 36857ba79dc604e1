//! The forward pass: finds candidate boundaries, classifies what follows them
//! and records the cuts. The decision at a candidate is in [`super::rules`].

use super::marks::{
    continues, is_bullet, is_closing_bracket, is_closing_quote, is_continuation, is_opening,
    terminator, Terminator, INTERESTING,
};

/// The class of the first character after a candidate (past opening quotes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NextKind {
    Lower,
    Upper,
    Digit,
    /// A letter of a script without case (Devanagari, CJK, Arabic).
    Uncased,
    /// `, ; : ) %` and the like: the sentence goes on.
    Continuation,
    /// A bullet or list marker at the start of the next text.
    ListItem,
    /// Any other symbol (`$`, `—`, emoji).
    Other,
    /// Nothing follows.
    End,
}

/// What follows a candidate boundary.
#[derive(Clone, Copy, Debug)]
pub(super) struct Next<'a> {
    pub(super) kind: NextKind,
    /// The next word's letters and digits (empty for punctuation).
    pub(super) word: &'a str,
    /// Byte just after `word`.
    pub(super) word_end: usize,
    /// An opening quote came first (`. "The`).
    pub(super) quoted: bool,
}

/// A terminator run at `i` with what is glued to it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    /// First byte of the terminator run.
    pub(super) i: usize,
    /// Start of the line the run is on.
    pub(super) line_start: usize,
    /// The run holds `!`, `?`, a danda or a CJK stop.
    pub(super) strong: bool,
    /// The run is an ellipsis (`...`, `…`, `. . .`).
    pub(super) ellipsis: bool,
    /// A closing quote mark follows the run.
    pub(super) quote_closed: bool,
    /// A closing bracket follows the run.
    pub(super) bracket_closed: bool,
    /// Exactly one line break separates the run from the next text.
    pub(super) line_break: bool,
}

pub(super) struct Scanner<'a> {
    pub(super) s: &'a str,
    pub(super) b: &'a [u8],
    /// Where the current sentence starts (a previous cut).
    pub(super) sent_start: usize,
    /// Where the current line starts.
    line_start: usize,
    /// Cut positions, increasing, each with whether the sentence it ends is kept.
    pub(super) cuts: Vec<(usize, bool)>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Scanner {
            s,
            b: s.as_bytes(),
            sent_start: 0,
            line_start: 0,
            cuts: Vec::new(),
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.s.get(i..).and_then(|t| t.chars().next())
    }

    pub(super) fn char_before(&self, i: usize) -> Option<char> {
        self.s.get(..i).and_then(|t| t.chars().next_back())
    }

    pub(super) fn run(&mut self) {
        let b = self.b;
        let mut i = 0;
        while i < b.len() {
            if !INTERESTING[b[i] as usize] {
                i += 1;
                continue;
            }
            i = match b[i] {
                b'.' | b'!' | b'?' => self.on_terminator(i),
                b'\n' | b'\r' => self.on_line_break(i),
                // Every Devanagari letter starts with 0xE0 and every Arabic one with
                // 0xD8..: check the bytes of `।`/`॥` and `؟` before decoding.
                0xE0 if !(b.get(i + 1) == Some(&0xA5)
                    && matches!(b.get(i + 2), Some(0xA4 | 0xA5))) =>
                {
                    i + 1
                }
                0xD8 if b.get(i + 1) != Some(&0x9F) => i + 1,
                _ => {
                    // A multi-byte lead byte: `i` is a char boundary.
                    let Some(c) = self.char_at(i) else { break };
                    if terminator(c).is_some() {
                        self.on_terminator(i)
                    } else if is_bullet(c) {
                        if self.char_before(i).is_some_and(char::is_whitespace) {
                            self.cut(i);
                        }
                        i + c.len_utf8()
                    } else {
                        i + c.len_utf8()
                    }
                }
            };
        }
    }

    /// Records a sentence end at `at`, noting whether the sentence holds a letter
    /// or digit (one that does not is dropped).
    fn cut(&mut self, at: usize) {
        if at <= self.sent_start {
            return;
        }
        // Sentences are disjoint, so this check reads each byte once overall.
        let keep = self.s[self.sent_start..at]
            .chars()
            .any(char::is_alphanumeric);
        self.cuts.push((at, keep));
        self.sent_start = at;
    }

    /// Skips whitespace from `p`; returns the first non-whitespace byte and the
    /// number of line breaks crossed (a `\r\n` counts once), and moves `line_start`
    /// past the last of them.
    fn skip_ws(&mut self, mut p: usize) -> (usize, usize) {
        let b = self.b;
        let mut breaks = 0;
        while p < b.len() {
            match b[p] {
                b'\n' => {
                    breaks += 1;
                    p += 1;
                    self.line_start = p;
                }
                b'\r' => {
                    if b.get(p + 1) != Some(&b'\n') {
                        breaks += 1;
                    }
                    p += 1;
                    self.line_start = p;
                }
                b' ' | b'\t' | 0x0B | 0x0C => p += 1,
                x if x >= 0x80 => match self.char_at(p) {
                    Some(c) if c.is_whitespace() => p += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        (p, breaks)
    }

    /// Classifies the text at `p` (a non-whitespace position); `line_start` tells
    /// whether `p` begins a line, where `1.` or `-` is a list marker rather than a
    /// number or a dash.
    fn next_at(&self, p: usize, line_start: bool) -> Next<'a> {
        let s = self.s;
        let mut q = p;
        let mut quoted = false;
        // At most a few opening marks (`("“`): more is noise, not a sentence start.
        for _ in 0..4 {
            match self.char_at(q) {
                Some(c) if is_opening(c) => {
                    quoted |= !matches!(c, '(' | '[' | '{');
                    q += c.len_utf8();
                }
                _ => break,
            }
        }
        // `"...For the sake of`: an ellipsis opening a quoted fragment is skipped.
        let dots = self.s[q..]
            .bytes()
            .take(4)
            .take_while(|&x| x == b'.')
            .count();
        let lead = if dots >= 2 {
            dots
        } else if self.s[q..].starts_with('…') {
            3
        } else {
            0
        };
        if lead > 0 && self.char_at(q + lead).is_some_and(char::is_alphanumeric) {
            q += lead;
        }
        let Some(c) = self.char_at(q) else {
            return Next {
                kind: NextKind::End,
                word: "",
                word_end: q,
                quoted,
            };
        };
        if q == p && (is_bullet(c) || (line_start && self.list_marker_at(p))) {
            return Next {
                kind: NextKind::ListItem,
                word: "",
                word_end: p,
                quoted,
            };
        }
        if line_start && q > p && matches!(self.b[p], b'(' | b'[') {
            // A line opening with a bracket is a note or caption: `(in millions)`.
            return Next {
                kind: NextKind::Other,
                word: "",
                word_end: q,
                quoted,
            };
        }
        if matches!(c, '—' | '–' | '-') {
            // `«Нет!» — ответила она`, `Stop! - he cried`: a dash and a lowercase
            // word continue the sentence as its attribution.
            let (w, _) = self.word_after(q + c.len_utf8());
            if w.chars().next().is_some_and(char::is_lowercase) {
                return Next {
                    kind: NextKind::Continuation,
                    word: "",
                    word_end: q,
                    quoted,
                };
            }
        }
        let kind = if c.is_lowercase() {
            NextKind::Lower
        } else if c.is_uppercase() {
            NextKind::Upper
        } else if c.is_numeric() {
            NextKind::Digit
        } else if c.is_alphabetic() {
            NextKind::Uncased
        } else if is_continuation(c) {
            NextKind::Continuation
        } else {
            NextKind::Other
        };
        let mut e = q;
        for (off, ch) in s[q..].char_indices() {
            if !ch.is_alphanumeric() || off >= 32 {
                e = q + off;
                break;
            }
            e = q + off + ch.len_utf8();
        }
        Next {
            kind,
            word: &s[q..e],
            word_end: e,
            quoted,
        }
    }

    /// The word after `p`'s word, skipping spaces: (word, its end).
    pub(super) fn word_after(&self, p: usize) -> (&'a str, usize) {
        let s = self.s;
        // At most a few spaces: a word further away is not "the next word".
        let lead = s.as_bytes()[p..]
            .iter()
            .take(4)
            .take_while(|&&b| b == b' ')
            .count();
        let q = p + lead;
        let mut e = q;
        for (off, ch) in s[q..].char_indices() {
            if !ch.is_alphabetic() || off >= 32 {
                break;
            }
            e = q + off + ch.len_utf8();
        }
        (&s[q..e], e)
    }

    /// A list marker at `p`: `-`/`*`/`–`/`—`/`·` plus a space, or up to three digits
    /// or one letter followed by `.` or `)` and a space.
    fn list_marker_at(&self, p: usize) -> bool {
        let b = self.b;
        let space_at = |i: usize| matches!(b.get(i), Some(b' ' | b'\t'));
        match self.char_at(p) {
            Some('-' | '*' | '–' | '—' | '·') => {
                let len = self.char_at(p).map_or(1, char::len_utf8);
                space_at(p + len)
            }
            Some(c) if c.is_ascii_digit() => {
                let mut q = p;
                while q < b.len() && q - p < 3 && b[q].is_ascii_digit() {
                    q += 1;
                }
                matches!(b.get(q), Some(b'.' | b')')) && space_at(q + 1)
            }
            Some(c) if c.is_ascii_alphabetic() => b.get(p + 1) == Some(&b')') && space_at(p + 2),
            _ => false,
        }
    }

    /// True when only whitespace and opening marks lie between `from` and `to`.
    /// Looks at no more than 32 bytes, so that many candidates in one sentence
    /// cannot rescan a long run of spaces or brackets before it.
    pub(super) fn only_openers(&self, from: usize, to: usize) -> bool {
        from <= to
            && to - from <= 32
            && self.s[from..to]
                .chars()
                .all(|c| c.is_whitespace() || is_opening(c))
    }

    /// Handles a terminator at `i`; returns where scanning resumes.
    fn on_terminator(&mut self, i: usize) -> usize {
        let s = self.s;
        // The run of terminators: `...`, `?!`, `.”`.
        let mut j = i;
        let mut dots = 0;
        let mut strong = false;
        let mut ellipsis = false;
        let mut cjk = false;
        while let Some(c) = self.char_at(j) {
            match terminator(c) {
                Some(Terminator::Dot) => dots += 1,
                Some(Terminator::Ellipsis) => ellipsis = true,
                Some(Terminator::Strong) => strong = true,
                Some(Terminator::Cjk) => cjk = true,
                None => break,
            }
            j += c.len_utf8();
        }
        ellipsis |= dots >= 2;
        // A spaced ellipsis `. . .`: the previous character is a lone dot.
        ellipsis |= dots == 1 && j == i + 1 && i >= 2 && &s.as_bytes()[i - 2..i] == b". ";
        // Closing quotes and brackets glued to the run, then a footnote `[12]`.
        let mut k = j;
        let mut quote_closed = false;
        let mut bracket_closed = false;
        for _ in 0..6 {
            match self.char_at(k) {
                Some(c) if is_closing_quote(c) => {
                    quote_closed = true;
                    k += c.len_utf8();
                }
                Some(c) if is_closing_bracket(c) => {
                    bracket_closed = true;
                    k += 1;
                }
                _ => break,
            }
        }
        if self.b.get(k) == Some(&b'[') {
            let digits = self.b[k + 1..]
                .iter()
                .take(4)
                .take_while(|x| x.is_ascii_digit())
                .count();
            if digits > 0 && self.b.get(k + 1 + digits) == Some(&b']') {
                k += digits + 2;
            }
        }
        let end = k;
        if end >= s.len() {
            return s.len();
        }
        let glued = !self.char_at(end).is_some_and(char::is_whitespace);
        if glued {
            // `example.com`, `3.5`, `U.S.A`: no boundary. CJK stops need no space.
            if cjk {
                self.cut(end);
            }
            return end;
        }
        // The line the candidate is on; `skip_ws` moves `line_start` past breaks.
        let own_line_start = self.line_start;
        let (p, breaks) = self.skip_ws(end);
        if p >= s.len() {
            return s.len();
        }
        if breaks >= 2 {
            // A blank line inside the region is a paragraph break.
            self.cut(end);
            return p;
        }
        let line_break = breaks == 1;
        let next = self.next_at(p, line_break);
        let cand = Candidate {
            i,
            line_start: own_line_start,
            strong: strong || cjk,
            ellipsis,
            quote_closed,
            bracket_closed,
            line_break,
        };
        if self.is_boundary(cand, next) {
            self.cut(end);
        }
        p
    }

    /// Handles a line break at `i` that no terminator claimed.
    fn on_line_break(&mut self, i: usize) -> usize {
        let line_start = self.line_start;
        let (p, breaks) = self.skip_ws(i);
        if p >= self.s.len() {
            return self.s.len();
        }
        let prev = self.s[line_start.min(i)..i].trim();
        if prev.is_empty() {
            return p;
        }
        if breaks >= 2 {
            self.cut(i);
            return p;
        }
        let next = self.next_at(p, true);
        let boundary = match next.kind {
            NextKind::ListItem => true,
            NextKind::Lower | NextKind::Continuation | NextKind::End => false,
            _ => !continues(prev),
        };
        if boundary {
            self.cut(i);
        }
        p
    }
}
