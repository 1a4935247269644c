//! IPTC NewsML-G2 news items (alone, in a `newsMessage`, beside the
//! `packageItem` that refers to them), plain NITF documents, and fragments
//! carrying NITF. Each text item is an article; photos, videos, packages and
//! concept, knowledge, planning and catalog items are not news text and are
//! skipped with a reason.
//!
//! | article field | NewsML-G2, first present wins (then the carried NITF, see [`crate::nitf`]) |
//! |---|---|
//! | id | `newsItem@guid` |
//! | title | `contentMeta/headline`, NITF `hl1`, `contentMeta/slugline` |
//! | body | `contentSet`: `inlineXML` (NITF, XHTML: one line per `p`) or `inlineData` |
//! | date | `itemMeta/firstCreated`, `contentMeta/contentCreated`, `itemMeta/versionCreated` |
//! | dateline | `contentMeta/dateline`, NITF `dateline` |
//! | author | `contentMeta/by`, `creator/name`, NITF `byline` |
//! | source | `infoSource/name`, `rightsInfo/copyrightHolder/name`, NITF `doc.copyright@holder` |
//! | section | the first `subject` that is not a person, organisation or place, else `genre` |
//! | persons | `subject` of type `cpnat:person`, NITF `person` |
//! | organizations | `subject` of type `cpnat:organisation`, NITF `org` |
//! | locations | `located` and its `broader` places, `subject` of type `cpnat:geoArea`/`cpnat:poi`, NITF `location` |
//! | language | `xml:lang`, `contentMeta/language@tag` |
//!
//! A concept's name is its `name` child, else the `name` of the item's
//! `assert` with the same `qcode`; a concept with only a code is left out.
//! The entities an item names are seldom all those its text mentions, so
//! they are marked partial ([`Article::entities_partial`]): extraction runs
//! as well and both are kept.

use crate::article::Article;
use crate::date::parse_date;
use crate::nitf::{self, paragraphs};
use crate::xml::{self, Element};
use crate::{txt, Parsed};

/// Elements read as one item each.
pub(crate) const ITEMS: [&str; 7] = [
    "newsItem",
    "packageItem",
    "conceptItem",
    "knowledgeItem",
    "planningItem",
    "catalogItem",
    "nitf",
];

/// One item's outcome, with the line its element starts on.
pub type Outcome = (u64, Result<Parsed, String>);

/// Reads every item of a NewsML-G2 or NITF document. The outer `Err` is an
/// XML error that ended the reading, after the items before it.
pub fn parse(text: &str) -> (Vec<Outcome>, Option<String>) {
    let mut outcomes = Vec::new();
    let mut packages = Vec::new();
    let result = xml::items(
        text,
        |name| ITEMS.contains(&name),
        |found| {
            let e = &found.element;
            let outcome = match e.name.as_str() {
                "newsItem" => news_item(e),
                "nitf" => from_nitf(e),
                "packageItem" => {
                    packages.push((found.line, package(e)));
                    return;
                }
                other => Err(format!("{other} {}: not a news article; skipped", guid(e))),
            };
            outcomes.push((found.line, outcome));
        },
    );
    // A package only refers to items: said when the file carries none of them.
    if outcomes.is_empty() {
        outcomes.extend(packages.into_iter().map(|(line, m)| (line, Err(m))));
    }
    if outcomes.is_empty() && result.is_ok() {
        outcomes.push((
            1,
            Err("no NewsML-G2 news item or NITF document in this XML; skipped".to_owned()),
        ));
    }
    (outcomes, result.err())
}

fn guid(item: &Element) -> String {
    item.attr("guid").unwrap_or("(no guid)").to_owned()
}

fn package(item: &Element) -> String {
    let mut refs = Vec::new();
    item.find_all("itemRef", &mut refs);
    format!(
        "packageItem {}: a package referring to {} items not carried in this file; nothing to index",
        guid(item),
        refs.len()
    )
}

/// Entities and topics of an item's metadata.
#[derive(Default)]
struct Concepts {
    persons: Vec<String>,
    organizations: Vec<String>,
    locations: Vec<String>,
    topics: Vec<String>,
}

fn news_item(item: &Element) -> Result<Parsed, String> {
    // Kept long: one pass over a newsItem's elements, each field where the streaming reader meets it.
    let id = guid(item);
    let item_meta = item.child("itemMeta");
    let meta = item.child("contentMeta");
    let class = item_meta
        .and_then(|m| m.child("itemClass"))
        .and_then(|c| c.attr("qcode"))
        .unwrap_or("ninat:text");
    let carried = item.find("nitf").map(nitf::read).unwrap_or_default();
    let body = match carried.body.is_empty() {
        true => content_text(item),
        false => carried.body.clone(),
    };
    let meta_text = |name: &str| meta.and_then(|m| m.child_text(name));
    let headline = meta_text("headline")
        .or(carried.title.clone())
        .or_else(|| meta_text("slugline"));
    // A text item with only a headline is still news (as a JSON article
    // with only a title is); a photo's caption is not.
    if body.is_empty() && (class != "ninat:text" || headline.is_none()) {
        return Err(format!(
            "newsItem {id}: a {class} item with no text; skipped"
        ));
    }
    let mut warnings = Vec::new();
    let mut date = None;
    let dated = [
        item_meta.and_then(|m| m.child_text("firstCreated")),
        meta_text("contentCreated"),
        item_meta.and_then(|m| m.child_text("versionCreated")),
    ];
    for given in dated.into_iter().flatten() {
        match parse_date(&given) {
            Some(secs) => {
                date = Some(secs);
                break;
            }
            None => warnings.push(format!(
                "newsItem {id}: date {given:?} is not a date we can read"
            )),
        }
    }
    if date.is_some() {
        warnings.clear();
    }
    let mut concepts = meta.map(|m| concepts(item, m)).unwrap_or_default();
    concepts.persons.extend(carried.persons.iter().cloned());
    concepts
        .organizations
        .extend(carried.organizations.iter().cloned());
    concepts.locations.extend(carried.locations.iter().cloned());
    let mut article = Article {
        id: Some(id),
        title: headline.unwrap_or_default(),
        body,
        date: date.or(carried.date),
        dateline: meta_text("dateline").or(carried.dateline.clone()),
        source: meta
            .and_then(|m| m.child("infoSource"))
            .and_then(|s| s.child_text("name"))
            .or_else(|| {
                item.child("rightsInfo")
                    .and_then(|r| r.child("copyrightHolder"))
                    .and_then(|h| h.child_text("name"))
            })
            .or(carried.source.clone()),
        section: concepts.topics.first().cloned().or_else(|| {
            meta.and_then(|m| m.child("genre"))
                .and_then(|g| concept_name(item, g))
        }),
        author: meta_text("by")
            .or_else(|| {
                meta.and_then(|m| m.child("creator"))
                    .and_then(|c| c.child_text("name"))
            })
            .or(carried.author.clone()),
        language: item
            .attr("lang")
            .map(str::to_owned)
            .or_else(|| {
                meta.and_then(|m| m.child("language"))
                    .and_then(|l| l.attr("tag"))
                    .map(str::to_owned)
            })
            .or(carried.language.clone()),
        ..Article::default()
    };
    set_entities(&mut article, concepts);
    txt::apply_dateline(&mut article);
    Ok(Parsed { article, warnings })
}

/// A plain NITF document as an article.
fn from_nitf(element: &Element) -> Result<Parsed, String> {
    let n = nitf::read(element);
    if n.body.is_empty() && n.title.is_none() {
        return Err("nitf: no headline or text; skipped".to_owned());
    }
    let warnings = n
        .bad_date
        .iter()
        .map(|d| format!("nitf: date {d:?} is not a date we can read"))
        .collect();
    let mut article = Article {
        id: n.id,
        title: n.title.unwrap_or_default(),
        body: n.body,
        date: n.date,
        dateline: n.dateline,
        source: n.source,
        author: n.author,
        language: n.language,
        ..Article::default()
    };
    let concepts = Concepts {
        persons: n.persons,
        organizations: n.organizations,
        locations: n.locations,
        topics: Vec::new(),
    };
    set_entities(&mut article, concepts);
    txt::apply_dateline(&mut article);
    Ok(Parsed { article, warnings })
}

/// Sets the entities an item names, marked partial; a kind it names none of
/// is left to extraction alone.
fn set_entities(article: &mut Article, concepts: Concepts) {
    let some = |list: Vec<String>| (!list.is_empty()).then(|| distinct(list));
    article.persons = some(concepts.persons);
    article.organizations = some(concepts.organizations);
    article.locations = some(concepts.locations);
    article.entities_partial = true;
}

fn distinct(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for name in list {
        if !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    out
}

/// The text of the first rendition in `contentSet` that has any.
fn content_text(item: &Element) -> String {
    let Some(set) = item.child("contentSet") else {
        return String::new();
    };
    set.elements()
        .filter(|e| e.name == "inlineXML" || e.name == "inlineData")
        .map(|e| match e.name.as_str() {
            "inlineXML" => paragraphs(e),
            _ => e.text(),
        })
        .find(|text| !text.is_empty())
        .unwrap_or_default()
}

fn concepts(item: &Element, meta: &Element) -> Concepts {
    let mut c = Concepts::default();
    for located in meta.elements().filter(|e| e.name == "located") {
        c.locations.extend(concept_name(item, located));
        for broader in located.elements().filter(|e| e.name == "broader") {
            c.locations.extend(concept_name(item, broader));
        }
    }
    for subject in meta.elements().filter(|e| e.name == "subject") {
        let Some(name) = concept_name(item, subject) else {
            continue;
        };
        match subject.attr("type").unwrap_or("") {
            "cpnat:person" => c.persons.push(name),
            "cpnat:organisation" | "cpnat:organization" => c.organizations.push(name),
            "cpnat:geoArea" | "cpnat:poi" => c.locations.push(name),
            _ => c.topics.push(name),
        }
    }
    c
}

/// A concept's name: its own `name`, else that of the item's `assert` about
/// its `qcode`.
fn concept_name(item: &Element, concept: &Element) -> Option<String> {
    concept.child_text("name").or_else(|| {
        let qcode = concept.attr("qcode")?;
        item.elements()
            .filter(|e| e.name == "assert")
            .find(|a| a.attr("qcode") == Some(qcode))
            .and_then(|a| a.child_text("name"))
    })
}

#[cfg(test)]
mod tests;
