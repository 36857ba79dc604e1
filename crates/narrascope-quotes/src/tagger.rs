//! The attribution tagger: tokens → source / cue / content spans.

use std::borrow::Cow;

use narrascope_core::Span;

use crate::error::QuoteError;
use crate::features::{base_hashes, masked, stacked_hashes};
use crate::model::{is_inside, role_of, Model, O};
use crate::token::{tokenize, Token};

/// The part a span plays in an attribution (PolNeAR's three span labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Who is speaking or believing ("Morris", "the campaign", "he").
    Source,
    /// The words that signal the attribution ("says", "according to").
    Cue,
    /// What is said or believed.
    Content,
}

impl Role {
    /// All roles, in tag order.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    fn from_index(i: usize) -> Role {
        Role::ALL[i.min(2)]
    }

    /// Index in tag order.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One labelled span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RoleSpan {
    /// Start/end bytes in the text.
    pub span: Span,
    /// Its role.
    pub role: Role,
}

/// A trained tagger. Cheap to share between threads.
#[derive(Clone, Debug)]
pub struct Tagger {
    pub(crate) model: Model,
    /// Optional second pass reading the first pass's tags (stacking).
    pub(crate) second: Option<Model>,
}

/// The model shipped with the crate (trained on PolNeAR train; see
/// `models/quotes/README.md`). Empty when the crate was built without one.
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/quotes/tagger.bin"
));

impl Tagger {
    /// The embedded model, or `None` when the crate was built with an empty model file.
    pub fn embedded() -> Result<Option<Tagger>, QuoteError> {
        if EMBEDDED.is_empty() {
            return Ok(None);
        }
        Tagger::read(Cow::Borrowed(EMBEDDED)).map(Some)
    }

    /// Loads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, QuoteError> {
        Tagger::read(Cow::Owned(bytes.to_vec()))
    }

    fn read(bytes: Cow<'static, [u8]>) -> Result<Tagger, QuoteError> {
        let (model, used) = Model::from_prefix(bytes.clone())?;
        let rest = match bytes {
            Cow::Borrowed(b) => Cow::Borrowed(&b[used..]),
            Cow::Owned(mut v) => Cow::Owned(v.split_off(used)),
        };
        let second = if rest.is_empty() {
            None
        } else {
            let (m, used) = Model::from_prefix(rest.clone())?;
            if used != rest.len() {
                return Err(QuoteError::BadModel(format!(
                    "{} trailing bytes after the model",
                    rest.len() - used
                )));
            }
            Some(m)
        };
        Ok(Tagger { model, second })
    }

    /// The model's bytes (first pass, then the second pass if any).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = self.model.to_bytes();
        if let Some(m) = &self.second {
            b.extend(m.to_bytes());
        }
        b
    }

    /// Tags `text[region]` as one sequence and returns its spans in text order.
    pub fn tag(&self, text: &str, region: Span) -> Vec<RoleSpan> {
        self.tag_tokens(&tokenize(text, region))
    }

    /// Tags already tokenized text as one sequence.
    pub(crate) fn tag_tokens(&self, tokens: &[Token]) -> Vec<RoleSpan> {
        // The base features are hashed once and masked for each pass.
        let base = base_hashes(tokens);
        let feats = masked(&base, None, self.model.buckets);
        let mut tags = self.model.decode(&feats.rows());
        if let Some(m) = &self.second {
            let stacked = stacked_hashes(tokens, &tags);
            let feats = masked(&base, Some(&stacked), m.buckets);
            tags = m.decode(&feats.rows());
        }
        chunks(&tags, |i| tokens[i].span)
    }
}

/// Groups a tag sequence into spans.
pub(crate) fn chunks(tags: &[usize], span_of: impl Fn(usize) -> Span) -> Vec<RoleSpan> {
    let mut out: Vec<RoleSpan> = Vec::new();
    let mut open = false;
    for (i, &t) in tags.iter().enumerate() {
        if t == O {
            open = false;
            continue;
        }
        let role = Role::from_index(role_of(t).unwrap_or(0));
        let s = span_of(i);
        if is_inside(t) && open {
            if let Some(last) = out.last_mut() {
                if last.role == role {
                    last.span.end = s.end;
                    continue;
                }
            }
        }
        out.push(RoleSpan { span: s, role });
        open = true;
    }
    out
}
