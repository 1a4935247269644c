//! From a read [`Article`] to the [`ArticleRecord`] the archive stores: the
//! stable id, and entities from the source or, where it gives none, from the
//! extractor (both, when the source's are partial, as a wire item's are).

use news_query::ArticleRecord;
use xxhash_rust::xxh3::xxh3_128;

use news_extract::{ExtractError, Extraction, Extractor};
use news_query::{Provenance, StoredEntities, StoredEntity};

use crate::rules::Rules;
use news_read::{Article, Origin};

/// The article's stable id: its own id, else its URL, else a hash of its
/// title and text, so re-reading the same article yields the same id.
pub fn stable_id(article: &Article) -> String {
    if let Some(id) = [&article.id, &article.url]
        .into_iter()
        .find_map(|s| s.as_deref().filter(|s| !s.trim().is_empty()))
    {
        return id.to_owned();
    }
    let mut content = String::with_capacity(article.title.len() + article.body.len() + 1);
    content.push_str(&article.title);
    content.push('\n');
    content.push_str(&article.body);
    format!("h{:032x}", xxh3_128(content.as_bytes()))
}

/// Builds the stored record and its entities as given (before the archive's
/// rules: the record's entity facets list them as they are), running the
/// extractor only for entity kinds the source did not list itself. An
/// error is a fault of the extractor on this article's text.
pub fn to_record(
    article: Article,
    origin: &Origin,
    extractor: &Extractor,
) -> Result<(ArticleRecord, StoredEntities), ExtractError> {
    let id = stable_id(&article);
    let extraction = article.needs_extraction().then(|| {
        let mut text = String::with_capacity(article.title.len() + article.body.len() + 1);
        text.push_str(&article.title);
        text.push('\n');
        text.push_str(&article.body);
        extractor.try_extract(&text)
    });
    let extracted = extraction.transpose()?.unwrap_or_default();
    let source = article.source;
    let partial = article.entities_partial;
    let found = Found::new(&extracted);
    let organizations = without_publisher(extracted.organizations.clone(), source.as_deref());
    let given_places = article
        .locations
        .as_deref()
        .map(|given| extractor.places_of(given));
    let places = given_or_found(given_places, extracted.places.clone(), partial);
    let mut entities = StoredEntities {
        person: found.entities(given_or_found(
            article.persons,
            extracted.persons.clone(),
            partial,
        )),
        location: found.entities(given_or_found(
            article.locations,
            extracted.locations.clone(),
            partial,
        )),
        organization: found.entities(given_or_found(
            article.organizations,
            organizations,
            partial,
        )),
        place: places.into_iter().map(|(p, _)| p).collect(),
        country: article.countries.unwrap_or_default(),
    };
    for place in entities.location.iter_mut() {
        if place.geonames_id.is_none() {
            place.geonames_id = extractor.geonames_id_of(&place.name);
        }
    }
    let mut record = ArticleRecord {
        id,
        title: article.title,
        body: article.body,
        dateline: article.dateline,
        source,
        section: article.section,
        author: article.author,
        url: article.url,
        language: article.language,
        date: article.date,
        cluster: None,
        origin: Some(origin.path.to_string_lossy().into_owned()),
        ..ArticleRecord::default()
    };
    Rules::default().fill(&mut record, &entities, extractor);
    Ok((record, entities))
}

/// What extraction knows of its values: GeoNames ids and other spellings.
struct Found<'a> {
    extraction: &'a Extraction,
}

impl<'a> Found<'a> {
    fn new(extraction: &'a Extraction) -> Self {
        Found { extraction }
    }

    /// The stored entities of `names` (with whether the source gave each).
    fn entities(&self, names: Vec<(String, bool)>) -> Vec<StoredEntity> {
        names
            .into_iter()
            .map(|(name, given)| {
                let mut entity = StoredEntity {
                    name,
                    from: if given {
                        Provenance::Source
                    } else {
                        Provenance::Extraction
                    },
                    ..StoredEntity::default()
                };
                if !given {
                    self.describe(&mut entity);
                }
                entity
            })
            .collect()
    }

    /// Adds what extraction says of an extracted value.
    fn describe(&self, entity: &mut StoredEntity) {
        let x = self.extraction;
        if let Some(at) = x.locations.iter().position(|l| *l == entity.name) {
            entity.geonames_id = x.geonames_ids.get(at).copied().flatten();
        }
        if let Some(f) = x.folded.iter().find(|f| f.value == entity.name) {
            entity.was = f.spellings.clone();
            if !f.spelt {
                entity.from = Provenance::Alias;
            }
        }
    }
}

/// The names a source gave, else those extracted; both when the source's
/// are partial (a wire item names a few), its own first, each name once;
/// each with whether the source gave it.
fn given_or_found(
    given: Option<Vec<String>>,
    found: Vec<String>,
    partial: bool,
) -> Vec<(String, bool)> {
    let mark = |names: Vec<String>, given: bool| names.into_iter().map(move |n| (n, given));
    match given {
        Some(given) if partial => {
            let mut out: Vec<(String, bool)> = mark(given, true).collect();
            for name in found {
                if !out.iter().any(|(g, _)| g.eq_ignore_ascii_case(&name)) {
                    out.push((name, false));
                }
            }
            out
        }
        Some(given) => mark(given, true).collect(),
        None => mark(found, false).collect(),
    }
}

/// Extracted organizations less the article's own publisher: a wire's name
/// in its dateline ("TARTOUS (Levant Wire) -") or in "reviewed by Meridian
/// Daily" is a signature, not something the story is about, and would top
/// every organization facet of that publisher's articles.
fn without_publisher(organizations: Vec<String>, source: Option<&str>) -> Vec<String> {
    let Some(source) = source else {
        return organizations;
    };
    organizations
        .into_iter()
        .filter(|org| !org.eq_ignore_ascii_case(source))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str) -> Article {
        Article {
            title: title.into(),
            body: "Body".into(),
            ..Default::default()
        }
    }

    #[test]
    fn id_prefers_given_id_then_url_then_content() {
        let mut a = article("T");
        let hashed = stable_id(&a);
        assert!(hashed.starts_with('h') && hashed.len() == 33);
        assert_eq!(hashed, stable_id(&article("T")));
        assert_ne!(hashed, stable_id(&article("U")));
        a.url = Some("https://x.example/1".into());
        assert_eq!(stable_id(&a), "https://x.example/1");
        a.id = Some("x-1".into());
        assert_eq!(stable_id(&a), "x-1");
        // Found by the read_feed fuzz target: a JSON Feed item with
        // `"url": ""` and no id had an empty id.
        a.id = Some(" ".into());
        a.url = Some(String::new());
        assert_eq!(stable_id(&a), hashed);
    }

    #[test]
    fn the_publisher_is_not_an_organization_of_its_own_articles() {
        let mut a = article("Wheat cargoes return to Tartous");
        a.body = "TARTOUS (Levant Wire) - Two ships arrived, the World Bank said.".into();
        a.source = Some("Levant Wire".into());
        let origin = Origin {
            path: "f.txt".into(),
            line: None,
        };
        let (record, _) = to_record(a, &origin, Extractor::bundled()).unwrap();
        assert_eq!(record.organizations, ["World Bank"]);
        assert_eq!(
            without_publisher(vec!["Reuters".into(), "OPEC".into()], Some("reuters")),
            ["OPEC"]
        );
    }

    #[test]
    fn source_given_entities_win() {
        let mut a = article("T");
        a.persons = Some(vec!["Christine Lagarde".into()]);
        let origin = Origin {
            path: "f.jsonl".into(),
            line: Some(1),
        };
        let (record, _) = to_record(a, &origin, Extractor::bundled()).unwrap();
        assert_eq!(record.persons, ["Christine Lagarde"]);
        assert_eq!(record.origin.as_deref(), Some("f.jsonl"));
    }

    #[test]
    fn partial_source_entities_are_kept_beside_extracted_ones() {
        let mut a = article("Talks in Moscow");
        a.body = "Vladimir Putin met Ahmed al-Sharaa in Moscow on Tuesday.".into();
        a.persons = Some(vec!["Keegan Murray".into(), "vladimir putin".into()]);
        a.entities_partial = true;
        let origin = Origin {
            path: "f.xml".into(),
            line: Some(2),
        };
        let (record, _) = to_record(a.clone(), &origin, Extractor::bundled()).unwrap();
        assert_eq!(record.persons[..2], ["Keegan Murray", "vladimir putin"]);
        assert!(record.persons.contains(&"Ahmed al-Sharaa".to_owned()));
        assert!(
            !record.persons.contains(&"Vladimir Putin".to_owned()),
            "once"
        );
        assert!(record.locations.contains(&"Moscow".to_owned()));
        a.entities_partial = false;
        let (whole, _) = to_record(a, &origin, Extractor::bundled()).unwrap();
        assert_eq!(whole.persons, ["Keegan Murray", "vladimir putin"]);
    }
}
