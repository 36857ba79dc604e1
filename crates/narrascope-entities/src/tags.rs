//! The BIO tag set and entity spans over tag sequences.

/// Entity classes the tagger knows (CoNLL-2003's four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerClass {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous names (nationalities, events, products).
    Misc,
}

impl NerClass {
    /// All classes, in tag order.
    pub const ALL: [NerClass; 4] = [NerClass::Per, NerClass::Org, NerClass::Loc, NerClass::Misc];

    /// The CoNLL label (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn label(self) -> &'static str {
        match self {
            NerClass::Per => "PER",
            NerClass::Org => "ORG",
            NerClass::Loc => "LOC",
            NerClass::Misc => "MISC",
        }
    }

    /// Parses a CoNLL label.
    pub fn from_label(s: &str) -> Option<NerClass> {
        match s {
            "PER" => Some(NerClass::Per),
            "ORG" => Some(NerClass::Org),
            "LOC" => Some(NerClass::Loc),
            "MISC" => Some(NerClass::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Number of tags: `O` plus `B-`/`I-` for each class.
pub const N_TAGS: usize = 1 + 2 * NerClass::ALL.len();

/// A BIO tag, stored as its index: 0 = `O`, `1 + 2c` = `B-c`, `2 + 2c` = `I-c`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u8);

impl Tag {
    /// Outside any entity.
    pub const O: Tag = Tag(0);

    /// `B-class`.
    pub fn begin(c: NerClass) -> Tag {
        Tag(1 + 2 * c.index() as u8)
    }

    /// `I-class`.
    pub fn inside(c: NerClass) -> Tag {
        Tag(2 + 2 * c.index() as u8)
    }

    /// The class, or `None` for `O`.
    pub fn class(self) -> Option<NerClass> {
        if self.0 == 0 {
            None
        } else {
            NerClass::ALL.get(((self.0 - 1) / 2) as usize).copied()
        }
    }

    /// True for `B-` tags.
    pub fn is_begin(self) -> bool {
        self.0 & 1 == 1
    }

    /// True for `I-` tags.
    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0 & 1 == 0
    }

    /// Index in `0..N_TAGS`.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Parses `O`, `B-X`, `I-X` (X one of the four classes; other classes read as `O`).
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (prefix, class) = s.split_once('-')?;
        let Some(c) = NerClass::from_label(class) else {
            return Some(Tag::O);
        };
        match prefix {
            "B" => Some(Tag::begin(c)),
            "I" => Some(Tag::inside(c)),
            _ => None,
        }
    }

    /// The CoNLL spelling.
    pub fn label(self) -> String {
        match self.class() {
            None => "O".to_string(),
            Some(c) if self.is_begin() => format!("B-{}", c.label()),
            Some(c) => format!("I-{}", c.label()),
        }
    }

    /// True when `self` may follow `prev` in IOB2 (`None` = sentence start).
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        if !self.is_inside() {
            return true;
        }
        matches!(prev, Some(p) if p.class() == self.class())
    }
}

/// Rewrites IOB1 tags (CoNLL-2003's original) as IOB2: an `I-X` that does not continue an
/// `X` entity becomes `B-X`. Idempotent on IOB2.
pub fn to_iob2(tags: &mut [Tag]) {
    let mut prev: Option<Tag> = None;
    for t in tags.iter_mut() {
        if t.is_inside() && !t.may_follow(prev) {
            *t = Tag::begin(t.class().expect("inside tags have a class"));
        }
        prev = Some(*t);
    }
}

/// An entity over a token sequence: tokens `start..end` of class `class`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Class.
    pub class: NerClass,
}

/// Entity spans of a tag sequence, read as conlleval does: an entity starts at `B-X`, or at
/// an `I-X` that does not continue an `X` entity, and runs over the following `I-X`s.
pub fn spans(tags: &[Tag]) -> Vec<TagSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerClass)> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = t.is_inside() && matches!(open, Some((_, c)) if Some(c) == t.class());
        if continues {
            continue;
        }
        if let Some((s, c)) = open.take() {
            out.push(TagSpan {
                start: s,
                end: i,
                class: c,
            });
        }
        if let Some(c) = t.class() {
            open = Some((i, c));
        }
    }
    if let Some((s, c)) = open {
        out.push(TagSpan {
            start: s,
            end: tags.len(),
            class: c,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn labels_round_trip() {
        for i in 0..N_TAGS as u8 {
            assert_eq!(Tag::parse(&Tag(i).label()), Some(Tag(i)));
        }
        assert_eq!(Tag::parse("B-DATE"), Some(Tag::O));
    }

    #[test]
    fn iob1_becomes_iob2() {
        let mut t = parse("I-PER I-PER O I-LOC B-LOC I-ORG");
        to_iob2(&mut t);
        assert_eq!(t, parse("B-PER I-PER O B-LOC B-LOC B-ORG"));
    }

    #[test]
    fn spans_like_conlleval() {
        let t = parse("B-PER I-PER O I-LOC I-LOC B-LOC I-ORG");
        let s = spans(&t);
        let got: Vec<_> = s.iter().map(|s| (s.start, s.end, s.class)).collect();
        assert_eq!(
            got,
            vec![
                (0, 2, NerClass::Per),
                (3, 5, NerClass::Loc),
                (5, 6, NerClass::Loc),
                (6, 7, NerClass::Org)
            ]
        );
    }
}
