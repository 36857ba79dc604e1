//! Entities, their mentions, and quotes with their speakers.
//!
//! These are annotation layers of a [`crate::Document`]; every position is a
//! [`Span`] into `Document::text`.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: government body, company, party, army, outlet.
    Org,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// A group acting collectively: nationalities, "the West", "Ukrainians".
    Group,
    /// Another named thing (events, laws, products).
    Misc,
}

/// How an entity is referred to at one place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name ("Alexander Lukashenko", "Lukashenko").
    Name,
    /// A description ("the Belarusian leader", "the 67-year-old leader").
    Nominal,
    /// A pronoun ("he", "she", "they").
    Pronoun,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Type of the entity mentioned.
    pub etype: EntityType,
    /// Name, description or pronoun.
    pub kind: MentionKind,
    /// Index into `Document::entities` of the entity it refers to, once resolved.
    pub entity: Option<usize>,
}

/// One canonical entity of a document: every mention that refers to it merged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Corpus-stable identifier derived from the canonical name and type
    /// (`person:alexander-lukashenko`): the same person gets the same id in every
    /// article.
    pub id: String,
    /// Canonical name: the longest full name used ("Alexander Lukashenko").
    pub name: String,
    /// Type.
    pub etype: EntityType,
    /// Titles and roles the text gives it, kept apart from the name
    /// ("Belarusian President").
    pub titles: Vec<String>,
    /// Other surface forms used ("Lukashenko", "the Belarusian leader").
    pub aliases: Vec<String>,
    /// Indices into `Document::mentions`.
    pub mentions: Vec<usize>,
    /// Titles that contradict each other ("'Belarusian President' vs 'Russian
    /// President'"): a sign of an error or of disinformation in the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

/// How a quote reports speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Quoted words standing as a whole utterance: “We are ready,” he said.
    Direct,
    /// Quoted words inside the reporter's sentence: accused the West of being “at war”.
    Partial,
    /// Reported speech without quotation marks: X said that …, X called for …
    Indirect,
}

/// Who said something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The words that name the speaker for this quote (PolNeAR's Source span).
    pub mention: Option<Span>,
    /// Canonical name of the speaker.
    pub name: String,
    /// Index into `Document::entities`, when resolved.
    pub entity: Option<usize>,
}

/// One quotation or reported statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted or reported content (without quotation marks).
    pub span: Span,
    /// The whole attributed content as a span: for a direct quote the quoted words
    /// with their marks, for a partial quote the reporter's clause around them ("the
    /// West of being “at war with Russia” by economic means"), for indirect speech
    /// the reported clause. This is PolNeAR's Content convention.
    pub content: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The cue ("said", "told reporters", "according to").
    pub cue: Option<Span>,
    /// The speaker, or `None` when the text does not say.
    pub speaker: Option<Speaker>,
    /// The medium that relayed the words ("TASS cited him as saying" → TASS).
    pub channel: Option<Speaker>,
}
