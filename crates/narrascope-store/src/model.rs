//! What the store returns: pages of summaries, detail views and corpus statistics.
//! Every type serialises to the JSON the HTTP API sends.

use serde::Serialize;

use crate::prepared::PreparedArticle;

/// A page request: `limit` items from `offset`. `limit` is clamped to
/// `1..=`[`Page::MAX_LIMIT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Items per page.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
}

impl Page {
    /// Largest page the store hands out.
    pub const MAX_LIMIT: usize = 200;
    /// Page size when none is asked for.
    pub const DEFAULT_LIMIT: usize = 50;

    /// A page from optional request parameters, clamped.
    pub fn new(limit: Option<usize>, offset: Option<usize>) -> Page {
        Page {
            limit: limit
                .unwrap_or(Self::DEFAULT_LIMIT)
                .clamp(1, Self::MAX_LIMIT),
            offset: offset.unwrap_or(0),
        }
    }

    /// `LIMIT`/`OFFSET` as SQL integers (offsets beyond `i64` are clamped).
    pub(crate) fn sql(&self) -> (i64, i64) {
        (
            self.limit as i64,
            i64::try_from(self.offset).unwrap_or(i64::MAX),
        )
    }

    /// `items`, the rows of this page out of `total`.
    pub(crate) fn paged<T>(self, total: u64, items: Vec<T>) -> Paged<T> {
        Paged {
            total,
            limit: self.limit,
            offset: self.offset,
            items,
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::new(None, None)
    }
}

/// One page of results with the total count.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paged<T> {
    /// How many items there are in all.
    pub total: u64,
    /// The page size used.
    pub limit: usize,
    /// The offset used.
    pub offset: usize,
    /// The items of this page.
    pub items: Vec<T>,
}

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Articles new to the store.
    pub added: usize,
    /// Articles whose content changed and were replaced.
    pub updated: usize,
    /// Articles skipped because their content hash was unchanged.
    pub unchanged: usize,
    /// Data generation after the batch (bumped once per batch that changed something).
    pub generation: u64,
    /// Positions (in the batch) of the articles that were written.
    #[serde(skip)]
    pub written: Vec<usize>,
}

impl BatchOutcome {
    /// Adds another batch's counts to this one.
    pub fn absorb(&mut self, other: &BatchOutcome) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.generation = other.generation;
    }

    /// Counts `a` as unchanged, updated or added, given the `(content_hash,
    /// schema_version, record)` stored under its id; true when it must be written.
    /// Unchanged means the same hash and the same record: the same input analysed by
    /// newer models is an update.
    pub(crate) fn count_article(
        &mut self,
        a: &PreparedArticle,
        stored: Option<(String, i64, String)>,
    ) -> bool {
        match stored {
            Some((hash, version, record))
                if hash == a.content_hash
                    && version == i64::from(a.schema_version)
                    && record == a.json =>
            {
                self.unchanged += 1;
                false
            }
            Some(_) => {
                self.updated += 1;
                true
            }
            None => {
                self.added += 1;
                true
            }
        }
    }
}

/// An article in a listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Where it was read from.
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// Hash of the raw input.
    pub content_hash: String,
    /// Id of an earlier near-duplicate.
    pub duplicate_of: Option<String>,
    /// Number of quotes.
    pub quotes: u64,
    /// Number of entities.
    pub entities: u64,
}

/// A speaker across the corpus: a resolved entity, or an unresolved name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerSummary {
    /// `person:…` entity id when resolved, else `name:` and a slug of the name.
    pub id: String,
    /// Canonical name (the most frequent spelling).
    pub name: String,
    /// Entity id when resolved.
    pub entity: Option<String>,
    /// Quotes attributed to the speaker.
    pub quotes: u64,
    /// Articles quoting the speaker.
    pub articles: u64,
}

/// A byte range of an article's `text` with the words it covers.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Evidence {
    /// Start byte in the article's `text`.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// One quote with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteView {
    /// Article the quote is in.
    pub article_id: String,
    /// That article's headline.
    pub title: Option<String>,
    /// That article's outlet.
    pub outlet: Option<String>,
    /// That article's date.
    pub date: Option<String>,
    /// Position of the quote in the article (0-based).
    pub index: usize,
    /// Start byte of the content in the article's `text`.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The quoted content.
    pub text: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// Speaker name as resolved in the article.
    pub speaker: Option<String>,
    /// Speaker entity id.
    pub speaker_entity: Option<String>,
    /// Medium that relayed the words.
    pub channel: Option<String>,
}

/// An entity across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntitySummary {
    /// Corpus-stable id (`person:alexander-lukashenko`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `org`, `loc`, `group`, `misc`.
    #[serde(rename = "type")]
    pub etype: String,
    /// Articles mentioning it.
    pub articles: u64,
    /// Mentions in all.
    pub mentions: u64,
}

/// One article's view of an entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityInArticle {
    /// Article id.
    pub article_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Name used in this article.
    pub name: String,
    /// Titles given to it in this article.
    pub titles: Vec<String>,
    /// Mentions in this article.
    pub mentions: u64,
    /// Roles assigned to it in this article (when the record has roles).
    pub roles: Vec<String>,
}

/// An entity with every article that mentions it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityDetail {
    /// The corpus-wide summary.
    #[serde(flatten)]
    pub summary: EntitySummary,
    /// Quotes attributed to it.
    pub quotes: u64,
    /// Articles mentioning it (at most 200, newest first).
    pub in_articles: Vec<EntityInArticle>,
}

/// A narrative or sub-narrative label across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NarrativeSummary {
    /// The label as the taxonomy spells it.
    pub label: String,
    /// `narrative` or `subnarrative`.
    pub level: String,
    /// Articles carrying it.
    pub articles: u64,
    /// Mean score over those articles.
    pub mean_score: f64,
}

/// One article carrying a narrative, with the evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NarrativeHit {
    /// Article id.
    pub article_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// `narrative` or `subnarrative`.
    pub level: String,
    /// Score in `[0, 1]`.
    pub score: f64,
    /// Sentences supporting the label.
    pub evidence: Vec<Evidence>,
}

/// A value and how many articles (or items) carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value (`null` counts show as `"unknown"`).
    pub value: String,
    /// How many.
    pub count: u64,
}

/// Corpus statistics.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: u64,
    /// Quotes stored.
    pub quotes: u64,
    /// Distinct entities.
    pub entities: u64,
    /// Distinct speakers.
    pub speakers: u64,
    /// Articles per outlet, most first.
    pub by_outlet: Vec<Count>,
    /// Articles per language, most first.
    pub by_language: Vec<Count>,
    /// Articles per month (`YYYY-MM`), in order.
    pub by_month: Vec<Count>,
    /// Articles per narrative, most first.
    pub by_narrative: Vec<Count>,
    /// Data generation (bumped by each batch that changed something).
    pub generation: u64,
}

/// One cell of a [`Matrix`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatrixCell {
    /// Row value (an outlet).
    pub row: String,
    /// Column value (a narrative, a role).
    pub column: String,
    /// How many.
    pub count: u64,
}

/// Counts by two values (outlet × narrative, outlet × role): the rows and columns
/// with their totals, most first, and the non-zero cells.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// Row values with their totals, most first (ties by value).
    pub rows: Vec<Count>,
    /// Column values with their totals, most first (ties by value).
    pub columns: Vec<Count>,
    /// Non-zero cells, in row then column order.
    pub cells: Vec<MatrixCell>,
}

impl Matrix {
    /// Builds the matrix from `(row, column, count)` triples (repeats are summed).
    pub fn from_triples(triples: impl IntoIterator<Item = (String, String, u64)>) -> Matrix {
        use std::collections::BTreeMap;
        let mut cells: BTreeMap<(String, String), u64> = BTreeMap::new();
        let mut rows: BTreeMap<String, u64> = BTreeMap::new();
        let mut columns: BTreeMap<String, u64> = BTreeMap::new();
        for (r, c, n) in triples {
            if n == 0 {
                continue;
            }
            *rows.entry(r.clone()).or_default() += n;
            *columns.entry(c.clone()).or_default() += n;
            *cells.entry((r, c)).or_default() += n;
        }
        let ranked = |m: BTreeMap<String, u64>| {
            let mut v: Vec<Count> = m
                .into_iter()
                .map(|(value, count)| Count { value, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v
        };
        Matrix {
            rows: ranked(rows),
            columns: ranked(columns),
            cells: cells
                .into_iter()
                .map(|((row, column), count)| MatrixCell { row, column, count })
                .collect(),
        }
    }
}

/// An article named in a view: enough to list and link it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<String>,
}

/// The same quote (after [`crate::normalize_quote`]) reported by several outlets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SharedQuote {
    /// The normalised content shared by every occurrence.
    pub key: String,
    /// Distinct outlets carrying it (an article without outlet counts as its own
    /// source, together with its near-duplicates).
    pub outlets: u64,
    /// Occurrences in all.
    pub occurrences: u64,
    /// Every occurrence (at most 50), oldest first.
    pub quotes: Vec<QuoteView>,
}

/// An article and its stored near-duplicates (records' `duplicate_of`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DuplicateGroup {
    /// The original: the article the copies point to (`title` etc. are `null` when it
    /// is not stored).
    pub original: ArticleRef,
    /// The near-duplicates, by id.
    pub copies: Vec<ArticleRef>,
}

/// One article's titles for one entity (input of cross-source conflict checks).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityTitles {
    /// Entity id.
    pub entity: String,
    /// Name used in the article.
    pub name: String,
    /// Entity type.
    pub etype: String,
    /// The article.
    pub article: ArticleRef,
    /// Titles given there.
    pub titles: Vec<String>,
    /// Titles that contradict each other within that article.
    pub conflicts: Vec<String>,
}

/// Conflicting titles for one entity: within one article (`kind: "article"`), or
/// between sources (`kind: "sources"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TitleConflictView {
    /// `article` or `sources`.
    pub kind: String,
    /// Entity id.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// The titles that contradict each other.
    pub titles: Vec<String>,
    /// Where they come from: the article (`article`), or one article per title
    /// (`sources`), in the order of `titles`.
    pub articles: Vec<ArticleRef>,
}
