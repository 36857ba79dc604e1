//! The tantivy full-text index: title, body and quotes as text; outlet, language,
//! date, speaker, entity, narrative, sub-narrative and role as facets.
//!
//! The index is derived data. Each commit carries, as its payload, the store
//! generation it reflects; [`SearchIndex::generation`] reads it back so a stale index
//! (say, the process died between the database commit and the index commit) is
//! noticed and rebuilt from the store.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{Count as CountCollector, FacetCollector, MultiCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, Value, STORED, STRING, TEXT,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::model::{Count, Page};
use crate::prepared::PreparedArticle;
use crate::store::Store;
use crate::{Result, StoreError};

/// The facets a search can filter and count by, in the order they are reported.
pub const FACETS: [&str; 8] = [
    "outlet",
    "language",
    "date",
    "speaker",
    "entity",
    "narrative",
    "subnarrative",
    "role",
];

/// Bumped whenever the index schema changes: an index built with another layout is
/// thrown away and rebuilt from the store.
const INDEX_LAYOUT: u32 = 2;

/// Memory budget of the (single-threaded) index writer.
const WRITER_HEAP: usize = 50_000_000;

/// How long to wait for another process's index writer to finish.
const WRITER_WAIT: Duration = Duration::from_secs(30);

/// Values per facet returned with search results.
const FACET_TOP: usize = 20;

/// Deepest hit a search pages to. Ranking keeps `offset + limit` hits in memory, so
/// an unbounded offset would let one request allocate without limit.
pub const MAX_SEARCH_OFFSET: usize = 10_000;

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    body: Field,
    quotes: Field,
    outlet_v: Field,
    date_v: Field,
    language_v: Field,
    facets: [Field; FACETS.len()],
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let quotes = b.add_text_field("quotes", TEXT);
    let outlet_v = b.add_text_field("outlet_value", STORED);
    let date_v = b.add_text_field("date_value", STORED);
    let language_v = b.add_text_field("language_value", STORED);
    let facets = FACETS.map(|name| b.add_facet_field(name, FacetOptions::default()));
    let fields = Fields {
        id,
        title,
        body,
        quotes,
        outlet_v,
        date_v,
        language_v,
        facets,
    };
    (b.build(), fields)
}

/// A search request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchQuery {
    /// Query text (tantivy syntax: words are AND-ed, `"phrases"`, `title:word`,
    /// `-word`); empty matches every article.
    pub text: String,
    /// Facet filters, `(facet, value)`, all of which must hold. `date` takes `YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD`.
    pub filters: Vec<(String, String)>,
    /// Which hits.
    pub page: Page,
}

/// A highlighted excerpt of the body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snippet {
    /// Plain text (not HTML: the caller escapes it).
    pub text: String,
    /// Byte ranges of `text` that matched, as `[start, end]`.
    pub highlights: Vec<[usize; 2]>,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// Relevance (higher is better).
    pub score: f32,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Best body excerpt for the query (absent for an empty query).
    pub snippet: Option<Snippet>,
}

/// A page of hits with the facet counts of every match.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching articles in all.
    pub total: u64,
    /// Page size.
    pub limit: usize,
    /// Offset.
    pub offset: usize,
    /// This page of hits, best first.
    pub hits: Vec<SearchHit>,
    /// For each facet, its most frequent values among all matches (`date` by year).
    pub facets: BTreeMap<String, Vec<Count>>,
}

/// The search index of a corpus.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (empty, generation `None`) when absent
    /// or when it was built with another layout.
    pub fn open(dir: &Path) -> Result<Self> {
        let (schema, fields) = schema();
        std::fs::create_dir_all(dir)?;
        let existing = Index::open_in_dir(dir).ok();
        let index = match existing {
            Some(index) if index.schema() == schema && layout_of(&index) == Some(INDEX_LAYOUT) => {
                index
            }
            Some(_) | None => {
                // Derived data: clear it and rebuild from the store.
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                Index::open_or_create(
                    MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?,
                    schema,
                )?
            }
        };
        Self::with_index(index, fields)
    }

    /// An index held in memory (tests).
    pub fn in_ram() -> Result<Self> {
        let (schema, fields) = schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self> {
        // Manual reloads after our own commits; commits by another process (an
        // `ingest` while `serve` runs) are picked up by `refresh`.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
        })
    }

    /// The store generation the last commit reflects (`None` for a new index).
    pub fn generation(&self) -> Result<Option<u64>> {
        let meta = self.index.load_metas()?;
        Ok(meta
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_str::<Payload>(p).ok())
            .filter(|p| p.layout == INDEX_LAYOUT)
            .map(|p| p.generation))
    }

    /// Makes searches see the latest commit, including another process's.
    pub fn refresh(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// The index writer. Only one process may hold it: while another one does (an
    /// `ingest` next to a `serve` taking `POST /api/ingest`), wait for it a while
    /// rather than fail after the database commit.
    fn writer(&self) -> Result<IndexWriter> {
        let deadline = Instant::now() + WRITER_WAIT;
        loop {
            match self.index.writer_with_num_threads(1, WRITER_HEAP) {
                Err(tantivy::TantivyError::LockFailure(LockError::LockBusy, _))
                    if Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(50));
                }
                other => return Ok(other?),
            }
        }
    }

    fn commit(&self, mut writer: IndexWriter, generation: u64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            generation,
            layout: INDEX_LAYOUT,
        })?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Replaces the documents of `articles` and commits, recording `generation`.
    pub fn update(&self, articles: &[&PreparedArticle], generation: u64) -> Result<()> {
        let writer = self.writer()?;
        for a in articles {
            writer.delete_term(Term::from_field_text(self.fields.id, &a.id));
            writer.add_document(self.document(a))?;
        }
        self.commit(writer, generation)
    }

    /// Rebuilds the whole index from the store; returns the number of articles.
    pub fn rebuild(&self, store: &dyn Store) -> Result<usize> {
        let generation = store.generation()?;
        let writer = self.writer()?;
        writer.delete_all_documents()?;
        let mut n = 0;
        store.for_each_json(&mut |json| {
            let a = PreparedArticle::from_json(serde_json::from_str(&json)?)?;
            writer.add_document(self.document(&a))?;
            n += 1;
            Ok(())
        })?;
        self.commit(writer, generation)?;
        Ok(n)
    }

    fn document(&self, a: &PreparedArticle) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &a.id);
        if let Some(t) = &a.title {
            doc.add_text(f.title, t);
        }
        doc.add_text(f.body, &a.body);
        for q in &a.quotes {
            doc.add_text(f.quotes, &q.text);
        }
        for (field, value) in [
            (f.outlet_v, &a.outlet),
            (f.date_v, &a.date),
            (f.language_v, &a.language),
        ] {
            if let Some(v) = value {
                doc.add_text(field, v);
            }
        }
        let mut add = |facet: &str, value: &str| {
            let i = FACETS
                .iter()
                .position(|&n| n == facet)
                .expect("known facet");
            if let Some(facet) = facet_of(facet, value) {
                doc.add_facet(f.facets[i], facet);
            }
        };
        for (name, value) in [
            ("outlet", &a.outlet),
            ("language", &a.language),
            ("date", &a.date),
        ] {
            if let Some(v) = value {
                add(name, v);
            }
        }
        for q in &a.quotes {
            if let Some(k) = &q.speaker_key {
                add("speaker", k);
            }
        }
        for e in &a.entities {
            add("entity", &e.id);
            for r in &e.roles {
                add("role", r);
            }
        }
        for l in &a.labels {
            add(l.level, &l.label);
        }
        doc
    }

    /// Runs a search.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        let f = &self.fields;
        if q.page.offset > MAX_SEARCH_OFFSET {
            return Err(StoreError::BadQuery(format!(
                "offset beyond {MAX_SEARCH_OFFSET}: narrow the query instead"
            )));
        }
        let searcher = self.reader.searcher();
        let text_query: Box<dyn Query> = if q.text.trim().is_empty() {
            Box::new(AllQuery)
        } else {
            let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body, f.quotes]);
            parser.set_conjunction_by_default();
            // Lenient: a stray quote or colon in what an analyst typed is not an error.
            parser.parse_query_lenient(&q.text).0
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        for (name, value) in &q.filters {
            let i = FACETS
                .iter()
                .position(|n| n == name)
                .ok_or_else(|| StoreError::BadQuery(format!("unknown facet `{name}`")))?;
            let facet = facet_of(name, value)
                .ok_or_else(|| StoreError::BadQuery(format!("empty value for `{name}`")))?;
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_facet(f.facets[i], &facet),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);

        let mut multi = MultiCollector::new();
        let top = multi.add_collector(
            TopDocs::with_limit(q.page.limit.max(1))
                .and_offset(q.page.offset)
                .order_by_score(),
        );
        let count = multi.add_collector(CountCollector);
        let facet_handles: Vec<_> = FACETS
            .iter()
            .map(|name| {
                let mut c = FacetCollector::for_field(*name);
                c.add_facet(Facet::root());
                multi.add_collector(c)
            })
            .collect();
        let mut fruits = searcher.search(&query, &multi)?;
        let top = top.extract(&mut fruits);
        let total = count.extract(&mut fruits) as u64;
        let mut facets = BTreeMap::new();
        for (name, handle) in FACETS.iter().zip(facet_handles) {
            let counts = handle.extract(&mut fruits);
            let values = counts
                .top_k(Facet::root(), FACET_TOP)
                .into_iter()
                .map(|(facet, count)| Count {
                    value: facet
                        .to_path()
                        .last()
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                    count,
                })
                .collect();
            facets.insert((*name).to_string(), values);
        }

        let snippets = if q.text.trim().is_empty() {
            None
        } else {
            let mut g = SnippetGenerator::create(&searcher, &*text_query, f.body)?;
            g.set_max_num_chars(240);
            Some(g)
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let snippet = snippets.as_ref().map(|g| {
                let s = g.snippet_from_doc(&doc);
                Snippet {
                    text: s.fragment().to_string(),
                    highlights: s.highlighted().iter().map(|r| [r.start, r.end]).collect(),
                }
            });
            hits.push(SearchHit {
                id: text(f.id).unwrap_or_default(),
                score,
                title: text(f.title),
                outlet: text(f.outlet_v),
                date: text(f.date_v),
                language: text(f.language_v),
                snippet,
            });
        }
        Ok(SearchResults {
            total,
            limit: q.page.limit,
            offset: q.page.offset,
            hits,
            facets,
        })
    }

    /// Documents in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

#[derive(Serialize, serde::Deserialize)]
struct Payload {
    generation: u64,
    layout: u32,
}

fn layout_of(index: &Index) -> Option<u32> {
    let meta = index.load_metas().ok()?;
    match meta.payload {
        Some(p) => serde_json::from_str::<Payload>(&p).ok().map(|p| p.layout),
        // Never committed: nothing to lose, but also nothing wrong with the layout.
        None => Some(INDEX_LAYOUT),
    }
}

/// The facet of a value: dates split into year / month / day so that `2024` and
/// `2024-03` filter too; other values are one segment.
fn facet_of(name: &str, value: &str) -> Option<Facet> {
    let value = value.trim().replace('\0', "");
    if value.is_empty() {
        return None;
    }
    Some(if name == "date" {
        Facet::from_path(value.split('-').filter(|s| !s.is_empty()))
    } else {
        Facet::from_path([value])
    })
}
