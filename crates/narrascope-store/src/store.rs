//! The [`Store`] trait: everything the CLI and the API need from a database. Each
//! back end implements it in its own file; the SQL that differs between back ends
//! lives behind it, the record preparation and the index do not.

use crate::model::{
    ArticleSummary, BatchOutcome, DuplicateGroup, EntityDetail, EntitySummary, EntityTitles,
    Matrix, NarrativeHit, NarrativeSummary, Page, Paged, QuoteView, SharedQuote, SpeakerSummary,
    Stats,
};
use crate::prepared::PreparedArticle;
use crate::Result;

/// A corpus database.
///
/// Writes come in batches: [`Store::ingest`] stores a whole batch in one
/// transaction, so a crash (even `kill -9`) leaves every earlier batch intact and no
/// part of the one in flight. Articles are keyed by id; one whose `content_hash`
/// is unchanged is skipped — provided its record is too (same `schema_version`, same
/// JSON): the same input analysed by newer models is an update, not a skip.
pub trait Store: Send {
    /// Back-end name (`sqlite`, `postgres`).
    fn backend(&self) -> &'static str;

    /// Highest migration applied.
    fn schema_version(&self) -> Result<u32>;

    /// Stores a batch in one transaction.
    fn ingest(&mut self, batch: &[PreparedArticle]) -> Result<BatchOutcome>;

    /// Data generation: bumped by every batch that changed something. The search
    /// index records the generation it reflects, so a stale index is detected.
    fn generation(&self) -> Result<u64>;

    /// A stored setting (`None` when unset).
    fn get_setting(&self, key: &str) -> Result<Option<String>>;

    /// Stores a setting.
    fn set_setting(&mut self, key: &str, value: &str) -> Result<()>;

    /// The stored record JSON of one article.
    fn article_json(&self, id: &str) -> Result<Option<String>>;

    /// Articles by id.
    fn articles(&self, page: Page) -> Result<Paged<ArticleSummary>>;

    /// Calls `f` with the JSON of every stored article, in id order (for rebuilding
    /// the index).
    fn for_each_json(&self, f: &mut dyn FnMut(String) -> Result<()>) -> Result<()>;

    /// Speakers, most quoted first.
    fn speakers(&self, page: Page) -> Result<Paged<SpeakerSummary>>;

    /// Quotes of one speaker (`None` when the speaker is unknown), by date then
    /// article.
    fn speaker_quotes(&self, speaker: &str, page: Page) -> Result<Option<Paged<QuoteView>>>;

    /// Entities, most widely mentioned first; `etype` filters by type.
    fn entities(&self, etype: Option<&str>, page: Page) -> Result<Paged<EntitySummary>>;

    /// One entity with the articles that mention it.
    fn entity(&self, id: &str) -> Result<Option<EntityDetail>>;

    /// Narrative and sub-narrative labels with their article counts.
    fn narratives(&self) -> Result<Vec<NarrativeSummary>>;

    /// Articles carrying one label, best score first, with the evidence
    /// (`None` when no article carries it).
    fn narrative_articles(&self, label: &str, page: Page) -> Result<Option<Paged<NarrativeHit>>>;

    /// Corpus statistics.
    fn stats(&self) -> Result<Stats>;

    /// Articles per outlet and label of `level` (`narrative` or `subnarrative`);
    /// articles without outlet count under `unknown`.
    fn outlet_narratives(&self, level: &str) -> Result<Matrix>;

    /// Role assignments (record v4 `roles[]`) per outlet and main role, for every
    /// entity or only `entity`.
    fn roles_by_outlet(&self, entity: Option<&str>) -> Result<Matrix>;

    /// Quotes whose normalised content appears in at least `min_outlets` outlets,
    /// widest spread first. An article without outlet is a source of its own, shared
    /// with its near-duplicates (`duplicate_of`): a copy is not a second source.
    fn shared_quotes(&self, min_outlets: u64, page: Page) -> Result<Paged<SharedQuote>>;

    /// Articles with stored near-duplicates (`duplicate_of`), most copies first.
    fn duplicates(&self, page: Page) -> Result<Paged<DuplicateGroup>>;

    /// Every (entity, article) with titles or title conflicts, by entity then date.
    fn entity_titles(&self) -> Result<Vec<EntityTitles>>;
}
