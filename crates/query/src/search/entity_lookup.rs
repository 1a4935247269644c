//! Entity lookup: canonical names of one kind by prefix or near spelling,
//! with the number of articles naming each.

use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use crate::entity::{Entity, EntityKind};
use crate::error::Result;
use crate::search::name_match::lookup;
use crate::search::vocabulary::Keyword;
use crate::search::Context;

/// Up to `limit` names of `kind` matching `text`, best match first, then most articles.
pub(crate) fn run(
    context: &Context,
    kind: EntityKind,
    text: &str,
    limit: usize,
) -> Result<Vec<Entity>> {
    let keyword = match kind {
        EntityKind::Person => Keyword::Person,
        EntityKind::Location => Keyword::Location,
        EntityKind::Organization => Keyword::Organization,
    };
    let vocabulary = context.names(keyword)?;
    let field = keyword.field(context.schema);
    // Term statistics still count deleted articles until segments merge;
    // recount the few names returned when there are any.
    let has_deletes = context
        .searcher
        .segment_readers()
        .iter()
        .any(|segment| segment.has_deletes());
    let mut found = Vec::new();
    for (id, matched) in lookup(&vocabulary, text, limit) {
        let name = vocabulary.name(id);
        let count = if has_deletes {
            let query =
                TermQuery::new(Term::from_field_text(field, name), IndexRecordOption::Basic);
            context.searcher.search(&query, &Count)? as u64
        } else {
            vocabulary.doc_freq(id)
        };
        if count > 0 {
            found.push(Entity {
                name: name.to_owned(),
                count,
                matched,
            });
        }
    }
    Ok(found)
}
