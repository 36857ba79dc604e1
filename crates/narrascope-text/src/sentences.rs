//! Sentence boundaries inside one paragraph.
//!
//! # How it works
//!
//! One forward pass over the bytes. Only a handful of bytes can start a decision
//! (`. ! ?`, line breaks and the lead bytes of `…`, `।`, `॥`, `。`, `！`, `？`, `؟`
//! and bullets); at each one the splitter looks back at most one or two words and
//! ahead at most three words, so the cost is linear in the paragraph length with no
//! backtracking, whatever the input.
//!
//! # Rules
//!
//! A *candidate* is a run of terminators (`.`, `!`, `?`, `…`, `।`, `॥`, `‼`, `。`, …)
//! plus any closing quotes and brackets glued to it (`."`, `?)`, `.”»`) and a
//! footnote marker like `[1]`. A candidate is a boundary only when whitespace
//! follows it, so `example.com`, `info@x.org`, `3.5%`, `$1.2 billion`, `2.0.1` and
//! `U.S.A` never split. (CJK `。！？` are the exception: they end a sentence even
//! when the next character is glued on.) The boundary then depends on what follows:
//!
//! * a lowercase letter, `, ; : ) % …`, or a dash and a lowercase word: never a
//!   boundary (`etc. and`, `?" he asked`, `Yahoo! is`, `... and then`,
//!   `«Нет!» — ответила она`).
//! * after `?` or `!` and a closing quote, one or two capitalised names and a
//!   speech verb (`"Stop!" John Smith said.`) are the attribution and stay in the
//!   sentence; a pronoun (`"Why?" He asked.`) or a quote closed after `.`
//!   (`"It is over." Roe said he agreed.`) starts a new sentence.
//! * `!`, `?`, `।`, `॥`: a boundary before anything else.
//! * an ellipsis (`...`, `…`, `. . .`): a boundary before a capital or a digit, so a
//!   trailing-off sentence ends but `and ... then` does not; a bracketed ellipsis
//!   (`[...]`, `(…)`), which marks omitted words, never is.
//! * a single `.`: it depends on the word before it:
//!   * titles and Latin connectives that are always followed by more text
//!     (`Mr. Dr. Gen. Lt. Col. Prof. Sen. vs. e.g. i.e. cf.`, Russian/Bulgarian
//!     `т.е. напр. см. ул.`, Hindi `डॉ.`): never a boundary;
//!   * abbreviations used only before a number (`No. 5`, `Fig. 3`, `p. 12`, `Art. 5`,
//!     `чл. 3`): not a boundary before a digit, otherwise an ordinary word;
//!   * abbreviations that often end a sentence (`Inc. Corp. Ltd. Co. Jr. etc. a.m.
//!     p.m. U.S. U.K. Jan. Sept. St.`, US state abbreviations, any dotted word made of
//!     one- or two-letter parts like `Ph.D.`), initials (`J. R. R. Tolkien`,
//!     `George W. Bush`) and Russian/Bulgarian `г. в. др. т.д. млн.`: a boundary only
//!     when the next word is a common sentence opener standing alone (`The`, `He`,
//!     `But`, `In`, …; not `Under-Secretary`, `No.1`), an opening quote follows, the
//!     next line starts (the candidate ends a line), or — for Cyrillic
//!     abbreviations, where the English opener list cannot help — the next word is
//!     capitalised and the abbreviation does not close a short opening phrase
//!     (`През 2020 г. Люксембург стана …` goes on). `г.`/`гр.` not after a number
//!     mean "city" and never end a sentence (`в г. Москве`);
//!   * a number of at most three digits, a single letter or a Roman numeral that
//!     starts the sentence or line is a list marker (`1. Jan Ullrich`, `II. Methods`);
//!   * any other word: a boundary before a capital, a digit, an uncased script
//!     (Devanagari, CJK), an opening quote or bracket, or a symbol.
//! * a line break inside the paragraph where the line does not end in terminal
//!   punctuation (a headline, dateline, byline or list item): a boundary unless the
//!   next line starts with a lowercase letter or the line ends in `, ; ( & / +` or a
//!   dash glued to a word (the text was hard-wrapped mid-sentence). A next line
//!   starting with a bullet or list marker (`•`, `-`, `*`, `1.`, `a)`) is always a
//!   boundary; one opening with `(` or `[` is a note or caption and starts a
//!   sentence even after a full stop (`Year to June 30.` / `(million NZ$)`).
//!   Hard-wrapped prose whose next line starts with a capitalised name is
//!   over-split; news scrapes rarely hard-wrap.
//! * a blank line inside the region is always a boundary; a bullet (`•`, `▪`, `●`,
//!   `►`, `■`, `◦`, `‣`) after whitespace starts a new sentence.
//! * a piece with no letter or digit (a `***` or `---` separator line, a lone bullet
//!   or quote mark) is not a sentence and is left out of the output; a sentence
//!   never starts with such a line either, so the spans need not cover the whole
//!   paragraph.
//!
//! # Quotations
//!
//! Sentences inside a quotation are sentences: `"I came. I saw," he said.` gives
//! `"I came.` and `I saw," he said.`. This follows the treebank convention (Penn
//! Treebank, Universal Dependencies) and stays bounded when quote marks are
//! unbalanced, which scraped news often is (a quote that runs over paragraphs has no
//! closing mark in the first). Whoever attributes quotes must join the sentences
//! of one quotation by its marks. What the splitter guarantees: it never splits
//! between a closing quote and its attribution (`," he said`, `?" she asked`,
//! `." he said`, `!" John Smith said`), and a sentence that ends inside quotes
//! (`… end."`) followed by a capitalised sentence is a boundary after the closing
//! mark — never between the final punctuation and the mark. All quote styles
//! (`"…"`, `“…”`, `‘…’`, `«…»`, `„…“`, `‚…‘`, `‹…›`) are treated alike.
//!
//! # Length cap
//!
//! A sentence longer than [`DEFAULT_MAX_SENTENCE_CHARS`] characters (a 1 MB run with
//! no punctuation, a table flattened into one line) is cut at the last whitespace
//! before the limit, or at the limit itself when the window has no whitespace, so
//! that later stages see bounded input. [`SentenceSplitter::with_max_chars`] changes
//! the limit.

use narrascope_core::Span;

/// Longest sentence, in characters, before [`SentenceSplitter`] cuts it at the last
/// whitespace. Real sentences of news text stay far below it (long legal Russian
/// sentences reach 500–600 characters).
pub const DEFAULT_MAX_SENTENCE_CHARS: usize = 1000;

/// The smallest length cap accepted; a cap of a few characters would cut words.
const MIN_MAX_SENTENCE_CHARS: usize = 16;

/// How far back (bytes) the word before a `.` is looked for. Abbreviations are
/// short, so a longer token is an ordinary word and needs no lookup.
const WORD_LOOKBACK: usize = 48;

/// Splits a paragraph into sentences. The [module docs](self) list the rules.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    max_chars: usize,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        Self::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the built-in abbreviation lists and a length cap of
    /// [`DEFAULT_MAX_SENTENCE_CHARS`].
    pub fn new() -> Self {
        SentenceSplitter {
            max_chars: DEFAULT_MAX_SENTENCE_CHARS,
        }
    }

    /// The same splitter with another length cap (at least 16 characters).
    pub fn with_max_chars(mut self, max_chars: usize) -> Self {
        self.max_chars = max_chars.max(MIN_MAX_SENTENCE_CHARS);
        self
    }

    /// Sentence spans (trimmed, non-empty, in order, inside `region`) of `text`.
    /// A region past the end of `text` or inside a character is clamped first.
    pub fn split(&self, text: &str, region: Span) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_into(text, region, &mut out);
        out
    }

    /// Like [`split`](Self::split), but appends to `out`, so a caller splitting many
    /// paragraphs reuses one vector.
    pub fn split_into(&self, text: &str, region: Span, out: &mut Vec<Span>) {
        let Some(region) = crate::clamp_region(text, region) else {
            return;
        };
        let s = &text[region.start..region.end];
        let mut scan = Scanner::new(s);
        scan.run();
        let last = scan.sent_start;
        let last_kept = s[last..].chars().any(char::is_alphanumeric);
        let mut prev = 0;
        for (cut, keep) in scan.cuts.into_iter().chain([(s.len(), last_kept)]) {
            if keep {
                self.push_capped(s, prev, cut, region.start, out);
            }
            prev = cut;
        }
    }

    /// Pushes `s[start..end]`, trimmed, cutting it into pieces of at most
    /// `max_chars` characters at the last whitespace of each window.
    fn push_capped(&self, s: &str, start: usize, end: usize, base: usize, out: &mut Vec<Span>) {
        let mut start = start;
        loop {
            let piece = &s[start..end];
            let trimmed = piece.trim_start();
            start += piece.len() - trimmed.len();
            if start >= end {
                return;
            }
            // Fast path: a piece of at most `max_chars` bytes cannot have more chars.
            if end - start <= self.max_chars {
                let t = s[start..end].trim_end();
                out.push(Span::new(base + start, base + start + t.len()));
                return;
            }
            // Find the byte where the window of `max_chars` characters ends, and the
            // last whitespace inside it.
            let mut window_end = None;
            let mut last_ws = None;
            for (n, (off, ch)) in s[start..end].char_indices().enumerate() {
                if n == self.max_chars {
                    window_end = Some(start + off);
                    break;
                }
                if ch.is_whitespace() {
                    last_ws = Some(start + off);
                }
            }
            let Some(limit) = window_end else {
                let t = s[start..end].trim_end();
                out.push(Span::new(base + start, base + start + t.len()));
                return;
            };
            let cut = last_ws.unwrap_or(limit);
            let t = s[start..cut].trim_end();
            out.push(Span::new(base + start, base + start + t.len()));
            start = cut;
        }
    }
}

/// What an abbreviation implies about the following text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// Titles and connectives: more of the sentence always follows.
    Never,
    /// An abbreviation only before a number (`No. 5`); otherwise an ordinary word.
    BeforeNumber,
    /// Often ends a sentence (`Inc.`, `U.S.`, `etc.`): decided by the next word.
    Ambiguous,
}

/// Looks up a word (without its final `.`) in the built-in lists, ignoring case.
fn abbrev_kind(word: &str) -> Option<Abbrev> {
    // Lowercase into a stack buffer: this runs at every full stop, so no allocation.
    let mut buf = [0u8; 32];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            // Longer than any abbreviation.
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    // Whole chars were encoded, so the bytes are valid UTF-8.
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    use Abbrev::*;
    Some(match key {
        // English titles and ranks: a name follows.
        "mr" | "mrs" | "ms" | "messrs" | "mmes" | "dr" | "drs" | "prof" | "profs" | "gen"
        | "lt" | "col" | "maj" | "capt" | "cpt" | "cmdr" | "cdr" | "sgt" | "cpl" | "pvt"
        | "adm" | "brig" | "rev" | "fr" | "sen" | "sens" | "rep" | "reps" | "gov" | "pres"
        | "supt" | "insp" | "hon" | "amb" | "atty" | "gov't" => Never,
        // Latin and other connectives: the sentence goes on.
        "vs" | "v" | "e.g" | "i.e" | "cf" | "viz" | "a.k.a" | "approx" | "esp" | "incl"
        | "resp" | "z.b" | "d.h" | "bzw" | "vgl" | "p.ex" | "mme" | "mlle" | "sra" | "srta"
        | "dra" | "exmo" | "exma" | "av" => Never,
        // Before a number only.
        "no" | "nos" | "nr" | "art" | "arts" | "fig" | "figs" | "p" | "pp" | "vol" | "vols"
        | "ch" | "chap" | "sec" | "sect" | "para" | "ca" | "c" | "tel" | "ext" | "ref" | "op"
        | "pág" | "cap" => BeforeNumber,
        // Can end a sentence.
        "inc" | "corp" | "ltd" | "co" | "cos" | "llc" | "plc" | "bros" | "jr" | "sr" | "esq"
        | "etc" | "al" | "st" | "mt" | "ft" | "ave" | "blvd" | "rd" | "dept" | "univ" | "assn"
        | "govt" | "intl" | "usw" => Ambiguous,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" => Ambiguous,
        "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "fla" | "ga" | "kan" | "kans"
        | "ky" | "md" | "mich" | "minn" | "neb" | "nev" | "okla" | "ore" | "pa" | "tenn"
        | "tex" | "va" | "vt" | "wis" | "wyo" => Ambiguous,
        // Russian / Bulgarian / Ukrainian.
        "т.е" | "т.н" | "т.нар" | "т.к" | "т.ч" | "напр" | "вж" | "см" | "им" | "ул" | "бул"
        | "пл" | "просп" | "проф" | "акад" | "доц" | "ген" | "вкл" | "и.о" | "гл" | "инж"
        | "арх" | "св" => Never,
        "чл" | "ал" | "стр" | "с" | "ст" | "рис" | "табл" | "п" | "пп" => {
            BeforeNumber
        }
        "г" | "гг" | "гр" | "в" | "вв" | "др" | "пр" | "т.д" | "т.п" | "млн" | "млрд" | "тыс"
        | "хил" | "руб" | "долл" | "лв" | "коп" | "обл" | "р-н" | "мин" | "сек" | "ч" => {
            Ambiguous
        }
        // Polish.
        "tzw" | "np" | "ul" => Never,
        "itd" | "itp" | "zł" => Ambiguous,
        // Hindi titles.
        "डॉ" | "प्रो" | "मि" | "श्री" | "सं" => Never,
        _ => return None,
    })
}

/// Common capitalised sentence openers: after an ambiguous abbreviation, one of
/// these makes a new sentence far likelier than a continued name (`U.S. The` vs
/// `U.S. Army`).
fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "He" | "She" | "It" | "They" | "We" | "I" | "You" | "This"
            | "That" | "These" | "Those" | "There" | "Here" | "His" | "Her" | "Its" | "Their"
            | "Our" | "My" | "Your" | "But" | "And" | "Or" | "So" | "Yet" | "However"
            | "Meanwhile" | "In" | "On" | "At" | "For" | "As" | "After" | "Before" | "When"
            | "While" | "If" | "Although" | "Though" | "Since" | "Because" | "During"
            | "Despite" | "With" | "Without" | "By" | "From" | "To" | "Under" | "Over" | "Also"
            | "Still" | "Then" | "Now" | "Today" | "Yesterday" | "Tomorrow" | "Last" | "Next"
            | "According" | "Earlier" | "Later" | "Some" | "Many" | "Most" | "All" | "Both"
            | "Each" | "Other" | "Others" | "One" | "No" | "Not" | "What" | "Who" | "Why"
            | "How" | "Where" | "Which" | "Such" | "Several" | "Thus" | "Therefore" | "Instead"
            | "Indeed" | "Moreover" | "Furthermore" | "Finally" | "First" | "Among" | "Only"
            | "Even" | "Once" | "Until" | "Unlike" | "Like" | "Asked" | "Neither" | "Nor"
            // Portuguese articles and conjunctions. (Spanish, French and German
            // articles are left out: they start English names like `La Valletta`.)
            | "O" | "Os" | "Em" | "Na" | "Mas"
    )
}

/// Capitalised subject pronouns: `"Why?" He asked` starts a new sentence.
fn is_pronoun(word: &str) -> bool {
    matches!(word, "He" | "She" | "They" | "It" | "We" | "I" | "You")
}

/// Lowercase verbs of saying that follow a quotation's closing mark.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "replied"
            | "replies"
            | "explained"
            | "explains"
            | "continued"
            | "noted"
            | "notes"
            | "stated"
            | "states"
            | "declared"
            | "insisted"
            | "argued"
            | "argues"
            | "claimed"
            | "claims"
            | "warned"
            | "warns"
            | "shouted"
            | "cried"
            | "exclaimed"
            | "recalled"
            | "recalls"
            | "admitted"
            | "conceded"
            | "answered"
            | "responded"
            | "tweeted"
            | "posted"
            | "concluded"
            | "observed"
            | "quipped"
            | "whispered"
            | "yelled"
            | "announced"
            | "reported"
    )
}

/// Ends a sentence; `strong` ones (not `.` or `…`) end it before anything but a
/// lowercase word.
fn terminator(c: char) -> Option<Terminator> {
    Some(match c {
        '.' => Terminator::Dot,
        '…' => Terminator::Ellipsis,
        '!' | '?' | '।' | '॥' | '‼' | '⁇' | '⁈' | '⁉' | '؟' => Terminator::Strong,
        '。' | '！' | '？' => Terminator::Cjk,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminator {
    Dot,
    Ellipsis,
    Strong,
    /// CJK full stops: no whitespace follows them.
    Cjk,
}

/// Quote marks that can close a quotation right after its final punctuation.
fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | '“' | '‘' | '›' | '‹' | '」' | '』'
    )
}

/// Closing brackets glued to a sentence's final punctuation (`(See below.)`).
fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

/// Opening quotes and brackets skipped before classifying the next word.
fn is_opening(c: char) -> bool {
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
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '▪' | '●' | '►' | '▶' | '■' | '◦' | '‣' | '⁃' | '○' | '□' | '✓' | '✔'
    )
}

/// Punctuation after a candidate that shows the sentence goes on (`etc. ,`).
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '!' | '?' | '…'
    )
}

/// Bytes that may start a decision: terminators, line breaks and lead bytes of the
/// multi-byte terminators and bullets. Everything else is skipped with one lookup.
const INTERESTING: [bool; 256] = {
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

/// The class of the first character after a candidate (past opening quotes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextKind {
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
struct Next<'a> {
    kind: NextKind,
    /// The next word's letters and digits (empty for punctuation).
    word: &'a str,
    /// Byte just after `word`.
    word_end: usize,
    /// An opening quote came first (`. "The`).
    quoted: bool,
}

/// A terminator run at `i` with what is glued to it.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// First byte of the terminator run.
    i: usize,
    /// Start of the line the run is on.
    line_start: usize,
    /// The run holds `!`, `?`, a danda or a CJK stop.
    strong: bool,
    /// The run is an ellipsis (`...`, `…`, `. . .`).
    ellipsis: bool,
    /// A closing quote mark follows the run.
    quote_closed: bool,
    /// A closing bracket follows the run.
    bracket_closed: bool,
    /// Exactly one line break separates the run from the next text.
    line_break: bool,
}

struct Scanner<'a> {
    s: &'a str,
    b: &'a [u8],
    /// Where the current sentence starts (a previous cut).
    sent_start: usize,
    /// Where the current line starts.
    line_start: usize,
    /// Cut positions, increasing, each with whether the sentence it ends is kept.
    cuts: Vec<(usize, bool)>,
}

impl<'a> Scanner<'a> {
    fn new(s: &'a str) -> Self {
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

    fn char_before(&self, i: usize) -> Option<char> {
        self.s.get(..i).and_then(|t| t.chars().next_back())
    }

    fn run(&mut self) {
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
    fn word_after(&self, p: usize) -> (&'a str, usize) {
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
    fn only_openers(&self, from: usize, to: usize) -> bool {
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

    /// The decision at a candidate, given what follows it.
    fn is_boundary(&self, cand: Candidate, next: Next<'a>) -> bool {
        let Candidate {
            i,
            line_start,
            strong,
            ellipsis,
            quote_closed,
            bracket_closed,
            line_break,
        } = cand;
        match next.kind {
            NextKind::Lower | NextKind::Continuation | NextKind::End => return false,
            NextKind::ListItem => return true,
            _ => {}
        }
        // `"Stop!" John Smith said.`: the attribution belongs to the quote. After
        // `."` the quoted sentence is complete and a capitalised `Roe said` or `He
        // added` starts a new one.
        if strong
            && quote_closed
            && next.kind == NextKind::Upper
            && !is_pronoun(next.word)
            && self.attribution_follows(next)
        {
            return false;
        }
        if strong {
            return true;
        }
        if ellipsis {
            // `[...]` marks omitted words, not an end.
            let bracketed =
                self.char_before(i).is_some_and(|c| matches!(c, '[' | '(')) && bracket_closed;
            return !bracketed && next.kind != NextKind::Other;
        }
        // A single dot: look at the word before it.
        let before = self.char_before(i);
        if quote_closed || !before.is_some_and(char::is_alphanumeric) {
            // `(see above).`, `"end."`: the dot ends the sentence, no abbreviation.
            // (A closing bracket is not enough: in `(U.S.) 10.03` the dot is the
            // abbreviation's, so the word before it still decides.)
            return true;
        }
        let (word, word_start) = self.word_before(i);
        let Some(word) = word else {
            // A token too long to be an abbreviation.
            return true;
        };
        // `1. Jan Ullrich`, `II. Methods`, `b. Item`: a list marker at the start.
        if is_list_label(word)
            && (self.only_openers(self.sent_start, word_start)
                || self.only_openers(line_start.min(word_start), word_start))
        {
            return false;
        }
        // A single capital is an initial (`W.`, `С.`), even where its lowercase form
        // is an abbreviation (`с.` "page", `p.`).
        let initial = is_single_letter(word) && word.chars().all(char::is_uppercase);
        let listed = if initial { None } else { abbrev_kind(word) };
        let kind = match listed {
            Some(Abbrev::BeforeNumber) if next.kind == NextKind::Digit => Some(Abbrev::Never),
            Some(Abbrev::BeforeNumber) => None,
            // `г.` after a year is "year" and may end a sentence; otherwise "city".
            Some(Abbrev::Ambiguous) if matches!(word, "г" | "гр") => {
                if self.number_before(word_start) {
                    Some(Abbrev::Ambiguous)
                } else {
                    Some(Abbrev::Never)
                }
            }
            Some(k) => Some(k),
            // Initials (`W.`) and dotted abbreviations (`U.S.`, `Ph.D.`).
            None if is_dotted_abbreviation(word) || is_single_letter(word) => {
                Some(Abbrev::Ambiguous)
            }
            None => None,
        };
        match kind {
            None => true,
            Some(Abbrev::Never) => false,
            Some(Abbrev::BeforeNumber) => true,
            Some(Abbrev::Ambiguous) => {
                if next.kind == NextKind::Upper && self.initial_follows(next) {
                    // `J. R. R. Tolkien`.
                    return false;
                }
                if line_break {
                    return true;
                }
                if next.quoted && next.kind == NextKind::Upper {
                    return true;
                }
                // Cyrillic abbreviations from the list (not initials) end a sentence
                // before any capital: the English opener list cannot judge them.
                let cyrillic = !initial
                    && word.chars().next().is_some_and(is_cyrillic)
                    && !self.short_opening_phrase(word_start);
                (next.kind == NextKind::Upper && is_opener(next.word) && self.word_ends(next))
                    || (cyrillic && next.kind == NextKind::Upper)
            }
        }
    }

    /// The token before the dot at `i`, without opening marks: `(Mr` → `Mr`. `None`
    /// when it is longer than any abbreviation. Also returns where it starts.
    fn word_before(&self, i: usize) -> (Option<&'a str>, usize) {
        let s = self.s;
        let mut lo = i.saturating_sub(WORD_LOOKBACK);
        while !s.is_char_boundary(lo) {
            lo += 1;
        }
        let window = &s[lo..i];
        let start = match window.rfind(char::is_whitespace) {
            Some(w) => lo + w + window[w..].chars().next().map_or(1, char::len_utf8),
            None if lo == 0 => 0,
            None => return (None, i),
        };
        let mut t = &s[start..i];
        let mut st = start;
        while let Some(c) = t.chars().next().filter(|&c| is_opening(c) || c == '-') {
            t = &t[c.len_utf8()..];
            st += c.len_utf8();
        }
        if t.is_empty() {
            return (None, i);
        }
        (Some(t), st)
    }

    /// True when the token before `word_start` is a number (`1990 г.`).
    fn number_before(&self, word_start: usize) -> bool {
        let t = self.s[..word_start].trim_end();
        let digits = t
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .take(5)
            .count();
        digits > 0
    }

    /// `През 2020 г. Люксембург …`: at most three short words open the sentence
    /// before the abbreviation, so it is part of an opening date phrase, not the
    /// end of a sentence. Looks at no more than 48 bytes.
    fn short_opening_phrase(&self, word_start: usize) -> bool {
        let prefix = self.s[self.sent_start..word_start].trim();
        prefix.len() <= 48 && prefix.split_whitespace().count() <= 3
    }

    /// The next word stands alone: `Under` in `Under Rubin`, not in
    /// `Under-Secretary`; `No` in `No one`, not in `No.1`.
    fn word_ends(&self, next: Next<'a>) -> bool {
        !matches!(self.b.get(next.word_end), Some(b'-' | b'.'))
    }

    /// `J. R. R.`: the next word is one capital letter followed by a dot.
    fn initial_follows(&self, next: Next<'a>) -> bool {
        next.word.chars().count() == 1 && self.b.get(next.word_end) == Some(&b'.')
    }

    /// `John Smith said`: up to two capitalised words, then a speech verb.
    fn attribution_follows(&self, next: Next<'a>) -> bool {
        let (w2, e2) = self.word_after(next.word_end);
        if is_speech_verb(w2) {
            return true;
        }
        if w2.chars().next().is_some_and(char::is_uppercase) {
            let (w3, _) = self.word_after(e2);
            return is_speech_verb(w3);
        }
        false
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

/// A line that plainly goes on in the next one: it ends in `, ; ( & / +` or in a
/// dash glued to a word (`well-`, `word—`). A spaced dash (`Service --`, a table's
/// `-` column) does not continue anything.
fn continues(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some(',' | ';' | '(' | '&' | '/' | '+') => true,
        Some('-' | '–' | '—') => rev.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// `U.S`, `Ph.D`, `a.m`, `т.е`: parts of one or two letters joined by dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=2).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// A list label: up to three digits, one letter or a Roman numeral.
fn is_list_label(word: &str) -> bool {
    let n = word.len();
    (n <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        || is_single_letter(word)
        || (n <= 4 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

#[cfg(test)]
mod tests;
