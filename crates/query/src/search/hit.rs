//! Turns a collected entry into a [`Hit`]: the stored article, its marked
//! title and passages, and its near-duplicates.

use tantivy::collector::TopDocs;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::date::format_rfc3339;
use crate::error::Result;
use crate::response::Hit;
use crate::search::rank::Ranked;
use crate::search::snippet::{opening, Highlighter, FRAGMENT_CHARS};
use crate::search::{restrict, Context};

/// Most near-duplicate ids listed per hit.
pub(crate) const MAX_SIMILAR_IDS: usize = 100;

pub(crate) struct HitBuilder<'a> {
    pub context: &'a Context<'a>,
    pub highlighter: &'a Highlighter,
    pub fragments: usize,
    /// The full query, when the ids of near-duplicates are wanted.
    pub similar_of: Option<&'a dyn Query>,
}

impl HitBuilder<'_> {
    pub(crate) fn build(&self, entry: &Ranked, cluster: Option<u64>, similar: u64) -> Result<Hit> {
        let context = self.context;
        let doc: TantivyDocument = context.searcher.doc(entry.address)?;
        let record = context.schema.to_record(&doc);
        let title = self.highlighter.whole(&record.title);
        let fragments = self.highlighter.passages(&record.body, self.fragments);
        let (snippet, highlights) = match fragments.first() {
            Some(best) => (best.text.clone(), best.highlights.clone()),
            None => (opening(&record.body, FRAGMENT_CHARS), Vec::new()),
        };
        let similar_ids = match (self.similar_of, cluster) {
            (Some(query), Some(cluster)) if similar > 0 => {
                self.similar_ids(query, cluster, entry.address)?
            }
            _ => Vec::new(),
        };
        Ok(Hit {
            id: record.id,
            title: record.title,
            date: record.date.map(format_rfc3339),
            source: record.source,
            url: record.url,
            dateline: record.dateline,
            score: entry.score,
            snippet,
            highlights,
            persons: record.persons,
            locations: record.locations,
            organizations: record.organizations,
            section: record.section,
            title_highlights: title.highlights,
            title_html: title.html,
            fragments,
            similar_count: similar,
            similar_ids,
        })
    }

    /// Ids of the other matching articles of `cluster`.
    fn similar_ids(
        &self,
        query: &dyn Query,
        cluster: u64,
        best: DocAddress,
    ) -> Result<Vec<String>> {
        let context = self.context;
        let field = context.schema.fields.cluster;
        let members: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_u64(field, cluster),
            IndexRecordOption::Basic,
        ));
        let query = restrict(query.box_clone(), vec![members]);
        let top = context.search(
            &*query,
            &TopDocs::with_limit(MAX_SIMILAR_IDS + 1).order_by_score(),
        )?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            if address == best || ids.len() == MAX_SIMILAR_IDS {
                continue;
            }
            let doc: TantivyDocument = context.searcher.doc(address)?;
            if let Some(id) = doc
                .get_first(context.schema.fields.id)
                .and_then(|v| v.as_str())
            {
                ids.push(id.to_owned());
            }
        }
        ids.sort();
        Ok(ids)
    }
}
