//! The schema contract between `news-indexer` (which writes) and `news-query`
//! (which reads): field names, tokenizers, and how dates and entities are stored.
//!
//! Everything that turns an [`ArticleRecord`] into a tantivy document, or a stored
//! document back into a record, lives here, so the two sides cannot drift apart.
//!
//! * Text (`title`, `body`) uses the [`TEXT_TOKENIZER`]: split on non-alphanumerics,
//!   lowercase, fold accents to ASCII, English stemming. Queries go through the
//!   same analyser, so `Zurich` matches `Zürich` and `talks` matches `talk`
//!   (folding drops marks only: `Šaraa` is `saraa`, not `sharaa`).
//! * Entities (`person`, `location`, `organization`) and `source`/`section` are
//!   untokenized `STRING | FAST` fields holding canonical names: counting them per
//!   query is a terms aggregation over a column, and `person:"Vladimir Putin"`
//!   works in query syntax.
//! * `place` holds every location plus the regions and countries containing it, so
//!   a filter on `Syria` finds an article that names only Tartus; it is indexed only.
//!   `country` holds the countries among those places, stored (for exports).
//! * `date` is a tantivy date (indexed, fast, stored); `day` (days since
//!   1970-01-01) and `month` (`year * 12 + month - 1`) are fast integer columns
//!   for calendar-exact histograms, which tantivy's `date_histogram` cannot do.
//! * `entities` stores, as JSON ([`StoredEntities`]), the entities extraction
//!   or the source gave and what the archive's rules (authority file, short
//!   forms) made of them; the entity facets are derived from it, so a change
//!   of rules rewrites documents from what is stored. `extracted` indexes
//!   each name as given, prefixed by its kind (`o:HTS`, places under `l:`),
//!   so the documents a changed rule touches are found by term.
//! * `id_key` is a 64-bit hash of `id` in a fast column: the tie-break of every
//!   sort, so cursors stay valid across segments and merges.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::date::CalendarKeys;
use crate::entity::{kind_letter, EntityKind, StoredEntities};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, NumericOptions, Schema, TantivyDocument,
    TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{DateTime, Index};

mod open;
pub use open::{open_for_writing, open_unmapped};

/// Name under which the analyser for `title` and `body` is registered.
pub const TEXT_TOKENIZER: &str = "news_text";

/// Publication times the archive can store, in Unix seconds: the range of
/// tantivy's nanosecond dates, 1677-09-21 to 2262-04-11. A record dated
/// outside it is stored undated (readers treat such dates as unreadable), and
/// date filters beyond it are taken as its ends.
pub const DATE_RANGE: std::ops::RangeInclusive<i64> =
    (i64::MIN / 1_000_000_000)..=(i64::MAX / 1_000_000_000);

/// Field names, as they appear in query syntax (`person:"Vladimir Putin"`).
pub mod field {
    /// Stable article id (given id, else URL, else content hash).
    pub const ID: &str = "id";
    /// Headline, tokenized.
    pub const TITLE: &str = "title";
    /// Article text, tokenized.
    pub const BODY: &str = "body";
    /// Dateline as printed, e.g. `MOSCOW` or `LONDON (Reuters)`.
    pub const DATELINE: &str = "dateline";
    /// Publisher.
    pub const SOURCE: &str = "source";
    /// Desk or topic code.
    pub const SECTION: &str = "section";
    /// Byline.
    pub const AUTHOR: &str = "author";
    /// Canonical URL.
    pub const URL: &str = "url";
    /// Language, an ISO 639-1 code (`en`): a raw string, for filters and facets.
    pub const LANGUAGE: &str = "language";
    /// Publication time.
    pub const DATE: &str = "date";
    /// Days since 1970-01-01 of `date`.
    pub const DAY: &str = "day";
    /// `year * 12 + month - 1` of `date`.
    pub const MONTH: &str = "month";
    /// Canonical person names.
    pub const PERSON: &str = "person";
    /// Canonical place names mentioned.
    pub const LOCATION: &str = "location";
    /// Places mentioned plus the regions and countries that contain them.
    pub const PLACE: &str = "place";
    /// Canonical organization names.
    pub const ORGANIZATION: &str = "organization";
    /// The countries among `place`.
    pub const COUNTRY: &str = "country";
    /// Near-duplicate cluster id (articles with the same story share it).
    pub const CLUSTER: &str = "cluster";
    /// The file the article was read from, for incremental re-indexing.
    pub const ORIGIN: &str = "origin";
    /// [`super::id_key`] of `id`: a fast column breaking ties between equal sort keys.
    pub const ID_KEY: &str = "id_key";
    /// The article's entities before and after the archive's rules, JSON (stored only).
    pub const ENTITIES: &str = "entities";
    /// Each entity name as given, prefixed by its kind letter (`o:HTS`),
    /// and each organization spelling the article folded into a name
    /// ([`super::spelled_out_term`]); indexed only.
    pub const EXTRACTED: &str = "extracted";
}

/// Handles to every field of the news schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// See [`field::ID`].
    pub id: Field,
    /// See [`field::TITLE`].
    pub title: Field,
    /// See [`field::BODY`].
    pub body: Field,
    /// See [`field::DATELINE`].
    pub dateline: Field,
    /// See [`field::SOURCE`].
    pub source: Field,
    /// See [`field::SECTION`].
    pub section: Field,
    /// See [`field::AUTHOR`].
    pub author: Field,
    /// See [`field::URL`].
    pub url: Field,
    /// See [`field::LANGUAGE`].
    pub language: Field,
    /// See [`field::DATE`].
    pub date: Field,
    /// See [`field::DAY`].
    pub day: Field,
    /// See [`field::MONTH`].
    pub month: Field,
    /// See [`field::PERSON`].
    pub person: Field,
    /// See [`field::LOCATION`].
    pub location: Field,
    /// See [`field::PLACE`].
    pub place: Field,
    /// See [`field::ORGANIZATION`].
    pub organization: Field,
    /// See [`field::COUNTRY`].
    pub country: Field,
    /// See [`field::CLUSTER`].
    pub cluster: Field,
    /// See [`field::ORIGIN`].
    pub origin: Field,
    /// See [`field::ID_KEY`].
    pub id_key: Field,
    /// See [`field::ENTITIES`].
    pub entities: Field,
    /// See [`field::EXTRACTED`].
    pub extracted: Field,
}

/// The tantivy schema of a news archive, with its field handles.
#[derive(Clone, Debug)]
pub struct NewsSchema {
    /// The tantivy schema.
    pub schema: Schema,
    /// Handles to its fields.
    pub fields: Fields,
}

impl Default for NewsSchema {
    fn default() -> Self {
        Self::new()
    }
}

impl NewsSchema {
    /// Builds the schema every news archive uses.
    pub fn new() -> Self {
        let mut builder = Schema::builder();
        let text = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_TOKENIZER)
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let keyword = STRING | FAST | STORED;
        let fields = Fields {
            id: builder.add_text_field(field::ID, STRING | STORED),
            title: builder.add_text_field(field::TITLE, text.clone()),
            body: builder.add_text_field(field::BODY, text),
            dateline: builder.add_text_field(field::DATELINE, STORED),
            source: builder.add_text_field(field::SOURCE, keyword.clone()),
            section: builder.add_text_field(field::SECTION, keyword.clone()),
            author: builder.add_text_field(field::AUTHOR, STRING | STORED),
            url: builder.add_text_field(field::URL, STRING | STORED),
            language: builder.add_text_field(field::LANGUAGE, keyword.clone()),
            date: builder.add_date_field(
                field::DATE,
                DateOptions::from(INDEXED)
                    .set_stored()
                    .set_fast()
                    .set_precision(DateTimePrecision::Seconds),
            ),
            day: builder.add_i64_field(field::DAY, NumericOptions::default().set_fast()),
            month: builder.add_i64_field(field::MONTH, NumericOptions::default().set_fast()),
            person: builder.add_text_field(field::PERSON, keyword.clone()),
            location: builder.add_text_field(field::LOCATION, keyword.clone()),
            place: builder.add_text_field(field::PLACE, STRING),
            organization: builder.add_text_field(field::ORGANIZATION, keyword),
            country: builder.add_text_field(field::COUNTRY, STRING | STORED),
            cluster: builder.add_u64_field(field::CLUSTER, FAST | STORED | INDEXED),
            origin: builder.add_text_field(field::ORIGIN, STRING | STORED),
            id_key: builder.add_u64_field(field::ID_KEY, FAST),
            entities: builder.add_text_field(field::ENTITIES, STORED),
            extracted: builder.add_text_field(field::EXTRACTED, STRING),
        };
        NewsSchema {
            schema: builder.build(),
            fields,
        }
    }

    /// The field handles of `index`, the archive at `path`; an index that is
    /// not a news archive is [`crate::Error::NotAnArchive`].
    pub fn of_index(index: &Index, path: &Path) -> crate::Result<Self> {
        NewsSchema::from_schema(index.schema()).map_err(|reason| crate::Error::NotAnArchive {
            path: path.to_owned(),
            reason,
        })
    }

    /// Reads the field handles of an existing index, checking it is a news archive.
    pub fn from_schema(schema: Schema) -> Result<Self, String> {
        let expected = NewsSchema::new();
        for (_, entry) in expected.schema.fields() {
            let name = entry.name();
            let found = schema
                .get_field(name)
                .map_err(|_| format!("field `{name}` is missing"))?;
            if schema.get_field_entry(found).field_type() != entry.field_type() {
                return Err(format!("field `{name}` has another type"));
            }
        }
        Ok(expected)
    }

    /// Turns a record into the tantivy document that stores it.
    pub fn to_document(&self, record: &ArticleRecord) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &record.id);
        doc.add_u64(f.id_key, id_key(&record.id));
        doc.add_text(f.title, &record.title);
        doc.add_text(f.body, &record.body);
        let optional = [
            (f.dateline, &record.dateline),
            (f.source, &record.source),
            (f.section, &record.section),
            (f.author, &record.author),
            (f.url, &record.url),
            (f.language, &record.language),
        ];
        for (field, value) in optional {
            if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                doc.add_text(field, value);
            }
        }
        if let Some(secs) = record.date.filter(|secs| DATE_RANGE.contains(secs)) {
            doc.add_date(f.date, DateTime::from_timestamp_secs(secs));
            let keys = CalendarKeys::from_unix_seconds(secs);
            doc.add_i64(f.day, keys.day);
            doc.add_i64(f.month, keys.month);
        }
        let lists = [
            (f.person, &record.persons),
            (f.location, &record.locations),
            (f.place, &record.places),
            (f.organization, &record.organizations),
            (f.country, &record.countries),
        ];
        for (field, values) in lists {
            for value in values {
                doc.add_text(field, value);
            }
        }
        if let Some(cluster) = record.cluster {
            doc.add_u64(f.cluster, cluster);
        }
        if let Some(origin) = &record.origin {
            doc.add_text(f.origin, origin);
        }
        doc
    }

    /// Adds an article's stored entities to its document: the JSON, and the
    /// `extracted` terms of every name as given.
    pub fn add_entities(&self, doc: &mut TantivyDocument, entities: &StoredEntities) {
        let f = &self.fields;
        if let Ok(json) = serde_json::to_string(entities) {
            doc.add_text(f.entities, json);
        }
        let kinds = [
            EntityKind::Person,
            EntityKind::Location,
            EntityKind::Organization,
        ];
        for kind in kinds {
            for entity in entities.of(kind) {
                doc.add_text(f.extracted, extracted_term(kind, &entity.name));
            }
        }
        for place in &entities.place {
            doc.add_text(f.extracted, extracted_term(EntityKind::Location, place));
        }
        for entity in &entities.organization {
            for spelling in &entity.was {
                doc.add_text(f.extracted, spelled_out_term(spelling, &entity.name));
            }
        }
    }

    /// The stored entities of a document; `None` when it has none.
    pub fn entities_of(&self, doc: &TantivyDocument) -> Option<StoredEntities> {
        let json = doc.get_first(self.fields.entities)?.as_str()?;
        serde_json::from_str(json).ok()
    }

    /// Reads a stored document back into a record (`places` is indexed only, so empty).
    pub fn to_record(&self, doc: &TantivyDocument) -> ArticleRecord {
        let f = &self.fields;
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let all = |field: Field| -> Vec<String> {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        ArticleRecord {
            id: text(f.id).unwrap_or_default(),
            title: text(f.title).unwrap_or_default(),
            body: text(f.body).unwrap_or_default(),
            dateline: text(f.dateline),
            source: text(f.source),
            section: text(f.section),
            author: text(f.author),
            url: text(f.url),
            language: text(f.language),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .map(|d| d.into_timestamp_secs()),
            persons: all(f.person),
            locations: all(f.location),
            places: Vec::new(),
            organizations: all(f.organization),
            countries: all(f.country),
            cluster: doc.get_first(f.cluster).and_then(|v| v.as_u64()),
            origin: text(f.origin),
        }
    }
}

/// The [`field::EXTRACTED`] term of a name as given: its kind letter, `:`, the name.
pub fn extracted_term(kind: EntityKind, name: &str) -> String {
    format!("{}:{name}", kind_letter(kind))
}

/// The [`field::EXTRACTED`] term saying an article folded the organization
/// spelling `short` into `long` ("HTS" into "Hayat Tahrir al-Sham", which it
/// spelt out): `s:`, the short form, a unit separator, the long form. It is
/// the evidence an archive-wide fold of initials needs.
pub fn spelled_out_term(short: &str, long: &str) -> String {
    format!("{SPELLED_OUT_PREFIX}{short}\u{1f}{long}")
}

/// The prefix of [`spelled_out_term`]s.
pub const SPELLED_OUT_PREFIX: &str = "s:";

/// The stable 64-bit key of an article id (xxh3), stored in [`field::ID_KEY`].
pub fn id_key(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Writes `records` into the archive at `dir` (created if needed) and commits,
/// replacing any article with the same id.
///
/// The indexer has its own parallel pipeline; this is for tests, examples and
/// small tools that already hold records:
///
/// ```
/// use news_query::schema::{write_records, ArticleRecord};
/// use news_query::{Archive, SearchRequest};
/// # fn main() -> Result<(), news_query::Error> {
/// let dir = tempfile::tempdir().unwrap();
/// write_records(dir.path(), &[ArticleRecord {
///     id: "a1".into(),
///     title: "Grain ships leave Odesa".into(),
///     body: "The first grain convoy of the year left Odesa on Monday.".into(),
///     ..Default::default()
/// }])?;
/// let archive = Archive::open(dir.path())?;
/// assert_eq!(archive.search(&SearchRequest::new("grain"))?.total, 1);
/// # Ok(()) }
/// ```
pub fn write_records(dir: &Path, records: &[ArticleRecord]) -> crate::Result<()> {
    let (index, schema) = open_for_writing(dir)?;
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 50_000_000)?;
    for record in records {
        writer.delete_term(tantivy::Term::from_field_text(schema.fields.id, &record.id));
        writer.add_document(schema.to_document(record))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// Registers the analysers the schema names; call on every [`Index`] opened or created.
pub fn register_tokenizers(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        // tantivy's English stemmer, cached: a third of indexing time otherwise.
        .filter(crate::stem::CachedStemmer)
        .build();
    index.tokenizers().register(TEXT_TOKENIZER, analyzer);
}

/// One article as the archive stores it: what the indexer writes and what
/// [`crate::Archive::article`] gives back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleRecord {
    /// Stable id: the source's id, else its URL, else a hash of its content.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Text, paragraphs separated by newlines.
    pub body: String,
    /// Dateline as printed (`MOSCOW`, `LONDON (Reuters)`).
    pub dateline: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Desk or topic.
    pub section: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language, an ISO 639-1 code (`en`), as the source gave it or detected.
    pub language: Option<String>,
    /// Publication time, seconds since the Unix epoch (UTC); `None` when
    /// undated. Stored only within [`DATE_RANGE`].
    pub date: Option<i64>,
    /// Canonical person names.
    pub persons: Vec<String>,
    /// Canonical place names mentioned.
    pub locations: Vec<String>,
    /// Places plus the regions and countries containing them (indexed, not stored).
    pub places: Vec<String>,
    /// Canonical organization names.
    pub organizations: Vec<String>,
    /// The countries among `places` (stored: exports list them).
    pub countries: Vec<String>,
    /// Near-duplicate cluster.
    pub cluster: Option<u64>,
    /// The file it was read from.
    pub origin: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_survives_document_round_trip() {
        let schema = NewsSchema::new();
        let record = ArticleRecord {
            id: "a1".into(),
            title: "Syria’s Sharaa meets Putin".into(),
            body: "MOSCOW - talks".into(),
            dateline: Some("MOSCOW".into()),
            source: Some("Seed".into()),
            date: Some(crate::date::days_from_civil(2026, 1, 28) * 86_400),
            persons: vec!["Vladimir Putin".into(), "Ahmed al-Sharaa".into()],
            locations: vec!["Moscow".into()],
            countries: vec!["Russia".into()],
            cluster: Some(7),
            ..Default::default()
        };
        let doc = schema.to_document(&record);
        assert_eq!(schema.to_record(&doc), record);
    }
}
