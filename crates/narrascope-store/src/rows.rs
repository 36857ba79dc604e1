//! Result rows read into the model types, for every SQL back end: both back ends
//! select the same columns in the same order, so each view is read in one place.
//! A back end only says how to read one column ([`Columns`]).

use crate::model::{
    ArticleRef, ArticleSummary, Count, EntityInArticle, EntitySummary, EntityTitles, Evidence,
    NarrativeHit, NarrativeSummary, QuoteView, SpeakerSummary,
};

/// One result row of a back end, read by column index.
pub(crate) trait Columns {
    /// What a failed read returns.
    type Error;

    /// A non-null text column.
    fn text(&self, i: usize) -> Result<String, Self::Error>;

    /// A nullable text column.
    fn opt_text(&self, i: usize) -> Result<Option<String>, Self::Error>;

    /// A count (`BIGINT`, possibly null): null and negative read as 0.
    fn count(&self, i: usize) -> Result<u64, Self::Error>;

    /// A non-null real column.
    fn real(&self, i: usize) -> Result<f64, Self::Error>;

    /// A nullable real column.
    fn opt_real(&self, i: usize) -> Result<Option<f64>, Self::Error>;
}

/// A JSON list of strings stored in a text column; malformed JSON reads as empty.
pub(crate) fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

/// The columns [`quote_view`] reads, from `quotes q JOIN articles a`.
pub(crate) const QUOTE_VIEW: &str = "q.article_id, a.title, a.outlet, a.date, q.idx, q.start_byte,
    q.end_byte, q.text, q.kind, q.speaker_name, q.speaker_entity, q.channel";

/// A quote with its article, from the [`QUOTE_VIEW`] columns.
pub(crate) fn quote_view<R: Columns>(r: &R) -> Result<QuoteView, R::Error> {
    Ok(QuoteView {
        article_id: r.text(0)?,
        title: r.opt_text(1)?,
        outlet: r.opt_text(2)?,
        date: r.opt_text(3)?,
        index: r.count(4)? as usize,
        start: r.count(5)? as usize,
        end: r.count(6)? as usize,
        text: r.text(7)?,
        kind: r.text(8)?,
        speaker: r.opt_text(9)?,
        speaker_entity: r.opt_text(10)?,
        channel: r.opt_text(11)?,
    })
}

/// An article reference from the four columns `id, title, outlet, date` at `at`.
pub(crate) fn article_ref<R: Columns>(r: &R, at: usize) -> Result<ArticleRef, R::Error> {
    Ok(ArticleRef {
        id: r.text(at)?,
        title: r.opt_text(at + 1)?,
        outlet: r.opt_text(at + 2)?,
        date: r.opt_text(at + 3)?,
    })
}

/// `id, path, title, outlet, date, language, content_hash, duplicate_of, quotes,
/// entities`.
pub(crate) fn article_summary<R: Columns>(r: &R) -> Result<ArticleSummary, R::Error> {
    Ok(ArticleSummary {
        id: r.text(0)?,
        path: r.text(1)?,
        title: r.opt_text(2)?,
        outlet: r.opt_text(3)?,
        date: r.opt_text(4)?,
        language: r.opt_text(5)?,
        content_hash: r.text(6)?,
        duplicate_of: r.opt_text(7)?,
        quotes: r.count(8)?,
        entities: r.count(9)?,
    })
}

/// `speaker_key, name (most used, may be null), entity, quotes, articles`.
pub(crate) fn speaker_summary<R: Columns>(r: &R) -> Result<SpeakerSummary, R::Error> {
    Ok(SpeakerSummary {
        id: r.text(0)?,
        name: r.opt_text(1)?.unwrap_or_default(),
        entity: r.opt_text(2)?,
        quotes: r.count(3)?,
        articles: r.count(4)?,
    })
}

/// `entity_id, name, type, articles, mentions` (each back end's `ENTITY_SUMMARY`).
pub(crate) fn entity_summary<R: Columns>(r: &R) -> Result<EntitySummary, R::Error> {
    Ok(EntitySummary {
        id: r.text(0)?,
        name: r.text(1)?,
        etype: r.text(2)?,
        articles: r.count(3)?,
        mentions: r.count(4)?,
    })
}

/// `article_id, title, outlet, date, name, titles (JSON), mentions, roles (JSON)`.
pub(crate) fn entity_in_article<R: Columns>(r: &R) -> Result<EntityInArticle, R::Error> {
    Ok(EntityInArticle {
        article_id: r.text(0)?,
        title: r.opt_text(1)?,
        outlet: r.opt_text(2)?,
        date: r.opt_text(3)?,
        name: r.text(4)?,
        titles: json_list(r.text(5)?),
        mentions: r.count(6)?,
        roles: json_list(r.text(7)?),
    })
}

/// `label, level, articles, mean score (null reads as 0)`.
pub(crate) fn narrative_summary<R: Columns>(r: &R) -> Result<NarrativeSummary, R::Error> {
    Ok(NarrativeSummary {
        label: r.text(0)?,
        level: r.text(1)?,
        articles: r.count(2)?,
        mean_score: r.opt_real(3)?.unwrap_or(0.0),
    })
}

/// `article_id, title, outlet, date, level, score, evidence (JSON)`; malformed
/// evidence reads as none.
pub(crate) fn narrative_hit<R: Columns>(r: &R) -> Result<NarrativeHit, R::Error> {
    Ok(NarrativeHit {
        article_id: r.text(0)?,
        title: r.opt_text(1)?,
        outlet: r.opt_text(2)?,
        date: r.opt_text(3)?,
        level: r.text(4)?,
        score: r.real(5)?,
        evidence: serde_json::from_str::<Vec<Evidence>>(&r.text(6)?).unwrap_or_default(),
    })
}

/// `entity_id, name, type`, an [`article_ref`] at 3, `titles, conflicts` (JSON).
pub(crate) fn entity_titles<R: Columns>(r: &R) -> Result<EntityTitles, R::Error> {
    Ok(EntityTitles {
        entity: r.text(0)?,
        name: r.text(1)?,
        etype: r.text(2)?,
        article: article_ref(r, 3)?,
        titles: json_list(r.text(7)?),
        conflicts: json_list(r.text(8)?),
    })
}

/// `value, count`.
pub(crate) fn count<R: Columns>(r: &R) -> Result<Count, R::Error> {
    Ok(Count {
        value: r.text(0)?,
        count: r.count(1)?,
    })
}

/// `row, column, count`: one cell of a [`Matrix`](crate::Matrix).
pub(crate) fn triple<R: Columns>(r: &R) -> Result<(String, String, u64), R::Error> {
    Ok((r.text(0)?, r.text(1)?, r.count(2)?))
}

/// `norm, outlets, occurrences`: one group of shared quotes.
pub(crate) fn quote_group<R: Columns>(r: &R) -> Result<(String, u64, u64), R::Error> {
    Ok((r.text(0)?, r.count(1)?, r.count(2)?))
}
