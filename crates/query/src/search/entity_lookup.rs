//! Entity lookup: canonical names of one kind by prefix or near spelling,
//! with the number of articles naming each, and where each came from (read
//! from the stored entities of one article naming it).

use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use crate::entity::{Entity, EntityKind, Provenance};
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
        let query = TermQuery::new(Term::from_field_text(field, name), IndexRecordOption::Basic);
        let count = if has_deletes {
            context.searcher.search(&query, &Count)? as u64
        } else {
            vocabulary.doc_freq(id)
        };
        if count > 0 {
            let origin = origin_of(context, &query, kind, name)?;
            found.push(Entity {
                name: name.to_owned(),
                count,
                matched,
                provenance: origin.provenance,
                folded_from: origin.folded_from,
                geonames_id: origin.geonames_id,
            });
        }
    }
    Ok(found)
}

/// Where a value came from, as one article's stored entities tell.
#[derive(Default)]
struct Origin {
    provenance: Option<Provenance>,
    folded_from: Vec<String>,
    geonames_id: Option<u32>,
}

/// Reads the stored entities of the first article naming `name`: the
/// provenance of the value (a rule's when one renamed a name into it), the
/// names folded into it, and a place's GeoNames id.
fn origin_of(context: &Context, query: &TermQuery, kind: EntityKind, name: &str) -> Result<Origin> {
    let top = context
        .searcher
        .search(query, &TopDocs::with_limit(1).order_by_score())?;
    let Some((_, address)) = top.first() else {
        return Ok(Origin::default());
    };
    let doc: TantivyDocument = context.searcher.doc(*address)?;
    let Some(entities) = context.schema.entities_of(&doc) else {
        return Ok(Origin::default());
    };
    let mut origin = Origin::default();
    for entity in entities.of(kind) {
        if entity.facet_value() != Some(name) {
            continue;
        }
        let provenance = entity.provenance();
        // A rule's provenance wins over the spelling it renamed.
        if origin.provenance.is_none() || entity.rule.is_some() {
            origin.provenance = Some(provenance);
        }
        origin.geonames_id = origin.geonames_id.or(entity.geonames_id);
        let folded = entity
            .was
            .iter()
            .chain((entity.name != name).then_some(&entity.name));
        for spelling in folded {
            if !origin.folded_from.contains(spelling) {
                origin.folded_from.push(spelling.clone());
            }
        }
    }
    Ok(origin)
}
