//! Articles related to one article: its rarer title and body terms
//! (more-like-this), plus the people and places it names.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::response::Hit;
use crate::search::collect::SearchCollector;
use crate::search::hit::HitBuilder;
use crate::search::snippet::Highlighter;
use crate::search::Context;

/// A shared person or place weighs like this many shared rare words.
const ENTITY_BOOST: f32 = 2.0;
/// Terms taken from the article for more-like-this.
const MAX_QUERY_TERMS: usize = 25;

/// The `limit` articles most like the article `id`, best first, one per
/// near-duplicate cluster, never the article itself or its own copies.
pub(crate) fn run(context: &Context, id: &str, limit: usize) -> Result<Vec<Hit>> {
    let fields = &context.schema.fields;
    let address = find(context, id)?.ok_or_else(|| Error::UnknownArticle(id.to_owned()))?;
    let doc: TantivyDocument = context.searcher.doc(address)?;
    let record = context.schema.to_record(&doc);

    let text = vec![
        (fields.title, vec![OwnedValue::Str(record.title.clone())]),
        (fields.body, vec![OwnedValue::Str(record.body.clone())]),
    ];
    let max_doc_frequency = (context.searcher.num_docs() / 5).max(2);
    let like_this = MoreLikeThisQuery::builder()
        .with_min_doc_frequency(2)
        .with_max_doc_frequency(max_doc_frequency)
        .with_min_term_frequency(1)
        .with_min_word_length(3)
        .with_max_query_terms(MAX_QUERY_TERMS)
        .with_document_fields(text);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(like_this))];
    let entities = record
        .persons
        .iter()
        .map(|p| (fields.person, p))
        .chain(record.locations.iter().map(|l| (fields.location, l)));
    for (field, name) in entities {
        let term = TermQuery::new(
            Term::from_field_text(field, name),
            IndexRecordOption::WithFreqs,
        );
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(term), ENTITY_BOOST)),
        ));
    }
    clauses.push((
        Occur::MustNot,
        Box::new(TermQuery::new(
            Term::from_field_text(fields.id, id),
            IndexRecordOption::Basic,
        )),
    ));
    if let Some(cluster) = record.cluster {
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_u64(fields.cluster, cluster),
                IndexRecordOption::Basic,
            )),
        ));
    }
    let query = BooleanQuery::new(clauses);
    let collector = SearchCollector {
        sort: crate::request::Sort::Relevance,
        window: limit,
        after: None,
        collapse: true,
        facets: Default::default(),
        facet_limit: 0,
        selections: Vec::new(),
        histogram: None,
    };
    let collected = context.search(&query, &collector)?;
    let nothing = tantivy::query::EmptyQuery;
    let highlighter = Highlighter::new(context.index, context.searcher, &nothing, context.schema)?;
    let builder = HitBuilder {
        context,
        highlighter: &highlighter,
        fragments: 0,
        similar_of: None,
    };
    collected
        .window
        .iter()
        .map(|(entry, cluster, similar)| builder.build(entry, *cluster, *similar))
        .collect()
}

/// Where the article `id` is stored.
pub(crate) fn find(context: &Context, id: &str) -> Result<Option<DocAddress>> {
    let term = Term::from_field_text(context.schema.fields.id, id);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let top = context
        .searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())?;
    Ok(top.first().map(|(_, address)| *address))
}
