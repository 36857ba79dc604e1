//! Corpus statistics: the same parameterless queries on every SQL back end, so
//! [`Stats`] is assembled in one place.

use crate::model::{Count, Stats};
use crate::store::Store;
use crate::Result;

/// A back end's way to run a parameterless query: one count, or `value, count`
/// rows.
pub(crate) trait CountQueries: Store {
    /// The single count the query returns.
    fn count_of(&self, sql: &str) -> Result<u64>;

    /// The `value, count` rows the query returns.
    fn counts_of(&self, sql: &str) -> Result<Vec<Count>>;
}

/// The corpus statistics of `db`.
pub(crate) fn stats(db: &impl CountQueries) -> Result<Stats> {
    Ok(Stats {
        articles: db.count_of("SELECT COUNT(*) FROM articles")?,
        quotes: db.count_of("SELECT COUNT(*) FROM quotes")?,
        entities: db.count_of("SELECT COUNT(DISTINCT entity_id) FROM entities")?,
        speakers: db.count_of(
            "SELECT COUNT(DISTINCT speaker_key) FROM quotes WHERE speaker_key IS NOT NULL",
        )?,
        by_outlet: db.counts_of(
            "SELECT COALESCE(outlet, 'unknown'), COUNT(*) FROM articles
             GROUP BY COALESCE(outlet, 'unknown') ORDER BY 2 DESC, 1",
        )?,
        by_language: db.counts_of(
            "SELECT COALESCE(language, 'unknown'), COUNT(*) FROM articles
             GROUP BY COALESCE(language, 'unknown') ORDER BY 2 DESC, 1",
        )?,
        by_month: db.counts_of(
            "SELECT COALESCE(SUBSTR(date, 1, 7), 'unknown'), COUNT(*) FROM articles
             GROUP BY COALESCE(SUBSTR(date, 1, 7), 'unknown') ORDER BY 1",
        )?,
        by_narrative: db.counts_of(
            "SELECT label, COUNT(DISTINCT article_id) FROM labels
             WHERE level = 'narrative' GROUP BY label ORDER BY 2 DESC, 1",
        )?,
        generation: db.generation()?,
    })
}
