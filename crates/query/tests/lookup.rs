//! Entity lookup, related articles, single articles and the timeline.

mod common;

use common::*;
use news_query::{EntityKind, Interval, NameMatch, SearchRequest};

#[test]
fn entities_by_prefix_word_or_near_spelling() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let puti = archive.entities(EntityKind::Person, "Puti", 10).unwrap();
    assert_eq!(puti.len(), 1);
    assert_eq!(
        (puti[0].name.as_str(), puti[0].count, puti[0].matched),
        ("Vladimir Putin", 2, NameMatch::Word)
    );
    let vlad = archive.entities(EntityKind::Person, "vlad", 10).unwrap();
    assert_eq!(vlad[0].matched, NameMatch::Prefix);
    let typo = archive.entities(EntityKind::Person, "Macrom", 10).unwrap();
    assert_eq!(
        (typo[0].name.as_str(), typo[0].matched),
        ("Emmanuel Macron", NameMatch::Fuzzy)
    );
    let all = archive.entities(EntityKind::Location, "", 3).unwrap();
    assert_eq!(all[0].name, "Tartus", "most named first: {all:?}");
    assert_eq!(all.len(), 3);
    let orgs = archive
        .entities(EntityKind::Organization, "world", 10)
        .unwrap();
    assert_eq!(
        (orgs[0].name.as_str(), orgs[0].count),
        ("World Food Programme", 2)
    );
    assert!(archive
        .entities(EntityKind::Person, "zzzz", 10)
        .unwrap()
        .is_empty());
}

#[test]
fn entity_counts_ignore_replaced_articles() {
    let records = newsroom();
    let (dir, archive) = archive_of(&records, 8);
    // Re-writing an article replaces it; the count must not include the old copy.
    news_query::schema::write_records(dir.path(), &records[..1]).unwrap();
    archive.reload().unwrap();
    let putin = archive
        .entities(EntityKind::Person, "Vladimir Putin", 1)
        .unwrap();
    assert_eq!(putin[0].count, 2);
}

#[test]
fn related_shares_words_people_and_places() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let related = archive.related("seed", 3).unwrap();
    assert!(!related.iter().any(|h| h.id == "seed"));
    let top: Vec<&str> = related.iter().map(|h| h.id.as_str()).collect();
    assert!(
        top[..2].contains(&"putin-energy") || top[..2].contains(&"sharaa-paris"),
        "{top:?}"
    );
    assert!(related.len() <= 3);
    assert!(
        matches!(archive.related("missing", 3), Err(news_query::Error::UnknownArticle(id)) if id == "missing")
    );
}

#[test]
fn article_by_id() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let seed = archive.article("seed").unwrap().unwrap();
    assert_eq!(seed.persons, ["Vladimir Putin", "Ahmed al-Sharaa"]);
    assert_eq!(seed.source.as_deref(), Some("Seed"));
    assert!(archive.article("missing").unwrap().is_none());
}

#[test]
fn timeline_normalises_by_the_filtered_coverage() {
    let (_dir, archive) = archive_of(&newsroom(), 4);
    let timeline = archive
        .timeline(&SearchRequest::new("Putin"), Interval::Month)
        .unwrap();
    assert_eq!(timeline.total, 2);
    assert_eq!(timeline.buckets.first().unwrap().key, "2025-03");
    assert_eq!(timeline.buckets.last().unwrap().key, "2026-01");
    assert_eq!(timeline.buckets.len(), 11);
    let january = timeline.buckets.last().unwrap();
    assert_eq!((january.count, january.total, january.ratio), (1, 2, 0.5));
    let april = &timeline.buckets[1];
    assert_eq!(
        (april.key.as_str(), april.count, april.total, april.ratio),
        ("2025-04", 0, 0, 0.0)
    );

    // With a filter the denominator is that filter's coverage.
    let courier = SearchRequest::new("Putin").source("Daily Courier");
    let filtered = archive.timeline(&courier, Interval::Year).unwrap();
    let years: Vec<(&str, u64, u64)> = filtered
        .buckets
        .iter()
        .map(|b| (b.key.as_str(), b.count, b.total))
        .collect();
    assert_eq!(years, [("2025", 1, 3)]);

    // An entity filter says what is counted, not the coverage it is a share of.
    let putin = SearchRequest::new("*").person("Vladimir Putin");
    let by_person = archive.timeline(&putin, Interval::Month).unwrap();
    let january = by_person.buckets.last().unwrap();
    assert_eq!((january.key.as_str(), january.total), ("2026-01", 2));
    assert!(
        january.count >= 1 && january.count < january.total,
        "{january:?}"
    );

    let weeks = archive
        .timeline(&SearchRequest::new("Tartus"), Interval::Week)
        .unwrap();
    assert!(weeks.buckets.iter().all(|b| b.count <= b.total));
    assert_eq!(
        weeks.total, 3,
        "the undated article counts in the total but in no bucket"
    );
}

#[test]
fn an_archive_is_shared_across_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<news_query::Archive>();
    let (_dir, archive) = archive_of(&newsroom(), 8);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let archive = archive.clone();
            std::thread::spawn(move || archive.search(&SearchRequest::new("Tartus")).unwrap().total)
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap(), 3);
    }
}

/// A filter value reads as the name the entity lookup offers first: a
/// prefix of a word (`Reag` of `Reagan`) beats a more frequent near
/// spelling (`Read`), in both.
#[test]
fn filter_values_resolve_to_what_the_lookup_offers_first() {
    let tagged = |id: &str, person: &str| {
        let mut record = article(id, day(1987, 3, 1), "Talks", "Talks went on.");
        record.persons = vec![person.into()];
        record
    };
    let records = [
        tagged("a", "Ronald Reagan"),
        tagged("b", "Dillon Read"),
        tagged("c", "Dillon Read"),
        tagged("d", "Dillon Read"),
    ];
    let (_dir, archive) = archive_of(&records, 2);
    let offered = archive.entities(EntityKind::Person, "Reag", 5).unwrap();
    assert_eq!(offered[0].name, "Ronald Reagan");
    let response = archive
        .search(&SearchRequest::new("*").person("Reag"))
        .unwrap();
    assert_eq!(response.notices[0].used.as_deref(), Some("Ronald Reagan"));
    assert_eq!(ids(&response), ["a"]);
    // Whole words still come first: `Read` is Dillon Read's, not a prefix.
    let read = archive
        .search(&SearchRequest::new("*").person("Read"))
        .unwrap();
    assert_eq!(read.notices[0].used.as_deref(), Some("Dillon Read"));
}
